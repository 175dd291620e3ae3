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
    public static func open(_ location: DatabaseLocation, readerCount: Int = 2, logger: Logger) async throws -> Database {
        switch location {
        case .sqliteInMemory:
            // An in-memory database cannot be shared between connections: one connection does everything.
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            try await configure(connection, wal: false)
            return Database(location: location, readers: [connection], writer: connection, logger: logger)
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            try await configure(writer, wal: true)
            var readers: [SQLiteConnection] = []
            for _ in 0..<max(1, readerCount) {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                try await configure(reader, wal: true)
                readers.append(reader)
            }
            return Database(location: location, readers: readers, writer: writer, logger: logger)
        }
    }

    private static func configure(_ connection: SQLiteConnection, wal: Bool) async throws {
        let sql = connection.sql()
        if wal {
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
        }
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
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
    /// is valid only during the closure.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let sql = writer.sql()
        return try await writeLock.withLock {
            try await sql.raw("BEGIN IMMEDIATE").run()
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
        for reader in readers where reader !== writer { try await reader.close().get() }
        try await writer.close().get()
        logger.debug("Database closed", metadata: ["database": "\(location)"])
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await close()
    }
}
