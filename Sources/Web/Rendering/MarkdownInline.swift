import Domain

/// Turns the text of one block into inline HTML: code spans, emphasis, links, autolinks,
/// backslash escapes and line breaks. Everything else, raw HTML included, becomes escaped text.
///
/// Emphasis and links follow a reduced CommonMark delimiter-stack algorithm. The result is built
/// as a flat list of pieces and tags are only attached in matched pairs whose spans nest, so the
/// output is well-formed for any input, and nothing recurses. Scans that look ahead are bounded
/// or remembered, so hostile input stays close to linear time.
struct MarkdownInlineRenderer {
    private enum Kind { case text, delimiter(Int), bracket }

    private struct Piece {
        var kind: Kind
        var html: String
    }

    /// A run of `*` or `_` that may still open or close emphasis.
    private struct Delimiter {
        let marker: Unicode.Scalar
        var count: Int
        let originalCount: Int
        let canOpen: Bool
        let canClose: Bool
        var previous: Int?
        var next: Int?
        /// Innermost first; emitted in reverse so the outermost tag comes first.
        var openTags: [String] = []
        /// Innermost first, which is also the order they close in.
        var closeTags: [String] = []
    }

    private struct Bracket {
        let piece: Int
        /// The delimiter that was on top when the bracket opened: emphasis inside a link stops here.
        let bottom: Int?
    }

    /// Longer destinations, titles and autolinks are not links; bounds the look-ahead per `]` or `<`.
    private static let maximumLinkLength = 2048
    private static let maximumParenthesisDepth = 32

    private let text: [Unicode.Scalar]
    private var pieces: [Piece] = []
    private var delimiters: [Delimiter] = []
    private var top: Int?
    private var brackets: [Bracket] = []
    /// Brackets below this index were open when a link was made; they may not become links
    /// themselves, because a link inside a link is invalid HTML.
    private var firstActiveBracket = 0
    /// Start positions of the backtick runs in the text by run length, built on first use, so
    /// finding the closer of a code span never rescans the text.
    private var backtickRuns: [Int: [Int]]?
    private var backtickCursors: [Int: Int] = [:]

    static func render(_ text: [Unicode.Scalar]) -> String {
        var renderer = MarkdownInlineRenderer(text: text)
        renderer.parse()
        return renderer.output()
    }

    private init(text: [Unicode.Scalar]) {
        self.text = text
    }

    private mutating func parse() {
        var position = 0
        while position < text.count {
            let scalar = text[position]
            switch scalar {
            case "\\": position = backslash(at: position)
            case "`": position = codeSpan(at: position)
            case "*", "_": position = delimiterRun(at: position)
            case "[": position = openBracket(at: position, length: 1)
            case "!" where position + 1 < text.count && text[position + 1] == "[":
                position = openBracket(at: position, length: 2)
            case "]": position = closeBracket(at: position)
            case "<": position = autolink(at: position)
            case "\n":
                lineBreak()
                position += 1
            default:
                appendText(scalar)
                position += 1
            }
        }
        processEmphasis(above: nil)
    }

    // MARK: Pieces

    private mutating func appendText(_ scalar: Unicode.Scalar) {
        openTextPiece()
        HTMLEscaping.escape(scalar, into: &pieces[pieces.count - 1].html)
    }

    private mutating func appendHTML(_ html: String) {
        openTextPiece()
        pieces[pieces.count - 1].html += html
    }

    private mutating func openTextPiece() {
        if case .text? = pieces.last?.kind { return }
        pieces.append(Piece(kind: .text, html: ""))
    }

    private func output() -> String {
        var html = ""
        for piece in pieces {
            guard case .delimiter(let index) = piece.kind else {
                html += piece.html
                continue
            }
            let delimiter = delimiters[index]
            for tag in delimiter.closeTags { html += tag }
            for _ in 0..<max(delimiter.count, 0) { html.unicodeScalars.append(delimiter.marker) }
            for tag in delimiter.openTags.reversed() { html += tag }
        }
        return html
    }

    // MARK: Simple constructs

    private mutating func backslash(at position: Int) -> Int {
        let next = position + 1
        if next < text.count {
            if text[next] == "\n" {
                appendHTML("<br>\n")
                return next + 1
            }
            if text[next].isASCIIPunctuation {
                appendText(text[next])
                return next + 1
            }
        }
        appendText("\\")
        return next
    }

    /// Two or more spaces before a line end make a hard break; other trailing spaces are dropped.
    private mutating func lineBreak() {
        var spaces = 0
        if case .text? = pieces.last?.kind {
            while pieces[pieces.count - 1].html.unicodeScalars.last == " " {
                pieces[pieces.count - 1].html.unicodeScalars.removeLast()
                spaces += 1
            }
        }
        appendHTML(spaces >= 2 ? "<br>\n" : "\n")
    }

    private mutating func codeSpan(at position: Int) -> Int {
        let end = runEnd(from: position)
        let length = end - position
        if backtickRuns == nil { indexBacktickRuns() }
        if let starts = backtickRuns?[length] {
            // Parsing only moves forward, so a per-length cursor finds the next closer in linear total time.
            var cursor = backtickCursors[length, default: 0]
            while cursor < starts.count && starts[cursor] < end { cursor += 1 }
            backtickCursors[length] = cursor
            if cursor < starts.count {
                let closer = starts[cursor]
                appendCode(text[end..<closer])
                return closer + length
            }
        }
        for _ in 0..<length { appendText("`") }
        return end
    }

    private mutating func indexBacktickRuns() {
        var runs: [Int: [Int]] = [:]
        var position = 0
        while position < text.count {
            guard text[position] == "`" else {
                position += 1
                continue
            }
            let end = runEnd(from: position)
            runs[end - position, default: []].append(position)
            position = end
        }
        backtickRuns = runs
    }

    private mutating func appendCode(_ content: ArraySlice<Unicode.Scalar>) {
        var code = content.map { $0 == "\n" ? " " : $0 }
        if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
            code.removeFirst()
            code.removeLast()
        }
        var html = "<code>"
        HTMLEscaping.escape(code, into: &html)
        appendHTML(html + "</code>")
    }

    private func runEnd(from position: Int) -> Int {
        var end = position
        while end < text.count && text[end] == text[position] { end += 1 }
        return end
    }

    /// `<https://…>` and `<name@example.org>`; anything else starting with `<` is plain text.
    private mutating func autolink(at position: Int) -> Int {
        var end = position + 1
        while end < text.count, end - position <= Self.maximumLinkLength {
            let scalar = text[end]
            if scalar == ">" || scalar == "<" || scalar.value <= 0x20 || scalar.value == 0x7F { break }
            end += 1
        }
        guard end < text.count, text[end] == ">", end > position + 1 else {
            appendText("<")
            return position + 1
        }
        let content = Array(text[(position + 1)..<end])
        let destination: [Unicode.Scalar]
        if MarkdownLinkPolicy.hasScheme(content) {
            destination = content
        } else if MarkdownLinkPolicy.isEmailAddress(content) {
            destination = Array("mailto:".unicodeScalars) + content
        } else {
            appendText("<")
            return position + 1
        }
        guard let target = MarkdownLinkPolicy.target(for: destination) else {
            appendText("<")
            return position + 1
        }
        var html = target.openingTag(title: nil)
        HTMLEscaping.escape(content, into: &html)
        appendHTML(html + "</a>")
        firstActiveBracket = brackets.count
        return end + 1
    }

    // MARK: Links

    private mutating func openBracket(at position: Int, length: Int) -> Int {
        pieces.append(Piece(kind: .bracket, html: length == 2 ? "![" : "["))
        brackets.append(Bracket(piece: pieces.count - 1, bottom: top))
        return position + length
    }

    private mutating func popBracket() {
        brackets.removeLast()
        firstActiveBracket = min(firstActiveBracket, brackets.count)
    }

    /// Images are rendered as plain links to the image: no remote content is loaded from untrusted bodies.
    private mutating func closeBracket(at position: Int) -> Int {
        guard let bracket = brackets.last else {
            appendText("]")
            return position + 1
        }
        guard brackets.count - 1 >= firstActiveBracket, let link = linkTail(from: position + 1) else {
            popBracket()
            appendText("]")
            return position + 1
        }
        popBracket()
        processEmphasis(above: bracket.bottom)
        if let target = MarkdownLinkPolicy.target(for: link.destination) {
            pieces[bracket.piece] = Piece(kind: .text, html: target.openingTag(title: link.title))
            appendHTML("</a>")
        } else {
            pieces[bracket.piece] = Piece(kind: .text, html: "")
        }
        firstActiveBracket = brackets.count
        return link.end
    }

    /// Parses `(destination "title")` after a `]`, or returns nil when it is not a link.
    private func linkTail(from start: Int) -> (destination: [Unicode.Scalar], title: [Unicode.Scalar]?, end: Int)? {
        guard start < text.count, text[start] == "(" else { return nil }
        var position = skipSpace(from: start + 1)
        var destination: [Unicode.Scalar] = []
        if position < text.count, text[position] == "<" {
            position += 1
            while true {
                guard position < text.count, destination.count <= Self.maximumLinkLength else { return nil }
                let scalar = text[position]
                if scalar == ">" { break }
                if scalar == "<" || scalar == "\n" { return nil }
                position = appendUnescaping(at: position, to: &destination)
            }
            position += 1
        } else {
            var depth = 0
            while position < text.count, destination.count <= Self.maximumLinkLength {
                let scalar = text[position]
                if scalar.value <= 0x20 || scalar.value == 0x7F { break }
                if scalar == "(" {
                    depth += 1
                    if depth > Self.maximumParenthesisDepth { return nil }
                } else if scalar == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                position = appendUnescaping(at: position, to: &destination)
            }
            guard depth == 0, destination.count <= Self.maximumLinkLength else { return nil }
        }
        let destinationEnd = position
        position = skipSpace(from: position)
        var title: [Unicode.Scalar]?
        if position > destinationEnd, position < text.count, let closer = Self.titleCloser(text[position]) {
            var characters: [Unicode.Scalar] = []
            position += 1
            while true {
                guard position < text.count, characters.count <= Self.maximumLinkLength else { return nil }
                let scalar = text[position]
                if scalar == closer { break }
                if scalar == "(" && closer == ")" { return nil }
                position = appendUnescaping(at: position, to: &characters)
            }
            title = characters
            position = skipSpace(from: position + 1)
        }
        guard position < text.count, text[position] == ")" else { return nil }
        return (destination, title, position + 1)
    }

    private static func titleCloser(_ opener: Unicode.Scalar) -> Unicode.Scalar? {
        switch opener {
        case "\"", "'": opener
        case "(": ")"
        default: nil
        }
    }

    private func appendUnescaping(at position: Int, to output: inout [Unicode.Scalar]) -> Int {
        if text[position] == "\\", position + 1 < text.count, text[position + 1].isASCIIPunctuation {
            output.append(text[position + 1])
            return position + 2
        }
        output.append(text[position])
        return position + 1
    }

    private func skipSpace(from start: Int) -> Int {
        var position = start
        while position < text.count, text[position] == " " || text[position] == "\t" || text[position] == "\n" {
            position += 1
        }
        return position
    }

    // MARK: Emphasis

    private mutating func delimiterRun(at position: Int) -> Int {
        let marker = text[position]
        let end = runEnd(from: position)
        let before: Unicode.Scalar = position > 0 ? text[position - 1] : " "
        let after: Unicode.Scalar = end < text.count ? text[end] : " "
        let leftFlanking = !after.isMarkdownWhitespace
            && (!after.isMarkdownPunctuation || before.isMarkdownWhitespace || before.isMarkdownPunctuation)
        let rightFlanking = !before.isMarkdownWhitespace
            && (!before.isMarkdownPunctuation || after.isMarkdownWhitespace || after.isMarkdownPunctuation)
        // An underscore inside a word (snake_case) neither opens nor closes.
        let canOpen = marker == "*" ? leftFlanking : leftFlanking && (!rightFlanking || before.isMarkdownPunctuation)
        let canClose = marker == "*" ? rightFlanking : rightFlanking && (!leftFlanking || after.isMarkdownPunctuation)
        guard canOpen || canClose else {
            for _ in position..<end { appendText(marker) }
            return end
        }
        let index = delimiters.count
        delimiters.append(Delimiter(
            marker: marker, count: end - position, originalCount: end - position,
            canOpen: canOpen, canClose: canClose, previous: top, next: nil))
        if let top { delimiters[top].next = index }
        top = index
        pieces.append(Piece(kind: .delimiter(index), html: ""))
        return end
    }

    private mutating func unlink(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if let previous { delimiters[previous].next = next }
        if let next {
            delimiters[next].previous = previous
        } else if top == index {
            top = previous
        }
    }

    /// Pairs the delimiters above `bottom` (CommonMark "process emphasis"), then drops them all,
    /// so emphasis never pairs across a link boundary. `openersBottom` remembers where a failed
    /// search stopped, which keeps runs of unmatched delimiters from turning quadratic.
    private mutating func processEmphasis(above bottom: Int?) {
        var current: Int?
        var walker = top
        while let index = walker, index != bottom {
            current = index
            walker = delimiters[index].previous
        }
        var openersBottom = [Int?](repeating: bottom, count: 12)
        while let closerIndex = current {
            // Read fields rather than copying the struct: a copy would keep the tag arrays shared
            // and make every append below copy them, which is quadratic for long delimiter runs.
            let marker = delimiters[closerIndex].marker
            let closerCount = delimiters[closerIndex].originalCount
            let closerCanOpen = delimiters[closerIndex].canOpen
            guard delimiters[closerIndex].canClose else {
                current = delimiters[closerIndex].next
                continue
            }
            let key = (marker == "*" ? 0 : 6) + (closerCanOpen ? 3 : 0) + closerCount % 3
            var candidate = delimiters[closerIndex].previous
            var found: Int?
            while let index = candidate, index != bottom, index != openersBottom[key] {
                let opener = (marker: delimiters[index].marker, count: delimiters[index].originalCount,
                              canOpen: delimiters[index].canOpen, canClose: delimiters[index].canClose)
                if opener.marker == marker && opener.canOpen {
                    let oddMatch = (opener.canClose || closerCanOpen) && (opener.count + closerCount) % 3 == 0
                        && !(opener.count % 3 == 0 && closerCount % 3 == 0)
                    if !oddMatch {
                        found = index
                        break
                    }
                }
                candidate = delimiters[index].previous
            }
            guard let openerIndex = found else {
                openersBottom[key] = delimiters[closerIndex].previous
                current = delimiters[closerIndex].next
                if !closerCanOpen { unlink(closerIndex) }
                continue
            }
            let used = delimiters[openerIndex].count >= 2 && delimiters[closerIndex].count >= 2 ? 2 : 1
            delimiters[openerIndex].count -= used
            delimiters[closerIndex].count -= used
            delimiters[openerIndex].openTags.append(used == 2 ? "<strong>" : "<em>")
            delimiters[closerIndex].closeTags.append(used == 2 ? "</strong>" : "</em>")
            // Delimiters between the pair stay literal; that is what keeps the tags nested.
            delimiters[openerIndex].next = closerIndex
            delimiters[closerIndex].previous = openerIndex
            if delimiters[openerIndex].count == 0 { unlink(openerIndex) }
            if delimiters[closerIndex].count == 0 {
                current = delimiters[closerIndex].next
                unlink(closerIndex)
            }
        }
        top = bottom
        if let bottom { delimiters[bottom].next = nil }
    }
}
