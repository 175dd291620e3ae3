import Domain
import Foundation
import Logging

/// Claims due jobs from the shared ``JobQueue`` and runs their handlers: the scheduler of one instance.
///
/// Every instance may run one; the queue makes sure each job runs on only one of them. A handler that
/// throws has its job retried later (after 1, 2, 4, … minutes) until ``maximumAttempts``.
///
/// ```swift
/// let runner = JobRunner(queue: SQLJobQueue(database: database), worker: "web-1",
///                        handlers: ["publish-item": { job in try await publish(job.payload) }], logger: logger)
/// let ran = try await runner.runDueJobs()
/// ```
public struct JobRunner: Sendable {
    public typealias Handler = @Sendable (Job) async throws -> Void

    let queue: any JobQueue
    let worker: String
    let handlers: [String: Handler]
    let lease: Duration
    let maximumAttempts: Int
    let clock: any WallClock
    let logger: Logger

    public init(
        queue: any JobQueue, worker: String, handlers: [String: Handler], lease: Duration = .seconds(300),
        maximumAttempts: Int = 5, clock: any WallClock = SystemWallClock(), logger: Logger
    ) {
        self.queue = queue
        self.worker = worker
        self.handlers = handlers
        self.lease = lease
        self.maximumAttempts = maximumAttempts
        self.clock = clock
        self.logger = logger
    }

    /// Runs jobs until none is due; returns how many ran (successfully or not).
    @discardableResult
    public func runDueJobs() async throws -> Int {
        var count = 0
        while !Task.isCancelled, let job = try await queue.claim(kinds: Array(handlers.keys), worker: worker, lease: lease) {
            count += 1
            await run(job)
        }
        return count
    }

    private func run(_ job: Job) async {
        guard let handler = handlers[job.kind] else { return }
        do {
            try await handler(job)
            if try await !queue.complete(job, worker: worker) {
                logger.warning("Job finished after its lease ended", metadata: ["job": "\(job.id)", "kind": "\(job.kind)"])
            }
        } catch {
            let giveUp = job.attempts >= maximumAttempts
            let delay = giveUp ? 3_650 * 86_400 : 60 * pow(2, Double(job.attempts - 1))
            logger.error(giveUp ? "Job failed for the last time" : "Job failed; it will be retried",
                         metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)", "error": "\(error)"])
            try? await queue.fail(job, worker: worker, error: "\(error)", retryAt: clock.now().addingTimeInterval(delay))
        }
    }
}
