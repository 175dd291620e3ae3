/// A kind of file editors may attach to an item, decided by what the file contains rather than what it is called,
/// so a renamed executable or a web page saved as `.pdf` never reaches visitors.
///
/// ```swift
/// switch AttachmentKind.detect(upload.bytes, filename: upload.filename) {
/// case .success(let kind): store(upload, as: kind.mediaType)
/// case .failure(let rejection): show(rejection.dutch)
/// }
/// ```
public enum AttachmentKind: String, CaseIterable, Sendable {
    case pdf, docx, odt, xlsx, csv, png, jpeg, gif, webp

    /// The `Content-Type` to serve the file with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        }
    }

    /// The file name extensions this kind may carry, lowercase and without the dot.
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        default: [rawValue]
        }
    }

    /// What the editor sees, e.g. "Word-document".
    public var dutchName: String {
        switch self {
        case .pdf: "PDF-document"
        case .docx: "Word-document"
        case .odt: "OpenDocument-tekst"
        case .xlsx: "Excel-werkblad"
        case .csv: "CSV-bestand"
        case .png, .jpeg, .gif, .webp: "\(shortName)-afbeelding"
        }
    }

    var englishName: String {
        switch self {
        case .pdf: "PDF document"
        case .docx: "Word document"
        case .odt: "OpenDocument text"
        case .xlsx: "Excel spreadsheet"
        case .csv: "CSV file"
        case .png, .jpeg, .gif, .webp: "\(shortName) image"
        }
    }

    /// The name in lists of allowed kinds, e.g. "DOCX" or "WebP".
    var shortName: String { self == .webp ? "WebP" : rawValue.uppercased() }

    /// Whether browsers can show the file inline as a picture.
    public var isImage: Bool {
        switch self {
        case .png, .jpeg, .gif, .webp: true
        default: false
        }
    }

    /// Detects by content first, then requires the file name's extension to belong to that kind.
    ///
    /// CSV is the exception: plain text has no signature, so text counts as CSV only when the name ends in `.csv`.
    public static func detect(
        _ bytes: some Collection<UInt8>, filename: String
    ) -> Result<AttachmentKind, AttachmentRejection> {
        let content = bytes as? [UInt8] ?? Array(bytes)
        guard !content.isEmpty else { return .failure(.empty) }
        let fileExtension = Self.fileExtension(of: filename)
        let lowercased = fileExtension.lowercased()
        guard let kind = kind(of: content, fileExtension: lowercased) else { return .failure(.unknownContent) }
        guard kind.extensions.contains(lowercased) else {
            return .failure(.extensionMismatch(detected: kind, filenameExtension: fileExtension))
        }
        return .success(kind)
    }

    private static func kind(of content: [UInt8], fileExtension: String) -> AttachmentKind? {
        if content.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if content.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if content.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if content.starts(with: Array("GIF87a".utf8)) || content.starts(with: Array("GIF89a".utf8)) { return .gif }
        if content.count >= 12, content.starts(with: Array("RIFF".utf8)),
            content[8..<12].elementsEqual("WEBP".utf8)
        {
            return .webp
        }
        if content.starts(with: ZipEntries.localHeaderSignature) {
            return ZipEntries(content).flatMap(officeKind)
        }
        if fileExtension == "csv", isPlainText(content) { return .csv }
        return nil
    }

    private static func officeKind(of zip: ZipEntries) -> AttachmentKind? {
        if zip.isOpenDocumentText { return .odt }
        if zip.names.contains("word/document.xml") { return .docx }
        if zip.names.contains("xl/workbook.xml") { return .xlsx }
        return nil
    }

    /// No NUL and valid UTF-8 in the first 64 KB; a character cut off by that limit does not count against it.
    private static func isPlainText(_ content: [UInt8]) -> Bool {
        let limit = 64 * 1024
        var sample = content.prefix(limit)
        if content.count > limit, let cut = incompleteTail(of: sample) { sample = sample[..<cut] }
        return !sample.contains(0) && String(validating: sample, as: UTF8.self) != nil
    }

    /// The start of a multi-byte sequence at the end of `bytes` that lacks its last continuation bytes.
    private static func incompleteTail(of bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.endIndex
        while index > bytes.startIndex, bytes.endIndex - index < 4 {
            index -= 1
            let byte = bytes[index]
            guard byte & 0xC0 == 0x80 else {
                let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return bytes.endIndex - index < needed ? index : nil
            }
        }
        return nil
    }

    /// The part after the last dot of the name without its folders, as written; "" when there is none.
    private static func fileExtension(of filename: String) -> String {
        let name = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}

/// Why an upload was refused, in words the editor can act on.
public enum AttachmentRejection: Error, Equatable, Sendable {
    case empty
    /// The content is none of the allowed kinds.
    case unknownContent
    /// The content is fine but the name says otherwise; `filenameExtension` is as written, "" when missing.
    case extensionMismatch(detected: AttachmentKind, filenameExtension: String)

    public var dutch: String {
        switch self {
        case .empty:
            "Het bestand is leeg."
        case .unknownContent:
            "Dit soort bestand kan niet worden toegevoegd. Toegestaan: \(Self.allowed(and: "en"))."
        case .extensionMismatch(let kind, ""):
            "De inhoud is een \(kind.dutchName), maar de bestandsnaam heeft geen extensie."
        case .extensionMismatch(let kind, let fileExtension):
            "De inhoud is een \(kind.dutchName), maar de bestandsnaam eindigt op .\(fileExtension)."
        }
    }

    public var english: String {
        switch self {
        case .empty:
            "The file is empty."
        case .unknownContent:
            "This kind of file cannot be attached. Allowed: \(Self.allowed(and: "and"))."
        case .extensionMismatch(let kind, ""):
            "The content is a \(kind.englishName), but the file name has no extension."
        case .extensionMismatch(let kind, let fileExtension):
            "The content is a \(kind.englishName), but the file name ends in .\(fileExtension)."
        }
    }

    private static func allowed(and conjunction: String) -> String {
        let names = AttachmentKind.allCases.map(\.shortName)
        return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names[names.count - 1]
    }
}

/// The entry names of a ZIP archive, which is all it takes to tell Office and OpenDocument files apart.
///
/// Walks the local file headers from the start; when an entry's sizes are only known after its data
/// (flag bit 3) or the walk goes wrong, reads the central directory at the end instead.
private struct ZipEntries {
    static let localHeaderSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    struct Entry {
        let name: String
        let isStored: Bool
        let data: Range<Int>
    }

    let entries: [Entry]
    let bytes: [UInt8]

    init?(_ bytes: [UInt8]) {
        guard let entries = Self.localEntries(bytes) ?? Self.centralEntries(bytes) else { return nil }
        self.entries = entries
        self.bytes = bytes
    }

    var names: Set<String> { Set(entries.map(\.name)) }

    /// The OpenDocument rule: the first entry is an uncompressed `mimetype` holding exactly the media type.
    var isOpenDocumentText: Bool {
        guard let first = entries.first, first.name == "mimetype", first.isStored else { return false }
        return bytes[first.data].elementsEqual(AttachmentKind.odt.mediaType.utf8)
    }

    private static func localEntries(_ bytes: [UInt8]) -> [Entry]? {
        var entries: [Entry] = []
        var offset = 0
        while offset + 4 <= bytes.count, bytes.uint32(at: offset) == 0x0403_4B50 {
            guard offset + 30 <= bytes.count else { return nil }
            let flags = bytes.uint16(at: offset + 6)
            let size = Int(bytes.uint32(at: offset + 18))
            guard flags & 0x8 == 0, size != 0xFFFF_FFFF else { return nil }
            guard let entry = entry(in: bytes, localHeader: offset, size: size) else { return nil }
            entries.append(entry)
            offset = entry.data.upperBound
        }
        let atCentralDirectory = offset + 4 <= bytes.count && bytes.uint32(at: offset) == 0x0201_4B50
        return atCentralDirectory && !entries.isEmpty ? entries : nil
    }

    private static func centralEntries(_ bytes: [UInt8]) -> [Entry]? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard let end = stride(from: bytes.count - 22, through: lowest, by: -1)
            .first(where: { bytes.uint32(at: $0) == 0x0605_4B50 })
        else { return nil }
        let count = Int(bytes.uint16(at: end + 10))
        var offset = Int(bytes.uint32(at: end + 16))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, bytes.uint32(at: offset) == 0x0201_4B50 else { return nil }
            let size = Int(bytes.uint32(at: offset + 20))
            let nameLength = Int(bytes.uint16(at: offset + 28))
            let skipped = nameLength + Int(bytes.uint16(at: offset + 30)) + Int(bytes.uint16(at: offset + 32))
            let localHeader = Int(bytes.uint32(at: offset + 42))
            guard localHeader + 30 <= bytes.count, bytes.uint32(at: localHeader) == 0x0403_4B50,
                let entry = entry(in: bytes, localHeader: localHeader, size: size)
            else { return nil }
            entries.append(entry)
            offset += 46 + skipped
        }
        return entries.isEmpty ? nil : entries
    }

    private static func entry(in bytes: [UInt8], localHeader offset: Int, size: Int) -> Entry? {
        let nameLength = Int(bytes.uint16(at: offset + 26))
        let extraLength = Int(bytes.uint16(at: offset + 28))
        let nameStart = offset + 30
        let dataStart = nameStart + nameLength + extraLength
        guard dataStart + size <= bytes.count else { return nil }
        return Entry(
            name: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self),
            isStored: bytes.uint16(at: offset + 8) == 0,
            data: dataStart..<(dataStart + size)
        )
    }
}

extension [UInt8] {
    fileprivate func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }
}
