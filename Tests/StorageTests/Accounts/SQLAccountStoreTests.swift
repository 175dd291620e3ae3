import Domain
import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

@Suite("Accounts, sessions, tokens and the audit log in SQL")
struct SQLAccountStoreTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("an account keeps its roles; e-mail addresses are unique whatever their case")
    func accounts() async throws {
        try await withTestDatabase { database in
            let store = SQLAccountStore(database: database)
            let account = try await store.create(email: "An@Example.nl", name: "An", roles: [.redacteur, .beheerder], passwordHash: "h")
            #expect(try await store.account(email: "AN@example.NL")?.roles == [.redacteur, .beheerder])
            await #expect(throws: DomainError.conflict("an account with e-mail 'an@example.nl' already exists")) {
                try await store.create(email: "an@example.nl", name: "Twee", roles: [], passwordHash: "h")
            }
            #expect(try await store.hasActiveAdministrator())
            try await store.setRoles([.monitor], accountID: account.id)
            #expect(try await store.account(id: account.id)?.roles == [.monitor])
            #expect(try await !store.hasActiveAdministrator())
        }
    }

    @Test("a session is found by its id until it expires; the database keeps only a hash of the id")
    func sessions() async throws {
        try await withTestDatabase { database in
            let account = try await SQLAccountStore(database: database).create(email: "a@example.nl", name: "A", roles: [], passwordHash: "h")
            let sessions = SQLSessionStore(database: database)
            let session = Session(accountID: account.id, csrfToken: "c", created: Self.now, expires: Self.now.addingTimeInterval(60))
            try await sessions.create(id: "geheim-sessie-id", session: session)
            #expect(try await sessions.session(id: "geheim-sessie-id", at: Self.now) == session)
            #expect(try await sessions.session(id: "geheim-sessie-id", at: Self.now.addingTimeInterval(61)) == nil)
            let stored = try await database.reader.raw("SELECT id_hash FROM sessions").all(decodingColumn: "id_hash", as: String.self)
            #expect(stored.count == 1 && stored[0] != "geheim-sessie-id" && stored[0].count == 64)
            #expect(try await sessions.deleteExpired(at: Self.now.addingTimeInterval(61)) == 1)
        }
    }

    @Test("a new password or deactivation ends the account's sessions; deactivation also revokes its tokens")
    func endsSessions() async throws {
        try await withTestDatabase { database in
            let accounts = SQLAccountStore(database: database), sessions = SQLSessionStore(database: database)
            let tokens = SQLAPITokenStore(database: database)
            let account = try await accounts.create(email: "a@example.nl", name: "A", roles: [.redacteur], passwordHash: "h")
            let session = Session(accountID: account.id, csrfToken: "c", created: Self.now, expires: Self.now.addingTimeInterval(600))
            try await sessions.create(id: "s1", session: session)
            try await accounts.setPasswordHash("nieuw", accountID: account.id)
            #expect(try await sessions.session(id: "s1", at: Self.now) == nil)
            let (_, secret) = try await tokens.create(accountID: account.id, name: "script", at: Self.now)
            #expect(try await tokens.owner(ofSecret: secret, at: Self.now)?.account.id == account.id)
            try await accounts.setActive(false, accountID: account.id)
            #expect(try await tokens.owner(ofSecret: secret, at: Self.now) == nil)
        }
    }

    @Test("an API token is shown once and stored as a hash; revoking it is for its owner only")
    func tokens() async throws {
        try await withTestDatabase { database in
            let accounts = SQLAccountStore(database: database), tokens = SQLAPITokenStore(database: database)
            let owner = try await accounts.create(email: "a@example.nl", name: "A", roles: [.redacteur], passwordHash: "h")
            let other = try await accounts.create(email: "b@example.nl", name: "B", roles: [], passwordHash: "h")
            let (token, secret) = try await tokens.create(accountID: owner.id, name: "import", at: Self.now)
            #expect(secret.hasPrefix("kp_") && secret.count == 46)
            let hashes = try await database.reader.raw("SELECT token_hash FROM api_tokens").all(decodingColumn: "token_hash", as: String.self)
            #expect(!hashes.contains(secret))
            #expect(try await tokens.owner(ofSecret: secret, at: Self.now)?.token.lastUsed == Self.now)
            await #expect(throws: DomainError.self) { try await tokens.revoke(id: token.id, accountID: other.id, at: Self.now) }
            try await tokens.revoke(id: token.id, accountID: owner.id, at: Self.now)
            #expect(try await tokens.owner(ofSecret: secret, at: Self.now) == nil)
            #expect(try await tokens.tokens(accountID: owner.id).first?.revoked == Self.now)
        }
    }

    @Test("a reset link works once, and not after it expires")
    func resets() async throws {
        try await withTestDatabase { database in
            let account = try await SQLAccountStore(database: database).create(email: "a@example.nl", name: "A", roles: [], passwordHash: "h")
            let resets = SQLPasswordResetStore(database: database)
            try await resets.create(secret: "link", accountID: account.id, expires: Self.now.addingTimeInterval(3600))
            #expect(try await resets.accountID(forSecret: "link", at: Self.now.addingTimeInterval(3601)) == nil)
            #expect(try await resets.consume(secret: "link", at: Self.now) == account.id)
            #expect(try await resets.consume(secret: "link", at: Self.now) == nil)
        }
    }

    @Test("the throttle counts every attempt before the password is checked, and forgets a successful one")
    func throttle() async throws {
        try await withTestDatabase { database in
            let throttle = LoginThrottle(failures: SQLLoginFailureStore(database: database))
            let keys: [LoginThrottle.Key] = [.account("a@example.nl"), .address("192.0.2.1")]
            for minute in 0..<5 {
                #expect(try await throttle.attempt(keys, at: Self.now.addingTimeInterval(Double(minute) * 60)).wait == nil)
            }
            let refused = try await throttle.attempt(keys, at: Self.now.addingTimeInterval(300))
            #expect(refused.wait == 600, "free again 15 minutes after the first failure")
            let later = try await throttle.attempt([.account("b@example.nl")], at: Self.now.addingTimeInterval(301))
            try await throttle.succeeded(later, email: "b@example.nl")
            #expect(try await throttle.attempt([.address("192.0.2.2")], at: Self.now).wait == nil, "another address is not affected")
            try await throttle.clear(email: "a@example.nl")
            #expect(try await throttle.attempt([.account("a@example.nl")], at: Self.now.addingTimeInterval(302)).wait == nil)
        }
    }

    @Test("parallel guesses cannot slip past the throttle while the password is checked")
    func parallelAttempts() async throws {
        try await withTestDatabase { database in
            let throttle = LoginThrottle(failures: SQLLoginFailureStore(database: database))
            let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<30 { group.addTask { try await throttle.attempt([.account("a@example.nl")], at: Self.now).wait == nil } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(allowed <= LoginThrottle.accountLimit)
        }
    }

    @Test("the audit log lists newest first and filters by action and by text in who or what")
    func audit() async throws {
        try await withTestDatabase { database in
            let log = SQLAuditLog(database: database)
            try await log.record(AuditEntry(at: Self.now, actor: "An <an@example.nl>", action: .login, subject: "an@example.nl"))
            try await log.record(AuditEntry(at: Self.now.addingTimeInterval(1), actor: "Bram", action: .published, subject: "taal_cafe"))
            try await log.record(AuditEntry(at: Self.now.addingTimeInterval(2), actor: "Bram", action: .deleted, subject: "100%-zeker"))
            #expect(try await log.entries(AuditQuery()).items.map(\.action) == [.deleted, .published, .login])
            #expect(try await log.entries(AuditQuery(actions: [.published, .login])).total == 2)
            #expect(try await log.entries(AuditQuery(text: "AN@")).items.map(\.action) == [.login])
            #expect(try await log.entries(AuditQuery(text: "_")).items.map(\.subject) == ["taal_cafe"], "LIKE wildcards are literal")
            #expect(try await log.entries(AuditQuery(text: "100%")).total == 1)
        }
    }
}
