/// Finds published knowledge items by words, with facets — the seam between the website and the
/// full-text index of the database (SQLite FTS5 or PostgreSQL tsvector; the terms are ours on both).
///
/// ```swift
/// var request = SearchRequest(text: "statushouders werk")
/// request.filters.types = [.factsheet]
/// let results = try await index.search(request, taxonomy: try await store.taxonomy())
/// ```
public protocol SearchIndex: Sendable {
    /// `taxonomy` is the one the caller checked the request's filters against: the index needs it for theme
    /// hierarchies and facet values, and a page should not read it twice.
    func search(_ request: SearchRequest, taxonomy: Taxonomy) async throws -> SearchResults
    /// Titles and index terms that start like `prefix`, for search-as-you-type.
    func suggest(_ prefix: String, limit: Int) async throws -> Suggestions
}

public struct SearchRequest: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance
        /// Newest publication date first.
        case newest
    }

    public var text: String
    public var filters: SearchFilters
    public var sort: Sort
    public var page: PageRequest

    public init(text: String, filters: SearchFilters = SearchFilters(), sort: Sort = .relevance, page: PageRequest = PageRequest()) {
        self.text = text
        self.filters = filters
        self.sort = sort
        self.page = page
    }
}

/// Facet selections. Values within one facet are alternatives; facets combine with AND.
/// A theme includes its sub-themes.
public struct SearchFilters: Sendable, Equatable {
    public var themes: [String] = []
    public var types: [ItemType] = []
    public var audiences: [String] = []
    public var knowledge: [String] = []
    public var years: [Int] = []
    public var recognition: [String] = []

    public init() {}

    public var isEmpty: Bool {
        themes.isEmpty && types.isEmpty && audiences.isEmpty && knowledge.isEmpty && years.isEmpty && recognition.isEmpty
    }

    /// The selected values of one facet, as the strings facets count.
    public func values(of facet: FacetName) -> [String] {
        switch facet {
        case .theme: themes
        case .type: types.map(\.rawValue)
        case .audience: audiences
        case .knowledge: knowledge
        case .year: years.map(String.init)
        case .recognition: recognition
        }
    }
}

/// The dimensions results can be narrowed by, in the order the website shows them.
public enum FacetName: String, Sendable, CaseIterable {
    case theme, type, audience, knowledge, year, recognition
}

public struct SearchResults: Sendable {
    /// The query as it was read, so the page can show what was searched for.
    public var query: SearchQuery
    public var total: Int
    public var hits: [SearchHit]
    /// For each facet, the values with matches. Each count is what the total would be with that value
    /// selected instead of the facet's current selection (the other facets' selections stay).
    public var facets: [FacetName: [FacetCount]]
    /// The query with unknown words replaced by the closest index terms, or nil.
    public var suggestion: SearchQuery?
    /// True when no item held all the words and the results hold any of them instead.
    public var matchedAnyWord: Bool
    public var page: PageRequest

    public init(query: SearchQuery, total: Int, hits: [SearchHit], facets: [FacetName: [FacetCount]],
                suggestion: SearchQuery?, matchedAnyWord: Bool, page: PageRequest) {
        self.query = query
        self.total = total
        self.hits = hits
        self.facets = facets
        self.suggestion = suggestion
        self.matchedAnyWord = matchedAnyWord
        self.page = page
    }
}

public struct FacetCount: Sendable, Equatable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

public struct SearchHit: Sendable {
    public var item: KnowledgeItem
    /// Higher is better; comparable within one result list only.
    public var score: Double
    public var snippet: Snippet

    public init(item: KnowledgeItem, score: Double, snippet: Snippet) {
        self.item = item
        self.score = score
        self.snippet = snippet
    }
}

public struct Suggestions: Sendable, Equatable {
    public struct Title: Sendable, Equatable {
        public var slug: String
        public var title: String

        public init(slug: String, title: String) {
            self.slug = slug
            self.title = title
        }
    }

    public var titles: [Title]
    public var terms: [String]

    public init(titles: [Title], terms: [String]) {
        self.titles = titles
        self.terms = terms
    }
}
