import Hummingbird
import Synchronization

/// Rendered public pages kept in memory, so a visitor's request for a page that has not changed costs a
/// dictionary lookup instead of database queries and a template.
///
/// Every change to content empties it (``clear()``), on this instance directly and on the others through
/// ``ContentChanges``. A page rendered while a change happened is not stored: each entry remembers the
/// generation it was rendered in, and ``store(_:for:generation:)`` refuses a stale one.
///
/// ```swift
/// let generation = cache.generation
/// let page = try await render()
/// cache.store(page, for: "/kennis/x", generation: generation)
/// ```
final class PageCache: Sendable {
    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let stored: ContinuousClock.Instant
    }

    private struct State {
        var generation = 0
        var pages: [String: Page] = [:]
        /// False while changes from other instances cannot be heard: then nothing is served from memory.
        var trusted = true
    }

    private let state: Mutex<State>
    /// Enough for every page of a large knowledge base in both languages, at roughly 25 KB each.
    let capacity: Int
    /// A safety net for changes no signal reports (a `kennis import` into a running SQLite site).
    let lifetime: Duration

    /// - Parameter trusted: false when changes may come from other instances and are not heard yet.
    init(trusted: Bool = true, capacity: Int = 4000, lifetime: Duration = .seconds(60)) {
        var state = State()
        state.trusted = trusted
        self.state = Mutex(state)
        self.capacity = capacity
        self.lifetime = lifetime
    }

    var generation: Int { state.withLock { $0.generation } }

    func page(for key: String, now: ContinuousClock.Instant = .now) -> Page? {
        state.withLock { state in
            guard state.trusted, let page = state.pages[key] else { return nil }
            return now - page.stored < lifetime ? page : nil
        }
    }

    func store(_ page: Page, for key: String, generation: Int) {
        state.withLock { state in
            guard state.trusted, state.generation == generation else { return }
            if state.pages.count >= capacity { state.pages.removeAll(keepingCapacity: true) }
            state.pages[key] = page
        }
    }

    /// Forgets every page; pages being rendered at this moment will not be stored.
    func clear() {
        state.withLock { state in
            state.generation += 1
            state.pages.removeAll(keepingCapacity: true)
        }
    }

    /// Whether changes made elsewhere reach this instance; while they do not, the cache stays empty.
    func setTrusted(_ trusted: Bool) {
        state.withLock { state in
            state.trusted = trusted
            state.generation += 1
            state.pages.removeAll(keepingCapacity: true)
        }
    }

    var isTrusted: Bool { state.withLock { $0.trusted } }
}
