import Domain
import DutchLanguage

/// A ``SearchQuery`` turned into index terms: folded surface forms and stems, with synonyms added as
/// alternatives. Both full-text dialects render the same plan, so they find the same items.
struct MatchPlan: Sendable, Equatable {
    enum Atom: Sendable, Equatable {
        /// Matches any of `stems` (every inflection); a match on `surface` itself only adds to the score.
        /// A stopword has no stems and matches on its surface form.
        case word(surface: String, stems: [String])
        case phrase([String])
        case prefix(String)
    }

    /// All groups must match; within a group, any atom.
    var groups: [[Atom]]
    var excluded: [Atom]

    var isEmpty: Bool { groups.isEmpty }

    /// `synonyms` maps a query word's synonym keys (``SQLSynonymStore/keys(for:analyzer:)``) to the other
    /// words of its groups.
    init(_ query: SearchQuery, synonyms: [String: [String]] = [:], analyzer: DutchAnalyzer = DutchAnalyzer()) {
        func atoms(_ term: SearchQuery.Term) -> [Atom] {
            switch term {
            case .word(let word) where analyzer.fold(word).isEmpty:
                return []
            case .word(let word):
                let stems = analyzer.stems(of: word).filter { !$0.isEmpty }
                var atoms = [Atom.word(surface: analyzer.fold(word), stems: stems)]
                for synonym in SQLSynonymStore.keys(for: word, analyzer: analyzer).flatMap({ synonyms[$0] ?? [] }) {
                    let atom = Atom.word(surface: analyzer.fold(synonym), stems: analyzer.stems(of: synonym))
                    if !atoms.contains(atom) { atoms.append(atom) }
                }
                return atoms
            case .phrase(let words):
                let folded = words.map(analyzer.fold).filter { !$0.isEmpty }
                return folded.isEmpty ? [] : [.phrase(folded)]
            case .prefix(let start):
                return analyzer.fold(start).isEmpty ? [] : [.prefix(analyzer.fold(start))]
            }
        }
        groups = query.groups.map { $0.flatMap(atoms) }.filter { !$0.isEmpty }
        excluded = query.excluded.flatMap(atoms)
    }

    /// Every folded surface word the plan mentions, for scoring matches on the word as typed.
    var surfaces: [String] {
        groups.flatMap { $0 }.flatMap { atom -> [String] in
            switch atom {
            case .word(let surface, _): [surface]
            case .phrase(let words): words
            case .prefix: []
            }
        }
    }
}
