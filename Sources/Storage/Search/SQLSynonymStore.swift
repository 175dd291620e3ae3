import Domain
import DutchLanguage
import Foundation
import SQLKit

/// Synonym groups in `search_synonyms`: one row per word, with its stem (so `statushouders` finds the
/// group of `statushouder`) and the id of its group.
public struct SQLSynonymStore: SynonymStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func groups() async throws -> [[String]] {
        struct Row: Decodable { let word: String, group_id: String }
        let rows = try await database.reader.select().columns("word", "group_id").from("search_synonyms")
            .all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.group_id).values
            .map { $0.map(\.word).sorted() }
            .sorted { $0[0] < $1[0] }
    }

    public func add(_ words: [String]) async throws {
        let normalized = try Self.normalize(words)
        guard normalized.count >= 2 else { throw DomainError.invalid([FieldIssue("words", .tooFew(min: 2))]) }
        try await database.write { db in
            try await Self.insertGroup(normalized, db: db)
        }
    }

    public func remove(_ word: String) async throws {
        let normalized = try Self.normalize([word])[0]
        try await database.write { db in
            guard let group = try await db.select().column("group_id").from("search_synonyms")
                .where("word", .equal, normalized).first(decodingColumn: "group_id", as: String.self)
            else { throw DomainError.notFound("'\(normalized)' is in no synonym group") }
            try await db.delete(from: "search_synonyms").where("word", .equal, normalized).run()
            let left = try await db.select().column("word").from("search_synonyms").where("group_id", .equal, group)
                .all(decodingColumn: "word", as: String.self)
            if left.count < 2 { try await db.delete(from: "search_synonyms").where("group_id", .equal, group).run() }
        }
    }

    /// The other words of the groups these keys belong to, by key (see ``keys(for:)``); for a search.
    static func expansions(forKeys keys: [String], db: any SQLDatabase) async throws -> [String: [String]] {
        guard !keys.isEmpty else { return [:] }
        struct Row: Decodable { let key: String, word: String }
        let rows = try await db.raw("""
            SELECT s.stem AS key, g.word AS word FROM search_synonyms s
            JOIN search_synonyms g ON g.group_id = s.group_id AND g.word <> s.word WHERE s.stem IN (\(binds: keys))
            UNION
            SELECT s.word, g.word FROM search_synonyms s
            JOIN search_synonyms g ON g.group_id = s.group_id AND g.word <> s.word WHERE s.word IN (\(binds: keys))
            """).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.key).mapValues { Array(Set($0.map(\.word))).sorted() }
    }

    /// What a query word is looked up by: the word itself, and its stems where stemming only took an
    /// ending off (`statushouders` → `statushouder`). A stem that lost a `ge-` (`gemeenten` → `meen`)
    /// would make unrelated words (`menen`) synonyms too.
    static func keys(for word: String, analyzer: DutchAnalyzer = DutchAnalyzer()) -> [String] {
        let folded = analyzer.fold(word)
        return [folded] + analyzer.stems(of: word).filter { $0 != folded && folded.hasPrefix($0) }
    }

    /// Adds a group, merging every group that already holds one of the words.
    static func insertGroup(_ words: [String], db: any SQLDatabase) async throws {
        let analyzer = DutchAnalyzer()
        let existing = try await db.select().column("group_id").from("search_synonyms").where("word", .in, words)
            .all(decodingColumn: "group_id", as: String.self)
        let group = existing.first ?? UUID().uuidString.lowercased()
        if existing.count > 1 {
            try await db.update("search_synonyms").set("group_id", to: group).where("group_id", .in, existing).run()
        }
        for word in words {
            try await db.delete(from: "search_synonyms").where("word", .equal, word).run()
            try await db.insert(into: "search_synonyms").columns("word", "stem", "group_id")
                .values(SQLBind(word), SQLBind(analyzer.stems(of: word).first ?? word), SQLBind(group)).run()
        }
    }

    /// One lowercased word each (letters and digits), at least two different ones for a group.
    static func normalize(_ words: [String]) throws -> [String] {
        let analyzer = DutchAnalyzer()
        var result: [String] = []
        for word in words {
            let tokens = Tokenizer.tokens(in: analyzer.normalize(word)).filter { $0.kind != .compoundPart }
            guard tokens.count == 1 else {
                throw DomainError.invalid([FieldIssue("word", .badFormat(expected: "one word of letters and digits, not '\(word)'"))])
            }
            if !result.contains(tokens[0].text) { result.append(tokens[0].text) }
        }
        guard !result.isEmpty else {
            throw DomainError.invalid([FieldIssue("word", .missing)])
        }
        return result
    }
}
