import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Web

@Suite("Signing in and out")
struct LoginTests {
    /// Signs in through the form as a browser does: fetch the page (and its CSRF cookie), then post.
    static func signIn(_ client: any TestClientProtocol, email: String, password: String = TestEnvironment.password,
                       forwardedFor: String? = nil) async throws -> TestResponse {
        let page = try await client.execute(uri: "/inloggen", method: .get)
        let csrf = try #require(HTMLPage(page.text).csrfToken)
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "kennis_csrf=\(csrf)"]
        if let forwardedFor { headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        let body = "csrf=\(csrf)&email=\(Visitor.encodeForm(email))&password=\(Visitor.encodeForm(password))&terug=%2Fbeheer%2Fitems"
        return try await client.execute(uri: "/inloggen", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        response.setCookies.first { $0.hasPrefix("kennis_sessie=") && !$0.hasPrefix("kennis_sessie=;") }
            .map { String($0.prefix { $0 != ";" }) }
    }

    @Test("The right password signs in: a new HttpOnly, SameSite=Lax session cookie and back to where the editor was going")
    func signsIn() async throws {
        try await TestApp.run { client, environment in
            let account = try await environment.account([.redacteur])
            let response = try await Self.signIn(client, email: account.email)
            #expect(response.status == .seeOther)
            #expect(response.location == "/beheer/items")
            let cookie = try #require(response.setCookies.first { $0.hasPrefix("kennis_sessie=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "plain http has no Secure cookies")
            let page = try await client.execute(uri: "/beheer", method: .get, headers: [.cookie: try #require(Self.sessionCookie(response))])
            #expect(page.status == .ok)
            #expect(page.text.contains("Welkom, \(account.name)"))
        }
    }

    @Test("Behind https the session cookie is Secure")
    func secureCookie() async throws {
        try await TestApp.run(baseURL: "https://kennis.example.nl") { client, environment in
            let account = try await environment.account([.redacteur])
            let cookie = try #require(try await Self.signIn(client, email: account.email).setCookies.first { $0.hasPrefix("kennis_sessie=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("Signing in replaces the session id: the id the browser had before no longer works")
    func rotatesSessionID() async throws {
        try await TestApp.run { client, environment in
            let before = try await environment.visitor(.professional)
            let editor = try await environment.account([.redacteur])
            // Signed in already, the sign-in page redirects; the form post carries the session's token.
            let response = try await client.post("/inloggen", as: before, form: [("email", editor.email), ("password", TestEnvironment.password)])
            #expect(response.status == .seeOther)
            let after = try #require(Self.sessionCookie(response))
            #expect(after != "kennis_sessie=\(before.sessionID!)")
            let old = try await client.get("/beheer", as: before)
            #expect(old.status == .found && old.location?.hasPrefix("/inloggen") == true)
            #expect(try await client.execute(uri: "/beheer/items", method: .get, headers: [.cookie: after]).status == .ok)
        }
    }

    @Test("A wrong password or unknown address gets the same Dutch message and no session")
    func refuses() async throws {
        try await TestApp.run { client, environment in
            let account = try await environment.account([.redacteur])
            for (email, password) in [(account.email, "verkeerd wachtwoord"), ("niemand@example.nl", TestEnvironment.password)] {
                let response = try await Self.signIn(client, email: email, password: password)
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Het e-mailadres of het wachtwoord klopt niet."))
                #expect(Self.sessionCookie(response) == nil)
            }
            let audit = try await environment.dependencies.audit.entries(AuditQuery(actions: [.loginFailed]))
            #expect(audit.total == 2)
        }
    }

    @Test("Five failures for one account make it wait a quarter of an hour, even with the right password")
    func throttlesPerAccount() async throws {
        let clock = TestClock(TestApp.now)
        try await TestApp.run(clock: clock) { client, environment in
            let account = try await environment.account([.redacteur])
            for _ in 1...5 { _ = try await Self.signIn(client, email: account.email, password: "fout fout fout fout") }
            let refused = try await Self.signIn(client, email: account.email)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw"))
            #expect(refused.headers[.retryAfter] == "900")
            clock.advance(by: 15 * 60 + 1)
            #expect(try await Self.signIn(client, email: account.email).status == .seeOther)
        }
    }

    @Test("Twenty failures from one address block that address for every account")
    func throttlesPerAddress() async throws {
        try await TestApp.run(trustForwardedFor: true) { client, environment in
            let account = try await environment.account([.redacteur])
            for attempt in 1...20 {
                _ = try await Self.signIn(client, email: "raden\(attempt)@example.nl", password: "fout fout fout", forwardedFor: "203.0.113.7")
            }
            #expect(try await Self.signIn(client, email: account.email, forwardedFor: "203.0.113.7").status == .tooManyRequests)
            #expect(try await Self.signIn(client, email: account.email, forwardedFor: "198.51.100.4").status == .seeOther)
        }
    }

    @Test("Signing out ends the session on the server, not only in the browser")
    func signsOut() async throws {
        try await TestApp.run { client, environment in
            let visitor = try await environment.visitor(.redacteur)
            let response = try await client.post("/uitloggen", as: visitor)
            #expect(response.status == .seeOther)
            #expect(response.setCookies.contains { $0.hasPrefix("kennis_sessie=;") && $0.contains("Max-Age=0") })
            #expect(try await client.get("/beheer", as: visitor).status == .found)
        }
    }

    @Test("A deactivated account's session stops working at once")
    func deactivation() async throws {
        try await TestApp.run { client, environment in
            let visitor = try await environment.visitor(.redacteur)
            try await environment.dependencies.accounts.setActive(false, accountID: visitor.account!.id)
            #expect(try await client.get("/beheer", as: visitor).status == .found)
            #expect(try await Self.signIn(client, email: visitor.account!.email).status == .unprocessableContent)
        }
    }
}

@Suite("Cross-site request forgery")
struct CSRFTests {
    @Test("A form post without the session's token is refused with 403 and changes nothing", arguments: [nil, "verkeerd"] as [String?])
    func refused(_ token: String?) async throws {
        try await TestApp.run { client, environment in
            let editor = try await environment.visitor(.redacteur)
            let response = try await client.post("/beheer/items", as: editor, form: [
                ("title", "Ongewenst"), ("slug", "ongewenst"), ("type", "artikel"), ("summary", "x"), ("body", "x"),
                ("themes", "participatie"), ("published", "2026-11-29"),
            ], csrf: .some(token))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Dit formulier is verlopen of kwam niet van deze website."))
            #expect(try await environment.dependencies.store.item(slug: "ongewenst") == nil)
        }
    }

    @Test("The sign-in form needs the token of its own cookie")
    func signInForm() async throws {
        try await TestApp.run { client, environment in
            let account = try await environment.account([.redacteur])
            let response = try await client.execute(
                uri: "/inloggen", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "kennis_csrf=a"],
                body: ByteBuffer(string: "csrf=b&email=\(Visitor.encodeForm(account.email))&password=\(Visitor.encodeForm(TestEnvironment.password))"))
            #expect(response.status == .forbidden)
            #expect(LoginTests.sessionCookie(response) == nil)
        }
    }

    @Test("Visitors of public pages get no cookie; only the sign-in page sets its CSRF cookie")
    func noVisitorCookies() async throws {
        try await TestApp.run { client in
            for path in ["/", "/zoeken?q=taal", "/agenda"] {
                #expect(try await client.get(path).setCookies.isEmpty, "\(path)")
            }
            let login = try await client.get("/inloggen")
            #expect(login.setCookies.count == 1)
            #expect(login.setCookies.first?.contains("SameSite=Strict") == true)
        }
    }
}
