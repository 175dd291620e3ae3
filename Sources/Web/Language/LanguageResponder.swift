import Hummingbird

/// Reads the language from the path (`/en/…` English, `/nl/…` or no prefix Dutch), hands the router the
/// path without it, and keeps redirects of English pages on English pages.
///
/// It wraps the router rather than being router middleware, because the router picks the route
/// before its middleware runs.
struct LanguageResponder<Inner: HTTPResponder<AppRequestContext>>: HTTPResponder {
    let inner: Inner

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        guard let (language, path) = LanguagePaths.split(request.uri.description) else {
            return try await inner.respond(to: request, context: context)
        }
        var head = request.head
        head.path = path
        var context = context
        context.language = language
        var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        if let location = response.headers[.location] {
            response.headers[.location] = LanguagePaths.localize(location, to: language)
        }
        return response
    }
}
