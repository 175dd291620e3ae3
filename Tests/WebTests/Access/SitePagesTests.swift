import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Site pages")
struct SitePagesTests {
    /// A published Dutch item and an English one from the demo export, plus every listing.
    static let pages: [String] =
        ["/", "/thema", "/thema/participatie", "/thema/sociale-cohesie", "/agenda"]
        + ItemType.allCases.map { "/type/\($0.rawValue)" }
        + ["/kennis/welkom-op-het-vernieuwde-kennisplatform", "/kennis/regiodag-statushouders-en-werk-de-regio-aan-zet",
           "/kennis/civic-integration-under-the-2021-act-findings-from-our-monitoring-study"]

    @Test("Every page is UTF-8 HTML in Dutch with one h1, a skip link to the content and the landmarks", arguments: pages)
    func layout(of path: String) async throws {
        try await TestApp.run { client in
            try await client.importDemo()
            let response = try await client.get(path)
            #expect(response.status == .ok)
            #expect(response.contentType == "text/html; charset=utf-8")
            let page = HTMLPage(response.text)
            #expect(page.headingOneCount == 1)
            #expect(page.missingLandmarks == [])
            #expect(page.contains("<a class=\"skip-link\" href=\"#inhoud\""))
        }
    }

    @Test("The demo paths used above exist in the export")
    func demoPathsExist() {
        let slugs = Set(DemoContent.objects.compactMap { $0["slug"]?.string })
        for path in Self.pages where path.hasPrefix("/kennis/") {
            #expect(slugs.contains(String(path.dropFirst("/kennis/".count))), "\(path)")
        }
    }

    @Test("Pages answer 200 on an empty knowledge base too", arguments: ["/", "/thema", "/thema/participatie", "/type/publicatie", "/agenda"])
    func emptyBase(path: String) async throws {
        try await TestApp.run { client in
            let response = try await client.get(path)
            #expect(response.status == .ok)
            #expect(HTMLPage(response.text).headingOneCount == 1)
        }
    }

    @Test("Unknown themes, types, items and addresses, and pages that do not exist, are the Dutch 404 page", arguments: [
        "/thema/onbekend", "/type/onbekend", "/type/Publicatie", "/kennis/bestaat-niet", "/nope", "/kennis",
        "/type/artikel?pagina=0", "/type/artikel?pagina=abc", "/type/artikel?pagina=-1", "/type/artikel?pagina=2",
        "/thema/participatie?pagina=0", "/thema/participatie?pagina=2", "/agenda?pagina=0", "/agenda?pagina=x", "/agenda?pagina=2",
    ])
    func notFound(path: String) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("een-artikel"))
            let response = try await client.get(path)
            #expect(response.status == .notFound)
            #expect(response.contentType == "text/html; charset=utf-8")
            let page = HTMLPage(response.text)
            #expect(page.contains("<h1>Pagina niet gevonden</h1>"))
            #expect(page.headingOneCount == 1)
            #expect(page.missingLandmarks == [])
        }
    }

    @Test("A listing of more than 20 items is paged, with rel=next and rel=prev links")
    func pagination() async throws {
        try await TestApp.run { client in
            for number in 1...21 {
                try await client.create(ItemFixture("voorbeeld-\(number)", type: "praktijkvoorbeeld"))
            }
            let first = HTMLPage(try await client.get("/type/praktijkvoorbeeld").text)
            #expect(first.nextLinks == ["/type/praktijkvoorbeeld?pagina=2"])
            #expect(first.links(rel: "prev") == [])
            #expect(first.count("class=\"card\"") == 20)
            #expect(first.contains("Pagina 1 van 2"))

            let second = try await client.get("/type/praktijkvoorbeeld?pagina=2")
            #expect(second.status == .ok)
            let page = HTMLPage(second.text)
            #expect(page.nextLinks == [])
            #expect(page.links(rel: "prev") == ["/type/praktijkvoorbeeld"])
            #expect(page.count("class=\"card\"") == 1)

            #expect(try await client.get("/type/praktijkvoorbeeld?pagina=3").status == .notFound)
            // The theme page lists the same 21 items.
            #expect(HTMLPage(try await client.get("/thema/participatie").text).nextLinks == ["/thema/participatie?pagina=2"])
        }
    }

    @Test("Twenty items fit on one page: no pagination")
    func noPagination() async throws {
        try await TestApp.run { client in
            for number in 1...20 {
                try await client.create(ItemFixture("voorbeeld-\(number)", type: "praktijkvoorbeeld"))
            }
            let page = HTMLPage(try await client.get("/type/praktijkvoorbeeld").text)
            #expect(page.count("class=\"card\"") == 20)
            #expect(!page.contains("class=\"pagination\""))
            #expect(try await client.get("/type/praktijkvoorbeeld?pagina=2").status == .notFound)
        }
    }

    @Test("An English item marks its content lang=\"en\"; the page itself stays Dutch")
    func englishItem() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("civic-integration", type: "onderzoek", ["language": .string("en")]))
            try await client.create(ItemFixture("inburgering"))
            let english = HTMLPage(try await client.get("/kennis/civic-integration").text)
            #expect(english.contains("<html lang=\"nl\">"))
            #expect(english.contains("<div class=\"item-head\" lang=\"en\">"))
            #expect(english.contains("<div class=\"item-body\" lang=\"en\">"))
            let dutch = HTMLPage(try await client.get("/kennis/inburgering").text)
            #expect(!dutch.contains("<div class=\"item-head\" lang="))
            // On the English site it is the other way round: the Dutch item's content is marked Dutch.
            let onEnglishSite = HTMLPage(try await client.get("/en/kennis/inburgering").text)
            #expect(onEnglishSite.contains("<html lang=\"en\">"))
            #expect(onEnglishSite.contains("<div class=\"item-body\" lang=\"nl\">"))
            #expect(!HTMLPage(try await client.get("/en/kennis/civic-integration").text).contains("<div class=\"item-head\" lang="))
            // Cards of the English item carry the language in listings as well.
            #expect(HTMLPage(try await client.get("/type/onderzoek").text).contains("<article class=\"card\" lang=\"en\">"))
        }
    }

    @Test("The body is Markdown: external links get rel=noopener, internal ones not, raw HTML stays text")
    func markdownBody() async throws {
        let body = "Lees [het rapport](https://example.org/rapport) of [het thema](/thema/participatie).\n\n<b>vet</b> en <i>schuin</i>"
        try await TestApp.run { client in
            try await client.create(ItemFixture("met-links", ["body": .string(body)]))
            let page = HTMLPage(try await client.get("/kennis/met-links").text)
            #expect(page.contains(#"<a href="https://example.org/rapport" rel="noopener">het rapport</a>"#))
            #expect(page.contains(#"<a href="/thema/participatie">het thema</a>"#))
            #expect(page.contains("&lt;b&gt;vet&lt;/b&gt;"))
            #expect(!page.contains("<b>vet</b>"))
            #expect(!page.contains("<i>"))
        }
    }

    @Test("Markdown headings in the body start at h2, under the title's h1")
    func bodyHeadings() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("met-koppen", ["body": .string("# Inleiding\n\nTekst.\n\n## Aanpak")]))
            let page = HTMLPage(try await client.get("/kennis/met-koppen").text)
            #expect(page.headingOneCount == 1)
            #expect(page.contains("<h2>Inleiding</h2>"))
            #expect(page.contains("<h3>Aanpak</h3>"))
        }
    }

    @Test("The menu marks the current section with aria-current", arguments: [
        ("/", "/"), ("/thema", "/thema"), ("/thema/participatie", "/thema"), ("/type/publicatie", "/type/publicatie"),
        ("/agenda", "/agenda"),
    ])
    func currentSection(path: String, menuURL: String) async throws {
        try await TestApp.run { client in
            let page = HTMLPage(try await client.get(path).text)
            #expect(page.count("aria-current=\"page\"") == 1)
            #expect(page.contains("<a href=\"\(menuURL)\" aria-current=\"page\">"))
        }
    }

    @Test("The agenda splits upcoming from past events at the clock's now")
    func agenda() async throws {
        try await TestApp.run { client in
            try await client.create(.upcomingEvent("komende-kennisdag", ["title": .string("Komende kennisdag")]))
            try await client.create(.pastEvent("eerdere-kennisdag", ["title": .string("Eerdere kennisdag")]))
            let text = try await client.get("/agenda").text
            let upcoming = try #require(text.range(of: "id=\"komend\""))
            let past = try #require(text.range(of: "id=\"geweest\""))
            let komende = try #require(text.range(of: "Komende kennisdag"))
            let eerdere = try #require(text.range(of: "Eerdere kennisdag"))
            #expect(upcoming.lowerBound < komende.lowerBound && komende.lowerBound < past.lowerBound)
            #expect(past.lowerBound < eerdere.lowerBound)
            #expect(try await client.get("/kennis/eerdere-kennisdag").text.contains("Deze bijeenkomst heeft al plaatsgevonden."))
            #expect(!(try await client.get("/kennis/komende-kennisdag").text.contains("al plaatsgevonden")))
        }
    }

    @Test("With a base URL, pages name their canonical address; paged listings include the page", arguments: [
        ("/", "https://kennis.example.nl/"), ("/thema", "https://kennis.example.nl/thema"),
        ("/kennis/een-artikel", "https://kennis.example.nl/kennis/een-artikel"),
        ("/type/artikel?pagina=2", "https://kennis.example.nl/type/artikel?pagina=2"),
    ])
    func canonical(path: String, expected: String) async throws {
        try await TestApp.run(baseURL: "https://kennis.example.nl/") { client in
            for number in 1...21 {
                try await client.create(ItemFixture(number == 1 ? "een-artikel" : "artikel-\(number)"))
            }
            let page = HTMLPage(try await client.get(path).text)
            #expect(page.contains("<link rel=\"canonical\" href=\"\(expected)\">"))
            #expect(page.count("rel=\"canonical\"") == 1)
        }
    }

    @Test("Without a base URL there is no canonical link", arguments: ["/", "/thema", "/kennis/een-artikel"])
    func noCanonical(path: String) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("een-artikel"))
            let page = HTMLPage(try await client.get(path).text)
            #expect(!page.contains("rel=\"canonical\""))
        }
    }

    @Test("Error pages have no canonical link, even with a base URL")
    func errorPageCanonical() async throws {
        try await TestApp.run(baseURL: "https://kennis.example.nl") { client in
            let page = HTMLPage(try await client.get("/nope").text)
            #expect(!page.contains("rel=\"canonical\""))
        }
    }
}
