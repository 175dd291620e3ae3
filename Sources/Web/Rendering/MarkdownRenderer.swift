import Domain
import Foundation

/// Renders the Markdown of a knowledge item body to HTML that is safe to embed in a page.
///
/// Bodies are written by editors but also arrive through imports from other tools, so the input
/// is untrusted: all text is escaped, raw HTML is shown as text instead of being passed through,
/// and links may only point to http(s), mailto or relative targets. The syntax is a pragmatic
/// CommonMark subset (no tables, reference links, indented code or setext headings); what is not
/// understood stays visible as literal text. The output is well-formed for any input, and nesting
/// is capped so hostile bodies cannot exhaust the stack or the CPU.
package struct MarkdownRenderer: Sendable {
    /// The level the body's highest heading gets: `<h2>`, because the page's `<h1>` is the item title.
    /// The others keep their distance to it, so `## Aanpak` / `### Stap 1` become h2 / h3 and no level is skipped.
    package let topHeadingLevel: Int

    /// Quotes and lists nested deeper than this are rendered as plain paragraphs, which bounds recursion.
    static let maximumNesting = 16

    package init(topHeadingLevel: Int = 2) {
        self.topHeadingLevel = topHeadingLevel
    }

    package func render(_ markdown: String) -> String {
        let html = renderBlocks(Self.lines(of: markdown), depth: 0).blocks
            .map { $0.html(tight: false) }
            .joined(separator: "\n")
        return Self.shiftHeadings(html, top: topHeadingLevel)
    }

    /// Moves every heading so the highest becomes `top`. Every `<hN>` in the output is a heading this
    /// renderer wrote, because text is always escaped, so a plain text replacement is exact.
    static func shiftHeadings(_ html: String, top: Int) -> String {
        guard let highest = (1...6).first(where: { html.contains("<h\($0)>") }), highest != top else { return html }
        var result = html
        let levels = highest < top ? Array((1...6).reversed()) : Array(1...6)
        for level in levels where result.contains("<h\(level)>") {
            let target = min(max(level - highest + top, 1), 6)
            result = result.replacingOccurrences(of: "<h\(level)>", with: "<h\(target)>")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
        }
        return result
    }
}

private typealias Line = [Unicode.Scalar]

/// A rendered block; paragraphs stay unwrapped until we know whether they sit in a tight list.
private enum Block {
    case paragraph(String)
    case other(String)

    func html(tight: Bool) -> String {
        switch self {
        case .paragraph(let inline): tight ? inline : "<p>\(inline)</p>"
        case .other(let html): html
        }
    }
}

private struct Fence {
    let marker: Unicode.Scalar
    let length: Int
    let indent: Int
}

private struct ListMarker {
    let ordered: Bool
    /// The bullet, or the `.` / `)` after the number: a different one starts a new list.
    let symbol: Unicode.Scalar
    let start: Int
    let indent: Int
    /// The column item content starts at; continuation lines are dedented by up to this much.
    let contentColumn: Int
    let content: Line
}

extension MarkdownRenderer {
    /// Splits into lines, normalising `\r\n` and `\r` and replacing NUL as CommonMark asks.
    private static func lines(of markdown: String) -> [Line] {
        var lines: [Line] = []
        var current: Line = []
        var afterCarriageReturn = false
        for scalar in markdown.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            if scalar == "\n" && afterCarriageReturn { continue }
            if scalar == "\n" || scalar == "\r" {
                lines.append(current)
                current = []
            } else {
                current.append(scalar == "\0" ? "\u{FFFD}" : scalar)
            }
        }
        lines.append(current)
        return lines
    }

    /// Renders a sequence of lines as blocks and reports whether blank lines separated any of
    /// them, which decides whether an enclosing list item is loose.
    private func renderBlocks(_ lines: [Line], depth: Int) -> (blocks: [Block], blankBetween: Bool) {
        guard depth < Self.maximumNesting else { return (plainParagraphs(lines), false) }
        var blocks: [Block] = []
        var blankBetween = false
        var sawBlank = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                sawBlank = true
                index += 1
                continue
            }
            if sawBlank && !blocks.isEmpty { blankBetween = true }
            sawBlank = false
            if let fence = openingFence(line) {
                index += 1
                var html = "<pre><code>"
                while index < lines.count {
                    defer { index += 1 }
                    if closes(fence, lines[index]) { break }
                    HTMLEscaping.escape(dropIndent(lines[index], fence.indent), into: &html)
                    html += "\n"
                }
                blocks.append(.other(html + "</code></pre>"))
            } else if let heading = heading(line) {
                let level = heading.level
                blocks.append(.other("<h\(level)>\(MarkdownInlineRenderer.render(heading.content))</h\(level)>"))
                index += 1
            } else if isThematicBreak(line) {
                blocks.append(.other("<hr>"))
                index += 1
            } else if quoteContent(line) != nil {
                var content: [Line] = []
                while index < lines.count {
                    if let quoted = quoteContent(lines[index]) {
                        content.append(quoted)
                    } else if let last = content.last, continuesParagraph(after: last, lines[index]) {
                        content.append(lines[index])
                    } else {
                        break
                    }
                    index += 1
                }
                let inner = renderBlocks(content, depth: depth + 1).blocks.map { $0.html(tight: false) }
                blocks.append(.other((["<blockquote>"] + inner + ["</blockquote>"]).joined(separator: "\n")))
            } else if let marker = listMarker(line) {
                let list = renderList(lines, from: index, first: marker, depth: depth)
                blocks.append(.other(list.html))
                index = list.next
            } else {
                var paragraph = [line]
                index += 1
                while index < lines.count, !isBlank(lines[index]), !interruptsParagraph(lines[index]) {
                    paragraph.append(lines[index])
                    index += 1
                }
                blocks.append(self.paragraph(paragraph))
            }
        }
        return (blocks, blankBetween)
    }

    /// Collects the items of one list; lines indented by two or more columns belong to the
    /// current item and are rendered recursively, which gives nested lists for free.
    private func renderList(
        _ lines: [Line], from start: Int, first: ListMarker, depth: Int
    ) -> (html: String, next: Int) {
        var items: [[Line]] = []
        var current: [Line] = [first.content]
        var contentColumn = first.contentColumn
        var loose = false
        var pendingBlanks = 0
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                pendingBlanks += 1
                index += 1
                continue
            }
            let indent = indentation(of: line)
            if indent >= first.indent + 2 {
                current += Array(repeating: [], count: pendingBlanks)
                current.append(dropIndent(line, min(indent, contentColumn)))
            } else if isThematicBreak(line) {
                break
            } else if let marker = listMarker(line), marker.ordered == first.ordered, marker.symbol == first.symbol {
                loose = loose || pendingBlanks > 0
                items.append(current)
                current = [marker.content]
                contentColumn = marker.contentColumn
            } else if pendingBlanks == 0, let last = current.last, continuesParagraph(after: last, line) {
                current.append(line)
            } else {
                break
            }
            pendingBlanks = 0
            index += 1
        }
        items.append(current)
        let rendered = items.map { renderBlocks($0, depth: depth + 1) }
        loose = loose || rendered.contains { $0.blankBetween }
        let tag = first.ordered ? "ol" : "ul"
        var html = first.ordered && first.start != 1 ? "<\(tag) start=\"\(first.start)\">\n" : "<\(tag)>\n"
        for item in rendered {
            html += "<li>" + item.blocks.map { $0.html(tight: !loose) }.joined(separator: "\n") + "</li>\n"
        }
        // Blank lines after the list are left for the caller, so it can see the separation.
        return (html + "</\(tag)>", index - pendingBlanks)
    }

    private func paragraph(_ lines: [Line]) -> Block {
        var text: Line = []
        for (number, line) in lines.enumerated() {
            if number > 0 { text.append("\n") }
            text += line.drop { $0 == " " || $0 == "\t" }
        }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return .paragraph(MarkdownInlineRenderer.render(text))
    }

    /// Used beyond the nesting limit: no block syntax at all, only paragraphs.
    private func plainParagraphs(_ lines: [Line]) -> [Block] {
        lines.split(whereSeparator: isBlank).map { paragraph(Array($0)) }
    }

    /// A lazy continuation line: text that simply goes on with the paragraph above it.
    private func continuesParagraph(after previous: Line, _ line: Line) -> Bool {
        !isBlank(previous) && !isBlank(line) && openingFence(previous) == nil
            && !interruptsParagraph(line) && listMarker(line) == nil
    }

    private func interruptsParagraph(_ line: Line) -> Bool {
        if openingFence(line) != nil || heading(line) != nil || isThematicBreak(line) || quoteContent(line) != nil {
            return true
        }
        // As in CommonMark, only lists that clearly start a list may cut a paragraph short,
        // so a sentence line such as "2024. was a good year" stays text.
        guard let marker = listMarker(line), !marker.content.isEmpty else { return false }
        return !marker.ordered || marker.start == 1
    }

    // MARK: Line classification

    private func isBlank(_ line: Line) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Leading whitespace in columns, with tabs stopping at multiples of four.
    private func indentation(of line: Line) -> Int {
        var column = 0
        for scalar in line {
            if scalar == " " {
                column += 1
            } else if scalar == "\t" {
                column += 4 - column % 4
            } else {
                break
            }
        }
        return column
    }

    private func dropIndent(_ line: Line, _ columns: Int) -> Line {
        var column = 0
        var index = 0
        while index < line.count, column < columns {
            if line[index] == " " {
                column += 1
            } else if line[index] == "\t" {
                let width = 4 - column % 4
                if column + width > columns {
                    return Array(repeating: " ", count: column + width - columns) + line[(index + 1)...]
                }
                column += width
            } else {
                break
            }
            index += 1
        }
        return Array(line[index...])
    }

    /// Index of the first non-space scalar, or nil when the line is indented four or more columns.
    private func contentStart(_ line: Line) -> Int? {
        guard indentation(of: line) <= 3 else { return nil }
        return line.firstIndex { $0 != " " && $0 != "\t" }
    }

    private func openingFence(_ line: Line) -> Fence? {
        guard let start = contentStart(line), line[start] == "`" || line[start] == "~" else { return nil }
        let marker = line[start]
        let end = line[start...].firstIndex { $0 != marker } ?? line.count
        guard end - start >= 3 else { return nil }
        if marker == "`" && line[end...].contains("`") { return nil }
        return Fence(marker: marker, length: end - start, indent: indentation(of: line))
    }

    private func closes(_ fence: Fence, _ line: Line) -> Bool {
        guard let start = contentStart(line), line[start] == fence.marker else { return false }
        let end = line[start...].firstIndex { $0 != fence.marker } ?? line.count
        return end - start >= fence.length && isBlank(Array(line[end...]))
    }

    private func heading(_ line: Line) -> (level: Int, content: Line)? {
        guard let start = contentStart(line), line[start] == "#" else { return nil }
        let end = line[start...].firstIndex { $0 != "#" } ?? line.count
        guard end - start <= 6, end == line.count || line[end] == " " || line[end] == "\t" else { return nil }
        var content = Array(line[end...].drop { $0 == " " || $0 == "\t" })
        while let last = content.last, last == " " || last == "\t" { content.removeLast() }
        // An optional closing sequence of #s, as in "## Title ##".
        let closing = (content.lastIndex { $0 != "#" } ?? -1) + 1
        if closing == 0 {
            content = []
        } else if closing < content.count, content[closing - 1] == " " || content[closing - 1] == "\t" {
            content = Array(content[..<closing])
            while let last = content.last, last == " " || last == "\t" { content.removeLast() }
        }
        return (end - start, content)
    }

    private func isThematicBreak(_ line: Line) -> Bool {
        guard let start = contentStart(line), "-*_".unicodeScalars.contains(line[start]) else { return false }
        let marker = line[start]
        var count = 0
        for scalar in line[start...] {
            if scalar == marker {
                count += 1
            } else if scalar != " " && scalar != "\t" {
                return false
            }
        }
        return count >= 3
    }

    /// The line without its `>` marker and one following space, or nil if it is not quoted.
    private func quoteContent(_ line: Line) -> Line? {
        guard let start = contentStart(line), line[start] == ">" else { return nil }
        return dropIndent(Array(line[(start + 1)...]), 1)
    }

    private func listMarker(_ line: Line) -> ListMarker? {
        guard let start = contentStart(line) else { return nil }
        let indent = indentation(of: line)
        var end = start
        var ordered = false
        var number = 0
        if "-*+".unicodeScalars.contains(line[start]) {
            end += 1
        } else {
            while end < line.count, end - start < 9, ("0"..."9").contains(line[end]) {
                number = number * 10 + Int(line[end].value - 48)
                end += 1
            }
            guard end > start, end < line.count, line[end] == "." || line[end] == ")" else { return nil }
            ordered = true
            end += 1
        }
        let symbol = line[end - 1]
        guard end == line.count || line[end] == " " || line[end] == "\t" else { return nil }
        let content = Array(line[end...].drop { $0 == " " || $0 == "\t" })
        let spaces = content.isEmpty ? 1 : indentation(of: Array(line[end...]))
        let contentColumn = indent + (end - start) + (spaces > 4 ? 1 : spaces)
        return ListMarker(ordered: ordered, symbol: symbol, start: number, indent: indent,
                          contentColumn: contentColumn, content: content)
    }
}
