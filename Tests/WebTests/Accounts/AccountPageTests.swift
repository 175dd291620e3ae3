import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import Web

@Suite("One's own account: password and API tokens")
struct AccountPageTests {
    @Test("A token is shown once, works with its owner's roles, and stops working when revoked")
    func tokens() async throws {
        try await TestApp.run { client, environment in
            let editor = try await environment.visitor(.redacteur)
            let made = try await client.post("/beheer/account/tokens", as: editor, form: [("name", "importscript")])
            #expect(made.status == .ok)
            let secret = try #require(made.text.range(of: #"kp_[A-Za-z0-9_-]{43}"#, options: .regularExpression).map { String(made.text[$0]) })
            let again = try await client.get("/beheer/account", as: editor)
            #expect(!again.text.contains(secret), "shown once")
            #expect(again.text.contains("Trek importscript in"))
            #expect(!again.text.contains("ingetrokken op"))
            let created = try await client.send(.post, "/api/v1/items", json: ItemFixture("via-token", ["status": .string("concept")]).json,
                                                headers: Headers.json + Headers.bearer(secret))
            #expect(created.status == .created)
            let token = try #require(try await environment.dependencies.tokens.tokens(accountID: editor.account!.id).first)
            #expect(try await client.post("/beheer/account/tokens/\(token.id)/intrekken", as: editor).status == .seeOther)
            #expect(try await client.get("/beheer/account", as: editor).text.contains("ingetrokken op"))
            #expect(try await client.get("/api/v1/items", token: secret).status == .unauthorized)
            let audit = try await environment.dependencies.audit.entries(AuditQuery(actions: [.tokenRevoked]))
            #expect(audit.items.first?.subject == "importscript")
        }
    }

    @Test("Another person's token cannot be revoked")
    func othersToken() async throws {
        try await TestApp.run { client, environment in
            let owner = try await environment.account([.redacteur])
            let (token, secret) = try await environment.dependencies.tokens.create(accountID: owner.id, name: "van een ander", at: TestApp.now)
            let other = try await environment.visitor(.redacteur)
            #expect(try await client.post("/beheer/account/tokens/\(token.id)/intrekken", as: other).status == .notFound)
            #expect(try await client.get("/api/v1/items", token: secret).status == .ok)
        }
    }

    @Test("Changing the password needs the current one, and signs out everywhere")
    func changePassword() async throws {
        try await TestApp.run { client, environment in
            let editor = try await environment.visitor(.redacteur)
            let wrong = try await client.post("/beheer/account/wachtwoord", as: editor, form: [
                ("current", "niet mijn wachtwoord"), ("password", "een nieuw lang wachtwoord"), ("repeat", "een nieuw lang wachtwoord"),
            ])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("id=\"current-fout\">Het huidige wachtwoord klopt niet."))
            let changed = try await client.post("/beheer/account/wachtwoord", as: editor, form: [
                ("current", TestEnvironment.password), ("password", "een nieuw lang wachtwoord"), ("repeat", "een nieuw lang wachtwoord"),
            ])
            #expect(changed.location == "/inloggen?gewijzigd=1")
            #expect(try await client.get("/beheer", as: editor).status == .found)
            #expect(try await LoginTests.signIn(client, email: editor.account!.email, password: "een nieuw lang wachtwoord").status == .seeOther)
        }
    }

    @Test("An administrator invites a person, who chooses a password through the mailed link")
    func invite() async throws {
        try await TestApp.run { client, environment in
            let admin = try await environment.visitor(.beheerder)
            let invalid = try await client.post("/beheer/gebruikers", as: admin, form: [("name", "Nieuw"), ("email", "geen-adres")])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("E-mailadres is geen e-mailadres zoals naam@example.nl"))
            #expect(invalid.text.contains("Kies minstens één rol."))
            let invited = try await client.post("/beheer/gebruikers", as: admin, form: [
                ("name", "Noor Nieuw"), ("email", "Noor@Example.nl"), ("roles", "redacteur"), ("roles", "monitor"),
            ])
            #expect(invited.location == "/beheer/gebruikers?melding=gebruiker")
            let link = try #require(environment.mailer.link(sentTo: "noor@example.nl"))
            #expect(link.contains("/wachtwoord-herstellen?token="))
            let account = try #require(try await environment.dependencies.accounts.account(email: "noor@example.nl"))
            #expect(account.roles == [.redacteur, .monitor])
            let audit = try await environment.dependencies.audit.entries(AuditQuery(actions: [.accountCreated]))
            #expect(audit.items.first?.actor == admin.account!.label)
        }
    }

    @Test("Role changes are audited; an administrator cannot take their own administrator role away")
    func roles() async throws {
        try await TestApp.run { client, environment in
            let admin = try await environment.visitor(.beheerder)
            let other = try await environment.account([.professional])
            #expect(try await client.post("/beheer/gebruikers/\(other.id)", as: admin,
                                          form: [("roles", "monitor"), ("active", "1")]).status == .seeOther)
            #expect(try await environment.dependencies.accounts.account(id: other.id)?.roles == [.monitor])
            let audit = try await environment.dependencies.audit.entries(AuditQuery(actions: [.rolesChanged]))
            #expect(audit.items.first?.detail == "professional → monitor")
            let own = try await client.post("/beheer/gebruikers/\(admin.account!.id)", as: admin, form: [("roles", "redacteur"), ("active", "1")])
            #expect(own.status == .conflict)
            #expect(try await environment.dependencies.accounts.account(id: admin.account!.id)?.roles == [.beheerder])
        }
    }
}
