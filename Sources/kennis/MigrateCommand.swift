import ArgumentParser
import Storage

/// `kennis migrate`: brings the database schema up to date (serve also does this at start-up).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let logger = try common.bootstrapLogging()
        let location = try common.databaseLocation()
        let message = try await Database.using(location, logger: logger) { database in
            let migrator = Migrator()
            let applied = try await migrator.migrate(database)
            let current = try await migrator.appliedVersions(database).max() ?? 0
            return applied.isEmpty
                ? "\(location): schema is up to date (version \(current))."
                : "\(location): applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(current)."
        }
        print(message)
    }
}
