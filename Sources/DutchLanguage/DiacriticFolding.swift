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

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
