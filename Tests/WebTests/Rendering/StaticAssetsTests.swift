import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Stylesheet")
struct StaticAssetsTests {
    @Test("The stylesheet the pages link to is served as CSS under a content-hashed address, cached for a year")
    func stylesheet() async throws {
        try await TestApp.run { client in
            let url = try #require(HTMLPage(try await client.get("/").text).stylesheetURL)
            #expect(url.hasPrefix("/static/kennis."))
            #expect(url.hasSuffix(".css"))
            let hash = url.dropFirst("/static/kennis.".count).dropLast(".css".count)
            #expect(!hash.isEmpty && hash.allSatisfy(\.isHexDigit))

            let response = try await client.get(url)
            #expect(response.status == .ok)
            #expect(response.contentType?.hasPrefix("text/css") == true)
            let cache = try #require(response.headers[.cacheControl])
            #expect(cache.contains("max-age=31536000"))
            #expect(cache.contains("immutable"))
            #expect(response.body.readableBytes > 0)
        }
    }

    @Test("Every page links the same stylesheet", arguments: ["/thema", "/agenda", "/type/publicatie", "/nope"])
    func sameEverywhere(path: String) async throws {
        try await TestApp.run { client in
            let home = HTMLPage(try await client.get("/").text).stylesheetURL
            #expect(home != nil)
            #expect(HTMLPage(try await client.get(path).text).stylesheetURL == home)
        }
    }

    @Test("Another version of the stylesheet is not served", arguments: ["/static/kennis.css", "/static/kennis.0.css", "/static/"])
    func otherVersions(path: String) async throws {
        try await TestApp.run { client in
            let response = try await client.get(path)
            #expect(response.status == .notFound)
        }
    }
}
