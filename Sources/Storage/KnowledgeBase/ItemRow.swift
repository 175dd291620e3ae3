import Domain
import Foundation
import SQLKit

/// One row of `items` as stored: everything is text so that both databases read it the same way.
struct ItemRow: Codable, Sendable {
    var id: String
    var slug: String
    var type: String
    var title: String
    var summary: String
    var body: String
    var knowledge: String?
    var published: String
    var authors: String
    var language: String
    var status: String
    var recognition: String?
    var event_start: String?
    var event_end: String?
    var location: String?
    var online_url: String?
    var created_at: String
    var updated_at: String

    static let columns = [
        "id", "slug", "type", "title", "summary", "body", "knowledge", "published", "authors", "language", "status",
        "recognition", "event_start", "event_end", "location", "online_url", "created_at", "updated_at",
    ]

    /// Whether an update rewrites the column; `id` and `created_at` never change.
    static func isContentColumn(_ column: String) -> Bool { column != "id" && column != "created_at" }

    init(id: String, content: ItemContent, created: Date, updated: Date) {
        self.id = id
        slug = content.slug
        type = content.type.rawValue
        title = content.title
        summary = content.summary
        body = content.body
        knowledge = content.knowledge
        published = content.published.description
        authors = OrderedJSON.strings(content.authors).text
        language = content.language.rawValue
        status = content.status.rawValue
        recognition = content.recognition
        event_start = content.event.map { Timestamp.format($0.start) }
        event_end = content.event.map { Timestamp.format($0.end) }
        location = content.event?.location
        online_url = content.event?.online
        created_at = Timestamp.format(created)
        updated_at = Timestamp.format(updated)
    }

    /// Bound values in the order of ``columns``.
    var values: [any SQLExpression] {
        let texts: [String?] = [
            id, slug, type, title, summary, body, knowledge, published, authors, language, status, recognition,
            event_start, event_end, location, online_url, created_at, updated_at,
        ]
        return texts.map { text -> any SQLExpression in text.map { SQLBind($0) } ?? SQLLiteral.null }
    }

    struct Corrupt: Error, CustomStringConvertible {
        let description: String
    }

    /// Rebuilds the domain item; a row that breaks the domain's rules means the database was edited by hand.
    func item(themes: [String], audiences: [String]) throws -> KnowledgeItem {
        guard let type = ItemType(rawValue: type), let published = Day(published),
            let language = ContentLanguage(rawValue: language), let status = ItemStatus(rawValue: status),
            let created = Timestamp.parse(created_at), let updated = Timestamp.parse(updated_at)
        else { throw Corrupt(description: "item '\(slug)' has a value this version cannot read") }
        let authorList = try JSONDecoder().decode([String].self, from: Data(authors.utf8))
        var event: EventDetails?
        if let start = event_start.flatMap(Timestamp.parse), let end = event_end.flatMap(Timestamp.parse) {
            event = EventDetails(start: start, end: end, location: location ?? "", online: online_url)
        }
        let content = ItemContent(
            slug: slug, type: type, title: title, summary: summary, body: body, themes: themes, audiences: audiences,
            knowledge: knowledge, published: published, authors: authorList, language: language, status: status,
            recognition: recognition, event: event)
        return KnowledgeItem(id: id, content: content, created: created, updated: updated)
    }
}
