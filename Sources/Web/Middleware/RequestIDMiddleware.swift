import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    static let requestID = Self("X-Request-ID")!
}

/// Puts the request id that is in every log line of this request on the response, errors included,
/// so a visitor's report can be matched to the logs.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.id
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers[.requestID] = context.id
            return response
        }
    }
}
