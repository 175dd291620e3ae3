import Domain
import Foundation
import Storage
import TestSupport
import Testing

@Suite("The SQL knowledge store")
struct SQLKnowledgeStoreTests {
    static let now = Timestamp.parse("2026-11-29T10:00:00Z")!

    func store(_ database: Database) -> SQLKnowledgeStore {
        SQLKnowledgeStore(database: database, clock: FixedWallClock(Self.now))
    }

    @Test("an item is created, read back whole, updated and deleted")
    func crud() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            var item = content("taalcafe", themes: ["participatie", "sociale-cohesie"], audiences: ["gemeenten", "professionals"],
                               knowledge: "praktijk")
            let created = try await store.create(item)
            #expect(created.content == item)
            #expect(created.created == Self.now && created.updated == Self.now)
            #expect(try await store.item(slug: "taalcafe") == created)

            item.title = "Nieuwe titel"
            item.themes = ["sociale-cohesie"]
            let updated = try await store.update(slug: "taalcafe", with: item)
            #expect(updated.id == created.id)
            #expect(try await store.item(slug: "taalcafe")?.content == item)

            try await store.delete(slug: "taalcafe")
            #expect(try await store.item(slug: "taalcafe") == nil)
            await #expect(throws: DomainError.notFound("no item with slug 'taalcafe'")) { try await store.delete(slug: "taalcafe") }
        }
    }

    @Test("a taken slug is a conflict, and a missing item cannot be updated")
    func conflicts() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            _ = try await store.create(content("een"))
            await #expect(throws: DomainError.conflict("an item with slug 'een' already exists")) {
                try await store.create(content("een"))
            }
            await #expect(throws: DomainError.notFound("no item with slug 'twee'")) {
                try await store.update(slug: "twee", with: content("twee"))
            }
        }
    }

    @Test("events and interventions keep their own fields")
    func typeSpecificFields() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            let event = EventDetails(start: Timestamp.parse("2027-02-12T13:30:00+01:00")!, end: Timestamp.parse("2027-02-12T16:00:00+01:00")!,
                                     location: "Utrecht", online: "https://example.nl/live")
            _ = try await store.create(content("congres", type: .evenement, event: event))
            _ = try await store.create(content("maatje", type: .interventie, recognition: "effectief"))
            #expect(try await store.item(slug: "congres")?.content.event == event)
            #expect(try await store.item(slug: "maatje")?.content.recognition == "effectief")
        }
    }

    @Test("upsert writes everything in one go: new slugs are created, known slugs updated")
    func upsert() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            let first = try await store.upsert((1...450).map { content("item-\($0)") }, progress: nil)
            #expect(first == UpsertSummary(created: 450, updated: 0))
            var changed = content("item-7")
            changed.title = "Gewijzigd"
            let second = try await store.upsert([changed, content("item-451")], progress: nil)
            #expect(second == UpsertSummary(created: 1, updated: 1))
            let third = try await store.upsert([changed, content("item-452")], progress: nil)
            #expect(third == UpsertSummary(created: 1, updated: 0, unchanged: 1))
            #expect(try await store.item(slug: "item-7")?.content.title == "Gewijzigd")
            #expect(try await store.items(ItemQuery()).total == 452)
        }
    }

    @Test("an upsert that fails part-way writes nothing")
    func upsertAllOrNothing() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            // The store trusts validated input; an unknown theme here reaches the foreign key in the last batch.
            let items = (1...500).map { content("item-\($0)") } + [content("kapot", themes: ["bestaat-niet"])]
            await #expect(throws: (any Error).self) { try await store.upsert(items, progress: nil) }
            let total = try await store.items(ItemQuery()).total
            #expect(total == 0)
        }
    }

    @Test("filters combine across facets and within one facet")
    func filters() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            _ = try await store.upsert([
                content("a", type: .publicatie, themes: ["participatie"], audiences: ["gemeenten"], knowledge: "onderzoek", published: "2024-05-01"),
                content("b", type: .factsheet, themes: ["sociale-cohesie"], audiences: ["media"], published: "2025-05-01"),
                content("c", type: .publicatie, themes: ["nieuwe-migratie"], audiences: ["gemeenten"], published: "2025-06-01"),
                content("d", type: .publicatie, status: .concept),
                content("e", type: .publicatie, status: .gearchiveerd),
            ], progress: nil)
            func slugs(_ change: (inout ItemQuery) -> Void) async throws -> [String] {
                var query = ItemQuery()
                change(&query)
                return try await store.items(query).items.map(\.content.slug)
            }
            #expect(try await slugs { _ in } == ["c", "b", "a"])
            #expect(try await slugs { $0.types = [.publicatie] } == ["c", "a"])
            #expect(try await slugs { $0.types = [.publicatie]; $0.audiences = ["gemeenten"]; $0.years = [2024] } == ["a"])
            #expect(try await slugs { $0.themes = ["participatie", "sociale-cohesie"] } == ["b", "a"])
            #expect(try await slugs { $0.knowledge = ["onderzoek"] } == ["a"])
            #expect(try await slugs { $0.years = [2024, 2025] } == ["c", "b", "a"])
            #expect(try await slugs { $0.statuses = [.concept, .gearchiveerd] } == ["d", "e"])
        }
    }

    @Test("pages hold the requested slice and the total")
    func pagination() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            _ = try await store.upsert((1...25).map { content(String(format: "item-%02d", $0), published: "2026-01-\(String(format: "%02d", $0))") },
                                       progress: nil)
            let page = try await store.items(ItemQuery(page: PageRequest(number: 3, size: 10)))
            #expect(page.total == 25 && page.pageCount == 3 && !page.hasNext && page.hasPrevious)
            #expect(page.items.map(\.content.slug) == (1...5).reversed().map { String(format: "item-%02d", $0) })
        }
    }

    @Test("upcoming events come soonest first, past events latest first")
    func agenda() async throws {
        try await withTestDatabase { database in
            let store = store(database)
            func event(_ slug: String, _ start: String, _ end: String) -> ItemContent {
                content(slug, type: .evenement, event: EventDetails(start: Timestamp.parse(start)!, end: Timestamp.parse(end)!, location: "Online"))
            }
            _ = try await store.upsert([
                event("later", "2027-03-01T10:00:00Z", "2027-03-01T12:00:00Z"),
                event("soon", "2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z"),
                event("running", "2026-11-29T09:00:00Z", "2026-11-29T11:00:00Z"),
                event("last-year", "2025-11-01T10:00:00Z", "2025-11-01T12:00:00Z"),
                event("last-month", "2026-10-01T10:00:00Z", "2026-10-01T12:00:00Z"),
            ], progress: nil)
            var upcoming = ItemQuery()
            upcoming.timing = .upcoming(at: Self.now)
            #expect(try await store.items(upcoming).items.map(\.content.slug) == ["running", "soon", "later"])
            var past = ItemQuery()
            past.timing = .past(at: Self.now)
            #expect(try await store.items(past).items.map(\.content.slug) == ["last-month", "last-year"])
        }
    }

    @Test("export → import into an empty database → export is byte-identical")
    func roundTrip() async throws {
        let event = EventDetails(start: Timestamp.parse("2027-02-12T13:30:00+01:00")!, end: Timestamp.parse("2027-02-12T16:00:00+01:00")!,
                                 location: "Utrecht", online: "https://example.nl")
        var special = content("bijzonder", themes: ["sociale-cohesie", "participatie"], audiences: ["media", "gemeenten"])
        special.title = "Werk & inburgering: \"samen\" <optrekken> 🇳🇱"
        special.body = "Regel 1\nRegel 2\t\\ slash /"
        special.language = .en
        let items = [special, content("congres", type: .evenement, event: event), content("maatje", type: .interventie, recognition: "effectief"),
                     content("concept", status: .concept), content("archief", status: .gearchiveerd)]
        let first = try await withTestDatabase { database in
            _ = try await store(database).upsert(items, progress: nil)
            return try await export(store(database), chunkSize: 2)
        }
        let taxonomy = try await withTestDatabase { try await store($0).taxonomy() }
        let reimported = try ImportFile.read(Data(first.utf8), taxonomy: taxonomy).get()
        let second = try await withTestDatabase { database in
            _ = try await store(database).upsert(reimported, progress: nil)
            return try await export(store(database), chunkSize: 500)
        }
        #expect(first.split(separator: "\n").count == 5)
        #expect(second == first)
    }

    @Test("re-importing the same items changes nothing, not even the update time")
    func idempotentReimport() async throws {
        try await withTestDatabase { database in
            let items = (1...3).map { content("item-\($0)") }
            _ = try await store(database).upsert(items, progress: nil)
            let before = try await store(database).items(ItemQuery())
            let later = SQLKnowledgeStore(database: database, clock: FixedWallClock(Self.now.addingTimeInterval(3600)))
            #expect(try await later.upsert(items, progress: nil) == UpsertSummary(created: 0, updated: 0, unchanged: 3))
            let after = try await later.items(ItemQuery())
            #expect(after.items == before.items)
            #expect(after.total == 3)
        }
    }

    func export(_ store: SQLKnowledgeStore, chunkSize: Int) async throws -> String {
        var text = ""
        try await ExchangeFormat.export(from: store, chunkSize: chunkSize) { text += $0 }
        return text
    }
}
