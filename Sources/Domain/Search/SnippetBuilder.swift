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
    static let scannedBytes = 20_000
    /// The first try: most passages are found here, and then the rest is not read.
    static let quickBytes = 2_000
    static let leadingWords = 4

    public init(matcher: QueryMatcher, length: Int = 30) {
        self.matcher = matcher
        self.length = max(1, length)
    }

    /// The best passage of `text` (Markdown is read as plain text), or nil when no word matches.
    ///
    /// The start of the text is tried first; when it holds a query word, the rest is not read (a passage
    /// with every query word might lie further on, but reading long texts would slow every result page).
    public func snippet(from text: String) -> Snippet? {
        var memo = QueryMatcher.Memo()
        return snippet(from: text, memo: &memo)
    }

    /// ``snippet(from:)`` that keeps what it learnt about words in `memo`, for the next text of a result page.
    public func snippet(from text: String, memo: inout QueryMatcher.Memo) -> Snippet? {
        guard !matcher.isEmpty else { return nil }
        var best: (snippet: Snippet, score: Int)?
        for limit in [Self.quickBytes, Self.scannedBytes] {
            best = passage(in: Self.prefix(of: text, bytes: limit), truncated: text.utf8.count > limit, memo: &memo)
            if text.utf8.count <= limit || best != nil { break }
        }
        return best?.snippet
    }

    /// At most `bytes` bytes of UTF-8, cut at a character start (cheaper than counting characters).
    static func prefix(of text: String, bytes: Int) -> String {
        let utf8 = Array(text.utf8.prefix(bytes + 1))
        guard utf8.count > bytes else { return text }
        var end = bytes
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    private func passage(in text: String, truncated: Bool, memo: inout QueryMatcher.Memo) -> (snippet: Snippet, score: Int)? {
        let plain = DutchAnalyzer().normalize(PlainText.fromMarkdown(text))
        // Compound parts stay: the index finds "sociaal-economisch" for "economisch", so the snippet marks it.
        let tokens = Tokenizer.tokens(in: plain)
        guard !tokens.isEmpty else { return nil }
        let matched = tokens.indices.filter { matcher.matches(tokens[$0].text, memo: &memo) }
        guard let first = matched.first else { return nil }

        // The window with the most distinct matched words, found by sliding over the matches; ties go to the earliest.
        var best = (start: first, score: 0)
        var inWindow: [String: Int] = [:]
        var left = 0
        for right in matched.indices {
            inWindow[tokens[matched[right]].text, default: 0] += 1
            while matched[right] - matched[left] >= length {
                let word = tokens[matched[left]].text
                inWindow[word]! -= 1
                if inWindow[word] == 0 { inWindow[word] = nil }
                left += 1
            }
            if inWindow.count > best.score { best = (matched[left], inWindow.count) }
        }
        // Start a few words before the first match, so it is read in context; near the start, at the start.
        var start = best.start <= Self.leadingWords * 2 ? 0 : best.start - Self.leadingWords
        // Never start inside a hyphenated compound: its whole form comes before its parts.
        while start > 0, tokens[start].kind == .compoundPart { start -= 1 }
        let end = min(tokens.count, start + length)
        let snippet = Snippet(segments: segments(plain, tokens: tokens[start..<end], matched: Set(matched),
                                                 leading: start > 0, trailing: end < tokens.count || truncated))
        return (snippet, best.score)
    }

    /// The start of a text, unmarked: for results that matched elsewhere (say, in the title).
    public func opening(of text: String) -> Snippet {
        let plain = DutchAnalyzer().normalize(PlainText.fromMarkdown(Self.prefix(of: text, bytes: Self.scannedBytes)))
        let tokens = Tokenizer.tokens(in: plain).filter { $0.kind != .compoundPart }
        guard !tokens.isEmpty else { return Snippet(segments: []) }
        let end = min(tokens.count, length)
        return Snippet(segments: segments(plain, tokens: tokens[0..<end], matched: [], leading: false, trailing: end < tokens.count))
    }

    private func segments(_ text: String, tokens: ArraySlice<Token>, matched: Set<Int>, leading: Bool, trailing: Bool) -> [Snippet.Segment] {
        var segments: [Snippet.Segment] = leading ? [.init("… ")] : []
        // A passage that starts or ends with the text keeps its opening quote or closing punctuation.
        var cursor = leading ? tokens.first!.range.lowerBound : text.startIndex
        for index in tokens.indices where matched.contains(index) {
            let range = tokens[index].range
            // A part of a compound that was marked whole is already in.
            guard range.lowerBound >= cursor else { continue }
            if cursor < range.lowerBound { segments.append(.init(String(text[cursor..<range.lowerBound]))) }
            segments.append(.init(String(text[range]), isMatch: true))
            cursor = range.upperBound
        }
        let end = trailing ? tokens.last!.range.upperBound : text.endIndex
        if cursor < end { segments.append(.init(String(text[cursor..<end]))) }
        if trailing { segments.append(.init(" …")) }
        return segments
    }
}
