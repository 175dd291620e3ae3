import Domain
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Storage
import Testing
import Web

/// The application's database is one of its services and must close its connections however the group ends.
@Suite("Shutdown")
struct ShutdownTests {
    /// Stands in for the HTTP server failing to start, e.g. because its port is taken.
    struct FailingService: Service {
        struct Failed: Error {}
        func run() async throws {
            try await Task.sleep(for: .milliseconds(100))
            throw Failed()
        }
    }

    static func openApp(at path: String, logger: Logger) async throws -> (app: some ApplicationProtocol, database: Database) {
        let app = try await buildApplication(
            ServerConfiguration(database: .sqlite(path: path), adminToken: TestApp.token),
            clock: FixedWallClock(TestApp.now), logger: logger)
        let database = try #require(app.services.compactMap { $0 as? Database }.first)
        // An unclosed SQLiteConnection traps in its deinit (debug builds); keep it alive so a test fails instead.
        _ = Unmanaged.passRetained(database)
        return (app, database)
    }

    static func temporaryDatabasePath() -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennis-web-test-\(UUID().uuidString)")
        return (folder, folder.appendingPathComponent("kennis.sqlite").path)
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "web-test")
        logger.logLevel = .critical
        return logger
    }

    @Test("On a graceful shutdown (SIGTERM) the database closes its connections")
    func databaseClosesOnGracefulShutdown() async throws {
        let (folder, path) = Self.temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, database) = try await Self.openApp(at: path, logger: Self.quietLogger)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the database is open in WAL mode")

        let group = ServiceGroup(configuration: .init(services: [database], logger: Self.quietLogger))
        async let running: Void = group.run()
        try await Task.sleep(for: .milliseconds(100))
        await group.triggerGracefulShutdown()
        try await running
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "connections are still open")
    }

    /// A WAL database leaves `kennis.sqlite-wal` behind while any connection is open; closing the last one removes it.
    @Test("When another service fails and the group is cancelled, the database still closes its connections")
    func databaseClosesWhenCancelled() async throws {
        let (folder, path) = Self.temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logger = Self.quietLogger
        let (_, database) = try await Self.openApp(at: path, logger: logger)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the database is open in WAL mode")

        let group = ServiceGroup(configuration: .init(services: [database, FailingService()], logger: logger))
        await #expect(throws: FailingService.Failed.self) { try await group.run() }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "connections are still open")
    }
}
