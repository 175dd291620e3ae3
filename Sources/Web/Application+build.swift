import Domain
import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import Storage

/// Everything `kennis serve` can be told, from flags or the environment.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// The public address, e.g. `https://kennis.example.nl`; used for canonical links, links in mails and the
    /// cookie's `Secure` flag.
    public var baseURL: String?
    /// The operator's bootstrap token for automation (`KENNIS_ADMIN_TOKEN`); off unless set; every use is audited.
    public var adminToken: String?
    /// `smtp://user:pass@host:port` (`KENNIS_SMTP_URL`); without it mail goes to `data/outbox/`.
    public var smtpURL: String?
    /// The sender of the platform's mails (`KENNIS_MAIL_FROM`).
    public var mailFrom: String
    /// Where files, the outbox and (for SQLite) the database live; `./data` unless the database is elsewhere.
    public var dataFolder: URL
    /// The largest attachment in bytes (`KENNIS_MAX_UPLOAD_MB`, default 25 MB).
    public var uploadLimit: Int
    /// Take the client address from `X-Forwarded-For` (set `KENNIS_TRUST_PROXY=1` only behind a proxy that sets it).
    public var trustForwardedFor: Bool
    /// How often this instance looks for due jobs (scheduled publications, text extraction).
    public var jobInterval: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .default, baseURL: String? = nil,
        adminToken: String? = nil, smtpURL: String? = nil, mailFrom: String = "kennisplatform@localhost", dataFolder: URL? = nil,
        uploadLimit: Int = Attachment.defaultMaximumSize, trustForwardedFor: Bool = false, jobInterval: Duration = .seconds(2)
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.adminToken = adminToken.flatMap { $0.isEmpty ? nil : $0 }
        self.smtpURL = smtpURL.flatMap { $0.isEmpty ? nil : $0 }
        self.mailFrom = mailFrom
        self.dataFolder = dataFolder ?? Self.defaultDataFolder(for: database)
        self.uploadLimit = uploadLimit
        self.trustForwardedFor = trustForwardedFor
        self.jobInterval = jobInterval
    }

    static func defaultDataFolder(for database: DatabaseLocation) -> URL {
        if case .sqlite(let path) = database { return URL(fileURLWithPath: path).deletingLastPathComponent() }
        return URL(fileURLWithPath: "data")
    }

    /// The base URL for links in mails: the configured one, or the local address.
    var publicAddress: String { baseURL ?? "http://\(host):\(port)" }
}

/// Opens the database and builds the HTTP application, which applies migrations before it listens.
///
/// The database runs as a service of the application, so on SIGINT/SIGTERM the server drains first
/// and the database closes after it.
///
/// - Parameters:
///   - hasher: bcrypt at cost 12 unless a test passes a cheaper one.
///   - mailer: SMTP or the outbox as configured, unless a test passes its own.
public func buildApplication(
    _ configuration: ServerConfiguration, clock: any WallClock = SystemWallClock(), hasher: (any PasswordHasher)? = nil,
    mailer: (any Mailer)? = nil, logger: Logger
) async throws -> some ApplicationProtocol {
    let database = try await Database.open(configuration.database, logger: logger)
    do {
        let dependencies = try AppDependencies(
            database: database, configuration: configuration, clock: clock, hasher: hasher, mailer: mailer, logger: logger)
        return try await buildApplication(configuration, dependencies: dependencies, logger: logger)
    } catch {
        try? await database.close()
        throw error
    }
}

/// Builds the application on dependencies made beforehand, so a test can reach the stores the app uses.
public func buildApplication(
    _ configuration: ServerConfiguration, dependencies: AppDependencies, logger: Logger
) async throws -> some ApplicationProtocol {
    let database = dependencies.database
    let router = try await buildRouter(configuration, dependencies)
    let jobs = JobService(runner: dependencies.jobRunner(worker: "web-\(ProcessInfo.processInfo.processIdentifier)", logger: logger),
                          interval: configuration.jobInterval, logger: logger)
    // Services stop in reverse order: jobs and the search log finish before the database closes.
    var services: [any Service] = [database]
    if let searchLog = dependencies.searchLog { services.append(searchLog) }
    services.append(jobs)
    services.append(ContentChangeListener(cache: dependencies.pageCache, database: database,
                                          instance: dependencies.contentChanges.instance))
    var app = Application(
        responder: PageCacheResponder(cache: dependencies.pageCache, changes: dependencies.contentChanges,
                                      inner: LanguageResponder(inner: router.buildResponder())),
        server: .http1(configuration: .init(additionalChannelHandlers: [
            PageCacheChannelHandler(cache: dependencies.pageCache, counters: dependencies.contentChanges.counters),
        ])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kennis"),
        services: services, logger: logger)
    // Migrations run once the database service (a PostgreSQL pool) is running, before the port opens.
    app.beforeServerStarts {
        let applied = try await Migrator().migrate(database)
        if !applied.isEmpty { logger.info("Database migrated", metadata: ["versions": "\(applied)"]) }
        if try await !dependencies.accounts.hasActiveAdministrator() {
            logger.notice("""
                No administrator account yet. Create one with: \
                kennis user add --email you@example.nl --name "Your Name" --role beheerder,redacteur
                """)
        }
    }
    return app
}

/// The routes, each area's controller with its authorization rule, behind the shared middleware.
public func buildRouter(_ configuration: ServerConfiguration, _ dependencies: AppDependencies) async throws -> Router<AppRequestContext> {
    let templates = try await Templates.load()
    let assets = try StaticAssets.load()
    let site = SiteSettings(baseURL: configuration.baseURL, stylesheetURL: assets.stylesheet.url, catalogue: templates.catalogue)
    let cookie = SessionCookie(secure: configuration.baseURL?.hasPrefix("https://") ?? false)
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestIDMiddleware()
        RequestLogMiddleware()
        RouteMetricsMiddleware(registry: dependencies.metrics)
        SecurityHeadersMiddleware()
        ErrorMiddleware(templates: templates, site: site)
        SessionMiddleware(sessions: dependencies.sessions, accounts: dependencies.accounts, cookie: cookie, clock: dependencies.clock)
        CSRFMiddleware(maximumBody: configuration.uploadLimit + 1024 * 1024, uploadLimitText: AttachmentUpload.describe(configuration.uploadLimit))
    }
    let everyone = router.group().add(middleware: RequireAccess(.everyone))
    OperationsController(database: dependencies.database, registry: dependencies.metrics).addRoutes(to: everyone)
    assets.addRoutes(to: everyone)
    let siteController = SiteController(
        store: dependencies.store, attachments: dependencies.attachments, templates: templates, site: site, clock: dependencies.clock)
    siteController.addRoutes(to: everyone)
    StatementsController(templates: templates, site: site, contact: configuration.mailFrom).addRoutes(to: everyone)
    let search = RecordedSearch(index: dependencies.search, log: dependencies.searchLog, clock: dependencies.clock)
    SearchController(search: search, store: dependencies.store, templates: templates, site: site, clock: dependencies.clock)
        .addRoutes(to: everyone)
    try OpenAPIDocument.load().addRoutes(to: everyone)
    let pages = StaffPages(templates: templates, site: site)
    AttachmentDownloadController(attachments: dependencies.attachments, files: dependencies.files, store: dependencies.store)
        .addRoutes(to: everyone)
    LoginController(dependencies: dependencies, pages: pages, cookie: cookie, trustForwardedFor: configuration.trustForwardedFor)
        .addRoutes(to: router)
    BeheerRoutes(dependencies: dependencies, pages: pages, site: siteController, uploadLimit: configuration.uploadLimit)
        .addRoutes(to: router)

    let api = router.group("api/v1").add(middleware: BearerTokenMiddleware(
        operatorToken: configuration.adminToken, tokens: dependencies.tokens, audit: dependencies.audit, clock: dependencies.clock))
    ItemsAPIController(store: dependencies.store, editorial: dependencies.editorial).addRoutes(to: api)
    SearchAPIController(search: search, store: dependencies.store).addRoutes(to: api.group().add(middleware: RequireAccess(.everyone)))
    return router
}
