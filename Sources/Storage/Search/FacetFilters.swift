import Domain
import SQLKit

/// A search's facet selections: as SQL conditions on `search_documents d`, and as the sets the
/// ``FacetCounter`` compares document values with.
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

    /// Every selection, for the ranked page; the facet counts apply the selections in Swift (``FacetCounter``).
    var all: any SQLExpression {
        SQLQueryString.all(FacetName.allCases.filter { !selections.values(of: $0).isEmpty }.map { selected in
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
}
