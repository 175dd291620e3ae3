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
        let configuration = ServerConfiguration(
            host: host ?? Environment.value("KENNIS_HOST") ?? "127.0.0.1", port: port,
            database: try common.databaseLocation(), baseURL: baseURL, adminToken: Environment.value("KENNIS_ADMIN_TOKEN"))
        if let file = self.import {
            let summary = try await Importer(file: file, database: configuration.database, logger: logger).run(showProgress: false)
            logger.info("\(summary)")
        }
        if let token = configuration.adminToken, token.count < 24 {
            logger.warning("KENNIS_ADMIN_TOKEN is short (\(token.count) characters); use at least 24 random characters, e.g. `openssl rand -hex 24`.")
        } else if configuration.adminToken == nil {
            logger.notice("KENNIS_ADMIN_TOKEN is not set: the API is read-only.")
        }
        let app = try await buildApplication(configuration, logger: logger)
        logger.info("Serving", metadata: [
            "address": "http://\(configuration.host):\(configuration.port)", "database": "\(configuration.database)",
        ])
        try await app.runService()
        logger.info("Stopped")
    }
}
