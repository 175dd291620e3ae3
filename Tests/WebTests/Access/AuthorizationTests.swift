import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Who may call what: one row per route, anonymous and with the operator's token.
@Suite("Authorization of every route")
struct AuthorizationTests {
    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        /// `{slug}` is an existing item; `{stylesheet}` the versioned stylesheet address.
        let path: String
        let anonymous: HTTPResponse.Status
        let `operator`: HTTPResponse.Status

        var testDescription: String { "\(method) \(path)" }
        var isWrite: Bool { method != .get }
    }

    static let routes: [Route] = [
        Route(method: .get, path: "/", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/thema", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/thema/participatie", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/type/artikel", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/agenda", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/kennis/{slug}", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/zoeken?q=titel", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "{stylesheet}", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/healthz", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/metrics", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/api/openapi.json", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/api/v1/items", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/api/v1/items/{slug}", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/api/v1/taxonomies", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/api/v1/search?q=titel", anonymous: .ok, operator: .ok),
        Route(method: .get, path: "/api/v1/suggest?q=tit", anonymous: .ok, operator: .ok),
        Route(method: .post, path: "/api/v1/items", anonymous: .unauthorized, operator: .created),
        Route(method: .put, path: "/api/v1/items/{slug}", anonymous: .unauthorized, operator: .ok),
        Route(method: .delete, path: "/api/v1/items/{slug}", anonymous: .unauthorized, operator: .noContent),
    ]

    static let slug = "bestaand"

    /// The body a write sends: a new item for POST, the existing one changed for PUT.
    static func body(for route: Route) -> ByteBuffer? {
        switch route.method {
        case .post: ByteBuffer(string: ItemFixture("nieuw").json)
        case .put: ByteBuffer(string: ItemFixture(slug, ["title": .string("Gewijzigd")]).json)
        default: nil
        }
    }

    @Test("Each route answers anonymous callers and the operator as the table says", arguments: routes)
    func route(_ route: Route) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture(Self.slug))
            let stylesheet = try #require(HTMLPage(try await client.get("/").text).stylesheetURL)
            let path = route.path.replacingOccurrences(of: "{slug}", with: Self.slug)
                .replacingOccurrences(of: "{stylesheet}", with: stylesheet)

            let anonymous = try await client.execute(
                uri: path, method: route.method, headers: route.isWrite ? Headers.json : [:], body: Self.body(for: route))
            #expect(anonymous.status == route.anonymous, "anonymous")
            if route.anonymous == .unauthorized {
                #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                // A refused write changes nothing.
                let items = try await client.get("/api/v1/items").json()
                #expect(items["items"]?.strings("slug") == [Self.slug])
                #expect(items["items"]?[0]?["title"]?.string == "Titel van \(Self.slug)")
            }

            let withToken = try await client.execute(
                uri: path, method: route.method, headers: route.isWrite ? Headers.operatorJSON : Headers.bearer(),
                body: Self.body(for: route))
            #expect(withToken.status == route.operator, "operator")
        }
    }

    @Test("A wrong token is refused on every API route, reads included", arguments: routes.filter { $0.path.hasPrefix("/api/v1/") })
    func wrongToken(_ route: Route) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture(Self.slug))
            let path = route.path.replacingOccurrences(of: "{slug}", with: Self.slug)
            let response = try await client.execute(
                uri: path, method: route.method, headers: Headers.json + Headers.bearer("verkeerd"), body: Self.body(for: route))
            #expect(response.status == .unauthorized)
            #expect(response.contentType == "application/problem+json")
            #expect(try await client.get("/api/v1/items/\(Self.slug)").json()["title"]?.string == "Titel van \(Self.slug)")
        }
    }
}
