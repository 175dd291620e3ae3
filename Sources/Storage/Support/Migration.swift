import Domain
import Foundation
import SQLKit

/// One versioned step of the schema. Steps never change once released; a change is a new step.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let apply: @Sendable (any SQLDatabase) async throws -> Void

    /// A migration that found the database other than it expects.
    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

/// Brings a database up to the newest schema, one migration per transaction.
///
/// A migration that fails is rolled back completely (both SQLite and PostgreSQL have transactional DDL),
/// so the database stays at the last version that succeeded.
///
/// ```swift
/// let applied = try await Migrator().migrate(database)   // e.g. [1, 2] on an empty database
/// ```
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migrations.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public struct NewerDatabase: Error, CustomStringConvertible {
        public let version: Int
        public var description: String {
            "the database has schema version \(version), newer than this kennis knows; upgrade kennis first"
        }
    }

    /// Applies what is missing and returns the versions applied now.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [Int] {
        try await database.write { db in
            try await database.lockForMigration(db)
            if case .postgres(let postgres) = database.location, let schema = postgres.schema {
                try await db.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """).run()
        }
        let done = try await appliedVersions(database)
        if let newest = done.max(), let known = migrations.last?.version, newest > known { throw NewerDatabase(version: newest) }
        var applied: [Int] = []
        for migration in migrations where !done.contains(migration.version) {
            let didApply = try await database.write { db in
                try await database.lockForMigration(db)
                // Another process may have applied it since we looked; the write lock makes this check final.
                let rows = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).all()
                guard rows.isEmpty else { return false }
                try await migration.apply(db)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.nowText()))
                    .run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    public func appliedVersions(_ database: Database) async throws -> Set<Int> {
        let rows = try await database.reader.raw("SELECT version FROM schema_migrations").all()
        return Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
    }
}

extension Timestamp {
    static func nowText() -> String { format(Date()) }
}
