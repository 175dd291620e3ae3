/// Markdown reduced to the words a reader sees, for snippets: link targets, emphasis marks, heading
/// and list markers go; line breaks become spaces.
///
/// ```swift
/// PlainText.fromMarkdown("## Kop\n\nLees **dit** [hier](https://example.org).")  // "Kop Lees dit hier."
/// ```
public enum PlainText {
    public static func fromMarkdown(_ markdown: String) -> String {
        var output = ""
        output.reserveCapacity(markdown.utf8.count)
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            var text = line.drop { $0 == " " || $0 == "#" || $0 == ">" }
            if let marker = text.first, "-*+".contains(marker), text.dropFirst().first == " " { text = text.dropFirst(2) }
            if !output.isEmpty { output.append(" ") }
            appendInline(text, to: &output)
        }
        return output
    }

    /// Keeps link texts, drops `(target)` after a `]`, and drops emphasis and code marks.
    private static func appendInline(_ text: Substring, to output: inout String) {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "*", "`", "[":
                break
            case "!" where text[text.index(after: index)...].first == "[":
                break
            case "]":
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "(", let close = text[next...].firstIndex(of: ")") {
                    index = text.index(after: close)
                    continue
                }
            default:
                output.append(character)
            }
            index = text.index(after: index)
        }
    }
}
