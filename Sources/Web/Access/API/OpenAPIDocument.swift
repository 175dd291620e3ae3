import Foundation
import Hummingbird

/// Serves the hand-written OpenAPI 3.1 description of the API at `/api/openapi.json`.
///
/// Authorization: public. A test checks that every operation it lists is routed and behaves as described.
struct OpenAPIDocument: Sendable {
    let bytes: ByteBuffer

    static func load(from directory: String? = nil) throws -> OpenAPIDocument {
        guard let folder = directory ?? Bundle.module.url(forResource: "Resources", withExtension: nil)?.path
        else { throw Templates.Missing(description: "the Resources folder is missing") }
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("openapi.json"))
        return OpenAPIDocument(bytes: ByteBuffer(bytes: data))
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        let bytes = self.bytes
        router.get("/api/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: bytes))
        }
    }
}
