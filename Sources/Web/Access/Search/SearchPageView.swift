import Domain
import Hummingbird

/// The search page's view model: the form with the query and facets, the "Bedoelde u" line, the
/// results with their snippets, and help when nothing was found.
struct SearchPageView: Sendable {
    struct Result: Sendable {
        let card: ItemCard
        /// Escaped text with `<mark>` around matches, from ``Snippet/html``.
        let snippetHTML: String
    }

    struct FacetGroup: Sendable {
        let heading: String
        let name: String
        let options: [FacetOption]
    }

    struct FacetOption: Sendable {
        let id: String
        let name: String
        let value: String
        let label: String
        let count: Int
        let checked: Bool
    }

    struct SortOption: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let shell: PageShell
    let query: String
    let heading: String
    let summary: String
    let suggestion: LinkView?
    let anyWordNotice: Bool
    let results: [Result]
    let facets: [FacetGroup]
    let sortOptions: [SortOption]
    let noResults: Bool
    let hasFilters: Bool
    let withoutFiltersURL: String
    /// Each selected filter, linking to the same search without it.
    let activeFilters: [LinkView]
    let pagination: PaginationView?

    static func heading(typed: String, messages: Messages) -> String {
        typed.isEmpty ? messages.text("site.search.title") : messages.text("site.search.headingFor", typed)
    }

    static func shell(typed: String, page: Int, views: SiteViews, site: SiteSettings, request: Request, language: Language) -> PageShell {
        let messages = views.messages
        let heading = heading(typed: typed, messages: messages)
        return PageShell(title: page > 1 ? messages.text("site.listing.pageTitle", heading, page) : heading,
                         description: messages.text("site.search.description"), section: nil, path: nil, site: site,
                         request: request, language: language, showsSiteSearch: false)
    }

    init(request: SearchRequest, results: SearchResults, page: Page<SearchHit>, views: SiteViews, shell: PageShell) {
        let names = SearchParameters.site
        let messages = views.messages
        query = request.text
        heading = Self.heading(typed: results.query.normalized, messages: messages)
        summary = results.total == 1 ? messages.text("site.search.countOne") : messages.text("site.search.countMany", results.total)
        self.shell = shell
        anyWordNotice = results.matchedAnyWord
        noResults = results.total == 0
        hasFilters = !request.filters.isEmpty

        /// Taxonomy values carry the institute's own (Dutch) names; the item types are interface words.
        func label(of value: String, in facet: FacetName) -> String {
            if facet == .type, let type = ItemType(rawValue: value) { return views.messages.name(of: type) }
            return views.taxonomy.label(of: value, in: facet)
        }
        var filterPairs: [(String, String)] = []
        for facet in FacetName.allCases {
            for value in request.filters.values(of: facet) { filterPairs.append((names.facets[facet]!, value)) }
        }
        let sortPair = request.sort == .relevance ? [] : [(names.sort, names.sortValues[request.sort]!)]
        func url(query: String, filters: [(String, String)], page: Int = 1) -> String {
            let pairs = [(names.query, query)] + filters + sortPair + (page > 1 ? [(names.page, String(page))] : [])
            return "/zoeken?" + pairs.map { "\(QueryString.encode($0.0))=\(QueryString.encode($0.1))" }.joined(separator: "&")
        }
        activeFilters = filterPairs.indices.map { index in
            let facet = names.facets.first { $0.value == filterPairs[index].0 }!.key
            var others = filterPairs
            others.remove(at: index)
            return LinkView(label: label(of: filterPairs[index].1, in: facet),
                            url: url(query: request.text, filters: others))
        }
        suggestion = results.suggestion.map { LinkView(label: $0.normalized, url: url(query: $0.normalized, filters: filterPairs)) }
        withoutFiltersURL = url(query: request.text, filters: [])
        pagination = PaginationView(page, messages: messages) { url(query: request.text, filters: filterPairs, page: $0) }

        self.results = results.hits.map { Result(card: views.card($0.item), snippetHTML: $0.snippet.html) }
        facets = FacetName.allCases.compactMap { facet in
            let counts = results.facets[facet] ?? []
            guard !counts.isEmpty else { return nil }
            let name = names.facets[facet]!
            let selected = request.filters.values(of: facet)
            return FacetGroup(heading: messages.text("site.search.facet.\(facet.rawValue)"), name: name, options: counts.map { count in
                FacetOption(id: "\(name)-\(count.value)", name: name, value: count.value,
                            label: label(of: count.value, in: facet), count: count.count,
                            checked: selected.contains(count.value))
            })
        }
        sortOptions = [
            SortOption(value: names.sortValues[.relevance]!, label: messages.text("site.search.relevance"), selected: request.sort == .relevance),
            SortOption(value: names.sortValues[.newest]!, label: messages.text("site.search.newest"), selected: request.sort == .newest),
        ]
    }
}

/// Percent-encoding for URL query components (RFC 3986 unreserved characters stay as they are).
enum QueryString {
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}

extension SearchPageView: TemplateValues {
    static let templateFields: Fields = [
        "shell": \.shell, "query": \.query, "heading": \.heading, "summary": \.summary, "suggestion": \.suggestion,
        "anyWordNotice": \.anyWordNotice, "results": \.results, "facets": \.facets, "sortOptions": \.sortOptions,
        "noResults": \.noResults, "hasFilters": \.hasFilters, "withoutFiltersURL": \.withoutFiltersURL, "pagination": \.pagination,
        "activeFilters": \.activeFilters,
    ]
}

extension SearchPageView.Result: TemplateValues {
    static let templateFields: Fields = ["card": \.card, "snippetHTML": \.snippetHTML]
}

extension SearchPageView.FacetGroup: TemplateValues {
    static let templateFields: Fields = ["heading": \.heading, "name": \.name, "options": \.options]
}

extension SearchPageView.FacetOption: TemplateValues {
    static let templateFields: Fields = [
        "id": \.id, "name": \.name, "value": \.value, "label": \.label, "count": \.count, "checked": \.checked,
    ]
}

extension SearchPageView.SortOption: TemplateValues {
    static let templateFields: Fields = ["value": \.value, "label": \.label, "selected": \.selected]
}
