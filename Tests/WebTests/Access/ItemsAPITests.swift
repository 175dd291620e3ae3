import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Items API")
struct ItemsAPITests {
    static let created = Timestamp.format(TestApp.now)

    // MARK: Create, read, replace, delete

    @Test("POST creates an item: 201, its address in Location, every exchange field plus created and updated")
    func create() async throws {
        try await TestApp.run { client in
            let response = try await client.send(.post, "/api/v1/items", json: ItemFixture("taalcafe-werkt").json)
            #expect(response.status == .created)
            #expect(response.headers[.location] == "/api/v1/items/taalcafe-werkt")
            #expect(response.contentType == "application/json")
            let item = try response.json()
            #expect(Set(try #require(item.object).keys) == [
                "slug", "type", "title", "summary", "body", "themes", "audiences", "knowledge", "published", "authors",
                "language", "status", "created", "updated",
            ])
            #expect(item["slug"]?.string == "taalcafe-werkt")
            #expect(item["title"]?.string == "Titel van taalcafe-werkt")
            #expect(item["themes"]?.strings() == ["participatie"])
            #expect(item["language"]?.string == "nl")
            #expect(item["status"]?.string == "gepubliceerd")
            #expect(item["created"]?.string == Self.created)
            #expect(item["updated"]?.string == Self.created)
        }
    }

    @Test("Fields come in the exchange format's order, type-specific ones included", arguments: [
        ("interventie", ["recognition"]), ("evenement", ["start", "end", "location", "online"]), ("artikel", []),
    ])
    func fieldOrder(type: String, extra: [String]) async throws {
        try await TestApp.run { client in
            let item = ItemFixture("volgorde", type: type, type == "evenement" ? ["online": .string("https://example.org/live")] : [:])
            let text = try await client.create(item).text
            let expected = ["slug", "type", "title", "summary", "body", "themes", "audiences", "knowledge", "published", "authors"]
                + extra + ["language", "status", "created", "updated"]
            let positions = expected.map { text.range(of: "\"\($0)\":")?.lowerBound }
            #expect(!positions.contains(nil), "every field is present")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        }
    }

    @Test("GET by slug answers what POST answered")
    func read() async throws {
        try await TestApp.run { client in
            let created = try await client.create(.upcomingEvent("kennisdag")).json()
            let response = try await client.get("/api/v1/items/kennisdag")
            #expect(response.status == .ok)
            #expect(response.contentType == "application/json")
            #expect(try response.json() == created)
            #expect(try await client.get("/api/v1/items/bestaat-niet").status == .notFound)
        }
    }

    @Test("PUT replaces the item; the site shows the new text")
    func replace() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("taalcafe-werkt"))
            let changed = ItemFixture("taalcafe-werkt", ["title": .string("Nieuwe titel"), "themes": .array([.string("sociale-cohesie")])])
            let response = try await client.send(.put, "/api/v1/items/taalcafe-werkt", json: changed.json)
            #expect(response.status == .ok)
            #expect(try response.json()["title"]?.string == "Nieuwe titel")
            #expect(try await client.get("/api/v1/items/taalcafe-werkt").json()["themes"]?.strings() == ["sociale-cohesie"])
            #expect(try await client.get("/kennis/taalcafe-werkt").text.contains("<h1>Nieuwe titel</h1>"))
        }
    }

    @Test("PUT with another slug in the body than in the address is 422 on the slug field, whether that slug is taken or not",
          arguments: ["ander-item", "nieuw-adres"])
    func replaceSlugMismatch(bodySlug: String) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("taalcafe-werkt"))
            try await client.create(ItemFixture("ander-item"))
            let response = try await client.send(.put, "/api/v1/items/taalcafe-werkt", json: ItemFixture(bodySlug).json)
            #expect(response.status == .unprocessableContent)
            #expect(response.contentType == "application/problem+json")
            let problem = try response.json()
            #expect(problem["errors"]?[0]?["field"]?.string == "slug")
            #expect(problem["errors"]?[0]?["pointer"]?.string == "#/slug")
            #expect(try await client.get("/api/v1/items").json()["total"]?.int == 2, "nothing was renamed or added")
            #expect(try await client.get("/api/v1/items/taalcafe-werkt").json()["title"]?.string == "Titel van taalcafe-werkt")
        }
    }

    @Test("PUT of an item that does not exist is 404")
    func replaceMissing() async throws {
        try await TestApp.run { client in
            let response = try await client.send(.put, "/api/v1/items/bestaat-niet", json: ItemFixture("bestaat-niet").json)
            #expect(response.status == .notFound)
            #expect(response.contentType == "application/problem+json")
        }
    }

    @Test("A GET response can be PUT back as it is, read-only timestamps included", arguments: ["artikel", "interventie", "evenement"])
    func roundTrip(type: String) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("heen-en-terug", type: type))
            let got = try await client.get("/api/v1/items/heen-en-terug")
            let response = try await client.send(.put, "/api/v1/items/heen-en-terug", json: got.text)
            #expect(response.status == .ok)
            #expect(try response.json() == got.json())
        }
    }

    @Test("DELETE answers 204; afterwards the item is gone from the API and the site")
    func delete() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("weg-ermee"))
            let response = try await client.execute(uri: "/api/v1/items/weg-ermee", method: .delete, headers: Headers.bearer())
            #expect(response.status == .noContent)
            #expect(response.body.readableBytes == 0)
            #expect(try await client.get("/api/v1/items/weg-ermee").status == .notFound)
            #expect(try await client.get("/kennis/weg-ermee").status == .notFound)
            let again = try await client.execute(uri: "/api/v1/items/weg-ermee", method: .delete, headers: Headers.bearer())
            #expect(again.status == .notFound)
        }
    }

    // MARK: The demo export

    @Test("Every line of the demo export can be POSTed as is, and reads back with the same values")
    func demoLines() async throws {
        #expect(DemoContent.lines.count == 47)
        try await TestApp.run { client in
            for line in DemoContent.lines {
                let response = try await client.send(.post, "/api/v1/items", json: line)
                #expect(response.status == .created, "\(line.prefix(80))")
                let sent = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
                let stored = try response.json()
                for (key, value) in try #require(sent.object) {
                    if key == "start" || key == "end" {
                        #expect(Timestamp.parse(value.string ?? "") == Timestamp.parse(stored[key]?.string ?? ""), "\(key)")
                    } else {
                        #expect(stored[key] == value, "\(key) of \(sent["slug"]?.string ?? "?")")
                    }
                }
            }
        }
    }

    // MARK: Listing

    /// Filters checked against the demo export itself: the expected slugs are computed from the lines.
    static let filters: [String: @Sendable (JSONValue) -> Bool] = [
        "theme=participatie": { $0["themes"]?.strings().contains("participatie") == true },
        "theme=participatie&theme=sociale-cohesie": { !Set($0["themes"]?.strings() ?? []).isDisjoint(with: ["participatie", "sociale-cohesie"]) },
        "type=evenement": { $0["type"]?.string == "evenement" },
        "type=evenement&type=nieuws": { ["evenement", "nieuws"].contains($0["type"]?.string) },
        "audience=werkgevers": { $0["audiences"]?.strings().contains("werkgevers") == true },
        "audience=werkgevers&audience=media": { !Set($0["audiences"]?.strings() ?? []).isDisjoint(with: ["werkgevers", "media"]) },
        "knowledge=beleid": { $0["knowledge"]?.string == "beleid" },
        "knowledge=beleid&knowledge=onderzoek": { ["beleid", "onderzoek"].contains($0["knowledge"]?.string) },
        "year=2025": { $0["published"]?.string?.hasPrefix("2025-") == true },
        "year=2024&year=2026": { ["2024", "2026"].contains($0["published"]?.string?.prefix(4).description) },
        "theme=sociale-stabiliteit&type=onderzoek": {
            $0["themes"]?.strings().contains("sociale-stabiliteit") == true && $0["type"]?.string == "onderzoek"
        },
        "type=evenement&year=2026&audience=gemeenten": {
            $0["type"]?.string == "evenement" && $0["published"]?.string?.hasPrefix("2026-") == true
                && $0["audiences"]?.strings().contains("gemeenten") == true
        },
    ]

    @Test("Filters select the matching items; repeated values are alternatives, different filters all apply", arguments: filters.keys.sorted())
    func filter(query: String) async throws {
        let matches = try #require(Self.filters[query])
        let expected = Set(DemoContent.objects.filter(matches).compactMap { $0["slug"]?.string })
        try #require(!expected.isEmpty, "the demo has items for \(query)")
        try await TestApp.run { client in
            try await client.importDemo()
            let response = try await client.get("/api/v1/items?\(query)&per_page=100")
            #expect(response.status == .ok, "\(query)")
            let page = try response.json()
            #expect(page["total"]?.int == expected.count, "\(query)")
            #expect(Set(page["items"]?.strings("slug") ?? []) == expected, "\(query)")
        }
    }

    @Test("Pages: page and per_page choose the slice; total and pages describe the whole; newest first")
    func paging() async throws {
        try await TestApp.run { client in
            try await client.importDemo()
            let first = try await client.get("/api/v1/items").json()
            #expect(first["total"]?.int == 47)
            #expect(first["page"]?.int == 1)
            #expect(first["per_page"]?.int == 20)
            #expect(first["pages"]?.int == 3)
            #expect(first["items"]?.array?.count == 20)
            #expect(first["items"]?[0]?["slug"]?.string == "welkom-op-het-vernieuwde-kennisplatform")

            var seen: [String] = []
            for number in 1...5 {
                let page = try await client.get("/api/v1/items?per_page=10&page=\(number)").json()
                #expect(page["pages"]?.int == 5)
                #expect(page["page"]?.int == number)
                #expect(page["items"]?.array?.count == (number < 5 ? 10 : 7))
                seen += page["items"]?.strings("slug") ?? []
            }
            #expect(seen.count == 47)
            #expect(Set(seen).count == 47)
            let dates = seen.compactMap { slug in DemoContent.objects.first { $0["slug"]?.string == slug }?["published"]?.string }
            #expect(dates == dates.sorted(by: >))
        }
    }

    // MARK: Taxonomies

    @Test("Taxonomies list the ten types, the five seeded themes with names, and the other lists")
    func taxonomies() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/api/v1/taxonomies")
            #expect(response.status == .ok)
            #expect(response.contentType == "application/json")
            let taxonomy = try response.json()
            #expect(taxonomy["types"]?.strings("slug") == ItemType.allCases.map(\.rawValue))
            #expect(taxonomy["types"]?.array?.count == 10)
            #expect(taxonomy["types"]?.strings("name") == ItemType.allCases.map(\.name))
            #expect(taxonomy["themes"]?.strings("slug") == TaxonomySeed.themes.map(\.slug))
            #expect(taxonomy["themes"]?.strings("name") == [
                "Nieuwe migratie", "Sociale stabiliteit", "Inclusie en toegankelijkheid", "Participatie", "Sociale cohesie",
            ])
            #expect(taxonomy["audiences"]?.array?.count == 7)
            #expect(taxonomy["audiences"]?.strings("slug").contains("gemeenten") == true)
            #expect(taxonomy["knowledge"]?.strings("slug") == ["praktijk", "implementatie", "onderzoek", "beleid"])
            #expect(taxonomy["recognition"]?.strings("slug") == ["goed-beschreven", "goed-onderbouwd", "effectief"])
        }
    }
}
