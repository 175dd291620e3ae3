import ArgumentParser
import Domain
import Storage

/// `kennis synonyms`: the synonym groups search applies at query time. A change counts from the next
/// search on; nothing needs reindexing.
struct SynonymsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synonyms", abstract: "List and edit the synonyms search uses.",
        subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print each synonym group on one line.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let groups = try await withSynonyms(common) { try await $0.groups() }
            for group in groups { print(group.joined(separator: " = ")) }
            if groups.isEmpty { print("No synonyms.") }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make words synonyms of each other.",
            discussion: "Groups that already hold one of the words are merged: `kennis synonyms add statushouder vergunninghouder`.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Two or more words.") var words: [String]

        func run() async throws {
            let group = try await withSynonyms(common) { synonyms in
                try await synonyms.add(words)
                return try await synonyms.groups().first { $0.contains(words[0].lowercased()) } ?? words
            }
            print("Synonyms: \(group.joined(separator: " = "))")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a word out of its synonym group.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The word.") var word: String

        func run() async throws {
            try await withSynonyms(common) { try await $0.remove(word) }
            print("Removed '\(word.lowercased())' from its synonym group.")
        }
    }
}

/// Opens the (migrated) database and runs `body` with its synonym store; domain errors become messages.
private func withSynonyms<T: Sendable>(_ common: CommonOptions, _ body: (SQLSynonymStore) async throws -> T) async throws -> T {
    let logger = try common.bootstrapLogging()
    do {
        return try await Database.using(try common.databaseLocation(), logger: logger) { database in
            try await Migrator().migrate(database)
            return try await body(SQLSynonymStore(database: database))
        }
    } catch let error as DomainError {
        switch error {
        case .invalid(let issues): throw SynonymsRefused(description: issues.map(\.description).joined(separator: "; "))
        case .notFound(let message), .conflict(let message), .unavailable(let message): throw SynonymsRefused(description: message)
        }
    }
}

/// A synonym change that broke a rule; nothing was changed.
struct SynonymsRefused: Error, CustomStringConvertible {
    let description: String
}
