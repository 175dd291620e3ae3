/// What the taxonomy says about each search facet: its values and their names. The search index, the
/// parameter readers and the result pages all ask here, so a new facet value list has one home.
extension Taxonomy {
    /// The values a facet can take, in the order pages list them; empty for years, which come from the data.
    public func values(of facet: FacetName) -> [String] {
        switch facet {
        case .theme: themes.map(\.slug)
        case .audience: audiences.map(\.slug)
        case .type: ItemType.allCases.map(\.rawValue)
        case .knowledge: knowledgeKinds.map(\.slug)
        case .recognition: recognitionLevels.map(\.slug)
        case .year: []
        }
    }

    /// The display name of a facet value (the taxonomy's language, Dutch); the value itself when unknown.
    public func label(of value: String, in facet: FacetName) -> String {
        switch facet {
        case .theme: theme(value)?.name ?? value
        case .type: ItemType(rawValue: value)?.name ?? value
        case .audience: audience(value)?.name ?? value
        case .knowledge: knowledgeKind(value)?.name ?? value
        case .recognition: recognitionLevel(value)?.name ?? value
        case .year: value
        }
    }
}
