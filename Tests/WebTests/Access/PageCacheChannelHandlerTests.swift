import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Prometheus
import Testing
@testable import Web

/// The event-loop fast path of the page cache: what it answers itself and what it leaves to Hummingbird.
@Suite("Page cache on the connection")
struct PageCacheChannelHandlerTests {
    static func channel(cached: [String: String]) throws -> EmbeddedChannel {
        let cache = PageCache()
        for (path, text) in cached {
            cache.store(.init(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .xCache: "hit"],
                              body: ByteBuffer(string: text), stored: .now), for: path, generation: cache.generation)
        }
        let handler = PageCacheChannelHandler(cache: cache, counters: PageCacheCounters(registry: PrometheusCollectorRegistry()))
        return EmbeddedChannel(handler: handler)
    }

    static func get(_ path: String, _ headers: HTTPFields = [:]) -> HTTPRequestPart {
        .head(HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: path, headerFields: headers))
    }

    @Test("An anonymous GET of a cached page is answered at once, with its headers and a request id")
    func answersHit() throws {
        let channel = try Self.channel(cached: ["/kennis/a": "pagina a"])
        try channel.writeInbound(Self.get("/kennis/a"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil, "nothing reaches Hummingbird")
        guard case .head(let response) = try channel.readOutbound(as: HTTPResponsePart.self) else { Issue.record("no head"); return }
        #expect(response.status == .ok)
        #expect(response.headerFields[.xCache] == "hit")
        #expect(response.headerFields[.contentLength] == "8")
        #expect(response.headerFields[.requestID] != nil)
        #expect(response.headerFields[.date]?.hasSuffix(" GMT") == true)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .body(ByteBuffer(string: "pagina a")))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))
    }

    @Test("Cookies, tokens, Connection: close, other methods and unknown pages go on to Hummingbird", arguments: [
        get("/kennis/a", [.cookie: "kennis_sessie=x"]), get("/kennis/a", [.authorization: "Bearer x"]),
        get("/kennis/a", [.connection: "close"]), get("/kennis/b"),
        .head(HTTPRequest(method: .post, scheme: nil, authority: "localhost", path: "/kennis/a")),
    ])
    func passesOn(request: HTTPRequestPart) throws {
        let channel = try Self.channel(cached: ["/kennis/a": "pagina a"])
        try channel.writeInbound(request)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == request)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
    }

    @Test("A pipelined request waits while an earlier one is with Hummingbird, so answers keep their order")
    func keepsOrder() throws {
        let channel = try Self.channel(cached: ["/kennis/a": "pagina a"])
        try channel.writeInbound(Self.get("/zoeken?q=x"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeInbound(Self.get("/kennis/a"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.get("/zoeken?q=x"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.get("/kennis/a"), "passed on, not answered early")
        // Once Hummingbird has finished its answers, the next cached request is answered directly again.
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        _ = try channel.readOutbound(as: HTTPResponsePart.self)
        _ = try channel.readOutbound(as: HTTPResponsePart.self)
        try channel.writeInbound(HTTPRequestPart.end(nil))
        _ = try channel.readInbound(as: HTTPRequestPart.self)
        try channel.writeInbound(Self.get("/kennis/a"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head = try channel.readOutbound(as: HTTPResponsePart.self) else { Issue.record("not answered"); return }
    }
}
