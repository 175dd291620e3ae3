/// The kind of knowledge product. The raw value is the stable Dutch slug used in URLs (`/type/{slug}`),
/// the exchange format and the API.
public enum ItemType: String, CaseIterable, Sendable, Codable {
    case publicatie
    case factsheet
    case praktijkvoorbeeld
    case handreiking
    case interventie
    case onderzoek
    case artikel
    case nieuws
    case evenement
    case vraagEnAntwoord = "vraag-en-antwoord"

    /// The Dutch name of one item of this type, as the API labels facet values; pages take their words from
    /// the message catalogue (`site.types`), in the page's language.
    public var name: String {
        switch self {
        case .publicatie: "Publicatie"
        case .factsheet: "Factsheet"
        case .praktijkvoorbeeld: "Praktijkvoorbeeld"
        case .handreiking: "Handreiking"
        case .interventie: "Interventie"
        case .onderzoek: "Onderzoek"
        case .artikel: "Artikel"
        case .nieuws: "Nieuws"
        case .evenement: "Evenement"
        case .vraagEnAntwoord: "Vraag en antwoord"
        }
    }
}

/// Where an item is in the editorial workflow. Only `gepubliceerd` items are listed publicly;
/// `gearchiveerd` items keep their URL (other sites link to them) but leave the listings.
public enum ItemStatus: String, CaseIterable, Sendable, Codable {
    case concept
    /// Waiting for a second editor to review and publish it.
    case terReview = "ter-review"
    case gepubliceerd
    case gearchiveerd
}

/// The language an item is written in; it sets `lang` on the item's content.
public enum ContentLanguage: String, CaseIterable, Sendable, Codable {
    case nl
    case en
}
