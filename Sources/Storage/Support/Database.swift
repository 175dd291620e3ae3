import Domain
import Foundation
import Logging
import SQLKit
import ServiceLifecycle
import Synchronization

/// The open database: a way to read and a serialized way to write, on SQLite or PostgreSQL.
///
/// Stores use ``reader`` for queries and ``write(_:)`` for changes, and never need to know which
/// database is behind it. It is a `Service`: run it in the application's service group; it closes its
/// connections after the server has drained.
///
/// ```swift
/// let database = try await Database.open(.default, logger: logger)
/// try await database.write { db in try await db.raw("DELETE FROM items").run() }
/// ```
public final class Database: Service, Sendable {
    enum Backend: Sendable {
        case sqlite(SQLiteBackend)
        case postgres(PostgresBackend)
    }

    public let location: DatabaseLocation
    let backend: Backend
    private let closed = Mutex(false)
    let logger: Logger

    private init(location: DatabaseLocation, backend: Backend, logger: Logger) {
        self.location = location
        self.backend = backend
        self.logger = logger
    }

    /// Opens the database. SQLite files (and their folder) are created when missing; a PostgreSQL
    /// database must exist, and is connected to lazily once ``run()`` runs.
    public static func open(_ location: DatabaseLocation, readerCount: Int = 2, logger: Logger) async throws -> Database {
        switch location {
        case .sqlite(let path):
            let backend = try await SQLiteBackend.open(path: path, readerCount: readerCount, logger: logger)
            return Database(location: location, backend: .sqlite(backend), logger: logger)
        case .postgres(let postgres):
            return Database(location: location, backend: .postgres(try PostgresBackend(postgres, logger: logger)), logger: logger)
        }
    }

    /// "sqlite" or "postgresql", for the few statements that differ.
    public var dialectName: String {
        switch backend {
        case .sqlite: "sqlite"
        case .postgres: "postgresql"
        }
    }

    /// Where to read committed data. Do not write through it.
    public var reader: any SQLDatabase {
        switch backend {
        case .sqlite(let sqlite): sqlite.reader
        case .postgres(let postgres): postgres.reader
        }
    }

    /// Runs `body` in one transaction; commits when it returns, rolls back when it throws.
    ///
    /// On SQLite, calls queue for the single writer, so each sees the previous one's result; on PostgreSQL
    /// they run side by side under READ COMMITTED. The `SQLDatabase` argument is valid only during the
    /// closure. Not reentrant: calling `write` inside `body` can wait forever.
    ///
    /// - Throws: ``DomainError/unavailable(_:)`` when the database is busy or unreachable,
    ///   ``DomainError/conflict(_:)`` for a duplicate key, or what `body` throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let sqlite): try await sqlite.write(body)
        case .postgres(let postgres): try await postgres.write(body)
        }
    }

    /// Makes concurrent migrations from several instances wait for each other. Call first inside ``write(_:)``.
    ///
    /// SQLite's writer already runs one transaction at a time; PostgreSQL takes a transaction-scoped advisory lock.
    public func lockForMigration(_ db: any SQLDatabase) async throws {
        if case .postgres = backend { try await db.raw("SELECT pg_advisory_xact_lock(7421001)").run() }
    }

    /// Answers whether the database responds, for `/healthz`.
    public func ping() async throws {
        _ = try await reader.raw("SELECT 1 AS ok").first()
    }

    public func close() async throws {
        let alreadyClosed = closed.withLock { value in
            defer { value = true }
            return value
        }
        guard !alreadyClosed else { return }
        if case .sqlite(let sqlite) = backend { try await sqlite.close() }
        logger.debug("Database closed", metadata: ["database": "\(location)"])
    }

    /// Runs the connection pool (PostgreSQL) until shutdown, then closes the connections.
    public func run() async throws {
        switch backend {
        case .sqlite:
            try? await gracefulShutdown()
        case .postgres(let postgres):
            await cancelWhenGracefulShutdown { await postgres.run() }
        }
        try await close()
    }

    /// Opens the database, runs `body` with it outside a service group (commands, tests), and closes it.
    ///
    /// ```swift
    /// let count = try await Database.using(location, logger: logger) { database in
    ///     try await SQLKnowledgeStore(database: database).items(ItemQuery()).total
    /// }
    /// ```
    public static func using<T: Sendable>(
        _ location: DatabaseLocation, logger: Logger, _ body: (Database) async throws -> T
    ) async throws -> T {
        let database = try await open(location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            if case .postgres(let postgres) = database.backend {
                group.addTask { await postgres.run() }
                // Give the pool a moment to start: a lease before `run()` works but logs a warning.
                try? await Task.sleep(for: .milliseconds(20))
            }
            do {
                let result = try await body(database)
                group.cancelAll()
                try await database.close()
                return result
            } catch {
                group.cancelAll()
                try? await database.close()
                throw error
            }
        }
    }
}

extension SQLDatabase {
    /// Ends the transaction the caller began: commits when `body` returns, rolls back when it throws.
    func commitOrRollBack<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            try await raw("COMMIT").run()
            return result
        } catch {
            try? await raw("ROLLBACK").run()
            throw error
        }
    }
}
