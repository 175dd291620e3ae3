import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import Web

/// The English site is the Dutch site under `/en`: same routes, English words, and it stays English.
@Suite("English pages")
struct EnglishPagesTests {
    @Test("The home page in English: lang, menu, links that stay under /en, and a link back to Dutch")
    func home() async throws {
        try await TestApp.run { client in
            let page = try await client.get("/en/").text
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains(">Themes</a>"))
            #expect(page.contains("href=\"/en/thema\""))
            #expect(page.contains("href=\"/nl/\" hreflang=\"nl\""))
            #expect(!page.contains(">Thema&#39;s</a>"))
            // The stylesheet is shared, not duplicated under /en.
            #expect(page.contains("href=\"/static/kennis."))
        }
    }

    @Test("Form errors on an English staff page are English, with the field's English name")
    func formErrors() async throws {
        try await TestApp.run { client, environment in
            let editor = try await environment.visitor(.redacteur)
            let response = try await client.post("/en/beheer/items", as: editor, form: [("title", ""), ("summary", "")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Title "))
            #expect(!response.text.contains("verplicht"))
            let dutch = try await client.post("/beheer/items", as: editor, form: [("title", ""), ("summary", "")])
            #expect(dutch.text.contains("Titel "))
        }
    }

    @Test("A redirect from an English page leads to an English page")
    func redirectStaysEnglish() async throws {
        try await TestApp.run { client, environment in
            let editor = try await environment.visitor(.redacteur)
            let response = try await client.post("/en/uitloggen", as: editor)
            #expect(response.headers[.location]?.hasPrefix("/en/") == true)
        }
    }

    @Test("A refusal on an English page gives its reason in English")
    func refusalInEnglish() async throws {
        try await TestApp.run { client, environment in
            let monitor = try await environment.visitor(.monitor)
            let response = try await client.get("/en/beheer/items", as: monitor)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Your roles do not give access to this page"))
            #expect(try await client.get("/beheer/items", as: monitor).text.contains("Uw rollen geven geen toegang"))
        }
    }
}
