import Foundation

/// A knowledge product of the institute: a publication, factsheet, practice example, intervention, event, ….
///
/// The editable part lives in ``ItemContent``; the item adds identity and bookkeeping.
/// The `slug` is the stable public address (`/kennis/{slug}`); the `id` never leaves the database
/// layer's joins, so a slug could one day be changed with a redirect without breaking references.
public struct KnowledgeItem: Sendable, Equatable, Identifiable {
    public var id: String
    public var content: ItemContent
    public var created: Date
    public var updated: Date

    public init(id: String, content: ItemContent, created: Date, updated: Date) {
        self.id = id
        self.content = content
        self.created = created
        self.updated = updated
    }
}

/// Everything an editor (or an import file) decides about a knowledge item.
public struct ItemContent: Sendable, Equatable {
    public var slug: String
    public var type: ItemType
    public var title: String
    /// Plain-language summary, at most ``ItemRules/summaryMaximum`` characters.
    public var summary: String
    /// Markdown.
    public var body: String
    /// Theme slugs, at least one.
    public var themes: [String]
    public var audiences: [String]
    /// The kind of knowledge (praktijk, implementatie, onderzoek, beleid), if classified.
    public var knowledge: String?
    public var published: Day
    public var authors: [String]
    public var language: ContentLanguage
    public var status: ItemStatus
    /// Recognition level; only for ``ItemType/interventie``, where it is required.
    public var recognition: String?
    /// Only for ``ItemType/evenement``, where it is required.
    public var event: EventDetails?

    public init(
        slug: String, type: ItemType, title: String, summary: String, body: String, themes: [String],
        audiences: [String] = [], knowledge: String? = nil, published: Day, authors: [String] = [],
        language: ContentLanguage = .nl, status: ItemStatus = .gepubliceerd, recognition: String? = nil,
        event: EventDetails? = nil
    ) {
        self.slug = slug
        self.type = type
        self.title = title
        self.summary = summary
        self.body = body
        self.themes = themes
        self.audiences = audiences
        self.knowledge = knowledge
        self.published = published
        self.authors = authors
        self.language = language
        self.status = status
        self.recognition = recognition
        self.event = event
    }
}

/// When and where an event takes place.
public struct EventDetails: Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var location: String
    /// A link to join online, for online and hybrid events.
    public var online: String?

    public init(start: Date, end: Date, location: String, online: String? = nil) {
        self.start = start
        self.end = end
        self.location = location
        self.online = online
    }
}
