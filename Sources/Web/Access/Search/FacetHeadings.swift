import Domain

/// The facets' headings on the search page, in Dutch.
enum FacetHeadings {
    static func heading(_ facet: FacetName) -> String {
        switch facet {
        case .theme: "Thema"
        case .type: "Vorm"
        case .audience: "Doelgroep"
        case .knowledge: "Soort kennis"
        case .year: "Jaar"
        case .recognition: "Erkenning"
        }
    }
}
