import Domain
import Foundation
import SQLKit

/// Planned publications as `publish-item` jobs in the shared queue, one open job per item.
///
/// The job's payload names the item and who planned it; the ``JobRunner`` of whichever instance claims
/// it first does the publishing.
public struct SQLPublicationSchedule: PublicationSchedule {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    struct Payload: Codable {
        let slug: String
        let byID: String?
        let byName: String
        let revision: Int
    }

    public func schedule(_ publication: ScheduledPublication) async throws {
        let payload = String(decoding: try JSONEncoder().encode(
            Payload(slug: publication.slug, byID: publication.by.accountID, byName: publication.by.name, revision: publication.revision)), as: UTF8.self)
        let now = Timestamp.format(clock.now())
        try await database.write { db in
            try await Self.cancelOpen(slug: publication.slug, at: now, db: db)
            try await db.insert(into: "jobs").columns("id", "kind", "payload", "run_at", "attempts", "created_at")
                .values(SQLBind(UUID().uuidString.lowercased()), SQLBind(ScheduledPublication.jobKind), SQLBind(payload),
                        SQLBind(Timestamp.format(publication.at)), SQLBind(0), SQLBind(now))
                .run()
        }
    }

    public func scheduled(slug: String) async throws -> ScheduledPublication? {
        struct Row: Decodable { let payload: String, run_at: String }
        let rows = try await database.reader.raw("""
            SELECT payload, run_at FROM jobs WHERE kind = \(bind: ScheduledPublication.jobKind) AND done_at IS NULL
            ORDER BY run_at
            """).all(decoding: Row.self)
        for row in rows {
            guard let publication = Self.decode(row.payload, runAt: row.run_at), publication.slug == slug else { continue }
            return publication
        }
        return nil
    }

    public func cancel(slug: String) async throws {
        let now = Timestamp.format(clock.now())
        try await database.write { db in try await Self.cancelOpen(slug: slug, at: now, db: db) }
    }

    /// Reads a job's payload back; nil for a payload this version cannot read.
    public static func decode(_ payload: String, runAt: String) -> ScheduledPublication? {
        guard let decoded = try? JSONDecoder().decode(Payload.self, from: Data(payload.utf8)), let at = Timestamp.parse(runAt)
        else { return nil }
        return ScheduledPublication(slug: decoded.slug, at: at, by: Editor(accountID: decoded.byID, name: decoded.byName),
                                    revision: decoded.revision)
    }

    /// Marks the item's open publication jobs done, so no instance runs them.
    private static func cancelOpen(slug: String, at now: String, db: any SQLDatabase) async throws {
        struct Row: Decodable { let id: String, payload: String }
        let rows = try await db.raw("""
            SELECT id, payload FROM jobs WHERE kind = \(bind: ScheduledPublication.jobKind) AND done_at IS NULL
            """).all(decoding: Row.self)
        let ids = rows.filter { (try? JSONDecoder().decode(Payload.self, from: Data($0.payload.utf8)))?.slug == slug }.map(\.id)
        guard !ids.isEmpty else { return }
        try await db.update("jobs").set("done_at", to: now).set("last_error", to: "cancelled").where("id", .in, ids).run()
    }
}
