import Domain
import Foundation
import SQLKit

/// The `revisions` table: each revision keeps the whole item in the exchange format, so any two can be compared.
enum RevisionRows {
    static func latestNumber(itemID: String, db: any SQLDatabase) async throws -> Int {
        let latest = try await db.raw("SELECT MAX(number) AS n FROM revisions WHERE item_id = \(bind: itemID)")
            .first(decodingColumn: "n", as: Int?.self)
        return (latest ?? nil) ?? 0
    }

    /// The latest revision's number; an item imported and never saved since first gets its stored version as
    /// revision 1, so the first comparison has a base.
    static func recordBase(of item: KnowledgeItem, db: any SQLDatabase) async throws -> Int {
        let latest = try await latestNumber(itemID: item.id, db: db)
        guard latest == 0 else { return latest }
        try await record(
            Revision(number: 1, saved: item.updated, editor: Editor(accountID: nil, name: "import"),
                     changedFields: Revision.changedFields(from: nil, to: item.content), content: item.content),
            itemID: item.id, db: db)
        return 1
    }

    static func record(_ revision: Revision, itemID: String, db: any SQLDatabase) async throws {
        try await db.insert(into: "revisions")
            .columns("item_id", "number", "saved_at", "editor_id", "editor_name", "changed", "content")
            .values(SQLBind(itemID), SQLBind(revision.number), SQLBind(Timestamp.format(revision.saved)),
                    SQLBind(revision.editor.accountID), SQLBind(revision.editor.name),
                    SQLBind(revision.changedFields.joined(separator: " ")), SQLBind(ExchangeFormat.line(for: revision.content)))
            .run()
    }

    /// An import's changes to items that already have revisions become revisions by the command line;
    /// items without any keep none until an editor saves them (see ``SQLKnowledgeStore/update(slug:with:by:expectedRevision:)``).
    static func recordImported(_ changed: [(String, ItemContent)], previous: [String: KnowledgeItem], at now: Date, db: any SQLDatabase) async throws {
        guard !changed.isEmpty else { return }
        struct Latest: Decodable { let item_id: String, n: Int }
        let latest = try await db.raw("""
            SELECT item_id, MAX(number) AS n FROM revisions WHERE item_id IN (\(binds: changed.map(\.0))) GROUP BY item_id
            """).all(decoding: Latest.self)
        let numbers = Dictionary(latest.map { ($0.item_id, $0.n) }, uniquingKeysWith: max)
        let before = Dictionary(previous.values.map { ($0.id, $0.content) }, uniquingKeysWith: { first, _ in first })
        for (id, content) in changed {
            guard let number = numbers[id] else { continue }
            try await record(
                Revision(number: number + 1, saved: now, editor: .commandLine,
                         changedFields: Revision.changedFields(from: before[id], to: content), content: content),
                itemID: id, db: db)
        }
    }

    static func revisions(slug: String, db: any SQLDatabase) async throws -> [Revision] {
        struct Row: Decodable {
            let number: Int, saved_at: String, editor_id: String?, editor_name: String, changed: String, content: String
        }
        let rows = try await db.raw("""
            SELECT r.number, r.saved_at, r.editor_id, r.editor_name, r.changed, r.content
            FROM revisions r JOIN items i ON i.id = r.item_id WHERE i.slug = \(bind: slug) ORDER BY r.number DESC
            """).all(decoding: Row.self)
        return try rows.map { row in
            Revision(number: row.number, saved: Timestamp.parse(row.saved_at) ?? .distantPast,
                     editor: Editor(accountID: row.editor_id, name: row.editor_name),
                     changedFields: row.changed.split(separator: " ").map(String.init),
                     content: try StoredContent.decode(row.content))
        }
    }
}

/// Reads an exchange-format line back without checking it against today's taxonomy: an old revision may
/// name a theme that has since been removed, and must still be shown.
struct StoredContent: Decodable {
    let slug: String, type: String, title: String, summary: String, body: String
    let themes: [String], audiences: [String], knowledge: String?, published: String, authors: [String]
    let recognition: String?, start: String?, end: String?, location: String?, online: String?
    let language: String, status: String

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    static func decode(_ line: String) throws -> ItemContent {
        let stored = try JSONDecoder().decode(StoredContent.self, from: Data(line.utf8))
        guard let type = ItemType(rawValue: stored.type), let published = Day(stored.published),
              let language = ContentLanguage(rawValue: stored.language), let status = ItemStatus(rawValue: stored.status)
        else { throw Unreadable(description: "a revision of '\(stored.slug)' has a value this version cannot read") }
        var event: EventDetails?
        if let start = stored.start.flatMap(Timestamp.parse), let end = stored.end.flatMap(Timestamp.parse) {
            event = EventDetails(start: start, end: end, location: stored.location ?? "", online: stored.online)
        }
        return ItemContent(
            slug: stored.slug, type: type, title: stored.title, summary: stored.summary, body: stored.body, themes: stored.themes,
            audiences: stored.audiences, knowledge: stored.knowledge, published: published, authors: stored.authors,
            language: language, status: status, recognition: stored.recognition, event: event)
    }
}
