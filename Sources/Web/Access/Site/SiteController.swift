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
    let markdown = MarkdownRenderer(headingOffset: 1)
    let dates = DutchDates()
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
        let views = try await views()
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
        let page = HomePage(
            shell: PageShell(title: "Integratie en samenleving", description: "Praktijkkennis, onderzoek en handreikingen over integratie en samenleving.",
                             section: "/", path: "/", site: site),
            latest: latest.items.map { views.card($0, level: 3) }, themes: blocks,
            upcoming: upcoming.map { views.card($0, level: 3) },
            types: ItemType.allCases.map { LinkView(label: $0.pluralName, url: "/type/\($0.rawValue)") })
        return try templates.render("home", page)
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
        let shell = PageShell(title: "Thema's", description: "Alle thema's van het kennisplatform.", section: "/thema",
                              path: "/thema", site: site)
        return try templates.render("themes", ThemesPage(shell: shell, themes: entries))
    }

    struct ListingPage: Sendable {
        let shell: PageShell
        let heading: String
        let introduction: String?
        let related: [LinkView]
        let items: [ItemCard]
        let total: Int
        let pagination: PaginationView?
    }

    func theme(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let slug = try context.parameters.require("slug")
        let views = try await views()
        guard let theme = views.taxonomy.theme(slug) else { throw DomainError.notFound("thema '\(slug)'") }
        var query = ItemQuery(page: try pageRequest(request))
        query.themes = views.taxonomy.themeAndDescendants(slug)
        let path = "/thema/\(slug)"
        return try await listing(query, views: views, path: path, heading: theme.name, introduction: theme.description,
                                 related: views.taxonomy.children(of: slug).map { LinkView(label: $0.name, url: "/thema/\($0.slug)") },
                                 section: "/thema")
    }

    func type(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let raw = try context.parameters.require("type")
        guard let type = ItemType(rawValue: raw) else { throw DomainError.notFound("type '\(raw)'") }
        var query = ItemQuery(page: try pageRequest(request))
        query.types = [type]
        let path = "/type/\(type.rawValue)"
        return try await listing(query, views: try await views(), path: path, heading: type.pluralName, introduction: nil,
                                 related: [], section: PageShell.menu.contains { $0.url == path } ? path : nil)
    }

    private func listing(
        _ query: ItemQuery, views: SiteViews, path: String, heading: String, introduction: String?, related: [LinkView],
        section: String?
    ) async throws -> HTML {
        let page = try await store.items(query)
        guard page.number == 1 || page.number <= page.pageCount else { throw DomainError.notFound("pagina \(page.number)") }
        let title = page.number > 1 ? "\(heading) (pagina \(page.number))" : heading
        let shell = PageShell(title: title, description: introduction ?? heading, section: section,
                              path: page.number > 1 ? "\(path)?pagina=\(page.number)" : path, site: site)
        return try templates.render("listing", ListingPage(
            shell: shell, heading: heading, introduction: introduction, related: related,
            items: page.items.map { views.card($0) }, total: page.total, pagination: PaginationView(page, path: path)))
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
        let views = try await views()
        var upcomingQuery = ItemQuery(page: PageRequest(size: PageRequest.maximumSize))
        upcomingQuery.timing = .upcoming(at: views.now)
        var pastQuery = ItemQuery(page: try pageRequest(request))
        pastQuery.timing = .past(at: views.now)
        let past = try await store.items(pastQuery)
        guard past.number == 1 || past.number <= past.pageCount else { throw DomainError.notFound("pagina \(past.number)") }
        let upcoming = past.number == 1 ? try await store.items(upcomingQuery) : nil
        let shell = PageShell(title: "Agenda", description: "Bijeenkomsten, webinars en congressen.", section: "/agenda",
                              path: "/agenda", site: site)
        return try templates.render("agenda", AgendaPage(
            shell: shell, upcoming: (upcoming?.items ?? []).map { views.card($0, level: 3) },
            moreUpcoming: upcoming?.hasNext ?? false, past: past.items.map { views.card($0, level: 3) },
            pagination: PaginationView(past, path: "/agenda")))
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
        return try await itemPage(item, preview: false)
    }

    /// The public page of an item; `preview` marks it as a staff preview of a draft.
    func itemPage(_ item: KnowledgeItem, preview: Bool) async throws -> HTML {
        let slug = item.content.slug
        let view = try await views().page(item)
        let shell = PageShell(title: item.content.title, description: item.content.summary, section: nil,
                              path: "/kennis/\(slug)", site: site)
        let links = try await attachments.attachments(ofItem: slug).map { attachment in
            AttachmentLink(url: AttachmentDownloadController.url(of: attachment), filename: attachment.filename,
                           description: "\(attachment.kind.dutchName), \(AttachmentUpload.describe(attachment.size))")
        }
        var page = try templates.render("item", ItemPage(
            shell: shell, item: view, attachments: links, previewStatus: preview ? item.content.status.dutchName : nil))
        if preview { page.headers[.cacheControl] = "private, no-store" }
        return page
    }

    private func views() async throws -> SiteViews {
        SiteViews(taxonomy: try await store.taxonomy(), dates: dates, markdown: markdown, bodies: bodies, now: clock.now())
    }

    /// `?pagina=N`; anything but a positive number is a page that does not exist.
    private func pageRequest(_ request: Request) throws -> PageRequest {
        guard let raw = request.uri.queryParameters["pagina"] else { return PageRequest(size: Self.pageSize) }
        guard let number = Int(raw), number >= 1, number <= 100_000 else { throw DomainError.notFound("pagina '\(raw)'") }
        return PageRequest(number: number, size: Self.pageSize)
    }
}
