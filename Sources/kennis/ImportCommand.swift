import ArgumentParser
import Domain
import Foundation
import Logging
import Storage

/// `kennis import FILE`: loads a JSON Lines file, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import knowledge items from a JSON Lines file (all or nothing; existing slugs are updated).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The JSON Lines file, or - for standard input.")
    var file: String

    func run() async throws {
        let logger = try common.bootstrapLogging()
        let summary = try await Importer(file: file, database: try common.databaseLocation(), logger: logger)
            .run(showProgress: isatty(STDERR_FILENO) == 1)
        print(summary)
    }
}

/// Validates a whole file, then writes it in one transaction; shared by `import` and `serve --import`.
struct Importer {
    let file: String
    let database: DatabaseLocation
    let logger: Logger

    /// The most issues printed; a file with thousands of broken lines needs the first ones, not all.
    static let issueLimit = 50

    /// - Returns: a one-line summary of what was imported.
    func run(showProgress: Bool) async throws -> String {
        let started = Date()
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ValidationError("\(file): cannot read the file (\(error.localizedDescription))")
        }
        let location = database
        let file = self.file
        return try await Database.using(location, logger: logger) { database in
            try await Migrator().migrate(database)
            let store = SQLKnowledgeStore(database: database)
            let taxonomy = try await store.taxonomy()
            let validating = ProgressBar(label: "Checking", enabled: showProgress)
            let parsed = ImportFile.read(data, taxonomy: taxonomy) { line, total in validating.update(line, of: total) }
            validating.finish()
            let contents: [ItemContent]
            switch parsed {
            case .success(let valid): contents = valid
            case .failure(let failure):
                for issue in failure.issues.prefix(Self.issueLimit) {
                    FileHandle.standardError.write(Data("\(file):\(issue.line): \(issue.field.map { "field '\($0)': " } ?? "")\(issue.message)\n".utf8))
                }
                if failure.issues.count > Self.issueLimit {
                    FileHandle.standardError.write(Data("… and \(failure.issues.count - Self.issueLimit) more problems\n".utf8))
                }
                throw ImportRefused(file: file, problems: failure.issues.count, lines: Set(failure.issues.map(\.line)).count)
            }
            let writing = ProgressBar(label: "Importing", enabled: showProgress)
            let summary = try await store.upsert(contents) { done in writing.update(done, of: contents.count) }
            writing.finish()
            let seconds = Date().timeIntervalSince(started)
            return "Imported \(contents.count) items from \(file) in \(String(format: "%.2f", seconds)) s "
                + "(\(summary.created) new, \(summary.updated) updated, \(summary.unchanged) unchanged) into \(location)."
        }
    }
}

/// The import was refused because the file has problems; nothing was written.
struct ImportRefused: Error, CustomStringConvertible {
    let file: String
    let problems: Int
    let lines: Int
    var description: String {
        "\(file): \(problems) \(problems == 1 ? "problem" : "problems") on \(lines) \(lines == 1 ? "line" : "lines"); nothing was imported."
    }
}
