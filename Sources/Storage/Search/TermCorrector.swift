import Domain
import DutchLanguage
import SQLKit

/// Finds, for each query word that occurs in no published item, the closest word that does: within
/// one edit for words of 4–7 letters and two for longer ones, the most common word among equals.
///
/// Candidates share the word's first letter (a typo at the very start is rare) and a length within
/// reach, which keeps the candidates to a small slice of the dictionary.
struct TermCorrector {
    let db: any SQLDatabase
    let analyzer = DutchAnalyzer()
    static let candidateLimit = 3_000

    /// The corrected query, or nil when every word occurs or no close word exists.
    func correct(_ query: SearchQuery, synonyms: [String: [String]]) async throws -> SearchQuery? {
        let words = Array(Set(query.groups.flatMap { $0 }.compactMap { term -> String? in
            guard case .word(let word) = term, !analyzer.isStopword(word) else { return nil }
            return word
        })).sorted()
        guard !words.isEmpty else { return nil }
        let known = try await knownTerms(words)
        var corrections: [String: String] = [:]
        for word in words {
            let folded = analyzer.fold(word)
            let stems = analyzer.stems(of: word)
            guard !known.contains(folded), !stems.contains(where: known.contains),
                  !SQLSynonymStore.keys(for: word, analyzer: analyzer).contains(where: { synonyms[$0] != nil })
            else { continue }
            if let better = try await closest(to: folded) { corrections[word] = better }
        }
        return corrections.isEmpty ? nil : query.replacing(corrections)
    }

    private func knownTerms(_ words: [String]) async throws -> Set<String> {
        let folded = words.map(analyzer.fold)
        let stems = words.flatMap(analyzer.stems(of:))
        let rows = try await db.raw("""
            SELECT term FROM search_words WHERE term IN (\(binds: folded))
            UNION ALL SELECT term FROM search_stems WHERE term IN (\(binds: stems.isEmpty ? [""] : stems))
            """).all(decodingColumn: "term", as: String.self)
        return Set(rows)
    }

    private func closest(to word: String) async throws -> String? {
        let length = word.unicodeScalars.count
        let allowance = EditDistance.allowance(forLength: length)
        guard allowance > 0, let first = word.unicodeScalars.first else { return nil }
        struct Candidate: Decodable { let term: String, documents: Int }
        let candidates = try await db.raw("""
            SELECT term, documents FROM search_words
            WHERE term >= \(bind: String(first)) AND term < \(bind: Self.upperBound(of: String(first)))
              AND LENGTH(term) BETWEEN \(bind: length - allowance) AND \(bind: length + allowance)
            ORDER BY documents DESC LIMIT \(literal: Self.candidateLimit)
            """).all(decoding: Candidate.self)
        var best: (term: String, distance: Int, documents: Int)?
        for candidate in candidates {
            guard let distance = EditDistance.between(word, candidate.term, limit: best?.distance ?? allowance) else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate.documents > best!.documents) {
                best = (candidate.term, distance, candidate.documents)
            }
        }
        return best?.term
    }

    /// The smallest string above every string that starts with `prefix`, for a range scan.
    static func upperBound(of prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        guard let last = scalars.popLast() else { return "\u{10FFFF}" }
        let next = Unicode.Scalar(last.value + 1) ?? Unicode.Scalar(last.value + 0x801) ?? "\u{10FFFF}"
        scalars.append(next)
        return String(String.UnicodeScalarView(scalars))
    }
}
