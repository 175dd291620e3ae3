import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Web

@Suite("The editorial workflow in the editor's pages")
struct EditorialWorkflowTests {
    static let form: [(String, String)] = [
        ("title", "Taalmaatjes in de wijk"), ("slug", "taalmaatjes"), ("type", "praktijkvoorbeeld"),
        ("summary", "Vrijwilligers oefenen Nederlands met nieuwkomers."), ("body", "## Aanpak\n\nWekelijks een uur samen."),
        ("themes", "participatie"), ("audiences", "gemeenten"), ("published", "2026-11-20"), ("authors", "Anna\nBram"),
    ]

    /// Anna creates an item through the form and offers it for review.
    static func createForReview(_ client: any TestClientProtocol, by anna: Visitor) async throws {
        let created = try await client.post("/beheer/items", as: anna, form: form)
        #expect(created.status == .seeOther)
        #expect(created.location == "/beheer/items/taalmaatjes?melding=aangemaakt")
        let offered = try await client.post("/beheer/items/taalmaatjes/status", as: anna, form: [("status", "ter-review")])
        #expect(offered.status == .seeOther)
    }

    @Test("A new item starts as a concept and is not public; a form error is shown next to its field")
    func createsConcept() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur)
            var broken = Self.form.filter { $0.0 != "title" && $0.0 != "themes" }
            broken.append(("title", ""))
            let refused = try await client.post("/beheer/items", as: anna, form: broken)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"title-fout\">Titel is verplicht"))
            #expect(refused.text.contains("Kies minstens één thema."))
            #expect(refused.text.contains("value=\"taalmaatjes\""), "what was typed is kept")
            let created = try await client.post("/beheer/items", as: anna, form: Self.form)
            #expect(created.status == .seeOther)
            let item = try #require(try await environment.dependencies.store.item(slug: "taalmaatjes"))
            #expect(item.content.status == .concept)
            #expect(item.content.authors == ["Anna", "Bram"])
            #expect(try await client.get("/kennis/taalmaatjes").status == .notFound)
            #expect(try await client.get("/beheer/items/taalmaatjes/voorbeeld", as: anna).text.contains("<strong>Voorbeeld.</strong>"))
        }
    }

    @Test("Without a web address the title makes one")
    func slugFromTitle() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur)
            var form = Self.form.filter { $0.0 != "slug" && $0.0 != "title" }
            form.append(("title", "Taalcafé in de Bibliotheek!"))
            let created = try await client.post("/beheer/items", as: anna, form: form)
            #expect(created.location == "/beheer/items/taalcafe-in-de-bibliotheek?melding=aangemaakt")
        }
    }

    @Test("Deleting needs a ticked confirmation; then the item, its revisions and its page are gone, and the audit log says who")
    func delete() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur)
            _ = try await client.post("/beheer/items", as: anna, form: Self.form)
            let unconfirmed = try await client.post("/beheer/items/taalmaatjes/verwijderen", as: anna)
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("Vink aan dat u dit item definitief wilt verwijderen."))
            #expect(try await environment.dependencies.store.item(slug: "taalmaatjes") != nil)
            let deleted = try await client.post("/beheer/items/taalmaatjes/verwijderen", as: anna, form: [("bevestig", "1")])
            #expect(deleted.location == "/beheer/items?melding=verwijderd")
            #expect(try await environment.dependencies.store.item(slug: "taalmaatjes") == nil)
            let audit = try await environment.dependencies.audit.entries(AuditQuery(actions: [.deleted]))
            #expect(audit.items.map(\.subject) == ["taalmaatjes"])
            #expect(audit.items.first?.actor == anna.account!.label)
        }
    }

    @Test("Vier ogen: the last editor cannot publish; another editor can")
    func fourEyes() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur), bram = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            let page = try await client.get("/beheer/items/taalmaatjes", as: anna)
            #expect(page.text.contains("value=\"gepubliceerd\" disabled"))
            let own = try await client.post("/beheer/items/taalmaatjes/status", as: anna, form: [("status", "gepubliceerd")])
            #expect(own.status == .forbidden)
            #expect(own.text.contains("Vier ogen: u heeft dit item zelf als laatste gewijzigd."))
            #expect(try await client.get("/kennis/taalmaatjes").status == .notFound)
            #expect(try await client.get("/beheer/review", as: bram).text.contains("Taalmaatjes in de wijk"))
            let published = try await client.post("/beheer/items/taalmaatjes/status", as: bram, form: [("status", "gepubliceerd")])
            #expect(published.status == .seeOther)
            #expect(try await client.get("/kennis/taalmaatjes").status == .ok)
            let audit = try await environment.dependencies.audit.entries(AuditQuery(actions: [.published]))
            #expect(audit.items.first?.actor == bram.account!.label)
        }
    }

    @Test("Vier ogen: a change to a published item goes back to review until someone else publishes it")
    func changeToPublished() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur), bram = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            _ = try await client.post("/beheer/items/taalmaatjes/status", as: bram, form: [("status", "gepubliceerd")])
            var changed = Self.form.filter { $0.0 != "title" }
            changed.append(("title", "Taalmaatjes in elke wijk"))
            let saved = try await client.post("/beheer/items/taalmaatjes", as: bram, form: changed)
            #expect(saved.location == "/beheer/items/taalmaatjes?melding=review")
            #expect(try await environment.dependencies.store.item(slug: "taalmaatjes")?.content.status == .terReview)
            #expect(try await client.post("/beheer/items/taalmaatjes/status", as: bram, form: [("status", "gepubliceerd")]).status == .forbidden)
            #expect(try await client.post("/beheer/items/taalmaatjes/status", as: anna, form: [("status", "gepubliceerd")]).status == .seeOther)
        }
    }

    @Test("With vier ogen off, an editor publishes their own item")
    func fourEyesOff() async throws {
        try await TestApp.run { client, environment in
            try await environment.dependencies.settings.save(PlatformSettings(fourEyes: false))
            let anna = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            #expect(try await client.post("/beheer/items/taalmaatjes/status", as: anna, form: [("status", "gepubliceerd")]).status == .seeOther)
        }
    }

    @Test("A planned publication waits for its moment on the clock, then publishes once")
    func scheduledPublication() async throws {
        let clock = TestClock(TestApp.now)
        try await TestApp.run(clock: clock) { client, environment in
            let anna = try await environment.visitor(.redacteur), bram = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            let past = try await client.post("/beheer/items/taalmaatjes/planning", as: bram, form: [("moment", "2026-11-29T09:00")])
            #expect(past.status == .unprocessableContent)
            #expect(past.text.contains("Kies een datum en tijd in de toekomst."))
            // 2026-11-29 14:00 in Amsterdam is 13:00 UTC, three hours after the test's "now".
            let planned = try await client.post("/beheer/items/taalmaatjes/planning", as: bram, form: [("moment", "2026-11-29T14:00")])
            #expect(planned.status == .seeOther)
            #expect(try await client.get("/beheer/items/taalmaatjes", as: bram).text.contains("Gepland om te publiceren op zondag 29 november 2026, 14:00 uur"))
            #expect(try await environment.runDueJobs() == 0)
            clock.advance(by: 2 * 3600)
            #expect(try await environment.runDueJobs() == 0)
            #expect(try await client.get("/kennis/taalmaatjes").status == .notFound)
            clock.advance(by: 3600)
            #expect(try await environment.runDueJobs() == 1)
            #expect(try await client.get("/kennis/taalmaatjes").status == .ok)
            clock.advance(by: 3600)
            #expect(try await environment.runDueJobs() == 0)
            let published = try await environment.dependencies.audit.entries(AuditQuery(actions: [.published]))
            #expect(published.items.map(\.actor) == ["\(bram.account!.label) (gepland)"])
        }
    }

    @Test("A plan publishes only the version that was planned: a later change cancels it")
    func planCancelledByChange() async throws {
        let clock = TestClock(TestApp.now)
        try await TestApp.run(clock: clock) { client, environment in
            let anna = try await environment.visitor(.redacteur), bram = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            _ = try await client.post("/beheer/items/taalmaatjes/planning", as: bram, form: [("moment", "2026-11-29T14:00")])
            var changed = Self.form.filter { $0.0 != "body" }
            changed.append(("body", "Niet door Bram gezien."))
            #expect(try await client.post("/beheer/items/taalmaatjes", as: anna, form: changed).status == .seeOther)
            #expect(try await environment.dependencies.schedule.scheduled(slug: "taalmaatjes") == nil)
            clock.advance(by: 4 * 3600)
            #expect(try await environment.runDueJobs() == 0)
            #expect(try await client.get("/kennis/taalmaatjes").status == .notFound)
        }
    }

    @Test("A plan whose item changed without cancelling it (another instance, a script) is not carried out, and the log says why")
    func planRefusedAtRunTime() async throws {
        let clock = TestClock(TestApp.now)
        try await TestApp.run(clock: clock) { client, environment in
            let anna = try await environment.visitor(.redacteur), bram = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            _ = try await client.post("/beheer/items/taalmaatjes/planning", as: bram, form: [("moment", "2026-11-29T14:00")])
            let annaAsEditor = Editor(accountID: anna.account!.id, name: anna.account!.label)
            try await environment.dependencies.store.recordChange(slug: "taalmaatjes", fields: ["attachments"], by: annaAsEditor)
            clock.advance(by: 4 * 3600)
            #expect(try await environment.runDueJobs() == 1)
            #expect(try await client.get("/kennis/taalmaatjes").status == .notFound)
            let cancelled = try await environment.dependencies.audit.entries(AuditQuery(actions: [.publicationCancelled]))
            #expect(cancelled.items.first?.detail == "niet uitgevoerd: het item is na het plannen gewijzigd")
        }
    }

    @Test("Vier ogen holds for archived items too: a change sends them to review")
    func archivedChange() async throws {
        try await TestApp.run { client, environment in
            try await client.create(ItemFixture("taalmaatjes", ["status": .string("gearchiveerd")]))
            let anna = try await environment.visitor(.redacteur)
            let changed = Self.form.filter { $0.0 != "title" } + [("title", "Stiekem gewijzigd")]
            let saved = try await client.post("/beheer/items/taalmaatjes", as: anna, form: changed)
            #expect(saved.location == "/beheer/items/taalmaatjes?melding=review")
            #expect(try await environment.dependencies.store.item(slug: "taalmaatjes")?.content.status == .terReview)
            #expect(try await client.get("/kennis/taalmaatjes").status == .notFound)
        }
    }

    @Test("Through the API a person's token publishes someone else's item, but not their own change")
    func apiPublishing() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            let bram = try await environment.account([.redacteur])
            let (_, annaToken) = try await environment.dependencies.tokens.create(accountID: anna.account!.id, name: "a", at: TestApp.now)
            let (_, bramToken) = try await environment.dependencies.tokens.create(accountID: bram.id, name: "b", at: TestApp.now)
            let item = try await client.get("/api/v1/items/taalmaatjes", token: bramToken).json()
            guard case .object(var fields) = item else { Issue.record("not an object"); return }
            fields["status"] = .string("gepubliceerd")
            let body = try String(decoding: JSONEncoder().encode(JSONValue.object(fields)), as: UTF8.self)
            let own = try await client.send(.put, "/api/v1/items/taalmaatjes", json: body, headers: Headers.json + Headers.bearer(annaToken))
            #expect(own.status == .forbidden)
            #expect(own.contentType == "application/problem+json")
            let other = try await client.send(.put, "/api/v1/items/taalmaatjes", json: body, headers: Headers.json + Headers.bearer(bramToken))
            #expect(other.status == .ok)
            #expect(try other.json()["status"]?.string == "gepubliceerd")
        }
    }

    @Test("The last editor cannot plan the publication either")
    func scheduleFourEyes() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur)
            try await Self.createForReview(client, by: anna)
            let response = try await client.post("/beheer/items/taalmaatjes/planning", as: anna, form: [("moment", "2026-12-01T09:00")])
            #expect(response.status == .forbidden)
            #expect(try await environment.dependencies.schedule.scheduled(slug: "taalmaatjes") == nil)
        }
    }

    @Test("Every save is a revision; two revisions compare line by line, and an old one can be restored")
    func revisions() async throws {
        try await TestApp.run { client, environment in
            let anna = try await environment.visitor(.redacteur)
            _ = try await client.post("/beheer/items", as: anna, form: Self.form)
            var second = Self.form.filter { $0.0 != "body" && $0.0 != "title" }
            second += [("title", "Taalmaatjes in de buurt"), ("body", "## Aanpak\n\nTwee keer per week samen.")]
            let saved = try await client.post("/beheer/items/taalmaatjes", as: anna, form: second + [("revisie", "1")])
            #expect(saved.status == .seeOther)
            let stale = try await client.post("/beheer/items/taalmaatjes", as: anna, form: Self.form + [("revisie", "1")])
            #expect(stale.status == .conflict, "a save from an outdated form does not overwrite")
            let list = try await client.get("/beheer/items/taalmaatjes/versies", as: anna)
            #expect(list.text.contains("<td>Titel, Tekst</td>"))
            #expect(list.text.contains("<td>eerste versie</td>"))
            let diff = try await client.get("/beheer/items/taalmaatjes/versies/vergelijk?van=1&naar=2", as: anna)
            #expect(diff.status == .ok)
            #expect(diff.text.contains("<del class=\"diff-line\"><span aria-hidden=\"true\">−</span> Wekelijks een uur samen.</del>"))
            #expect(diff.text.contains("<ins class=\"diff-line\"><span aria-hidden=\"true\">+</span> Twee keer per week samen.</ins>"))
            #expect(diff.text.contains("<h2>Titel</h2>"))
            #expect(!diff.text.contains("<h2>Samenvatting</h2>"), "unchanged fields are left out")
            let restored = try await client.post("/beheer/items/taalmaatjes/versies/1/herstellen", as: anna, form: [("revisie", "2")])
            #expect(restored.status == .seeOther)
            let revisions = try await environment.dependencies.store.revisions(slug: "taalmaatjes")
            #expect(revisions.map(\.number) == [3, 2, 1])
            #expect(revisions.first?.content.title == "Taalmaatjes in de wijk")
            #expect(revisions.first?.editor.accountID == anna.account!.id)
        }
    }
}
