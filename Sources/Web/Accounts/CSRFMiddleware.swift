import Domain
import Foundation
import Hummingbird
import Logging

/// Refuses every form post outside the API that does not carry the right CSRF token, with 403.
///
/// Signed-in people's forms carry their session's token; the sign-in and password-reset forms, used
/// before there is a session, carry the value of a `kennis_csrf` cookie (double submit). The form is read
/// here, once, and handed to the handler in the context, so no handler can forget the check.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The largest form body of a signed-in person: an upload plus room for the other fields.
    let maximumBody: Int
    /// Before sign-in there is no upload, so a stranger cannot make the server hold megabytes.
    static let anonymousMaximumBody = 64 * 1024
    let uploadLimitText: String

    static let fieldName = "csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head, !request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        let limit = context.session == nil ? Self.anonymousMaximumBody : maximumBody
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
        let form = try Self.parse(body, contentType: request.headers[.contentType] ?? "")
        let expected = context.csrfToken ?? request.cookies[SessionCookie.csrfName]?.value
        guard let expected, !expected.isEmpty, let sent = form[Self.fieldName], SecretToken.constantTimeEquals(sent, expected) else {
            context.logger.notice("Form post without a valid CSRF token", metadata: ["path": "\(request.uri.path)"])
            throw Problem.page(.forbidden,
                "Dit formulier is verlopen of kwam niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
                english: "missing or invalid CSRF token")
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }

    private var tooLarge: Problem {
        Problem.page(.contentTooLarge, "Het bestand is te groot: bijlagen mogen hoogstens \(uploadLimitText) zijn.",
                     english: "the body is larger than the limit of \(uploadLimitText)")
    }

    static func parse(_ body: ByteBuffer, contentType: String) throws -> SubmittedForm {
        let bytes = Array(body.readableBytesView)
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            do {
                let multipart = try MultipartForm(contentType: contentType, body: bytes)
                return SubmittedForm(fields: multipart.fields, files: multipart.files)
            } catch {
                throw Problem.page(.badRequest, "Het formulier kon niet worden gelezen.", english: error.english)
            }
        }
        return SubmittedForm(urlEncoded: String(decoding: bytes, as: UTF8.self))
    }
}
