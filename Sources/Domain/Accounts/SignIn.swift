import Foundation

/// Signing in and out: the password check, the throttle, a fresh session and the audit trail.
///
/// ```swift
/// switch try await signIn.attempt(email: email, password: password, address: "203.0.113.9", replacing: oldID) {
/// case .signedIn(let account, let sessionID, let session): … set the cookie …
/// case .refused: … "e-mailadres of wachtwoord onjuist" …
/// case .throttled(let wait): … "probeer het over \(wait) opnieuw" …
/// }
/// ```
public struct SignIn: Sendable {
    public enum Outcome: Sendable {
        case signedIn(Account, sessionID: String, Session)
        case refused
        case throttled(TimeInterval)
    }

    let accounts: any AccountStore
    let sessions: any SessionStore
    let hasher: any PasswordHasher
    let throttle: LoginThrottle
    let audit: any AuditLog
    let clock: any WallClock
    let lifetime: TimeInterval

    /// A valid bcrypt hash (cost 12) of a password nobody has: checked against when the e-mail address is
    /// unknown, so the answer takes as long as for a real account and does not reveal which addresses exist.
    static let decoyHash = "$2b$12$tf4DreC9vX6pP.dY6EwWjeZ1foAh1IvOITX.wPzFxCYHhQCBk99M6"

    public init(
        accounts: any AccountStore, sessions: any SessionStore, hasher: any PasswordHasher, throttle: LoginThrottle,
        audit: any AuditLog, clock: any WallClock, lifetime: TimeInterval
    ) {
        self.accounts = accounts
        self.sessions = sessions
        self.hasher = hasher
        self.throttle = throttle
        self.audit = audit
        self.clock = clock
        self.lifetime = lifetime
    }

    /// Checks the password and, when it is right, starts a new session; the old one (if any) ends, so a
    /// session id planted before sign-in is worthless after it. Refusals while throttled are not audited
    /// one by one (they would let anyone flood the log); the failures that caused the wait are.
    public func attempt(email: String, password: String, address: String, replacing oldSessionID: String?) async throws -> Outcome {
        let now = clock.now()
        let typed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        // What was typed is only stored when it is an address: a password typed into the e-mail field stays out.
        let email: String? = if case .success(let valid) = AccountRules.normalizedEmail(typed) { valid } else { nil }
        let keys: [LoginThrottle.Key] = [.address(address)] + (email.map { [.account($0)] } ?? [])
        let attempt = try await throttle.attempt(keys, at: now)
        if let wait = attempt.wait { return .throttled(wait) }
        let account = if let email { try await accounts.account(email: email) } else { nil as Account? }
        let matches = await hasher.verify(password, against: account?.passwordHash ?? Self.decoyHash)
        guard let email, let account, matches, account.active else {
            let why = account == nil ? "onbekend e-mailadres" : (matches ? "account gedeactiveerd" : "onjuist wachtwoord")
            try await audit.record(AuditEntry(at: now, actor: address, action: .loginFailed, subject: email ?? "(geen geldig e-mailadres)",
                                              detail: why))
            return .refused
        }
        try await throttle.succeeded(attempt, email: email)
        if let oldSessionID { try await sessions.delete(id: oldSessionID) }
        try await sessions.deleteExpired(at: now)
        let id = SecretToken.make()
        let session = Session(accountID: account.id, csrfToken: SecretToken.make(), created: now, expires: now.addingTimeInterval(lifetime))
        try await sessions.create(id: id, session: session)
        try await audit.record(AuditEntry(at: now, actor: account.label, action: .login, subject: account.email, detail: "vanaf \(address)"))
        return .signedIn(account, sessionID: id, session)
    }

    public func signOut(sessionID: String, account: Account) async throws {
        try await sessions.delete(id: sessionID)
        try await audit.record(AuditEntry(at: clock.now(), actor: account.label, action: .logout, subject: account.email))
    }
}
