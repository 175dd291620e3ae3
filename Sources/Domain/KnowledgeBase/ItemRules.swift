import DutchLanguage

/// The limits an item must respect, in one place so validation, the API description and the
/// forms agree.
public enum ItemRules {
    public static let slugMaximum = 120
    public static let titleMaximum = 200
    public static let summaryMaximum = 600
    public static let bodyMaximum = 200_000
    public static let authorMaximum = 200
    public static let authorsMaximum = 20
    public static let themesMaximum = 10
    public static let locationMaximum = 300
    public static let linkMaximum = 500

    /// Addresses the editor's pages use themselves (`/beheer/items/nieuw`), so no item may have them.
    public static let reservedSlugs: Set<String> = ["nieuw"]

    /// Lowercase letters, digits and single hyphens between them: `taalcafe-in-de-bibliotheek`.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= slugMaximum, !reservedSlugs.contains(slug) else { return false }
        var previousWasHyphen = true  // forbids a leading hyphen
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default: return false
            }
        }
        return !previousWasHyphen
    }

    /// A slug made from a title, for editors who leave the address empty: "Taalcafé in de bibliotheek!"
    /// becomes `taalcafe-in-de-bibliotheek`; nil when the title has no letters or digits.
    public static func slug(fromTitle title: String) -> String? {
        var slug = ""
        for character in DiacriticFolding.fold(title.lowercased()) {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        slug = String(slug.prefix(80))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    /// Only web links: an online-event link is shown to visitors, so `javascript:` and the like are refused.
    public static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest = lower.hasPrefix("https://") ? lower.dropFirst(8) : lower.hasPrefix("http://") ? lower.dropFirst(7) : nil
        guard let rest, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else {
            return false
        }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" || $0.value == 0x7F }
    }
}
