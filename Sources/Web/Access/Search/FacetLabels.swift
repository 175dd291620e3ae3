import Domain

/// Display names of facet values, in Dutch (the taxonomy's language).
enum FacetLabels {
    static func label(_ facet: FacetName, _ value: String, taxonomy: Taxonomy) -> String {
        switch facet {
        case .theme: taxonomy.theme(value)?.name ?? value
        case .type: ItemType(rawValue: value)?.name ?? value
        case .audience: taxonomy.audience(value)?.name ?? value
        case .knowledge: taxonomy.knowledgeKind(value)?.name ?? value
        case .recognition: taxonomy.recognitionLevel(value)?.name ?? value
        case .year: value
        }
    }

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
