import Domain
import Foundation

/// A link with its visible text.
struct LinkView: Sendable {
    let label: String
    let url: String
}

/// An item as a card in a list: enough to decide whether to open it.
struct ItemCard: Sendable {
    let url: String
    let title: String
    let typeName: String
    let summary: String
    let publishedText: String
    let publishedISO: String
    let themes: [LinkView]
    /// The item's language when it differs from the page's, for `lang` on the card.
    let foreignLanguage: String?
    let event: EventView?
    /// `h2` on listings, `h3` under a section heading on the home page.
    let level: Int
}

/// When and where an event is.
struct EventView: Sendable {
    let when: String
    let startISO: String
    let location: String
    let online: String?
    let isPast: Bool
}

/// The full item page.
struct ItemView: Sendable {
    let card: ItemCard
    let typeURL: String
    let typePlural: String
    let bodyHTML: String
    let authors: String?
    let audiences: [String]
    let knowledge: String?
    let recognition: String?
    let archived: Bool
    let updatedText: String
}

/// "Pagina 2 van 5" with previous and next links; absent when everything fits on one page.
struct PaginationView: Sendable {
    let text: String
    let previousURL: String?
    let nextURL: String?

    init?(_ page: Page<some Sendable>, path: String, messages: Messages) {
        self.init(page, messages: messages) { $0 == 1 ? path : "\(path)?pagina=\($0)" }
    }

    init?(_ page: Page<some Sendable>, messages: Messages, url: (Int) -> String) {
        guard page.pageCount > 1 else { return nil }
        text = messages.text("site.pagination.text", page.number, page.pageCount)
        previousURL = page.hasPrevious ? url(page.number - 1) : nil
        nextURL = page.hasNext ? url(page.number + 1) : nil
    }
}

/// Builds view models from domain values, with the taxonomy at hand for display names and the page's
/// language for interface words and dates.
struct SiteViews: Sendable {
    let taxonomy: Taxonomy
    let messages: Messages
    let markdown: MarkdownRenderer
    let bodies: RenderedBodyCache
    let now: Date
    let dates: LocalDates

    init(taxonomy: Taxonomy, messages: Messages, markdown: MarkdownRenderer, bodies: RenderedBodyCache, now: Date) {
        self.taxonomy = taxonomy
        self.messages = messages
        self.markdown = markdown
        self.bodies = bodies
        self.now = now
        self.dates = LocalDates(language: messages.language)
    }


    func card(_ item: KnowledgeItem, level: Int = 2) -> ItemCard {
        let content = item.content
        return ItemCard(
            url: "/kennis/\(content.slug)", title: content.title, typeName: messages.name(of: content.type), summary: content.summary,
            publishedText: dates.day(content.published), publishedISO: content.published.description,
            themes: content.themes.map { slug in LinkView(label: taxonomy.theme(slug)?.name ?? slug, url: "/thema/\(slug)") },
            foreignLanguage: content.language.rawValue == messages.language.rawValue ? nil : content.language.rawValue,
            event: content.event.map(event), level: level)
    }

    func event(_ details: EventDetails) -> EventView {
        EventView(
            when: dates.span(from: details.start, to: details.end), startISO: dates.machine(details.start),
            location: details.location, online: details.online, isPast: details.end < now)
    }

    func page(_ item: KnowledgeItem) -> ItemView {
        let content = item.content
        return ItemView(
            card: card(item, level: 1), typeURL: "/type/\(content.type.rawValue)", typePlural: messages.pluralName(of: content.type),
            bodyHTML: bodies.html(for: item) { markdown.render(content.body) },
            authors: content.authors.isEmpty ? nil : content.authors.joined(separator: ", "),
            audiences: content.audiences.map { taxonomy.audience($0)?.name ?? $0 },
            knowledge: content.knowledge.map { taxonomy.knowledgeKind($0)?.name ?? $0 },
            recognition: content.recognition.map { taxonomy.recognitionLevel($0)?.name ?? $0 },
            archived: content.status == .gearchiveerd,
            updatedText: dates.day(of: item.updated))
    }
}
