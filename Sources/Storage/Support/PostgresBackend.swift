import Domain
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle
import Synchronization

/// PostgreSQL through a connection pool, for deployments with several app instances on one database.
///
/// The pool (`PostgresClient`) only lends connections while its `run()` executes, so ``run()`` must be
/// part of the application's service group. When the server is unreachable, queries fail fast with
/// ``DomainError/unavailable(_:)``; the pool reconnects by itself once the server is back.
final class PostgresBackend: Sendable {
    let client: PostgresClient
    let logger: Logger
    let host: String
    let port: Int
    /// The longest a request waits for a pooled connection when the server accepts TCP connections but
    /// none is lent (a busy pool, a server starting up, too many clients, a pool still backing off after a
    /// long outage). A server that refuses connections is noticed sooner, see ``withConnection(_:)``.
    let leaseTimeout: Duration = .seconds(5)
    /// The last TCP probe's answer and when it was taken, shared so waiting requests do not each probe.
    private let lastProbe = Mutex<(at: ContinuousClock.Instant, accepts: Bool)?>(nil)

    init(_ location: PostgresLocation, logger: Logger) throws {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try Self.tls(location.tls))
        configuration.options.connectTimeout = .seconds(3)
        configuration.options.maximumConnections = location.maximumConnections
        if let schema = location.schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.host = location.host
        self.port = location.port
    }

    private static func tls(_ mode: PostgresLocation.TLSMode) throws -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    var reader: any SQLDatabase { PooledSQLDatabase(backend: self) }

    /// One transaction on one pooled connection. Isolation is PostgreSQL's default, READ COMMITTED;
    /// code that must not race with other instances takes a lock inside (see ``Database/lockForMigration(_:)``).
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await translatingErrors {
            try await self.withConnection { connection in
                let sql = connection.sql(logger: self.logger)
                try await sql.raw("BEGIN").run()
                return try await sql.commitOrRollBack(body)
            }
        }
    }

    func run() async {
        await client.run()
    }

    /// Borrows a connection for `body`, or fails with ``DomainError/unavailable(_:)`` when none can come.
    ///
    /// While the server is down the pool keeps retrying and would hold every request until it is back.
    /// So a request that has waited a second asks whether the server accepts connections at all: if not,
    /// it answers "unavailable" at once; if so (a busy pool, a slow start), it keeps waiting up to
    /// ``leaseTimeout``. Only the wait for the connection is limited, not the work done with it.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let leased = LeaseFlag()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await self.client.withConnection { connection in
                    leased.set()
                    return try await body(connection)
                }
            }
            group.addTask {
                var waited = Duration.zero
                while true {
                    try await Task.sleep(for: .seconds(1))
                    waited += .seconds(1)
                    if leased.isSet { return nil }
                    let accepts = await self.serverAcceptsConnections()
                    // Once a connection is lent, the work may already be committed: never give up after that.
                    if leased.isSet { return nil }
                    if !accepts { throw DomainError.unavailable("the database does not answer") }
                    if waited >= self.leaseTimeout { throw DomainError.unavailable("no database connection became free") }
                }
            }
            while let result = try await group.next() {
                if let value = result {
                    group.cancelAll()
                    return value
                }
            }
            throw CancellationError()
        }
    }

    /// Whether the server accepts TCP connections now: tells a server that is down from a pool that is busy.
    /// One probe a second at most, whatever the number of waiting requests.
    func serverAcceptsConnections() async -> Bool {
        let now = ContinuousClock.now
        if let last = lastProbe.withLock({ $0 }), now - last.at < .seconds(1) { return last.accepts }
        let accepts = await probe()
        lastProbe.withLock { $0 = (now, accepts) }
        return accepts
    }

    private func probe() async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(1))
                .connect(host: host, port: port).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }

    /// Maps driver errors to domain errors: a lost or refused connection is `unavailable`, a duplicate key
    /// `conflict`; anything else passes unchanged.
    func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: PSQLError) -> any Error {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .queryCancelled:
            return DomainError.unavailable("the database cannot be reached")
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            if state == "23505" { return DomainError.conflict("a record with the same key already exists") }
            // Class 08: connection exception; 57P0x: the server is shutting down or starting up.
            if state.hasPrefix("08") || state.hasPrefix("57P") { return DomainError.unavailable("the database is restarting") }
            // Class 40: a deadlock or serialization failure with another instance; 53: out of resources
            // (too many connections); 57014: a statement cancelled. All pass if tried again shortly.
            if state.hasPrefix("40") || state.hasPrefix("53") || state == "57014" {
                return DomainError.unavailable("the database is busy; try again")
            }
            return DatabaseFailure(description: "PostgreSQL: \(error.serverInfo?[.message] ?? "error") (SQLSTATE \(state))")
        default:
            return DatabaseFailure(description: "PostgreSQL: \(error.code)")
        }
    }
}

/// Set once a connection has been lent; read by the lease timeout.
private final class LeaseFlag: Sendable {
    private let value = Atomic(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// A database error with its server message. PostgresNIO hides details from `description` (they may hold
/// data); the server's message and SQLSTATE are safe to log and help an operator.
public struct DatabaseFailure: Error, CustomStringConvertible {
    public let description: String
}

/// An `SQLDatabase` that runs each statement on a connection borrowed from the pool.
struct PooledSQLDatabase: SQLDatabase {
    let backend: PostgresBackend

    var logger: Logger { backend.logger }
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { .debug }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await backend.translatingErrors {
            try await backend.withConnection { connection in
                try await connection.sql(logger: backend.logger).execute(sql: query, onRow)
            }
        }
    }

    /// Not used by the platform (its transactions go through ``Database/write(_:)``); SQLKit's protocol asks for it.
    /// Its result need not be `Sendable`, so it waits for a connection without the outage guard.
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await backend.translatingErrors {
            try await backend.client.withConnection { connection in try await closure(connection.sql(logger: backend.logger)) }
        }
    }
}
