import Domain
import Foundation
import SQLKit

/// Sign-in attempts in `login_failures`; rows older than an hour are removed as new ones arrive.
public struct SQLLoginFailureStore: LoginFailureStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func record(keys: [String], at: Date) async throws -> String {
        let attempt = UUID().uuidString.lowercased()
        let now = Timestamp.format(at)
        let expired = Timestamp.format(at.addingTimeInterval(-LoginThrottle.window * 4))
        try await database.write { db in
            let builder = db.insert(into: "login_failures").columns("attempt", "key", "failed_at")
            for key in keys { builder.values(SQLBind(attempt), SQLBind(key), SQLBind(now)) }
            try await builder.run()
            try await db.delete(from: "login_failures").where("failed_at", .lessThan, expired).run()
        }
        return attempt
    }

    public func failures(key: String, since: Date, excluding attempt: String) async throws -> [Date] {
        try await database.reader.select().column("failed_at").from("login_failures")
            .where("key", .equal, key).where("failed_at", .greaterThan, Timestamp.format(since)).where("attempt", .notEqual, attempt)
            .all(decodingColumn: "failed_at", as: String.self).compactMap(Timestamp.parse)
    }

    public func forget(attempt: String) async throws {
        try await database.write { db in
            try await db.delete(from: "login_failures").where("attempt", .equal, attempt).run()
        }
    }

    public func clear(key: String) async throws {
        try await database.write { db in
            try await db.delete(from: "login_failures").where("key", .equal, key).run()
        }
    }
}
