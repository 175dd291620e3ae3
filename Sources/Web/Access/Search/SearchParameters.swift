import Domain
import Hummingbird
import HummingbirdCore

/// The query string of a search, for the website (Dutch names, read leniently: an unknown value is
/// ignored, because a visitor edits URLs by hand) and for the API (English names, strict: an unknown
/// value is a 400, so a typo in an integration shows up at once).
struct SearchParameters {
    struct Names: Sendable {
        let query = "q"
        let facets: [FacetName: String]
        let sort: String
        let sortValues: [SearchRequest.Sort: String]
        let page: String
        let perPage: String?
    }

    static let site = Names(
        facets: [.theme: "thema", .type: "type", .audience: "doelgroep", .knowledge: "kennis", .year: "jaar", .recognition: "erkenning"],
        sort: "sorteer", sortValues: [.relevance: "relevantie", .newest: "nieuwste"], page: "pagina", perPage: nil)
    static let api = Names(
        facets: [.theme: "theme", .type: "type", .audience: "audience", .knowledge: "knowledge", .year: "year", .recognition: "recognition"],
        sort: "sort", sortValues: [.relevance: "relevance", .newest: "newest"], page: "page", perPage: "per_page")

    let request: SearchRequest

    init(_ parameters: FlatDictionary<Substring, Substring>, names: Names, taxonomy: Taxonomy, strict: Bool, pageSize: Int = 20) throws {
        var errors: [Problem.FieldError] = []
        func reject(_ name: String, _ detail: String) {
            if strict { errors.append(.init(field: name, detail: detail, isParameter: true)) }
        }
        if strict {
            let known = Set([names.query, names.sort, names.page] + names.facets.values + (names.perPage.map { [$0] } ?? []))
            for (key, _) in parameters where !known.contains(String(key)) {
                reject(String(key), "is not a known parameter (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
        var filters = SearchFilters()
        for facet in FacetName.allCases {
            let name = names.facets[facet]!
            let allowed = facet == .year ? nil : taxonomy.values(of: facet)
            var values: [String] = []
            for raw in parameters[values: Substring(name)] {
                let value = String(raw)
                if allowed.map({ $0.contains(value) }) ?? (Int(value).map { (1000...9999).contains($0) } ?? false) {
                    if !values.contains(value) { values.append(value) }
                } else {
                    reject(name, allowed.map { "unknown value '\(value)' (allowed: \($0.joined(separator: ", ")))" }
                        ?? "'\(value)' is not a year (YYYY)")
                }
            }
            switch facet {
            case .theme: filters.themes = values
            case .type: filters.types = values.compactMap(ItemType.init)
            case .audience: filters.audiences = values
            case .knowledge: filters.knowledge = values
            case .year: filters.years = values.compactMap { Int($0) }
            case .recognition: filters.recognition = values
            }
        }
        var sort = SearchRequest.Sort.relevance
        if let raw = parameters[Substring(names.sort)] {
            if let match = names.sortValues.first(where: { $0.value == raw })?.key {
                sort = match
            } else {
                reject(names.sort, "must be one of \(names.sortValues.values.sorted().joined(separator: ", "))")
            }
        }
        func number(_ name: String?, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let name, let raw = parameters[Substring(name)] else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                reject(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                return fallback
            }
            return value
        }
        let page = PageRequest(number: number(names.page, default: 1, range: 1...10_000),
                               size: number(names.perPage, default: pageSize, range: 1...PageRequest.maximumSize))
        guard errors.isEmpty else {
            throw Problem(.badRequest, "The search has \(errors.count) invalid \(errors.count == 1 ? "parameter" : "parameters").",
                          errors: errors)
        }
        request = SearchRequest(text: String(parameters[Substring(names.query)] ?? ""), filters: filters, sort: sort, page: page)
    }
}
