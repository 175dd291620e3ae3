/// The classification lists that are not themes: each is a flat, ordered list of terms.
public enum TermList: String, CaseIterable, Sendable {
    case audiences
    case knowledgeKinds
    case recognitionLevels

    public var dutchName: String {
        switch self {
        case .audiences: "Doelgroepen"
        case .knowledgeKinds: "Soorten kennis"
        case .recognitionLevels: "Erkenningsniveaus"
        }
    }
}

/// Changes to the taxonomy by administrators. Terms are added and renamed, never removed here:
/// items and old revisions refer to them by slug.
public protocol TaxonomyStore: Sendable {
    /// Adds a theme at the end of its level. Throws ``DomainError/conflict(_:)`` for a slug in use and
    /// ``DomainError/notFound(_:)`` for an unknown parent.
    func addTheme(_ theme: Theme) async throws
    func addTerm(_ term: Term, to list: TermList) async throws
    /// Changes the visible name (and for themes the description); the slug, and so every URL, stays.
    func renameTheme(slug: String, name: String, description: String) async throws
    func renameTerm(slug: String, in list: TermList, name: String) async throws
}
