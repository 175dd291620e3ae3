import ArgumentParser
import Domain
import Foundation
import Storage

/// `kennis export`: writes every item, of every status, in the exchange format, ordered by slug.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export all knowledge items as JSON Lines (to standard output or --output).")

    @OptionGroup var common: CommonOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (replaced only when complete).")
    var output: String?

    func run() async throws {
        let logger = try common.bootstrapLogging()
        let database = try await Database.open(try common.databaseLocation(), logger: logger)
        let store = SQLKnowledgeStore(database: database)
        // A file is written under a temporary name and renamed at the end, so a failed export
        // never leaves a half-written file where a complete one is expected.
        let temporary = output.map { "\($0).partial-\(ProcessInfo.processInfo.processIdentifier)" }
        do {
            try await Migrator().migrate(database)
            let handle: FileHandle
            if let temporary {
                guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                    throw ValidationError("\(output!): cannot create the file")
                }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            } else {
                handle = FileHandle.standardOutput
            }
            let count = try await ExchangeFormat.export(from: store) { text in try handle.write(contentsOf: Data(text.utf8)) }
            if let temporary, let output {
                try handle.close()
                _ = try? FileManager.default.removeItem(atPath: output)
                try FileManager.default.moveItem(atPath: temporary, toPath: output)
                FileHandle.standardError.write(Data("Exported \(count) items to \(output).\n".utf8))
            }
            try await database.close()
        } catch {
            if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
            try? await database.close()
            throw error
        }
    }
}
