import SQLKit

/// Operator tasks on the search index, for `kennis search reindex`.
public struct SearchMaintenance: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Rebuilds the whole index in one transaction: searches see the old index until it commits.
    public func rebuild() async throws -> Int {
        try await database.write { db in try await SearchIndexer(db: db).rebuild() }
    }

    /// Bytes on disk of the index: documents, full-text structures and the term dictionary.
    public func indexBytes() async throws -> Int {
        let statement: SQLQueryString = database.dialectName == "postgresql"
            ? """
              SELECT CAST(pg_total_relation_size(to_regclass('search_documents')) + pg_total_relation_size(to_regclass('search_words'))
                + pg_total_relation_size(to_regclass('search_stems')) AS BIGINT) AS n
              """
            : """
              SELECT COALESCE(SUM(pgsize), 0) AS n FROM dbstat
              WHERE name GLOB 'search_fts*' OR name GLOB 'sqlite_autoindex_search_*'
                 OR name IN ('search_documents', 'search_words', 'search_stems')
              """
        return try await database.reader.raw(statement).first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
