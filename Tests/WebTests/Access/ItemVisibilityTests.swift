import Domain
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Concept items do not exist for visitors; archived items keep their page but leave the listings.
@Suite("Item visibility by status")
struct ItemVisibilityTests {
    /// One item of each status, as an article and as an upcoming event, so every listing could show them.
    static func seed(_ client: some TestClientProtocol) async throws {
        for status in ItemStatus.allCases {
            try await client.create(ItemFixture("artikel-\(status.rawValue)", ["status": .string(status.rawValue)]))
            try await client.create(.upcomingEvent("evenement-\(status.rawValue)", ["status": .string(status.rawValue)]))
        }
    }

    @Test("A concept item has no page on the site", arguments: ["/kennis/artikel-concept", "/kennis/evenement-concept"])
    func conceptPage(path: String) async throws {
        try await TestApp.run { client in
            try await Self.seed(client)
            let response = try await client.get(path)
            #expect(response.status == .notFound)
            #expect(response.text.contains("Pagina niet gevonden"))
            // Not even for the operator: the site knows no tokens.
            #expect(try await client.get(path, token: TestApp.token).status == .notFound)
        }
    }

    @Test("A concept item is 404 in the API without the token and visible with it")
    func conceptInAPI() async throws {
        try await TestApp.run { client in
            try await Self.seed(client)
            let anonymous = try await client.get("/api/v1/items/artikel-concept")
            #expect(anonymous.status == .notFound)
            #expect(anonymous.contentType == "application/problem+json")
            let withToken = try await client.get("/api/v1/items/artikel-concept", token: TestApp.token)
            #expect(withToken.status == .ok)
            #expect(try withToken.json()["status"]?.string == "concept")
        }
    }

    @Test("An archived item keeps its page, with a notice that it is archived")
    func archivedPage() async throws {
        try await TestApp.run { client in
            try await Self.seed(client)
            let response = try await client.get("/kennis/artikel-gearchiveerd")
            #expect(response.status == .ok)
            #expect(response.text.contains("Dit kennisitem is gearchiveerd."))
            let published = try await client.get("/kennis/artikel-gepubliceerd")
            #expect(!published.text.contains("gearchiveerd"))
            #expect(try await client.get("/api/v1/items/artikel-gearchiveerd").status == .ok)
        }
    }

    @Test("Listings show only published items", arguments: ["/", "/type/artikel", "/type/evenement", "/thema/participatie", "/agenda"])
    func listings(path: String) async throws {
        try await TestApp.run { client in
            try await Self.seed(client)
            let page = try await client.get(path).text
            let published = path.contains("artikel") ? ["artikel-gepubliceerd"]
                : path.contains("evenement") || path == "/agenda" ? ["evenement-gepubliceerd"]
                : ["artikel-gepubliceerd", "evenement-gepubliceerd"]
            for slug in published {
                #expect(page.contains("href=\"/kennis/\(slug)\""), "\(slug) should be listed")
            }
            for hidden in ["artikel-concept", "artikel-gearchiveerd", "evenement-concept", "evenement-gearchiveerd"] {
                #expect(!page.contains("/kennis/\(hidden)"), "\(hidden) must not be listed")
            }
        }
    }

    @Test("The API lists only published items unless the operator filters by status")
    func apiListing() async throws {
        try await TestApp.run { client in
            try await Self.seed(client)
            let anonymous = try await client.get("/api/v1/items").json()
            #expect(Set(anonymous["items"]?.strings("slug") ?? []) == ["artikel-gepubliceerd", "evenement-gepubliceerd"])
            // The token alone does not widen the list; the status filter does.
            let operatorDefault = try await client.get("/api/v1/items", token: TestApp.token).json()
            #expect(operatorDefault["total"]?.int == 2)
            let concepts = try await client.get("/api/v1/items?status=concept", token: TestApp.token).json()
            #expect(Set(concepts["items"]?.strings("slug") ?? []) == ["artikel-concept", "evenement-concept"])
            let archived = try await client.get("/api/v1/items?status=gearchiveerd&status=concept", token: TestApp.token).json()
            #expect(archived["total"]?.int == 4)
        }
    }
}
