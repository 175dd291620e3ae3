import Domain
import Foundation
import SQLKit

/// Personal API tokens in `api_tokens`, stored as SHA-256 hashes.
public struct SQLAPITokenStore: APITokenStore {
    let database: Database
    let accounts: SQLAccountStore

    public init(database: Database) {
        self.database = database
        accounts = SQLAccountStore(database: database)
    }

    struct Row: Decodable {
        let id: String, account_id: String, name: String, created_at: String, last_used_at: String?, revoked_at: String?
        var token: APIToken {
            APIToken(id: id, accountID: account_id, name: name, created: Timestamp.parse(created_at) ?? .distantPast,
                     lastUsed: last_used_at.flatMap(Timestamp.parse), revoked: revoked_at.flatMap(Timestamp.parse))
        }
    }

    static let columns = ["id", "account_id", "name", "created_at", "last_used_at", "revoked_at"]

    public func create(accountID: String, name: String, at now: Date) async throws -> (token: APIToken, secret: String) {
        let secret = SecretToken.make(prefix: APIToken.prefix)
        let token = APIToken(id: UUID().uuidString.lowercased(), accountID: accountID, name: name, created: now)
        try await database.write { db in
            try await SQLAccountStore.requireAccount(accountID, db: db)
            try await db.insert(into: "api_tokens").columns("id", "token_hash", "account_id", "name", "created_at")
                .values(SQLBind(token.id), SQLBind(TokenHash.of(secret)), SQLBind(accountID), SQLBind(name),
                        SQLBind(Timestamp.format(now)))
                .run()
        }
        return (token, secret)
    }

    public func owner(ofSecret secret: String, at now: Date) async throws -> (token: APIToken, account: Account)? {
        guard let row = try await database.reader.select().columns(Self.columns.map { SQLColumn($0) }).from("api_tokens")
            .where("token_hash", .equal, TokenHash.of(secret)).where("revoked_at", .is, SQLLiteral.null)
            .first(decoding: Row.self),
            let account = try await accounts.account(id: row.account_id), account.active
        else { return nil }
        // Last use to the minute is enough for "is this token still used?", and spares a write per request.
        let stamp = Timestamp.format(now)
        if row.last_used_at.map({ $0.prefix(16) != stamp.prefix(16) }) ?? true {
            try await database.write { db in
                try await db.update("api_tokens").set("last_used_at", to: stamp).where("id", .equal, row.id).run()
            }
        }
        var token = row.token
        token.lastUsed = now
        return (token, account)
    }

    public func tokens(accountID: String) async throws -> [APIToken] {
        try await database.reader.select().columns(Self.columns.map { SQLColumn($0) }).from("api_tokens")
            .where("account_id", .equal, accountID).orderBy("created_at", .descending)
            .all(decoding: Row.self).map(\.token)
    }

    public func revoke(id: String, accountID: String, at now: Date) async throws {
        try await database.write { db in
            let updated = try await db.raw("""
                UPDATE api_tokens SET revoked_at = \(bind: Timestamp.format(now))
                WHERE id = \(bind: id) AND account_id = \(bind: accountID) AND revoked_at IS NULL RETURNING id
                """).all()
            guard !updated.isEmpty else { throw DomainError.notFound("no active token '\(id)' of this account") }
        }
    }

    @discardableResult
    public func revokeAll(accountID: String, at now: Date) async throws -> Int {
        try await database.write { db in
            try await db.raw("""
                UPDATE api_tokens SET revoked_at = \(bind: Timestamp.format(now))
                WHERE account_id = \(bind: accountID) AND revoked_at IS NULL RETURNING id
                """).all().count
        }
    }
}
