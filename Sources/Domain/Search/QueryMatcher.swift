import DutchLanguage

/// Decides whether a word of a text is one the query asked for, to mark it in a snippet.
///
/// A word matches when its folded form is a query word or phrase word, when it starts with a query
/// prefix, or when one of its stems is a query stem. Stemming is the expensive part, so a word is only
/// stemmed when it shares its first three letters with a query stem.
public struct QueryMatcher: Sendable {
    let analyzer = DutchAnalyzer()
    var surfaces: Set<String> = []
    var stems: Set<String> = []
    var prefixes: [String] = []
    private var stemStarts: [String] = []

    /// `words` are extra words that should match as words do (synonyms of the query's words).
    public init(_ query: SearchQuery, words extraWords: [String] = []) {
        for term in query.groups.flatMap({ $0 }) {
            switch term {
            case .word(let word): addWord(word)
            case .phrase(let words): surfaces.formUnion(words.map(analyzer.fold))
            case .prefix(let start): prefixes.append(analyzer.fold(start))
            }
        }
        for word in extraWords { addWord(word) }
        stemStarts = Array(Set(stems.map { String($0.prefix(3)) }))
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
        guard stemStarts.contains(where: { folded.contains($0) }) else { return false }
        return analyzer.stems(of: word).contains(where: stems.contains)
    }
}
