import Foundation

/// Slows down password guessing: after too many failed sign-ins for one account or from one address, the
/// next attempts are refused until the oldest failure in the window has aged out.
///
/// ```swift
/// let attempt = try await throttle.attempt([.account(email), .address(ip)], at: now)
/// if let wait = attempt.wait { … refuse … }
/// ```
public struct LoginThrottle: Sendable {
    /// What a failure is counted against.
    public enum Key: Sendable, Hashable {
        case account(String)
        case address(String)
        /// Password-reset mails asked from one address: each request counts, so nobody can flood an inbox.
        case resetRequests(String)

        public var text: String {
            switch self {
            case .account(let email): "account:\(email)"
            case .address(let address): "address:\(address)"
            case .resetRequests(let address): "reset:\(address)"
            }
        }

        /// An office behind one address has many people; it gets more room than one account.
        var limit: Int {
            switch self {
            case .account, .resetRequests: LoginThrottle.accountLimit
            case .address: LoginThrottle.addressLimit
            }
        }
    }

    public static let accountLimit = 5
    public static let addressLimit = 20
    public static let window: TimeInterval = 15 * 60

    let failures: any LoginFailureStore

    public init(failures: any LoginFailureStore) {
        self.failures = failures
    }

    /// One counted sign-in attempt (or reset request).
    public struct Attempt: Sendable {
        public let id: String
        /// nil when the attempt may go ahead; otherwise how long the caller must wait.
        public let wait: TimeInterval?
    }

    /// Counts the attempt *before* the password is checked, so a burst of parallel guesses cannot all pass the
    /// check while the slow hash runs: every attempt is a failure until ``succeeded(_:email:)`` says otherwise.
    public func attempt(_ keys: [Key], at now: Date) async throws -> Attempt {
        let id = try await failures.record(keys: keys.map(\.text), at: now)
        var wait: TimeInterval = 0
        for key in keys {
            let recent = try await failures.failures(key: key.text, since: now.addingTimeInterval(-Self.window), excluding: id).sorted()
            guard recent.count >= key.limit else { continue }
            // Allowed again once enough earlier failures have left the window.
            wait = max(wait, recent[recent.count - key.limit].addingTimeInterval(Self.window).timeIntervalSince(now))
        }
        return Attempt(id: id, wait: wait > 0 ? wait : nil)
    }

    /// A successful sign-in: this attempt was no failure, and the account's earlier failures are forgotten
    /// (not the address's: another account may be under attack from it).
    public func succeeded(_ attempt: Attempt, email: String) async throws {
        try await failures.forget(attempt: attempt.id)
        try await failures.clear(key: Key.account(email).text)
    }

    /// After a password reset the account's lock-out ends: the person has proved who they are.
    public func clear(email: String) async throws {
        try await failures.clear(key: Key.account(email).text)
    }
}

/// The sign-in attempts of the last minutes, shared by every instance.
public protocol LoginFailureStore: Sendable {
    /// Records one attempt under each key; returns the attempt's id.
    func record(keys: [String], at: Date) async throws -> String
    /// The times of the key's attempts since `since`, leaving out one attempt.
    func failures(key: String, since: Date, excluding attempt: String) async throws -> [Date]
    func forget(attempt: String) async throws
    func clear(key: String) async throws
}
