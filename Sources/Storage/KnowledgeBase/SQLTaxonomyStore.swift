import Domain
import SQLKit

/// The taxonomy tables, changed by administrators from `/beheer/taxonomie`.
public struct SQLTaxonomyStore: TaxonomyStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static func table(_ list: TermList) -> String {
        switch list {
        case .audiences: "audiences"
        case .knowledgeKinds: "knowledge_kinds"
        case .recognitionLevels: "recognition_levels"
        }
    }

    public func addTheme(_ theme: Theme) async throws {
        try await database.write { db in
            try await Self.requireFree(theme.slug, table: "themes", db: db)
            if let parent = theme.parent,
               try await db.select().column("slug").from("themes").where("slug", .equal, parent).first() == nil {
                throw DomainError.notFound("no theme '\(parent)'")
            }
            let position = try await Self.nextPosition("themes", db: db)
            try await db.insert(into: "themes").columns("slug", "name", "description", "parent", "position")
                .values(SQLBind(theme.slug), SQLBind(theme.name), SQLBind(theme.description), SQLBind(theme.parent), SQLBind(position))
                .run()
        }
    }

    public func addTerm(_ term: Term, to list: TermList) async throws {
        let table = Self.table(list)
        try await database.write { db in
            try await Self.requireFree(term.slug, table: table, db: db)
            let position = try await Self.nextPosition(table, db: db)
            try await db.insert(into: table).columns("slug", "name", "position")
                .values(SQLBind(term.slug), SQLBind(term.name), SQLBind(position)).run()
        }
    }

    public func renameTheme(slug: String, name: String, description: String) async throws {
        try await database.write { db in
            let changed = try await db.raw("""
                UPDATE themes SET name = \(bind: name), description = \(bind: description) WHERE slug = \(bind: slug) RETURNING slug
                """).all()
            guard !changed.isEmpty else { throw DomainError.notFound("no theme '\(slug)'") }
        }
    }

    public func renameTerm(slug: String, in list: TermList, name: String) async throws {
        let table = Self.table(list)
        try await database.write { db in
            let changed = try await db.raw("UPDATE \(ident: table) SET name = \(bind: name) WHERE slug = \(bind: slug) RETURNING slug").all()
            guard !changed.isEmpty else { throw DomainError.notFound("no term '\(slug)' in \(list.rawValue)") }
        }
    }

    private static func requireFree(_ slug: String, table: String, db: any SQLDatabase) async throws {
        guard try await db.select().column("slug").from(table).where("slug", .equal, slug).first() == nil else {
            throw DomainError.conflict("'\(slug)' is already in use")
        }
    }

    private static func nextPosition(_ table: String, db: any SQLDatabase) async throws -> Int {
        (try await db.raw("SELECT MAX(position) AS p FROM \(ident: table)").first(decodingColumn: "p", as: Int?.self) ?? nil).map { $0 + 1 } ?? 0
    }
}
