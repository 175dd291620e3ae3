import DutchLanguage

/// Decides whether a word of a text is one the query asked for, to mark it in a snippet.
///
/// A word matches when its folded form is a query word or phrase word, when it starts with a query
/// prefix, or when one of its stems is a query stem. Callers that test many words keep a ``Memo``:
/// texts repeat their words, and each distinct word is then analyzed once.
public struct QueryMatcher: Sendable {
    let analyzer = DutchAnalyzer()
    var surfaces: Set<String> = []
    var stems: Set<String> = []
    var prefixes: [String] = []
    /// The first two letters of each stem, as UTF-8: a word that holds none of them cannot have one of
    /// the stems, so it is not stemmed. (Two, not three: `menen` stems to `meen`.)
    private var stemStarts: [[UInt8]] = []
    /// How many different words a passage can match at most: the query's words, phrase words and prefixes.
    public private(set) var termCount = 0

    /// `words` are extra words that should match as words do (synonyms of the query's words).
    public init(_ query: SearchQuery, words extraWords: [String] = []) {
        for term in query.groups.flatMap({ $0 }) {
            switch term {
            case .word(let word): addWord(word)
            case .phrase(let words): surfaces.formUnion(words.map(analyzer.fold))
            case .prefix(let start): prefixes.append(analyzer.fold(start))
            }
        }
        termCount = surfaces.count + prefixes.count
        for word in extraWords { addWord(word) }
        stemStarts = Array(Set(stems.map { Array($0.utf8.prefix(2)) }))
    }

    private mutating func addWord(_ word: String) {
        surfaces.insert(analyzer.fold(word))
        stems.formUnion(analyzer.stems(of: word))
    }

    public var isEmpty: Bool { surfaces.isEmpty && prefixes.isEmpty }

    public func matches(_ word: String) -> Bool {
        let folded = analyzer.fold(word)
        if surfaces.contains(folded) { return true }
        if prefixes.contains(where: { folded.hasPrefix($0) }) { return true }
        let bytes = Array(folded.utf8)
        guard stemStarts.contains(where: { Self.contains(bytes, $0) }) else { return false }
        return analyzer.stems(of: word).contains(where: stems.contains)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if needle.count == 1 || haystack[start + 1] == needle[1] && (needle.count == 2 || haystack[start..<(start + needle.count)].elementsEqual(needle)) {
                return true
            }
        }
        return false
    }

    /// Answers already given, by word.
    public struct Memo {
        var answers: [String: Bool] = [:]

        public init() {}
    }

    public func matches(_ word: String, memo: inout Memo) -> Bool {
        if let answer = memo.answers[word] { return answer }
        let answer = matches(word)
        memo.answers[word] = answer
        return answer
    }
}
