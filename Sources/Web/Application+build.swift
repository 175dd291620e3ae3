import Domain
import Foundation
import Hummingbird
import Logging
import Prometheus
import Storage

/// Everything `kennis serve` can be told, from flags or the environment.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// The public address, e.g. `https://kennis.example.nl`; used for canonical links.
    public var baseURL: String?
    /// The operator's bootstrap token for API writes; writes are impossible without it.
    public var adminToken: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .default, baseURL: String? = nil,
        adminToken: String? = nil
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.adminToken = adminToken.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// What the router needs, built once per application. Tests build their own with another clock.
public struct AppDependencies: Sendable {
    public var database: Database
    public var store: any KnowledgeStore
    public var search: any SearchIndex
    /// Where searches are logged; nil logs nothing.
    public var searchLog: SearchLogRecorder?
    public var clock: any WallClock
    public var metrics: PrometheusCollectorRegistry

    public init(
        database: Database, store: any KnowledgeStore, search: any SearchIndex, searchLog: SearchLogRecorder?,
        clock: any WallClock, metrics: PrometheusCollectorRegistry
    ) {
        self.database = database
        self.store = store
        self.search = search
        self.searchLog = searchLog
        self.clock = clock
        self.metrics = metrics
    }
}

/// Opens the database and builds the HTTP application, which applies migrations before it listens.
///
/// The database runs as a service of the application, so on SIGINT/SIGTERM the server drains first
/// and the database closes after it.
public func buildApplication(
    _ configuration: ServerConfiguration, clock: any WallClock = SystemWallClock(), logger: Logger
) async throws -> some ApplicationProtocol {
    let database = try await Database.open(configuration.database, logger: logger)
    do {
        let searchLog = SearchLogRecorder(store: SQLSearchLogStore(database: database), logger: logger)
        let dependencies = AppDependencies(
            database: database, store: SQLKnowledgeStore(database: database, clock: clock),
            search: SQLSearchIndex(database: database), searchLog: searchLog, clock: clock,
            metrics: PrometheusCollectorRegistry())
        let router = try await buildRouter(configuration, dependencies)
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kennis"),
            // Services stop in reverse order: the search log flushes before the database closes.
            services: [database, searchLog],
            logger: logger)
        // Migrations run once the database service (a PostgreSQL pool) is running, before the port opens.
        app.beforeServerStarts {
            let applied = try await Migrator().migrate(database)
            if !applied.isEmpty { logger.info("Database migrated", metadata: ["versions": "\(applied)"]) }
        }
        return app
    } catch {
        try? await database.close()
        throw error
    }
}

/// The routes, each area's controller with its authorization rule, behind the shared middleware.
public func buildRouter(_ configuration: ServerConfiguration, _ dependencies: AppDependencies) async throws -> Router<AppRequestContext> {
    let templates = try await Templates.load()
    let assets = try StaticAssets.load()
    let site = SiteSettings(baseURL: configuration.baseURL, stylesheetURL: assets.stylesheet.url)
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestIDMiddleware()
        RequestLogMiddleware()
        RouteMetricsMiddleware(registry: dependencies.metrics)
        SecurityHeadersMiddleware()
        ErrorMiddleware(templates: templates, site: site)
    }
    OperationsController(database: dependencies.database, registry: dependencies.metrics).addRoutes(to: router)
    assets.addRoutes(to: router)
    SiteController(store: dependencies.store, templates: templates, site: site, clock: dependencies.clock).addRoutes(to: router)
    let search = RecordedSearch(index: dependencies.search, log: dependencies.searchLog, clock: dependencies.clock)
    SearchController(search: search, store: dependencies.store, templates: templates, site: site, clock: dependencies.clock)
        .addRoutes(to: router)
    try OpenAPIDocument.load().addRoutes(to: router)
    let api = router.group("api/v1").add(middleware: BearerTokenMiddleware(operatorToken: configuration.adminToken))
    ItemsAPIController(store: dependencies.store).addRoutes(to: api)
    SearchAPIController(search: search, store: dependencies.store).addRoutes(to: api)
    return router
}
