import Domain
import Foundation
import Storage
import TestSupport
import Testing

@Suite("The search query log")
struct SQLSearchLogStoreTests {
    @Test("lists the queries without results, most asked first, within the period")
    func zeroResults() async throws {
        try await withTestDatabase { database in
            let log = SQLSearchLogStore(database: database)
            let now = Timestamp.parse("2026-11-29T10:00:00Z")!
            try await log.record([
                SearchLogEntry(query: "taalcafe", results: 3, milliseconds: 1.5, at: now),
                SearchLogEntry(query: "xyz", results: 0, milliseconds: 1.0, at: now),
                SearchLogEntry(query: "vluchtelingn", results: 0, milliseconds: 1.0, at: now),
                SearchLogEntry(query: "vluchtelingn", results: 0, milliseconds: 1.2, at: now.addingTimeInterval(60)),
                SearchLogEntry(query: "oud", results: 0, milliseconds: 1.0, at: now.addingTimeInterval(-40 * 86_400)),
            ])
            let zero = try await log.zeroResultQueries(since: now.addingTimeInterval(-30 * 86_400), limit: 10)
            #expect(zero.map(\.query) == ["vluchtelingn", "xyz"])
            #expect(zero.first?.count == 2)
            #expect(zero.first?.last == now.addingTimeInterval(60))
        }
    }
}
