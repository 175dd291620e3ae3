import Foundation

/// Slows down password guessing: after too many failed sign-ins for one account or from one address, the
/// next attempts are refused until the oldest failure in the window has aged out.
///
/// ```swift
/// let throttle = LoginThrottle(failures: store)
/// if let wait = try await throttle.waitTime(for: [.account(email), .address(ip)], at: now) { … refuse … }
/// ```
public struct LoginThrottle: Sendable {
    /// What a failure is counted against.
    public enum Key: Sendable, Hashable {
        case account(String)
        case address(String)

        public var text: String {
            switch self {
            case .account(let email): "account:\(email)"
            case .address(let address): "address:\(address)"
            }
        }

        /// An office behind one address has many people; it gets more room than one account.
        var limit: Int {
            switch self {
            case .account: LoginThrottle.accountLimit
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

    /// How long the caller must wait, or nil when an attempt may be made now.
    public func waitTime(for keys: [Key], at now: Date) async throws -> TimeInterval? {
        var wait: TimeInterval = 0
        for key in keys {
            let recent = try await failures.failures(key: key.text, since: now.addingTimeInterval(-Self.window))
            guard recent.count >= key.limit else { continue }
            // The attempt is allowed again once enough failures have left the window.
            let sorted = recent.sorted()
            let freeing = sorted[recent.count - key.limit]
            wait = max(wait, freeing.addingTimeInterval(Self.window).timeIntervalSince(now))
        }
        return wait > 0 ? wait : nil
    }

    public func recordFailure(for keys: [Key], at now: Date) async throws {
        try await failures.record(keys: keys.map(\.text), at: now)
    }

    /// A successful sign-in forgets the account's failures (not the address's: another account may be under attack).
    public func recordSuccess(email: String) async throws {
        try await failures.clear(key: Key.account(email).text)
    }
}

/// The failed sign-ins of the last minutes, shared by every instance.
public protocol LoginFailureStore: Sendable {
    func record(keys: [String], at: Date) async throws
    func failures(key: String, since: Date) async throws -> [Date]
    func clear(key: String) async throws
}
