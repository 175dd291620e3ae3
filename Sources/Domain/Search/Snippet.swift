/// A short passage of a result with the words that matched the query marked.
///
/// Kept as plain text segments so that every output format escapes it its own way; ``html`` is the
/// form the website and the API share: escaped text with `<mark>` around the matches.
public struct Snippet: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool

        public init(_ text: String, isMatch: Bool = false) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    public var plainText: String { segments.map(\.text).joined() }

    public var html: String {
        var html = ""
        for segment in segments {
            if segment.isMatch {
                html += "<mark>" + Self.escape(segment.text) + "</mark>"
            } else {
                html += Self.escape(segment.text)
            }
        }
        return html
    }

    /// Escapes per Unicode scalar, not per `Character`: a prepended mark (U+0600) forms one Character
    /// with a following `<`, which a per-Character comparison would let through unescaped.
    static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
