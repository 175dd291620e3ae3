import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import Synchronization
import Web

/// What a test can reach besides the HTTP client: the application's stores, the mails it sent, and
/// visitors signed in with given roles.
struct TestEnvironment: Sendable {
    let dependencies: AppDependencies
    let mailer: RecordingMailer
    let logger: Logger

    static let password = "een lang testwachtwoord"

    /// A new account with these roles and ``password``; the e-mail address is made from the roles unless given.
    func account(_ roles: Set<Role>, email: String? = nil, name: String? = nil) async throws -> Account {
        let address = email ?? "\(roles.sorted().map(\.rawValue).joined(separator: "-").ifEmpty("geen-rol"))-\(UUID().uuidString.prefix(6))@example.nl"
        return try await dependencies.accounts.create(
            email: address, name: name ?? "Test \(roles.sorted().map(\.rawValue).joined(separator: " "))", roles: roles,
            passwordHash: try await dependencies.hasher.hash(Self.password))
    }

    /// A browser signed in as a new account with these roles (the session is made directly, not through the form).
    func visitor(_ roles: Role...) async throws -> Visitor {
        try await visitor(for: try await account(Set(roles)))
    }

    func visitor(for account: Account) async throws -> Visitor {
        let id = SecretToken.make()
        let session = Session(accountID: account.id, csrfToken: SecretToken.make(), created: dependencies.clock.now(),
                              expires: dependencies.clock.now().addingTimeInterval(3600))
        try await dependencies.sessions.create(id: id, session: session)
        return Visitor(sessionID: id, csrf: session.csrfToken, account: account)
    }

    /// Runs the jobs that are due by the application's clock, as an instance's scheduler would.
    @discardableResult
    func runDueJobs() async throws -> Int {
        try await dependencies.jobRunner(worker: "test", logger: logger).runDueJobs()
    }
}

/// A browser: its session cookie (if signed in) and the CSRF token its forms carry.
struct Visitor: Sendable {
    var sessionID: String?
    var csrf: String?
    var account: Account?

    /// Not signed in; `csrf` is also sent as the pre-sign-in cookie, as the sign-in page sets it.
    static func anonymous(csrf: String? = "anoniem-csrf-token") -> Visitor {
        Visitor(sessionID: nil, csrf: csrf, account: nil)
    }

    /// Percent-encodes a form value as `application/x-www-form-urlencoded` needs it.
    static func encodeForm(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    var cookieHeader: HTTPFields {
        var cookies: [String] = []
        if let sessionID { cookies.append("kennis_sessie=\(sessionID)") }
        if sessionID == nil, let csrf { cookies.append("kennis_csrf=\(csrf)") }
        return cookies.isEmpty ? [:] : [.cookie: cookies.joined(separator: "; ")]
    }
}

extension TestClientProtocol {
    func get(_ uri: String, as visitor: Visitor) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: visitor.cookieHeader)
    }

    /// Posts a url-encoded form with the visitor's CSRF token (unless `csrf` says otherwise).
    func post(_ uri: String, as visitor: Visitor, form: [(String, String)] = [], csrf: String?? = nil) async throws -> TestResponse {
        let token = csrf ?? visitor.csrf
        let fields = (token.map { [("csrf", $0)] } ?? []) + form
        let body = fields.map { "\(Visitor.encodeForm($0.0))=\(Visitor.encodeForm($0.1))" }.joined(separator: "&")
        var headers = visitor.cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file, as a browser's upload does.
    func upload(_ uri: String, as visitor: Visitor, field: String = "bestand", filename: String, bytes: [UInt8], type: String)
        async throws -> TestResponse
    {
        let boundary = "----kennistest\(UUID().uuidString.prefix(8))"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(visitor.csrf ?? "")\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = visitor.cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

}

/// Keeps every mail instead of sending it, so a test can follow a password-reset link.
final class RecordingMailer: Mailer {
    private let sent = Mutex<[Mail]>([])

    func send(_ mail: Mail) async throws {
        sent.withLock { $0.append(mail) }
    }

    var mails: [Mail] { sent.withLock { $0 } }

    /// Waits up to two seconds for a mail to `address` (some are sent in the background) and returns its first link.
    func waitForLink(sentTo address: String) async throws -> String? {
        for _ in 0..<100 {
            if let link = link(sentTo: address) { return link }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// The first link in the last mail to `address`.
    func link(sentTo address: String) -> String? {
        guard let mail = mails.last(where: { $0.to == address }),
              let range = mail.body.range(of: #"https?://\S+"#, options: .regularExpression)
        else { return nil }
        return String(mail.body[range])
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

extension TestResponse {
    /// The `Location` of a redirect.
    var location: String? { headers[.location] }

    /// Every `Set-Cookie` value.
    var setCookies: [String] { headers[values: .setCookie] }
}
