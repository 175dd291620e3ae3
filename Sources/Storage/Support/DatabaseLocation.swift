/// Where the platform's data lives, parsed from `KENNIS_DATABASE` or `--database`.
///
/// ```swift
/// try DatabaseLocation("sqlite:./data/kennis.sqlite")   // .sqlite(path: "./data/kennis.sqlite")
/// ```
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)

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
            throw Invalid(description: "PostgreSQL is not supported by this version yet; use sqlite:PATH")
        } else {
            throw Invalid(description: "'\(text)' is not a database location; use sqlite:PATH, e.g. sqlite:./data/kennis.sqlite")
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        }
    }
}
