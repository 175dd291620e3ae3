import Domain
import Foundation
import Hummingbird

/// Establishes the caller of an API request from its `Authorization: Bearer …` header.
///
/// No header: anonymous. A personal token (`kp_…`): its owner, with the owner's roles. The operator
/// token (`KENNIS_ADMIN_TOKEN`): the operator, and the use is written to the audit log. Any other token
/// is refused with 401 rather than treated as anonymous, so a script with a stale token fails loudly.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let operatorToken: String?
    let tokens: any APITokenStore
    let audit: any AuditLog
    let clock: any WallClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw Problem.unauthorized("The Authorization header must be 'Bearer <token>'.")
        }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        var context = context
        if token.hasPrefix(APIToken.prefix) {
            guard let (record, account) = try await tokens.owner(ofSecret: token, at: clock.now()) else {
                throw Problem.unauthorized("The personal API token is not valid (revoked, or its account is deactivated).")
            }
            context.caller = .person(account, .token(record))
        } else if let operatorToken, SecretToken.constantTimeEquals(token, operatorToken) {
            context.caller = .operator
            try await audit.record(AuditEntry(
                at: clock.now(), actor: "operator", action: .operatorToken, subject: "\(request.method) \(request.uri.path)"))
        } else {
            throw Problem.unauthorized(operatorToken == nil
                ? "The bearer token is not valid: use a personal API token (KENNIS_ADMIN_TOKEN is not set on this server)."
                : "The bearer token is not valid.")
        }
        return try await next(request, context)
    }
}
