import Foundation
import Hummingbird

/// The stylesheet and other small public files, read into memory at start-up.
///
/// Each is served under a URL that contains a hash of its content (`/static/kennis.3f2a….css`), so
/// browsers may cache it for a year and still get a new version the moment it changes.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let url: String
        let contentType: String
        let bytes: ByteBuffer
    }

    let stylesheet: Asset

    static func load(from directory: String? = nil) throws -> StaticAssets {
        guard let folder = directory ?? Bundle.module.url(forResource: "Resources/Public", withExtension: nil)?.path
        else { throw Templates.Missing(description: "the Public resource folder is missing") }
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("kennis.css"))
        let hash = String(fnv1a(data), radix: 16)
        return StaticAssets(stylesheet: Asset(url: "/static/kennis.\(hash).css", contentType: "text/css; charset=utf-8",
                                              bytes: ByteBuffer(bytes: data)))
    }

    /// Authorization: public.
    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        let asset = stylesheet
        router.get(RouterPath(stringLiteral: asset.url)) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable"],
                body: .init(byteBuffer: asset.bytes))
        }
    }

    private static func fnv1a(_ data: Data) -> UInt64 {
        data.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
