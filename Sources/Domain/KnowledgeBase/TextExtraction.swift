/// The background job that reads an attachment's text for search: queued at upload, run by the scheduler.
public struct TextExtraction: Sendable {
    public static let jobKind = "extract-text"

    let attachments: any AttachmentStore
    let files: any FileStore
    let extractor: any TextExtractor

    public init(attachments: any AttachmentStore, files: any FileStore, extractor: any TextExtractor) {
        self.attachments = attachments
        self.files = files
        self.extractor = extractor
    }

    /// Extracts and stores the text. A document that cannot be read is marked failed rather than retried
    /// forever; a missing attachment (removed meanwhile) is nothing to do.
    public func run(attachmentID: String) async throws {
        guard let attachment = try await attachments.attachment(id: attachmentID), attachment.textStatus == .pending else { return }
        guard let bytes = try await files.get(attachment.sha256) else {
            try await attachments.setText(nil, attachmentID: attachmentID)
            return
        }
        let text: String?
        do {
            text = try await extractor.text(of: bytes, kind: attachment.kind)
        } catch {
            try await attachments.setText(nil, attachmentID: attachmentID)
            throw error
        }
        try await attachments.setText(text ?? "", attachmentID: attachmentID)
    }
}
