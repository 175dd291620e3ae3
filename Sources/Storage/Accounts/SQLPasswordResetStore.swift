import Domain
import Foundation
import SQLKit

/// Password-reset links in `password_resets`, stored as hashes and used once.
public struct SQLPasswordResetStore: PasswordResetStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(secret: String, accountID: String, expires: Date) async throws {
        try await database.write { db in
            try await db.insert(into: "password_resets").columns("token_hash", "account_id", "expires_at")
                .values(SQLBind(TokenHash.of(secret)), SQLBind(accountID), SQLBind(Timestamp.format(expires))).run()
        }
    }

    public func accountID(forSecret secret: String, at now: Date) async throws -> String? {
        try await database.reader.select().column("account_id").from("password_resets")
            .where("token_hash", .equal, TokenHash.of(secret)).where("used_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, Timestamp.format(now))
            .first(decodingColumn: "account_id", as: String.self)
    }

    public func consume(secret: String, at now: Date) async throws -> String? {
        let stamp = Timestamp.format(now)
        return try await database.write { db in
            guard let accountID = try await db.raw("""
                UPDATE password_resets SET used_at = \(bind: stamp)
                WHERE token_hash = \(bind: TokenHash.of(secret)) AND used_at IS NULL AND expires_at > \(bind: stamp)
                RETURNING account_id
                """).first(decodingColumn: "account_id", as: String.self)
            else { return nil }
            try await db.update("password_resets").set("used_at", to: stamp)
                .where("account_id", .equal, accountID).where("used_at", .is, SQLLiteral.null).run()
            return accountID
        }
    }
}
