import DutchLanguage

/// Reads the search language of ``SearchQuery`` from NFC text, one chunk (a run without spaces) at a time.
struct SearchQueryParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var groups: [[SearchQuery.Term]] = []
    private var excluded: [SearchQuery.Term] = []
    private var joinNextToLastGroup = false

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() -> SearchQuery {
        while position < scalars.count, termCount < SearchQuery.maximumTerms {
            let scalar = scalars[position]
            if Self.isSeparator(scalar) {
                position += 1
            } else if scalar == "\"" {
                position += 1
                add(phrase(readUntil { $0 == "\"" }), excluded: false)
                position += 1
            } else if scalar == "-", position + 1 < scalars.count, scalars[position + 1] == "\"" {
                position += 2
                add(phrase(readUntil { $0 == "\"" }), excluded: true)
                position += 1
            } else {
                chunk(readUntil { Self.isSeparator($0) || $0 == "\"" })
            }
        }
        // Stopwords only count when the query has nothing else ("de" alone still searches for "de").
        let stopwordFree = groups.filter { !$0.allSatisfy(Self.isStopword) }
        return SearchQuery(groups: stopwordFree.isEmpty ? groups : stopwordFree, excluded: excluded)
    }

    private var termCount: Int { groups.reduce(0) { $0 + $1.count } + excluded.count }

    private mutating func chunk(_ raw: String) {
        // `OF` is the Dutch `OR`; both only in capitals, so the words "of" and "or" stay words.
        if raw == "OR" || raw == "OF" {
            joinNextToLastGroup = !groups.isEmpty
            return
        }
        if raw == "AND" { return }
        let isExcluded = raw.hasPrefix("-")
        let isPrefix = raw.hasSuffix("*")
        let words = Tokenizer.tokens(in: raw).filter { $0.kind != .compoundPart }.map(\.text)
        guard !words.isEmpty else { return }
        // A one-letter prefix would match most of the index; it is read as the word.
        if isPrefix, words.count == 1, words[0].unicodeScalars.count >= 2 {
            add(.prefix(words[0]), excluded: isExcluded)
        } else if isExcluded, words.count > 1 {
            add(.phrase(Array(words.prefix(SearchQuery.maximumTerms))), excluded: true)
        } else {
            for word in words { add(.word(word), excluded: isExcluded) }
        }
    }

    private func phrase(_ raw: String) -> SearchQuery.Term? {
        let words = Tokenizer.tokens(in: raw).filter { $0.kind != .compound }.map(\.text)
        switch words.count {
        case 0: return nil
        case 1: return .word(words[0])
        default: return .phrase(Array(words.prefix(SearchQuery.maximumTerms)))
        }
    }

    private mutating func add(_ term: SearchQuery.Term?, excluded isExcluded: Bool) {
        guard let term, termCount < SearchQuery.maximumTerms else { return }
        if isExcluded {
            if !excluded.contains(term) { excluded.append(term) }
        } else if joinNextToLastGroup, !groups.isEmpty {
            if !groups[groups.count - 1].contains(term) { groups[groups.count - 1].append(term) }
        } else if !groups.contains([term]) {
            groups.append([term])
        }
        joinNextToLastGroup = false
    }

    private mutating func readUntil(_ isEnd: (Unicode.Scalar) -> Bool) -> String {
        var text = String.UnicodeScalarView()
        while position < scalars.count, !isEnd(scalars[position]) {
            text.append(scalars[position])
            position += 1
        }
        return String(text)
    }

    /// Spaces and control characters (a pasted tab or newline) separate terms.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }

    private static func isStopword(_ term: SearchQuery.Term) -> Bool {
        if case .word(let word) = term { return DutchStopwords.contains(word) }
        return false
    }
}
