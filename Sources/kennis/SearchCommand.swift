import ArgumentParser
import Domain
import Foundation
import Storage

/// `kennis search`: try a search from the shell, list what visitors searched for in vain, rebuild the index.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the knowledge base, read the query log, rebuild the index.",
        subcommands: [Query.self, ZeroResults.self, Reindex.self])

    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a search and print the results as the website ranks them.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The query, in the search language of the website.") var text: String
        @Option(help: "How many results to print.") var limit = 10

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let output = try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                let results = try await SQLSearchIndex(database: database)
                    .search(SearchRequest(text: text, page: PageRequest(size: max(1, min(limit, PageRequest.maximumSize)))))
                var lines = ["\(results.total) \(results.total == 1 ? "result" : "results") for \(results.query.normalized)"
                    + (results.matchedAnyWord ? " (any word: no item has all of them)" : "")]
                if let suggestion = results.suggestion { lines.append("Did you mean: \(suggestion.normalized)") }
                for hit in results.hits {
                    lines.append(String(format: "%10.6f  %@  %@", hit.score, hit.item.content.slug, hit.snippet.plainText))
                }
                return lines.joined(separator: "\n")
            }
            print(output)
        }
    }

    struct ZeroResults: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "zero-results",
            abstract: "List the queries that found nothing, most asked first: what the knowledge base is missing or how visitors word it.")
        @OptionGroup var common: CommonOptions
        @Option(help: "Look back this many days.") var days = 30
        @Option(help: "How many queries to list.") var limit = 50

        func validate() throws {
            guard days >= 1 else { throw ValidationError("days: must be at least 1") }
            guard limit >= 1 else { throw ValidationError("limit: must be at least 1") }
        }

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let since = Date().addingTimeInterval(-Double(days) * 86_400)
            let queries = try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                return try await SQLSearchLogStore(database: database).zeroResultQueries(since: since, limit: limit)
            }
            guard !queries.isEmpty else {
                print("No searches without results in the last \(days) days.")
                return
            }
            print("count  last searched          query")
            for query in queries {
                let count = String(query.count)
                print(String(repeating: " ", count: max(0, 5 - count.count)) + count + "  " + Timestamp.format(query.last) + "  " + query.query)
            }
        }
    }

    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the search index from the items (after an upgrade of the analyzer, say).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let started = ContinuousClock.now
            let count = try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                return try await SearchMaintenance(database: database).rebuild()
            }
            print("Indexed \(count) published items in \(ContinuousClock.now - started).")
        }
    }
}
