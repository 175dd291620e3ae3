import ArgumentParser
import Foundation
import Storage

/// `kennis migrate-data`: moves an installation to another database, then proves the copy complete.
struct MigrateDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-data",
        abstract: "Copy all data to another database (e.g. SQLite to PostgreSQL) and verify it table by table.",
        discussion: "Stop the instances that write to the source first; writes made during the copy are not copied.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The database to copy from, e.g. sqlite:./data/kennis.sqlite")
    var from: String

    @Option(help: "The database to copy to, e.g. postgres://user:password@host:5432/kennis")
    var to: String

    @Flag(help: "Overwrite a target that already holds items.")
    var replace = false

    func run() async throws {
        let logger = try common.bootstrapLogging()
        func location(_ text: String, _ option: String) throws -> DatabaseLocation {
            do { return try DatabaseLocation(text) } catch let error as DatabaseLocation.Invalid { throw ValidationError("\(option): \(error)") }
        }
        let source = try location(from, "--from"), target = try location(to, "--to")
        guard source != target else { throw ValidationError("--from and --to name the same database") }
        if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--from: there is no SQLite file at \(path)")
        }
        let replace = self.replace
        let report = try await Database.using(source, logger: logger) { sourceDatabase in
            try await Database.using(target, logger: logger) { targetDatabase in
                try await DataCopier().copy(from: sourceDatabase, to: targetDatabase, replace: replace)
            }
        }
        print("Copied \(source) → \(target)\n")
        let header = ["table", "source rows", "target rows", "source checksum", "target checksum", ""]
        let rows = report.tables.map {
            [$0.table, "\($0.sourceRows)", "\($0.targetRows)", $0.sourceChecksum, $0.targetChecksum, $0.matches ? "ok" : "DIFFERENT"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        guard report.allMatch else {
            throw ValidationError("verification failed: the tables marked DIFFERENT do not match; the target should not be used")
        }
        print("\nVerified: every table has the same number of rows and the same checksum in both databases.")
    }
}
