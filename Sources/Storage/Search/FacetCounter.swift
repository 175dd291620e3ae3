import Domain
import SQLKit

/// The SQL conditions of a search's facet selections, on `search_documents d`.
///
/// Values within a facet are alternatives (checkboxes); facets combine with AND. A theme stands for
/// itself and its sub-themes, as on the theme pages.
struct FacetFilters {
    let selections: SearchFilters
    let taxonomy: Taxonomy

    init(_ selections: SearchFilters, taxonomy: Taxonomy) {
        self.selections = selections
        self.taxonomy = taxonomy
    }

    /// Every selection.
    var all: any SQLExpression { allExcept(nil) }

    /// Every selection but the one of `facet`: what a facet's counts are computed under.
    func allExcept(_ facet: FacetName?) -> any SQLExpression {
        SQLQueryString.all(FacetName.allCases.filter { $0 != facet && !selections.values(of: $0).isEmpty }.map { selected in
            SQLQueryString.any(selections.values(of: selected).map { condition(facet: selected, value: $0) })
        })
    }

    /// True for documents that have this value of the facet.
    func condition(facet: FacetName, value: String) -> any SQLExpression {
        switch facet {
        case .theme:
            SQLQueryString.any(taxonomy.themeAndDescendants(value).map { SQLQueryString("d.themes LIKE \(bind: "% \($0) %")") })
        case .audience: SQLQueryString("d.audiences LIKE \(bind: "% \(value) %")")
        case .type: SQLQueryString("d.type = \(bind: value)")
        case .knowledge: SQLQueryString("d.knowledge = \(bind: value)")
        case .recognition: SQLQueryString("d.recognition = \(bind: value)")
        case .year: SQLQueryString("d.year = \(bind: Int(value) ?? 0)")
        }
    }

    /// The values a facet can take, in the order the website lists them. Years come from the data.
    func vocabulary(_ facet: FacetName) -> [String] {
        switch facet {
        case .theme: taxonomy.themes.map(\.slug)
        case .audience: taxonomy.audiences.map(\.slug)
        case .type: ItemType.allCases.map(\.rawValue)
        case .knowledge: taxonomy.knowledgeKinds.map(\.slug)
        case .recognition: taxonomy.recognitionLevels.map(\.slug)
        case .year: []
        }
    }
}

/// Counts the matches of a plan: the total under all selections, and for each facet value the total
/// it would have if that value were the facet's selection. One pass over the matches answers all
/// fixed vocabularies; years, which are open-ended, take a second, grouped query.
struct FacetCounter {
    let db: any SQLDatabase
    let fullText: any FullTextDialect
    let filters: FacetFilters

    struct Counts {
        var total: Int
        var facets: [FacetName: [FacetCount]]
    }

    func count(_ plan: MatchPlan) async throws -> Counts {
        var base: [any SQLExpression] = []
        if !plan.isEmpty { base.append(fullText.matches(plan)) }
        if !plan.excluded.isEmpty { base.append(SQLQueryString("NOT \(fullText.matchesAny(plan.excluded))")) }
        let scope = SQLQueryString.all(base)

        let fixed = FacetName.allCases.filter { $0 != .year }.flatMap { facet in
            filters.vocabulary(facet).map { (facet, $0) }
        }
        var columns: [any SQLExpression] = [SQLQueryString("COUNT(CASE WHEN \(filters.all) THEN 1 END) AS total")]
        for (index, (facet, value)) in fixed.enumerated() {
            columns.append(SQLQueryString("""
                COUNT(CASE WHEN \(filters.allExcept(facet)) AND \(filters.condition(facet: facet, value: value)) THEN 1 END) \
                AS \(ident: "c\(index)")
                """))
        }
        guard let row = try await db.raw("SELECT \(SQLList(columns)) FROM search_documents d WHERE \(scope)").first() else {
            return Counts(total: 0, facets: [:])
        }
        let total = try row.decode(column: "total", as: Int.self)
        var facets: [FacetName: [FacetCount]] = [:]
        for (index, (facet, value)) in fixed.enumerated() {
            let count = try row.decode(column: "c\(index)", as: Int.self)
            if count > 0 || filters.selections.values(of: facet).contains(value) {
                facets[facet, default: []].append(FacetCount(value: value, count: count))
            }
        }

        struct Year: Decodable { let year: Int, n: Int }
        let years = try await db.raw("""
            SELECT d.year AS year, COUNT(*) AS n FROM search_documents d
            WHERE \(scope) AND \(filters.allExcept(.year)) GROUP BY d.year ORDER BY d.year DESC
            """).all(decoding: Year.self)
        facets[.year] = years.map { FacetCount(value: String($0.year), count: $0.n) }
        for selected in filters.selections.years where !years.contains(where: { $0.year == selected }) {
            facets[.year, default: []].append(FacetCount(value: String(selected), count: 0))
        }
        return Counts(total: total, facets: facets)
    }
}
