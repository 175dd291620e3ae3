import Domain
import Foundation
import SQLKit

/// The audit trail in `audit_log`. The store offers no update or delete: entries are only added.
public struct SQLAuditLog: AuditLog {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func record(_ entry: AuditEntry) async throws {
        try await database.write { db in
            try await Self.insert(entry, db: db)
        }
    }

    /// Writes an entry inside a caller's transaction, so the change and its record commit together.
    static func insert(_ entry: AuditEntry, db: any SQLDatabase) async throws {
        try await db.insert(into: "audit_log").columns("id", "at", "actor", "action", "subject", "detail")
            .values(SQLBind(UUID().uuidString.lowercased()), SQLBind(Timestamp.format(entry.at)), SQLBind(String(entry.actor.prefix(300))),
                    SQLBind(entry.action.rawValue), SQLBind(String(entry.subject.prefix(300))), SQLBind(String(entry.detail.prefix(2000))))
            .run()
    }

    public func entries(_ query: AuditQuery) async throws -> Page<AuditEntry> {
        var conditions: [any SQLExpression] = []
        if !query.actions.isEmpty { conditions.append(SQLQueryString("action IN (\(binds: query.actions.map(\.rawValue)))")) }
        if let text = query.text?.lowercased(), !text.isEmpty {
            let pattern = LikePattern.containing(text)
            conditions.append(SQLQueryString(
                "(LOWER(actor) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(subject) LIKE \(bind: pattern) ESCAPE '\\')"))
        }
        let predicate = SQLQueryString.all(conditions)
        let db = database.reader
        let total = try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE \(predicate)").first(decodingColumn: "n", as: Int.self) ?? 0
        struct Row: Decodable { let at: String, actor: String, action: String, subject: String, detail: String }
        let rows = try await db.raw("""
            SELECT at, actor, action, subject, detail FROM audit_log WHERE \(predicate)
            ORDER BY at DESC, id DESC LIMIT \(literal: query.page.size) OFFSET \(literal: query.page.offset)
            """).all(decoding: Row.self)
        let entries = rows.compactMap { row in
            AuditEntry.Action(rawValue: row.action).map {
                AuditEntry(at: Timestamp.parse(row.at) ?? .distantPast, actor: row.actor, action: $0, subject: row.subject, detail: row.detail)
            }
        }
        return Page(items: entries, total: total, number: query.page.number, size: query.page.size)
    }
}
