import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import TestSupport
import Web

/// A complete application on a fresh database of its own (SQLite, or PostgreSQL when the run asks; see
/// `TestDatabase`), driven through the router.
///
/// ```swift
/// try await TestApp.run { client in
///     let response = try await client.execute(uri: "/", method: .get)
///     #expect(response.status == .ok)
/// }
/// ```
/// Each run has its own temporary folder (removed afterwards), so tests may run in parallel.
enum TestApp {
    /// The operator token the test server is configured with.
    static let token = "test-token"
    /// "Now" for every test: agenda items before it are past, after it upcoming.
    static let now = Timestamp.parse("2026-11-29T10:00:00Z")!

    static func run<Value>(
        adminToken: String? = token, baseURL: String? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await run(adminToken: adminToken, baseURL: baseURL) { client, _ in try await body(client) }
    }

    /// Runs `body` with the client and the application's environment: its stores, a mailer that keeps what
    /// it sends, and helpers that make signed-in visitors.
    static func run<Value>(
        adminToken: String? = token, baseURL: String? = nil, clock: any WallClock = FixedWallClock(now),
        uploadLimit: Int = Attachment.defaultMaximumSize, trustForwardedFor: Bool = false,
        _ body: @Sendable (any TestClientProtocol, TestEnvironment) async throws -> Value
    ) async throws -> Value {
        let (location, cleanup) = try await TestDatabase.make()
        var logger = Logger(label: "web-test")
        logger.logLevel = .warning
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennis-web-\(UUID().uuidString)")
        // Jobs run when a test says so (see TestEnvironment.runDueJobs), not on the service's timer.
        let configuration = ServerConfiguration(
            database: location, baseURL: baseURL, adminToken: adminToken, dataFolder: folder, uploadLimit: uploadLimit,
            trustForwardedFor: trustForwardedFor, jobInterval: .seconds(86_400))
        let mailer = RecordingMailer()
        let database = try await Database.open(location, logger: logger)
        let dependencies = try AppDependencies(
            database: database, configuration: configuration, clock: clock, hasher: BcryptPasswordHasher.forTests(), mailer: mailer,
            logger: logger)
        let environment = TestEnvironment(dependencies: dependencies, mailer: mailer, logger: logger)
        let app = try await buildApplication(configuration, dependencies: dependencies, logger: logger)
        // The body's error (a failed `#require`, a broken fixture) is carried out of the test framework rather than
        // thrown through it: thrown, it cancels the database service, whose close then gives up and the process
        // traps on an unclosed SQLite connection (see OperationsTests.databaseClosesWhenCancelled).
        let result = try await app.test(.router) { client -> Result<Value, any Error> in
            do {
                return .success(try await body(client, environment))
            } catch {
                return .failure(error)
            }
        }
        await cleanup()
        try? FileManager.default.removeItem(at: folder)
        return try result.get()
    }
}

/// Request headers the tests combine.
enum Headers {
    static let json: HTTPFields = [.contentType: "application/json"]

    static func bearer(_ token: String = TestApp.token) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }

    /// JSON content with the operator token: what every write needs.
    static let operatorJSON: HTTPFields = json + bearer()
}

extension TestClientProtocol {
    /// `GET uri`, optionally with the operator token.
    func get(_ uri: String, token: String? = nil) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: token.map { Headers.bearer($0) } ?? [:])
    }

    /// Sends a JSON body with the operator token, as an editor's script would.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String, headers: HTTPFields = Headers.operatorJSON)
        async throws -> TestResponse
    {
        try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json))
    }

    /// Creates an item through the API and insists that it worked, so a broken fixture fails loudly.
    @discardableResult
    func create(_ item: ItemFixture) async throws -> TestResponse {
        let response = try await send(.post, "/api/v1/items", json: item.json)
        guard response.status == .created else {
            throw FixtureFailed(description: "POST \(item.slug) answered \(response.status): \(response.text)")
        }
        return response
    }

    /// POSTs every line of the demo export.
    func importDemo() async throws {
        for line in DemoContent.lines {
            let response = try await send(.post, "/api/v1/items", json: line)
            guard response.status == .created else {
                throw FixtureFailed(description: "POST of a demo line answered \(response.status): \(response.text)")
            }
        }
    }
}

struct FixtureFailed: Error, CustomStringConvertible {
    let description: String
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body parsed as JSON; throws when it is not JSON.
    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    var contentType: String? { headers[.contentType] }
}

extension HTTPField.Name {
    /// The header that carries the request id of every response.
    static let xRequestID = Self("X-Request-ID")!
}
