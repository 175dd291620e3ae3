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
                html += "<mark>" + HTMLEscaping.escape(segment.text) + "</mark>"
            } else {
                html += HTMLEscaping.escape(segment.text)
            }
        }
        return html
    }
}
