import ArgumentParser
import Domain
import Foundation
import Hummingbird
import Logging
import Storage
import Web

/// `kennis serve`: runs the website and API until SIGINT or SIGTERM, then drains and stops.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the platform over HTTP.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (env KENNIS_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env KENNIS_PORT, default 8080).")
    var port: Int?

    @Option(help: "Public base URL, e.g. https://kennis.example.nl (env KENNIS_BASE_URL).")
    var baseURL: String?

    @Option(help: "Import this JSON Lines file before serving (idempotent), e.g. the demo content.")
    var `import`: String?

    @Option(help: "Send mail through smtp://user:pass@host:port (env KENNIS_SMTP_URL); without it mail goes to data/outbox/.")
    var smtpURL: String?

    @Option(help: "The sender address of the platform's mails (env KENNIS_MAIL_FROM).")
    var mailFrom: String?

    @Option(help: "The largest attachment in MB (env KENNIS_MAX_UPLOAD_MB, default 25).")
    var maxUploadMB: Int?

    @Option(help: "Folder for attachments and the mail outbox (env KENNIS_DATA_DIR; default: beside the SQLite file, or ./data).")
    var dataDir: String?

    @Flag(help: "Take the client address from X-Forwarded-For, for login throttling behind a reverse proxy (env KENNIS_TRUST_PROXY=1).")
    var trustProxy = false

    func run() async throws {
        let logger = try common.bootstrapLogging()
        let portText = port.map(String.init) ?? Environment.value("KENNIS_PORT") ?? "8080"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw ValidationError("port: '\(portText)' is not a port number (1-65535)")
        }
        let baseURL = baseURL ?? Environment.value("KENNIS_BASE_URL")
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("base-url: '\(baseURL)' must start with http:// or https://")
        }
        let uploadText = maxUploadMB.map(String.init) ?? Environment.value("KENNIS_MAX_UPLOAD_MB") ?? "25"
        guard let uploadMB = Int(uploadText), (1...2048).contains(uploadMB) else {
            throw ValidationError("max-upload-mb: '\(uploadText)' is not a size in MB (1-2048)")
        }
        let configuration = ServerConfiguration(
            host: host ?? Environment.value("KENNIS_HOST") ?? "127.0.0.1", port: port,
            database: try common.databaseLocation(), baseURL: baseURL, adminToken: Environment.value("KENNIS_ADMIN_TOKEN"),
            smtpURL: smtpURL ?? Environment.value("KENNIS_SMTP_URL"),
            mailFrom: mailFrom ?? Environment.value("KENNIS_MAIL_FROM") ?? "kennisplatform@localhost",
            dataFolder: (dataDir ?? Environment.value("KENNIS_DATA_DIR")).map { URL(fileURLWithPath: $0) }, uploadLimit: uploadMB * 1024 * 1024,
            trustForwardedFor: trustProxy || Environment.value("KENNIS_TRUST_PROXY") == "1")
        if let file = self.import {
            let summary = try await Importer(file: file, database: configuration.database, logger: logger).run(showProgress: false)
            logger.info("\(summary)")
        }
        if let token = configuration.adminToken, token.count < 24 {
            logger.warning("KENNIS_ADMIN_TOKEN is short (\(token.count) characters); use at least 24 random characters, e.g. `openssl rand -hex 24`.")
        } else if configuration.adminToken == nil {
            logger.notice("KENNIS_ADMIN_TOKEN is not set: API writes need a personal API token (made under /beheer/account).")
        }
        if configuration.adminToken != nil {
            logger.notice("KENNIS_ADMIN_TOKEN is set: every use of it is recorded in the audit log.")
        }
        if let smtp = configuration.smtpURL {
            let server: SMTPServer
            do {
                server = try SMTPServer(url: smtp)
            } catch {
                throw ValidationError("smtp-url: \(error)")
            }
            logger.info("Mail goes through \(server)")
        } else {
            logger.notice("KENNIS_SMTP_URL is not set: mails are written to \(configuration.dataFolder.appendingPathComponent("outbox").path)")
        }
        if case .failure(let issue) = AccountRules.normalizedEmail(configuration.mailFrom, field: "mail-from"),
           configuration.mailFrom != "kennisplatform@localhost" {
            throw ValidationError("mail-from: \(issue.english) (a bare address, without a display name)")
        }
        if configuration.baseURL == nil, !["127.0.0.1", "localhost", "::1"].contains(configuration.host) {
            logger.warning("KENNIS_BASE_URL is not set: links in mails point to \(configuration.host), and the session cookie is not marked Secure.")
        }
        if case .postgres = configuration.database {
            logger.notice("Attachments are stored in \(configuration.dataFolder.appendingPathComponent("files").path); with several instances, make it one shared folder (KENNIS_DATA_DIR).")
        }
        if !PdfToTextExtractor().isAvailable {
            logger.warning("pdftotext is missing: the text of PDF attachments is not searchable. Install poppler-utils.")
        }
        let app = try await buildApplication(configuration, logger: logger)
        logger.info("Serving", metadata: [
            "address": "http://\(configuration.host):\(configuration.port)", "database": "\(configuration.database)",
        ])
        try await app.runService()
        logger.info("Stopped")
    }
}
