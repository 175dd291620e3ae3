import Domain
import SQLKit

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
        let statement: SQLQueryString
        if plan.isEmpty {
            // Browsing: every document, perhaps minus exclusions.
            let concatenate = db.dialect.name == "postgresql" ? "string_agg" : "group_concat"
            let excluded: any SQLExpression = plan.excluded.isEmpty ? SQLRaw("1 = 1") : SQLQueryString("NOT \(fullText.matchesAny(plan.excluded))")
            statement = """
                SELECT \(unsafeRaw: concatenate)(CAST(d.doc AS TEXT), \(bind: ",")) AS docs FROM search_documents d WHERE \(excluded)
                """
        } else {
            statement = fullText.matchingDocuments(plan)
        }
        let text = try await db.raw(statement).first(decodingColumn: "docs", as: String?.self) ?? nil
        let documents = Self.numbers(in: text ?? "")
        try await table.learn(documents, db: db)
        return counts(table.groups(of: documents))
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
