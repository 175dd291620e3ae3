import Domain
import Foundation
import Hummingbird
import Storage

/// The accessibility statement (`/toegankelijkheid`) and the privacy statement (`/privacy`).
///
/// Their facts come from the code that makes them true: the storage periods are the same constants the
/// session cookie, the login throttle, reset links and the search log use, and the accessibility checks
/// listed are the ones `tests/browser` runs in every CI build (which also checks that this page names the
/// axe-core version it ran). Change the behaviour and the statement changes with it.
///
/// Authorization: public.
struct StatementsController: Sendable {
    let templates: Templates
    let site: SiteSettings
    let contact: String

    /// The axe-core version the browser harness runs (tests/browser/requirements.txt pins the package bundling it).
    static let axeVersion = "4.12.1"
    /// Page types the harness checks with axe-core and the Nu HTML Checker, at 1280 and 375 px wide.
    static let checkedPageTypes = [
        "home", "themes", "theme", "listing", "item", "event", "agenda", "search", "noResults", "notFound", "statements",
        "login", "forgotPassword", "editorList", "editorForm", "formErrors", "reviewQueue", "revisions", "adminPages", "english",
    ]
    /// WCAG 2.1 success criteria automation cannot fully judge, checked by hand (see tests/browser/README.md).
    static let manualCriteria = ["1.1.1", "1.3.2", "1.4.4", "1.4.10", "1.4.12", "2.1.1", "2.4.3", "2.4.7", "3.3.1", "4.1.3"]
    static let limitations = ["attachments", "domainMessages"]

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/toegankelijkheid", use: accessibility)
        router.get("/privacy", use: privacy)
    }

    struct StatementPage: Sendable {
        let shell: PageShell
        let facts: [String]
        let checks: [String]
        let manual: [String]
        let limitations: [String]
        let contact: String
        /// The checker and its version, "axe-core 4.12.1".
        let axe: String
    }

    func accessibility(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let messages = site.catalogue[context.language]
        let page = StatementPage(
            shell: shell("accessibility", request: request, context: context), facts: [],
            checks: Self.checkedPageTypes.map { messages.text("site.statements.pageTypes.\($0)") },
            manual: Self.manualCriteria.map { messages.text("site.statements.criteria.c\($0.replacingOccurrences(of: ".", with: "_"))") },
            limitations: Self.limitations.map { messages.text("site.statements.limitations.\($0)") },
            contact: contact, axe: "axe-core \(Self.axeVersion)")
        return try templates.render("accessibility", page, language: context.language)
    }

    func privacy(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let messages = site.catalogue[context.language]
        let hours = { (seconds: Double) in Int(seconds / 3600) }
        let facts = [
            messages.text("site.statements.privacy.noVisitorCookies"),
            messages.text("site.statements.privacy.csrfCookie", hours(SessionCookie.csrfLifetime)),
            messages.text("site.statements.privacy.sessionCookie", hours(SessionCookie.lifetime)),
            messages.text("site.statements.privacy.searchLog", Int(SQLSearchLogStore.defaultRetention.components.seconds / 86_400)),
            messages.text("site.statements.privacy.requestLog"),
            messages.text("site.statements.privacy.loginFailures", Int(LoginThrottle.window / 60), LoginThrottle.accountLimit),
            messages.text("site.statements.privacy.resetLinks", hours(PasswordResetFlow.validity),
                          Int(PasswordResetFlow.welcomeValidity / 86_400)),
            messages.text("site.statements.privacy.accounts"),
            messages.text("site.statements.privacy.auditLog"),
            messages.text("site.statements.privacy.noTrackers"),
        ]
        let page = StatementPage(shell: shell("privacy", request: request, context: context), facts: facts, checks: [], manual: [],
                                 limitations: [], contact: contact, axe: "axe-core \(Self.axeVersion)")
        return try templates.render("privacy", page, language: context.language)
    }

    private func shell(_ name: String, request: Request, context: AppRequestContext) -> PageShell {
        let messages = site.catalogue[context.language]
        return PageShell(title: messages.text("site.statements.\(name).title"), description: messages.text("site.statements.\(name).description"),
                         section: nil, path: name == "privacy" ? "/privacy" : "/toegankelijkheid", site: site, request: request,
                         language: context.language)
    }
}

extension StatementsController.StatementPage: TemplateValues {
    static let templateFields: Fields = [
        "shell": \.shell, "facts": \.facts, "checks": \.checks, "manual": \.manual, "limitations": \.limitations,
        "contact": \.contact, "axe": \.axe,
    ]
}
