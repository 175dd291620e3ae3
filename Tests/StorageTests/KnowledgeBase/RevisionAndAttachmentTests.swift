import Domain
import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

@Suite("Revisions, attachments and planned publications in SQL")
struct RevisionAndAttachmentTests {
    static let anna = Editor(accountID: "anna", name: "Anna")

    @Test("create and update each record a revision with the changed fields; an unchanged save records nothing")
    func revisions() async throws {
        try await withTestDatabase { database in
            let store = SQLKnowledgeStore(database: database)
            _ = try await store.create(content("taalcafe"), by: Self.anna)
            var changed = content("taalcafe")
            changed.title = "Nieuwe titel"
            _ = try await store.update(slug: "taalcafe", with: changed, by: .operator, expectedRevision: 1)
            _ = try await store.update(slug: "taalcafe", with: changed, by: .operator, expectedRevision: 2)
            let revisions = try await store.revisions(slug: "taalcafe")
            #expect(revisions.map(\.number) == [2, 1])
            #expect(revisions[0].changedFields == ["title"])
            #expect(revisions[0].content == changed)
            #expect(revisions[1].editor == Self.anna)
            await #expect(throws: DomainError.self) {
                try await store.update(slug: "taalcafe", with: content("taalcafe"), by: .operator, expectedRevision: 1)
            }
        }
    }

    @Test("an imported item gets its stored version as revision 1 at its first save")
    func importedBase() async throws {
        try await withTestDatabase { database in
            let store = SQLKnowledgeStore(database: database)
            _ = try await store.upsert([content("oud")], progress: nil)
            #expect(try await store.revisions(slug: "oud").isEmpty)
            var changed = content("oud")
            changed.summary = "Beter samengevat."
            _ = try await store.update(slug: "oud", with: changed, by: Self.anna, expectedRevision: 0)
            let revisions = try await store.revisions(slug: "oud")
            #expect(revisions.map(\.number) == [2, 1])
            #expect(revisions[1].editor.name == "import" && revisions[1].content == content("oud"))
            #expect(revisions[0].changedFields == ["summary"])
        }
    }

    @Test("the ter-review status is stored on both databases")
    func reviewStatus() async throws {
        try await withTestDatabase { database in
            let store = SQLKnowledgeStore(database: database)
            _ = try await store.create(content("review", status: .terReview), by: Self.anna)
            #expect(try await store.item(slug: "review")?.content.status == .terReview)
        }
    }

    @Test("an attachment's text joins the item's search document, and leaves it when removed")
    func attachmentText() async throws {
        try await withTestDatabase { database in
            let store = SQLKnowledgeStore(database: database), attachments = SQLAttachmentStore(database: database)
            let index = SQLSearchIndex(database: database)
            _ = try await store.create(content("rapport"), by: Self.anna)
            let attachment = try await attachments.add(toItem: "rapport", sha256: String(repeating: "a", count: 64), filename: "r.pdf",
                                                       kind: .pdf, size: 10, by: Self.anna, at: Date())
            #expect(attachment.textStatus == .pending)
            try await attachments.setText("De kapstokregeling geldt.", attachmentID: attachment.id)
            let taxonomy = try await store.taxonomy()
            #expect(try await index.search(SearchRequest(text: "kapstokregeling"), taxonomy: taxonomy).total == 1)
            // Updating the item keeps the attachment's words in the index.
            var changed = content("rapport")
            changed.title = "Ander rapport"
            _ = try await store.update(slug: "rapport", with: changed)
            #expect(try await index.search(SearchRequest(text: "kapstokregeling"), taxonomy: taxonomy).total == 1)
            try await attachments.remove(id: attachment.id)
            #expect(try await index.search(SearchRequest(text: "kapstokregeling"), taxonomy: taxonomy).total == 0)
            #expect(try await attachments.attachments(ofItem: "rapport").isEmpty)
        }
    }

    @Test("a planned publication is one open job per item; planning again replaces it, cancelling removes it")
    func schedule() async throws {
        try await withTestDatabase { database in
            let schedule = SQLPublicationSchedule(database: database)
            let moment = Date(timeIntervalSince1970: 1_800_000_000)
            try await schedule.schedule(ScheduledPublication(slug: "a", at: moment, by: Self.anna, revision: 1))
            try await schedule.schedule(ScheduledPublication(slug: "a", at: moment.addingTimeInterval(60), by: Self.anna, revision: 1))
            try await schedule.schedule(ScheduledPublication(slug: "b", at: moment, by: Self.anna, revision: 1))
            #expect(try await schedule.scheduled(slug: "a")?.at == moment.addingTimeInterval(60))
            try await schedule.cancel(slug: "a")
            #expect(try await schedule.scheduled(slug: "a") == nil)
            #expect(try await schedule.scheduled(slug: "b")?.by == Self.anna)
        }
    }

    @Test("taxonomy terms are added at the end and renamed; a taken slug is a conflict")
    func taxonomy() async throws {
        try await withTestDatabase { database in
            let taxonomies = SQLTaxonomyStore(database: database), store = SQLKnowledgeStore(database: database)
            try await taxonomies.addTheme(Theme(slug: "wonen", name: "Wonen", description: "Huisvesting.", parent: nil))
            try await taxonomies.addTerm(Term(slug: "werkgevers-mkb", name: "Werkgevers in het mkb"), to: .audiences)
            try await taxonomies.renameTerm(slug: "werkgevers-mkb", in: .audiences, name: "Mkb-werkgevers")
            let taxonomy = try await store.taxonomy()
            #expect(taxonomy.themes.last?.slug == "wonen")
            #expect(taxonomy.audiences.last == Term(slug: "werkgevers-mkb", name: "Mkb-werkgevers"))
            await #expect(throws: DomainError.conflict("'wonen' is already in use")) {
                try await taxonomies.addTheme(Theme(slug: "wonen", name: "Dubbel", description: "", parent: nil))
            }
            await #expect(throws: DomainError.notFound("no theme 'bestaat-niet'")) {
                try await taxonomies.addTheme(Theme(slug: "kind", name: "Kind", description: "", parent: "bestaat-niet"))
            }
        }
    }
}
