import Domain
import DutchLanguage
import SQLKit

/// The part of search that differs between SQLite and PostgreSQL: how analyzed documents are stored in
/// the database's full-text index and how a ``MatchPlan`` becomes a condition and a score.
///
/// Everything else — facets, filters, the term dictionary, synonyms — is plain SQL shared by both.
/// Queries refer to the `search_documents` table as `d`.
protocol FullTextDialect: Sendable {
    /// The dialect's own tables and indexes; ``SearchSchema`` creates the shared ones.
    func createSchema(_ db: any SQLDatabase) async throws
    func insert(_ documents: [IndexedDocument], db: any SQLDatabase) async throws
    func delete(itemIDs: [String], db: any SQLDatabase) async throws
    /// Empties the index, including anything a copy or a cascade left behind.
    func deleteAll(db: any SQLDatabase) async throws
    /// True for the documents any of these atoms match, for `-excluded` terms.
    func matchesAny(_ atoms: [MatchPlan.Atom]) -> any SQLExpression
    /// The numbers of the documents the plan matches, excluded atoms left out, as one comma-separated
    /// text in a column `docs` (one row instead of thousands). The plan has at least one group.
    func matchingDocuments(_ plan: MatchPlan) -> SQLQueryString
    /// Item ids and scores (higher is better) of one page of matches, excluded atoms left out; `filter`
    /// (on `d`) is nil when no facet is selected. The plan has at least one group.
    func rankedPage(_ plan: MatchPlan, filter: (any SQLExpression)?, sort: SearchRequest.Sort, limit: Int, offset: Int) -> SQLQueryString
    /// Slugs and titles of items whose title holds all these words, the last as a prefix.
    func titleSuggestions(words: [String], prefix: String, limit: Int) -> SQLQueryString
}

enum FullText {
    static func dialect(for db: any SQLDatabase) -> any FullTextDialect {
        db.dialect.name == "postgresql" ? PostgresFullText() : SQLiteFullText()
    }
}

/// One published item, analyzed and ready for the index.
struct IndexedDocument: Sendable {
    /// Set after analysis when the item's id is only known later (a bulk import analyzes ahead).
    var itemID: String
    let type: String
    let published: String
    let year: Int
    let knowledge: String?
    let recognition: String?
    /// Slugs between spaces (` integratie werk `), so one `LIKE '% slug %'` tests membership.
    let themes: String
    let audiences: String
    /// All facet values in one text (see ``FacetKey``), for the in-memory ``FacetTable``.
    let facets: String
    let title: IndexTerms
    /// The summary followed by the authors.
    let summary: IndexTerms
    let body: IndexTerms
    /// The distinct surface words and stems of all fields, for the term dictionary.
    let distinctWords: Set<String>
    let distinctStems: Set<String>

    /// - Parameter attachmentText: the extracted text of the item's attachments, indexed as part of the body.
    init(itemID: String, content: ItemContent, attachmentText: String? = nil, analyzer: DutchAnalyzer, cache: inout StemCache) {
        self.itemID = itemID
        type = content.type.rawValue
        published = content.published.description
        year = content.published.year
        knowledge = content.knowledge
        recognition = content.recognition
        themes = " " + content.themes.joined(separator: " ") + " "
        audiences = " " + content.audiences.joined(separator: " ") + " "
        facets = FacetKey(content).text
        var words = Set<String>(minimumCapacity: 256), stems = Set<String>(minimumCapacity: 256)
        title = analyzer.indexTerms(content.title, cache: &cache, distinctWords: &words, distinctStems: &stems)
        summary = analyzer.indexTerms(([content.summary] + content.authors).joined(separator: "\n"), cache: &cache,
                                      distinctWords: &words, distinctStems: &stems)
        // The words a reader sees: link targets and Markdown marks are not indexed.
        var bodyText = PlainText.fromMarkdown(content.body)
        if let attachmentText, !attachmentText.isEmpty { bodyText += "\n\n" + attachmentText }
        body = analyzer.indexTerms(bodyText, cache: &cache, distinctWords: &words, distinctStems: &stems)
        distinctWords = words
        distinctStems = stems
    }
}

extension SQLQueryString {
    /// Conditions joined by AND; TRUE when there are none.
    static func all(_ conditions: [any SQLExpression]) -> any SQLExpression {
        conditions.isEmpty ? SQLRaw("1 = 1") : SQLGroupExpression(SQLList(conditions, separator: SQLRaw(" AND ")))
    }

    /// Conditions joined by OR; FALSE when there are none.
    static func any(_ conditions: [any SQLExpression]) -> any SQLExpression {
        conditions.isEmpty ? SQLRaw("1 = 0") : SQLGroupExpression(SQLList(conditions, separator: SQLRaw(" OR ")))
    }
}
