import Foundation

/// Structural facts about a rendered page that the accessibility and safety rules are about.
struct HTMLPage {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    /// How often `fragment` occurs, not overlapping.
    func count(_ fragment: String) -> Int {
        text.components(separatedBy: fragment).count - 1
    }

    func contains(_ fragment: String) -> Bool {
        text.contains(fragment)
    }

    /// Opening `<h1` tags: every page has exactly one.
    var headingOneCount: Int { count("<h1") }

    /// The landmarks and skip link the layout promises on every page; empty when all are present.
    var missingLandmarks: [String] {
        [
            "<html lang=\"nl\">", "href=\"#inhoud\"", "<main id=\"inhoud\"", "<header", "<nav", "<footer",
        ].filter { !text.contains($0) }
    }

    /// The `href` of every `<a … rel="next">`.
    var nextLinks: [String] { links(rel: "next") }

    /// Anchors `<a href="X" rel="R">` as the pagination template writes them.
    func links(rel: String) -> [String] {
        text.components(separatedBy: "<a href=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let tag = rest[..<(rest.firstIndex(of: ">") ?? rest.endIndex)]
            return tag.contains("rel=\"\(rel)\"") ? String(rest[..<end]) : nil
        }
    }
}

extension HTMLPage {
    /// The `href` of `<link rel="stylesheet" href="…">` in the head.
    var stylesheetURL: String? {
        guard let start = text.range(of: "<link rel=\"stylesheet\" href=\"") else { return nil }
        let rest = text[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

extension HTMLPage {
    /// The value of the first hidden `csrf` field.
    var csrfToken: String? {
        guard let start = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = text[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
