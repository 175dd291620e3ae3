import Domain
import Testing

@Suite("Recognising attachments by their content")
struct AttachmentKindTests {
    static let signatures: [(kind: AttachmentKind, bytes: [UInt8], filename: String)] = [
        (.pdf, Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "verslag.pdf"),
        (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "logo.png"),
        (.jpeg, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46], "foto.jpg"),
        (.jpeg, [0xFF, 0xD8, 0xFF, 0xE1, 0, 16, 0x45, 0x78], "foto.JPEG"),
        (.gif, Array("GIF89a".utf8) + [1, 0, 1, 0], "kaart.gif"),
        (.gif, Array("GIF87a".utf8) + [1, 0, 1, 0], "kaart.gif"),
        (.webp, Array("RIFF".utf8) + [26, 0, 0, 0] + Array("WEBPVP8 ".utf8), "banner.webp"),
        (.docx, StoredZip.make(["[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"]), "notitie.docx"),
        (.xlsx, StoredZip.make(["[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"]), "cijfers.xlsx"),
        (.odt, StoredZip.make(["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"]), "brief.odt"),
        (.csv, Array("\u{FEFF}gemeente;aantal\nUtrecht;12\n".utf8), "aantallen.csv"),
        (.csv, Array("naam,plaats\nRené,Zoë's dorp\n".utf8), "namen.CSV"),
    ]

    @Test("each allowed kind is recognised by its content and a fitting name", arguments: signatures)
    func recognised(_ sample: (kind: AttachmentKind, bytes: [UInt8], filename: String)) {
        #expect(AttachmentKind.detect(sample.bytes, filename: sample.filename) == .success(sample.kind))
    }

    @Test("an empty file is refused before anything else")
    func empty() {
        #expect(AttachmentKind.detect([UInt8](), filename: "leeg.pdf") == .failure(.empty))
    }

    @Test("a renamed file is refused and the message says what it really is")
    func renamed() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        let result = AttachmentKind.detect(png, filename: "scan.pdf")
        #expect(result == .failure(.extensionMismatch(detected: .png, filenameExtension: "pdf")))
        #expect(result.rejection?.dutch == "De inhoud is een PNG-afbeelding, maar de bestandsnaam eindigt op .pdf.")
        #expect(result.rejection?.english == "The content is a PNG image, but the file name ends in .pdf.")
    }

    @Test("the name's extension is compared case-insensitively but reported as written")
    func extensionCase() {
        let pdf = Array("%PDF-1.4\n".utf8)
        #expect(AttachmentKind.detect(pdf, filename: "Verslag.PDF") == .success(.pdf))
        #expect(AttachmentKind.detect(pdf, filename: "Verslag.Docx")
            == .failure(.extensionMismatch(detected: .pdf, filenameExtension: "Docx")))
    }

    @Test("a name without an extension is a mismatch with an empty extension", arguments: ["verslag", "map/verslag", ".pdf", "verslag."])
    func missingExtension(filename: String) {
        let result = AttachmentKind.detect(Array("%PDF-1.4\n".utf8), filename: filename)
        #expect(result == .failure(.extensionMismatch(detected: .pdf, filenameExtension: "")))
        #expect(result.rejection?.dutch == "De inhoud is een PDF-document, maar de bestandsnaam heeft geen extensie.")
    }

    @Test("only the last path component's extension counts")
    func folders() {
        #expect(AttachmentKind.detect(Array("%PDF-1.4\n".utf8), filename: "C:\\map.docx\\verslag.pdf") == .success(.pdf))
    }

    @Test("the PDF signature must be at the very start")
    func pdfNotAtStart() {
        #expect(AttachmentKind.detect(Array("<html>%PDF-1.4".utf8), filename: "verslag.pdf") == .failure(.unknownContent))
    }

    @Test("content that is none of the kinds is refused with the list of allowed kinds", arguments: [
        (Array("MZ\u{0}\u{3}".utf8), "setup.pdf"),
        (Array("<!doctype html><p>hoi</p>".utf8), "pagina.html"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8), "geluid.webp"),
        (Array("gemeente;aantal\n".utf8), "aantallen.txt"),
    ])
    func unknown(bytes: [UInt8], filename: String) {
        let result = AttachmentKind.detect(bytes, filename: filename)
        #expect(result == .failure(.unknownContent))
        #expect(result.rejection?.dutch
            == "Dit soort bestand kan niet worden toegevoegd. Toegestaan: PDF, DOCX, ODT, XLSX, CSV, PNG, JPEG, GIF en WebP.")
    }

    @Test("text with a NUL byte is not CSV, even when named .csv")
    func nulInText() {
        let disguised = Array("<html><body>\u{0}<script>".utf8)
        #expect(AttachmentKind.detect(disguised, filename: "export.csv") == .failure(.unknownContent))
    }

    @Test("text that is not UTF-8 is not CSV")
    func invalidUTF8() {
        let latin1: [UInt8] = Array("naam;plaats\nRen".utf8) + [0xE9] + Array(";Utrecht\n".utf8)
        #expect(AttachmentKind.detect(latin1, filename: "namen.csv") == .failure(.unknownContent))
    }

    @Test("a character cut in two by the 64 KB sample limit does not make a CSV invalid",
        arguments: ["é", "€", "🙂"], 1...3)
    func characterAtSampleLimit(character: String, bytesBeforeLimit: Int) {
        let padding = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024 - bytesBeforeLimit)
        #expect(AttachmentKind.detect(padding + Array("\(character);\n".utf8), filename: "lang.csv") == .success(.csv))
    }

    @Test("invalid UTF-8 just before the sample limit still counts")
    func invalidBeforeLimit() {
        let padding = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024 - 3)
        let text = padding + [0xE9, UInt8(ascii: "a"), UInt8(ascii: "b")] + Array("c\n".utf8)
        #expect(AttachmentKind.detect(text, filename: "lang.csv") == .failure(.unknownContent))
    }

    @Test("a ZIP that is not an office document is refused")
    func plainZip() {
        let zip = StoredZip.make(["foto.jpg": "jpeg", "word/readme.txt": "nee"])
        #expect(AttachmentKind.detect(zip, filename: "notitie.docx") == .failure(.unknownContent))
    }

    @Test("a docx named .zip is a mismatch")
    func docxNamedZip() {
        let docx = StoredZip.make(["word/document.xml": "<w:document/>"])
        #expect(AttachmentKind.detect(docx, filename: "archief.zip")
            == .failure(.extensionMismatch(detected: .docx, filenameExtension: "zip")))
    }

    @Test("an ODT needs an uncompressed mimetype entry first, holding exactly the text media type")
    func openDocumentRules() {
        let spreadsheet = StoredZip.make(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "x"])
        let second = StoredZip.make(["content.xml": "x", "mimetype": "application/vnd.oasis.opendocument.text"])
        let trailingNewline = StoredZip.make(["mimetype": "application/vnd.oasis.opendocument.text\n"])
        let deflated = StoredZip.make(["mimetype": "application/vnd.oasis.opendocument.text"], method: 8)
        for zip in [spreadsheet, second, trailingNewline, deflated] {
            #expect(AttachmentKind.detect(zip, filename: "brief.odt") == .failure(.unknownContent))
        }
    }

    @Test("entries whose sizes follow their data are read from the central directory", arguments: [AttachmentKind.docx, .xlsx, .odt])
    func dataDescriptors(kind: AttachmentKind) {
        let entries: KeyValuePairs<String, String> = switch kind {
        case .odt: ["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"]
        case .xlsx: ["[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"]
        default: ["[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"]
        }
        let zip = StoredZip.make(entries, dataDescriptors: true)
        #expect(AttachmentKind.detect(zip, filename: "bestand.\(kind.rawValue)") == .success(kind))
    }

    @Test("a ZIP cut off halfway is refused")
    func truncatedZip() {
        let docx = StoredZip.make(["[Content_Types].xml": "<Types/>", "word/document.xml": String(repeating: "x", count: 200)])
        #expect(AttachmentKind.detect(Array(docx.prefix(120)), filename: "notitie.docx") == .failure(.unknownContent))
    }

    @Test("any collection of bytes can be inspected, not only arrays")
    func collections() {
        let bytes = Array("xx%PDF-1.4\n".utf8)
        #expect(AttachmentKind.detect(bytes[2...], filename: "a.pdf") == .success(.pdf))
        #expect(AttachmentKind.detect(bytes.dropFirst(2).lazy.map { $0 }, filename: "a.pdf") == .success(.pdf))
    }

    @Test("each kind's extensions, media type and names", arguments: AttachmentKind.allCases)
    func properties(kind: AttachmentKind) {
        #expect(kind.extensions.contains(kind.rawValue) || kind == .jpeg)
        #expect(kind.extensions.allSatisfy { $0 == $0.lowercased() && !$0.hasPrefix(".") })
        #expect(kind.isImage == kind.mediaType.hasPrefix("image/"))
        #expect(!kind.dutchName.isEmpty)
    }

    @Test("media types and Dutch names as served and shown")
    func table() {
        #expect(AttachmentKind.jpeg.extensions == ["jpg", "jpeg"])
        #expect(AttachmentKind.csv.mediaType == "text/csv; charset=utf-8")
        #expect(AttachmentKind.docx.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(AttachmentKind.xlsx.dutchName == "Excel-werkblad")
        #expect(AttachmentKind.odt.dutchName == "OpenDocument-tekst")
        #expect(AttachmentKind.webp.dutchName == "WebP-afbeelding")
        #expect(AttachmentRejection.empty.dutch == "Het bestand is leeg.")
        #expect(AttachmentRejection.unknownContent.english
            == "This kind of file cannot be attached. Allowed: PDF, DOCX, ODT, XLSX, CSV, PNG, JPEG, GIF and WebP.")
    }
}

extension Result where Failure == AttachmentRejection {
    fileprivate var rejection: AttachmentRejection? {
        if case .failure(let rejection) = self { rejection } else { nil }
    }
}

/// Builds real ZIP archives by hand, so the tests do not depend on a zip tool.
private enum StoredZip {
    /// Entries in the given order; `method` is only written into the headers (the data stays uncompressed),
    /// and `dataDescriptors` moves CRC and sizes behind the data as streaming zip writers do.
    static func make(_ entries: KeyValuePairs<String, String>, method: UInt16 = 0, dataDescriptors: Bool = false) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for (name, text) in entries {
            let data = Array(text.utf8), nameBytes = Array(name.utf8)
            let checksum = crc32(data), offset = archive.count
            let flags: UInt16 = dataDescriptors ? 0x8 : 0
            archive += le32(0x0403_4B50) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
            archive += dataDescriptors ? le32(0) + le32(0) + le32(0) : le32(checksum) + le32(data.count) + le32(data.count)
            archive += le16(nameBytes.count) + le16(0) + nameBytes + data
            if dataDescriptors { archive += le32(0x0807_4B50) + le32(checksum) + le32(data.count) + le32(data.count) }
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
            directory += le32(checksum) + le32(data.count) + le32(data.count) + le16(nameBytes.count)
            directory += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let directoryOffset = archive.count
        archive += directory
        archive += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
        archive += le32(directory.count) + le32(directoryOffset) + le16(0)
        return archive
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func le16(_ value: some BinaryInteger) -> [UInt8] {
        let value = UInt16(value)
        return [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func le32(_ value: some BinaryInteger) -> [UInt8] {
        let value = UInt32(value)
        return le16(value & 0xFFFF) + le16(value >> 16)
    }
}

@Suite("The hand-made test ZIPs")
struct StoredZipTests {
    @Test("CRC-32 matches the standard check value")
    func checkValue() {
        #expect(StoredZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
