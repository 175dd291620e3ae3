import Domain
import Foundation
import Hummingbird

/// `/beheer/audit`: the audit trail, newest first, filtered by action and by text in who or what.
struct AuditController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("audit", use: list)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let parameters = FormQuery.parameters(request.uri)
        let action = parameters["actie"].flatMap { AuditEntry.Action(rawValue: String($0)) }
        let text = parameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let number = parameters["pagina"].flatMap { Int($0) } ?? 1
        let page = try await dependencies.audit.entries(AuditQuery(
            actions: action.map { [$0] } ?? [], text: text.isEmpty ? nil : text, page: PageRequest(number: number, size: 50)))
        let messages = pages.messages(context)
        let dates = LocalDates(language: context.language)
        let base = "/beheer/audit?actie=\(action?.rawValue ?? "")&q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try pages.render("audit", title: messages.text("staff.audit.heading"), section: "/beheer/audit", context: context, request: request, [
            "entries": page.items.map { entry -> [String: Any] in
                ["when": "\(dates.day(of: entry.at)) \(dates.time(entry.at))", "iso": Timestamp.format(entry.at), "actor": entry.actor,
                 "action": messages.text("staff.auditAction.\(entry.action.rawValue)"), "subject": entry.subject, "detail": entry.detail]
            },
            "actions": AuditEntry.Action.allCases.map { ["value": $0.rawValue, "label": messages.text("staff.auditAction.\($0.rawValue)"), "selected": $0 == action] },
            "q": text, "total": page.total, "pagination": PaginationView(page, messages: messages) { "\(base)&pagina=\($0)" } as Any,
        ])
    }
}
