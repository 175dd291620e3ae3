import Foundation
import Hummingbird

/// Establishes the caller of an API request from its `Authorization: Bearer …` header.
///
/// No header: the caller is anonymous. The operator token (`KENNIS_ADMIN_TOKEN`): the caller is the
/// operator. Any other token is refused with 401 rather than silently treated as anonymous, so a
/// script with a stale token fails loudly. Without a configured token, no request is ever an operator.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let operatorToken: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw Problem.unauthorized("The Authorization header must be 'Bearer <token>'.")
        }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let operatorToken else {
            throw Problem.unauthorized("This server accepts no tokens: KENNIS_ADMIN_TOKEN is not set.")
        }
        guard Self.constantTimeEquals(token, operatorToken) else {
            throw Problem.unauthorized("The bearer token is not valid.")
        }
        var context = context
        context.caller = .operator
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}

/// Lets only the operator through: the rule for every API write.
struct RequireOperatorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.caller == .operator else {
            throw Problem.unauthorized("This operation needs the operator's bearer token (Authorization: Bearer <KENNIS_ADMIN_TOKEN>).")
        }
        return try await next(request, context)
    }
}
