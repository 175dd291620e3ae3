import Domain
import DutchLanguage
import Foundation
import SQLKit

/// The ``KnowledgeStore`` on SQL, written in dialect-neutral SQLKit so PostgreSQL can use it unchanged.
///
/// Reads use the database's read connections; each write is one ``Database/write(_:)`` transaction,
/// so an item and its theme and audience links are stored together or not at all.
public struct SQLKnowledgeStore: KnowledgeStore {
    let database: Database
    let clock: any WallClock

    /// Items per statement in bulk writes: well below SQLite's limit of 32,766 bound values.
    static let batchSize = 400
    /// Imports of at least this many items refresh PostgreSQL's planner statistics.
    static let analyzeThreshold = 1_000

    public init(database: Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// All four lists in one query: pages ask for the taxonomy on every request.
    public func taxonomy() async throws -> Taxonomy {
        struct Row: Decodable {
            let kind: String, slug: String, name: String, description: String, parent: String?
        }
        let rows = try await database.reader.raw("""
            SELECT 'theme' AS kind, slug, name, description, parent, position FROM themes
            UNION ALL SELECT 'audience', slug, name, '', CAST(NULL AS TEXT), position FROM audiences
            UNION ALL SELECT 'knowledge', slug, name, '', CAST(NULL AS TEXT), position FROM knowledge_kinds
            UNION ALL SELECT 'recognition', slug, name, '', CAST(NULL AS TEXT), position FROM recognition_levels
            ORDER BY kind, position, slug
            """).all(decoding: Row.self)
        func terms(_ kind: String) -> [Term] { rows.filter { $0.kind == kind }.map { Term(slug: $0.slug, name: $0.name) } }
        return Taxonomy(
            themes: rows.filter { $0.kind == "theme" }.map { Theme(slug: $0.slug, name: $0.name, description: $0.description, parent: $0.parent) },
            audiences: terms("audience"), knowledgeKinds: terms("knowledge"), recognitionLevels: terms("recognition"))
    }

    public func item(slug: String) async throws -> KnowledgeItem? {
        let db = database.reader
        guard let row = try await db.select().columns(ItemRow.columns.map { SQLColumn($0) }).from("items")
            .where("slug", .equal, slug).first(decoding: ItemRow.self)
        else { return nil }
        return try await Self.hydrate([row], db: db).first
    }

    public func items(_ query: ItemQuery) async throws -> Page<KnowledgeItem> {
        let db = database.reader
        let filter = ItemFilter(query)
        let total = try await db.raw("SELECT COUNT(*) AS n FROM items WHERE \(filter.predicate)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT \(SQLList(ItemRow.columns.map { SQLColumn($0) })) FROM items WHERE \(filter.predicate)
            ORDER BY \(filter.order) LIMIT \(literal: query.page.size) OFFSET \(literal: query.page.offset)
            """).all(decoding: ItemRow.self)
        return Page(items: try await Self.hydrate(rows, db: db), total: total, number: query.page.number, size: query.page.size)
    }

    public func itemsOrderedBySlug(after slug: String?, limit: Int) async throws -> [KnowledgeItem] {
        let db = database.reader
        let rows = try await db.select().columns(ItemRow.columns.map { SQLColumn($0) }).from("items")
            .where("slug", .greaterThan, slug ?? "").orderBy("slug").limit(limit)
            .all(decoding: ItemRow.self)
        return try await Self.hydrate(rows, db: db)
    }

    public func create(_ content: ItemContent, by editor: Editor) async throws -> KnowledgeItem {
        let now = clock.now()
        let row = ItemRow(id: UUID().uuidString.lowercased(), content: content, created: now, updated: now)
        try await database.write { db in
            guard try await Self.ids(forSlugs: [content.slug], db: db).isEmpty else {
                throw DomainError.conflict("an item with slug '\(content.slug)' already exists")
            }
            try await Self.insert([row], db: db)
            try await Self.replaceLinks(for: [(row.id, content)], db: db)
            try await SearchIndexer(db: db).apply([IndexChange(itemID: row.id, before: nil, after: content)])
            try await RevisionRows.record(
                Revision(number: 1, saved: now, editor: editor, changedFields: Revision.changedFields(from: nil, to: content), content: content),
                itemID: row.id, db: db)
        }
        return try await requireItem(slug: content.slug)
    }

    public func update(slug: String, with content: ItemContent, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        try await change(slug: slug, by: editor, expectedRevision: expectedRevision) { _ in content }
    }

    public func setStatus(slug: String, to status: ItemStatus, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        try await change(slug: slug, by: editor, expectedRevision: expectedRevision) { stored in
            var content = stored
            content.status = status
            return content
        }
    }

    @discardableResult
    public func recordChange(slug: String, fields: [String], by editor: Editor) async throws -> Int {
        let now = clock.now()
        return try await database.write { db in
            guard let stored = try await Self.items(withSlugs: [slug], locking: true, db: db)[slug] else {
                throw DomainError.notFound("no item with slug '\(slug)'")
            }
            let number = try await RevisionRows.recordBase(of: stored, db: db) + 1
            try await RevisionRows.record(
                Revision(number: number, saved: now, editor: editor, changedFields: fields, content: stored.content), itemID: stored.id, db: db)
            return number
        }
    }

    /// Rewrites an item as `transform` makes it from the stored content, all in one locked transaction: the
    /// revision check, the row, its links, the search index and the new revision.
    private func change(
        slug: String, by editor: Editor, expectedRevision: Int?, _ transform: @escaping @Sendable (ItemContent) -> ItemContent
    ) async throws -> KnowledgeItem {
        let now = clock.now()
        let newSlug = try await database.write { db in
            guard let stored = try await Self.items(withSlugs: [slug], locking: true, db: db)[slug] else {
                throw DomainError.notFound("no item with slug '\(slug)'")
            }
            let id = stored.id
            let latest = try await RevisionRows.latestNumber(itemID: id, db: db)
            if let expectedRevision, expectedRevision != latest {
                throw DomainError.conflict("item '\(slug)' was changed by someone else since revision \(expectedRevision); it is now at revision \(latest)")
            }
            let content = transform(stored.content)
            guard stored.content != content else { return slug }
            if content.slug != slug, try await !Self.ids(forSlugs: [content.slug], db: db).isEmpty {
                throw DomainError.conflict("an item with slug '\(content.slug)' already exists")
            }
            // `created` is not written by an update; the stored creation time stays.
            try await Self.update(ItemRow(id: id, content: content, created: now, updated: now), db: db)
            try await Self.replaceLinks(for: [(id, content)], db: db)
            let text = try await SQLAttachmentStore.indexedText(itemIDs: [id], db: db)[id]
            try await SearchIndexer(db: db).apply([
                IndexChange(itemID: id, before: stored.content, after: content, beforeText: text, afterText: text)
            ])
            let number = try await RevisionRows.recordBase(of: stored, db: db) + 1
            try await RevisionRows.record(
                Revision(number: number, saved: now, editor: editor,
                         changedFields: Revision.changedFields(from: stored.content, to: content), content: content),
                itemID: id, db: db)
            return content.slug
        }
        return try await requireItem(slug: newSlug)
    }

    public func revisions(slug: String) async throws -> [Revision] {
        try await RevisionRows.revisions(slug: slug, db: database.reader)
    }

    public func delete(slug: String) async throws {
        try await database.write { db in
            guard let stored = try await Self.items(withSlugs: [slug], locking: true, db: db)[slug] else {
                throw DomainError.notFound("no item with slug '\(slug)'")
            }
            let id = stored.id
            let text = try await SQLAttachmentStore.indexedText(itemIDs: [id], db: db)[id]
            try await SearchIndexer(db: db).apply([IndexChange(itemID: id, before: stored.content, after: nil, beforeText: text)])
            for table in ["revisions", "attachments"] { try await db.delete(from: table).where("item_id", .equal, id).run() }
            // Links go by ON DELETE CASCADE; deleting them first keeps this correct where foreign keys are off.
            try await db.delete(from: "item_themes").where("item_id", .equal, id).run()
            try await db.delete(from: "item_audiences").where("item_id", .equal, id).run()
            try await db.delete(from: "items").where("id", .equal, id).run()
        }
    }

    public func upsert(_ contents: [ItemContent], progress: (@Sendable (Int) -> Void)?) async throws -> UpsertSummary {
        let now = clock.now()
        let summary = try await database.write { db in
            var summary = UpsertSummary(created: 0, updated: 0)
            var done = 0
            let indexer = SearchIndexer(db: db)
            var dictionary = TermDictionaryDelta()
            var cache = StemCache()
            let batches = contents.chunked(by: Self.batchSize)
            var analysis = batches.first.map { IndexChange.analyze($0, cache: StemCache()) }
            for (number, batch) in batches.enumerated() {
                // Analyze the next batch for the search index while this one is written.
                guard let (prepared, analysisCache) = await analysis?.value else { break }
                analysis = number + 1 < batches.count ? IndexChange.analyze(batches[number + 1], cache: analysisCache) : nil
                let existing = try await Self.items(withSlugs: batch.map(\.slug), locking: true, db: db)
                let texts = try await SQLAttachmentStore.indexedText(itemIDs: existing.values.map(\.id), db: db)
                var links: [(String, ItemContent)] = []
                var newRows: [ItemRow] = []
                var changes: [IndexChange] = []
                for content in batch {
                    if let stored = existing[content.slug] {
                        guard stored.content != content else {
                            summary.unchanged += 1
                            continue
                        }
                        // `created` is not written by an update; the stored creation time stays.
                        try await Self.update(ItemRow(id: stored.id, content: content, created: now, updated: now), db: db)
                        summary.updated += 1
                        links.append((stored.id, content))
                        let text = texts[stored.id]
                        changes.append(IndexChange(
                            itemID: stored.id, before: stored.content, after: content, beforeText: text, afterText: text,
                            prepared: text == nil ? prepared[content.slug] : nil))
                    } else {
                        let row = ItemRow(id: UUID().uuidString.lowercased(), content: content, created: now, updated: now)
                        newRows.append(row)
                        links.append((row.id, content))
                        changes.append(IndexChange(itemID: row.id, before: nil, after: content, prepared: prepared[content.slug]))
                    }
                }
                let newIDs = Set(newRows.map(\.id))
                try await RevisionRows.recordImported(links.filter { !newIDs.contains($0.0) },
                                                      previous: existing, at: now, db: db)
                try await Self.insert(newRows, db: db)
                try await Self.replaceLinks(for: links, db: db)
                try await indexer.index(changes, dictionary: &dictionary, cache: &cache)
                summary.created += newRows.count
                done += batch.count
                progress?(done)
            }
            // The term dictionary is written once for the whole import, not once per batch.
            try await dictionary.write(to: db)
            return summary
        }
        // PostgreSQL plans queries from table statistics, which a large import makes stale until autovacuum
        // comes round; without fresh ones the first searches after an import take a bad plan.
        if database.dialectName == "postgresql", summary.created + summary.updated >= Self.analyzeThreshold {
            try await database.reader.raw("ANALYZE").run()
        }
        return summary
    }

    private func requireItem(slug: String) async throws -> KnowledgeItem {
        guard let item = try await item(slug: slug) else { throw DomainError.notFound("no item with slug '\(slug)'") }
        return item
    }
}
