import Foundation

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
