import Domain
import Foundation
import SQLKit

/// Sessions in the `sessions` table, keyed by the hash of the session id, shared by every instance.
public struct SQLSessionStore: SessionStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(id: String, session: Session) async throws {
        try await database.write { db in
            try await db.insert(into: "sessions").columns("id_hash", "account_id", "csrf_token", "created_at", "expires_at")
                .values(SQLBind(TokenHash.of(id)), SQLBind(session.accountID), SQLBind(session.csrfToken),
                        SQLBind(Timestamp.format(session.created)), SQLBind(Timestamp.format(session.expires)))
                .run()
        }
    }

    public func session(id: String, at now: Date) async throws -> Session? {
        struct Row: Decodable { let account_id: String, csrf_token: String, created_at: String, expires_at: String }
        guard let row = try await database.reader.select()
            .columns("account_id", "csrf_token", "created_at", "expires_at").from("sessions")
            .where("id_hash", .equal, TokenHash.of(id)).where("expires_at", .greaterThan, Timestamp.format(now))
            .first(decoding: Row.self),
            let created = Timestamp.parse(row.created_at), let expires = Timestamp.parse(row.expires_at)
        else { return nil }
        return Session(accountID: row.account_id, csrfToken: row.csrf_token, created: created, expires: expires)
    }

    public func delete(id: String) async throws {
        try await database.write { db in
            try await db.delete(from: "sessions").where("id_hash", .equal, TokenHash.of(id)).run()
        }
    }

    @discardableResult
    public func deleteExpired(at now: Date) async throws -> Int {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE expires_at <= \(bind: Timestamp.format(now)) RETURNING id_hash").all().count
        }
    }
}
