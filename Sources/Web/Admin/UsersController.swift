import Domain
import Foundation
import Hummingbird
import Logging

/// `/beheer/gebruikers`: administrators invite people, give and take roles, and deactivate accounts.
///
/// An administrator never sets someone else's password: a new account gets an e-mailed link to choose one.
struct UsersController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("gebruikers", use: list)
        group.post("gebruikers", use: create)
        group.get("gebruikers/:id", use: edit)
        group.post("gebruikers/:id", use: update)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await renderList(request, context: context)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        let messages = pages.messages(context)
        var errors = FieldErrors()
        let name = form["name"] ?? ""
        if name.isEmpty { errors.add(field: "name", messages.text("staff.users.error.nameMissing")) }
        if name.count > AccountRules.nameMaximum { errors.add(field: "name", messages.text("staff.users.error.nameTooLong", AccountRules.nameMaximum)) }
        var email = ""
        switch AccountRules.normalizedEmail(form["email"] ?? "") {
        case .success(let normalized): email = normalized
        case .failure(let issue): errors.add(issue, messages: messages)
        }
        let roles = Set(form.values("roles").compactMap(Role.init))
        if roles.isEmpty { errors.add(field: "roles", messages.text("staff.users.error.rolesMissing")) }
        if errors.isEmpty, try await dependencies.accounts.account(email: email) != nil {
            errors.add(field: "email", messages.text("staff.users.error.emailTaken"))
        }
        guard errors.isEmpty else {
            return try await renderList(request, context: context, errors: errors, values: ["name": name, "email": form["email"] ?? ""],
                                        checked: roles, status: .unprocessableContent).response(from: request, context: context)
        }
        // The random password is never shown or sent: the person chooses their own through the welcome link.
        let hash = try await dependencies.hasher.hash(SecretToken.make())
        let account = try await dependencies.accounts.create(email: email, name: name, roles: roles, passwordHash: hash)
        try await dependencies.audit(.accountCreated, by: context.editor.name, subject: email,
                                     detail: "rollen: \(roles.sorted().map(\.rawValue).joined(separator: ", "))")
        do {
            try await dependencies.passwordReset.welcome(account, invitedBy: context.account?.name ?? "Een beheerder")
        } catch {
            context.logger.error("Welcome mail not sent", metadata: ["error": "\(error)"])
            return Response.redirect(to: "/beheer/gebruikers?melding=gebruiker-zonder-mail", type: .normal)
        }
        return Response.redirect(to: "/beheer/gebruikers?melding=gebruiker", type: .normal)
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let account = try await requireAccount(context)
        let messages = pages.messages(context)
        return try pages.render("user", title: account.name, section: "/beheer/gebruikers", context: context, request: request, [
            "account": view(account, messages: messages), "roleChoices": Self.roleChoices(account.roles, messages: messages),
        ])
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try await requireAccount(context)
        let form = context.form ?? SubmittedForm(fields: [:])
        let roles = Set(form.values("roles").compactMap(Role.init))
        let active = form["active"] == "1"
        let isSelf = account.id == context.account?.id
        // An administrator cannot lock themselves out; another administrator has to do that.
        if isSelf, !roles.contains(.beheerder) || !active {
            throw Problem.page(.conflict, "U kunt uw eigen beheerdersrol niet intrekken en uzelf niet deactiveren.")
        }
        let now = dependencies.clock.now()
        if roles != account.roles {
            try await dependencies.accounts.setRoles(roles, accountID: account.id)
            try await dependencies.audit.record(AuditEntry(at: now, actor: context.editor.name, action: .rolesChanged, subject: account.email,
                detail: "\(account.roles.sorted().map(\.rawValue).joined(separator: ",")) → \(roles.sorted().map(\.rawValue).joined(separator: ","))"))
        }
        if active != account.active {
            try await dependencies.accounts.setActive(active, accountID: account.id)
            try await dependencies.audit.record(AuditEntry(at: now, actor: context.editor.name,
                                                           action: active ? .accountActivated : .accountDeactivated, subject: account.email))
        }
        return Response.redirect(to: "/beheer/gebruikers/\(account.id)?melding=opgeslagen", type: .normal)
    }

    private func renderList(
        _ request: Request, context: AppRequestContext, errors: FieldErrors = FieldErrors(), values: [String: String] = [:],
        checked: Set<Role> = [], status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let accounts = try await dependencies.accounts.accounts()
        let messages = pages.messages(context)
        return try pages.render("users", title: messages.text("staff.users.heading"), section: "/beheer/gebruikers", context: context, request: request,
                                status: status, [
                                    "accounts": accounts.map { view($0, messages: messages) }, "roleChoices": Self.roleChoices(checked, messages: messages),
                                    "errors": errors.dictionary,
                                    "errorSummary": errors.summary(order: ["name", "email", "roles"]), "hasErrors": !errors.isEmpty,
                                    "name": values["name"] ?? "", "email": values["email"] ?? "",
                                ])
    }

    private func view(_ account: Account, messages: Messages) -> [String: Any] {
        ["id": account.id, "name": account.name, "email": account.email, "active": account.active,
         "roles": account.roles.sorted().map { messages.text("staff.role.\($0.rawValue)") }.joined(separator: ", ")]
    }

    static func roleChoices(_ checked: Set<Role>, messages: Messages) -> [[String: Any]] {
        Role.allCases.map { role -> [String: Any] in
            ["value": role.rawValue, "label": messages.text("staff.role.\(role.rawValue)"),
             "description": messages.text("staff.roleDescription.\(role.rawValue)"), "checked": checked.contains(role)]
        }
    }

    private func requireAccount(_ context: AppRequestContext) async throws -> Account {
        let id = try context.parameters.require("id")
        guard let account = try await dependencies.accounts.account(id: id) else { throw DomainError.notFound("gebruiker '\(id)'") }
        return account
    }
}
