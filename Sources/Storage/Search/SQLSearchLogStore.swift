import Domain
import Foundation
import SQLKit

/// The query log in `search_log`. Entries older than `retention` are removed as new ones are written:
/// a visitor may type a name into the search box, so the log does not keep it for ever.
public struct SQLSearchLogStore: SearchLogStore {
    let database: Database
    let retention: Duration

    public static let defaultRetention: Duration = .seconds(365 * 86_400)

    public init(database: Database, retention: Duration = SQLSearchLogStore.defaultRetention) {
        self.database = database
        self.retention = retention
    }

    public func record(_ entries: [SearchLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await database.write { db in
            for batch in entries.chunked(by: 500) {
                let builder = db.insert(into: "search_log").columns("id", "query", "results", "milliseconds", "searched_at")
                for entry in batch {
                    builder.values(SQLBind(UUID().uuidString.lowercased()), SQLBind(entry.query), SQLBind(entry.results),
                                   SQLBind(entry.milliseconds), SQLBind(Timestamp.format(entry.at)))
                }
                try await builder.run()
            }
            let newest = entries.map(\.at).max()!
            let limit = newest.addingTimeInterval(-Double(retention.components.seconds))
            try await db.delete(from: "search_log").where("searched_at", .lessThan, Timestamp.format(limit)).run()
        }
    }

    public func zeroResultQueries(since: Date, limit: Int) async throws -> [ZeroResultQuery] {
        struct Row: Decodable { let query: String, n: Int, last: String }
        return try await database.reader.raw("""
            SELECT query, COUNT(*) AS n, MAX(searched_at) AS last FROM search_log
            WHERE results = 0 AND searched_at >= \(bind: Timestamp.format(since))
            GROUP BY query ORDER BY n DESC, last DESC, query LIMIT \(literal: limit)
            """).all(decoding: Row.self)
            .map { ZeroResultQuery(query: $0.query, count: $0.n, last: Timestamp.parse($0.last) ?? since) }
    }
}
