import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// `/api/openapi.json` describes the API as it is: every operation it lists exists and answers as documented,
/// and every API route is listed.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// One documented operation: `GET /api/v1/items/{slug}` and what the document says about it.
    struct Operation {
        let method: HTTPRequest.Method
        /// As documented, with `{slug}` placeholders and the server prefix applied.
        let path: String
        let description: JSONValue

        /// A token is required when security is declared without the empty alternative `{}` (token optional).
        var isSecured: Bool {
            let requirements = description["security"]?.array ?? []
            return !requirements.isEmpty && !requirements.contains { $0.object?.isEmpty == true }
        }
        var documentedStatuses: Set<Int> { Set((description["responses"]?.object ?? [:]).keys.compactMap { Int($0) }) }

        func contentTypes(for status: Int) -> Set<String> {
            Set(description["responses"]?["\(status)"]?["content"]?.object?.keys.map { $0 } ?? [])
        }
    }

    static func fetchDocument(_ client: some TestClientProtocol) async throws -> JSONValue {
        try await client.get("/api/openapi.json").json()
    }

    static func operations(in document: JSONValue) -> [Operation] {
        let prefix = String((document["servers"]?[0]?["url"]?.string ?? "").reversed().drop { $0 == "/" }.reversed())
        return (document["paths"]?.object ?? [:]).sorted { $0.key < $1.key }.flatMap { path, item in
            (item.object ?? [:]).compactMap { method, description -> Operation? in
                guard ["get", "post", "put", "delete", "patch"].contains(method) else { return nil }
                return Operation(method: HTTPRequest.Method(method.uppercased())!, path: prefix + path, description: description)
            }
        }
    }

    static let slug = "gedocumenteerd"

    /// A request that should succeed: an existing slug, a valid body for writes.
    static func successfulRequest(for operation: Operation) -> (uri: String, body: ByteBuffer?) {
        let uri = operation.path.replacingOccurrences(of: "{slug}", with: slug)
        switch operation.method {
        case .post: return (uri, ByteBuffer(string: ItemFixture("nieuw-via-openapi").json))
        case .put: return (uri, ByteBuffer(string: ItemFixture(slug, ["title": .string("Vervangen")]).json))
        default: return (uri, nil)
        }
    }

    @Test("It is served as JSON and is an OpenAPI 3.1 document")
    func served() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/api/openapi.json")
            #expect(response.status == .ok)
            #expect(response.contentType?.hasPrefix("application/json") == true)
            let document = try response.json()
            #expect(document["openapi"]?.string?.hasPrefix("3.1") == true)
            #expect(document["info"]?["title"]?.string?.isEmpty == false)
            #expect(document["info"]?["version"]?.string?.isEmpty == false)
            #expect(!Self.operations(in: document).isEmpty, "the document lists operations")
        }
    }

    @Test("Every documented operation exists and answers a valid request with a documented success")
    func documentedOperationsExist() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture(Self.slug))
            let operations = Self.operations(in: try await Self.fetchDocument(client))
            try #require(!operations.isEmpty, "the document lists no operations")
            // Deletes last, so the other operations still find the item.
            for operation in operations.sorted(by: { ($0.method == .delete ? 1 : 0) < ($1.method == .delete ? 1 : 0) }) {
                let (uri, body) = Self.successfulRequest(for: operation)
                let response = try await client.execute(
                    uri: uri, method: operation.method, headers: Headers.operatorJSON, body: body)
                let name = "\(operation.method) \(operation.path)"
                #expect(response.status != .notFound && response.status != .methodNotAllowed, "\(name) is not routed")
                #expect((200..<300).contains(response.status.code), "\(name) answered \(response.status): \(response.text)")
                #expect(operation.documentedStatuses.contains(response.status.code), "\(name): \(response.status.code) is not documented")
                if response.status != .noContent {
                    #expect(operation.contentTypes(for: response.status.code).contains(response.contentType ?? ""), "\(name)")
                }
            }
        }
    }

    @Test("Documented operations need the token exactly when they declare security")
    func documentedSecurity() async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture(Self.slug))
            let operations = Self.operations(in: try await Self.fetchDocument(client))
            try #require(!operations.isEmpty)
            for operation in operations {
                let (uri, body) = Self.successfulRequest(for: operation)
                let response = try await client.execute(uri: uri, method: operation.method, headers: Headers.json, body: body)
                let name = "\(operation.method) \(operation.path)"
                if operation.isSecured {
                    #expect(response.status == .unauthorized, "\(name) declares security")
                    #expect(operation.documentedStatuses.contains(401), "\(name) documents its 401")
                } else {
                    #expect(response.status.code < 300, "\(name) declares no security but answered \(response.status)")
                }
            }
        }
    }

    /// The routes the API controller registers.
    static let apiRoutes: [String] = [
        "GET /api/v1/items", "POST /api/v1/items", "GET /api/v1/items/{slug}", "PUT /api/v1/items/{slug}",
        "DELETE /api/v1/items/{slug}", "GET /api/v1/taxonomies", "GET /api/v1/search", "GET /api/v1/suggest",
    ]

    @Test("Every API route is documented", arguments: apiRoutes)
    func routeDocumented(route: String) async throws {
        try await TestApp.run { client in
            let documented = Self.operations(in: try await Self.fetchDocument(client)).map { "\($0.method) \($0.path)" }
            #expect(documented.contains(route))
        }
    }

    @Test("The list's documented query parameters are exactly the ones it accepts")
    func listParameters() async throws {
        try await TestApp.run { client in
            let document = try await Self.fetchDocument(client)
            let list = try #require(Self.operations(in: document).first { $0.method == .get && $0.path == "/api/v1/items" })
            let names = (list.description["parameters"]?.array ?? []).filter { $0["in"]?.string == "query" }.compactMap { $0["name"]?.string }
            #expect(Set(names) == ItemListParameters.known)
        }
    }

    @Test("The item schemas list the exchange fields and the read-only timestamps")
    func itemSchemas() async throws {
        try await TestApp.run { client in
            let schemas = try #require(try await Self.fetchDocument(client)["components"]?["schemas"])
            let fields = Set(ExchangeFormat.fieldNames).union(ExchangeFormat.readOnlyFields)
            #expect(Set(schemas["Item"]?["properties"]?.object?.keys.map { $0 } ?? []) == fields)
            #expect(Set(schemas["ItemInput"]?["properties"]?.object?.keys.map { $0 } ?? []) == fields)
            let problemFields = Set(schemas["Problem"]?["required"]?.strings() ?? [])
            #expect(problemFields.isSuperset(of: ["status", "title", "detail", "instance"]))
        }
    }

    /// A request that provokes one error of one operation.
    struct Provocation: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let testDescription: String
        let uri: String
        var headers: HTTPFields = Headers.operatorJSON
        var body: String?
        let status: HTTPResponse.Status
    }

    static let provocations: [Provocation] = [
        Provocation(method: .get, path: "/api/v1/items", testDescription: "list with an unknown parameter", uri: "/api/v1/items?q=x",
                    status: .badRequest),
        Provocation(method: .get, path: "/api/v1/items", testDescription: "list by status without token",
                    uri: "/api/v1/items?status=concept", headers: [:], status: .unauthorized),
        Provocation(method: .post, path: "/api/v1/items", testDescription: "create without token", uri: "/api/v1/items",
                    headers: Headers.json, body: ItemFixture("x").json, status: .unauthorized),
        Provocation(method: .post, path: "/api/v1/items", testDescription: "create from invalid JSON", uri: "/api/v1/items", body: "{",
                    status: .badRequest),
        Provocation(method: .post, path: "/api/v1/items", testDescription: "create from text/plain", uri: "/api/v1/items",
                    headers: [.contentType: "text/plain"] + Headers.bearer(), body: ItemFixture("x").json, status: .unsupportedMediaType),
        Provocation(method: .post, path: "/api/v1/items", testDescription: "create with a taken slug", uri: "/api/v1/items",
                    body: ItemFixture(slug).json, status: .conflict),
        Provocation(method: .post, path: "/api/v1/items", testDescription: "create with an unknown theme", uri: "/api/v1/items",
                    body: ItemFixture("x", ["themes": .array([.string("onbekend")])]).json, status: .unprocessableContent),
        Provocation(method: .post, path: "/api/v1/items", testDescription: "create from a body over 4 MB", uri: "/api/v1/items",
                    body: ItemFixture("x", ["body": .string(String(repeating: "x", count: 4_200_000))]).json, status: .contentTooLarge),
        Provocation(method: .get, path: "/api/v1/items/{slug}", testDescription: "get an unknown item", uri: "/api/v1/items/onbekend",
                    status: .notFound),
        Provocation(method: .get, path: "/api/v1/items/{slug}", testDescription: "get with a wrong token", uri: "/api/v1/items/\(slug)",
                    headers: Headers.bearer("verkeerd"), status: .unauthorized),
        Provocation(method: .put, path: "/api/v1/items/{slug}", testDescription: "replace an unknown item", uri: "/api/v1/items/onbekend",
                    body: ItemFixture("onbekend").json, status: .notFound),
        Provocation(method: .put, path: "/api/v1/items/{slug}", testDescription: "replace under another slug", uri: "/api/v1/items/\(slug)",
                    body: ItemFixture("ander").json, status: .unprocessableContent),
        Provocation(method: .delete, path: "/api/v1/items/{slug}", testDescription: "delete an unknown item", uri: "/api/v1/items/onbekend",
                    status: .notFound),
        Provocation(method: .delete, path: "/api/v1/items/{slug}", testDescription: "delete without token", uri: "/api/v1/items/\(slug)",
                    headers: [:], status: .unauthorized),
        Provocation(method: .get, path: "/api/v1/taxonomies", testDescription: "taxonomies with a wrong token", uri: "/api/v1/taxonomies",
                    headers: Headers.bearer("verkeerd"), status: .unauthorized),
    ]

    @Test("Every error an operation answers is documented for it, with its content type", arguments: provocations)
    func documentedErrors(_ provocation: Provocation) async throws {
        try await TestApp.run { client in
            try await client.create(ItemFixture(Self.slug))
            let response = try await client.execute(
                uri: provocation.uri, method: provocation.method, headers: provocation.headers,
                body: provocation.body.map { ByteBuffer(string: $0) })
            #expect(response.status == provocation.status)
            let operation = try #require(Self.operations(in: try await Self.fetchDocument(client)).first {
                $0.method == provocation.method && $0.path == provocation.path
            })
            #expect(operation.documentedStatuses.contains(response.status.code), "\(response.status.code) is not documented")
            #expect(operation.contentTypes(for: response.status.code).contains(response.contentType ?? ""))
        }
    }
}
