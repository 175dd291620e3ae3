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
    /// The first byte of each stem: a word that has none of them among its first three letters cannot have
    /// one of the stems (stemming keeps the first letter, or drops a leading `ge`), so it is not stemmed.
    /// One letter, not more: `menen` stems to `meen` and `uren` to `uur`.
    private var stemStarts: Set<UInt8> = []
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
        stemStarts = Set(stems.compactMap(\.utf8.first))
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
        guard folded.utf8.prefix(3).contains(where: stemStarts.contains) else { return false }
        return analyzer.stems(of: word).contains(where: stems.contains)
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
