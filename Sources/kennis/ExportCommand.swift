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
        // A file is written under a temporary name and renamed at the end, so a failed export
        // never leaves a half-written file where a complete one is expected.
        let output = self.output
        let temporary = output.map { "\($0).partial-\(ProcessInfo.processInfo.processIdentifier)" }
        do {
            let count = try await Database.using(try common.databaseLocation(), logger: logger) { database in
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
                let count = try await ExchangeFormat.export(from: SQLKnowledgeStore(database: database)) { text in
                    try handle.write(contentsOf: Data(text.utf8))
                }
                if temporary != nil { try handle.close() }
                try await SQLAuditLog(database: database).record(AuditEntry(
                    at: Date(), actor: "kennis cli (\(NSUserName()))", action: .exported, subject: output ?? "standaarduitvoer",
                    detail: "\(count) kennisitems"))
                return count
            }
            if let temporary, let output {
                // rename(2) replaces an existing file in one step: readers see the old export or the new one.
                guard rename(temporary, output) == 0 else {
                    throw ValidationError("\(output): cannot replace the file (\(String(cString: strerror(errno))))")
                }
                FileHandle.standardError.write(Data("Exported \(count) items to \(output).\n".utf8))
            }
        } catch {
            if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
            throw error
        }
    }
}
