import Domain
import SQLKit

/// ``PlatformSettings`` as key/value rows; a missing row means the default.
public struct SQLSettingsStore: SettingsStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func settings() async throws -> PlatformSettings {
        struct Row: Decodable { let key: String, value: String }
        let rows = try await database.reader.select().columns("key", "value").from("settings").all(decoding: Row.self)
        var settings = PlatformSettings()
        for row in rows where row.key == "four_eyes" { settings.fourEyes = row.value == "true" }
        return settings
    }

    public func save(_ settings: PlatformSettings) async throws {
        try await database.write { db in
            try await db.delete(from: "settings").where("key", .equal, "four_eyes").run()
            try await db.insert(into: "settings").columns("key", "value")
                .values(SQLBind("four_eyes"), SQLBind(settings.fourEyes ? "true" : "false")).run()
        }
    }
}
