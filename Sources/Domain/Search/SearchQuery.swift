import DutchLanguage

/// What a visitor typed into the search box, read leniently.
///
/// The language: words (all must match), `"an exact phrase"`, `-excluded`, `prefix*`, and `OR` (or the
/// Dutch `OF`) between two terms. Nothing a visitor types is an error: an unbalanced quote runs to the end, a lone operator
/// is ignored, control characters separate words, and only the first ``maximumLength`` characters and
/// ``maximumTerms`` terms count.
///
/// ```swift
/// let query = SearchQuery.parse(#"statushouders "eigen regie" -taal werk*"#)
/// // groups: [[.word("statushouders")], [.phrase(["eigen", "regie"])], [.prefix("werk")]]
/// // excluded: [.word("taal")]
/// ```
public struct SearchQuery: Sendable, Hashable {
    public enum Term: Sendable, Hashable {
        /// A lowercased word; matched on its stem, so inflections count.
        case word(String)
        /// Lowercased words that must stand next to each other, matched as written (diacritics folded).
        case phrase([String])
        /// The beginning of a word.
        case prefix(String)
    }

    /// Terms that must all match; each group is satisfied by any of its alternatives (`a OR b`).
    public var groups: [[Term]]
    public var excluded: [Term]

    public static let maximumLength = 1_000
    public static let maximumTerms = 24

    public init(groups: [[Term]] = [], excluded: [Term] = []) {
        self.groups = groups
        self.excluded = excluded
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// Every alternative of every group in one group: the "any word" reading when "all words" finds nothing.
    public var anyTerm: SearchQuery {
        SearchQuery(groups: [groups.flatMap { $0 }], excluded: excluded)
    }

    /// The query as canonical text: for the query log, for links, and to show back to the visitor.
    public var normalized: String {
        let included = groups.map { $0.map(Self.text).joined(separator: " OR ") }
        return (included + excluded.map { "-" + Self.text($0) }).joined(separator: " ")
    }

    static func text(_ term: Term) -> String {
        switch term {
        case .word(let word): word
        case .phrase(let words): "\"" + words.joined(separator: " ") + "\""
        case .prefix(let start): start + "*"
        }
    }

    /// Replaces every occurrence of a word, for the corrected query of "Bedoelde u …?".
    public func replacing(_ corrections: [String: String]) -> SearchQuery {
        func fix(_ term: Term) -> Term {
            if case .word(let word) = term, let better = corrections[word] { return .word(better) }
            return term
        }
        return SearchQuery(groups: groups.map { $0.map(fix) }, excluded: excluded.map(fix))
    }

    public static func parse(_ input: String) -> SearchQuery {
        var parser = SearchQueryParser(DutchAnalyzer().normalize(String(input.prefix(maximumLength))))
        var query = parser.parse()
        // Closing an open quote can make the normalized text a little longer than the input; drop
        // terms from the end until it fits, so that a normalized query always parses to itself.
        while query.normalized.count > maximumLength {
            if !query.excluded.isEmpty { query.excluded.removeLast() } else { query.groups.removeLast() }
        }
        return query
    }
}
