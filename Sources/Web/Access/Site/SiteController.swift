import Domain
import Foundation
import Hummingbird

/// The public website: home, themes, type listings, the agenda and item pages.
///
/// Authorization: everything here is public and shows published content only. Archived items keep
/// their page (other sites link to them) but leave the listings; concept items do not exist for visitors.
struct SiteController: Sendable {
    let store: any KnowledgeStore
    let attachments: any AttachmentStore
    let templates: Templates
    let site: SiteSettings
    let clock: any WallClock
    let markdown = MarkdownRenderer()
    let bodies = RenderedBodyCache()
    static let pageSize = 20

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/", use: home)
        router.get("/thema", use: themes)
        router.get("/thema/:slug", use: theme)
        router.get("/type/:type", use: type)
        router.get("/agenda", use: agenda)
        router.get("/kennis/:slug", use: item)
    }

    struct HomePage: Sendable {
        struct ThemeBlock: Sendable {
            let name: String
            let description: String
            let url: String
            let headingID: String
            let items: [ItemCard]
        }
        let shell: PageShell
        let latest: [ItemCard]
        let themes: [ThemeBlock]
        let upcoming: [ItemCard]
        let types: [LinkView]
    }

    func home(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let views = try await views(context)
        let latest = try await store.items(ItemQuery(page: PageRequest(size: 6)))
        var blocks: [HomePage.ThemeBlock] = []
        for theme in views.taxonomy.topLevelThemes {
            var query = ItemQuery(page: PageRequest(size: 3))
            query.themes = views.taxonomy.themeAndDescendants(theme.slug)
            let items = try await store.items(query).items
            blocks.append(.init(name: theme.name, description: theme.description, url: "/thema/\(theme.slug)",
                                headingID: "thema-\(theme.slug)", items: items.map { views.card($0, level: 3) }))
        }
        var events = ItemQuery(page: PageRequest(size: 3))
        events.timing = .upcoming(at: views.now)
        let upcoming = try await store.items(events).items
        let messages = views.messages
        let page = HomePage(
            shell: PageShell(title: messages.text("site.home.title"), description: messages.text("site.home.description"),
                             section: "/", path: "/", site: site, request: request, language: context.language),
            latest: latest.items.map { views.card($0, level: 3) }, themes: blocks,
            upcoming: upcoming.map { views.card($0, level: 3) },
            types: ItemType.allCases.map { LinkView(label: views.messages.pluralName(of: $0), url: "/type/\($0.rawValue)") })
        return try templates.render("home", page, language: context.language)
    }

    struct ThemesPage: Sendable {
        struct Entry: Sendable {
            let name: String
            let description: String
            let url: String
            let children: [LinkView]
        }
        let shell: PageShell
        let themes: [Entry]
    }

    func themes(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let taxonomy = try await store.taxonomy()
        let entries = taxonomy.topLevelThemes.map { theme in
            ThemesPage.Entry(name: theme.name, description: theme.description, url: "/thema/\(theme.slug)",
                             children: taxonomy.children(of: theme.slug).map { LinkView(label: $0.name, url: "/thema/\($0.slug)") })
        }
        let messages = site.catalogue[context.language]
        let shell = PageShell(title: messages.text("site.themes.heading"), description: messages.text("site.themes.description"),
                              section: "/thema", path: "/thema", site: site, request: request, language: context.language)
        return try templates.render("themes", ThemesPage(shell: shell, themes: entries), language: context.language)
    }

    struct ListingPage: Sendable {
        let shell: PageShell
        let heading: String
        let introduction: String?
        let related: [LinkView]
        let items: [ItemCard]
        /// "12 kennisitems"
        let count: String
        let pagination: PaginationView?
    }

    func theme(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let slug = try context.parameters.require("slug")
        let views = try await views(context)
        guard let theme = views.taxonomy.theme(slug) else { throw DomainError.notFound("thema '\(slug)'") }
        var query = ItemQuery(page: try pageRequest(request))
        query.themes = views.taxonomy.themeAndDescendants(slug)
        let path = "/thema/\(slug)"
        return try await listing(query, views: views, path: path, heading: theme.name, introduction: theme.description,
                                 related: views.taxonomy.children(of: slug).map { LinkView(label: $0.name, url: "/thema/\($0.slug)") },
                                 section: "/thema", request: request, context: context)
    }

    func type(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let raw = try context.parameters.require("type")
        guard let type = ItemType(rawValue: raw) else { throw DomainError.notFound("type '\(raw)'") }
        var query = ItemQuery(page: try pageRequest(request))
        query.types = [type]
        let path = "/type/\(type.rawValue)"
        let views = try await views(context)
        return try await listing(query, views: views, path: path, heading: views.messages.pluralName(of: type), introduction: nil,
                                 related: [], section: PageShell.menu.contains { $0.url == path } ? path : nil,
                                 request: request, context: context)
    }

    private func listing(
        _ query: ItemQuery, views: SiteViews, path: String, heading: String, introduction: String?, related: [LinkView],
        section: String?, request: Request, context: AppRequestContext
    ) async throws -> HTML {
        let page = try await store.items(query)
        guard page.number == 1 || page.number <= page.pageCount else { throw DomainError.notFound("pagina \(page.number)") }
        let messages = views.messages
        let title = page.number > 1 ? messages.text("site.listing.pageTitle", heading, page.number) : heading
        let shell = PageShell(title: title, description: introduction ?? heading, section: section,
                              path: page.number > 1 ? "\(path)?pagina=\(page.number)" : path, site: site, request: request,
                              language: context.language)
        let count = page.total == 1 ? messages.text("site.listing.countOne") : messages.text("site.listing.countMany", page.total)
        return try templates.render("listing", ListingPage(
            shell: shell, heading: heading, introduction: introduction, related: related,
            items: page.items.map { views.card($0) }, count: count,
            pagination: PaginationView(page, path: path, messages: messages)), language: context.language)
    }

    struct AgendaPage: Sendable {
        let shell: PageShell
        let upcoming: [ItemCard]
        /// More events are planned than one page shows (the first ``PageRequest/maximumSize``).
        let moreUpcoming: Bool
        let past: [ItemCard]
        let pagination: PaginationView?
    }

    func agenda(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let views = try await views(context)
        var upcomingQuery = ItemQuery(page: PageRequest(size: PageRequest.maximumSize))
        upcomingQuery.timing = .upcoming(at: views.now)
        var pastQuery = ItemQuery(page: try pageRequest(request))
        pastQuery.timing = .past(at: views.now)
        let past = try await store.items(pastQuery)
        guard past.number == 1 || past.number <= past.pageCount else { throw DomainError.notFound("pagina \(past.number)") }
        let upcoming = past.number == 1 ? try await store.items(upcomingQuery) : nil
        let messages = views.messages
        let shell = PageShell(title: messages.text("site.agenda.heading"), description: messages.text("site.agenda.description"),
                              section: "/agenda", path: "/agenda", site: site, request: request, language: context.language)
        return try templates.render("agenda", AgendaPage(
            shell: shell, upcoming: (upcoming?.items ?? []).map { views.card($0, level: 3) },
            moreUpcoming: upcoming?.hasNext ?? false, past: past.items.map { views.card($0, level: 3) },
            pagination: PaginationView(past, path: "/agenda", messages: messages)), language: context.language)
    }

    struct ItemPage: Sendable {
        let shell: PageShell
        let item: ItemView
        let attachments: [AttachmentLink]
        /// Shown above a draft that staff preview: what visitors will see, once published.
        let previewStatus: String?
    }

    /// A download link with what a reader needs to decide whether to open it.
    struct AttachmentLink: Sendable {
        let url: String
        let filename: String
        let description: String
    }

    func item(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let slug = try context.parameters.require("slug")
        guard let item = try await store.item(slug: slug), item.content.status.isPublic else {
            throw DomainError.notFound("kennisitem '\(slug)'")
        }
        return try await itemPage(item, preview: false, request: request, context: context)
    }

    /// The public page of an item; `preview` marks it as a staff preview of a draft.
    func itemPage(_ item: KnowledgeItem, preview: Bool, request: Request, context: AppRequestContext) async throws -> HTML {
        let slug = item.content.slug
        let views = try await views(context)
        let messages = views.messages
        let shell = PageShell(title: item.content.title, description: item.content.summary, section: nil,
                              path: "/kennis/\(slug)", site: site, request: request, language: context.language)
        let links = try await attachments.attachments(ofItem: slug).map { attachment in
            AttachmentLink(url: AttachmentDownloadController.url(of: attachment), filename: attachment.filename,
                           description: "\(messages.text("staff.attachmentKind.\(attachment.kind.rawValue)")), \(AttachmentUpload.describe(attachment.size, language: context.language))")
        }
        var page = try templates.render("item", ItemPage(
            shell: shell, item: views.page(item), attachments: links,
            previewStatus: preview ? messages.text("site.item.previewText", messages.name(of: item.content.status)) : nil), language: context.language)
        if preview { page.headers[.cacheControl] = "private, no-store" }
        return page
    }

    private func views(_ context: AppRequestContext) async throws -> SiteViews {
        SiteViews(taxonomy: try await store.taxonomy(), messages: site.catalogue[context.language], markdown: markdown,
                  bodies: bodies, now: clock.now())
    }

    /// `?pagina=N`; anything but a positive number is a page that does not exist.
    private func pageRequest(_ request: Request) throws -> PageRequest {
        guard let raw = request.uri.queryParameters["pagina"] else { return PageRequest(size: Self.pageSize) }
        guard let number = Int(raw), number >= 1, number <= 100_000 else { throw DomainError.notFound("pagina '\(raw)'") }
        return PageRequest(number: number, size: Self.pageSize)
    }
}
