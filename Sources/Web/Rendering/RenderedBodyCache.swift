import Foundation
import Domain
import Synchronization

/// Keeps the HTML of recently shown item bodies, so a popular page is not rendered from Markdown on every request.
///
/// Entries are keyed by item id, update time and body, so a changed item (on this instance or another) gets a
/// new key and is rendered afresh; stale entries simply age out. The cache is bounded by the total size
/// of the HTML it holds and drops the oldest entries first.
///
/// ```swift
/// let html = cache.html(for: item) { renderer.render(item.content.body) }
/// ```
final class RenderedBodyCache: Sendable {
    private struct State {
        var entries: [String: String] = [:]
        var order: [String] = []
        var orderStart = 0
        var bytes = 0
    }

    private let state = Mutex(State())
    let byteLimit: Int

    init(byteLimit: Int = 32 * 1024 * 1024) {
        self.byteLimit = byteLimit
    }

    func html(for item: KnowledgeItem, render: () -> String) -> String {
        // The update time has whole seconds only, so the body's hash tells two saves within a second apart.
        let key = "\(item.id)@\(item.updated.timeIntervalSince1970)#\(item.content.body.hashValue)"
        if let cached = state.withLock({ $0.entries[key] }) { return cached }
        let html = render()
        state.withLock { state in
            guard state.entries[key] == nil, html.utf8.count <= byteLimit else { return }
            state.entries[key] = html
            state.order.append(key)
            state.bytes += html.utf8.count
            while state.bytes > byteLimit, state.orderStart < state.order.count {
                let oldest = state.order[state.orderStart]
                state.orderStart += 1
                state.bytes -= state.entries.removeValue(forKey: oldest)?.utf8.count ?? 0
            }
            if state.orderStart > 1024 {
                state.order.removeFirst(state.orderStart)
                state.orderStart = 0
            }
        }
        return html
    }

    var count: Int { state.withLock { $0.entries.count } }
}
