import Domain
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every API error is an RFC 9457 problem: `application/problem+json` with status, title, detail and instance.
@Suite("API problems")
struct APIProblemsTests {
    /// Checks the problem shape and returns the parsed body for further checks.
    @discardableResult
    static func expectProblem(_ response: TestResponse, _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> JSONValue
    {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.contentType == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try response.json()
        #expect(problem["status"]?.int == status.code, sourceLocation: sourceLocation)
        #expect(problem["title"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["detail"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["instance"]?.string != nil, sourceLocation: sourceLocation)
        #expect(problem["request_id"]?.string == response.headers[.xRequestID], "request_id is the request id", sourceLocation: sourceLocation)
        #expect(problem["instance"]?.string == response.headers[.xRequestID].map { "urn:kennis:request:\($0)" },
                "instance is a URI naming the request", sourceLocation: sourceLocation)
        return problem
    }

    /// A request body that is refused, and why.
    struct Refused: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let body: String
        var contentType = "application/json"
        let status: HTTPResponse.Status
        /// The `field`s of `errors`, in order.
        var fields: [String] = []
        /// Their JSON pointers into the body.
        var pointers: [String] = []
    }

    static let refusedBodies: [Refused] = [
        Refused(testDescription: "invalid JSON", body: "{\"slug\": ", status: .badRequest),
        Refused(testDescription: "a JSON array", body: "[\(ItemFixture("als-lijst").json)]", status: .badRequest),
        Refused(testDescription: "a JSON string", body: "\"tekst\"", status: .badRequest),
        Refused(testDescription: "an empty body", body: "", status: .badRequest),
        Refused(testDescription: "text/plain", body: ItemFixture("als-tekst").json, contentType: "text/plain", status: .unsupportedMediaType),
        Refused(testDescription: "an unknown theme", body: ItemFixture("onbekend-thema", ["themes": .array([.string("onbekend")])]).json,
                status: .unprocessableContent, fields: ["themes[0]"], pointers: ["#/themes/0"]),
        Refused(testDescription: "a 201-character title", body: ItemFixture("lang", ["title": .string(String(repeating: "t", count: 201))]).json,
                status: .unprocessableContent, fields: ["title"], pointers: ["#/title"]),
        Refused(testDescription: "a 601-character summary",
                body: ItemFixture("lang", ["summary": .string(String(repeating: "s", count: 601))]).json,
                status: .unprocessableContent, fields: ["summary"], pointers: ["#/summary"]),
        Refused(testDescription: "an unknown field", body: ItemFixture("veld", ["kleur": .string("rood")]).json,
                status: .unprocessableContent, fields: ["kleur"], pointers: ["#/kleur"]),
        Refused(testDescription: "a body over 4 MB",
                body: ItemFixture("groot", ["body": .string(String(repeating: "x", count: 4 * 1024 * 1024))]).json, status: .contentTooLarge),
    ]

    @Test("A refused body is a problem with the right status", arguments: refusedBodies)
    func refusedBody(_ refused: Refused) async throws {
        try await TestApp.run { client in
            let headers: HTTPFields = [.contentType: refused.contentType, .authorization: "Bearer \(TestApp.token)"]
            let response = try await client.send(.post, "/api/v1/items", json: refused.body, headers: headers)
            let problem = try Self.expectProblem(response, refused.status)
            #expect((problem["errors"]?.strings("field") ?? []) == refused.fields)
            #expect((problem["errors"]?.strings("pointer") ?? []) == refused.pointers)
            #expect(try await client.get("/api/v1/items").json()["total"]?.int == 0, "nothing was stored")
        }
    }

    @Test("Validation errors point into the body with JSON pointers")
    func pointers() async throws {
        try await TestApp.run { client in
            let item = ItemFixture("twee-fouten", [
                "themes": .array([.string("participatie"), .string("onbekend")]), "title": .string(String(repeating: "t", count: 201)),
            ])
            let problem = try Self.expectProblem(try await client.send(.post, "/api/v1/items", json: item.json), .unprocessableContent)
            let errors = try #require(problem["errors"]?.array)
            #expect(Set(errors.compactMap { $0["field"]?.string }) == ["themes[1]", "title"])
            #expect(Set(errors.compactMap { $0["pointer"]?.string }) == ["#/themes/1", "#/title"])
            #expect(errors.allSatisfy { $0["detail"]?.string?.isEmpty == false })
        }
    }

    @Test("The longest title and summary are accepted")
    func limits() async throws {
        try await TestApp.run { client in
            let item = ItemFixture("precies-lang", [
                "title": .string(String(repeating: "t", count: 200)), "summary": .string(String(repeating: "s", count: 600)),
            ])
            let response = try await client.send(.post, "/api/v1/items", json: item.json)
            #expect(response.status == .created)
        }
    }

    @Test("A second item with the same slug is 409")
    func duplicate() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("dubbel"))
            let response = try await client.send(.post, "/api/v1/items", json: ItemFixture("dubbel", type: "nieuws").json)
            try Self.expectProblem(response, .conflict)
            #expect(try await client.get("/api/v1/items/dubbel").json()["type"]?.string == "artikel")
        }
    }

    // MARK: Tokens

    @Test("A write without a token is 401 with a Bearer challenge")
    func missingToken() async throws {
        try await TestApp.run { client in
            let response = try await client.send(.post, "/api/v1/items", json: ItemFixture("zonder").json, headers: Headers.json)
            try Self.expectProblem(response, .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        }
    }

    @Test("A wrong or malformed Authorization header is 401, on reads as well", arguments: [
        "Bearer verkeerd", "Bearer test-token-extra", "Bearer ", "Basic dGVzdDp0ZXN0", "test-token",
    ])
    func wrongToken(header: String) async throws {
        try await TestApp.run { client in
            let headers: HTTPFields = [.contentType: "application/json", .authorization: header]
            let write = try await client.send(.post, "/api/v1/items", json: ItemFixture("fout").json, headers: headers)
            try Self.expectProblem(write, .unauthorized)
            #expect(write.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let read = try await client.execute(uri: "/api/v1/items", method: .get, headers: [.authorization: header])
            try Self.expectProblem(read, .unauthorized)
        }
    }

    @Test("Without KENNIS_ADMIN_TOKEN no token is accepted and writes are impossible")
    func noAdminToken() async throws {
        try await TestApp.run(adminToken: nil) { client in
            let withToken = try await client.send(.post, "/api/v1/items", json: ItemFixture("geen").json)
            try Self.expectProblem(withToken, .unauthorized)
            let withoutToken = try await client.send(.post, "/api/v1/items", json: ItemFixture("geen").json, headers: Headers.json)
            try Self.expectProblem(withoutToken, .unauthorized)
            try Self.expectProblem(try await client.get("/api/v1/items", token: TestApp.token), .unauthorized)
            #expect(try await client.get("/api/v1/items").json()["total"]?.int == 0)
        }
    }

    @Test("An empty KENNIS_ADMIN_TOKEN counts as none")
    func emptyAdminToken() async throws {
        try await TestApp.run(adminToken: "") { client in
            let response = try await client.send(.post, "/api/v1/items", json: ItemFixture("leeg").json, headers: Headers.json + Headers.bearer(""))
            try Self.expectProblem(response, .unauthorized)
        }
    }

    // MARK: The list's query

    @Test("Unknown parameters and values on the list are 400 naming the parameter", arguments: [
        ("q=taal", "q"), ("pagina=2", "pagina"), ("theme=onbekend", "theme"), ("type=Artikel", "type"), ("audience=kinderen", "audience"),
        ("knowledge=gevoel", "knowledge"), ("year=twintig", "year"), ("year=99", "year"), ("status=weg", "status"), ("page=0", "page"),
        ("page=x", "page"), ("per_page=0", "per_page"), ("per_page=101", "per_page"),
    ])
    func badQuery(query: String, parameter: String) async throws {
        try await TestApp.run { client in
            let problem = try Self.expectProblem(try await client.get("/api/v1/items?\(query)"), .badRequest)
            #expect(problem["errors"]?[0]?["parameter"]?.string == parameter)
            #expect(problem["errors"]?[0]?["pointer"] == nil)
        }
    }

    @Test("Filtering by status needs the token: 401 without, only that status with it")
    func statusFilter() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture("klad", ["status": .string("concept")]))
            try await client.create(ItemFixture("af"))
            let response = try await client.get("/api/v1/items?status=concept")
            try Self.expectProblem(response, .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let concepts = try await client.get("/api/v1/items?status=concept", token: TestApp.token).json()
            #expect(concepts["items"]?.strings("slug") == ["klad"])
            #expect(concepts["items"]?.strings("status") == ["concept"])
        }
    }

    // MARK: Unknown addresses

    @Test("Unknown API addresses and items are 404 problems, not HTML pages", arguments: [
        "/api/v1/nope", "/api/nope", "/api", "/api/v1", "/api/v1/items/bestaat-niet", "/api/v2/items",
    ])
    func notFound(path: String) async throws {
        try await TestApp.run { client in
            let response = try await client.get(path)
            try Self.expectProblem(response, .notFound)
            #expect(!response.text.contains("<html"))
        }
    }
}
