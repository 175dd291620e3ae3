import Domain
import SQLKit
import Storage
import TestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty database is brought to the newest version, with the taxonomy seeded")
    func fromEmpty() async throws {
        try await withTestDatabase(migrate: false) { database in
            let applied = try await Migrator().migrate(database)
            #expect(applied == Migrations.all.map(\.version))
            #expect(try await Migrator().migrate(database).isEmpty)
            let taxonomy = try await SQLKnowledgeStore(database: database).taxonomy()
            #expect(taxonomy.themes.map(\.slug) == TaxonomySeed.themes.map(\.slug))
            #expect(taxonomy.audiences.count == 7)
            #expect(taxonomy.knowledgeKinds.map(\.slug) == ["praktijk", "implementatie", "onderzoek", "beleid"])
            #expect(taxonomy.recognitionLevels.map(\.slug) == ["goed-beschreven", "goed-onderbouwd", "effectief"])
        }
    }

    @Test("a migration that fails halfway leaves the database as it was")
    func failureRollsBack() async throws {
        try await withTestDatabase(migrate: false) { database in
            let broken = Migration(version: 1000, name: "broken") { db in
                try await db.raw("CREATE TABLE half_done (id TEXT)").run()
                try await db.raw("INSERT INTO no_such_table VALUES (1)").run()
            }
            await #expect(throws: (any Error).self) {
                try await Migrator(migrations: Migrations.all + [broken]).migrate(database)
            }
            let versions = try await Migrator().appliedVersions(database)
            #expect(versions == Set(Migrations.all.map(\.version)))
            let catalog: SQLQueryString = database.dialectName == "sqlite"
                ? "SELECT name FROM sqlite_master WHERE name = 'half_done'"
                : "SELECT table_name FROM information_schema.tables WHERE table_name = 'half_done' AND table_schema = current_schema()"
            let tables = try await database.reader.raw(catalog).all()
            #expect(tables.isEmpty)
        }
    }

    @Test("a database from a newer version is refused")
    func newerDatabase() async throws {
        try await withTestDatabase { database in
            let future = Migration(version: 99, name: "future") { _ in }
            try await Migrator(migrations: Migrations.all + [future]).migrate(database)
            await #expect(throws: Migrator.NewerDatabase.self) { try await Migrator().migrate(database) }
        }
    }

    @Test("SQLite runs in WAL mode", .enabled(if: !TestDatabase.isPostgres))
    func walMode() async throws {
        try await withTestDatabase { database in
            let mode = try await database.reader.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self)
            #expect(mode == "wal")
        }
    }

    @Test("migrations started by several instances at once apply each step exactly once")
    func concurrentMigrations() async throws {
        try await withTestDatabase(migrate: false) { database in
            let results = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 { group.addTask { try await Migrator().migrate(database) } }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(results.sorted() == Migrations.all.map(\.version))
        }
    }

    @Test("the database enforces foreign keys")
    func foreignKeys() async throws {
        try await withTestDatabase { database in
            await #expect(throws: (any Error).self) {
                try await database.write { db in
                    try await db.raw("INSERT INTO item_themes (item_id, theme, position) VALUES ('nope', 'nope', 0)").run()
                }
            }
        }
    }

    @Test("migration 5 widens the status check of a database that already holds items, keeping them and their links")
    func reviewStatusOnExistingData() async throws {
        try await withTestDatabase(migrate: false) { database in
            try await Migrator(migrations: Array(Migrations.all.prefix(4))).migrate(database)
            let store = SQLKnowledgeStore(database: database)
            _ = try await store.upsert([content("ouder", audiences: ["gemeenten"])], progress: nil)
            #expect(try await Migrator().migrate(database) == [5])
            #expect(try await store.item(slug: "ouder")?.content.audiences == ["gemeenten"])
            _ = try await store.create(content("nieuw-ter-review", status: .terReview), by: .operator)
            #expect(try await store.item(slug: "nieuw-ter-review")?.content.status == .terReview)
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("UPDATE items SET status = 'weg' WHERE slug = 'ouder'").run() }
            }
        }
    }
}
