import Storage
import Testing

@Suite("Database locations")
struct DatabaseLocationTests {
    @Test("SQLite locations name a file")
    func sqlite() throws {
        #expect(try DatabaseLocation("sqlite:./data/kennis.sqlite") == .sqlite(path: "./data/kennis.sqlite"))
        #expect(try DatabaseLocation("sqlite:///var/lib/kennis.sqlite") == .sqlite(path: "/var/lib/kennis.sqlite"))
    }

    @Test("PostgreSQL locations carry server, credentials, database and options")
    func postgres() throws {
        let location = try DatabaseLocation("postgres://kennis:geheim@db.internal:6543/kis?sslmode=require&schema=web&max_connections=8")
        guard case .postgres(let postgres) = location else {
            Issue.record("not a PostgreSQL location")
            return
        }
        #expect(postgres.host == "db.internal" && postgres.port == 6543 && postgres.database == "kis")
        #expect(postgres.user == "kennis" && postgres.password == "geheim")
        #expect(postgres.tls == .require && postgres.schema == "web" && postgres.maximumConnections == 8)
        #expect(try DatabaseLocation("postgresql://u@h/d") == .postgres(PostgresLocation(host: "h", user: "u", password: nil, database: "d")))
    }

    @Test("the password never appears in the description")
    func redacted() throws {
        let location = try DatabaseLocation("postgres://kennis:geheim@localhost/kis")
        #expect(location.description == "postgres://kennis:***@localhost:5432/kis")
    }

    @Test("malformed locations are refused with a reason", arguments: [
        "mysql://x", "sqlite:", "postgres://localhost/kis", "postgres://u:p@localhost", "postgres://u@h/d?sslmode=maybe",
        "postgres://u@h/d?schema=a;drop", "postgres://u@h/d?max_connections=0", "postgres://u@h/d?colour=blue",
    ])
    func malformed(text: String) {
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation(text) }
    }

    @Test("a refused PostgreSQL location does not echo its password, even when it does not parse", arguments: [
        "postgres://u:geheim@h/d?colour=blue", "postgres://u:ge#heim@/d", "postgres://u:ge heim@h",
    ])
    func refusedRedacted(text: String) {
        do {
            _ = try DatabaseLocation(text)
            Issue.record("accepted")
        } catch {
            #expect(!"\(error)".contains("heim"))
        }
    }

    @Test("a schema name is lowercase letters, digits and underscores", arguments: ["Web", "wéb", "web-1"])
    func schemaNames(name: String) {
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation("postgres://u@h/d?schema=\(name)") }
    }
}
