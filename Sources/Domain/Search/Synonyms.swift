import Foundation

/// Words a search treats as the same, kept by editors (`kennis synonyms`): a query for one word of a
/// group also finds the others. Applied at query time, so a change needs no reindexing.
///
/// ```swift
/// try await synonyms.add(["statushouder", "vergunninghouder"])
/// try await synonyms.groups()   // [["statushouder", "vergunninghouder"], …]
/// ```
public protocol SynonymStore: Sendable {
    /// Every group, each sorted, in alphabetical order of its first word.
    func groups() async throws -> [[String]]
    /// Makes these words synonyms; groups that already hold one of them are merged into one.
    func add(_ words: [String]) async throws
    /// Takes a word out of its group; a group left with one word disappears.
    /// - Throws: ``DomainError/notFound(_:)`` when the word is in no group.
    func remove(_ word: String) async throws
}

/// The groups a new installation starts with: words from Dutch integration policy that mean the same
/// to the people who search for them.
public enum SynonymSeed {
    public static let groups: [[String]] = [
        ["asielstatushouder", "statushouder", "vergunninghouder"],
        ["inburgeraar", "nieuwkomer"],
        ["gemeente", "municipaliteit"],
        ["laaggeletterdheid", "taalachterstand"],
        ["jeugdwerker", "jongerenwerker"],
        ["ontheemde", "oorlogsvluchteling"],
    ]
}

/// One search, as the query log keeps it: no address, no account, only what was asked and found.
public struct SearchLogEntry: Sendable, Equatable {
    public var query: String
    public var results: Int
    public var milliseconds: Double
    public var at: Date

    public init(query: String, results: Int, milliseconds: Double, at: Date) {
        self.query = query
        self.results = results
        self.milliseconds = milliseconds
        self.at = at
    }
}

/// A query that found nothing, with how often and how recently it was asked.
public struct ZeroResultQuery: Sendable, Equatable {
    public var query: String
    public var count: Int
    public var last: Date

    public init(query: String, count: Int, last: Date) {
        self.query = query
        self.count = count
        self.last = last
    }
}

/// Where searches are recorded, for editors now and for the funder's monitoring later.
public protocol SearchLogStore: Sendable {
    func record(_ entries: [SearchLogEntry]) async throws
    /// The queries without results since `since`, most asked first.
    func zeroResultQueries(since: Date, limit: Int) async throws -> [ZeroResultQuery]
}
