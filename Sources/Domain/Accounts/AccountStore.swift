import Foundation

/// Where accounts and their roles are kept.
///
/// Implementations are safe to call from many tasks at once; each write is one transaction.
public protocol AccountStore: Sendable {
    /// Throws ``DomainError/conflict(_:)`` when the e-mail address is taken.
    func create(email: String, name: String, roles: Set<Role>, passwordHash: String) async throws -> Account
    func account(id: String) async throws -> Account?
    /// `email` is compared lowercased.
    func account(email: String) async throws -> Account?
    /// Every account, ordered by e-mail address.
    func accounts() async throws -> [Account]
    /// Throws ``DomainError/notFound(_:)`` for an unknown id.
    func setPasswordHash(_ hash: String, accountID: String) async throws
    func setRoles(_ roles: Set<Role>, accountID: String) async throws
    /// Deactivating also ends the account's sessions and revokes its API tokens.
    func setActive(_ active: Bool, accountID: String) async throws
    /// Whether any active account holds `beheerder`; the first start tells the operator how to create one.
    func hasActiveAdministrator() async throws -> Bool
}

/// Turns passwords into hashes and checks them; bcrypt in production.
///
/// Hashing is deliberately slow (bcrypt cost 12 takes about a quarter of a second), so implementations
/// run it off the request threads.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async -> Bool
}
