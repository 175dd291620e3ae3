import Domain
import Foundation
import SQLKit
@testable import Storage
import TestSupport
import Testing

@Suite("Moving data between databases")
struct DataCopierTests {
    static let now = Timestamp.parse("2026-11-29T10:00:00Z")!

    /// A SQLite source with items of several kinds, a sub-theme and a job; the target is the run's database.
    func withSourceAndTarget(_ body: (Database, Database) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennis-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Database.using(.sqlite(path: folder.appendingPathComponent("source.sqlite").path), logger: TestDatabase.quietLogger) { source in
            try await Migrator().migrate(source)
            try await source.write { db in
                try await db.raw("INSERT INTO themes (slug, name, description, parent, position) VALUES ('taalcafes', 'Taalcafés', 'Sub.', 'participatie', 9)").run()
            }
            let store = SQLKnowledgeStore(database: source, clock: FixedWallClock(Self.now))
            _ = try await store.upsert([
                content("een", themes: ["taalcafes", "participatie"], audiences: ["gemeenten"]),
                content("twee", type: .interventie, recognition: "effectief"),
                content("drie", status: .concept),
            ], progress: nil)
            try await SQLJobQueue(database: source, clock: FixedWallClock(Self.now)).enqueue(kind: "publish", payload: "{}", runAt: Self.now)
            try await withTestDatabase { target in try await body(source, target) }
        }
    }

    @Test("every table arrives complete, proven by row counts and checksums, and exports match")
    func copies() async throws {
        try await withSourceAndTarget { source, target in
            let report = try await DataCopier().copy(from: source, to: target, replace: false)
            #expect(report.allMatch)
            #expect(report.tables.first { $0.table == "items" }?.targetRows == 3)
            #expect(report.tables.first { $0.table == "themes" }?.targetRows == 6)
            #expect(report.tables.first { $0.table == "jobs" }?.targetRows == 1)
            #expect(try await export(source) == export(target))
        }
    }

    @Test("a target that already holds items is refused unless replacing is asked for")
    func refusesNonEmptyTarget() async throws {
        try await withSourceAndTarget { source, target in
            _ = try await SQLKnowledgeStore(database: target).create(content("bestaand"))
            await #expect(throws: DataCopier.Refused.self) { try await DataCopier().copy(from: source, to: target, replace: false) }
            let kept = try await SQLKnowledgeStore(database: target).item(slug: "bestaand")
            #expect(kept != nil, "nothing was written")
            let report = try await DataCopier().copy(from: source, to: target, replace: true)
            #expect(report.allMatch)
            let replaced = try await SQLKnowledgeStore(database: target).item(slug: "bestaand")
            #expect(replaced == nil)
        }
    }

    @Test("the checksum does not depend on row order but on every value")
    func checksum() {
        let a: [[DataCopier.Value]] = [[.text("x"), .integer(1)], [.text("y"), .null]]
        #expect(DataCopier.checksum(a) == DataCopier.checksum(a.reversed()))
        #expect(DataCopier.checksum(a) != DataCopier.checksum([[.text("x"), .integer(2)], [.text("y"), .null]]))
        #expect(DataCopier.checksum(a) != DataCopier.checksum([[.text("x"), .integer(1)], [.text("y"), .text("")]]))
    }

    func export(_ database: Database) async throws -> String {
        var text = ""
        try await ExchangeFormat.export(from: SQLKnowledgeStore(database: database)) { text += $0 }
        return text
    }
}
