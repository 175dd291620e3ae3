import Domain
import DutchLanguage
import Foundation
import SQLKit

/// The ``SearchIndex`` on SQL: FTS5 on SQLite, tsvector on PostgreSQL, everything around the match shared.
///
/// A search reads the query leniently, adds synonyms, fetches the numbers of all matching documents
/// (which the ``FacetTable`` counts per facet value), fetches one ranked page, and marks the matched
/// words in a snippet of each result. When all words together
/// find nothing it retries with any of them; when a word occurs nowhere it suggests the closest word
/// that does.
public struct SQLSearchIndex: SearchIndex {
    let database: Database
    let analyzer = DutchAnalyzer()
    /// Shared by every search of this index: create one index per process, not one per search.
    let facetTable = FacetTable()

    public init(database: Database) {
        self.database = database
    }

    /// ``search(_:taxonomy:)`` with the taxonomy read from the database, for callers that have none at hand.
    public func search(_ request: SearchRequest) async throws -> SearchResults {
        try await search(request, taxonomy: try await SQLKnowledgeStore(database: database).taxonomy())
    }

    public func search(_ request: SearchRequest, taxonomy: Taxonomy) async throws -> SearchResults {
        let db = database.reader
        let fullText = FullText.dialect(for: db)
        let query = SearchQuery.parse(request.text)
        let synonyms = try await SQLSynonymStore.expansions(forKeys: synonymKeys(in: query), db: db)
        let filters = FacetFilters(request.filters, taxonomy: taxonomy)

        var plan = MatchPlan(query, synonyms: synonyms)
        var counts = try await FacetCounter(db: db, fullText: fullText, filters: filters, table: facetTable).count(plan)
        var matchedAnyWord = false
        if counts.total == 0, plan.groups.count > 1 {
            let anyPlan = MatchPlan(query.anyTerm, synonyms: synonyms)
            let anyCounts = try await FacetCounter(db: db, fullText: fullText, filters: filters, table: facetTable).count(anyPlan)
            if anyCounts.total > 0 {
                (plan, counts, matchedAnyWord) = (anyPlan, anyCounts, true)
            }
        }

        let page = request.page
        let ranked: [(id: String, score: Double)]
        if counts.total == 0 || page.offset >= counts.total {
            ranked = []
        } else {
            ranked = try await rankedPage(plan, filters: filters, fullText: fullText, sort: request.sort, page: page, db: db)
        }
        let suggestion = counts.total == 0 || matchedAnyWord
            ? try await TermCorrector(db: db).correct(query, synonyms: synonyms) : nil
        return SearchResults(
            query: query, total: counts.total,
            hits: try await hits(ranked, query: query, synonyms: synonyms, db: db),
            facets: counts.facets, suggestion: suggestion, matchedAnyWord: matchedAnyWord, page: page)
    }

    public func suggest(_ text: String, limit: Int) async throws -> Suggestions {
        let words = Tokenizer.tokens(in: analyzer.normalize(String(text.prefix(200))))
            .filter { $0.kind != .compoundPart }.map { analyzer.fold($0.text) }
        guard let last = words.last, last.unicodeScalars.count >= 2 else { return Suggestions(titles: [], terms: []) }
        let db = database.reader
        struct Title: Decodable { let slug: String, title: String }
        let titles = try await db.raw(FullText.dialect(for: db).titleSuggestions(words: Array(words.dropLast()), prefix: last, limit: limit))
            .all(decoding: Title.self).map { Suggestions.Title(slug: $0.slug, title: $0.title) }
        let completions = try await db.raw("""
            SELECT term FROM search_words WHERE term >= \(bind: last) AND term < \(bind: TermCorrector.upperBound(of: last))
            ORDER BY documents DESC, term LIMIT \(literal: limit)
            """).all(decodingColumn: "term", as: String.self)
        let lead = words.dropLast().joined(separator: " ")
        return Suggestions(titles: titles, terms: completions.map { lead.isEmpty ? $0 : lead + " " + $0 })
    }

    private func synonymKeys(in query: SearchQuery) -> [String] {
        (query.groups.flatMap { $0 }).flatMap { term -> [String] in
            if case .word(let word) = term { return SQLSynonymStore.keys(for: word, analyzer: analyzer) }
            return []
        }
    }

    private func rankedPage(
        _ plan: MatchPlan, filters: FacetFilters, fullText: any FullTextDialect, sort: SearchRequest.Sort,
        page: PageRequest, db: any SQLDatabase
    ) async throws -> [(id: String, score: Double)] {
        struct Row: Decodable { let item_id: String, score: Double }
        let filter = filters.selections.isEmpty ? nil : filters.all
        let statement: SQLQueryString
        if plan.isEmpty {
            // Browsing (no words, perhaps exclusions and facets): newest first.
            var conditions = [filters.all]
            if !plan.excluded.isEmpty { conditions.append(SQLQueryString("NOT \(fullText.matchesAny(plan.excluded))")) }
            statement = """
                SELECT d.item_id AS item_id, CAST(0 AS DOUBLE PRECISION) AS score FROM search_documents d
                WHERE \(SQLQueryString.all(conditions)) ORDER BY d.published DESC, d.doc
                LIMIT \(literal: page.size) OFFSET \(literal: page.offset)
                """
        } else {
            statement = fullText.rankedPage(plan, filter: filter, sort: sort, limit: page.size, offset: page.offset)
        }
        return try await db.raw(statement).all(decoding: Row.self).map { ($0.item_id, $0.score) }
    }

    private func hits(_ ranked: [(id: String, score: Double)], query: SearchQuery, synonyms: [String: [String]],
                      db: any SQLDatabase) async throws -> [SearchHit] {
        guard !ranked.isEmpty else { return [] }
        let items = try await SQLKnowledgeStore.items(withIDs: ranked.map(\.id), db: db)
        let builder = SnippetBuilder(matcher: QueryMatcher(query, words: synonyms.values.flatMap { $0 }))
        // One memo for the page: its texts share most of their words.
        var memo = QueryMatcher.Memo()
        return ranked.compactMap { entry in
            guard let item = items[entry.id] else { return nil }
            let snippet = builder.snippet(from: item.content.summary, memo: &memo) ?? builder.snippet(from: item.content.body, memo: &memo)
                ?? builder.opening(of: item.content.summary)
            return SearchHit(item: item, score: entry.score, snippet: snippet)
        }
    }
}
