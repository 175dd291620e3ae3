import Domain
import SQLKit

/// The statements behind ``SQLKnowledgeStore``, each working on a whole batch of items.
extension SQLKnowledgeStore {
    static func ids(forSlugs slugs: [String], db: any SQLDatabase) async throws -> [String: String] {
        guard !slugs.isEmpty else { return [:] }
        struct Pair: Decodable { let id: String, slug: String }
        let rows = try await db.select().columns("id", "slug").from("items").where("slug", .in, slugs)
            .all(decoding: Pair.self)
        return Dictionary(rows.map { ($0.slug, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stored items with these slugs, keyed by slug.
    ///
    /// `locking` holds the rows until the transaction ends (`FOR UPDATE` on PostgreSQL; SQLite's single
    /// writer needs nothing), so two concurrent updates of one item apply one after the other — the
    /// search index subtracts the version it read.
    static func items(withSlugs slugs: [String], locking: Bool = false, db: any SQLDatabase) async throws -> [String: KnowledgeItem] {
        guard !slugs.isEmpty else { return [:] }
        let select = db.select().columns(ItemRow.columns.map { SQLColumn($0) }).from("items").where("slug", .in, slugs)
        let rows = try await (locking ? select.for(.update) : select).all(decoding: ItemRow.self)
        return Dictionary(try await hydrate(rows, db: db).map { ($0.content.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stored items with these ids, keyed by id; `locking` as in ``items(withSlugs:locking:db:)``.
    static func items(withIDs ids: [String], locking: Bool = false, db: any SQLDatabase) async throws -> [String: KnowledgeItem] {
        guard !ids.isEmpty else { return [:] }
        let select = db.select().columns(ItemRow.columns.map { SQLColumn($0) }).from("items").where("id", .in, ids)
        let rows = try await (locking ? select.for(.update) : select).all(decoding: ItemRow.self)
        return Dictionary(try await hydrate(rows, db: db).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func insert(_ rows: [ItemRow], db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let builder = db.insert(into: "items").columns(ItemRow.columns)
        for row in rows { builder.values(row.values) }
        try await builder.run()
    }

    static func update(_ row: ItemRow, db: any SQLDatabase) async throws {
        let builder = db.update("items")
        for (column, value) in zip(ItemRow.columns, row.values) where ItemRow.isContentColumn(column) {
            builder.set(SQLColumn(column), to: value)
        }
        try await builder.where("id", .equal, row.id).run()
    }

    /// Replaces the theme and audience links of these items, keeping the order they were given in.
    static func replaceLinks(for items: [(id: String, content: ItemContent)], db: any SQLDatabase) async throws {
        guard !items.isEmpty else { return }
        let ids = items.map(\.id)
        try await db.delete(from: "item_themes").where("item_id", .in, ids).run()
        try await db.delete(from: "item_audiences").where("item_id", .in, ids).run()
        for (table, column, values) in [
            ("item_themes", "theme", items.map { ($0.id, $0.content.themes) }),
            ("item_audiences", "audience", items.map { ($0.id, $0.content.audiences) }),
        ] {
            let links = values.flatMap { id, slugs in slugs.enumerated().map { (id, $0.element, $0.offset) } }
            guard !links.isEmpty else { continue }
            let builder = db.insert(into: table).columns("item_id", column, "position")
            for (id, slug, position) in links { builder.values(SQLBind(id), SQLBind(slug), SQLBind(position)) }
            try await builder.run()
        }
    }

    /// Turns rows into items, fetching the theme and audience links of all of them in one query
    /// (each round trip counts on PostgreSQL).
    static func hydrate(_ rows: [ItemRow], db: any SQLDatabase) async throws -> [KnowledgeItem] {
        guard !rows.isEmpty else { return [] }
        struct Link: Decodable { let kind: String, item_id: String, value: String }
        let ids = rows.map(\.id)
        let links = try await db.raw("""
            SELECT 'theme' AS kind, item_id, theme AS value, position FROM item_themes WHERE item_id IN (\(binds: ids))
            UNION ALL
            SELECT 'audience', item_id, audience, position FROM item_audiences WHERE item_id IN (\(binds: ids))
            ORDER BY kind, item_id, position
            """).all(decoding: Link.self)
        var themes: [String: [String]] = [:], audiences: [String: [String]] = [:]
        for link in links {
            if link.kind == "theme" { themes[link.item_id, default: []].append(link.value) }
            else { audiences[link.item_id, default: []].append(link.value) }
        }
        return try rows.map { try $0.item(themes: themes[$0.id] ?? [], audiences: audiences[$0.id] ?? []) }
    }
}
