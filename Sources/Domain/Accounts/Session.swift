import Foundation

/// A signed-in browser: which account, its CSRF token, and until when it is valid.
///
/// The session id itself is only in the browser's cookie; stores keep a hash of it, so a copy of the
/// database does not let anyone sign in.
public struct Session: Sendable, Equatable {
    public var accountID: String
    /// Every form of a signed-in page carries it; a POST without it is refused.
    public var csrfToken: String
    public var created: Date
    public var expires: Date

    public init(accountID: String, csrfToken: String, created: Date, expires: Date) {
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.created = created
        self.expires = expires
    }
}

/// Where sessions are kept, shared by every instance so a browser stays signed in whichever one answers.
public protocol SessionStore: Sendable {
    /// Stores a session under the hash of `id`.
    func create(id: String, session: Session) async throws
    /// The session with this id, unless it has expired at `now`.
    func session(id: String, at now: Date) async throws -> Session?
    func delete(id: String) async throws
    /// Removes expired sessions; returns how many.
    @discardableResult
    func deleteExpired(at now: Date) async throws -> Int
}

/// Random, unguessable identifiers for sessions, CSRF tokens, reset links and API tokens.
public enum SecretToken {
    /// 32 random bytes from the system's cryptographic generator, as URL-safe base64 without padding (43 characters).
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// Compares without stopping at the first difference, so timing does not reveal a secret.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
