import Domain
import Foundation
import Hummingbird

/// Takes an uploaded file from the editor's form: checks size and kind by content, stores it by hash,
/// records it on the item, and queues the PDF text extraction.
struct AttachmentUpload: Sendable {
    let attachments: any AttachmentStore
    let files: any FileStore
    let jobs: any JobQueue
    let audit: any AuditLog
    let clock: any WallClock
    let limit: Int

    /// "2,4 MB", "830 kB": sizes as Dutch readers write them ("2.4 MB" in English).
    static func describe(_ bytes: Int, language: Language = .nl) -> String {
        if bytes >= 1024 * 1024 {
            let megabytes = Double(bytes) / (1024 * 1024)
            let text = megabytes >= 10 || megabytes == megabytes.rounded() ? String(Int(megabytes.rounded())) : String(format: "%.1f", megabytes)
            return (language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text) + " MB"
        }
        return "\(max(1, Int((Double(bytes) / 1024).rounded()))) kB"
    }

    /// Stores the file; throws a ``Problem`` with a Dutch message (413, 415 or 422) when it cannot be taken.
    func add(_ file: MultipartForm.File?, toItem slug: String, by editor: Editor) async throws -> Attachment {
        guard let file, !file.bytes.isEmpty else {
            throw Problem.page(.unprocessableContent, "Kies een bestand om toe te voegen.", english: "no file was chosen")
        }
        guard file.bytes.count <= limit else {
            throw Problem.page(.contentTooLarge,
                "‘\(file.filename)’ is \(Self.describe(file.bytes.count)); bijlagen mogen hoogstens \(Self.describe(limit)) zijn.",
                english: "the file is larger than the limit of \(Self.describe(limit))")
        }
        let filename = Self.cleanFilename(file.filename)
        let kind: AttachmentKind
        switch AttachmentKind.detect(file.bytes, filename: filename) {
        case .success(let detected): kind = detected
        case .failure(let rejection):
            throw Problem.page(.unsupportedMediaType, "‘\(filename)’ is niet toegevoegd. \(rejection.dutch)", english: rejection.english)
        }
        let hash = try await files.put(file.bytes)
        let now = clock.now()
        let attachment = try await attachments.add(toItem: slug, sha256: hash, filename: filename, kind: kind, size: file.bytes.count,
                                                   by: editor, at: now)
        if attachment.textStatus == .pending {
            try await jobs.enqueue(kind: TextExtraction.jobKind, payload: attachment.id, runAt: now)
        }
        try await audit.record(AuditEntry(at: now, actor: editor.name, action: .attachmentAdded, subject: slug,
                                          detail: "\(filename) (\(Self.describe(file.bytes.count)))"))
        return attachment
    }

    /// A file name safe to show and to send back in Content-Disposition: no control characters or
    /// separators, at most ``Attachment/filenameMaximum`` characters, extension kept.
    static func cleanFilename(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0 != "/" && $0 != "\\" && $0.value != 0x7F }
            .map(Character.init)).trimmingCharacters(in: .whitespaces)
        guard cleaned.count > Attachment.filenameMaximum else { return cleaned.isEmpty ? "bijlage" : cleaned }
        let ext = (cleaned as NSString).pathExtension
        return String(cleaned.prefix(Attachment.filenameMaximum - ext.count - 1)) + "." + ext
    }
}
