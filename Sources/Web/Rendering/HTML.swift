import Hummingbird

/// A rendered HTML page, sent as `text/html; charset=utf-8`.
struct HTML: ResponseGenerator {
    var text: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
