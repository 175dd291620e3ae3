import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Web

/// Who may call what: every route of the router, against anonymous visitors, each role, and the operator
/// token on the API. A route that is not in ``routes`` fails ``everyRouteHasARule``.
@Suite("Authorization of every route")
struct AuthorizationTests {
    enum Rule: Sendable {
        case everyone
        case signedIn
        case roles(Set<Role>)
    }

    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        /// Placeholders: `{slug}` an existing item, `{attachment}`/`{file}` its PDF, `{account}` another
        /// account, `{token}` an API token, `{stylesheet}` the versioned stylesheet.
        let path: String
        let rule: Rule

        init(_ method: HTTPRequest.Method, _ path: String, _ rule: Rule) {
            (self.method, self.path, self.rule) = (method, path, rule)
        }

        var testDescription: String { "\(method) \(path)" }
        var isAPI: Bool { path.hasPrefix("/api/") }
    }

    static let editors: Rule = .roles([.redacteur])
    static let administrators: Rule = .roles([.beheerder])

    static let routes: [Route] = [
        Route(.get, "/", .everyone), Route(.get, "/thema", .everyone), Route(.get, "/thema/participatie", .everyone),
        Route(.get, "/type/artikel", .everyone), Route(.get, "/agenda", .everyone), Route(.get, "/kennis/{slug}", .everyone),
        Route(.get, "/toegankelijkheid", .everyone), Route(.get, "/privacy", .everyone),
        Route(.get, "/zoeken?q=titel", .everyone), Route(.get, "{stylesheet}", .everyone), Route(.get, "/healthz", .everyone),
        Route(.get, "/metrics", .everyone), Route(.get, "/api/openapi.json", .everyone),
        Route(.get, "/bijlagen/{attachment}/{file}", .everyone),
        Route(.get, "/inloggen", .everyone), Route(.post, "/inloggen", .everyone),
        Route(.get, "/wachtwoord-vergeten", .everyone), Route(.post, "/wachtwoord-vergeten", .everyone),
        Route(.get, "/wachtwoord-herstellen?token=x", .everyone), Route(.post, "/wachtwoord-herstellen", .everyone),
        Route(.post, "/uitloggen", .signedIn),
        Route(.get, "/api/v1/items", .everyone), Route(.get, "/api/v1/items/{slug}", .everyone),
        Route(.get, "/api/v1/taxonomies", .everyone), Route(.get, "/api/v1/search?q=titel", .everyone),
        Route(.get, "/api/v1/suggest?q=tit", .everyone),
        Route(.post, "/api/v1/items", editors), Route(.put, "/api/v1/items/{slug}", editors),
        Route(.delete, "/api/v1/items/{slug}", editors),
        Route(.get, "/beheer", .signedIn), Route(.get, "/beheer/account", .signedIn),
        Route(.post, "/beheer/account/wachtwoord", .signedIn), Route(.post, "/beheer/account/tokens", .signedIn),
        Route(.post, "/beheer/account/tokens/{token}/intrekken", .signedIn),
        Route(.get, "/beheer/items", editors), Route(.get, "/beheer/review", editors), Route(.get, "/beheer/items/nieuw", editors),
        Route(.post, "/beheer/items", editors), Route(.get, "/beheer/items/{slug}", editors), Route(.post, "/beheer/items/{slug}", editors),
        Route(.post, "/beheer/items/{slug}/status", editors), Route(.post, "/beheer/items/{slug}/planning", editors),
        Route(.post, "/beheer/items/{slug}/planning/annuleren", editors), Route(.post, "/beheer/items/{slug}/verwijderen", editors),
        Route(.get, "/beheer/items/{slug}/voorbeeld", editors), Route(.post, "/beheer/items/{slug}/bijlagen", editors),
        Route(.post, "/beheer/items/{slug}/bijlagen/{attachment}/verwijderen", editors),
        Route(.get, "/beheer/items/{slug}/versies", editors), Route(.get, "/beheer/items/{slug}/versies/vergelijk?van=1&naar=1", editors),
        Route(.post, "/beheer/items/{slug}/versies/1/herstellen", editors),
        Route(.get, "/beheer/gebruikers", administrators), Route(.post, "/beheer/gebruikers", administrators),
        Route(.get, "/beheer/gebruikers/{account}", administrators), Route(.post, "/beheer/gebruikers/{account}", administrators),
        Route(.get, "/beheer/taxonomie", administrators), Route(.post, "/beheer/taxonomie/thema", administrators),
        Route(.post, "/beheer/taxonomie/term", administrators), Route(.post, "/beheer/taxonomie/hernoemen", administrators),
        Route(.get, "/beheer/synoniemen", administrators), Route(.post, "/beheer/synoniemen", administrators),
        Route(.post, "/beheer/synoniemen/verwijderen", administrators),
        Route(.get, "/beheer/instellingen", administrators), Route(.post, "/beheer/instellingen", administrators),
        Route(.get, "/beheer/audit", administrators),
    ]

    /// Who calls: nobody, one person per role, and on the API the operator token.
    enum Caller: String, Sendable, CaseIterable {
        case anonymous, beheerder, redacteur, netwerkbeheerder, panellid, monitor, professional, `operator`

        var role: Role? { Role(rawValue: rawValue) }
    }

    static func allows(_ rule: Rule, _ caller: Caller) -> Bool {
        switch (rule, caller) {
        case (.everyone, _): true
        case (.signedIn, .operator), (_, .anonymous): false
        case (.roles, .operator): true
        case (.signedIn, _): true
        case (.roles(let roles), _): caller.role.map(roles.contains) ?? false
        }
    }

    /// The router's routes, as `METHOD /path` with Hummingbird's `{parameter}` notation.
    static func routerRoutes(_ environment: TestEnvironment) async throws -> Set<String> {
        let router = try await buildRouter(ServerConfiguration(), environment.dependencies)
        return Set(router.routes.map { "\($0.method) \($0.path)" })
    }

    /// The table's routes in the router's notation (placeholders as `{…}`, no query).
    static var tableRoutes: Set<String> {
        let names = ["{slug}": "{slug}", "{attachment}": "{id}", "{file}": "{filename}", "{account}": "{id}", "{token}": "{id}"]
        return Set(routes.filter { $0.path != "{stylesheet}" }.map { route in
            var path = String(route.path.prefix { $0 != "?" })
            for (placeholder, name) in names { path = path.replacingOccurrences(of: placeholder, with: name) }
            path = path.replacingOccurrences(of: "/versies/1/", with: "/versies/{number}/")
                .replacingOccurrences(of: "/thema/participatie", with: "/thema/{slug}").replacingOccurrences(of: "/type/artikel", with: "/type/{type}")
            if route.path == "/beheer/items/{slug}/bijlagen/{attachment}/verwijderen" { path = "/beheer/items/{slug}/bijlagen/{id}/verwijderen" }
            return "\(route.method) \(path)"
        })
    }

    @Test("Every route of the router has a row in the table, and every row a route")
    func everyRouteHasARule() async throws {
        try await TestApp.run { _, environment in
            let routes = try await Self.routerRoutes(environment).filter { !$0.hasPrefix("GET /kennis.") && !$0.contains(".css") }
            #expect(routes.subtracting(Self.tableRoutes).sorted() == [], "routes without a rule in the table")
            #expect(Self.tableRoutes.subtracting(routes).sorted() == [], "rows without a route")
        }
    }

    @Test("Each route lets in exactly the callers its rule allows", arguments: routes)
    func route(_ route: Route) async throws {
        try await TestApp.run { client, environment in
            let fixture = try await Fixture.make(client, environment)
            let path = fixture.resolve(route.path)
            for caller in Caller.allCases where caller != .operator || route.isAPI {
                let response = try await fixture.call(route, path: path, as: caller, client: client)
                let allowed = Self.allows(route.rule, caller)
                let refused = response.status == .unauthorized || response.status == .forbidden
                    || (response.status == .found && response.location?.hasPrefix("/inloggen") == true)
                #expect(refused != allowed, "\(caller): \(response.status) \(response.location ?? "")")
                if !allowed, caller == .anonymous {
                    // Browsers are sent to sign in; scripts are told to bring a token; form posts are refused outright.
                    let expected: HTTPResponse.Status = route.isAPI ? .unauthorized : route.method == .get ? .found : .forbidden
                    #expect(response.status == expected, "anonymous")
                }
            }
        }
    }

    @Test("A wrong or revoked token is refused on every API route, reads included",
          arguments: routes.filter { $0.path.hasPrefix("/api/v1/") })
    func wrongToken(_ route: Route) async throws {
        try await TestApp.run { client, environment in
            let fixture = try await Fixture.make(client, environment)
            let (token, secret) = try await environment.dependencies.tokens.create(
                accountID: fixture.accounts[.redacteur]!.id, name: "weg", at: TestApp.now)
            try await environment.dependencies.tokens.revoke(id: token.id, accountID: token.accountID, at: TestApp.now)
            for bearer in ["verkeerd", secret, "kp_verzonnen"] {
                let response = try await client.execute(
                    uri: fixture.resolve(route.path), method: route.method, headers: Headers.json + Headers.bearer(bearer),
                    body: Fixture.apiBody(route))
                #expect(response.status == .unauthorized, "\(bearer)")
                #expect(response.contentType == "application/problem+json")
            }
            #expect(try await client.get("/api/v1/items/bestaand").json()["title"]?.string == "Titel van bestaand")
        }
    }
}
