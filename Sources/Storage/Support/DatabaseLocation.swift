import Foundation

/// Where the platform's data lives, parsed from `KENNIS_DATABASE` or `--database`.
///
/// ```swift
/// try DatabaseLocation("sqlite:./data/kennis.sqlite")
/// try DatabaseLocation("postgres://kennis:secret@db.internal:5432/kennis?sslmode=require")
/// ```
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public static let `default` = DatabaseLocation.sqlite(path: "./data/kennis.sqlite")

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw Invalid(description: "'\(text)' names no file; use sqlite:PATH, e.g. sqlite:./data/kennis.sqlite") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(text))
        } else {
            throw Invalid(description: "'\(text)' is not a database location; use sqlite:PATH or postgres://user:password@host:5432/database")
        }
    }

    /// The location with any password hidden, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let location): location.description
        }
    }
}

/// A PostgreSQL server and database: `postgres://user:password@host:port/database?sslmode=…&schema=…`.
///
/// `sslmode` is `disable` (default), `prefer` or `require`. `schema` sets the search path, so several
/// installations (or test runs) can share one database. `max_connections` bounds this instance's pool
/// (default 20); keep instances × pool below the server's `max_connections`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    public var schema: String?
    public var maximumConnections: Int

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, tls: TLSMode = .disable,
                schema: String? = nil, maximumConnections: Int = 20) {
        (self.host, self.port, self.user, self.password, self.database, self.tls, self.schema, self.maximumConnections) =
            (host, port, user, password, database, tls, schema, maximumConnections)
    }

    init(_ text: String) throws {
        func invalid(_ why: String) -> DatabaseLocation.Invalid {
            DatabaseLocation.Invalid(description: "'\(PostgresLocation.redacted(text))': \(why); use postgres://user:password@host:5432/database")
        }
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else { throw invalid("no host") }
        guard let user = url.user, !user.isEmpty else { throw invalid("no user") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name") }
        var tls = TLSMode.disable
        var schema: String?
        var maximumConnections = 20
        for item in url.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init) else { throw invalid("sslmode must be disable, prefer or require") }
                tls = mode
            case "schema":
                guard let value = item.value, !value.isEmpty,
                    value.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
                else { throw invalid("schema must be lowercase letters, digits and underscores") }
                schema = value
            case "max_connections":
                guard let value = item.value.flatMap(Int.init), (1...1000).contains(value) else {
                    throw invalid("max_connections must be a number from 1 to 1000")
                }
                maximumConnections = value
            default:
                throw invalid("unknown option '\(item.name)' (known: sslmode, schema, max_connections)")
            }
        }
        self.init(host: host, port: url.port ?? 5432, user: user, password: url.password, database: database, tls: tls,
                  schema: schema, maximumConnections: maximumConnections)
    }

    public var description: String {
        var options: [String] = []
        if tls != .disable { options.append("sslmode=\(tls.rawValue)") }
        if let schema { options.append("schema=\(schema)") }
        if maximumConnections != 20 { options.append("max_connections=\(maximumConnections)") }
        return "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
            + (options.isEmpty ? "" : "?" + options.joined(separator: "&"))
    }

    /// Hides the password even in text that does not parse as a URL: everything between the first
    /// `:` after `//` and the last `@` is replaced.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            scheme.upperBound < at.lowerBound
        else { return text }
        let credentials = text[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }
}
