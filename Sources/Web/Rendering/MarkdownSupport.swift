import Domain

// Link policy and character classes shared by the block and inline Markdown parsers.

/// Which link targets may appear in a page: http(s), mailto and relative references only.
enum MarkdownLinkPolicy {
    struct Target {
        let href: String
        /// External links get `rel="noopener"` so the opened page cannot reach back into ours.
        let isExternal: Bool

        func openingTag(title: [Unicode.Scalar]?) -> String {
            var tag = "<a href=\""
            HTMLEscaping.escape(href.unicodeScalars, into: &tag)
            tag += "\""
            if let title {
                tag += " title=\""
                HTMLEscaping.escape(title, into: &tag)
                tag += "\""
            }
            return tag + (isExternal ? " rel=\"noopener\">" : ">")
        }
    }

    /// Returns nil for a refused destination such as `javascript:`.
    static func target(for destination: [Unicode.Scalar]) -> Target? {
        // Browsers drop control characters and surrounding spaces from URLs, so they must not be
        // able to hide a scheme from the check; invisible or odd characters are removed for it too.
        let visible = destination.filter { !$0.isControl }
        let first = visible.firstIndex { !$0.properties.isWhitespace } ?? visible.endIndex
        let last = visible.lastIndex { !$0.properties.isWhitespace } ?? first
        let cleaned = first < visible.endIndex ? visible[first...last] : []
        let checked = String(String.UnicodeScalarView(cleaned.filter {
            !$0.properties.isWhitespace && !$0.properties.isDefaultIgnorableCodePoint
        })).lowercased()
        var href = String.UnicodeScalarView()
        for scalar in cleaned {
            if scalar == " " { href.append(contentsOf: "%20".unicodeScalars) } else { href.append(scalar) }
        }
        let link = String(href)
        let networkPath = ["//", "\\\\", "/\\", "\\/"].contains { checked.hasPrefix($0) }
        if checked.hasPrefix("#") || checked.hasPrefix("?") || checked.hasPrefix("/") || checked.hasPrefix("\\") {
            return Target(href: link, isExternal: networkPath)
        }
        // A colon before any path or query separator means a scheme, which must be on the allow list.
        guard let colon = checked.firstIndex(where: { ":/?".contains($0) }), checked[colon] == ":" else {
            return Target(href: link, isExternal: false)
        }
        switch checked[..<colon] {
        case "http", "https": return Target(href: link, isExternal: true)
        case "mailto": return Target(href: link, isExternal: false)
        default: return nil
        }
    }

    /// CommonMark's autolink scheme: a letter, then 1–31 letters, digits, `+`, `.` or `-`, then `:`.
    static func hasScheme(_ content: [Unicode.Scalar]) -> Bool {
        guard let colon = content.firstIndex(of: ":"), (2...32).contains(colon), content[0].isASCIILetter else {
            return false
        }
        return content[1..<colon].allSatisfy { $0.isASCIIAlphanumeric || "+.-".unicodeScalars.contains($0) }
    }

    static func isEmailAddress(_ content: [Unicode.Scalar]) -> Bool {
        let parts = content.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let localAllowed = ".!#$%&'*+/=?^_`{|}~-".unicodeScalars
        guard parts[0].allSatisfy({ $0.isASCIIAlphanumeric || localAllowed.contains($0) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" }
        }
    }
}

/// Character classes the Markdown parser needs.
extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || ("0"..."9").contains(self) }
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
            || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
    }

    var isMarkdownWhitespace: Bool { properties.isWhitespace }

    /// CommonMark counts Unicode punctuation and symbols as punctuation for emphasis flanking.
    var isMarkdownPunctuation: Bool {
        if value < 0x80 { return isASCIIPunctuation }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
