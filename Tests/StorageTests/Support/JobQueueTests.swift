import Domain
import Foundation
import Storage
import Synchronization
import TestSupport
import Testing

/// What handlers saw, shared safely between the concurrent runners of a test.
final class Recorder: Sendable {
    private let entries = Mutex([String]())
    func record(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

@Suite("The job queue")
struct JobQueueTests {
    static let now = Timestamp.parse("2026-11-29T10:00:00Z")!

    func queue(_ database: Database, at moment: Date = now) -> SQLJobQueue {
        SQLJobQueue(database: database, clock: FixedWallClock(moment))
    }

    @Test("a job is claimable once it is due, and once done never again")
    func dueAndDone() async throws {
        try await withTestDatabase { database in
            let job = try await queue(database).enqueue(kind: "publish", payload: "{}", runAt: Self.now.addingTimeInterval(60))
            #expect(try await queue(database).claim(kinds: ["publish"], worker: "a", lease: .seconds(30)) == nil)
            let later = queue(database, at: Self.now.addingTimeInterval(61))
            let claimed = try #require(try await later.claim(kinds: ["publish"], worker: "a", lease: .seconds(30)))
            #expect(claimed.id == job.id && claimed.attempts == 1)
            #expect(try await later.claim(kinds: ["publish"], worker: "b", lease: .seconds(30)) == nil)
            #expect(try await later.complete(claimed, worker: "a"))
            let muchLater = queue(database, at: Self.now.addingTimeInterval(3600))
            #expect(try await muchLater.claim(kinds: ["publish"], worker: "b", lease: .seconds(30)) == nil)
        }
    }

    @Test("only the kinds asked for are claimed")
    func kinds() async throws {
        try await withTestDatabase { database in
            try await queue(database).enqueue(kind: "newsletter", payload: "", runAt: Self.now)
            #expect(try await queue(database).claim(kinds: ["publish"], worker: "a", lease: .seconds(30)) == nil)
            #expect(try await queue(database).claim(kinds: ["newsletter"], worker: "a", lease: .seconds(30)) != nil)
        }
    }

    @Test("when a worker's lease runs out, another worker takes the job and the first cannot complete it")
    func leaseExpiry() async throws {
        try await withTestDatabase { database in
            try await queue(database).enqueue(kind: "publish", payload: "", runAt: Self.now)
            let first = try #require(try await queue(database).claim(kinds: ["publish"], worker: "a", lease: .seconds(60)))
            let later = queue(database, at: Self.now.addingTimeInterval(61))
            let second = try #require(try await later.claim(kinds: ["publish"], worker: "b", lease: .seconds(60)))
            #expect(second.id == first.id && second.attempts == 2)
            #expect(try await later.complete(first, worker: "a") == false)
            #expect(try await later.complete(second, worker: "b"))
        }
    }

    @Test("a failed job runs again at its retry time, and the runner backs off")
    func retry() async throws {
        try await withTestDatabase { database in
            let attempts = Recorder()
            let runner = JobRunner(
                queue: queue(database), worker: "a",
                handlers: ["publish": { _ in
                    attempts.record("attempt")
                    throw DomainError.unavailable("not now")
                }],
                clock: FixedWallClock(Self.now), logger: TestDatabase.quietLogger)
            try await queue(database).enqueue(kind: "publish", payload: "", runAt: Self.now)
            #expect(try await runner.runDueJobs() == 1)
            #expect(try await runner.runDueJobs() == 0)
            let retried = try #require(try await queue(database, at: Self.now.addingTimeInterval(61)).claim(
                kinds: ["publish"], worker: "b", lease: .seconds(30)))
            #expect(retried.attempts == 2)
            #expect(attempts.all.count == 1)
        }
    }

    @Test("instances claiming at the same time run every job exactly once")
    func exactlyOnce() async throws {
        try await withTestLocation { location in
            let jobs = 60
            try await Database.using(location, logger: TestDatabase.quietLogger) { database in
                for index in 0..<jobs { try await queue(database).enqueue(kind: "publish", payload: "\(index)", runAt: Self.now) }
            }
            let ran = Recorder()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in ["instance-1", "instance-2", "instance-3"] {
                    group.addTask {
                        try await Database.using(location, logger: TestDatabase.quietLogger) { database in
                            let runner = JobRunner(
                                queue: SQLJobQueue(database: database, clock: FixedWallClock(Self.now)), worker: worker,
                                handlers: ["publish": { job in ran.record(job.payload) }],
                                clock: FixedWallClock(Self.now), logger: TestDatabase.quietLogger)
                            try await runner.runDueJobs()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let payloads = ran.all
            #expect(payloads.count == jobs)
            #expect(Set(payloads) == Set((0..<jobs).map(String.init)))
        }
    }
}
