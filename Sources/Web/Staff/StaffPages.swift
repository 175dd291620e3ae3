import Domain
import Foundation
import Hummingbird

/// Renders the staff pages (`/beheer`, sign-in) inside the staff layout, with a menu that shows only
/// what the signed-in person's roles allow.
struct StaffPages: Sendable {
    let templates: Templates
    let site: SiteSettings

    struct MenuEntry: Sendable {
        let label: String
        let url: String
        let rule: AccessRule
    }

    static let menu: [MenuEntry] = [
        MenuEntry(label: "Overzicht", url: "/beheer", rule: .signedIn),
        MenuEntry(label: "Kennisitems", url: "/beheer/items", rule: .roles([.redacteur])),
        MenuEntry(label: "Reviewwachtrij", url: "/beheer/review", rule: .roles([.redacteur])),
        MenuEntry(label: "Gebruikers", url: "/beheer/gebruikers", rule: .roles([.beheerder])),
        MenuEntry(label: "Taxonomie", url: "/beheer/taxonomie", rule: .roles([.beheerder])),
        MenuEntry(label: "Synoniemen", url: "/beheer/synoniemen", rule: .roles([.beheerder])),
        MenuEntry(label: "Auditlog", url: "/beheer/audit", rule: .roles([.beheerder])),
        MenuEntry(label: "Instellingen", url: "/beheer/instellingen", rule: .roles([.beheerder])),
        MenuEntry(label: "Mijn account", url: "/beheer/account", rule: .signedIn),
    ]

    /// Fixed confirmations a redirect may ask for with `?melding=`; a whitelist, so no text can be injected.
    static let messages: [String: String] = [
        "opgeslagen": "De wijzigingen zijn opgeslagen.",
        "aangemaakt": "Het kennisitem is aangemaakt als concept.",
        "concept": "Het item is teruggezet naar concept en is niet meer zichtbaar voor bezoekers.",
        "ter-review": "Het item staat nu ter review. Een andere redacteur kan het publiceren.",
        "gepubliceerd": "Het item is gepubliceerd en staat nu op de openbare site.",
        "gearchiveerd": "Het item is gearchiveerd. Het adres blijft werken, maar het staat niet meer in de overzichten.",
        "gepland": "De publicatie is gepland.",
        "planning-geannuleerd": "De geplande publicatie is geannuleerd.",
        "hersteld": "De versie is hersteld als nieuwe versie.",
        "bijlage": "De bijlage is toegevoegd. De tekst van een PDF wordt binnen enkele seconden gelezen en is doorzoekbaar zodra het item gepubliceerd is.",
        "bijlage-verwijderd": "De bijlage is verwijderd.",
        "verwijderd": "Het kennisitem is verwijderd.",
        "gebruiker": "De gebruiker is aangemaakt; er is een e-mail verstuurd om een wachtwoord te kiezen.",
        "wachtwoord": "Uw wachtwoord is gewijzigd.",
        "uitgelogd": "U bent uitgelogd.",
        "token-ingetrokken": "Het token is ingetrokken.",
        "review": "Opgeslagen. Het item staat nu ter review en is niet zichtbaar voor bezoekers tot een andere redacteur het publiceert.",
        "gebruiker-zonder-mail": "De gebruiker is aangemaakt, maar de e-mail kon niet worden verstuurd. De gebruiker kan via ‘Wachtwoord vergeten’ alsnog een wachtwoord kiezen.",
    ]

    /// - Parameters:
    ///   - name: the template under `beheer/`.
    ///   - section: the menu URL to mark as current.
    func render(
        _ name: String, title: String, section: String?, context: AppRequestContext, request: Request? = nil,
        status: HTTPResponse.Status = .ok, _ fields: [String: Any]
    ) throws -> HTML {
        let menu = Self.menu.filter { $0.rule.allows(context.caller) }.map { entry in
            ["label": entry.label, "url": entry.url, "current": entry.url == section] as [String: Any]
        }
        let message = request?.uri.queryParameters["melding"].flatMap { Self.messages[String($0)] }
        var shell: [String: Any] = ["title": title, "stylesheet": site.stylesheetURL, "menu": menu, "csrf": context.csrfToken ?? ""]
        if let account = context.account { shell["account"] = account.name }
        if let message { shell["message"] = message }
        var values = fields
        values["shell"] = shell
        values["csrf"] = context.csrfToken ?? fields["csrf"] ?? ""
        var page = try templates.render("beheer/\(name)", ReflectedValues(value: values), status: status)
        page.headers[.cacheControl] = "private, no-store"
        return page
    }
}
