import Foundation

/// The JSON Lines exchange format: one item per line with the fields other tools produce.
///
/// The API uses the same representation, so a line of an export can be POSTed as it is.
/// Key order is fixed (see ``fields(of:)``); type-specific fields appear only on their type and
/// `knowledge` is `null` when unclassified. That makes export → import → export byte-identical.
public enum ExchangeFormat {
    /// Fields the server sets itself. Accepted on input (a GET response can be PUT back) and ignored.
    public static let readOnlyFields: Set<String> = ["created", "updated"]

    public static let fieldNames: [String] = [
        "slug", "type", "title", "summary", "body", "themes", "audiences", "knowledge", "published", "authors",
        "recognition", "start", "end", "location", "online", "language", "status",
    ]

    /// The item's content as ordered JSON members.
    public static func fields(of content: ItemContent) -> [(String, OrderedJSON)] {
        var members: [(String, OrderedJSON)] = [
            ("slug", .string(content.slug)),
            ("type", .string(content.type.rawValue)),
            ("title", .string(content.title)),
            ("summary", .string(content.summary)),
            ("body", .string(content.body)),
            ("themes", .strings(content.themes)),
            ("audiences", .strings(content.audiences)),
            ("knowledge", .optional(content.knowledge)),
            ("published", .string(content.published.description)),
            ("authors", .strings(content.authors)),
        ]
        if let recognition = content.recognition { members.append(("recognition", .string(recognition))) }
        if let event = content.event {
            members.append(("start", .string(Timestamp.format(event.start))))
            members.append(("end", .string(Timestamp.format(event.end))))
            members.append(("location", .string(event.location)))
            if let online = event.online { members.append(("online", .string(online))) }
        }
        members.append(("language", .string(content.language.rawValue)))
        members.append(("status", .string(content.status.rawValue)))
        return members
    }

    /// One export line, without the trailing newline.
    public static func line(for content: ItemContent) -> String {
        OrderedJSON.object(fields(of: content)).text
    }
}

extension ExchangeFormat {
    /// Writes every item of the store, ordered by slug, one line each, in chunks so memory stays flat.
    ///
    /// ```swift
    /// let count = try await ExchangeFormat.export(from: store) { text in handle.write(Data(text.utf8)) }
    /// ```
    @discardableResult
    public static func export(
        from store: any KnowledgeStore, chunkSize: Int = 500, write: (String) throws -> Void
    ) async throws -> Int {
        var last: String?
        var count = 0
        while true {
            let items = try await store.itemsOrderedBySlug(after: last, limit: chunkSize)
            guard let final = items.last else { return count }
            var text = ""
            for item in items { text += line(for: item.content) + "\n" }
            try write(text)
            count += items.count
            last = final.content.slug
        }
    }
}
