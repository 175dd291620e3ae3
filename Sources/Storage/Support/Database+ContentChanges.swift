import PostgresNIO
import SQLKit

/// Word between instances that content changed, so each can empty its page cache.
///
/// PostgreSQL carries it with `NOTIFY`/`LISTEN` on one channel; SQLite is one process, which needs no word.
extension Database {
    public enum ContentChangeEvent: Sendable {
        /// Listening (again): changes from now on will be heard; anything cached before may be stale.
        case listening
        /// An instance announced a change; `by` is the name it announced with.
        case changed(by: String)
        /// The listening connection is gone; changes may be missed until ``listening`` comes again.
        case interrupted
    }

    static let contentChannel = "kennis_content_changed"

    /// Whether changes can come from elsewhere, so a page cache must wait for ``ContentChangeEvent/listening``.
    public var sharesChanges: Bool {
        if case .postgres = backend { return true }
        return false
    }

    /// - Parameter instance: a name for the announcing instance, so it can tell its own word from others'.
    public func announceContentChange(by instance: String) async throws {
        guard case .postgres = backend else { return }
        try await reader.raw("SELECT pg_notify(\(bind: Self.contentChannel), \(bind: instance))").run()
    }

    /// Reports events until the task is cancelled. On PostgreSQL one pooled connection listens; when it
    /// fails, this reports ``ContentChangeEvent/interrupted`` and tries again every second.
    public func watchContentChanges(_ report: @escaping @Sendable (ContentChangeEvent) -> Void) async {
        guard case .postgres(let postgres) = backend else {
            report(.listening)
            while (try? await Task.sleep(for: .seconds(3600))) != nil {}
            return
        }
        while !Task.isCancelled {
            do {
                try await postgres.client.withConnection { connection in
                    try await connection.listen(on: Self.contentChannel) { notifications in
                        report(.listening)
                        for try await notification in notifications { report(.changed(by: notification.payload)) }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("Not hearing content changes from other instances; page cache off", metadata: ["error": "\(error)"])
            }
            report(.interrupted)
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
