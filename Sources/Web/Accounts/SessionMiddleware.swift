import Domain
import Foundation
import Hummingbird

/// Establishes the signed-in person of a page request from the session cookie.
///
/// The API ignores cookies (it authenticates by bearer token only), so no cross-site page can make a
/// browser's session call it. An expired or unknown session cookie is cleared on the response.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: any SessionStore
    let accounts: any AccountStore
    let cookie: SessionCookie
    let clock: any WallClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !request.uri.path.hasPrefix("/api/"), let id = request.cookies[SessionCookie.sessionName]?.value, !id.isEmpty
        else { return try await next(request, context) }
        guard let session = try await sessions.session(id: id, at: clock.now()),
              let account = try await accounts.account(id: session.accountID), account.active
        else {
            var response = try await next(request, context)
            response.setCookie(cookie.clearSession())
            return response
        }
        var context = context
        context.caller = .person(account, .session(id: id, session))
        var response = try await next(request, context)
        // Signed-in pages are personal: no shared cache may keep them.
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "private, no-store" }
        return response
    }
}
