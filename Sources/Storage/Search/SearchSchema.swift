import Domain
import SQLKit

/// Migration 4: the search index, its term dictionary, synonyms and the query log. Items that already
/// exist are indexed in the same step.
enum SearchSchema {
    static let migration = Migration(version: 4, name: "search index") { db in
        // Terms compare byte-wise on both databases, so a prefix is a contiguous range of the index.
        let termType = db.dialect.name == "postgresql" ? #"TEXT COLLATE "C""# : "TEXT"
        let real = db.dialect.name == "postgresql" ? "DOUBLE PRECISION" : "REAL"
        try await FullText.dialect(for: db).createSchema(db)
        for statement in [
            "CREATE TABLE search_words (term \(termType) PRIMARY KEY, documents INTEGER NOT NULL)",
            "CREATE TABLE search_stems (term \(termType) PRIMARY KEY, documents INTEGER NOT NULL)",
            "CREATE TABLE search_synonyms (word \(termType) PRIMARY KEY, stem TEXT NOT NULL, group_id TEXT NOT NULL)",
            "CREATE INDEX search_synonyms_stem ON search_synonyms (stem)",
            "CREATE INDEX search_synonyms_group ON search_synonyms (group_id)",
            """
            CREATE TABLE search_log (
                id TEXT PRIMARY KEY, query TEXT NOT NULL, results INTEGER NOT NULL,
                milliseconds \(real) NOT NULL, searched_at TEXT NOT NULL)
            """,
            "CREATE INDEX search_log_zero ON search_log (results, searched_at)",
            "CREATE INDEX search_log_time ON search_log (searched_at)",
        ] {
            try await db.raw(SQLQueryString(stringLiteral: statement)).run()
        }
        for words in SynonymSeed.groups {
            try await SQLSynonymStore.insertGroup(words, db: db)
        }
        try await SearchIndexer(db: db).rebuild()
    }
}
