import Foundation

/// Turns Dutch text into the terms a search index stores and a query looks for.
///
/// Every word yields two kinds of term:
/// - its *surface* form: lowercased, diacritics folded (`Financiën` → `financien`), so a match on the
///   word as typed can rank above a match on a related word;
/// - its *stems*: the Snowball stem, folded — and, when it differs, the stem of the folded word, so that
///   a query typed without diacritics meets a text written with them and the other way round.
///   Stopwords get no stem: they count in exact phrases only.
///
/// ```swift
/// let analyzer = DutchAnalyzer()
/// var cache = StemCache()
/// let terms = analyzer.indexTerms("De vluchtelingen integreren", cache: &cache)
/// // terms.surface == "de vluchtelingen integreren", terms.stems == "vluchteel integreer"
/// ```
public struct DutchAnalyzer: Sendable {
    let stemmer = DutchStemmer()

    public init() {}

    /// Unicode NFC, so that a composed `ë` and `e` + combining diaeresis are one letter.
    public func normalize(_ text: String) -> String {
        Self.isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every character is one that NFC leaves as it is: Latin letters with their accents
    /// (U+0000–U+02FF) and typographic punctuation (U+2002–U+206F). That covers nearly all Dutch text
    /// and spares it Foundation's normalization, which costs more than the rest of the analysis.
    static func isSurelyNFC(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x2002...0x206F).contains($0.value) }
    }

    /// The tokens of a text that ``normalize(_:)`` has normalized; their ranges point into that text.
    public func tokens(_ normalizedText: String) -> [Token] {
        Tokenizer.tokens(in: normalizedText)
    }

    public func fold(_ word: String) -> String { DiacriticFolding.fold(word) }

    public func isStopword(_ word: String) -> Bool { DutchStopwords.contains(word) }

    /// The folded stems of one lowercased word; empty for a stopword.
    public func stems(of word: String) -> [String] {
        guard !isStopword(word) else { return [] }
        let stemmed = fold(stemmer.stem(word))
        let folded = fold(word)
        guard folded != word else { return [stemmed] }
        let stemmedFolded = stemmer.stem(folded)
        return stemmedFolded == stemmed ? [stemmed] : [stemmed, stemmedFolded]
    }

    /// The surface forms and stems of a text, each joined by single spaces, ready for a full-text column.
    public func indexTerms(_ text: String, cache: inout StemCache) -> IndexTerms {
        var words = Set<String>(), stems = Set<String>()
        return indexTerms(text, cache: &cache, distinctWords: &words, distinctStems: &stems)
    }

    /// ``indexTerms(_:cache:)`` that also collects the distinct surface forms and stems it wrote,
    /// for a term dictionary (cheaper than splitting the joined text again).
    public func indexTerms(
        _ text: String, cache: inout StemCache, distinctWords: inout Set<String>, distinctStems: inout Set<String>
    ) -> IndexTerms {
        var surface = ""
        var stems = ""
        surface.reserveCapacity(text.utf8.count)
        stems.reserveCapacity(text.utf8.count)
        // A compound's joined form goes after the text, so that the parts stand next to the words around
        // them: "het sociaal-economisch beleid" is found by the phrase "het sociaal economisch beleid".
        var joined: [String] = []
        for token in tokens(normalize(text)) {
            if token.kind == .compound {
                joined.append(token.text)
            } else {
                append(token.text, to: &surface, &stems, cache: &cache, distinctWords: &distinctWords, distinctStems: &distinctStems)
            }
        }
        for word in joined {
            append(word, to: &surface, &stems, cache: &cache, distinctWords: &distinctWords, distinctStems: &distinctStems)
        }
        return IndexTerms(surface: surface, stems: stems)
    }

    private func append(
        _ word: String, to surface: inout String, _ stems: inout String, cache: inout StemCache,
        distinctWords: inout Set<String>, distinctStems: inout Set<String>
    ) {
        let entry = cache.entry(for: word, analyzer: self)
        guard !entry.folded.isEmpty else { return }
        if !surface.isEmpty { surface.append(" ") }
        surface.append(entry.folded)
        distinctWords.insert(entry.folded)
        for stem in entry.stems where !stem.isEmpty {
            if !stems.isEmpty { stems.append(" ") }
            stems.append(stem)
            distinctStems.insert(stem)
        }
    }
}

/// A text's terms as ``DutchAnalyzer/indexTerms(_:cache:)`` gives them.
public struct IndexTerms: Sendable, Equatable {
    public var surface: String
    public var stems: String

    public init(surface: String, stems: String) {
        self.surface = surface
        self.stems = stems
    }

    public var surfaceTerms: [Substring] { surface.split(separator: " ") }
    public var stemTerms: [Substring] { stems.split(separator: " ") }
}

/// Remembers the analysis of words already seen. An import stems each distinct word once instead of
/// every time it occurs, which is most of the cost of indexing. Keep one per batch of work.
public struct StemCache: Sendable {
    struct Entry: Sendable {
        let folded: String
        let stems: [String]
    }

    private var entries: [String: Entry] = [:]
    /// Bounds memory on huge imports; a full cache simply starts over.
    private let capacity: Int

    public init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    mutating func entry(for word: String, analyzer: DutchAnalyzer) -> Entry {
        if let entry = entries[word] { return entry }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        let entry = Entry(folded: analyzer.fold(word), stems: analyzer.stems(of: word))
        entries[word] = entry
        return entry
    }
}
