import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Web

@Suite("A new password by e-mail")
struct PasswordResetTests {
    static func requestLink(_ client: any TestClientProtocol, email: String) async throws -> TestResponse {
        let visitor = Visitor.anonymous()
        return try await client.post("/wachtwoord-vergeten", as: visitor, form: [("email", email)])
    }

    @Test("The link sets a new password once; the old password and the link stop working")
    func resets() async throws {
        try await TestApp.run { client, environment in
            let account = try await environment.account([.redacteur])
            let answer = try await Self.requestLink(client, email: account.email.uppercased())
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Als dit e-mailadres bij ons bekend is"))
            let link = try #require(try await environment.mailer.waitForLink(sentTo: account.email))
            let path = String(link.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
            #expect(try await client.get(path).status == .ok)
            let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
            let form = [("token", token), ("password", "mijn nieuwe wachtwoordzin"), ("repeat", "mijn nieuwe wachtwoordzin")]
            let done = try await client.post("/wachtwoord-herstellen", as: .anonymous(), form: form)
            #expect(done.status == .seeOther)
            #expect(done.location == "/inloggen?gewijzigd=1")
            #expect(try await LoginTests.signIn(client, email: account.email, password: "mijn nieuwe wachtwoordzin").status == .seeOther)
            #expect(try await LoginTests.signIn(client, email: account.email).status == .unprocessableContent)
            let again = try await client.post("/wachtwoord-herstellen", as: .anonymous(), form: form)
            #expect(again.status == .notFound)
            #expect(again.text.contains("Deze link is niet (meer) geldig"))
        }
    }

    @Test("An unknown address gets the same answer and no mail")
    func unknownAddress() async throws {
        try await TestApp.run { client, environment in
            let answer = try await Self.requestLink(client, email: "niemand@example.nl")
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Als dit e-mailadres bij ons bekend is"))
            try await Task.sleep(for: .milliseconds(300))
            #expect(environment.mailer.mails.isEmpty)
        }
    }

    @Test("One address gets at most five reset mails per quarter of an hour; the answer does not change")
    func throttled() async throws {
        try await TestApp.run { client, environment in
            let account = try await environment.account([.redacteur])
            for _ in 1...7 {
                let answer = try await Self.requestLink(client, email: account.email)
                #expect(answer.text.contains("Als dit e-mailadres bij ons bekend is"))
            }
            _ = try await environment.mailer.waitForLink(sentTo: account.email)
            try await Task.sleep(for: .milliseconds(300))
            #expect(environment.mailer.mails.count == 5)
        }
    }

    @Test("A link older than an hour no longer works")
    func expires() async throws {
        let clock = TestClock(TestApp.now)
        try await TestApp.run(clock: clock) { client, environment in
            let account = try await environment.account([.redacteur])
            _ = try await Self.requestLink(client, email: account.email)
            let link = try #require(try await environment.mailer.waitForLink(sentTo: account.email))
            clock.advance(by: 3601)
            let page = try await client.get(String(link.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }))
            #expect(page.status == .notFound)
        }
    }

    @Test("A short or unrepeated password is shown next to its field, in Dutch")
    func weakPassword() async throws {
        try await TestApp.run { client, environment in
            let account = try await environment.account([.redacteur])
            _ = try await Self.requestLink(client, email: account.email)
            let link = try #require(try await environment.mailer.waitForLink(sentTo: account.email))
            let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
            let short = try await client.post("/wachtwoord-herstellen", as: .anonymous(),
                                              form: [("token", token), ("password", "kort"), ("repeat", "kort")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("id=\"password-fout\">Het wachtwoord is te kort (minstens 12 tekens)"))
            #expect(short.text.contains("aria-describedby=\"password-fout\""))
        }
    }
}
