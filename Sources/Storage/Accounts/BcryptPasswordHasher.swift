import Domain
import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's blocking thread pool so that a quarter-second hash never holds up a request thread.
///
/// ```swift
/// let hasher = BcryptPasswordHasher()            // cost 12
/// let hash = try await hasher.hash("correct horse battery")
/// ```
public struct BcryptPasswordHasher: PasswordHasher {
    /// The cost production uses; each step doubles the work.
    public static let productionCost: UInt8 = 12
    let cost: UInt8

    public init() {
        cost = Self.productionCost
    }

    /// A cheaper hasher for tests only, where hundreds of hashes would otherwise take minutes.
    public static func forTests() -> BcryptPasswordHasher {
        BcryptPasswordHasher(cost: 4)
    }

    private init(cost: UInt8) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }
}
