/// A parsed `multipart/form-data` body: text fields and uploaded files.
///
/// Reads the whole body at once, which suits uploads limited to tens of megabytes.
///
/// ```swift
/// let form = try MultipartForm(contentType: "multipart/form-data; boundary=----x", body: bytes)
/// form.fields["title"]?.first   // "Jaarverslag"
/// form.files.first?.filename    // "jaarverslag.pdf"
/// ```
struct MultipartForm: Sendable {
    struct File: Sendable {
        /// The form field's name.
        let field: String
        /// The name on the sender's disk, without folders.
        let filename: String
        let contentType: String?
        let bytes: [UInt8]
    }

    /// Text parts, values in the order they were sent; bytes that are not UTF-8 become U+FFFD.
    let fields: [String: [String]]
    /// File parts, except file inputs left empty.
    let files: [File]

    /// `contentType` is the request's Content-Type header value, e.g. `multipart/form-data; boundary=----x`.
    init(contentType: String, body: [UInt8], maximumParts: Int = 50) throws(MultipartError) {
        let header = HeaderValue(contentType)
        guard header.value.lowercased() == "multipart/form-data" else { throw .notMultipart }
        guard let boundary = header.parameters["boundary"], !boundary.isEmpty else { throw .missingBoundary }
        var fields: [String: [String]] = [:]
        var files: [File] = []
        var reader = PartReader(body: body, boundary: Array(boundary.utf8))
        var count = 0
        while let part = try reader.next() {
            count += 1
            guard count <= maximumParts else { throw .tooManyParts }
            let disposition = HeaderValue(part.header("content-disposition") ?? "")
            guard disposition.value.lowercased() == "form-data", let name = disposition.parameters["name"] else {
                throw .malformed("a part has no form-data name")
            }
            let content = body[part.content]
            guard let filename = Self.filename(disposition.parameters) else {
                fields[name, default: []].append(String(decoding: content, as: UTF8.self))
                continue
            }
            if filename.isEmpty, content.isEmpty { continue }
            let type = part.header("content-type")
            files.append(File(field: name, filename: filename, contentType: type, bytes: Array(content)))
        }
        self.fields = fields
        self.files = files
    }

    /// Nil for a text field. A UTF-8 `filename*` (RFC 5987) wins over `filename`; folders a browser may send along are dropped.
    private static func filename(_ parameters: [String: String]) -> String? {
        guard parameters["filename"] != nil || parameters["filename*"] != nil else { return nil }
        let name = parameters["filename*"].flatMap(decodeExtendedValue) ?? parameters["filename"] ?? ""
        return String(name.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last ?? "")
    }

    /// `UTF-8''na%C3%AFef.pdf` → `naïef.pdf`; nil for other character sets or broken encoding.
    private static func decodeExtendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        var bytes: [UInt8] = []
        var iterator = pieces[2].utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

enum MultipartError: Error, Equatable, Sendable {
    case notMultipart
    case missingBoundary
    case malformed(String)
    case tooManyParts

    var english: String {
        switch self {
        case .notMultipart: "The request body is not multipart/form-data."
        case .missingBoundary: "The multipart/form-data content type has no boundary."
        case .malformed(let detail): "The multipart/form-data body is malformed: \(detail)."
        case .tooManyParts: "The form has too many parts."
        }
    }
}

/// Walks the parts of a body by their delimiters, without copying the content.
private struct PartReader {
    struct Part {
        let headers: [(name: String, value: String)]
        let content: Range<Int>

        func header(_ name: String) -> String? {
            headers.first { $0.name == name }?.value
        }
    }

    let body: [UInt8]
    /// `CRLF--boundary`: every delimiter but a first one at the very start of the body.
    let delimiter: [UInt8]
    private var cursor: Int?

    init(body: [UInt8], boundary: [UInt8]) {
        self.body = body
        delimiter = Array("\r\n--".utf8) + boundary
        let dashed = delimiter[2...]
        if body.starts(with: dashed) {
            cursor = dashed.count
        } else {
            cursor = Self.find(delimiter, in: body, from: 0).map { $0 + delimiter.count }
        }
    }

    /// The next part, or nil after the closing delimiter.
    mutating func next() throws(MultipartError) -> Part? {
        guard var position = cursor else { throw .malformed("the opening boundary is missing") }
        if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return nil }
        while position < body.count, body[position] == UInt8(ascii: " ") || body[position] == UInt8(ascii: "\t") {
            position += 1
        }
        guard body[position...].starts(with: Self.crlf) else { throw .malformed("the closing boundary is missing") }
        let start = position + 2
        guard let end = nextDelimiter(from: start) else { throw .malformed("the closing boundary is missing") }
        cursor = end + delimiter.count

        if body[start..<end].starts(with: Self.crlf) { return Part(headers: [], content: (start + 2)..<end) }
        guard let headerEnd = Self.find(Self.crlf + Self.crlf, in: body[..<end], from: start) else {
            throw .malformed("part headers do not end in an empty line")
        }
        return Part(headers: try Self.headers(body[start..<headerEnd]), content: (headerEnd + 4)..<end)
    }

    /// A delimiter counts only when followed by `--` or by optional spaces and a line break.
    private func nextDelimiter(from start: Int) -> Int? {
        var from = start
        while let found = Self.find(delimiter, in: body, from: from) {
            var after = found + delimiter.count
            if body[after...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return found }
            while after < body.count, body[after] == UInt8(ascii: " ") || body[after] == UInt8(ascii: "\t") {
                after += 1
            }
            if body[after...].starts(with: Self.crlf) { return found }
            from = found + 1
        }
        return nil
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]

    private static func headers(_ block: ArraySlice<UInt8>) throws(MultipartError) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        var lineStart = block.startIndex
        while lineStart < block.endIndex {
            let lineEnd = find(crlf, in: block, from: lineStart) ?? block.endIndex
            let line = block[lineStart..<lineEnd]
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw .malformed("a part header has no colon")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
            headers.append((name.trimmingSpaces, value.trimmingSpaces))
            lineStart = lineEnd + 2
        }
        return headers
    }

    /// The first occurrence of `pattern` at or after `from`: scans for its first byte, then compares the rest.
    static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first else { return from }
        let lastStart = bytes.endIndex - pattern.count
        var index = from
        while index <= lastStart {
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        find(pattern, in: bytes[...], from: from)
    }
}

/// A header value with `; name=value` parameters, e.g. `form-data; name="file"; filename="a.pdf"`.
private struct HeaderValue {
    let value: String
    /// Lowercased names and unquoted values. The first of a repeated name wins.
    let parameters: [String: String]

    init(_ text: String) {
        var characters = Substring(text)
        value = String(Self.take(&characters) { $0 == ";" }).trimmingSpaces
        var parameters: [String: String] = [:]
        while !characters.isEmpty {
            characters.removeFirst()
            let name = String(Self.take(&characters) { $0 == "=" || $0 == ";" }).trimmingSpaces.lowercased()
            var value = ""
            if characters.first == "=" {
                characters.removeFirst()
                characters = characters.drop { $0 == " " || $0 == "\t" }
                if characters.first == "\"" {
                    value = Self.quoted(&characters)
                    _ = Self.take(&characters) { $0 == ";" }
                } else {
                    value = String(Self.take(&characters) { $0 == ";" }).trimmingSpaces
                }
            }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
        }
        self.parameters = parameters
    }

    private static func take(_ characters: inout Substring, until isEnd: (Character) -> Bool) -> Substring {
        let end = characters.firstIndex(where: isEnd) ?? characters.endIndex
        defer { characters = characters[end...] }
        return characters[..<end]
    }

    /// Reads `"…"` from the front; an unterminated string runs to the end. A backslash escapes only `"` and `\`,
    /// so an old-style Windows path such as `"C:\map\a.pdf"` keeps its separators.
    private static func quoted(_ characters: inout Substring) -> String {
        characters.removeFirst()
        var result = ""
        while let character = characters.popFirst(), character != "\"" {
            if character == "\\", let next = characters.first, next == "\"" || next == "\\" {
                result.append(characters.removeFirst())
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
