import Domain
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem: the error body of every API response (`application/problem+json`).
///
/// Validation problems list each offending field in `errors`, with a JSON pointer into the request body:
/// ```json
/// {"type":"about:blank","title":"Unprocessable Content","status":422,
///  "detail":"The item is not valid: 2 problems: …","instance":"urn:kennis:request:…","request_id":"…",
///  "errors":[{"pointer":"#/title","field":"title","detail":"is required"}]}
/// ```
struct Problem: HTTPResponseError {
    struct FieldError: Sendable {
        let field: String
        let detail: String
        /// A query-string parameter rather than a member of the JSON body.
        var isParameter = false
    }

    let status: HTTPResponse.Status
    let detail: String
    var errors: [FieldError] = []
    var headers: HTTPFields = [:]
    /// What the HTML error page says, in Dutch, when a page (not the API) was refused for a reason worth telling.
    var page: String?
    /// The same for an English page, when the refusal has English words.
    var pageEnglish: String?

    init(_ status: HTTPResponse.Status, _ detail: String, errors: [FieldError] = [], headers: HTTPFields = [:], page: String? = nil) {
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers
        self.page = page
    }

    /// A refusal on a web page: the Dutch text is shown, the English one logged and sent to API callers.
    static func page(_ status: HTTPResponse.Status, _ dutch: String, english: String? = nil) -> Problem {
        var problem = Problem(status, english ?? dutch, page: dutch)
        problem.pageEnglish = english
        return problem
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, detail, headers: [.wwwAuthenticate: "Bearer realm=\"kennis\""])
    }

    /// The one table from domain errors to HTTP statuses.
    init(_ error: DomainError) {
        switch error {
        case .notFound(let what): self.init(.notFound, "Not found: \(what).")
        case .conflict(let what): self.init(.conflict, "Conflict: \(what).")
        case .invalid(let issues):
            self.init(
                .unprocessableContent,
                "The item is not valid: \(issues.count) \(issues.count == 1 ? "problem" : "problems"): "
                    + issues.map(\.description).joined(separator: "; ") + ".",
                errors: issues.map { FieldError(field: $0.field, detail: $0.english) })
        case .unavailable(let why):
            self.init(.serviceUnavailable, "Temporarily unavailable: \(why). Try again in a few seconds.",
                      headers: [.retryAfter: "5"])
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var members: [(String, OrderedJSON)] = [
            ("type", .string("about:blank")),
            ("title", .string(status.reasonPhrase)),
            ("status", .int(status.code)),
            ("detail", .string(detail)),
            ("instance", .string("urn:kennis:request:\(context.id)")),
            ("request_id", .string(context.id)),
        ]
        if !errors.isEmpty {
            members.append(("errors", .array(errors.map { error in
                .object([
                    error.isParameter ? ("parameter", .string(error.field)) : ("pointer", .string(Self.pointer(error.field))),
                    ("field", .string(error.field)), ("detail", .string(error.detail)),
                ])
            })))
        }
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: OrderedJSON.object(members).text)))
    }

    /// `themes[2]` → `#/themes/2`
    static func pointer(_ field: String) -> String {
        "#/" + field.replacingOccurrences(of: "[", with: "/").replacingOccurrences(of: "]", with: "")
    }
}
