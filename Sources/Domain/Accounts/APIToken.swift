import Foundation

/// A personal API token: lets a script act as its owner, with the owner's roles.
///
/// The token text is shown once when it is made; stores keep only its hash, so a lost token is
/// revoked and replaced, never recovered.
public struct APIToken: Sendable, Equatable, Identifiable {
    public var id: String
    public var accountID: String
    /// What the owner called it, e.g. "import-script".
    public var name: String
    public var created: Date
    public var lastUsed: Date?
    public var revoked: Date?

    public init(id: String, accountID: String, name: String, created: Date, lastUsed: Date? = nil, revoked: Date? = nil) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.created = created
        self.lastUsed = lastUsed
        self.revoked = revoked
    }

    /// Tokens start with this, so a leaked one is recognisable in logs and by secret scanners.
    public static let prefix = "kp_"
    public static let nameMaximum = 80
}

public protocol APITokenStore: Sendable {
    /// Makes a token for the account; returns its record and the secret, which is not stored.
    func create(accountID: String, name: String, at now: Date) async throws -> (token: APIToken, secret: String)
    /// The active account that owns this unrevoked secret; records the use.
    func owner(ofSecret secret: String, at now: Date) async throws -> (token: APIToken, account: Account)?
    func tokens(accountID: String) async throws -> [APIToken]
    /// Revokes one of the account's tokens. Throws ``DomainError/notFound(_:)`` when it is not theirs.
    func revoke(id: String, accountID: String, at now: Date) async throws
    /// Revokes every token of the account, as a password reset does; returns how many.
    @discardableResult
    func revokeAll(accountID: String, at now: Date) async throws -> Int
}

/// One-use links for setting a new password, valid for a short time.
public protocol PasswordResetStore: Sendable {
    /// Stores the hash of `secret` for the account until `expires`.
    func create(secret: String, accountID: String, expires: Date) async throws
    /// The account the secret belongs to, if it is unused and not expired; does not use it up.
    func accountID(forSecret secret: String, at now: Date) async throws -> String?
    /// Uses the secret up (and every other open link of the account). Returns the account id, or nil when it was not valid.
    func consume(secret: String, at now: Date) async throws -> String?
}

/// Settings an administrator can change while the platform runs.
public struct PlatformSettings: Sendable, Equatable {
    /// "Vier ogen": an editor cannot publish an item they last changed themselves.
    public var fourEyes: Bool

    public init(fourEyes: Bool = true) {
        self.fourEyes = fourEyes
    }
}

public protocol SettingsStore: Sendable {
    func settings() async throws -> PlatformSettings
    func save(_ settings: PlatformSettings) async throws
}
