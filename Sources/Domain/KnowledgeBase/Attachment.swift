import Foundation

/// A file attached to a knowledge item: a report as PDF, a spreadsheet, an image.
///
/// The bytes live in a ``FileStore`` under their SHA-256, so the same file attached twice is stored once;
/// the record keeps the name the editor gave it and, for PDFs, the extracted text that search indexes.
public struct Attachment: Sendable, Equatable, Identifiable {
    public enum TextStatus: String, Sendable {
        /// Not a kind whose text is extracted.
        case none = "geen"
        case pending = "wachtend"
        case done = "klaar"
        case failed = "mislukt"
    }

    public var id: String
    public var itemID: String
    /// The item's address, for links back to it.
    public var itemSlug: String
    public var sha256: String
    public var filename: String
    public var kind: AttachmentKind
    public var size: Int
    public var uploaded: Date
    public var uploadedBy: String
    public var textStatus: TextStatus
    public var downloads: Int

    public init(
        id: String, itemID: String, itemSlug: String, sha256: String, filename: String, kind: AttachmentKind, size: Int, uploaded: Date,
        uploadedBy: String, textStatus: TextStatus, downloads: Int = 0
    ) {
        self.id = id
        self.itemID = itemID
        self.itemSlug = itemSlug
        self.sha256 = sha256
        self.filename = filename
        self.kind = kind
        self.size = size
        self.uploaded = uploaded
        self.uploadedBy = uploadedBy
        self.textStatus = textStatus
        self.downloads = downloads
    }

    /// The default upper limit of one upload; `KENNIS_MAX_UPLOAD_MB` changes it.
    public static let defaultMaximumSize = 25 * 1024 * 1024
    public static let filenameMaximum = 200
    /// Text beyond this is not indexed: a 2,000-page report still gets its first few hundred pages searched.
    public static let indexedTextMaximum = 1_000_000
}

/// Where the attachment records are kept.
public protocol AttachmentStore: Sendable {
    /// Records a stored file as an attachment of the item. Throws ``DomainError/notFound(_:)`` for an unknown item.
    func add(toItem slug: String, sha256: String, filename: String, kind: AttachmentKind, size: Int, by editor: Editor, at: Date)
        async throws -> Attachment
    /// The item's attachments, oldest first.
    func attachments(ofItem slug: String) async throws -> [Attachment]
    func attachment(id: String) async throws -> Attachment?
    /// Removes the record and its text from the search index (the file stays while another record uses it).
    func remove(id: String) async throws
    /// Stores extracted text (nil when extraction failed) and re-indexes the item, in one transaction.
    func setText(_ text: String?, attachmentID: String) async throws
    func recordDownload(attachmentID: String) async throws
    /// How many records point at this file.
    func references(toFile sha256: String) async throws -> Int
}

/// Keeps file contents by their SHA-256. A folder on disk now; an S3-compatible store can follow.
public protocol FileStore: Sendable {
    /// Stores the bytes and returns their SHA-256 as lowercase hex; storing the same bytes twice is harmless.
    func put(_ bytes: [UInt8]) async throws -> String
    func get(_ sha256: String) async throws -> [UInt8]?
    func delete(_ sha256: String) async throws
}

/// Pulls the plain text out of a document, for search.
public protocol TextExtractor: Sendable {
    /// nil when this kind has no text to extract.
    func text(of bytes: [UInt8], kind: AttachmentKind) async throws -> String?
}
