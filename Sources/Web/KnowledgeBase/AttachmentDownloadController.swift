import Domain
import Foundation
import Hummingbird
import Logging

/// Serves attachments at `/bijlagen/{id}/{filename}`: to everyone when the item is public, to staff always.
/// Each download is counted for the monitoring reports.
struct AttachmentDownloadController: Sendable {
    let attachments: any AttachmentStore
    let files: any FileStore
    let store: any KnowledgeStore

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("bijlagen/:id/:filename", use: download)
    }

    static func url(of attachment: Attachment) -> String {
        let name = attachment.filename.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#")))
        return "/bijlagen/\(attachment.id)/\(name ?? "bijlage")"
    }

    func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let attachment = try await attachments.attachment(id: id),
              let item = try await store.item(slug: attachment.itemSlug),
              item.content.status.isPublic || context.isStaff
        else { throw DomainError.notFound("bijlage '\(id)'") }
        let etag = "\"\(attachment.sha256)\""
        var headers: HTTPFields = [
            .contentType: attachment.kind.mediaType,
            .contentDisposition: Self.disposition(attachment),
            .eTag: etag,
            .cacheControl: item.content.status.isPublic ? "public, max-age=3600" : "private, no-store",
            // A document opened in the browser may not run scripts or reach this site's pages.
            .contentSecurityPolicy: "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ]
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        guard let bytes = try await files.get(attachment.sha256) else {
            context.logger.error("Attachment file missing", metadata: ["attachment": "\(id)", "sha256": "\(attachment.sha256)"])
            throw DomainError.notFound("bijlage '\(id)'")
        }
        if request.method == .get { try await attachments.recordDownload(attachmentID: id) }
        headers[.contentLength] = String(bytes.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// PDFs and images open in the browser; office files and CSV download. The name is sent both as
    /// ASCII and in RFC 5987 form for names with accents.
    static func disposition(_ attachment: Attachment) -> String {
        let type = attachment.kind == .pdf || attachment.kind.isImage ? "inline" : "attachment"
        let ascii = String(attachment.filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        return "\(type); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
