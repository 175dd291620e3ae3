import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The search page as a visitor uses it, without JavaScript.
@Suite("The search page /zoeken")
struct SearchPageTests {
    static let items = [
        ItemFixture("taalcafe-werkt", type: "praktijkvoorbeeld", [
            "title": .string("Taalcafés in de bibliotheek"),
            "body": .string("Vrijwilligers en statushouders oefenen samen Nederlands. Een <b>vet</b> verhaal."),
        ]),
        ItemFixture("factsheet-werk", type: "factsheet", [
            "title": .string("Statushouders en werk"),
            "body": .string("Cijfers over werk."),
            "themes": .array([.string("sociale-cohesie")]),
        ]),
    ]

    @Test("every page has a search box that sends its query to /zoeken")
    func searchBoxOnEveryPage() async throws {
        try await TestApp.run { client in
            for item in Self.items { try await client.create(item) }
            for path in ["/", "/thema", "/agenda", "/type/factsheet", "/kennis/taalcafe-werkt", "/bestaat-niet"] {
                let page = HTMLPage(try await client.get(path).text)
                #expect(page.contains(#"<form class="site-search" method="get" action="/zoeken" role="search">"#), "\(path)")
                #expect(page.contains(#"<label for="site-zoekterm""#), "\(path)")
            }
        }
    }

    @Test("results show marked, escaped snippets, the count, and facets as labelled checkboxes")
    func results() async throws {
        try await TestApp.run { client in
            for item in Self.items { try await client.create(item) }
            let response = try await client.get("/zoeken?q=statushouder")
            #expect(response.status == .ok)
            let page = HTMLPage(response.text)
            #expect(page.headingOneCount == 1)
            #expect(page.contains("2 resultaten"))
            #expect(page.contains("<mark>statushouders</mark>"))
            #expect(page.contains("&lt;b&gt;vet&lt;/b&gt;"))
            #expect(!page.contains("<b>vet</b>"))
            #expect(page.contains(#"<input type="checkbox" id="type-factsheet" name="type" value="factsheet"> <label for="type-factsheet">Factsheet <span class="count">(1)</span></label>"#))
            #expect(page.contains(#"<legend>Thema</legend>"#))
            #expect(page.missingLandmarks.isEmpty)
        }
    }

    @Test("checked facets narrow the results and stay checked; filters combine with the query")
    func facetsFilter() async throws {
        try await TestApp.run { client in
            for item in Self.items { try await client.create(item) }
            let page = HTMLPage(try await client.get("/zoeken?q=statushouder&type=factsheet").text)
            #expect(page.contains("1 resultaat"))
            #expect(page.contains(#"value="factsheet" checked>"#))
            #expect(page.contains("/kennis/factsheet-werk"))
            #expect(!page.contains("/kennis/taalcafe-werkt"))
            #expect(page.contains(#"<a href="/zoeken?q=statushouder">Alle filters wissen</a>"#))
        }
    }

    @Test("a misspelt query offers 'Bedoelde u' with a link, and zero results explain what to try")
    func didYouMeanAndZeroResults() async throws {
        try await TestApp.run { client in
            for item in Self.items { try await client.create(item) }
            let page = HTMLPage(try await client.get("/zoeken?q=statushoduers").text)
            #expect(page.contains("0 resultaten"))
            #expect(page.contains(#"Bedoelde u: <a href="/zoeken?q=statushouders">statushouders</a>?"#))
            #expect(page.contains("Controleer de spelling"))
        }
    }

    @Test("a query typed into the search box arrives with + for spaces, and its operators still work")
    func formEncodedQuery() async throws {
        try await TestApp.run { client in
            for item in Self.items { try await client.create(item) }
            let page = HTMLPage(try await client.get("/zoeken?q=statushouders+-cijfers").text)
            #expect(page.contains("1 resultaat"))
            #expect(page.contains(#"value="statushouders -cijfers""#))
            #expect(page.contains("/kennis/taalcafe-werkt"))
            let json = try await client.get("/api/v1/search?q=statushouders+-cijfers").json()
            #expect(json["query"]?.string == "statushouders -cijfers")
            #expect(json["total"]?.int == 1)
            #expect(try await client.get("/api/v1/search?q=a%2Bb").json()["query"]?.string == "a b")
        }
    }

    @Test("selected filters are listed above the results, each with a link that removes it")
    func activeFilters() async throws {
        try await TestApp.run { client in
            for item in Self.items { try await client.create(item) }
            let page = HTMLPage(try await client.get("/zoeken?q=statushouder&type=factsheet&thema=sociale-cohesie").text)
            #expect(page.contains(#"<ul class="active-filters" aria-label="Actieve filters">"#))
            #expect(page.contains(#"<a href="/zoeken?q=statushouder&amp;thema=sociale-cohesie">Factsheet"#))
            #expect(page.contains(#"<a href="/zoeken?q=statushouder&amp;type=factsheet">Sociale cohesie"#))
            #expect(page.contains(##"<a href="#verfijnen">Naar de filters</a>"##))
        }
    }

    @Test("the query is shown back escaped, and odd input never fails")
    func hostileInput() async throws {
        try await TestApp.run { client in
            let page = HTMLPage(try await client.get("/zoeken?q=%3Cscript%3Ealert(1)%3C/script%3E%22").text)
            #expect(!page.contains("<script>"))
            #expect(page.contains("&lt;script&gt;"))
            for query in ["%22", "OR", "-", "%00%01", String(repeating: "a%20", count: 3000), "%FF"] {
                #expect(try await client.get("/zoeken?q=\(query)").status == .ok, "\(query)")
            }
            #expect(try await client.get("/zoeken?q=x&type=onbekend&sorteer=raar").status == .ok)
            // U+0600 joins a following quote into one Character; the quote must still be escaped.
            let joined = HTMLPage(try await client.get("/zoeken?q=%D8%80%22%20autofocus%20x%3D%22").text)
            #expect(!joined.contains("\" autofocus"))
            #expect(joined.contains("&quot; autofocus"))
        }
    }

    @Test("the page number is kept in links with the query and filters")
    func pagination() async throws {
        try await TestApp.run { client in
            for number in 1...21 {
                try await client.create(ItemFixture("item-\(number)", ["body": .string("Over inburgering, deel \(number).")]))
            }
            let page = HTMLPage(try await client.get("/zoeken?q=inburgering&type=artikel").text)
            #expect(page.nextLinks == ["/zoeken?q=inburgering&amp;type=artikel&amp;pagina=2"])
            #expect(try await client.get("/zoeken?q=inburgering&pagina=2").status == .ok)
            #expect(try await client.get("/zoeken?q=inburgering&pagina=9").status == .notFound)
        }
    }
}
