import Logging
import Prometheus
import ServiceLifecycle
import Storage

/// Tells every instance's ``PageCache`` that content changed.
///
/// This instance empties its cache at once; on PostgreSQL the database passes the news to the other
/// instances (`NOTIFY`), whose ``ContentChangeListener`` empties theirs. SQLite serves one process, so
/// the local step is all there is.
struct ContentChanges: Sendable {
    let cache: PageCache
    let database: Database
    let counters: PageCacheCounters
    let logger: Logger
    /// Names this instance in its announcements: it has emptied its own cache already, and its own word
    /// arriving later must not empty it again (a page rendered after the change would be thrown away).
    let instance: String

    func announce() async {
        cache.clear()
        do {
            try await database.announceContentChange(by: instance)
        } catch {
            // Other instances stop trusting their caches when they lose the signal; this one logs.
            logger.error("Could not tell other instances about a change", metadata: ["error": "\(error)"])
        }
    }
}

/// Hit and miss counts of the page cache, for `/metrics`.
struct PageCacheCounters: Sendable {
    let hits: Counter
    let misses: Counter

    init(registry: PrometheusCollectorRegistry) {
        hits = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "kennis", subsystem: "page_cache", metricName: "hits", unitName: "total",
            helpText: "Public pages served from memory"))
        misses = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "kennis", subsystem: "page_cache", metricName: "misses", unitName: "total",
            helpText: "Public pages rendered because they were not in memory"))
    }

    func hit() { hits.increment() }
    func miss() { misses.increment() }
}

/// Listens for changes announced by other instances and empties this instance's cache; while it cannot
/// listen, the cache is switched off, so no instance serves a page older than the last change.
struct ContentChangeListener: Service {
    let cache: PageCache
    let database: Database
    /// ``ContentChanges/instance`` of this instance, whose own announcements are ignored.
    let instance: String

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await database.watchContentChanges { event in
                switch event {
                case .listening: cache.setTrusted(true)
                case .changed(let by): if by != instance { cache.clear() }
                case .interrupted: cache.setTrusted(false)
                }
            }
        }
    }
}
