import Foundation

/// "Forgot your password": a one-use link by e-mail, valid for an hour; also how new accounts set their
/// first password (valid for a week).
///
/// The answer to a request never reveals whether the address has an account.
public struct PasswordResetFlow: Sendable {
    let accounts: any AccountStore
    let resets: any PasswordResetStore
    let tokens: any APITokenStore
    let throttle: LoginThrottle
    let mailer: any Mailer
    let hasher: any PasswordHasher
    let audit: any AuditLog
    let clock: any WallClock
    /// The public address that links in mails start with, e.g. `https://kennis.example.nl`.
    let baseURL: String

    public static let validity: TimeInterval = 3600
    public static let welcomeValidity: TimeInterval = 7 * 86_400

    public init(
        accounts: any AccountStore, resets: any PasswordResetStore, tokens: any APITokenStore, throttle: LoginThrottle,
        mailer: any Mailer, hasher: any PasswordHasher, audit: any AuditLog, clock: any WallClock, baseURL: String
    ) {
        self.accounts = accounts
        self.resets = resets
        self.tokens = tokens
        self.throttle = throttle
        self.mailer = mailer
        self.hasher = hasher
        self.audit = audit
        self.clock = clock
        self.baseURL = baseURL
    }

    /// Sends a reset link when the address belongs to an active account; does nothing visible otherwise.
    public func request(email: String) async throws {
        guard let account = try await accounts.account(email: email), account.active else { return }
        let link = try await makeLink(for: account, validity: Self.validity)
        try await mailer.send(Mail(to: account.email, subject: "Nieuw wachtwoord voor het Kennisplatform", body: """
            Beste \(account.name),

            Iemand (hopelijk u) heeft gevraagd om een nieuw wachtwoord voor uw account op het Kennisplatform.
            Kies een nieuw wachtwoord via deze link; hij werkt één keer en is een uur geldig:

            \(link)

            Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het is.
            """))
    }

    /// Mails a new account the link to choose its first password.
    public func welcome(_ account: Account, invitedBy: String) async throws {
        let link = try await makeLink(for: account, validity: Self.welcomeValidity)
        try await mailer.send(Mail(to: account.email, subject: "Uw account op het Kennisplatform", body: """
            Beste \(account.name),

            \(invitedBy) heeft een account voor u aangemaakt op het Kennisplatform. Kies uw wachtwoord via
            deze link; hij werkt één keer en is een week geldig:

            \(link)
            """))
    }

    public func isValid(secret: String) async throws -> Bool {
        try await resets.accountID(forSecret: secret, at: clock.now()) != nil
    }

    /// Sets the new password when the link is still valid. Returns the issues with the password, if any;
    /// throws ``DomainError/notFound(_:)`` for a used or expired link.
    ///
    /// A reset also evicts anyone who had the account: sessions end (with the new password), personal API tokens
    /// are revoked, and the sign-in lock-out is lifted for its rightful owner.
    public func complete(secret: String, password: String, repeated: String) async throws -> [FieldIssue] {
        var issues = AccountRules.passwordIssues(password)
        if issues.isEmpty, password != repeated { issues.append(FieldIssue("repeat", .mismatch(expected: "gelijk aan het wachtwoord"))) }
        guard issues.isEmpty else { return issues }
        let now = clock.now()
        guard try await resets.accountID(forSecret: secret, at: now) != nil else { throw DomainError.notFound("reset link") }
        let hash = try await hasher.hash(password)
        guard let accountID = try await resets.consume(secret: secret, at: now) else { throw DomainError.notFound("reset link") }
        try await accounts.setPasswordHash(hash, accountID: accountID)
        let revoked = try await tokens.revokeAll(accountID: accountID, at: now)
        let account = try await accounts.account(id: accountID)
        if let account { try await throttle.clear(email: account.email) }
        try await audit.record(AuditEntry(at: now, actor: account?.label ?? accountID, action: .passwordReset, subject: account?.email ?? accountID,
                                          detail: revoked > 0 ? "\(revoked) API-tokens ingetrokken" : ""))
        return []
    }

    private func makeLink(for account: Account, validity: TimeInterval) async throws -> String {
        let secret = SecretToken.make()
        try await resets.create(secret: secret, accountID: account.id, expires: clock.now().addingTimeInterval(validity))
        return "\(baseURL)/wachtwoord-herstellen?token=\(secret)"
    }
}
