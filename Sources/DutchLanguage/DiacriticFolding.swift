import Foundation

/// Removes diacritics so that `financiën` and `financien`, `geïntegreerd` and `geintegreerd` match.
///
/// Folding happens after stemming (the stemmer needs the diaeresis to see syllable boundaries), and only
/// for matching: what a reader sees is never folded.
///
/// ```swift
/// DiacriticFolding.fold("financiën")   // "financien"
/// ```
public enum DiacriticFolding {
    /// Letters that canonical decomposition leaves alone but a Dutch reader treats as plain letters.
    static let ligatures: [Unicode.Scalar: String] = [
        "ĳ": "ij", "Ĳ": "ij", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        if let latin = foldLatin(word) { return latin }
        var result = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if let replacement = ligatures[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else if !isCombiningMark(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Letters of Latin-1 and Latin Extended-A by their base letters: the accents Dutch text has,
    /// folded without Foundation's (slow) decomposition. Nil when the word has other letters.
    static func foldLatin(_ word: String) -> String? {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if let base = latinBase[scalar] {
                result.append(contentsOf: base.unicodeScalars)
            } else {
                return nil
            }
        }
        return String(result)
    }

    static let latinBase: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x17F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if let replacement = ligatures[scalar] {
                table[scalar] = replacement
                continue
            }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !isCombiningMark($0) }
            if base.count == 1, base.first!.isASCII { table[scalar] = String(String.UnicodeScalarView(base)) }
        }
        return table
    }()

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
