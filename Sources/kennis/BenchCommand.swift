import ArgumentParser
import Domain
import DutchLanguage
import Foundation
import Logging
import SQLKit
import Storage

/// `kennis bench search`: times searches through the store (no HTTP) and, as the floor, the same
/// queries as plain FTS5 `MATCH` on a plain SQLite FTS5 table of the same text. Prints one JSON object;
/// `scripts/benchmark/search.sh` adds the HTTP figures and writes the table in docs/BENCHMARKS.md.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks that need the platform's own code paths.", subcommands: [Search.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Time store searches, suggestions and the plain FTS5 floor.")
        @OptionGroup var common: CommonOptions
        @Option(help: "Queries, one per line: the query, optionally a TAB and API filters (type=factsheet&theme=werk).")
        var queries: String
        @Option(help: "Timed rounds over all queries (after one warm-up round).") var rounds = 3
        @Option(help: "Where to build the plain FTS5 table for the floor (a SQLite file, replaced).")
        var floor = "/tmp/kennis-bench-floor.sqlite"

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let mix = try BenchQuery.read(queries)
            let report = try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                let index = SQLSearchIndex(database: database)
                // Read once, as a page reads it once for its parameters and its search.
                let taxonomy = try await SQLKnowledgeStore(database: database).taxonomy()
                var store: [Duration] = [], suggest: [Duration] = []
                var totals = 0
                for round in 0...rounds {
                    for query in mix {
                        let started = ContinuousClock.now
                        let results = try await index.search(query.request, taxonomy: taxonomy)
                        if round > 0 { store.append(ContinuousClock.now - started) } else { totals += results.total }
                        let prefix = String(query.request.text.prefix(3))
                        let suggestStarted = ContinuousClock.now
                        _ = try await index.suggest(prefix, limit: 8)
                        if round > 0 { suggest.append(ContinuousClock.now - suggestStarted) }
                    }
                }
                let floor = try await FloorIndex.build(at: floor, from: database, logger: logger)
                let floorTimes = try await floor.time(mix, rounds: rounds)
                return [
                    "database": database.dialectName, "queries": "\(mix.count)", "rounds": "\(rounds)",
                    "matches_total": "\(totals)",
                    "index_bytes": "\(try await SearchMaintenance(database: database).indexBytes())",
                    "store_p50_ms": Percentile.ms(store, 0.50), "store_p99_ms": Percentile.ms(store, 0.99),
                    "suggest_p50_ms": Percentile.ms(suggest, 0.50), "suggest_p99_ms": Percentile.ms(suggest, 0.99),
                    "floor_p50_ms": Percentile.ms(floorTimes, 0.50), "floor_p99_ms": Percentile.ms(floorTimes, 0.99),
                    "floor_documents": "\(floor.documents)",
                ]
            }
            let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

/// One line of the query mix.
struct BenchQuery {
    let request: SearchRequest
    let query: SearchQuery

    static func read(_ path: String) throws -> [BenchQuery] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("queries: cannot read '\(path)'")
        }
        return try text.split(separator: "\n").enumerated().map { number, line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            var filters = SearchFilters()
            for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { throw ValidationError("\(path):\(number + 1): filter '\(pair)' is not name=value") }
                switch kv[0] {
                case "theme": filters.themes.append(kv[1])
                case "type": filters.types.append(contentsOf: ItemType(rawValue: kv[1]).map { [$0] } ?? [])
                case "audience": filters.audiences.append(kv[1])
                case "year": filters.years.append(Int(kv[1]) ?? 0)
                default: throw ValidationError("\(path):\(number + 1): unknown filter '\(kv[0])'")
                }
            }
            return BenchQuery(request: SearchRequest(text: parts[0], filters: filters), query: SearchQuery.parse(parts[0]))
        }
    }
}

enum Percentile {
    static func ms(_ durations: [Duration], _ fraction: Double) -> String {
        guard !durations.isEmpty else { return "0" }
        let sorted = durations.sorted()
        let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
        let value = sorted[index]
        let ms = Double(value.components.seconds) * 1000 + Double(value.components.attoseconds) / 1e15
        return String(format: "%.3f", ms)
    }
}

/// The floor: the items' text in a plain FTS5 table (SQLite's own `unicode61` tokenizer, no stems,
/// no facets), queried with the query's words as a plain `MATCH` ranked by BM25, top 20.
struct FloorIndex {
    let database: Database
    let documents: Int

    static func build(at path: String, from source: Database, logger: Logger) async throws -> FloorIndex {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let floor = try await Database.open(.sqlite(path: path), logger: logger)
        let store = SQLKnowledgeStore(database: source)
        try await floor.write { db in
            try await db.raw("CREATE VIRTUAL TABLE plain USING fts5(title, summary, body)").run()
        }
        var after: String?
        var count = 0
        while true {
            let items = try await store.itemsOrderedBySlug(after: after, limit: 1000)
            guard let last = items.last else { break }
            let published = items.filter { $0.content.status == .gepubliceerd }
            try await floor.write { db in
                let insert = db.insert(into: "plain").columns("title", "summary", "body")
                for item in published {
                    insert.values(SQLBind(item.content.title), SQLBind(item.content.summary), SQLBind(item.content.body))
                }
                if !published.isEmpty { try await insert.run() }
            }
            count += published.count
            after = last.content.slug
        }
        return FloorIndex(database: floor, documents: count)
    }

    func time(_ mix: [BenchQuery], rounds: Int) async throws -> [Duration] {
        var times: [Duration] = []
        for round in 0...rounds {
            for query in mix {
                let expression = Self.expression(query.query)
                guard !expression.isEmpty else { continue }
                let started = ContinuousClock.now
                _ = try await database.reader.raw("""
                    SELECT rowid, rank FROM plain WHERE plain MATCH \(bind: expression) ORDER BY rank LIMIT 20
                    """).all()
                if round > 0 { times.append(ContinuousClock.now - started) }
            }
        }
        try await database.close()
        return times
    }

    /// The query's words and phrases as FTS5 syntax: all groups required, alternatives with OR.
    static func expression(_ query: SearchQuery) -> String {
        func term(_ term: SearchQuery.Term) -> String {
            switch term {
            case .word(let word): "\"\(word)\""
            case .phrase(let words): "\"\(words.joined(separator: " "))\""
            case .prefix(let start): "\"\(start)\"*"
            }
        }
        return query.groups.map { "(" + $0.map(term).joined(separator: " OR ") + ")" }.joined(separator: " AND ")
    }
}
