/// Markdown reduced to the words a reader sees, for snippets: link targets, emphasis marks, heading
/// and list markers go; line breaks become spaces.
///
/// Works on UTF-8 bytes (every marker is ASCII), because a result page reduces twenty bodies.
///
/// ```swift
/// PlainText.fromMarkdown("## Kop\n\nLees **dit** [hier](https://example.org).")  // "Kop Lees dit hier."
/// ```
public enum PlainText {
    public static func fromMarkdown(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var atLineStart = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ascii("\n") {
                if let last = output.last, last != ascii(" ") { output.append(ascii(" ")) }
                atLineStart = true
                index += 1
                continue
            }
            if atLineStart {
                if byte == ascii(" ") || byte == ascii("#") || byte == ascii(">") {
                    index += 1
                    continue
                }
                atLineStart = false
                if byte == ascii("-") || byte == ascii("*") || byte == ascii("+"), index + 1 < bytes.count, bytes[index + 1] == ascii(" ") {
                    index += 2
                    continue
                }
            }
            switch byte {
            case ascii("*"), ascii("`"), ascii("["):
                index += 1
            case ascii("!") where index + 1 < bytes.count && bytes[index + 1] == ascii("["):
                index += 1
            case ascii("]") where index + 1 < bytes.count && bytes[index + 1] == ascii("("):
                // A link target: skip to the closing parenthesis, if there is one.
                if let close = bytes[(index + 1)...].firstIndex(of: ascii(")")) {
                    index = close + 1
                } else {
                    index += 1
                }
            case ascii("]"):
                index += 1
            default:
                output.append(byte)
                index += 1
            }
        }
        while output.last == ascii(" ") { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
}
