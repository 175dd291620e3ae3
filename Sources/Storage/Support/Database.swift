import Domain
import Foundation
import Logging
import SQLKit
import SQLiteKit
import ServiceLifecycle
import Synchronization

/// The open database: connections for reading and one serialized path for writing.
///
/// SQLite in WAL mode lets readers work while one writer commits, so reads are spread over a few
/// connections and every write goes through ``write(_:)``, which runs one transaction at a time on the
/// writer connection. It is a `Service`: run it in the application's service group and it closes its
/// connections after the server has drained.
///
/// ```swift
/// let database = try await Database.open(.default, logger: logger)
/// let count = try await database.write { db in try await db.raw("DELETE FROM items").run() }
/// ```
public final class Database: Service, Sendable {
    public let location: DatabaseLocation
    private let readers: [SQLiteConnection]
    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let nextReader = Mutex(0)
    private let closed = Mutex(false)
    private let logger: Logger

    private init(location: DatabaseLocation, readers: [SQLiteConnection], writer: SQLiteConnection, logger: Logger) {
        self.location = location
        self.readers = readers
        self.writer = writer
        self.logger = logger
    }

    /// Opens (creating when needed) the database and its folder, in WAL mode with foreign keys enforced.
    ///
    /// - Throws: when the folder or file cannot be created or opened; connections opened so far are closed.
    public static func open(_ location: DatabaseLocation, readerCount: Int = 2, logger: Logger) async throws -> Database {
        switch location {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var opened: [SQLiteConnection] = []
            do {
                for _ in 0...max(1, readerCount) {
                    let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                    opened.append(connection)
                    try await configure(connection)
                }
            } catch {
                for connection in opened { try? await connection.close().get() }
                throw error
            }
            return Database(location: location, readers: Array(opened.dropFirst()), writer: opened[0], logger: logger)
        }
    }

    private static func configure(_ connection: SQLiteConnection) async throws {
        let sql = connection.sql()
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
    }

    /// A connection for reading committed data. Do not write through it.
    public var reader: any SQLDatabase {
        let index = nextReader.withLock { value in
            value = (value + 1) % readers.count
            return value
        }
        return readers[index].sql()
    }

    /// Runs `body` in one transaction on the writer connection; commits when it returns, rolls back when it throws.
    ///
    /// Calls are queued, so each transaction sees the previous one's result. The `SQLDatabase` argument
    /// is valid only during the closure. Not reentrant: calling `write` inside `body` waits forever.
    ///
    /// - Throws: ``DomainError/unavailable(_:)`` when another process holds the write lock for longer than
    ///   the busy timeout (5 s), or what `body` throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let sql = writer.sql()
        return try await writeLock.withLock {
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
            } catch let error as SQLiteError {
                if case .busy = error.reason {
                    throw DomainError.unavailable("the database is busy with another writer (\(error.message))")
                }
                throw error
            }
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
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
        // The future-based close runs even when the calling task is cancelled (a failing service
        // cancels the group); the async one gives up then and leaves the connections open.
        for reader in readers { try await reader.close().get() }
        try await writer.close().get()
        logger.debug("Database closed", metadata: ["database": "\(location)"])
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await close()
    }
}
