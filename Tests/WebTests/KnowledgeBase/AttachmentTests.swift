import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Web

@Suite("Attachments")
struct AttachmentTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24)

    /// An editor and the item `bestaand` (published) to attach files to. Vier ogen is off: these tests are
    /// about the files; ``fourEyes()`` is about the review an attachment needs.
    static func editor(_ client: any TestClientProtocol, _ environment: TestEnvironment) async throws -> Visitor {
        try await environment.dependencies.settings.save(PlatformSettings(fourEyes: false))
        try await client.create(ItemFixture("bestaand"))
        return try await environment.visitor(.redacteur)
    }

    @Test("Vier ogen: an attachment added to a public item sends it back to review, and its uploader cannot publish it")
    func fourEyes() async throws {
        try await TestApp.run { client, environment in
            try await client.create(ItemFixture("bestaand"))
            let anna = try await environment.visitor(.redacteur), bram = try await environment.visitor(.redacteur)
            let upload = try await client.upload("/beheer/items/bestaand/bijlagen", as: anna, filename: "foto.png", bytes: Self.png,
                                                 type: "image/png")
            #expect(upload.status == .seeOther)
            #expect(try await environment.dependencies.store.item(slug: "bestaand")?.content.status == .terReview)
            #expect(try await client.get("/kennis/bestaand").status == .notFound)
            #expect(try await client.post("/beheer/items/bestaand/status", as: anna, form: [("status", "gepubliceerd")]).status == .forbidden)
            #expect(try await client.post("/beheer/items/bestaand/status", as: bram, form: [("status", "gepubliceerd")]).status == .seeOther)
            #expect(try await environment.dependencies.store.revisions(slug: "bestaand").contains { $0.changedFields == ["attachments"] })
        }
    }

    @Test("Text in a PDF, read in the background, is found by search — on the site and in the API")
    func pdfTextIsSearchable() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            Issue.record("pdftotext is missing: install poppler-utils (scripts/test.sh does)")
            return
        }
        try await TestApp.run { client, environment in
            let editor = try await Self.editor(client, environment)
            #expect(try await client.get("/api/v1/search?q=zwaluwstaartverbinding").json()["total"]?.int == 0)
            let pdf = MinimalPDF.document(lines: ["Verslag van de pilot", "De zwaluwstaartverbinding hield het hele jaar."])
            let upload = try await client.upload("/beheer/items/bestaand/bijlagen", as: editor, filename: "verslag pilot.pdf",
                                                 bytes: pdf, type: "application/pdf")
            #expect(upload.status == .seeOther)
            #expect(try await environment.dependencies.attachments.attachments(ofItem: "bestaand").first?.textStatus == .pending)
            #expect(try await environment.runDueJobs() == 1)
            let attachment = try #require(try await environment.dependencies.attachments.attachments(ofItem: "bestaand").first)
            #expect(attachment.textStatus == .done)
            let api = try await client.get("/api/v1/search?q=zwaluwstaartverbinding").json()
            #expect(api["results"]?.strings("slug") == ["bestaand"])
            let page = try await client.get("/zoeken?q=zwaluwstaartverbinding")
            #expect(page.text.contains("href=\"/kennis/bestaand\""))
            // Removing the attachment removes its words from the index.
            #expect(try await client.post("/beheer/items/bestaand/bijlagen/\(attachment.id)/verwijderen", as: editor).status == .seeOther)
            #expect(try await client.get("/api/v1/search?q=zwaluwstaartverbinding").json()["total"]?.int == 0)
        }
    }

    @Test("A download has its type, name and caching headers, and is counted")
    func download() async throws {
        try await TestApp.run { client, environment in
            let editor = try await Self.editor(client, environment)
            _ = try await client.upload("/beheer/items/bestaand/bijlagen", as: editor, filename: "Cijfers één.csv",
                                        bytes: Array("gemeente;aantal\nUtrecht;12\n".utf8), type: "text/csv")
            let attachment = try #require(try await environment.dependencies.attachments.attachments(ofItem: "bestaand").first)
            let item = try await client.get("/kennis/bestaand")
            #expect(item.text.contains("Cijfers één.csv</a> <span class=\"meta\">(CSV-bestand, 1 kB)</span>"))
            let url = "/bijlagen/\(attachment.id)/Cijfers%20%C3%A9%C3%A9n.csv"
            #expect(item.text.contains("href=\"\(url)\""))
            let response = try await client.get(url)
            #expect(response.status == .ok)
            #expect(response.contentType == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"Cijfers __n.csv\"; filename*=UTF-8''Cijfers%20%C3%A9%C3%A9n.csv")
            #expect(response.headers[.cacheControl] == "public, max-age=3600")
            #expect(response.headers[.eTag] == "\"\(attachment.sha256)\"")
            #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true, "a document cannot run scripts on this site")
            #expect(response.text == "gemeente;aantal\nUtrecht;12\n")
            _ = try await client.get(url)
            #expect(try await environment.dependencies.attachments.attachment(id: attachment.id)?.downloads == 2)
        }
    }

    @Test("An attachment of an item that is not public is not served to visitors")
    func draftAttachment() async throws {
        try await TestApp.run { client, environment in
            try await client.create(ItemFixture("geheim", ["status": .string("concept")]))
            let editor = try await environment.visitor(.redacteur)
            _ = try await client.upload("/beheer/items/geheim/bijlagen", as: editor, filename: "plaatje.png", bytes: Self.png, type: "image/png")
            let attachment = try #require(try await environment.dependencies.attachments.attachments(ofItem: "geheim").first)
            let url = "/bijlagen/\(attachment.id)/plaatje.png"
            #expect(try await client.get(url).status == .notFound)
            let staff = try await client.get(url, as: editor)
            #expect(staff.status == .ok)
            #expect(staff.headers[.cacheControl] == "private, no-store")
        }
    }

    @Test("A file over the limit is refused with 413 and a Dutch message next to the field")
    func tooLarge() async throws {
        try await TestApp.run(uploadLimit: 100) { client, environment in
            let editor = try await Self.editor(client, environment)
            let response = try await client.upload("/beheer/items/bestaand/bijlagen", as: editor, filename: "groot.png",
                                                   bytes: Self.png + Array(repeating: 1, count: 200), type: "image/png")
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("id=\"bestand-fout\">‘groot.png’ is 1 kB; bijlagen mogen hoogstens 1 kB zijn."))
            #expect(try await environment.dependencies.attachments.attachments(ofItem: "bestaand").isEmpty)
        }
    }

    @Test("A body far over the limit is refused before it is read, with 413")
    func farTooLarge() async throws {
        try await TestApp.run(uploadLimit: 100) { client, environment in
            let editor = try await Self.editor(client, environment)
            let response = try await client.upload("/beheer/items/bestaand/bijlagen", as: editor, filename: "enorm.pdf",
                                                   bytes: Array(repeating: 0x25, count: 2 * 1024 * 1024), type: "application/pdf")
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("Het bestand is te groot: bijlagen mogen hoogstens"))
        }
    }

    @Test("A file whose content is not an allowed kind, or does not match its name, is refused with 415",
          arguments: [
              ("script.exe", Array("MZ\u{90}binary".utf8), "Dit soort bestand kan niet worden toegevoegd."),
              ("foto.pdf", png, "De inhoud is een PNG-afbeelding, maar de bestandsnaam eindigt op .pdf."),
              ("pagina.csv", Array("<html>\u{0}</html>".utf8), "Dit soort bestand kan niet worden toegevoegd."),
          ])
    func wrongType(_ filename: String, _ bytes: [UInt8], _ message: String) async throws {
        try await TestApp.run { client, environment in
            let editor = try await Self.editor(client, environment)
            let response = try await client.upload("/beheer/items/bestaand/bijlagen", as: editor, filename: filename, bytes: bytes,
                                                   type: "application/pdf")
            #expect(response.status == .unsupportedMediaType)
            #expect(response.text.contains(message))
            #expect(response.text.contains("aria-invalid=\"true\""))
            #expect(try await environment.dependencies.attachments.attachments(ofItem: "bestaand").isEmpty)
        }
    }

    @Test("The same file attached twice is stored once, by its SHA-256")
    func contentAddressed() async throws {
        try await TestApp.run { client, environment in
            let editor = try await Self.editor(client, environment)
            for name in ["a.png", "b.png"] {
                _ = try await client.upload("/beheer/items/bestaand/bijlagen", as: editor, filename: name, bytes: Self.png, type: "image/png")
            }
            let attachments = try await environment.dependencies.attachments.attachments(ofItem: "bestaand")
            #expect(attachments.count == 2)
            #expect(Set(attachments.map(\.sha256)).count == 1)
            #expect(try await environment.dependencies.files.get(attachments[0].sha256) == Self.png)
        }
    }
}
