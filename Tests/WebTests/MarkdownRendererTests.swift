import Testing
@testable import Web

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    private let renderer = MarkdownRenderer()

    // MARK: Blocks

    @Test("The highest heading becomes the top level and the others keep their distance, up to h6", arguments: [
        ("# Titel", 2, "<h2>Titel</h2>"),
        ("## Sectie", 2, "<h2>Sectie</h2>"),
        ("## Aanpak\n\n### Stap 1", 2, "<h2>Aanpak</h2>\n<h3>Stap 1</h3>"),
        ("# A\n\n###### Zes", 2, "<h2>A</h2>\n<h6>Zes</h6>"),
        ("#### Vier", 1, "<h1>Vier</h1>"),
        ("## Met afsluiting ##", 2, "<h2>Met afsluiting</h2>"),
        ("# C#", 2, "<h2>C#</h2>"),
        ("`<h1>` in code", 2, "<p><code>&lt;h1&gt;</code> in code</p>"),
    ])
    func headings(markdown: String, top: Int, expected: String) {
        #expect(MarkdownRenderer(topHeadingLevel: top).render(markdown) == expected)
    }

    @Test("A hash without a following space, or more than six, is not a heading", arguments: [
        "#hashtag", "####### zeven",
    ])
    func notHeadings(markdown: String) {
        #expect(renderer.render(markdown) == "<p>\(markdown)</p>")
    }

    @Test("Blank lines separate paragraphs, whatever the line endings", arguments: ["\n", "\r\n", "\r"])
    func paragraphs(newline: String) {
        let markdown = ["een", "twee", "", "", "drie"].joined(separator: newline)
        #expect(renderer.render(markdown) == "<p>een\ntwee</p>\n<p>drie</p>")
    }

    @Test("Two trailing spaces or a trailing backslash make a hard line break")
    func hardBreaks() {
        #expect(renderer.render("een  \ntwee\\\ndrie \nvier  ") == "<p>een<br>\ntwee<br>\ndrie\nvier</p>")
    }

    @Test("Every bullet character makes an unordered list", arguments: ["-", "*", "+"])
    func unorderedList(bullet: String) {
        let markdown = "\(bullet) appel\n\(bullet) *peer*"
        #expect(renderer.render(markdown) == "<ul>\n<li>appel</li>\n<li><em>peer</em></li>\n</ul>")
    }

    @Test("Ordered lists get a start attribute only when they do not start at 1", arguments: [
        ("1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"),
        ("1) a\n1) b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"),
        ("3. a\n4. b", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>"),
    ])
    func orderedList(markdown: String, expected: String) {
        #expect(renderer.render(markdown) == expected)
    }

    @Test("An indented list nests inside the item above it")
    func nestedList() {
        let markdown = "- a\n  - b\n  - c\n- d\n\n1. een\n   - twee"
        #expect(renderer.render(markdown) == """
            <ul>
            <li>a
            <ul>
            <li>b</li>
            <li>c</li>
            </ul></li>
            <li>d</li>
            </ul>
            <ol>
            <li>een
            <ul>
            <li>twee</li>
            </ul></li>
            </ol>
            """)
    }

    @Test("Blank lines between items make a loose list with paragraphs")
    func looseList() {
        #expect(renderer.render("- a\n\n- b") == "<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>")
    }

    @Test("A number inside a sentence does not start a list")
    func numberInSentence() {
        #expect(renderer.render("In het jaar\n2024. was alles anders") == "<p>In het jaar\n2024. was alles anders</p>")
    }

    @Test("A blockquote renders its lines as blocks, including lazy continuation lines")
    func blockquote() {
        let markdown = "> Citaat\ngaat door\n>\n> - punt\n\nNa"
        #expect(renderer.render(markdown) == """
            <blockquote>
            <p>Citaat
            gaat door</p>
            <ul>
            <li>punt</li>
            </ul>
            </blockquote>
            <p>Na</p>
            """)
    }

    @Test("Fenced code is escaped and not parsed as Markdown", arguments: ["```", "~~~"])
    func fencedCode(fence: String) {
        let markdown = "\(fence)swift\nif a < b && c {\n    *x* = <b>\n}\n\(fence)\nna"
        #expect(renderer.render(markdown) == """
            <pre><code>if a &lt; b &amp;&amp; c {
                *x* = &lt;b&gt;
            }
            </code></pre>
            <p>na</p>
            """)
    }

    @Test("An unclosed fence runs to the end of the body")
    func unclosedFence() {
        #expect(renderer.render("```\n<i>open") == "<pre><code>&lt;i&gt;open\n</code></pre>")
    }

    @Test("Three dashes, stars or underscores make a horizontal rule", arguments: ["---", "***", "___", "- - -"])
    func horizontalRule(line: String) {
        #expect(renderer.render("tekst\n\(line)\nmeer") == "<p>tekst</p>\n<hr>\n<p>meer</p>")
    }

    // MARK: Inline

    @Test("Code spans are escaped and not parsed further")
    func codeSpans() {
        #expect(renderer.render("Gebruik `<b>*x*</b>` of `` a`b ``") ==
            "<p>Gebruik <code>&lt;b&gt;*x*&lt;/b&gt;</code> of <code>a`b</code></p>")
    }

    @Test("Strong and emphasis", arguments: [
        ("**vet**", "<strong>vet</strong>"),
        ("__vet__", "<strong>vet</strong>"),
        ("*schuin*", "<em>schuin</em>"),
        ("_schuin_", "<em>schuin</em>"),
        ("***beide***", "<em><strong>beide</strong></em>"),
        ("**vet met *schuin* erin**", "<strong>vet met <em>schuin</em> erin</strong>"),
    ])
    func emphasis(markdown: String, expected: String) {
        #expect(renderer.render(markdown) == "<p>\(expected)</p>")
    }

    @Test("Underscores inside words are not emphasis", arguments: [
        "snake_case_naam", "een_twee en drie_vier", "bestand_v2_final.txt",
        "snake_case eindigt hier_", "_geen nadruk_hier",
    ])
    func snakeCase(markdown: String) {
        #expect(renderer.render(markdown) == "<p>\(markdown)</p>")
    }

    @Test("Backslash escapes show punctuation literally")
    func backslashEscapes() {
        #expect(renderer.render(##"\*geen nadruk\* \[geen link\](/x) \# \a"##) ==
            ##"<p>*geen nadruk* [geen link](/x) # \a</p>"##)
    }

    @Test("Unmatched delimiters stay literal text", arguments: [
        ("**vet", "**vet"),
        ("*schuin", "*schuin"),
        ("vet**", "vet**"),
        ("a * b * c", "a * b * c"),
        ("[tekst", "[tekst"),
        ("tekst](/x)", "tekst](/x)"),
        ("`open", "`open"),
    ])
    func unmatchedDelimiters(markdown: String, expected: String) {
        #expect(renderer.render(markdown) == "<p>\(expected)</p>")
    }

    @Test("Overlapping emphasis and links never produce crossing tags", arguments: [
        "**bold *both** x*",
        "*a **b* c**",
        "*[a*](/x)",
        "[a *b](/x) c*",
        "**a [b** c](/d)",
        "_a *b_ c*",
        "**a _b** c_",
    ])
    func overlapping(markdown: String) {
        let html = renderer.render(markdown)
        #expect(structuralProblem(in: html) == nil, "\(html)")
    }

    // MARK: Links

    @Test("External links get rel=noopener, internal ones do not", arguments: [
        ("[Site](https://example.org/a?b=1&c=2)",
         #"<a href="https://example.org/a?b=1&amp;c=2" rel="noopener">Site</a>"#),
        ("[Site](HTTP://example.org)", #"<a href="HTTP://example.org" rel="noopener">Site</a>"#),
        ("[Item](/kennis/x)", #"<a href="/kennis/x">Item</a>"#),
        ("[Anker](#anker)", ##"<a href="#anker">Anker</a>"##),
        ("[Relatief](andere-pagina)", #"<a href="andere-pagina">Relatief</a>"#),
        ("[Mail](mailto:info@example.org)", #"<a href="mailto:info@example.org">Mail</a>"#),
        ("[Extern](//example.org/x)", #"<a href="//example.org/x" rel="noopener">Extern</a>"#),
        (#"[Met titel](/x "De titel")"#, #"<a href="/x" title="De titel">Met titel</a>"#),
        ("[Spatie](</map/mijn bestand.pdf>)", #"<a href="/map/mijn%20bestand.pdf">Spatie</a>"#),
        ("[Haakjes](https://nl.wikipedia.org/wiki/Kaas_(zuivel))",
         #"<a href="https://nl.wikipedia.org/wiki/Kaas_(zuivel)" rel="noopener">Haakjes</a>"#),
    ])
    func links(markdown: String, expected: String) {
        #expect(renderer.render(markdown) == "<p>\(expected)</p>")
    }

    @Test("Emphasis may contain links and links may contain emphasis")
    func emphasisAndLinks() {
        #expect(renderer.render("*zie [dit](/x)* en [**dat**](/y)") ==
            #"<p><em>zie <a href="/x">dit</a></em> en <a href="/y"><strong>dat</strong></a></p>"#)
    }

    @Test("Links do not nest inside links")
    func noNestedLinks() {
        let html = renderer.render("[a [b](/x) c](/y) en [d <https://e.nl> f](/z)")
        #expect(html.ranges(of: "<a ").count == 2, "\(html)")
        #expect(structuralProblem(in: html) == nil, "\(html)")
    }

    @Test("Autolinks become links under the same rules; bare URLs stay text")
    func autolinks() {
        #expect(renderer.render("<https://example.org/x> <info@example.org> https://example.org") == """
            <p><a href="https://example.org/x" rel="noopener">https://example.org/x</a> \
            <a href="mailto:info@example.org">info@example.org</a> https://example.org</p>
            """)
    }

    @Test("Images become plain links, so untrusted bodies load no remote content")
    func images() {
        #expect(renderer.render("![Schema](https://example.org/s.png)") ==
            #"<p><a href="https://example.org/s.png" rel="noopener">Schema</a></p>"#)
    }

    @Test("Dangerous link targets are refused and only the text remains", arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "<java\tscript:alert(1)>",
        "<\u{1}javascript:alert(1)>",
        "<java\u{200B}script:alert(1)>",
        "<java\u{A0}script:alert(1)>",
        "jav&#x09;ascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        #"java\script:alert(1)"#,
    ])
    func refusedLinks(destination: String) {
        #expect(renderer.render("[klik](\(destination))") == "<p>klik</p>")
    }

    @Test("Dangerous autolinks and broken-up schemes never become links", arguments: [
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "[x](java\nscript:alert(1))",
        "[x](java\u{0}script:alert(1))",
    ])
    func refusedAutolinks(markdown: String) {
        let html = renderer.render(markdown)
        #expect(!html.contains("<a"), "\(html)")
        #expect(!html.contains("href"), "\(html)")
    }

    // MARK: Safety

    @Test("Raw HTML is shown as text, never passed through", arguments: [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<b>x</b>",
        #"<a href="javascript:alert(1)">x</a>"#,
        "<iframe src=//evil.example>",
        "<!-- verborgen -->",
        "<div>\n<script>alert(1)</script>\n</div>",
        "> <script>alert(1)</script>",
        "- <img src=x onerror=alert(1)>",
        "# <svg onload=alert(1)>",
    ])
    func rawHTMLIsEscaped(markdown: String) {
        let html = renderer.render(markdown)
        for forbidden in ["<script", "<img", "<b>", "<iframe", "<!--", "<div", "<svg", "<a "] {
            #expect(!html.contains(forbidden), "\(html)")
        }
        #expect(structuralProblem(in: html) == nil, "\(html)")
    }

    @Test("A script tag shows up escaped")
    func scriptEscaped() {
        #expect(renderer.render("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    }

    @Test("Entities are shown exactly as typed")
    func entities() {
        #expect(renderer.render("&amp; &lt;b&gt; \"a\" 'b'") ==
            "<p>&amp;amp; &amp;lt;b&amp;gt; &quot;a&quot; &#39;b&#39;</p>")
    }

    @Test("Attribute injection stays inside the escaped attribute", arguments: [
        #"[x](https://a.nl/" onmouseover="alert(1))"#,
        #"[x](https://a.nl/"onmouseover="alert(1))"#,
        #"[x](/a "t\" onclick=\"alert(1)")"#,
        #"[x](/a 't" onclick="alert(1)')"#,
        #"<https://a.nl/"onmouseover="alert(1)>"#,
        #"[x](<https://a.nl/' onmouseover='alert(1)>)"#,
    ])
    func attributeInjection(markdown: String) {
        let html = renderer.render(markdown)
        for injected in ["\" onmouseover", "\"onmouseover", "onmouseover=\"", "onclick=\"", "' onmouseover"] {
            #expect(!html.contains(injected), "\(html)")
        }
        #expect(structuralProblem(in: html) == nil, "\(html)")
    }

    @Test("An injected quote is escaped inside the href")
    func quoteInHref() {
        #expect(renderer.render(#"[x](https://a.nl/"onmouseover="alert(1))"#) ==
            #"<p><a href="https://a.nl/&quot;onmouseover=&quot;alert(1)" rel="noopener">x</a></p>"#)
    }

    // MARK: Robustness

    @Test("Pathological input completes with well-formed output", arguments: PathologicalInput.all)
    func pathological(input: PathologicalInput) {
        let html = renderer.render(input.markdown)
        #expect(!html.isEmpty)
        #expect(structuralProblem(in: html) == nil)
    }

    @Test("Deep nesting is capped instead of recursing without bound")
    func nestingCap() {
        let html = renderer.render(String(repeating: "> ", count: 5000) + "diep")
        let depth = html.ranges(of: "<blockquote>").count
        #expect(depth == MarkdownRenderer.maximumNesting)
        #expect(depth <= 32)
        #expect(html.contains("&gt; &gt; diep"))
    }

    @Test("Random Markdown-like noise always renders well-formed", arguments: 1...6)
    func noise(seed: UInt64) {
        var generator = SplitMix(seed: seed)
        let alphabet = Array("**__[]()<>`!\\ \n\n-#>1.ab:/\"'~\t&")
        let markdown = String((0..<20_000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let html = renderer.render(markdown)
        #expect(structuralProblem(in: html) == nil)
    }

    @Test("A 200 KB body renders in reasonable time")
    func largeBody() {
        let section = """
            ## Sectie met *nadruk* en **kracht**

            Een alinea met een [link](https://example.org/pagina) en `code`, snake_case_namen,
            en nog een [interne link](/kennis/onderwerp "Titel") met _schuin_ gedrukte tekst.

            - punt een
              - genest punt
            - punt twee

            > Een citaat met **vet**.

            ```
            let x = a < b
            ```

            """
        let markdown = String(repeating: section, count: 200_000 / section.utf8.count + 1)
        let start = ContinuousClock.now
        let html = renderer.render(markdown)
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(structuralProblem(in: html) == nil)
    }
}

// MARK: - Helpers

/// A hostile body, named so that a failure does not print tens of kilobytes.
struct PathologicalInput: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let markdown: String

    init(_ name: String, _ markdown: String) {
        testDescription = name
        self.markdown = markdown
    }

    init(_ name: String, repeating piece: String, count: Int, then tail: String = "") {
        self.init(name, String(repeating: piece, count: count) + tail)
    }

    static let all: [PathologicalInput] = [
        PathologicalInput("20000 stars", repeating: "*", count: 20_000),
        PathologicalInput("stars around a letter", repeating: "*", count: 10_000,
                          then: "a" + String(repeating: "*", count: 10_000)),
        PathologicalInput("5000 quote markers", repeating: "> ", count: 5000),
        PathologicalInput("quoted nested lists", repeating: "> - ", count: 3000, then: "x"),
        PathologicalInput("10000 open brackets", repeating: "[", count: 10_000),
        PathologicalInput("brackets closed by links", repeating: "[", count: 10_000,
                          then: String(repeating: "](/x)", count: 10_000)),
        PathologicalInput("10000 image openers", repeating: "![", count: 10_000, then: "a"),
        PathologicalInput("alternating star and letter", repeating: "*a", count: 10_000),
        PathologicalInput("alternating underscores", repeating: "_a ", count: 10_000),
        PathologicalInput("mixed strong and em runs", repeating: "**a*", count: 5000),
        PathologicalInput("unclosed em openers", repeating: "a *b ", count: 10_000),
        PathologicalInput("unclosed link destinations", repeating: "[a](", count: 5000),
        PathologicalInput("unclosed link titles", repeating: "[a](b \"", count: 5000),
        PathologicalInput("unbalanced parentheses", "[a](" + String(repeating: "(", count: 10_000)),
        PathologicalInput("backtick runs of 300 lengths",
                          (1...300).map { String(repeating: "`", count: $0) }.joined(separator: " x ")),
        PathologicalInput("10000 less-than signs", repeating: "<", count: 10_000),
        PathologicalInput("unclosed autolinks", repeating: "<a", count: 10_000),
        PathologicalInput("10000 backslashes", repeating: "\\", count: 10_000),
        PathologicalInput("5000 bullets", repeating: "- ", count: 5000, then: "x"),
        PathologicalInput("5000 ordered markers", repeating: "1. ", count: 5000, then: "x"),
        PathologicalInput("5000 hashes", repeating: "# ", count: 5000),
        PathologicalInput("5001 fences", repeating: "```\n", count: 5001),
        PathologicalInput("300 nesting levels",
                          (0..<300).map { String(repeating: " ", count: $0 * 2) + "- item" }.joined(separator: "\n")),
        PathologicalInput("5000 loose items", repeating: "- a\n\n", count: 5000),
        PathologicalInput("10000 hard breaks", repeating: "x  \n", count: 10_000),
    ]
}

/// Checks that `html` is made only of the tags the renderer may emit, with only their allowed,
/// properly quoted attributes, every element closed in order and no link inside a link.
/// Returns a description of the first problem, or nil.
private func structuralProblem(in html: String) -> String? {
    let allowed: [String: Set<String>] = [
        "p": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "ul": [], "ol": ["start"],
        "li": [], "blockquote": [], "pre": [], "code": [], "em": [], "strong": [], "a": ["href", "title", "rel"],
        "br": [], "hr": [],
    ]
    var open: [String] = []
    var rest = Substring(html)
    while let marker = rest.firstIndex(where: { $0 == "<" || $0 == ">" }) {
        guard rest[marker] == "<" else { return "stray '>'" }
        guard let end = rest[marker...].firstIndex(of: ">") else { return "unterminated tag" }
        var tag = rest[rest.index(after: marker)..<end]
        rest = rest[rest.index(after: end)...]
        let closing = tag.first == "/"
        if closing { tag = tag.dropFirst() }
        let name = String(tag.prefix { $0.isLetter || $0.isNumber })
        guard let attributes = allowed[name] else { return "unexpected tag <\(tag)>" }
        var remainder = tag.dropFirst(name.count)
        if closing {
            guard remainder.isEmpty, open.popLast() == name else {
                return "</\(name)> does not close an open <\(name)>"
            }
            continue
        }
        while !remainder.isEmpty {
            guard remainder.first == " ", let equals = remainder.firstIndex(of: "=") else {
                return "bad attribute in <\(tag)>"
            }
            let attribute = String(remainder.dropFirst()[..<equals])
            let value = remainder[remainder.index(after: equals)...]
            guard attributes.contains(attribute), value.first == "\"",
                  let close = value.dropFirst().firstIndex(of: "\"") else { return "bad attribute in <\(tag)>" }
            remainder = value[value.index(after: close)...]
        }
        if name == "a" && open.contains("a") { return "nested link" }
        if name != "br" && name != "hr" { open.append(name) }
    }
    return open.isEmpty ? nil : "unclosed \(open.suffix(3))"
}

/// A small seeded generator, so the noise test is reproducible.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
