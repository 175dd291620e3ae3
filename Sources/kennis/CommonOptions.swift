import ArgumentParser
import Foundation
import Logging
import Storage

/// Options every command shares. Each flag falls back to its `KENNIS_…` environment variable,
/// then to the default, so a deployment can be configured entirely by environment.
struct CommonOptions: ParsableArguments {
    @Option(help: "Database location, e.g. sqlite:./data/kennis.sqlite (env KENNIS_DATABASE).")
    var database: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env KENNIS_LOG_LEVEL).")
    var logLevel: String?

    @Option(help: "Log format: text or json (env KENNIS_LOG_FORMAT).")
    var logFormat: String?

    func databaseLocation() throws -> DatabaseLocation {
        guard let text = database ?? Environment.value("KENNIS_DATABASE") else { return .default }
        do {
            return try DatabaseLocation(text)
        } catch let error as DatabaseLocation.Invalid {
            throw ValidationError("database: \(error.description)")
        }
    }

    /// Sets up logging for the whole process; call once, at the start of `run()`.
    func bootstrapLogging() throws -> Logger {
        let levelText = logLevel ?? Environment.value("KENNIS_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ValidationError("log-level: '\(levelText)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        let format = (logFormat ?? Environment.value("KENNIS_LOG_FORMAT") ?? "text").lowercased()
        switch format {
        case "json": LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        case "text": LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        default: throw ValidationError("log-format: '\(format)' is not text or json")
        }
        var logger = Logger(label: "kennis")
        logger.logLevel = level
        return logger
    }
}

/// Reads `KENNIS_…` settings; an empty value counts as unset.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
