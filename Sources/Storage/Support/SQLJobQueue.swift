import Domain
import Foundation
import SQLKit

/// The ``JobQueue`` in the `jobs` table, shared by every instance on the same database.
///
/// On PostgreSQL a claim picks its row with `FOR UPDATE SKIP LOCKED`, so concurrent claimers never wait
/// for or take the same job; on SQLite the single writer makes claims take turns. This is the one
/// place where the two databases need different SQL.
public struct SQLJobQueue: JobQueue {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    struct Row: Decodable {
        let id: String, kind: String, payload: String, run_at: String, attempts: Int
        var job: Job? {
            Timestamp.parse(run_at).map { Job(id: id, kind: kind, payload: payload, runAt: $0, attempts: attempts) }
        }
    }

    @discardableResult
    public func enqueue(kind: String, payload: String, runAt: Date) async throws -> Job {
        let job = Job(id: UUID().uuidString.lowercased(), kind: kind, payload: payload, runAt: runAt, attempts: 0)
        let created = Timestamp.format(clock.now())
        try await database.write { db in
            try await db.insert(into: "jobs").columns("id", "kind", "payload", "run_at", "attempts", "created_at")
                .values(SQLBind(job.id), SQLBind(kind), SQLBind(payload), SQLBind(Timestamp.format(runAt)), SQLBind(0), SQLBind(created))
                .run()
        }
        return job
    }

    public func claim(kinds: [String], worker: String, lease: Duration) async throws -> Job? {
        guard !kinds.isEmpty else { return nil }
        let now = clock.now()
        let nowText = Timestamp.format(now)
        let until = Timestamp.format(now.addingTimeInterval(TimeInterval(lease.components.seconds)))
        let skipLocked = database.dialectName == "postgresql" ? SQLRaw(" FOR UPDATE SKIP LOCKED") : SQLRaw("")
        return try await database.write { db in
            try await db.raw("""
                UPDATE jobs SET claimed_by = \(bind: worker), claimed_until = \(bind: until), attempts = attempts + 1
                WHERE id = (
                    SELECT id FROM jobs
                    WHERE done_at IS NULL AND run_at <= \(bind: nowText) AND kind IN (\(binds: kinds))
                      AND (claimed_until IS NULL OR claimed_until < \(bind: nowText))
                    ORDER BY run_at, id LIMIT 1\(skipLocked))
                RETURNING id, kind, payload, run_at, attempts
                """).first(decoding: Row.self)?.job
        }
    }

    public func complete(_ job: Job, worker: String) async throws -> Bool {
        let now = Timestamp.format(clock.now())
        return try await database.write { db in
            try await db.raw("""
                UPDATE jobs SET done_at = \(bind: now), claimed_until = NULL
                WHERE id = \(bind: job.id) AND claimed_by = \(bind: worker) AND done_at IS NULL
                RETURNING id
                """).first() != nil
        }
    }

    public func fail(_ job: Job, worker: String, error: String, retryAt: Date) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE jobs SET claimed_by = NULL, claimed_until = NULL, run_at = \(bind: Timestamp.format(retryAt)),
                    last_error = \(bind: String(error.prefix(2000)))
                WHERE id = \(bind: job.id) AND claimed_by = \(bind: worker) AND done_at IS NULL
                """).run()
        }
    }
}
