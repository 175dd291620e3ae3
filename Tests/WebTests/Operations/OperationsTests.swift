import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Operations: health, metrics and headers on every response")
struct OperationsTests {
    @Test("/healthz reports the service and its database as ok, uncached")
    func health() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            #expect(response.contentType == "application/json")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.text == #"{"status":"ok","database":"ok"}"#)
        }
    }

    /// The sample lines of one metric, e.g. `kennis_http_requests_total{route="/",method="GET",status="2xx"} 1`.
    static func samples(_ metrics: String, of name: String) -> [String] {
        metrics.split(separator: "\n").map(String.init).filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }
    }

    @Test("/metrics counts requests by route pattern, method and status class, never by concrete address")
    func metrics() async throws {
        try await TestApp.run { client, environment in
            try await PageCacheTests.waitUntilListening(environment)
            try await client.create(ItemFixture("taalcafe-werkt"))
            _ = try await client.get("/kennis/taalcafe-werkt")
            _ = try await client.get("/kennis/taalcafe-werkt")
            _ = try await client.get("/kennis/bestaat-niet")
            _ = try await client.get("/api/v1/items/taalcafe-werkt")
            _ = try await client.get("/nergens-te-vinden")

            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.contentType?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.text
            #expect(text.contains("# TYPE kennis_http_requests_total counter"))
            let requests = Self.samples(text, of: "kennis_http_requests_total")
            let itemPage = requests.filter { $0.contains(#"route="/kennis/{slug}""#) }
            // The second visit came from the page cache, which answers before routing and has its own counters.
            #expect(itemPage.contains { $0.contains(#"method="GET""#) && $0.contains(#"status="2xx""#) && $0.hasSuffix(" 1") })
            #expect(Self.samples(text, of: "kennis_page_cache_hits_total") == ["kennis_page_cache_hits_total 1"])
            #expect(itemPage.contains { $0.contains(#"status="4xx""#) && $0.hasSuffix(" 1") })
            #expect(requests.contains { $0.contains(#"route="/api/v1/items/{slug}""#) && $0.contains(#"status="2xx""#) })
            #expect(requests.contains { $0.contains(#"route="/api/v1/items""#) && $0.contains(#"method="POST""#) && $0.contains(#"status="2xx""#) })
            for concrete in ["taalcafe-werkt", "bestaat-niet", "nergens-te-vinden"] {
                #expect(!text.contains(concrete), "\(concrete) must not be a label")
            }
            #expect(!Self.samples(text, of: "kennis_http_request_duration_seconds_bucket").isEmpty)
        }
    }

    /// Requests that together meet every kind of response: pages, errors, problems, assets and operations.
    struct Call: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        var headers: HTTPFields = [:]
        var body: String?
        var testDescription: String { "\(method) \(path)\(body == nil ? "" : " with a body")" }
    }

    static let calls: [Call] = [
        Call(method: .get, path: "/"),
        Call(method: .get, path: "/kennis/taalcafe-werkt"),
        Call(method: .get, path: "/kennis/bestaat-niet"),
        Call(method: .get, path: "/nope"),
        Call(method: .get, path: "/type/artikel?pagina=0"),
        Call(method: .get, path: "/healthz"),
        Call(method: .get, path: "/metrics"),
        Call(method: .get, path: "/api/openapi.json"),
        Call(method: .get, path: "/api/v1/items"),
        Call(method: .get, path: "/api/v1/items?onbekend=1"),
        Call(method: .get, path: "/api/v1/items/bestaat-niet"),
        Call(method: .get, path: "/api/v1/nope"),
        Call(method: .get, path: "/api/v1/items", headers: Headers.bearer("verkeerd")),
        Call(method: .post, path: "/api/v1/items", headers: Headers.json, body: ItemFixture("zonder-token").json),
        Call(method: .post, path: "/api/v1/items", headers: Headers.operatorJSON, body: "{"),
        Call(method: .post, path: "/api/v1/items", headers: Headers.operatorJSON, body: ItemFixture("taalcafe-werkt").json),
        Call(method: .post, path: "/api/v1/items", headers: Headers.operatorJSON,
             body: ItemFixture("groot", ["body": .string(String(repeating: "x", count: 1_100_000))]).json),
        Call(method: .delete, path: "/api/v1/items/taalcafe-werkt", headers: Headers.bearer()),
    ]

    @Test("Every response, errors included, carries a request id and the security headers", arguments: calls)
    func headers(_ call: Call) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("taalcafe-werkt"))
            let response = try await client.execute(
                uri: call.path, method: call.method, headers: call.headers, body: call.body.map { ByteBuffer(string: $0) })
            #expect(response.headers[.xRequestID]?.isEmpty == false)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("script-src"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
        }
    }

    @Test("Each request gets its own id")
    func distinctRequestIDs() async throws {
        try await TestApp.run { client in
            var ids: Set<String> = []
            for path in ["/", "/", "/nope", "/api/v1/nope"] {
                ids.insert(try #require(try await client.get(path).headers[.xRequestID]))
            }
            #expect(ids.count == 4)
        }
    }

    @Test("HEAD is answered like GET, without a body (RFC 9110: servers must support GET and HEAD)", arguments: [
        "/", "/kennis/taalcafe-werkt", "/healthz", "/api/v1/items", "/api/openapi.json",
    ])
    func head(path: String) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("taalcafe-werkt"))
            let get = try await client.get(path)
            let head = try await client.execute(uri: path, method: .head)
            try #require(head.status == get.status)
            #expect(head.contentType == get.contentType)
            #expect(head.body.readableBytes == 0)
        }
    }
}
