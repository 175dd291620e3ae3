import Domain
import Storage

/// A search that is also written to the query log: the normalized query, the number of results and
/// the time it took — never who searched or from where. Only first pages are logged (paging on is not
/// a new search), and empty queries (browsing by facet) not at all.
struct RecordedSearch: Sendable {
    let index: any SearchIndex
    let log: SearchLogRecorder?
    let clock: any WallClock

    func search(_ request: SearchRequest, taxonomy: Taxonomy) async throws -> SearchResults {
        let started = ContinuousClock.now
        let results = try await index.search(request, taxonomy: taxonomy)
        let elapsed = ContinuousClock.now - started
        if let log, !results.query.isEmpty, request.page.number == 1 {
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            await log.add(SearchLogEntry(query: results.query.normalized, results: results.total,
                                         milliseconds: milliseconds, at: clock.now()))
        }
        return results
    }
}
