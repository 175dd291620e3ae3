import Testing
@testable import Web

@Suite("Language in the address")
struct LanguagePathsTests {
    @Test("The prefix names the language and is taken off for the router")
    func split() {
        #expect(LanguagePaths.split("/en")! == (.en, "/"))
        #expect(LanguagePaths.split("/en/")! == (.en, "/"))
        #expect(LanguagePaths.split("/en/zoeken?q=fiets")! == (.en, "/zoeken?q=fiets"))
        #expect(LanguagePaths.split("/en?pagina=2")! == (.en, "/?pagina=2"))
        #expect(LanguagePaths.split("/nl/thema")! == (.nl, "/thema"))
        #expect(LanguagePaths.split("/english") == nil)
        #expect(LanguagePaths.split("/thema") == nil)
    }

    @Test("English pages link to English pages, except shared files and explicit language links")
    func links() {
        let html = #"<a href="/thema">x</a><form action="/zoeken"><a href="/static/k.css"><a href="/nl/thema"><a href="https://x.nl/"><img src="/a.png"><a href="/api/v1/items">"#
        let english = LanguagePaths.localizeLinks(in: html, to: .en)
        #expect(english == #"<a href="/en/thema">x</a><form action="/en/zoeken"><a href="/static/k.css"><a href="/nl/thema"><a href="https://x.nl/"><img src="/a.png"><a href="/api/v1/items">"#)
        #expect(LanguagePaths.localizeLinks(in: html, to: .nl) == html)
        #expect(LanguagePaths.localize("/beheer?melding=opgeslagen", to: .en) == "/en/beheer?melding=opgeslagen")
        #expect(LanguagePaths.localize("//evil.example/", to: .en) == "//evil.example/")
    }
}
