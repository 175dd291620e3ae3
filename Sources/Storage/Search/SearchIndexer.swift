import Domain
import DutchLanguage
import SQLKit

/// Keeps the search index in step with the items, inside the transaction that writes them, so a search
/// never finds an item that is not there or misses one that is.
///
/// Only published items are indexed: the index, its term dictionary and the suggestions built from it
/// never hold a word from a draft.
///
/// ```swift
/// try await database.write { db in
///     // … write the item …
///     try await SearchIndexer(db: db).apply([IndexChange(itemID: id, before: old, after: new)])
/// }
/// ```
struct SearchIndexer {
    let db: any SQLDatabase
    let fullText: any FullTextDialect
    let analyzer = DutchAnalyzer()

    init(db: any SQLDatabase) {
        self.db = db
        fullText = FullText.dialect(for: db)
    }

    func apply(_ changes: [IndexChange]) async throws {
        var cache = StemCache()
        var dictionary = TermDictionaryDelta()
        try await index(changes, dictionary: &dictionary, cache: &cache)
        try await dictionary.write(to: db)
    }

    /// Writes the documents now and only sums the dictionary changes, for callers that index in batches
    /// and write the dictionary once at the end (with ``TermDictionaryDelta/write(to:)``).
    func index(_ changes: [IndexChange], dictionary: inout TermDictionaryDelta, cache: inout StemCache) async throws {
        guard !changes.isEmpty else { return }
        for change in changes {
            if let before = change.before, before.status == .gepubliceerd {
                dictionary.subtract(IndexedDocument(itemID: change.itemID, content: before, analyzer: analyzer, cache: &cache))
            }
        }
        var documents: [IndexedDocument] = []
        for change in changes {
            if let after = change.after, after.status == .gepubliceerd {
                var document = change.prepared ?? IndexedDocument(itemID: change.itemID, content: after, analyzer: analyzer, cache: &cache)
                document.itemID = change.itemID
                dictionary.add(document)
                documents.append(document)
            }
        }
        let indexed = changes.filter { $0.before?.status == .gepubliceerd }.map(\.itemID)
        if !indexed.isEmpty { try await fullText.delete(itemIDs: indexed, db: db) }
        try await fullText.insert(documents, db: db)
    }

    /// Empties the index and fills it again from the items table, in batches; answers how many items it indexed.
    @discardableResult
    func rebuild(batchSize: Int = 400) async throws -> Int {
        try await db.raw("DELETE FROM search_words").run()
        try await db.raw("DELETE FROM search_stems").run()
        let ids = try await db.select().column("id").from("items").where("status", .equal, ItemStatus.gepubliceerd.rawValue)
            .all(decodingColumn: "id", as: String.self)
        try await fullText.delete(itemIDs: ids, db: db)
        var cache = StemCache()
        var dictionary = TermDictionaryDelta()
        for batch in ids.chunked(by: batchSize) {
            let rows = try await db.select().columns(ItemRow.columns.map { SQLColumn($0) }).from("items")
                .where("id", .in, Array(batch)).all(decoding: ItemRow.self)
            let items = try await SQLKnowledgeStore.hydrate(rows, db: db)
            try await index(items.map { IndexChange(itemID: $0.id, before: nil, after: $0.content) }, dictionary: &dictionary, cache: &cache)
        }
        try await dictionary.write(to: db)
        return ids.count
    }
}

/// Operator tasks on the search index, for `kennis search reindex`.
public struct SearchMaintenance: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Rebuilds the whole index in one transaction: searches see the old index until it commits.
    public func rebuild() async throws -> Int {
        try await database.write { db in try await SearchIndexer(db: db).rebuild() }
    }

    /// Bytes on disk of the index: documents, full-text structures and the term dictionary.
    public func indexBytes() async throws -> Int {
        let statement: SQLQueryString = database.dialectName == "postgresql"
            ? """
              SELECT CAST(pg_total_relation_size(to_regclass('search_documents')) + pg_total_relation_size(to_regclass('search_words'))
                + pg_total_relation_size(to_regclass('search_stems')) AS BIGINT) AS n
              """
            : """
              SELECT COALESCE(SUM(pgsize), 0) AS n FROM dbstat
              WHERE name GLOB 'search_fts*' OR name GLOB 'sqlite_autoindex_search_*'
                 OR name IN ('search_documents', 'search_words', 'search_stems')
              """
        return try await database.reader.raw(statement).first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

/// An item before and after a write; nil for "did not exist" and "no longer exists".
struct IndexChange: Sendable {
    let itemID: String
    let before: ItemContent?
    let after: ItemContent?
    /// `after`, already analyzed (see ``SearchIndexer/analyze(_:cache:)``).
    var prepared: IndexedDocument? = nil

    /// Analyzes the published items among `contents` by slug, off the writer, so that a bulk import can
    /// analyze the next batch on one core while the database writes this one on the other.
    static func analyze(_ contents: [ItemContent], cache: StemCache) -> Task<(documents: [String: IndexedDocument], cache: StemCache), Never> {
        Task {
            var cache = cache
            var documents: [String: IndexedDocument] = [:]
            let analyzer = DutchAnalyzer()
            for content in contents where content.status == .gepubliceerd {
                documents[content.slug] = IndexedDocument(itemID: "", content: content, analyzer: analyzer, cache: &cache)
            }
            return (documents, cache)
        }
    }
}

/// How many published items hold each word and each stem: for "Bedoelde u …?", for knowing which query
/// words occur at all, and for search-as-you-type. Changes are summed in memory and written once per
/// transaction, because an import touches the same words thousands of times.
struct TermDictionaryDelta {
    private var words: [String: Int] = [:]
    private var stems: [String: Int] = [:]

    mutating func add(_ document: IndexedDocument) { count(document, by: 1) }
    mutating func subtract(_ document: IndexedDocument) { count(document, by: -1) }

    private mutating func count(_ document: IndexedDocument, by step: Int) {
        for word in document.distinctWords { words[word, default: 0] += step }
        for stem in document.distinctStems { stems[stem, default: 0] += step }
    }

    func write(to db: any SQLDatabase) async throws {
        for (table, counts) in [("search_words", words), ("search_stems", stems)] {
            let changed = counts.filter { $0.value != 0 }.map { ($0.key, $0.value) }
            for batch in changed.chunked(by: 5_000) {
                let rows = batch.map { SQLQueryString("(\(bind: $0.0), \(bind: $0.1))") as any SQLExpression }
                try await db.raw("""
                    INSERT INTO \(ident: table) (term, documents) VALUES \(SQLList(rows))
                    ON CONFLICT (term) DO UPDATE SET documents = \(ident: table).documents + excluded.documents
                    """).run()
            }
            if counts.values.contains(where: { $0 < 0 }) {
                try await db.raw("DELETE FROM \(ident: table) WHERE documents <= 0").run()
            }
        }
    }
}
