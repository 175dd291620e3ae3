import Domain
import Hummingbird

/// The search page `/zoeken?q=…`, with facets as checkboxes in one GET form, so it works without
/// JavaScript and every state of the page is a shareable URL.
///
/// Authorization: public; the index holds published items only.
struct SearchController: Sendable {
    let search: RecordedSearch
    let store: any KnowledgeStore
    let templates: Templates
    let site: SiteSettings
    let clock: any WallClock
    let markdown = MarkdownRenderer()
    let bodies = RenderedBodyCache()
    static let pageSize = 20

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/zoeken", use: page)
    }

    func page(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let taxonomy = try await store.taxonomy()
        let parameters = try SearchParameters(FormQuery.parameters(request.uri), names: SearchParameters.site, taxonomy: taxonomy,
                                              strict: false, pageSize: Self.pageSize)
        let results = try await search.search(parameters.request, taxonomy: taxonomy)
        let page = Page(items: results.hits, total: results.total, number: results.page.number, size: results.page.size)
        guard page.number == 1 || page.number <= page.pageCount else { throw DomainError.notFound("pagina \(page.number)") }
        let views = SiteViews(taxonomy: taxonomy, messages: site.catalogue[context.language], markdown: markdown, bodies: bodies,
                              now: clock.now())
        let shell = SearchPageView.shell(typed: results.query.normalized, page: page.number, views: views, site: site,
                                         request: request, language: context.language)
        let view = SearchPageView(request: parameters.request, results: results, page: page, views: views, shell: shell)
        return try templates.render("search", view, language: context.language)
    }
}
