import Domain
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Item text comes from editors and imports alike: every page shows it as text, never as markup.
@Suite("Escaping of item text")
struct SiteEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"
    /// Breaks out of an attribute value if quotes are not escaped.
    static let attributeBreak = "\"><script>alert(2)</script>"

    /// An upcoming event (so it is on the agenda and the home page) with hostile text in every free-text field.
    static let hostile = ItemFixture.upcomingEvent("kwaadaardig", [
        "title": .string(script),
        "summary": .string("\(attributeBreak) \(script) samenvatting"),
        "authors": .array([.string(script), .string("Jan <b>vet</b>")]),
        "location": .string("\(script) Utrecht"),
        "body": .string("\(image)\n\n\(script)\n\n[klik](javascript:alert(1))\n\n<a href=\"https://example.org\">a</a>"),
        "themes": .array([.string("participatie")]),
    ])

    @Test("No page that shows the item contains its markup unescaped", arguments: [
        "/kennis/kwaadaardig", "/", "/type/evenement", "/thema/participatie", "/agenda",
    ])
    func pages(path: String) async throws {
        try await TestApp.run { client in
            try await client.create(Self.hostile)
            let response = try await client.get(path)
            #expect(response.status == .ok)
            let page = HTMLPage(response.text)
            #expect(page.contains("href=\"/kennis/kwaadaardig\"") || path.hasPrefix("/kennis/"), "the item must be on the page")
            #expect(!page.contains("<script>alert(1)"))
            #expect(!page.contains("<script>alert(2)"))
            #expect(!page.contains("<script"))
            #expect(!page.contains("<img"))
            #expect(!page.contains("onerror=alert(1)>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("The item page escapes title, summary, authors, location and body, in the head as well")
    func itemPage() async throws {
        try await TestApp.run { client in
            try await client.create(Self.hostile)
            let page = HTMLPage(try await client.get("/kennis/kwaadaardig").text)
            #expect(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; | Kennisplatform</title>"))
            #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
            #expect(page.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;script&gt;alert(2)"))
            #expect(page.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;, Jan &lt;b&gt;vet&lt;/b&gt;</dd>"))
            #expect(page.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt; Utrecht</dd>"))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!page.contains("javascript:"))
            #expect(!page.contains("<a href=\"https://example.org\">"))
        }
    }

    @Test("A non-event item is escaped on its type listing too")
    func article() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("kwaadaardig-artikel", ["title": .string(Self.script)]))
            let page = HTMLPage(try await client.get("/type/artikel").text)
            #expect(!page.contains("<script"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("The API returns the text unchanged as JSON strings")
    func api() async throws {
        try await TestApp.run { client in
            try await client.create(Self.hostile)
            let response = try await client.get("/api/v1/items/kwaadaardig")
            #expect(response.contentType == "application/json")
            let item = try response.json()
            #expect(item["title"]?.string == Self.script)
            #expect(item["authors"]?.strings() == [Self.script, "Jan <b>vet</b>"])
            #expect(item["location"]?.string == "\(Self.script) Utrecht")
            let list = try await client.get("/api/v1/items?type=evenement")
            #expect(list.contentType == "application/json")
            #expect(try list.json()["items"]?[0]?["title"]?.string == Self.script)
        }
    }

    @Test("The 404 page does not echo the requested address")
    func notFoundPage() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/kennis/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(response.status == .notFound)
            #expect(!response.text.contains("<script"))
            #expect(!response.text.contains("alert(1)"))
        }
    }
}
