import Domain
import Foundation
import SQLKit

/// Copies every row of the platform from one database to another and proves the copy complete.
///
/// Used to move an installation from SQLite to PostgreSQL (or back). Both are migrated to the current
/// schema first; the copy is one transaction on the target, so a failure leaves it as it was. Afterwards
/// each table is compared by row count and by a checksum over its rows in a fixed order. Stop the
/// instances that write to the source first: the copy does not see writes made while it runs. Attachment
/// files live in the file store (`data/files`), not the database: copy that folder along.
///
/// ```swift
/// let report = try await DataCopier(tables: DataCopier.platformTables).copy(from: sqlite, to: postgres, replace: false)
/// print(report.allMatch)   // true
/// ```
public struct DataCopier: Sendable {
    /// A table and its columns, in an order where every table comes after the tables it refers to.
    public struct Table: Sendable {
        public enum Kind: Sendable { case text, integer }
        public let name: String
        public let columns: [(name: String, kind: Kind)]
        /// Columns that order the rows for paging through the source.
        public let key: [String]
        /// A column referring to another row of the same table (a theme's parent): such rows are inserted parents first.
        public let parentColumn: String?
    }

    /// Every table that holds the platform's data; `schema_migrations` is not copied (both sides are migrated).
    public static let platformTables: [Table] = [
        Table(name: "themes", columns: [("slug", .text), ("name", .text), ("description", .text), ("parent", .text), ("position", .integer)],
              key: ["slug"], parentColumn: "parent"),
        Table(name: "audiences", columns: [("slug", .text), ("name", .text), ("position", .integer)], key: ["slug"], parentColumn: nil),
        Table(name: "knowledge_kinds", columns: [("slug", .text), ("name", .text), ("position", .integer)], key: ["slug"], parentColumn: nil),
        Table(name: "recognition_levels", columns: [("slug", .text), ("name", .text), ("position", .integer)], key: ["slug"],
              parentColumn: nil),
        Table(name: "items", columns: ItemRow.columns.map { ($0, .text) }, key: ["id"], parentColumn: nil),
        Table(name: "item_themes", columns: [("item_id", .text), ("theme", .text), ("position", .integer)], key: ["item_id", "theme"],
              parentColumn: nil),
        Table(name: "item_audiences", columns: [("item_id", .text), ("audience", .text), ("position", .integer)],
              key: ["item_id", "audience"], parentColumn: nil),
        Table(name: "jobs", columns: [("id", .text), ("kind", .text), ("payload", .text), ("run_at", .text), ("attempts", .integer),
                                      ("claimed_by", .text), ("claimed_until", .text), ("done_at", .text), ("last_error", .text),
                                      ("created_at", .text)], key: ["id"], parentColumn: nil),
        Table(name: "search_synonyms", columns: [("word", .text), ("stem", .text), ("group_id", .text)], key: ["word"],
              parentColumn: nil),
        Table(name: "accounts", columns: [("id", .text), ("email", .text), ("name", .text), ("password_hash", .text),
                                          ("active", .integer), ("created_at", .text)], key: ["id"], parentColumn: nil),
        Table(name: "account_roles", columns: [("account_id", .text), ("role", .text)], key: ["account_id", "role"], parentColumn: nil),
        Table(name: "api_tokens", columns: [("id", .text), ("token_hash", .text), ("account_id", .text), ("name", .text),
                                            ("created_at", .text), ("last_used_at", .text), ("revoked_at", .text)],
              key: ["id"], parentColumn: nil),
        Table(name: "settings", columns: [("key", .text), ("value", .text)], key: ["key"], parentColumn: nil),
        Table(name: "audit_log", columns: [("id", .text), ("at", .text), ("actor", .text), ("action", .text), ("subject", .text),
                                           ("detail", .text)], key: ["id"], parentColumn: nil),
        Table(name: "revisions", columns: [("item_id", .text), ("number", .integer), ("saved_at", .text), ("editor_id", .text),
                                           ("editor_name", .text), ("changed", .text), ("content", .text)],
              key: ["item_id", "number"], parentColumn: nil),
        Table(name: "attachments", columns: [("id", .text), ("item_id", .text), ("sha256", .text), ("filename", .text), ("kind", .text),
                                             ("size", .integer), ("uploaded_at", .text), ("uploaded_by", .text), ("text", .text),
                                             ("text_status", .text), ("downloads", .integer)], key: ["id"], parentColumn: nil),
    ]

    /// Tables whose rows make a target "not empty": the seeded taxonomies do not count. (Sessions, sign-in
    /// failures and reset links are not copied at all: people sign in again after a move.)
    static let contentTables: Set<String> = ["items", "jobs", "accounts", "audit_log"]

    public let tables: [Table]
    public init(tables: [Table] = DataCopier.platformTables) { self.tables = tables }

    public struct TableReport: Sendable, Equatable {
        public let table: String
        public let sourceRows: Int, targetRows: Int
        public let sourceChecksum: String, targetChecksum: String
        public var matches: Bool { sourceRows == targetRows && sourceChecksum == targetChecksum }
    }

    public struct Report: Sendable {
        public let tables: [TableReport]
        public var allMatch: Bool { tables.allSatisfy(\.matches) }
    }

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public func copy(from source: Database, to target: Database, replace: Bool) async throws -> Report {
        // Both sides get the current schema, as every command does, so the columns line up.
        try await Migrator().migrate(source)
        try await Migrator().migrate(target)
        var rows: [String: [[Value]]] = [:]
        for table in tables { rows[table.name] = try await read(table, from: source.reader) }
        let copy = rows
        try await target.write { db in
            for table in self.tables where Self.contentTables.contains(table.name) && !replace {
                let count = try await Self.count(table, in: db)
                guard count == 0 else {
                    throw Refused(description: "the target already holds \(count) rows in '\(table.name)'; use --replace to overwrite it")
                }
            }
            for table in self.tables.reversed() { try await db.delete(from: table.name).run() }
            for table in self.tables { try await Self.insert(copy[table.name] ?? [], into: table, db: db) }
            // The search index is derived data: built anew from the copied items, in the same transaction.
            try await SearchIndexer(db: db).rebuild()
        }
        // Both sides are read again, so the report compares the databases themselves; rows written to the
        // source during the copy show up as a difference.
        var reports: [TableReport] = []
        for table in tables {
            let written = try await read(table, from: target.reader)
            let original = try await read(table, from: source.reader)
            reports.append(TableReport(
                table: table.name, sourceRows: original.count, targetRows: written.count,
                sourceChecksum: Self.checksum(original), targetChecksum: Self.checksum(written)))
        }
        return Report(tables: reports)
    }

    /// A value as stored: every column of the platform is text or an integer.
    enum Value: Sendable, Equatable {
        case text(String), integer(Int), null

        var expression: any SQLExpression {
            switch self {
            case .text(let text): SQLBind(text)
            case .integer(let number): SQLBind(number)
            case .null: SQLLiteral.null
            }
        }

        var canonical: String {
            switch self {
            case .text(let text): "t" + text
            case .integer(let number): "i\(number)"
            case .null: "n"
            }
        }
    }

    static let pageSize = 1000

    func read(_ table: Table, from db: any SQLDatabase) async throws -> [[Value]] {
        var result: [[Value]] = []
        while true {
            let builder = db.select().columns(table.columns.map { SQLColumn($0.name) }).from(table.name)
            for key in table.key { builder.orderBy(key) }
            let page = try await builder.limit(Self.pageSize).offset(result.count).all()
            result += try page.map { row in
                try table.columns.map { column in
                    if try row.decodeNil(column: column.name) { return .null }
                    switch column.kind {
                    case .text: return .text(try row.decode(column: column.name, as: String.self))
                    case .integer: return .integer(try row.decode(column: column.name, as: Int.self))
                    }
                }
            }
            if page.count < Self.pageSize { return result }
        }
    }

    static func count(_ table: Table, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table.name)").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    static func insert(_ rows: [[Value]], into table: Table, db: any SQLDatabase) async throws {
        var ordered = rows
        if let parent = table.parentColumn, let parentIndex = table.columns.firstIndex(where: { $0.name == parent }),
            let keyIndex = table.columns.firstIndex(where: { $0.name == table.key.first })
        {
            ordered = parentsFirst(rows, keyIndex: keyIndex, parentIndex: parentIndex)
        }
        let batch = max(1, 30_000 / max(1, table.columns.count))
        for start in stride(from: 0, to: ordered.count, by: batch) {
            let builder = db.insert(into: table.name).columns(table.columns.map(\.name))
            for row in ordered[start..<min(start + batch, ordered.count)] { builder.values(row.map(\.expression)) }
            try await builder.run()
        }
    }

    /// Orders a tree's rows so that each row comes after its parent.
    static func parentsFirst(_ rows: [[Value]], keyIndex: Int, parentIndex: Int) -> [[Value]] {
        var placed = Set<String>()
        var remaining = rows
        var ordered: [[Value]] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { row in
                if case .text(let parent) = row[parentIndex] { return placed.contains(parent) }
                return true
            }
            if ready.isEmpty { return ordered + remaining }  // a cycle: let the database's foreign key report it
            for row in ready { if case .text(let key) = row[keyIndex] { placed.insert(key) } }
            ordered += ready
            remaining.removeAll { row in if case .text(let key) = row[keyIndex] { return placed.contains(key) } else { return false } }
        }
        return ordered
    }

    /// FNV-1a (64 bit) over the rows in byte order, so both databases' collations give the same result.
    static func checksum(_ rows: [[Value]]) -> String {
        let lines = rows.map { $0.map(\.canonical).joined(separator: "\u{1F}") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in lines {
            for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1E) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
