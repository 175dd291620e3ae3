import Domain
import Foundation
import Logging
import Prometheus
import Storage

/// What the router and the job runner need, built once per application from the open database.
/// Tests build their own with another clock, a cheap password hasher and a mailer they can read.
public struct AppDependencies: Sendable {
    public var database: Database
    public var store: any KnowledgeStore
    public var search: any SearchIndex
    /// Where searches are logged; nil logs nothing.
    public var searchLog: SearchLogRecorder?
    public var synonyms: any SynonymStore
    public var taxonomies: any TaxonomyStore
    public var clock: any WallClock
    public var metrics: PrometheusCollectorRegistry

    public var accounts: any AccountStore
    public var sessions: any SessionStore
    public var loginFailures: any LoginFailureStore
    public var tokens: any APITokenStore
    public var resets: any PasswordResetStore
    public var settings: any SettingsStore
    public var audit: any AuditLog
    public var hasher: any PasswordHasher
    public var mailer: any Mailer

    public var attachments: any AttachmentStore
    public var files: any FileStore
    public var textExtractor: any TextExtractor
    public var jobs: any JobQueue
    public var schedule: any PublicationSchedule
    public var publicAddress: String
    /// Rendered public pages; emptied through ``contentChanges`` on every change.
    var pageCache: PageCache
    var contentChanges: ContentChanges

    public init(
        database: Database, configuration: ServerConfiguration, clock: any WallClock, hasher: (any PasswordHasher)?,
        mailer: (any Mailer)?, logger: Logger
    ) throws {
        self.database = database
        self.clock = clock
        store = SQLKnowledgeStore(database: database, clock: clock)
        search = SQLSearchIndex(database: database)
        searchLog = SearchLogRecorder(store: SQLSearchLogStore(database: database), logger: logger)
        synonyms = SQLSynonymStore(database: database)
        taxonomies = SQLTaxonomyStore(database: database)
        metrics = PrometheusCollectorRegistry()
        accounts = SQLAccountStore(database: database, clock: clock)
        sessions = SQLSessionStore(database: database)
        loginFailures = SQLLoginFailureStore(database: database)
        tokens = SQLAPITokenStore(database: database)
        resets = SQLPasswordResetStore(database: database)
        settings = SQLSettingsStore(database: database)
        audit = SQLAuditLog(database: database)
        self.hasher = hasher ?? BcryptPasswordHasher()
        if let mailer {
            self.mailer = mailer
        } else if let url = configuration.smtpURL {
            self.mailer = SMTPMailer(server: try SMTPServer(url: url), from: configuration.mailFrom, logger: logger)
        } else {
            self.mailer = OutboxMailer(folder: configuration.dataFolder.appendingPathComponent("outbox"), logger: logger)
        }
        attachments = SQLAttachmentStore(database: database)
        files = LocalFileStore(root: configuration.dataFolder.appendingPathComponent("files"))
        textExtractor = PdfToTextExtractor()
        jobs = SQLJobQueue(database: database, clock: clock)
        schedule = SQLPublicationSchedule(database: database, clock: clock)
        publicAddress = configuration.publicAddress
        pageCache = PageCache(trusted: !database.sharesChanges)
        contentChanges = ContentChanges(cache: pageCache, database: database, counters: PageCacheCounters(registry: metrics),
                                        logger: logger, instance: UUID().uuidString)
    }

    /// Adds a line to the audit log, stamped with this application's clock.
    func audit(_ action: AuditEntry.Action, by actor: String, subject: String, detail: String = "") async throws {
        try await audit.record(AuditEntry(at: clock.now(), actor: actor, action: action, subject: subject, detail: detail))
    }

    var editorial: Editorial {
        Editorial(store: store, attachments: attachments, files: files, settings: settings, audit: audit, schedule: schedule,
                  accounts: accounts, clock: clock)
    }

    var signIn: SignIn {
        SignIn(accounts: accounts, sessions: sessions, hasher: hasher, throttle: LoginThrottle(failures: loginFailures),
               audit: audit, clock: clock, lifetime: SessionCookie.lifetime)
    }

    var passwordReset: PasswordResetFlow {
        PasswordResetFlow(accounts: accounts, resets: resets, tokens: tokens, throttle: LoginThrottle(failures: loginFailures),
                          mailer: mailer, hasher: hasher, audit: audit, clock: clock, baseURL: publicAddress)
    }

    /// The scheduler of one instance: publishes planned items and extracts attachment text.
    public func jobRunner(worker: String, logger: Logger) -> JobRunner {
        let editorial = self.editorial
        let changes = contentChanges
        let extraction = TextExtraction(attachments: attachments, files: files, extractor: textExtractor)
        return JobRunner(
            queue: jobs, worker: worker,
            handlers: [
                ScheduledPublication.jobKind: { job in
                    guard let publication = SQLPublicationSchedule.decode(job.payload, runAt: Timestamp.format(job.runAt)) else { return }
                    try await editorial.runScheduledPublication(publication)
                    await changes.announce()
                },
                TextExtraction.jobKind: { job in try await extraction.run(attachmentID: job.payload) },
            ],
            clock: clock, logger: logger)
    }
}
