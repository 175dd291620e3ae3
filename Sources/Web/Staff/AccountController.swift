import Domain
import Foundation
import Hummingbird

/// `/beheer/account`: one's own password and personal API tokens. A token is shown once, right after it
/// is made; afterwards only its name and dates are.
struct AccountController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("account", use: show)
        group.post("account/wachtwoord", use: changePassword)
        group.post("account/tokens", use: createToken)
        group.post("account/tokens/:id/intrekken", use: revokeToken)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context: context)
    }

    func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try requireAccount(context)
        let form = context.form ?? SubmittedForm(fields: [:])
        let messages = pages.messages(context)
        var errors = FieldErrors()
        if await !dependencies.hasher.verify(form.fields["current"]?.first ?? "", against: account.passwordHash) {
            errors.add(field: "current", messages.text("staff.account.error.currentWrong"))
        }
        let password = form.fields["password"]?.first ?? ""
        for issue in AccountRules.passwordIssues(password) { errors.add(issue, messages: messages, labelKey: "newPassword") }
        if errors.byField["password"] == nil, password != form.fields["repeat"]?.first {
            errors.add(field: "repeat", messages.text("staff.account.error.repeatDiffers"))
        }
        guard errors.isEmpty else {
            return try await render(request, context: context, errors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        try await dependencies.accounts.setPasswordHash(try await dependencies.hasher.hash(password), accountID: account.id)
        try await dependencies.audit(.passwordChanged, by: account.label, subject: account.email)
        // Changing the password ended every session, this one too: sign in again with the new password.
        return Response.redirect(to: "/inloggen?gewijzigd=1", type: .normal)
    }

    func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try requireAccount(context)
        let name = context.form?["name"] ?? ""
        let messages = pages.messages(context)
        var errors = FieldErrors()
        if name.isEmpty { errors.add(field: "name", messages.text("staff.account.error.tokenNameMissing")) }
        if name.count > APIToken.nameMaximum { errors.add(field: "name", messages.text("staff.account.error.tokenNameTooLong", APIToken.nameMaximum)) }
        guard errors.isEmpty else {
            return try await render(request, context: context, errors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        let (token, secret) = try await dependencies.tokens.create(accountID: account.id, name: name, at: dependencies.clock.now())
        try await dependencies.audit(.tokenCreated, by: account.label, subject: token.name)
        return try await render(request, context: context, newSecret: secret).response(from: request, context: context)
    }

    func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try requireAccount(context)
        let id = try context.parameters.require("id")
        let name = try await dependencies.tokens.tokens(accountID: account.id).first { $0.id == id }?.name ?? id
        try await dependencies.tokens.revoke(id: id, accountID: account.id, at: dependencies.clock.now())
        try await dependencies.audit(.tokenRevoked, by: account.label, subject: name)
        return Response.redirect(to: "/beheer/account?melding=token-ingetrokken", type: .normal)
    }

    private func render(
        _ request: Request, context: AppRequestContext, errors: FieldErrors = FieldErrors(), newSecret: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let account = try requireAccount(context)
        let messages = pages.messages(context)
        let dates = LocalDates(language: context.language)
        let tokens = try await dependencies.tokens.tokens(accountID: account.id).map { token -> [String: Any] in
            ["id": token.id, "name": token.name, "created": dates.day(of: token.created),
             "lastUsed": token.lastUsed.map { dates.day(of: $0) } ?? messages.text("staff.account.notYet"),
             "revoked": token.revoked.map { dates.day(of: $0) } ?? "", "revokeLabel": messages.text("staff.account.revoke", token.name)]
        }
        var fields: [String: Any] = [
            "email": account.email, "name": account.name,
            "roles": account.roles.sorted().map { messages.text("staff.role.\($0.rawValue)") }.joined(separator: ", "),
            "tokens": tokens, "errors": errors.dictionary,
        ]
        if let newSecret { fields["newSecret"] = newSecret }
        return try pages.render("account", title: messages.text("staff.account.heading"), section: "/beheer/account", context: context, request: request,
                                status: status, fields)
    }

    private func requireAccount(_ context: AppRequestContext) throws -> Account {
        guard let account = context.account else { throw Problem.page(.forbidden, "Log in om uw account te zien.") }
        return account
    }
}
