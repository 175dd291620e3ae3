import Domain
import Hummingbird
import Logging

/// Turns every error into a response the caller can use: problem+json under `/api`, a Dutch HTML page elsewhere.
///
/// Errors that are not ours (a bug, a database failure) are logged with the request id and shown
/// without internals. It sits inside the request-id middleware, so error responses carry `X-Request-ID`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let templates: Templates
    let site: SiteSettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = classify(error, context: context)
            if request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") {
                return try problem.response(from: request, context: context)
            }
            return try page(for: problem, context: context).response(from: request, context: context)
        }
    }

    private func classify(_ error: any Error, context: Context) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let domain as DomainError: return Problem(domain)
        case let refused as Editorial.Refused:
            // Vier ogen is 403 (someone else must do it); a status move that does not exist is 409.
            let status: HTTPResponse.Status = refused.refusal == .ownChange ? .forbidden : .conflict
            return Problem(status, refused.refusal.english.capitalizedFirstLetter + ".", page: refused.refusal.dutch)
        case let http as HTTPError:
            let detail = http.body ?? (http.status == .notFound ? "There is nothing at this address." : http.status.reasonPhrase)
            return Problem(http.status, detail, headers: http.headers)
        case let other as any HTTPResponseError:
            // Hummingbird's own errors, such as a body over the size limit (413).
            let detail = other.status == .contentTooLarge
                ? "The body is larger than the limit of \(AppRequestContext.bodyLimitDescription)." : other.status.reasonPhrase
            return Problem(other.status, detail)
        default:
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(.internalServerError, "Something went wrong on our side. Quote the request id when you report it.")
        }
    }

    struct ErrorPage: Sendable {
        let shell: PageShell
        let heading: String
        let message: String
        let requestID: String?
    }

    /// The message keys of the error pages by status; other statuses get "failed".
    static let pageKeys: [HTTPResponse.Status: String] = [
        .notFound: "notFound", .badRequest: "badRequest", .serviceUnavailable: "unavailable",
        .internalServerError: "internal", .methodNotAllowed: "methodNotAllowed", .contentTooLarge: "tooLarge",
        .forbidden: "forbidden", .tooManyRequests: "tooMany", .conflict: "conflict", .unsupportedMediaType: "unsupportedType",
    ]

    /// "the file is too large" → "The file is too large."
    static func sentence(_ text: String) -> String {
        let capitalized = text.capitalizedFirstLetter
        return capitalized.hasSuffix(".") ? capitalized : capitalized + "."
    }

    private func page(for problem: Problem, context: Context) throws -> HTML {
        let messages = site.catalogue[context.language]
        let key = Self.pageKeys[problem.status] ?? "failed"
        let heading = messages.text("site.error.\(key).heading")
        // A problem's own words (why an upload was refused, how long to wait) when they exist in the page's language.
        let ownText = context.language == .nl ? problem.page : problem.pageEnglish.map(Self.sentence)
        let message = ownText ?? messages.text("site.error.\(key).message", problem.status.code)
        let shell = PageShell(title: heading, description: message, section: nil, path: nil, site: site, request: nil,
                              language: context.language)
        let data = ErrorPage(shell: shell, heading: heading, message: message,
                             requestID: problem.status.code >= 500 ? context.id : nil)
        var page = try templates.render("error", data, language: context.language, status: problem.status)
        // Retry-After on a 503 tells browsers and crawlers when to come back; other headers are the API's business.
        page.headers[.retryAfter] = problem.headers[.retryAfter]
        return page
    }
}
