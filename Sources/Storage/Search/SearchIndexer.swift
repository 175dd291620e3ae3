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
                dictionary.subtract(IndexedDocument(
                    itemID: change.itemID, content: before, attachmentText: change.beforeText, analyzer: analyzer, cache: &cache))
            }
        }
        var documents: [IndexedDocument] = []
        for change in changes {
            if let after = change.after, after.status == .gepubliceerd {
                var document = change.prepared ?? IndexedDocument(
                    itemID: change.itemID, content: after, attachmentText: change.afterText, analyzer: analyzer, cache: &cache)
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
        try await fullText.deleteAll(db: db)
        let ids = try await db.select().column("id").from("items").where("status", .equal, ItemStatus.gepubliceerd.rawValue)
            .all(decodingColumn: "id", as: String.self)
        var cache = StemCache()
        var dictionary = TermDictionaryDelta()
        for batch in ids.chunked(by: batchSize) {
            let rows = try await db.select().columns(ItemRow.columns.map { SQLColumn($0) }).from("items")
                .where("id", .in, Array(batch)).all(decoding: ItemRow.self)
            let items = try await SQLKnowledgeStore.hydrate(rows, db: db)
            let texts = try await SQLAttachmentStore.indexedText(itemIDs: items.map(\.id), db: db)
            try await index(items.map { IndexChange(itemID: $0.id, before: nil, after: $0.content, afterText: texts[$0.id]) },
                            dictionary: &dictionary, cache: &cache)
        }
        try await dictionary.write(to: db)
        return ids.count
    }
}
