import DutchLanguage

/// Picks the passage of a text that holds the most different query words, and marks them.
///
/// ```swift
/// let snippet = SnippetBuilder(matcher: QueryMatcher(.parse("statushouders"))).snippet(from: item.content.body)
/// ```
public struct SnippetBuilder: Sendable {
    let matcher: QueryMatcher
    /// Words in a passage: about two lines on a phone.
    let length: Int
    /// Only the start of very long texts is searched for a passage, to keep a result page fast.
    static let scannedCharacters = 20_000

    public init(matcher: QueryMatcher, length: Int = 30) {
        self.matcher = matcher
        self.length = length
    }

    /// The best passage of `text` (Markdown is read as plain text), or nil when no word matches.
    public func snippet(from text: String) -> Snippet? {
        let plain = DutchAnalyzer().normalize(PlainText.fromMarkdown(String(text.prefix(Self.scannedCharacters))))
        let tokens = Tokenizer.tokens(in: plain).filter { $0.kind != .compoundPart }
        guard !tokens.isEmpty, !matcher.isEmpty else { return nil }
        let matched = tokens.indices.filter { matcher.matches(tokens[$0].text) }
        guard let first = matched.first else { return nil }

        // The window with the most distinct matched words; ties go to the earliest.
        var best = (start: first, score: 0)
        for start in matched {
            let words = Set(matched.lazy.filter { $0 >= start && $0 < start + length }.map { tokens[$0].text })
            if words.count > best.score { best = (start, words.count) }
        }
        // Start a few words before the first match, so it is read in context.
        let start = max(0, best.start - 4)
        let end = min(tokens.count, start + length)
        return Snippet(segments: segments(plain, tokens: tokens[start..<end], matched: Set(matched),
                                          leading: start > 0, trailing: end < tokens.count))
    }

    /// The start of a text, unmarked: for results that matched elsewhere (say, in the title).
    public func opening(of text: String) -> Snippet {
        let plain = DutchAnalyzer().normalize(PlainText.fromMarkdown(String(text.prefix(Self.scannedCharacters))))
        let tokens = Tokenizer.tokens(in: plain).filter { $0.kind != .compoundPart }
        guard !tokens.isEmpty else { return Snippet(segments: []) }
        let end = min(tokens.count, length)
        return Snippet(segments: segments(plain, tokens: tokens[0..<end], matched: [], leading: false, trailing: end < tokens.count))
    }

    private func segments(_ text: String, tokens: ArraySlice<Token>, matched: Set<Int>, leading: Bool, trailing: Bool) -> [Snippet.Segment] {
        var segments: [Snippet.Segment] = leading ? [.init("… ")] : []
        var cursor = tokens.first!.range.lowerBound
        for index in tokens.indices where matched.contains(index) {
            let range = tokens[index].range
            if cursor < range.lowerBound { segments.append(.init(String(text[cursor..<range.lowerBound]))) }
            segments.append(.init(String(text[range]), isMatch: true))
            cursor = range.upperBound
        }
        let end = tokens.last!.range.upperBound
        if cursor < end { segments.append(.init(String(text[cursor..<end]))) }
        if trailing { segments.append(.init(" …")) }
        return segments
    }
}
