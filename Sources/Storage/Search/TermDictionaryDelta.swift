import SQLKit

/// How many published items hold each word and each stem: for "Bedoelde u …?", for knowing which query
/// words occur at all, and for search-as-you-type. Changes are summed in memory and written once per
/// transaction, because an import touches the same words thousands of times.
struct TermDictionaryDelta {
    private var words: [String: Int] = [:]
    private var stems: [String: Int] = [:]

    mutating func add(_ document: IndexedDocument) { count(document, by: 1) }
    mutating func subtract(_ document: IndexedDocument) { count(document, by: -1) }

    private mutating func count(_ document: IndexedDocument, by step: Int) {
        for word in document.distinctWords { words[word, default: 0] += step }
        for stem in document.distinctStems { stems[stem, default: 0] += step }
    }

    func write(to db: any SQLDatabase) async throws {
        for (table, counts) in [("search_words", words), ("search_stems", stems)] {
            // Sorted, so concurrent writers on PostgreSQL lock shared terms in the same order and never deadlock.
            let changed = counts.filter { $0.value != 0 }.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
            for batch in changed.chunked(by: 5_000) {
                let rows = batch.map { SQLQueryString("(\(bind: $0.0), \(bind: $0.1))") as any SQLExpression }
                try await db.raw("""
                    INSERT INTO \(ident: table) (term, documents) VALUES \(SQLList(rows))
                    ON CONFLICT (term) DO UPDATE SET documents = \(ident: table).documents + excluded.documents
                    """).run()
            }
            // Only terms that lost documents can have reached zero; looking them up by key avoids a table scan.
            for batch in changed.filter({ $0.1 < 0 }).map(\.0).chunked(by: 5_000) {
                try await db.raw("DELETE FROM \(ident: table) WHERE term IN (\(binds: batch)) AND documents <= 0").run()
            }
        }
    }
}
