import Domain
import DutchLanguage
import Foundation
import SQLKit

/// Search on SQLite: an FTS5 table over our own terms.
///
/// The `ascii` tokenizer only splits at ASCII spaces and punctuation, so the terms the analyzer wrote
/// come back out unchanged. Each field has a surface column and a stem column (`t`/`ts` title,
/// `s`/`ss` summary and authors, `b`/`bs` body); a word matches either, and BM25 column weights rank
/// the title above the summary above the body, and the word as typed above its stem.
/// The table is contentless: the text lives in `items`, only the index is stored here.
struct SQLiteFullText: FullTextDialect {
    static let surfaceColumns = "{t s b}"
    static let stemColumns = "{ts ss bs}"
    /// BM25 with column weights, set once as the table's `rank` so `ORDER BY rank` uses it.
    static let bm25 = "bm25(20.0, 10.0, 5.0, 2.5, 1.0, 0.5)"

    func createSchema(_ db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TABLE search_documents (
                doc INTEGER PRIMARY KEY AUTOINCREMENT,
                item_id TEXT NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
                type TEXT NOT NULL, published TEXT NOT NULL, year INTEGER NOT NULL,
                knowledge TEXT, recognition TEXT, themes TEXT NOT NULL, audiences TEXT NOT NULL, facets TEXT NOT NULL)
            """).run()
        try await db.raw("""
            CREATE VIRTUAL TABLE search_fts USING fts5(
                t, ts, s, ss, b, bs, content='', contentless_delete=1, tokenize='ascii', prefix='2 3')
            """).run()
        try await db.raw("INSERT INTO search_fts(search_fts, rank) VALUES ('rank', \(bind: Self.bm25))").run()
    }

    func insert(_ documents: [IndexedDocument], db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        struct Inserted: Decodable { let doc: Int, item_id: String }
        var docs: [String: Int] = [:]
        // 10 values a row: well below SQLite's limit of bound values per statement.
        for batch in documents.chunked(by: 500) {
            let builder = db.insert(into: "search_documents")
                .columns("item_id", "type", "published", "year", "knowledge", "recognition", "themes", "audiences", "facets")
            for document in batch {
                builder.values(SQLBind(document.itemID), SQLBind(document.type), SQLBind(document.published),
                               SQLBind(document.year), SQLBind(document.knowledge), SQLBind(document.recognition),
                               SQLBind(document.themes), SQLBind(document.audiences), SQLBind(document.facets))
            }
            for row in try await builder.returning("doc", "item_id").all(decoding: Inserted.self) {
                docs[row.item_id] = row.doc
            }
            let fts = db.insert(into: "search_fts").columns("rowid", "t", "ts", "s", "ss", "b", "bs")
            for document in batch {
                fts.values(SQLBind(docs[document.itemID]!), SQLBind(document.title.surface), SQLBind(document.title.stems),
                           SQLBind(document.summary.surface), SQLBind(document.summary.stems),
                           SQLBind(document.body.surface), SQLBind(document.body.stems))
            }
            try await fts.run()
        }
    }

    func delete(itemIDs: [String], db: any SQLDatabase) async throws {
        for batch in itemIDs.chunked(by: 500) {
            try await db.raw("""
                DELETE FROM search_fts WHERE rowid IN (SELECT doc FROM search_documents WHERE item_id IN (\(binds: batch)))
                """).run()
            try await db.delete(from: "search_documents").where("item_id", .in, batch).run()
        }
    }

    func deleteAll(db: any SQLDatabase) async throws {
        try await db.raw("INSERT INTO search_fts(search_fts) VALUES ('delete-all')").run()
        try await db.raw("DELETE FROM search_documents").run()
    }

    func matchesAny(_ atoms: [MatchPlan.Atom]) -> any SQLExpression {
        guard !atoms.isEmpty else { return SQLRaw("1 = 0") }
        return SQLQueryString("d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: expression([atoms])))")
    }

    /// Straight from the full-text index: no row of `search_documents` is read.
    func matchingDocuments(_ plan: MatchPlan) -> SQLQueryString {
        "SELECT group_concat(rowid, ',') AS docs FROM search_fts WHERE search_fts MATCH \(bind: expression(plan))"
    }

    /// Without facet selections, FTS5 ranks and cuts the page itself (`ORDER BY rank`), and only that page
    /// is joined to `search_documents`; with selections, every match is joined to be filtered.
    func rankedPage(_ plan: MatchPlan, filter: (any SQLExpression)?, sort: SearchRequest.Sort, limit: Int, offset: Int) -> SQLQueryString {
        guard let filter else {
            if sort == .relevance {
                return """
                    SELECT d.item_id AS item_id, -f.rank AS score
                    FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH \(bind: expression(plan))
                          ORDER BY rank LIMIT \(literal: limit) OFFSET \(literal: offset)) f
                    JOIN search_documents d ON d.doc = f.rowid ORDER BY f.rank
                    """
            }
            return rankedPage(plan, filter: SQLRaw("1 = 1"), sort: sort, limit: limit, offset: offset)
        }
        let order = sort == .newest ? "d.published DESC, score DESC, d.doc" : "score DESC, d.published DESC, d.doc"
        return """
            SELECT d.item_id AS item_id, -search_fts.rank AS score
            FROM search_fts JOIN search_documents d ON d.doc = search_fts.rowid
            WHERE search_fts MATCH \(bind: expression(plan)) AND \(filter)
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
    }

    /// The most recently indexed titles first: FTS5 walks its rowids backwards and stops at the limit,
    /// where ranking would score every title that starts so (a keystroke must stay cheap).
    func titleSuggestions(words: [String], prefix: String, limit: Int) -> SQLQueryString {
        let parts = words.map { "{t} : \(Self.quoted($0))" } + ["{t} : \(Self.quoted(prefix))*"]
        return """
            SELECT i.slug AS slug, i.title AS title
            FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: parts.joined(separator: " AND "))
                  ORDER BY rowid DESC LIMIT \(literal: limit)) f
            JOIN search_documents d ON d.doc = f.rowid JOIN items i ON i.id = d.item_id ORDER BY f.rowid DESC
            """
    }

    /// The plan as FTS5 query text, with its excluded atoms after `NOT`.
    func expression(_ plan: MatchPlan) -> String {
        let included = expression(plan.groups)
        return plan.excluded.isEmpty ? included : "(\(included)) NOT (\(expression([plan.excluded])))"
    }

    /// The FTS5 query text: groups joined by AND, alternatives by OR.
    func expression(_ groups: [[MatchPlan.Atom]]) -> String {
        groups.map { group in "(" + group.map(Self.expression).joined(separator: " OR ") + ")" }.joined(separator: " AND ")
    }

    static func expression(_ atom: MatchPlan.Atom) -> String {
        switch atom {
        case .word(let surface, let stems) where stems.isEmpty:
            "\(surfaceColumns) : \(quoted(surface))"
        case .word(let surface, let stems):
            // The surface alternative never widens the match (its stem is among `stems`); it adds to the score.
            (stems.map { "\(stemColumns) : \(quoted($0))" } + ["\(surfaceColumns) : \(quoted(surface))"]).joined(separator: " OR ")
        case .phrase(let words):
            "\(surfaceColumns) : \(quoted(words.joined(separator: " ")))"
        case .prefix(let start):
            "\(surfaceColumns) : \(quoted(start))*"
        }
    }

    /// An FTS5 string. Terms are letters and digits, but a quote is doubled all the same.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
