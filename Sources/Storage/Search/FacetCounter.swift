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
    func counts(_ groups: FacetGroups) -> Counts {
        let facetNames = FacetName.allCases
        // Per facet: the names counted for each value number (a theme also counts for its ancestors), as
        // numbers into `counted`, and whether the value passes the facet's selection.
        var counted = [[String]](repeating: [], count: facetNames.count)
        var countedFor = [[[Int]]](repeating: [], count: facetNames.count)
        var passes = [[Bool]](repeating: [], count: facetNames.count)
        let selected = facetNames.map { filters.expandedSelection($0) }
        for (facet, name) in facetNames.enumerated() {
            var numbers: [String: Int] = [:]
            for value in groups.names[facet] {
                let expanded = name == .theme ? filters.taxonomy.themeAndAncestors(value) : [value]
                countedFor[facet].append(expanded.map { slug in
                    if let number = numbers[slug] { return number }
                    numbers[slug] = counted[facet].count
                    counted[facet].append(slug)
                    return counted[facet].count - 1
                })
                passes[facet].append(expanded.contains(where: selected[facet].contains))
            }
        }
        var total = 0
        var tallies = counted.map { [Int](repeating: 0, count: $0.count) }
        var seen = counted.map { [Int](repeating: -1, count: $0.count) }
        for (group, values) in groups.values.enumerated() {
            let count = groups.counts[group]
            var failing = -1, failures = 0
            for facet in facetNames.indices where !selected[facet].isEmpty && !values[facet].contains(where: { passes[facet][Int($0)] }) {
                failing = facet
                failures += 1
            }
            if failures == 0 { total += count }
            // A facet's counts ignore its own selection: they count where every other facet passes.
            for facet in facetNames.indices where failures == 0 || (failures == 1 && failing == facet) {
                for value in values[facet] {
                    for number in countedFor[facet][Int(value)] where seen[facet][number] != group {
                        seen[facet][number] = group
                        tallies[facet][number] += count
                    }
                }
            }
        }
        var facets: [FacetName: [FacetCount]] = [:]
        for (index, facet) in facetNames.enumerated() {
            let tally = Dictionary(uniqueKeysWithValues: zip(counted[index], tallies[index]))
            let chosen = filters.selections.values(of: facet)
            let order = facet == .year
                ? Set(tally.filter { $0.value > 0 }.keys).union(chosen).sorted(by: >) : filters.taxonomy.values(of: facet)
            facets[facet] = order.compactMap { value in
                let count = tally[value] ?? 0
                return count > 0 || chosen.contains(value) ? FacetCount(value: value, count: count) : nil
            }
        }
        return Counts(total: total, facets: facets)
    }
}
