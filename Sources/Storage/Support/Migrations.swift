import Domain
import SQLKit

/// Every schema step of the platform, in order. Types are kept to TEXT and INTEGER so the same
/// statements run on SQLite and PostgreSQL; dates are ISO 8601 text, which sorts correctly.
public enum Migrations {
    public static let all: [Migration] = [knowledgeBaseSchema, taxonomySeed, jobQueue, SearchSchema.migration, AccountsSchema.migration]

    static let knowledgeBaseSchema = Migration(version: 1, name: "knowledge base schema") { db in
        // Slugs sort byte-wise on both databases (SQLite's default), so exports list items in the same order.
        let slugType = db.dialect.name == "postgresql" ? #"TEXT COLLATE "C""# : "TEXT"
        for statement in [
            """
            CREATE TABLE themes (
                slug TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,
                parent TEXT REFERENCES themes(slug), position INTEGER NOT NULL)
            """,
            "CREATE TABLE audiences (slug TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL)",
            "CREATE TABLE knowledge_kinds (slug TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL)",
            "CREATE TABLE recognition_levels (slug TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL)",
            """
            CREATE TABLE items (
                id TEXT PRIMARY KEY,
                slug \(slugType) NOT NULL UNIQUE,
                type TEXT NOT NULL,
                title TEXT NOT NULL,
                summary TEXT NOT NULL,
                body TEXT NOT NULL,
                knowledge TEXT REFERENCES knowledge_kinds(slug),
                published TEXT NOT NULL,
                authors TEXT NOT NULL,
                language TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('concept', 'gepubliceerd', 'gearchiveerd')),
                recognition TEXT REFERENCES recognition_levels(slug),
                event_start TEXT,
                event_end TEXT,
                location TEXT,
                online_url TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX items_status_published ON items (status, published, slug)",
            "CREATE INDEX items_type_status_published ON items (type, status, published, slug)",
            "CREATE INDEX items_events ON items (type, status, event_end, event_start)",
            """
            CREATE TABLE item_themes (
                item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                theme TEXT NOT NULL REFERENCES themes(slug),
                position INTEGER NOT NULL,
                PRIMARY KEY (item_id, theme))
            """,
            "CREATE INDEX item_themes_theme ON item_themes (theme, item_id)",
            """
            CREATE TABLE item_audiences (
                item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                audience TEXT NOT NULL REFERENCES audiences(slug),
                position INTEGER NOT NULL,
                PRIMARY KEY (item_id, audience))
            """,
            "CREATE INDEX item_audiences_audience ON item_audiences (audience, item_id)",
        ] {
            try await db.raw(SQLQueryString(stringLiteral: statement)).run()
        }
    }

    static let taxonomySeed = Migration(version: 2, name: "seed taxonomies") { db in
        for (position, theme) in TaxonomySeed.themes.enumerated() {
            try await db.insert(into: "themes")
                .columns("slug", "name", "description", "parent", "position")
                .values(SQLBind(theme.slug), SQLBind(theme.name), SQLBind(theme.description),
                        theme.parent.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(position))
                .run()
        }
        for (table, terms) in [
            ("audiences", TaxonomySeed.audiences), ("knowledge_kinds", TaxonomySeed.knowledgeKinds),
            ("recognition_levels", TaxonomySeed.recognitionLevels),
        ] {
            for (position, term) in terms.enumerated() {
                try await db.insert(into: table).columns("slug", "name", "position")
                    .values(SQLBind(term.slug), SQLBind(term.name), SQLBind(position)).run()
            }
        }
    }

    static let jobQueue = Migration(version: 3, name: "job queue") { db in
        try await db.raw("""
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                run_at TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                claimed_by TEXT,
                claimed_until TEXT,
                done_at TEXT,
                last_error TEXT,
                created_at TEXT NOT NULL)
            """).run()
        try await db.raw("CREATE INDEX jobs_due ON jobs (done_at, run_at)").run()
    }
}
