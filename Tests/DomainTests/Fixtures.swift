import Domain

/// Valid inputs that each test changes one thing in.
enum Fixtures {
    static let taxonomy = Taxonomy(
        themes: TaxonomySeed.themes + [Theme(slug: "taalcafes", name: "Taalcafés", description: "Sub.", parent: "participatie")],
        audiences: TaxonomySeed.audiences, knowledgeKinds: TaxonomySeed.knowledgeKinds,
        recognitionLevels: TaxonomySeed.recognitionLevels)

    static func object(_ overrides: [String: JSONValue] = [:], removing: [String] = []) -> [String: JSONValue] {
        var object: [String: JSONValue] = [
            "slug": .string("taalcafe-werkt"),
            "type": .string("praktijkvoorbeeld"),
            "title": .string("Taalcafé werkt"),
            "summary": .string("Een korte samenvatting."),
            "body": .string("## Kop\n\nTekst."),
            "themes": .array([.string("participatie")]),
            "audiences": .array([.string("gemeenten"), .string("professionals")]),
            "knowledge": .string("praktijk"),
            "published": .string("2026-03-12"),
            "authors": .array([.string("Fatima el Amrani")]),
        ]
        for (key, value) in overrides { object[key] = value }
        for key in removing { object.removeValue(forKey: key) }
        return object
    }

    static let event: [String: JSONValue] = [
        "type": .string("evenement"), "start": .string("2027-02-12T13:30:00+01:00"),
        "end": .string("2027-02-12T16:00:00+01:00"), "location": .string("Jaarbeurs, Utrecht"),
    ]
}
