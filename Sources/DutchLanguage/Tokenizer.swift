/// One word or number of a text, lowercased, with where it stands in the text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case word
        /// A hyphenated compound written as one word: `sociaal-economisch` → `sociaaleconomisch`.
        case compound
        /// A part of a hyphenated compound, indexed too so that `economisch` finds `sociaal-economisch`.
        case compoundPart
    }

    /// Lowercased, in the normalization form of the text it came from (NFC for ``DutchAnalyzer``).
    public var text: String
    public var range: Range<String.Index>
    public var kind: Kind
}

/// Splits text into words and numbers: runs of letters and digits. A hyphen between two runs joins them
/// into a compound, which yields the joined word followed by its parts in reading order. Everything
/// else — spaces, punctuation, symbols — separates.
///
/// ```swift
/// Tokenizer.tokens(in: "Sociaal-economische positie").map(\.text)
/// // ["sociaaleconomische", "sociaal", "economische", "positie"]
/// ```
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        // One buffer of UTF-8 bytes for every word: building words byte by byte is what makes this fast.
        var word: [UInt8] = []
        word.reserveCapacity(64)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard isWordStart(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            // One compound: runs of word characters joined by single hyphens.
            var parts: [(text: String, range: Range<String.Index>)] = []
            while true {
                let start = index
                word.removeAll(keepingCapacity: true)
                while index < scalars.endIndex, isWordCharacter(scalars[index]) {
                    appendLowercased(scalars[index], to: &word)
                    index = scalars.index(after: index)
                }
                parts.append((String(decoding: word, as: UTF8.self), start..<index))
                guard index < scalars.endIndex, isHyphen(scalars[index]) else { break }
                let next = scalars.index(after: index)
                guard next < scalars.endIndex, isWordStart(scalars[next]) else { break }
                index = next
            }
            if parts.count == 1 {
                tokens.append(Token(text: parts[0].text, range: parts[0].range, kind: .word))
            } else {
                let whole = parts[0].range.lowerBound..<parts[parts.count - 1].range.upperBound
                tokens.append(Token(text: parts.map(\.text).joined(), range: whole, kind: .compound))
                for part in parts { tokens.append(Token(text: part.text, range: part.range, kind: .compoundPart)) }
            }
        }
        return tokens
    }

    /// Letters and digits; not a combining mark, even one Unicode counts as alphabetic (U+093F), because
    /// folding removes marks and a word must not fold to nothing.
    static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIAlphanumeric(scalar) }
        return (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && !DiacriticFolding.isCombiningMark(scalar)
    }


    /// Letters, digits, and the combining marks of a decomposed letter.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIAlphanumeric(scalar) }
        return isWordStart(scalar) || DiacriticFolding.isCombiningMark(scalar)
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            word.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        } else if scalar.properties.changesWhenLowercased {
            word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        } else {
            word.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}
