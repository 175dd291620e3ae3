import Domain
import Foundation
import Hummingbird

/// Renders the staff pages (`/beheer`, sign-in) inside the staff layout, with a menu that shows only
/// what the signed-in person's roles allow.
struct StaffPages: Sendable {
    let templates: Templates
    let site: SiteSettings

    struct MenuEntry: Sendable {
        /// Under `staff.menu` in the message catalogue.
        let key: String
        let url: String
        let rule: AccessRule
    }

    static let menu: [MenuEntry] = [
        MenuEntry(key: "dashboard", url: "/beheer", rule: .signedIn),
        MenuEntry(key: "items", url: "/beheer/items", rule: .roles([.redacteur])),
        MenuEntry(key: "review", url: "/beheer/review", rule: .roles([.redacteur])),
        MenuEntry(key: "users", url: "/beheer/gebruikers", rule: .roles([.beheerder])),
        MenuEntry(key: "taxonomy", url: "/beheer/taxonomie", rule: .roles([.beheerder])),
        MenuEntry(key: "synonyms", url: "/beheer/synoniemen", rule: .roles([.beheerder])),
        MenuEntry(key: "audit", url: "/beheer/audit", rule: .roles([.beheerder])),
        MenuEntry(key: "settings", url: "/beheer/instellingen", rule: .roles([.beheerder])),
        MenuEntry(key: "account", url: "/beheer/account", rule: .signedIn),
    ]

    /// Confirmations a redirect may ask for with `?melding=`: only these keys (texts under `staff.notice`),
    /// so no text can be injected through the address.
    static let notices: Set<String> = [
        "opgeslagen", "aangemaakt", "concept", "ter-review", "gepubliceerd", "gearchiveerd", "gepland", "planning-geannuleerd",
        "hersteld", "bijlage", "bijlage-verwijderd", "verwijderd", "gebruiker", "wachtwoord", "uitgelogd", "token-ingetrokken",
        "review", "gebruiker-zonder-mail",
    ]

    /// The interface texts in the request's language.
    func messages(_ context: AppRequestContext) -> Messages { templates.catalogue[context.language] }

    /// - Parameters:
    ///   - name: the template under `beheer/`.
    ///   - section: the menu URL to mark as current.
    func render(
        _ name: String, title: String, section: String?, context: AppRequestContext, request: Request? = nil,
        status: HTTPResponse.Status = .ok, _ fields: [String: Any]
    ) throws -> HTML {
        let messages = self.messages(context)
        let menu = Self.menu.filter { $0.rule.allows(context.caller) }.map { entry in
            ["label": messages.text("staff.menu.\(entry.key)"), "url": entry.url, "current": entry.url == section] as [String: Any]
        }
        let message = request?.uri.queryParameters["melding"].map(String.init).flatMap { key in
            Self.notices.contains(key) ? messages.text("staff.notice.\(key)") : nil
        }
        var shell: [String: Any] = ["title": title, "stylesheet": site.stylesheetURL, "menu": menu, "csrf": context.csrfToken ?? ""]
        if let account = context.account { shell["account"] = account.name }
        if let message { shell["message"] = message }
        var values = fields
        values["shell"] = shell
        values["csrf"] = context.csrfToken ?? fields["csrf"] ?? ""
        var page = try templates.render("beheer/\(name)", ReflectedValues(value: values), language: context.language, status: status)
        page.headers[.cacheControl] = "private, no-store"
        return page
    }
}
