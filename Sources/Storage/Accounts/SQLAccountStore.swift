import Domain
import Foundation
import SQLKit

/// The ``AccountStore`` on SQL: `accounts` plus one `account_roles` row per role.
public struct SQLAccountStore: AccountStore {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    struct Row: Decodable {
        let id: String, email: String, name: String, password_hash: String, active: Int, created_at: String
    }

    public func create(email: String, name: String, roles: Set<Role>, passwordHash: String) async throws -> Account {
        let account = Account(
            id: UUID().uuidString.lowercased(), email: email.lowercased(), name: name, roles: roles, passwordHash: passwordHash,
            created: clock.now())
        try await database.write { db in
            let taken = try await db.select().column("id").from("accounts").where("email", .equal, account.email).first()
            guard taken == nil else { throw DomainError.conflict("an account with e-mail '\(account.email)' already exists") }
            try await db.insert(into: "accounts").columns("id", "email", "name", "password_hash", "active", "created_at")
                .values(SQLBind(account.id), SQLBind(account.email), SQLBind(name), SQLBind(passwordHash), SQLBind(1),
                        SQLBind(Timestamp.format(account.created)))
                .run()
            try await Self.writeRoles(roles, accountID: account.id, db: db)
        }
        return account
    }

    public func account(id: String) async throws -> Account? {
        try await accounts(where: SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))).first
    }

    public func account(email: String) async throws -> Account? {
        try await accounts(where: SQLBinaryExpression(SQLColumn("email"), .equal, SQLBind(email.lowercased()))).first
    }

    public func accounts() async throws -> [Account] {
        try await accounts(where: SQLRaw("1 = 1"))
    }

    public func setPasswordHash(_ hash: String, accountID: String) async throws {
        try await database.write { db in
            try await Self.requireAccount(accountID, db: db)
            try await db.update("accounts").set("password_hash", to: hash).where("id", .equal, accountID).run()
            // A new password ends every session, including one a thief might have.
            try await db.delete(from: "sessions").where("account_id", .equal, accountID).run()
        }
    }

    public func setRoles(_ roles: Set<Role>, accountID: String) async throws {
        try await database.write { db in
            try await Self.requireAccount(accountID, db: db)
            try await db.delete(from: "account_roles").where("account_id", .equal, accountID).run()
            try await Self.writeRoles(roles, accountID: accountID, db: db)
        }
    }

    public func setActive(_ active: Bool, accountID: String) async throws {
        let now = Timestamp.format(clock.now())
        try await database.write { db in
            try await Self.requireAccount(accountID, db: db)
            try await db.update("accounts").set("active", to: active ? 1 : 0).where("id", .equal, accountID).run()
            if !active {
                try await db.delete(from: "sessions").where("account_id", .equal, accountID).run()
                try await db.update("api_tokens").set("revoked_at", to: now)
                    .where("account_id", .equal, accountID).where("revoked_at", .is, SQLLiteral.null).run()
            }
        }
    }

    public func hasActiveAdministrator() async throws -> Bool {
        try await database.reader.raw("""
            SELECT a.id FROM accounts a JOIN account_roles r ON r.account_id = a.id
            WHERE a.active = 1 AND r.role = \(bind: Role.beheerder.rawValue) LIMIT 1
            """).first() != nil
    }

    private func accounts(where condition: any SQLExpression) async throws -> [Account] {
        let db = database.reader
        let rows = try await db.select().columns("id", "email", "name", "password_hash", "active", "created_at")
            .from("accounts").where(condition).orderBy("email").all(decoding: Row.self)
        guard !rows.isEmpty else { return [] }
        struct RoleRow: Decodable { let account_id: String, role: String }
        let roles = try await db.select().columns("account_id", "role").from("account_roles")
            .where("account_id", .in, rows.map(\.id)).all(decoding: RoleRow.self)
        var byAccount: [String: Set<Role>] = [:]
        for row in roles { if let role = Role(rawValue: row.role) { byAccount[row.account_id, default: []].insert(role) } }
        return rows.map { row in
            Account(id: row.id, email: row.email, name: row.name, roles: byAccount[row.id] ?? [], passwordHash: row.password_hash,
                    active: row.active != 0, created: Timestamp.parse(row.created_at) ?? .distantPast)
        }
    }

    static func requireAccount(_ id: String, db: any SQLDatabase) async throws {
        guard try await db.select().column("id").from("accounts").where("id", .equal, id).first() != nil
        else { throw DomainError.notFound("no account with id '\(id)'") }
    }

    private static func writeRoles(_ roles: Set<Role>, accountID: String, db: any SQLDatabase) async throws {
        guard !roles.isEmpty else { return }
        let builder = db.insert(into: "account_roles").columns("account_id", "role")
        for role in roles.sorted() { builder.values(SQLBind(accountID), SQLBind(role.rawValue)) }
        try await builder.run()
    }
}
