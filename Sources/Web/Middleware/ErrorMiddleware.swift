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

    private func page(for problem: Problem, context: Context) throws -> HTML {
        let (heading, message): (String, String) =
            switch problem.status {
            case .notFound:
                ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Misschien is het adres verkeerd overgenomen, of is de pagina verplaatst.")
            case .badRequest:
                ("Dit verzoek klopt niet", "Het adres of de gegevens van dit verzoek konden niet worden gelezen.")
            case .serviceUnavailable:
                ("Tijdelijk niet beschikbaar", "Het kennisplatform is even niet bereikbaar. Probeer het over een paar minuten opnieuw.")
            case .internalServerError:
                ("Er ging iets mis", "Er ging aan onze kant iets mis. Probeer het later opnieuw.")
            case .methodNotAllowed:
                ("Dit kan hier niet", "Deze pagina kan alleen worden bekeken, niet op deze manier worden gebruikt.")
            case .contentTooLarge:
                ("Te veel gegevens", problem.page ?? "Er werden meer gegevens verstuurd dan het kennisplatform aanneemt.")
            case .forbidden:
                ("Geen toegang", problem.page ?? "U heeft geen toegang tot deze pagina.")
            case .tooManyRequests:
                ("Even wachten", problem.page ?? "Er kwamen te veel verzoeken binnen. Probeer het later opnieuw.")
            case .conflict:
                ("Tegelijk gewijzigd", problem.page ?? "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.")
            case .unsupportedMediaType:
                ("Soort bestand niet toegestaan", problem.page ?? "Dit soort bestand wordt niet aangenomen.")
            default:
                ("Verzoek niet uitgevoerd", problem.page ?? "Dit verzoek kon niet worden uitgevoerd (foutcode \(problem.status.code)).")
            }
        let shell = PageShell(title: heading, description: message, section: nil, path: nil, site: site)
        let data = ErrorPage(shell: shell, heading: heading, message: message,
                             requestID: problem.status.code >= 500 ? context.id : nil)
        var page = try templates.render("error", data, status: problem.status)
        // Retry-After on a 503 tells browsers and crawlers when to come back; other headers are the API's business.
        page.headers[.retryAfter] = problem.headers[.retryAfter]
        return page
    }
}
