import Domain
import Foundation
import Storage
import TestSupport
import Testing

/// What a visitor may rely on when searching, on SQLite and (with `KENNIS_TEST_DATABASE=postgres`) PostgreSQL.
@Suite("Searching the knowledge base")
struct SQLSearchIndexTests {
    /// The store and the index of one test database.
    struct Fixture {
        let index: SQLSearchIndex
        let store: SQLKnowledgeStore

        /// The slugs of the first page of results, best first.
        func slugs(_ text: String, filters: SearchFilters = SearchFilters()) async throws -> [String] {
            try await index.search(SearchRequest(text: text, filters: filters)).hits.map(\.item.content.slug)
        }
    }

    /// Stores these items and runs `body` with the search index over them.
    func withItems(_ items: [ItemContent], _ body: (Fixture) async throws -> Void) async throws {
        try await withTestDatabase { database in
            let store = SQLKnowledgeStore(database: database)
            _ = try await store.upsert(items, progress: nil)
            try await body(Fixture(index: SQLSearchIndex(database: database), store: store))
        }
    }

    @Test("a word finds its inflections: plural, verb forms and derived nouns")
    func inflections() async throws {
        try await withItems([
            text("meervoud", body: "Veel vluchtelingen vinden werk via de gemeente."),
            text("werkwoord", body: "Nieuwkomers integreren sneller met een taalmaatje."),
            text("voltooid", body: "Een goed geïntegreerd beleid begint bij de intake."),
            text("anders", body: "Over sport en bewegen in de wijk."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("vluchteling") == ["meervoud"])
            #expect(Set(try await search.slugs("integratie")) == ["werkwoord", "voltooid"])
        }
    }

    @Test("diacritics match whether they are typed or not, both ways")
    func diacritics() async throws {
        try await withItems([
            text("met-trema", body: "De financiën van de gemeente staan onder druk."),
            text("zonder-trema", body: "Een plan voor de financien van het jongerenwerk."),
        ]) { (search: Fixture) async throws in
            #expect(Set(try await search.slugs("financien")) == ["met-trema", "zonder-trema"])
            #expect(Set(try await search.slugs("financiën")) == ["met-trema", "zonder-trema"])
            #expect(try await search.slugs("FINANCIËN").count == 2)
        }
    }

    @Test("an exact phrase needs its words side by side")
    func phrase() async throws {
        try await withItems([
            text("naast-elkaar", body: "Tijdens de brede intake worden afspraken gemaakt."),
            text("uit-elkaar", body: "De intake is breed opgezet, met brede aandacht voor gezondheid."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("\"brede intake\"") == ["naast-elkaar"])
            #expect(Set(try await search.slugs("brede intake")) == ["naast-elkaar", "uit-elkaar"])
        }
    }

    @Test("an exact phrase finds a hyphenated compound in the middle of a sentence")
    func phraseAroundCompound() async throws {
        try await withItems([
            text("beleid", body: "Over het sociaal-economisch beleid van gemeenten."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("\"het sociaal-economisch beleid\"") == ["beleid"])
            #expect(try await search.slugs("\"het sociaal economisch beleid\"") == ["beleid"])
            #expect(try await search.slugs("sociaaleconomisch") == ["beleid"])
            #expect(try await search.slugs("economisch") == ["beleid"])
        }
    }

    @Test("a minus excludes every form of a word")
    func exclusion() async throws {
        try await withItems([
            text("met", body: "Inburgering begint met de talen die mensen al spreken."),
            text("zonder", body: "Inburgering en werk gaan samen op."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("inburgering -taal") == ["zonder"])
            #expect(try await search.slugs("inburgering -\"de talen\"") == ["zonder"])
        }
    }

    @Test("a star finds words that start with the prefix")
    func prefix() async throws {
        try await withItems([
            text("inburgeraars", body: "Inburgeraars volgen een leerroute."),
            text("ander", body: "Burgers praten mee over de wijk."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("inburg*") == ["inburgeraars"])
        }
    }

    @Test("OR finds either word; when no item holds all words, any word counts and the results say so")
    func alternativesAndFallback() async throws {
        try await withItems([
            text("sport", body: "Sport verbindt buurtbewoners."),
            text("muziek", body: "Muziek in de buurt."),
        ]) { (search: Fixture) async throws in
            #expect(Set(try await search.slugs("sport OR muziek")) == ["sport", "muziek"])
            #expect(Set(try await search.slugs("sport OF muziek")) == ["sport", "muziek"])
            let results = try await search.index.search(SearchRequest(text: "sport muziek"))
            #expect(results.matchedAnyWord)
            #expect(Set(results.hits.map(\.item.content.slug)) == ["sport", "muziek"])
            #expect(try await search.index.search(SearchRequest(text: "sport buurtbewoners")).matchedAnyWord == false)
        }
    }

    @Test("a misspelt word gets the closest word of the index as 'did you mean'")
    func typoSuggestion() async throws {
        try await withItems([
            text("een", body: "Vluchtelingen en statushouders in de gemeente."),
        ]) { (search: Fixture) async throws in
            let typo = try await search.index.search(SearchRequest(text: "vluchtelingn"))
            #expect(typo.total == 0)
            #expect(typo.suggestion?.normalized == "vluchtelingen")
            let longer = try await search.index.search(SearchRequest(text: "statushoduers gemeente"))
            #expect(longer.suggestion?.normalized == "statushouders gemeente")
            #expect(try await search.index.search(SearchRequest(text: "xqzwv")).suggestion == nil)
            #expect(try await search.index.search(SearchRequest(text: "gemeente")).suggestion == nil)
        }
    }

    @Test("a synonym finds items that use the other word, and the list is editable")
    func synonyms() async throws {
        try await withTestDatabase { database in
            let store = SQLKnowledgeStore(database: database)
            _ = try await store.upsert([
                text("status", body: "Statushouders vinden werk via het werkgeversteam."),
                text("buurt", body: "Buurtbewoners organiseren een taalcafé."),
            ], progress: nil)
            let search = Fixture(index: SQLSearchIndex(database: database), store: store)
            #expect(try await search.slugs("vergunninghouders") == ["status"])

            let synonyms = SQLSynonymStore(database: database)
            #expect(try await search.slugs("wijkbewoners").isEmpty)
            try await synonyms.add(["wijkbewoner", "buurtbewoner"])
            #expect(try await search.slugs("wijkbewoners") == ["buurt"])
            try await synonyms.remove("wijkbewoner")
            #expect(try await search.slugs("wijkbewoners").isEmpty)
            await #expect(throws: DomainError.notFound("'wijkbewoner' is in no synonym group")) { try await synonyms.remove("wijkbewoner") }
        }
    }

    @Test("synonym groups that share a word merge, and a group needs two words")
    func synonymGroups() async throws {
        try await withTestDatabase { database in
            let synonyms = SQLSynonymStore(database: database)
            try await synonyms.add(["alfa", "bravo"])
            try await synonyms.add(["Charlie", "bravo"])
            #expect(try await synonyms.groups().contains(["alfa", "bravo", "charlie"]))
            await #expect(throws: DomainError.self) { try await synonyms.add(["alleen"]) }
            await #expect(throws: DomainError.self) { try await synonyms.add(["twee woorden", "x"]) }
        }
    }

    @Test("the word as typed ranks above words that only share its stem: gemeenten before menen")
    func exactFormsRankFirst() async throws {
        // The Snowball stemmer maps both "gemeenten" and "menen" to "meen".
        try await withItems([
            text("menen", body: "Wij menen dat dit plan beter kan."),
            text("gemeenten", body: "Wij weten dat gemeenten beter kunnen."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("gemeenten") == ["gemeenten", "menen"])
            #expect(try await search.slugs("menen") == ["menen", "gemeenten"])
        }
    }

    @Test("a match in the title ranks above one in the summary, which ranks above one in the body")
    func fieldWeights() async throws {
        try await withItems([
            text("in-tekst", body: "Over het taalcafé in de bibliotheek."),
            text("in-titel", title: "Het taalcafé", body: "Over de bibliotheek."),
            text("in-samenvatting", summary: "Een taalcafé.", body: "Over de bibliotheek."),
        ]) { (search: Fixture) async throws in
            #expect(try await search.slugs("taalcafé") == ["in-titel", "in-samenvatting", "in-tekst"])
        }
    }

    @Test("each facet count equals the total with that value selected")
    func facetCountsMatchFilteredTotals() async throws {
        var items: [ItemContent] = []
        let types: [ItemType] = [.artikel, .factsheet, .publicatie]
        let themes = [["participatie"], ["sociale-cohesie"], ["participatie", "nieuwe-migratie"]]
        for number in 0..<12 {
            var item = text("item-\(number)", body: "Werk en inburgering, deel \(number).")
            item.type = types[number % 3]
            item.themes = themes[number % 3 == 0 ? 0 : (number % 2 == 0 ? 1 : 2)]
            item.audiences = number % 4 == 0 ? ["gemeenten"] : ["professionals", "werkgevers"]
            item.published = Day("\(2023 + number % 3)-05-01")!
            item.knowledge = number % 2 == 0 ? "praktijk" : "onderzoek"
            items.append(item)
        }
        try await withItems(items) { (search: Fixture) async throws in
            var base = SearchFilters()
            base.types = [.artikel, .factsheet]
            let results = try await search.index.search(SearchRequest(text: "inburgering", filters: base))
            #expect(results.total == 8)
            for facet in FacetName.allCases {
                for count in results.facets[facet] ?? [] {
                    var filters = base
                    switch facet {
                    case .theme: filters.themes = [count.value]
                    case .type: filters.types = [ItemType(rawValue: count.value)!]
                    case .audience: filters.audiences = [count.value]
                    case .knowledge: filters.knowledge = [count.value]
                    case .year: filters.years = [Int(count.value)!]
                    case .recognition: filters.recognition = [count.value]
                    }
                    let filtered = try await search.index.search(SearchRequest(text: "inburgering", filters: filters))
                    #expect(filtered.total == count.count, "\(facet) = \(count.value)")
                }
            }
            #expect(results.facets[.type]?.first { $0.value == "publicatie" }?.count == 4)
        }
    }

    @Test("snippets mark the matched words and escape everything else")
    func snippets() async throws {
        try await withItems([
            text("html", body: "Een <b>vet</b> verhaal & meer over gemeenten en \"hun\" aanpak."),
        ]) { (search: Fixture) async throws in
            let hit = try #require(try await search.index.search(SearchRequest(text: "gemeente")).hits.first)
            #expect(hit.snippet.html.contains("&lt;b&gt;vet&lt;/b&gt;"))
            #expect(hit.snippet.html.contains("&amp; meer"))
            #expect(hit.snippet.html.contains("<mark>gemeenten</mark>"))
            #expect(!hit.snippet.html.contains("<b>"))
        }
    }

    @Test("the index follows every write: updates, unpublishing and deletion")
    func indexFollowsWrites() async throws {
        try await withItems([text("wisselend", body: "Over de moestuin in de wijk.")]) { (search: Fixture) async throws in
            #expect(try await search.slugs("moestuin") == ["wisselend"])
            var changed = text("wisselend", body: "Over het buurthuis in de wijk.")
            _ = try await search.store.update(slug: "wisselend", with: changed)
            #expect(try await search.slugs("moestuin").isEmpty)
            #expect(try await search.slugs("buurthuis") == ["wisselend"])

            changed.status = .concept
            _ = try await search.store.update(slug: "wisselend", with: changed)
            #expect(try await search.slugs("buurthuis").isEmpty)
            // A draft's words are not offered as suggestions either.
            #expect(try await search.index.suggest("buurth", limit: 5).terms.isEmpty)

            changed.status = .gepubliceerd
            _ = try await search.store.update(slug: "wisselend", with: changed)
            #expect(try await search.slugs("buurthuis") == ["wisselend"])
            try await search.store.delete(slug: "wisselend")
            #expect(try await search.slugs("buurthuis").isEmpty)
            #expect(try await search.index.suggest("buurth", limit: 5).terms.isEmpty)
        }
    }

    @Test("results page, sort by date, and browse without a query")
    func pagingAndSorting() async throws {
        let items = (1...5).map { number in
            var item = text("nr-\(number)", body: "Inburgering in jaar \(number).")
            item.published = Day("202\(number)-01-01")!
            return item
        }
        try await withItems(items) { (search: Fixture) async throws in
            let newest = try await search.index.search(SearchRequest(text: "inburgering", sort: .newest, page: PageRequest(number: 2, size: 2)))
            #expect(newest.total == 5)
            #expect(newest.hits.map(\.item.content.slug) == ["nr-3", "nr-2"])
            let all = try await search.index.search(SearchRequest(text: ""))
            #expect(all.total == 5 && all.hits.first?.item.content.slug == "nr-5")
        }
    }

    @Test("malformed queries are read leniently and never fail", arguments: [
        "\"unbalanced quote", "OR", "-", "*", "\"\"", "a OR", "OR b", "--inburgering", "\u{0}\u{7}inburgering\u{1b}",
        String(repeating: "inburgering ", count: 900), "' OR 1=1 --", "{t} : x", "NEAR(a b)", "inburgering\"*",
        "\u{093F}", "\u{0345}x", "a\u{0301}", "'", "\\", ":*", "<->", "!x",
    ])
    func lenientQueries(_ query: String) async throws {
        try await withItems([text("een", body: "Inburgering in de praktijk.")]) { (search: Fixture) async throws in
            let results = try await search.index.search(SearchRequest(text: query))
            #expect(results.total >= 0)
        }
    }

    @Test("suggestions offer titles and words that start as typed")
    func suggestions() async throws {
        try await withItems([
            text("taalcafe", title: "Het taalcafé als ontmoetingsplek", body: "Taalmaatjes en taalcafés in de bibliotheek."),
        ]) { (search: Fixture) async throws in
            let suggestions = try await search.index.suggest("taalc", limit: 5)
            #expect(suggestions.titles.map(\.slug) == ["taalcafe"])
            #expect(suggestions.terms.contains("taalcafe"))
            #expect(try await search.index.suggest("het ontmoet", limit: 5).titles.map(\.slug) == ["taalcafe"])
            #expect(try await search.index.suggest("t", limit: 5) == Suggestions(titles: [], terms: []))
        }
    }
}

/// A published item whose text the test is about.
func text(_ slug: String, title: String? = nil, summary: String? = nil, body: String) -> ItemContent {
    var item = content(slug)
    item.title = title ?? "Item \(slug)"
    item.summary = summary ?? "Samenvatting."
    item.body = body
    item.authors = []
    return item
}
