import Foundation

/// Work that runs later and on exactly one instance, such as a scheduled publication or a newsletter run.
public struct Job: Sendable, Equatable {
    public var id: String
    /// Which handler runs it, e.g. `publish-item`.
    public var kind: String
    /// Whatever the handler needs, usually a small JSON text.
    public var payload: String
    public var runAt: Date
    /// How many times it has been claimed, this claim included.
    public var attempts: Int

    public init(id: String, kind: String, payload: String, runAt: Date, attempts: Int) {
        (self.id, self.kind, self.payload, self.runAt, self.attempts) = (id, kind, payload, runAt, attempts)
    }
}

/// The shared queue from which every app instance claims due jobs.
///
/// A claim is a lease: the job belongs to one worker until the lease ends. Several instances may call
/// ``claim(kinds:worker:lease:)`` at once; each due job goes to exactly one of them. A worker that dies
/// loses its lease and the job becomes claimable again.
///
/// ```swift
/// if let job = try await queue.claim(kinds: ["publish-item"], worker: "web-1", lease: .seconds(60)) {
///     try await publish(job.payload)
///     try await queue.complete(job, worker: "web-1")
/// }
/// ```
public protocol JobQueue: Sendable {
    /// Adds a job that becomes due at `runAt`.
    @discardableResult
    func enqueue(kind: String, payload: String, runAt: Date) async throws -> Job

    /// Claims the longest-due unclaimed job of these kinds, or returns nil when none is due.
    func claim(kinds: [String], worker: String, lease: Duration) async throws -> Job?

    /// Marks a claimed job done. Returns false when the lease was lost (another worker may have it now).
    @discardableResult
    func complete(_ job: Job, worker: String) async throws -> Bool

    /// Gives a claimed job back to run again at `retryAt`, recording why it failed.
    func fail(_ job: Job, worker: String, error: String, retryAt: Date) async throws
}
