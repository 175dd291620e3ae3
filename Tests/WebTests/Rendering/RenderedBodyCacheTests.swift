import Domain
import Foundation
import Testing

@testable import Web

@Suite("Rendered body cache")
struct RenderedBodyCacheTests {
    func item(id: String = "1", updated: TimeInterval = 0, body: String = "Tekst") -> KnowledgeItem {
        let content = ItemContent(slug: "x", type: .artikel, title: "T", summary: "S", body: body, themes: ["participatie"],
                                  published: Day("2026-01-01")!)
        return KnowledgeItem(id: id, content: content, created: Date(timeIntervalSince1970: 0),
                             updated: Date(timeIntervalSince1970: updated))
    }

    @Test("the same version of an item is rendered once")
    func hit() {
        let cache = RenderedBodyCache()
        var renders = 0
        for _ in 1...3 { _ = cache.html(for: item()) { renders += 1; return "<p>Tekst</p>" } }
        #expect(renders == 1)
    }

    @Test("an updated item is rendered afresh")
    func update() {
        let cache = RenderedBodyCache()
        #expect(cache.html(for: item(updated: 1)) { "oud" } == "oud")
        #expect(cache.html(for: item(updated: 2)) { "nieuw" } == "nieuw")
    }

    @Test("the oldest entries go when the byte limit is reached")
    func bounded() {
        let cache = RenderedBodyCache(byteLimit: 10)
        for id in 1...5 { _ = cache.html(for: item(id: "\(id)")) { "1234" } }
        #expect(cache.count == 2)
        var rendered = false
        _ = cache.html(for: item(id: "5")) { rendered = true; return "1234" }
        #expect(!rendered)
        _ = cache.html(for: item(id: "1")) { rendered = true; return "1234" }
        #expect(rendered)
    }
}
