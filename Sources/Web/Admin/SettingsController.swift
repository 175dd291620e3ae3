import Domain
import Foundation
import Hummingbird

/// `/beheer/instellingen`: the settings an administrator changes while the platform runs ("vier ogen").
struct SettingsController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("instellingen", use: settings)
        group.post("instellingen", use: saveSettings)
    }

    func settings(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let settings = try await dependencies.settings.settings()
        return try pages.render("settings", title: pages.messages(context).text("staff.settings.heading"), section: "/beheer/instellingen", context: context, request: request,
                                ["fourEyes": settings.fourEyes])
    }

    func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fourEyes = context.form?["fourEyes"] == "1"
        try await dependencies.settings.save(PlatformSettings(fourEyes: fourEyes))
        try await dependencies.audit(.settingsChanged, by: context.editor.name, subject: "vier ogen", detail: fourEyes ? "aan" : "uit")
        return Response.redirect(to: "/beheer/instellingen?melding=opgeslagen", type: .normal)
    }
}
