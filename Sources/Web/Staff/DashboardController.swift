import Domain
import Hummingbird

/// `/beheer`: where a signed-in person starts. It shows what their roles let them do and, for the
/// editors and the monitor, counts of the knowledge base (no personal data).
struct DashboardController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: dashboard)
    }

    func dashboard(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let roles = context.roles
        let messages = pages.messages(context)
        var fields: [String: Any] = [
            "name": context.account?.name ?? "",
            "roles": roles.sorted().map { role -> [String: Any] in
                ["name": messages.text("staff.role.\(role.rawValue)"), "description": messages.text("staff.roleDescription.\(role.rawValue)")]
            },
            "isEditor": roles.contains(.redacteur), "isAdmin": roles.contains(.beheerder),
        ]
        if roles.contains(.redacteur) || roles.contains(.beheerder) || roles.contains(.monitor) {
            var counts: [[String: Any]] = []
            for status in ItemStatus.allCases {
                var query = ItemQuery(page: PageRequest(number: 1, size: 1))
                query.statuses = [status]
                let total = try await dependencies.store.items(query).total
                counts.append(["label": messages.name(of: status).capitalizedFirstLetter, "count": total,
                               "url": roles.contains(.redacteur) ? "/beheer/items?status=\(status.rawValue)" : ""])
            }
            fields["counts"] = counts
        }
        return try pages.render("dashboard", title: messages.text("staff.dashboard.title"), section: "/beheer", context: context, request: request, fields)
    }
}
