import Domain
import SQLKit

/// Migration 5: people and permissions — accounts, sessions, tokens, the audit log — and the editorial
/// workflow's revisions, attachments, settings and the `ter-review` status.
enum AccountsSchema {
    static let migration = Migration(version: 5, name: "accounts, workflow, attachments, audit log") { db in
        for statement in [
            """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT NOT NULL,
                active INTEGER NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE account_roles (
                account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, role TEXT NOT NULL,
                PRIMARY KEY (account_id, role))
            """,
            """
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_expiry ON sessions (expires_at)",
            "CREATE TABLE login_failures (attempt TEXT NOT NULL, key TEXT NOT NULL, failed_at TEXT NOT NULL)",
            "CREATE INDEX login_failures_key ON login_failures (key, failed_at)",
            """
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                expires_at TEXT NOT NULL, used_at TEXT)
            """,
            """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,
                account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, name TEXT NOT NULL,
                created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT)
            """,
            """
            CREATE TABLE audit_log (
                id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                subject TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX audit_log_time ON audit_log (at, id)",
            "CREATE INDEX audit_log_action ON audit_log (action, at)",
            """
            CREATE TABLE revisions (
                item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE, number INTEGER NOT NULL,
                saved_at TEXT NOT NULL, editor_id TEXT, editor_name TEXT NOT NULL, changed TEXT NOT NULL,
                content TEXT NOT NULL, PRIMARY KEY (item_id, number))
            """,
            """
            CREATE TABLE attachments (
                id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                sha256 TEXT NOT NULL, filename TEXT NOT NULL, kind TEXT NOT NULL, size INTEGER NOT NULL,
                uploaded_at TEXT NOT NULL, uploaded_by TEXT NOT NULL, text TEXT, text_status TEXT NOT NULL,
                downloads INTEGER NOT NULL)
            """,
            "CREATE INDEX attachments_item ON attachments (item_id, uploaded_at)",
            "CREATE INDEX attachments_file ON attachments (sha256)",
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ] {
            try await db.raw(SQLQueryString(stringLiteral: statement)).run()
        }
        try await allowReviewStatus(db)
    }

    /// Widens the CHECK on `items.status` by `ter-review`.
    ///
    /// PostgreSQL alters the constraint. SQLite cannot alter a CHECK; its documented way to relax one
    /// without rebuilding the table (which would cascade-delete the item links) is to edit the stored
    /// table definition and bump the schema version, inside this migration's transaction.
    static func allowReviewStatus(_ db: any SQLDatabase) async throws {
        let old = "CHECK (status IN ('concept', 'gepubliceerd', 'gearchiveerd'))"
        let new = "CHECK (status IN ('concept', 'ter-review', 'gepubliceerd', 'gearchiveerd'))"
        if db.dialect.name == "postgresql" {
            try await db.raw("ALTER TABLE items DROP CONSTRAINT items_status_check").run()
            try await db.raw("ALTER TABLE items ADD CONSTRAINT items_status_check \(unsafeRaw: new)").run()
            return
        }
        let version = try await db.raw("PRAGMA schema_version").first(decodingColumn: "schema_version", as: Int.self) ?? 0
        try await db.raw("PRAGMA writable_schema = ON").run()
        try await db.raw("""
            UPDATE sqlite_master SET sql = replace(sql, \(bind: old), \(bind: new)) WHERE type = 'table' AND name = 'items'
            """).run()
        try await db.raw("PRAGMA schema_version = \(unsafeRaw: String(version + 1))").run()
        try await db.raw("PRAGMA writable_schema = OFF").run()
        // replace() changes nothing when the stored definition differs from what migration 1 wrote; fail loudly then.
        let definition = try await db.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'items'")
            .first(decodingColumn: "sql", as: String.self) ?? ""
        guard definition.contains(new) else {
            throw Migration.Failed(description: "the items table's status check could not be widened by 'ter-review'")
        }
    }
}
