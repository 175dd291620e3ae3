import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import Web

@Suite("Page cache")
struct PageCacheTests {
    static func page(_ text: String) -> PageCache.Page {
        PageCache.Page(status: .ok, headers: [:], body: ByteBuffer(string: text), stored: .now)
    }

    @Test("A page rendered while content changed is not kept")
    func staleRenderRefused() {
        let cache = PageCache()
        let generation = cache.generation
        cache.clear()
        cache.store(Self.page("oud"), for: "/", generation: generation)
        #expect(cache.page(for: "/") == nil)
        cache.store(Self.page("nieuw"), for: "/", generation: cache.generation)
        #expect(cache.page(for: "/").map { String(buffer: $0.body) } == "nieuw")
    }

    @Test("Nothing is served while changes from other instances cannot be heard")
    func untrustedServesNothing() {
        let cache = PageCache(trusted: false)
        cache.store(Self.page("x"), for: "/", generation: cache.generation)
        #expect(cache.page(for: "/") == nil)
        cache.setTrusted(true)
        cache.store(Self.page("x"), for: "/", generation: cache.generation)
        #expect(cache.page(for: "/") != nil)
        cache.setTrusted(false)
        #expect(cache.page(for: "/") == nil)
    }

    @Test("Pages expire after their lifetime")
    func lifetime() {
        let cache = PageCache(lifetime: .seconds(60))
        cache.store(Self.page("x"), for: "/", generation: cache.generation)
        #expect(cache.page(for: "/", now: .now + .seconds(59)) != nil)
        #expect(cache.page(for: "/", now: .now + .seconds(61)) == nil)
    }

    @Test("Only public pages of anonymous visitors are cached; search is not (each search is recorded)")
    func policy() {
        #expect(PageCachePolicy.isCacheable(path: "/"))
        #expect(PageCachePolicy.isCacheable(path: "/kennis/x"))
        #expect(PageCachePolicy.isCacheable(path: "/type/nieuws?pagina=2"))
        #expect(!PageCachePolicy.isCacheable(path: "/zoeken?q=x"))
        #expect(!PageCachePolicy.isCacheable(path: "/beheer"))
        #expect(!PageCachePolicy.isCacheable(path: "/inloggen"))
        #expect(!PageCachePolicy.isCacheable(path: "/api/v1/items"))
    }

    /// On PostgreSQL the cache serves only once this instance listens for other instances' changes.
    static func waitUntilListening(_ environment: TestEnvironment) async throws {
        for _ in 0..<100 where !environment.dependencies.pageCache.isTrusted {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(environment.dependencies.pageCache.isTrusted)
    }

    @Test("The second visit is served from memory, and a change through the API shows at once")
    func changeShowsAtOnce() async throws {
        try await TestApp.run { client, environment in
            try await Self.waitUntilListening(environment)
            try await client.create(ItemFixture("inburgering"))
            #expect(try await client.get("/kennis/inburgering").headers[.xCache] == "miss")
            let cached = try await client.get("/kennis/inburgering")
            #expect(cached.headers[.xCache] == "hit")
            #expect(cached.headers[.contentSecurityPolicy] != nil)
            #expect(try await client.get("/").headers[.xCache] == "miss")
            #expect(try await client.get("/").headers[.xCache] == "hit")

            let changed = ItemFixture("inburgering", ["title": .string("Een nieuwe titel")])
            let put = try await client.send(.put, "/api/v1/items/inburgering", json: changed.json)
            #expect(put.status == .ok)
            let after = try await client.get("/kennis/inburgering")
            #expect(after.headers[.xCache] == "miss")
            #expect(after.text.contains("Een nieuwe titel"))
            #expect(try await client.get("/").text.contains("Een nieuwe titel"))
        }
    }

    @Test("Signed-in staff and API callers always get a fresh page; previews are never kept")
    func staffNotCached() async throws {
        try await TestApp.run { client, environment in
            try await client.create(ItemFixture("inburgering"))
            let editor = try await environment.visitor(.redacteur)
            _ = try await client.get("/kennis/inburgering", as: editor)
            #expect(try await client.get("/kennis/inburgering", as: editor).headers[.xCache] == nil)
            #expect(try await client.get("/kennis/inburgering", token: TestApp.token).headers[.xCache] == nil)
            _ = try await client.get("/zoeken?q=inburgering")
            #expect(try await client.get("/zoeken?q=inburgering").headers[.xCache] == nil)
        }
    }

    @Test("A failed or refused write does not empty the cache")
    func failedWriteKeepsCache() async throws {
        try await TestApp.run { client, environment in
            try await Self.waitUntilListening(environment)
            try await client.create(ItemFixture("inburgering"))
            _ = try await client.get("/kennis/inburgering")
            let refused = try await client.send(.put, "/api/v1/items/inburgering", json: "{}")
            #expect(refused.status.code >= 400)
            #expect(try await client.get("/kennis/inburgering").headers[.xCache] == "hit")
        }
    }
}
