import Domain
import Hummingbird

/// `GET /api/v1/search` and `GET /api/v1/suggest`.
///
/// Authorization: public. The index holds published items only, so no caller sees more than a visitor.
struct SearchAPIController: Sendable {
    let search: RecordedSearch
    let store: any KnowledgeStore
    static let suggestLimit = 8

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("search", use: results)
        group.get("suggest", use: suggest)
    }

    func results(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let taxonomy = try await store.taxonomy()
        let parameters = try SearchParameters(FormQuery.parameters(request.uri), names: SearchParameters.api, taxonomy: taxonomy, strict: true)
        return JSONResponse(json: Self.representation(try await search.search(parameters.request, taxonomy: taxonomy), taxonomy: taxonomy))
    }

    func suggest(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let parameters = FormQuery.parameters(request.uri)
        let query = parameters["q"].map(String.init) ?? ""
        var limit = Self.suggestLimit
        if let raw = parameters["limit"] {
            guard let value = Int(raw), (1...20).contains(value) else {
                throw Problem(.badRequest, "The suggestion request has 1 invalid parameter.",
                              errors: [.init(field: "limit", detail: "must be a whole number from 1 to 20", isParameter: true)])
            }
            limit = value
        }
        let suggestions = try await search.index.suggest(query, limit: limit)
        return JSONResponse(json: .object([
            ("titles", .array(suggestions.titles.map {
                .object([("slug", .string($0.slug)), ("title", .string($0.title)), ("url", .string("/kennis/\($0.slug)"))])
            })),
            ("terms", .strings(suggestions.terms)),
        ]))
    }

    static func representation(_ results: SearchResults, taxonomy: Taxonomy) -> OrderedJSON {
        let page = Page(items: results.hits, total: results.total, number: results.page.number, size: results.page.size)
        return .object([
            ("query", .string(results.query.normalized)),
            ("total", .int(results.total)),
            ("page", .int(page.number)),
            ("per_page", .int(page.size)),
            ("pages", .int(page.pageCount)),
            ("matched_any_word", .bool(results.matchedAnyWord)),
            ("suggestion", .optional(results.suggestion?.normalized)),
            ("results", .array(results.hits.map { hit in
                let content = hit.item.content
                return .object([
                    ("slug", .string(content.slug)),
                    ("title", .string(content.title)),
                    ("type", .string(content.type.rawValue)),
                    ("published", .string(content.published.description)),
                    ("url", .string("/kennis/\(content.slug)")),
                    ("snippet", .string(hit.snippet.html)),
                    ("score", .double(hit.score)),
                ])
            })),
            ("facets", .object(FacetName.allCases.map { facet in
                (facet.rawValue, .array((results.facets[facet] ?? []).map { count in
                    .object([("value", .string(count.value)), ("label", .string(taxonomy.label(of: count.value, in: facet))),
                             ("count", .int(count.count))])
                }))
            })),
        ])
    }
}
