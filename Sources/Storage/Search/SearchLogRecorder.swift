import Domain
import Logging
import ServiceLifecycle

/// Collects searches in memory and writes them in batches, so that logging a search never makes a
/// visitor wait for a database write. Runs as a service: it flushes every `interval` and once more at
/// shutdown. A failed write is logged and its entries are dropped — the log is statistics, not data.
public actor SearchLogRecorder: Service {
    private let store: any SearchLogStore
    private let interval: Duration
    private let logger: Logger
    private var pending: [SearchLogEntry] = []
    static let bufferLimit = 10_000

    public init(store: any SearchLogStore, interval: Duration = .seconds(2), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func add(_ entry: SearchLogEntry) {
        // Under a flood of searches, keep memory bounded rather than every entry.
        guard pending.count < Self.bufferLimit else { return }
        pending.append(entry)
    }

    public func flush() async {
        let entries = pending
        pending = []
        do {
            try await store.record(entries)
        } catch {
            logger.warning("Search log not written", metadata: ["entries": "\(entries.count)", "error": "\(error)"])
        }
    }

    /// Must stop before the database does: list it after the database in the service group.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.interval)
                guard !Task.isCancelled else { break }
                await self.flush()
            }
        }
        // The last entries are written even when the service was cancelled rather than shut down.
        await Task { await self.flush() }.value
    }
}
