import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Web

extension AuthorizationTests {
    /// What the matrix needs to exist: an item with a PDF, another account, one signed-in visitor and one
    /// API token per role.
    struct Fixture: Sendable {
        let stylesheet: String
        let attachment: Domain.Attachment
        let target: Account
        let token: APIToken
        let accounts: [Role: Account]
        let visitors: [Role: Visitor]
        let secrets: [Role: String]

        static func make(_ client: any TestClientProtocol, _ environment: TestEnvironment) async throws -> Fixture {
            try await client.create(ItemFixture("bestaand"))
            let stylesheet = try #require(HTMLPage(try await client.get("/").text).stylesheetURL)
            let dependencies = environment.dependencies
            let hash = try await dependencies.files.put(MinimalPDF.document(lines: ["Bijlage"]))
            let attachment = try await dependencies.attachments.add(
                toItem: "bestaand", sha256: hash, filename: "bijlage.pdf", kind: .pdf, size: 100, by: .operator, at: TestApp.now)
            let target = try await environment.account([.professional], email: "doel@example.nl")
            let (token, _) = try await dependencies.tokens.create(accountID: target.id, name: "doel", at: TestApp.now)
            var accounts: [Role: Account] = [:], visitors: [Role: Visitor] = [:], secrets: [Role: String] = [:]
            for role in Role.allCases {
                let account = try await environment.account([role])
                accounts[role] = account
                visitors[role] = try await environment.visitor(for: account)
                secrets[role] = try await dependencies.tokens.create(accountID: account.id, name: "matrix", at: TestApp.now).secret
            }
            return Fixture(stylesheet: stylesheet, attachment: attachment, target: target, token: token, accounts: accounts,
                           visitors: visitors, secrets: secrets)
        }

        func resolve(_ path: String) -> String {
            path.replacingOccurrences(of: "{slug}", with: "bestaand").replacingOccurrences(of: "{stylesheet}", with: stylesheet)
                .replacingOccurrences(of: "{attachment}", with: attachment.id).replacingOccurrences(of: "{file}", with: "bijlage.pdf")
                .replacingOccurrences(of: "{account}", with: target.id).replacingOccurrences(of: "{token}", with: token.id)
        }

        /// The body an API write sends: a new item for POST, the existing one changed for PUT.
        static func apiBody(_ route: Route) -> ByteBuffer? {
            switch route.method {
            case .post: ByteBuffer(string: ItemFixture("nieuw-\(UUID().uuidString.prefix(8).lowercased())", ["status": .string("concept")]).json)
            case .put: ByteBuffer(string: ItemFixture("bestaand", ["title": .string("Gewijzigd")]).json)
            default: nil
            }
        }

        func call(_ route: Route, path: String, as caller: Caller, client: any TestClientProtocol) async throws -> TestResponse {
            if route.isAPI {
                var headers: HTTPFields = route.method == .get ? [:] : Headers.json
                switch caller {
                case .anonymous: break
                case .operator: headers[.authorization] = "Bearer \(TestApp.token)"
                default: headers[.authorization] = "Bearer \(secrets[caller.role!]!)"
                }
                return try await client.execute(uri: path, method: route.method, headers: headers, body: Self.apiBody(route))
            }
            let visitor = caller.role.flatMap { visitors[$0] } ?? .anonymous()
            return route.method == .get ? try await client.get(path, as: visitor) : try await client.post(path, as: visitor)
        }
    }
}
