import Domain
import Foundation
import Logging
import SQLKit
import SQLiteKit
import NIOPosix
import Synchronization

/// SQLite in WAL mode: a few read connections, and one writer whose transactions run one at a time.
final class SQLiteBackend: Sendable {
    private let readers: [SQLiteConnection]
    private let writer: SQLiteConnection
    private let threads: NIOThreadPool
    private let writeLock = AsyncLock()
    private let nextReader = Mutex(0)

    private init(readers: [SQLiteConnection], writer: SQLiteConnection, threads: NIOThreadPool) {
        self.readers = readers
        self.writer = writer
        self.threads = threads
    }

    /// Opens the file (and its folder); connections opened so far are closed when one fails.
    ///
    /// SQLite calls block their thread (a writer may wait up to the busy timeout for another process), so
    /// the connections get a thread pool of their own, one thread each, instead of sharing the process-wide one.
    static func open(path: String, readerCount: Int, logger: Logger) async throws -> SQLiteBackend {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let count = max(1, readerCount) + 1
        let threads = NIOThreadPool(numberOfThreads: count)
        threads.start()
        var opened: [SQLiteConnection] = []
        do {
            for _ in 0..<count {
                let connection = try await SQLiteConnection.open(
                    storage: .file(path: path), threadPool: threads, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
                opened.append(connection)
                try await configure(connection)
            }
        } catch {
            for connection in opened { try? await connection.close().get() }
            try? await threads.shutdownGracefully()
            throw error
        }
        return SQLiteBackend(readers: Array(opened.dropFirst()), writer: opened[0], threads: threads)
    }

    private static func configure(_ connection: SQLiteConnection) async throws {
        let sql = connection.sql()
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
    }

    var reader: any SQLDatabase {
        let index = nextReader.withLock { value in
            value = (value + 1) % readers.count
            return value
        }
        return readers[index].sql()
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
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
            return try await sql.commitOrRollBack(body)
        }
    }

    /// The future-based close runs even when the calling task is cancelled (a failing service
    /// cancels the group); the async one gives up then and leaves the connections open.
    func close() async throws {
        for reader in readers { try await reader.close().get() }
        try await writer.close().get()
        try await threads.shutdownGracefully()
    }
}
