import Foundation
import Logging
import SQLKit
import Storage

/// Which database the store and HTTP tests run on, chosen per test run by the environment.
///
/// - `KENNIS_TEST_DATABASE` unset or `sqlite`: a fresh SQLite file per test, in its own temporary folder.
/// - `KENNIS_TEST_DATABASE=postgres`: a fresh schema per test in the database named by
///   `KENNIS_TEST_POSTGRES_URL`; a missing URL is an error, never a silent fall-back to SQLite.
///
/// `scripts/test.sh` runs the suite once for each.
public enum TestDatabase {
    public struct Misconfigured: Error, CustomStringConvertible {
        public let description: String
    }

    public static var isPostgres: Bool { ProcessInfo.processInfo.environment["KENNIS_TEST_DATABASE"] == "postgres" }

    /// A new, empty database location for one test; `cleanup` removes it afterwards.
    public static func make() async throws -> (location: DatabaseLocation, cleanup: @Sendable () async -> Void) {
        guard isPostgres else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennis-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return (.sqlite(path: folder.appendingPathComponent("kennis.sqlite").path),
                    { try? FileManager.default.removeItem(at: folder) })
        }
        guard let url = ProcessInfo.processInfo.environment["KENNIS_TEST_POSTGRES_URL"],
            case .postgres(var location) = try DatabaseLocation(url)
        else { throw Misconfigured(description: "KENNIS_TEST_DATABASE=postgres needs KENNIS_TEST_POSTGRES_URL=postgres://…") }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = DatabaseLocation.postgres(location)
        try await Database.using(admin, logger: quietLogger) { database in
            try await database.reader.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        location.schema = schema
        location.maximumConnections = 4
        return (.postgres(location), {
            try? await Database.using(admin, logger: quietLogger) { database in
                try await database.reader.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            }
        })
    }

    public static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }
}

/// Runs `body` with a fresh database of the run's kind, migrated unless told otherwise, and removes it afterwards.
///
/// ```swift
/// try await withTestDatabase { database in … }
/// ```
@discardableResult
public func withTestDatabase<T: Sendable>(migrate: Bool = true, _ body: (Database) async throws -> T) async throws -> T {
    let (location, cleanup) = try await TestDatabase.make()
    do {
        let result = try await Database.using(location, logger: TestDatabase.quietLogger) { database in
            if migrate { try await Migrator().migrate(database) }
            return try await body(database)
        }
        await cleanup()
        return result
    } catch {
        await cleanup()
        throw error
    }
}

/// Runs `body` with the location of a fresh, migrated database, for tests that open it several times
/// (as several app instances would).
@discardableResult
public func withTestLocation<T: Sendable>(_ body: (DatabaseLocation) async throws -> T) async throws -> T {
    let (location, cleanup) = try await TestDatabase.make()
    do {
        try await Database.using(location, logger: TestDatabase.quietLogger) { try await Migrator().migrate($0) }
        let result = try await body(location)
        await cleanup()
        return result
    } catch {
        await cleanup()
        throw error
    }
}
