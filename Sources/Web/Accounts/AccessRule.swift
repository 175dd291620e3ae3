import Domain
import Hummingbird

/// Who may use a group of routes. Every route of the router is registered under exactly one rule, and
/// `AuthorizationMatrixTests` checks every route against every role.
///
/// ```swift
/// let editors = router.group("beheer/items").add(middleware: RequireAccess(.roles([.redacteur])))
/// ```
enum AccessRule: Sendable, Equatable {
    /// Anyone, signed in or not.
    case everyone
    /// Anyone signed in, whatever their roles.
    case signedIn
    /// Signed-in people holding at least one of these roles, or the operator token.
    case roles(Set<Role>)

    func allows(_ caller: AppRequestContext.Caller) -> Bool {
        switch (self, caller) {
        case (.everyone, _): true
        case (_, .operator): self != .signedIn
        case (_, .anonymous): false
        case (.signedIn, .person): true
        case (.roles(let roles), .person(let account, _)): !roles.isDisjoint(with: account.roles)
        }
    }
}

/// Refuses callers the rule does not allow: anonymous browsers are sent to the sign-in page, signed-in
/// people without the role get 403, and API callers a problem+json 401 or 403.
struct RequireAccess: RouterMiddleware {
    typealias Context = AppRequestContext
    let rule: AccessRule

    init(_ rule: AccessRule) {
        self.rule = rule
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !rule.allows(context.caller) else { return try await next(request, context) }
        let isAPI = request.uri.path.hasPrefix("/api/")
        if context.caller == .anonymous {
            if isAPI { throw Problem.unauthorized("This operation needs a bearer token: a personal API token or the operator's.") }
            if request.method == .get || request.method == .head {
                return Response.redirect(to: "/inloggen?terug=\(LoginController.returnPath(request.uri))", type: .found)
            }
            throw Problem.page(.forbidden, "Log in om dit te doen.", english: "sign in first")
        }
        if isAPI { throw Problem(.forbidden, "Your roles do not allow this operation.") }
        throw Problem.page(.forbidden, "Uw rollen geven geen toegang tot deze pagina. Vraag een beheerder om de rol die u nodig heeft.",
                           english: "your roles do not give access to this page; ask an administrator for the role you need")
    }
}
