import Testing

@testable import Web

@Suite("Reading multipart/form-data bodies")
struct MultipartFormTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// Awkward file content: line breaks, a `--` line and a near-miss of the delimiter.
    static let binary: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x0D, 0x0A]
        + Array("--\r\n--\(boundary)X\r\n\r\n".utf8) + [0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0x0D]

    /// A body as Chromium sends it: two text fields, one file, one empty file input.
    static func chromiumBody() -> [UInt8] {
        let b = boundary
        return Array("""
            --\(b)\r
            Content-Disposition: form-data; name="title"\r
            \r
            Jaarverslag\r
            --\(b)\r
            Content-Disposition: form-data; name="themes"\r
            \r
            participatie\r
            --\(b)\r
            Content-Disposition: form-data; name="themes"\r
            \r
            taal\r
            --\(b)\r
            Content-Disposition: form-data; name="attachment"; filename="jaarverslag.pdf"\r
            Content-Type: application/pdf\r
            \r

            """.utf8) + binary + Array("""
            \r
            --\(b)\r
            Content-Disposition: form-data; name="extra"; filename=""\r
            Content-Type: application/octet-stream\r
            \r
            \r
            --\(b)--\r

            """.utf8)
    }

    @Test("a Chromium body gives its fields in order and its file byte for byte")
    func chromium() throws {
        let form = try MultipartForm(contentType: Self.contentType, body: Self.chromiumBody())
        #expect(form.fields == ["title": ["Jaarverslag"], "themes": ["participatie", "taal"]])
        let file = try #require(form.files.first)
        #expect(form.files.count == 1)
        #expect(file.field == "attachment")
        #expect(file.filename == "jaarverslag.pdf")
        #expect(file.contentType == "application/pdf")
        #expect(file.bytes == Self.binary)
    }

    @Test("a quoted boundary and other parameters in the content type", arguments: [
        "multipart/form-data; boundary=\"a'b(c)+_,-./:=? d\"",
        "Multipart/Form-Data;charset=utf-8;BOUNDARY=\"a'b(c)+_,-./:=? d\"",
    ])
    func quotedBoundary(contentType: String) throws {
        let body = Array("--a'b(c)+_,-./:=? d\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nwaarde\r\n--a'b(c)+_,-./:=? d--".utf8)
        #expect(try MultipartForm(contentType: contentType, body: body).fields == ["q": ["waarde"]])
    }

    @Test("field values and names are UTF-8")
    func utf8Fields() throws {
        let body = part(name: "opmerking", content: "Zoë’s café — €5") + part(name: "naïef", content: "ja") + close
        let form = try MultipartForm(contentType: Self.contentType, body: body)
        #expect(form.fields == ["opmerking": ["Zoë’s café — €5"], "naïef": ["ja"]])
    }

    @Test("file names: escaped quotes, semicolons, folders stripped, filename* winning", arguments: [
        (#"filename="C:\\Users\\an\\verslag.pdf""#, "verslag.pdf"),
        (#"filename="C:\Users\an\verslag.pdf""#, "verslag.pdf"),
        (#"filename="/home/an/verslag.pdf""#, "verslag.pdf"),
        (#"filename="het \"echte\" verslag; v2.pdf""#, #"het "echte" verslag; v2.pdf"#),
        (#"filename="na_ef.pdf"; filename*=UTF-8''na%C3%AFef%20%E2%82%AC.pdf"#, "naïef €.pdf"),
        (#"filename*=utf-8'nl'rapport.pdf"#, "rapport.pdf"),
        (#"filename="fallback.pdf"; filename*=UTF-8''kapot%E2%82.pdf"#, "fallback.pdf"),
        (#"filename=kaal.pdf"#, "kaal.pdf"),
        (#"filename*=ISO-8859-1''na%EFef.pdf"#, ""),
    ])
    func filenames(parameter: String, expected: String) throws {
        let body = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"f\"; \(parameter)\r\n\r\nx\r\n".utf8) + close
        let file = try #require(try MultipartForm(contentType: Self.contentType, body: body).files.first)
        #expect(file.filename == expected)
        #expect(file.contentType == nil)
    }

    @Test("an empty file input is skipped, but an empty file with a name is kept")
    func noFileChosen() throws {
        let empty = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"; filename=\"\"\r\n\r\n".utf8)
        let named = Array("\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"b\"; filename=\"leeg.txt\"\r\n\r\n\r\n".utf8)
        let form = try MultipartForm(contentType: Self.contentType, body: empty + named + close)
        #expect(form.files.map(\.field) == ["b"])
        #expect(form.files.first?.bytes == [])
    }

    @Test("a preamble before the first delimiter and an epilogue after the last are ignored")
    func preambleAndEpilogue() throws {
        let body = Array("Dit is een MIME-bericht.\r\n".utf8) + part(name: "q", content: "a") + close + Array("nagekomen".utf8)
        #expect(try MultipartForm(contentType: Self.contentType, body: body).fields == ["q": ["a"]])
    }

    @Test("a body that ends without its closing delimiter is malformed", arguments: [
        "--B\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nwaarde",
        "--B\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nwaarde\r\n--B",
        "--B\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nwaarde\r\n--B\r\n",
        "geen delimiter",
        "",
    ])
    func missingClose(body: String) throws {
        let error = #expect(throws: MultipartError.self) {
            try MultipartForm(contentType: "multipart/form-data; boundary=B", body: Array(body.utf8))
        }
        guard case .malformed = try #require(error) else {
            Issue.record("expected .malformed, got \(String(describing: error))")
            return
        }
    }

    @Test("parts without a form-data name or without the blank line after the headers are malformed", arguments: [
        "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--",
        "--B\r\nContent-Disposition: attachment; name=\"q\"\r\n\r\nx\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=\"q\"\r\nx\r\n--B--",
        "--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--",
    ])
    func malformedParts(body: String) {
        #expect(throws: MultipartError.self) {
            try MultipartForm(contentType: "multipart/form-data; boundary=B", body: Array(body.utf8))
        }
    }

    @Test("more parts than allowed are refused", arguments: [(3, false), (4, true)])
    func tooManyParts(parts: Int, refused: Bool) throws {
        let body = (0..<parts).flatMap { part(name: "f\($0)", content: "x") } + close
        if refused {
            #expect(throws: MultipartError.tooManyParts) {
                try MultipartForm(contentType: Self.contentType, body: body, maximumParts: 3)
            }
        } else {
            #expect(try MultipartForm(contentType: Self.contentType, body: body, maximumParts: 3).fields.count == parts)
        }
    }

    @Test("other content types and a missing boundary are told apart", arguments: [
        ("application/x-www-form-urlencoded", MultipartError.notMultipart),
        ("multipart/mixed; boundary=B", .notMultipart),
        ("multipart/form-data", .missingBoundary),
        ("multipart/form-data; boundary=\"\"", .missingBoundary),
        ("multipart/form-data; charset=utf-8", .missingBoundary),
    ])
    func contentTypes(contentType: String, error: MultipartError) {
        #expect(throws: error) {
            try MultipartForm(contentType: contentType, body: Array("--B--".utf8))
        }
        #expect(!error.english.isEmpty)
    }

    @Test("a 25 MB file is read whole")
    func largeFile() throws {
        var content = [UInt8](repeating: 0x2D, count: 25 * 1024 * 1024)
        for index in stride(from: 0, to: content.count, by: 4_096) { content[index] = 0x0D; content[index + 1] = 0x0A }
        let head = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"groot.bin\"\r\n\r\n".utf8)
        let form = try MultipartForm(contentType: Self.contentType, body: head + content + Array("\r\n".utf8) + close)
        let file = try #require(form.files.first)
        #expect(file.bytes.count == content.count)
        #expect(file.bytes == content)
    }

    private func part(name: String, content: String) -> [UInt8] {
        Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(content)\r\n".utf8)
    }

    /// The closing delimiter, after a part that ends in its line break.
    private var close: [UInt8] { Array("--\(Self.boundary)--\r\n".utf8) }
}
