import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("The search API")
struct SearchAPITests {
    @Test("GET /api/v1/search answers total, results with snippets and scores, facets and a suggestion")
    func search() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("werk", type: "factsheet", ["body": .string("Statushouders vinden <i>werk</i>.")]))
            try await client.create(ItemFixture("ander", ["body": .string("Over sport in de wijk.")]))
            let response = try await client.get("/api/v1/search?q=statushouder&type=factsheet")
            #expect(response.status == .ok)
            #expect(response.contentType == "application/json")
            let json = try response.json()
            #expect(json["total"]?.int == 1)
            #expect(json["suggestion"] == .null)
            let result = try #require(json["results"]?[0])
            #expect(result["slug"]?.string == "werk")
            #expect(result["type"]?.string == "factsheet")
            #expect(result["published"]?.string == "2026-03-12")
            #expect(result["snippet"]?.string == "<mark>Statushouders</mark> vinden &lt;i&gt;werk&lt;/i&gt;.")
            if case .number = result["score"] {} else { Issue.record("score is not a number") }
            #expect(json["facets"]?["type"]?.strings("value") == ["factsheet"])
            #expect(json["facets"]?["type"]?[0]?["count"]?.int == 1)

            let typo = try await client.get("/api/v1/search?q=statushoduers").json()
            #expect(typo["total"]?.int == 0)
            #expect(typo["suggestion"]?.string == "statushouders")
        }
    }

    @Test("an unknown parameter or value is a 400 problem that names it")
    func badParameters() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/api/v1/search?q=x&type=onbekend&sort=best&colour=red")
            #expect(response.status == .badRequest)
            #expect(response.contentType == "application/problem+json")
            let problem = try response.json()
            #expect(Set(problem["errors"]?.strings("parameter") ?? []) == ["type", "sort", "colour"])
            #expect(try await client.get("/api/v1/suggest?q=ta&limit=99").status == .badRequest)
        }
    }

    @Test("GET /api/v1/suggest offers titles and words by prefix")
    func suggest() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("taalcafe", ["title": .string("Het taalcafé"), "body": .string("Taalmaatjes helpen.")]))
            let json = try await client.get("/api/v1/suggest?q=taal").json()
            #expect(json["titles"]?.strings("slug") == ["taalcafe"])
            #expect(json["titles"]?[0]?["url"]?.string == "/kennis/taalcafe")
            #expect(json["terms"]?.strings().contains("taalmaatjes") == true)
        }
    }
}
