import Domain
import Foundation
import SQLKit

/// Attachment records in `attachments`; their extracted text is part of the item's search document.
public struct SQLAttachmentStore: AttachmentStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Decodable {
        let id: String, item_id: String, slug: String, sha256: String, filename: String, kind: String, size: Int, uploaded_at: String
        let uploaded_by: String, text_status: String, downloads: Int

        var attachment: Attachment? {
            guard let kind = AttachmentKind(rawValue: kind), let status = Attachment.TextStatus(rawValue: text_status) else { return nil }
            return Attachment(id: id, itemID: item_id, itemSlug: slug, sha256: sha256, filename: filename, kind: kind, size: size,
                              uploaded: Timestamp.parse(uploaded_at) ?? .distantPast, uploadedBy: uploaded_by,
                              textStatus: status, downloads: downloads)
        }
    }

    static var selection: SQLList {
        SQLList(columns.map { SQLColumn($0, table: "a") } + [SQLColumn("slug", table: "i")])
    }

    static let columns = ["id", "item_id", "sha256", "filename", "kind", "size", "uploaded_at", "uploaded_by", "text_status", "downloads"]

    public func add(toItem slug: String, sha256: String, filename: String, kind: AttachmentKind, size: Int, by editor: Editor, at: Date)
        async throws -> Attachment
    {
        try await database.write { db in
            guard let itemID = try await SQLKnowledgeStore.ids(forSlugs: [slug], db: db)[slug] else {
                throw DomainError.notFound("no item with slug '\(slug)'")
            }
            let attachment = Attachment(
                id: UUID().uuidString.lowercased(), itemID: itemID, itemSlug: slug, sha256: sha256, filename: filename, kind: kind, size: size,
                uploaded: at, uploadedBy: editor.name, textStatus: kind == .pdf ? .pending : .none)
            try await db.insert(into: "attachments").columns(Self.columns)
                .values(SQLBind(attachment.id), SQLBind(itemID), SQLBind(sha256), SQLBind(filename), SQLBind(kind.rawValue),
                        SQLBind(size), SQLBind(Timestamp.format(at)), SQLBind(editor.name), SQLBind(attachment.textStatus.rawValue),
                        SQLBind(0))
                .run()
            return attachment
        }
    }

    public func attachments(ofItem slug: String) async throws -> [Attachment] {
        try await database.reader.raw("""
            SELECT \(Self.selection) FROM attachments a JOIN items i ON i.id = a.item_id
            WHERE i.slug = \(bind: slug) ORDER BY a.uploaded_at, a.id
            """).all(decoding: Row.self).compactMap(\.attachment)
    }

    public func attachment(id: String) async throws -> Attachment? {
        try await database.reader.raw("""
            SELECT \(Self.selection) FROM attachments a JOIN items i ON i.id = a.item_id WHERE a.id = \(bind: id)
            """).first(decoding: Row.self)?.attachment
    }

    public func remove(id: String) async throws {
        try await changeText(attachmentID: id) { db in
            try await db.delete(from: "attachments").where("id", .equal, id).run()
        }
    }

    public func setText(_ text: String?, attachmentID: String) async throws {
        let status: Attachment.TextStatus = text == nil ? .failed : .done
        let indexed = text.map { String($0.prefix(Attachment.indexedTextMaximum)) }
        try await changeText(attachmentID: attachmentID) { db in
            try await db.update("attachments").set("text", to: indexed).set("text_status", to: status.rawValue)
                .where("id", .equal, attachmentID).run()
        }
    }

    public func recordDownload(attachmentID: String) async throws {
        try await database.write { db in
            try await db.raw("UPDATE attachments SET downloads = downloads + 1 WHERE id = \(bind: attachmentID)").run()
        }
    }

    public func references(toFile sha256: String) async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM attachments WHERE sha256 = \(bind: sha256)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Runs `change` and re-indexes the attachment's item with its attachments' text before and after, in one transaction.
    private func changeText(attachmentID: String, _ change: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await database.write { db in
            guard let itemID = try await db.select().column("item_id").from("attachments").where("id", .equal, attachmentID)
                .first(decodingColumn: "item_id", as: String.self)
            else { throw DomainError.notFound("no attachment '\(attachmentID)'") }
            // Locked like an item save, so a save and a text extraction on PostgreSQL take turns over the index.
            guard let item = try await SQLKnowledgeStore.items(withIDs: [itemID], locking: true, db: db)[itemID] else { return }
            let before = try await Self.indexedText(itemIDs: [itemID], db: db)[itemID]
            try await change(db)
            let after = try await Self.indexedText(itemIDs: [itemID], db: db)[itemID]
            guard before != after else { return }
            try await SearchIndexer(db: db).apply([
                IndexChange(itemID: itemID, before: item.content, after: item.content, beforeText: before, afterText: after)
            ])
        }
    }

    /// The extracted text of each item's attachments, joined; items without any text are absent.
    static func indexedText(itemIDs: [String], db: any SQLDatabase) async throws -> [String: String] {
        guard !itemIDs.isEmpty else { return [:] }
        struct Row: Decodable { let item_id: String, text: String }
        var texts: [String: String] = [:]
        for batch in itemIDs.chunked(by: 500) {
            let rows = try await db.raw("""
                SELECT item_id, text FROM attachments WHERE item_id IN (\(binds: batch)) AND text IS NOT NULL
                ORDER BY item_id, uploaded_at, id
                """).all(decoding: Row.self)
            for row in rows { texts[row.item_id, default: ""] += (texts[row.item_id] == nil ? "" : "\n\n") + row.text }
        }
        return texts
    }
}
