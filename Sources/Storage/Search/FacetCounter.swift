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

    /// The selected values of a facet as a document's values are compared with them: a theme as itself
    /// and its descendants.
    func expandedSelection(_ facet: FacetName) -> Set<String> {
        let values = selections.values(of: facet)
        return Set(facet == .theme ? values.flatMap(taxonomy.themeAndDescendants) : values)
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
/// it would have if that value were the facet's selection (the other facets' selections stay).
///
/// Counting in SQL costs a pass per facet value over every match; instead the database returns the
/// matching document numbers as one text, and the ``FacetTable`` of this process, which knows every
/// document's facet values, counts them.
struct FacetCounter {
    let db: any SQLDatabase
    let fullText: any FullTextDialect
    let filters: FacetFilters
    let table: FacetTable

    struct Counts {
        var total: Int
        var facets: [FacetName: [FacetCount]]
    }

    func count(_ plan: MatchPlan) async throws -> Counts {
        var base: [any SQLExpression] = []
        if !plan.isEmpty { base.append(fullText.matches(plan)) }
        if !plan.excluded.isEmpty { base.append(SQLQueryString("NOT \(fullText.matchesAny(plan.excluded))")) }
        let concatenate = db.dialect.name == "postgresql" ? "string_agg" : "group_concat"
        struct Row: Decodable { let top: Int?, docs: String? }
        let row = try await db.raw("""
            SELECT (SELECT MAX(doc) FROM search_documents) AS top,
                   \(unsafeRaw: concatenate)(CAST(d.doc AS TEXT), \(bind: ",")) AS docs
            FROM search_documents d WHERE \(SQLQueryString.all(base))
            """).first(decoding: Row.self)
        // The maximum is read in the same statement as the matches, so every match is at most `top`.
        try await table.refresh(upTo: row?.top ?? 0, db: db)
        let groups = table.groups(of: Self.numbers(in: row?.docs ?? ""))
        return counts(groups)
    }

    static func numbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        var current = 0, inNumber = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                current = current * 10 + Int(byte - 48)
                inNumber = true
            } else if inNumber {
                numbers.append(current)
                (current, inNumber) = (0, false)
            }
        }
        if inNumber { numbers.append(current) }
        return numbers
    }

    /// The counts from groups of documents that share their facet values.
    func counts(_ groups: [(key: FacetKey, count: Int)]) -> Counts {
        let facetNames = FacetName.allCases
        let selected = facetNames.map { filters.expandedSelection($0) }
        var total = 0
        var tallies = [[String: Int]](repeating: [:], count: facetNames.count)
        for (key, count) in groups {
            let values = facetNames.map { key.values($0, taxonomy: filters.taxonomy) }
            let passes = facetNames.indices.map { selected[$0].isEmpty || values[$0].contains(where: selected[$0].contains) }
            let failing = passes.indices.filter { !passes[$0] }
            if failing.isEmpty { total += count }
            // A facet's counts ignore its own selection: they count where every other facet passes.
            for facet in facetNames.indices where failing.isEmpty || failing == [facet] {
                for value in values[facet] { tallies[facet][value, default: 0] += count }
            }
        }
        var facets: [FacetName: [FacetCount]] = [:]
        for (index, facet) in facetNames.enumerated() {
            let tally = tallies[index]
            let chosen = filters.selections.values(of: facet)
            let order = facet == .year ? Set(tally.keys).union(chosen).sorted(by: >) : filters.vocabulary(facet)
            facets[facet] = order.compactMap { value in
                let count = tally[value] ?? 0
                return count > 0 || chosen.contains(value) ? FacetCount(value: value, count: count) : nil
            }
        }
        return Counts(total: total, facets: facets)
    }
}
