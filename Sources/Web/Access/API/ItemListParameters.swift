import Domain
import Hummingbird
import HummingbirdCore

/// The query string of `GET /api/v1/items`, checked value by value.
///
/// Filters may repeat (`?theme=participatie&theme=sociale-cohesie`); an unknown value is an error rather
/// than an empty result, so a typo in an integration shows up at once.
struct ItemListParameters {
    let query: ItemQuery
    static let known: Set<String> = ["theme", "type", "audience", "knowledge", "year", "status", "page", "per_page"]

    init(_ parameters: FlatDictionary<Substring, Substring>, taxonomy: Taxonomy, caller: AppRequestContext.Caller) throws {
        var errors: [Problem.FieldError] = []
        for (key, _) in parameters where !Self.known.contains(String(key)) {
            errors.append(.init(field: String(key), detail: "is not a known parameter (known: \(Self.known.sorted().joined(separator: ", ")))", isParameter: true))
        }
        func values(_ name: String, allowed: [String]) -> [String] {
            parameters[values: Substring(name)].compactMap { raw in
                let value = String(raw)
                guard allowed.contains(value) else {
                    errors.append(.init(field: name, detail: "unknown value '\(value)' (allowed: \(allowed.joined(separator: ", ")))", isParameter: true))
                    return nil
                }
                return value
            }
        }
        func number(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = parameters[Substring(name)] else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                errors.append(.init(field: name, detail: "must be a whole number from \(range.lowerBound) to \(range.upperBound)", isParameter: true))
                return fallback
            }
            return value
        }

        var query = ItemQuery(page: PageRequest(
            number: number("page", default: 1, range: 1...100_000),
            size: number("per_page", default: 20, range: 1...PageRequest.maximumSize)))
        // A theme includes its sub-themes, as on the theme pages of the site.
        query.themes = values("theme", allowed: taxonomy.themes.map(\.slug)).flatMap(taxonomy.themeAndDescendants)
        query.types = values("type", allowed: ItemType.allCases.map(\.rawValue)).compactMap(ItemType.init)
        query.audiences = values("audience", allowed: taxonomy.audiences.map(\.slug))
        query.knowledge = values("knowledge", allowed: taxonomy.knowledgeKinds.map(\.slug))
        query.years = parameters[values: "year"].compactMap { raw -> Int? in
            guard let year = Int(raw), (1000...9999).contains(year) else {
                errors.append(.init(field: "year", detail: "'\(raw)' is not a year (YYYY)", isParameter: true))
                return nil
            }
            return year
        }
        let statuses = values("status", allowed: ItemStatus.allCases.map(\.rawValue)).compactMap(ItemStatus.init)
        guard errors.isEmpty else {
            throw Problem(.badRequest, "The query has \(errors.count) invalid \(errors.count == 1 ? "parameter" : "parameters").",
                          errors: errors)
        }
        if !statuses.isEmpty {
            guard caller.isStaff else {
                if caller == .anonymous {
                    throw Problem.unauthorized("Filtering by status needs an editor's API token; without it only public items are listed.")
                }
                throw Problem(.forbidden, "Filtering by status needs the role redacteur or beheerder.")
            }
            query.statuses = statuses
        }
        self.query = query
    }
}
