/// Markdown reduced to the words a reader sees, for snippets: link targets, emphasis marks (`*`, `_`),
/// heading and list markers go; line breaks become spaces.
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
            if byte == ascii("\r") {
                index += 1
                continue
            }
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
                // A numbered list item: digits, a full stop or parenthesis, a space.
                var digitsEnd = index
                while digitsEnd < bytes.count, (ascii("0")...ascii("9")).contains(bytes[digitsEnd]) { digitsEnd += 1 }
                if digitsEnd > index, digitsEnd + 1 < bytes.count, bytes[digitsEnd] == ascii(".") || bytes[digitsEnd] == ascii(")"),
                   bytes[digitsEnd + 1] == ascii(" ") {
                    index = digitsEnd + 2
                    continue
                }
            }
            switch byte {
            case ascii("_") where index > 0 && index + 1 < bytes.count && isWordByte(bytes[index - 1]) && isWordByte(bytes[index + 1]):
                // Inside a word (`werk_zoeken`) an underscore is text, as the Markdown renderer reads it.
                output.append(byte)
                index += 1
            case ascii("*"), ascii("_"), ascii("`"), ascii("["):
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

    /// Letters and digits, counting every byte of a non-ASCII character as a letter.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (ascii("0")...ascii("9")).contains(byte) || (ascii("a")...ascii("z")).contains(byte | 0x20)
    }
}
