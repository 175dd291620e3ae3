/// The classification lists a new installation starts with. Migrations insert these; editors may
/// extend the lists later, so code must read the taxonomy from the store, not from here.
public enum TaxonomySeed {
    public static let themes: [Theme] = [
        Theme(slug: "nieuwe-migratie", name: "Nieuwe migratie",
              description: "Opvang, huisvesting en een goede start voor asielzoekers, statushouders, ontheemden en arbeidsmigranten."),
        Theme(slug: "sociale-stabiliteit", name: "Sociale stabiliteit",
              description: "Spanningen, polarisatie en discriminatie in buurt en samenleving herkennen en aanpakken."),
        Theme(slug: "inclusie-toegankelijkheid", name: "Inclusie en toegankelijkheid",
              description: "Voorzieningen, dienstverlening en informatie die voor iedereen bereikbaar en bruikbaar zijn."),
        Theme(slug: "participatie", name: "Participatie",
              description: "Meedoen via werk, taal, inburgering, onderwijs en vrijwilligerswerk."),
        Theme(slug: "sociale-cohesie", name: "Sociale cohesie",
              description: "Verbinding, vertrouwen en ontmoeting tussen bewoners in wijken en gemeenten."),
    ]

    public static let audiences: [Term] = [
        Term(slug: "professionals", name: "Professionals"),
        Term(slug: "gemeenten", name: "Gemeenten"),
        Term(slug: "rijksoverheid", name: "Rijksoverheid"),
        Term(slug: "werkgevers", name: "Werkgevers"),
        Term(slug: "wetenschap", name: "Wetenschap"),
        Term(slug: "media", name: "Media"),
        Term(slug: "maatschappelijke-organisaties", name: "Maatschappelijke organisaties"),
    ]

    public static let knowledgeKinds: [Term] = [
        Term(slug: "praktijk", name: "Praktijkkennis"),
        Term(slug: "implementatie", name: "Implementatiekennis"),
        Term(slug: "onderzoek", name: "Onderzoekskennis"),
        Term(slug: "beleid", name: "Beleidskennis"),
    ]

    public static let recognitionLevels: [Term] = [
        Term(slug: "goed-beschreven", name: "Goed beschreven"),
        Term(slug: "goed-onderbouwd", name: "Goed onderbouwd"),
        Term(slug: "effectief", name: "Effectief"),
    ]
}
