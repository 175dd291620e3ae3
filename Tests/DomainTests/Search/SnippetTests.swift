import Domain
import Testing

@Suite("Snippets")
struct SnippetTests {
    func builder(_ query: String, words: [String] = [], length: Int = 30) -> SnippetBuilder {
        SnippetBuilder(matcher: QueryMatcher(.parse(query), words: words), length: length)
    }

    func passage(_ query: String, _ text: String, length: Int = 30) -> Snippet? {
        builder(query, length: length).snippet(from: text)
    }

    func marked(_ snippet: Snippet?) -> [String] {
        snippet?.segments.filter(\.isMatch).map(\.text) ?? []
    }

    /// `filler(3)` is "zin1 zin2 zin3": words that match no query of these tests.
    func filler(_ count: Int, from first: Int = 1) -> String {
        (first..<first + count).map { "zin\($0)" }.joined(separator: " ")
    }

    // MARK: What is marked

    @Test("marks an inflection of a query word")
    func inflection() throws {
        let snippet = try #require(passage("vluchteling", "Veel vluchtelingen vinden werk."))
        #expect(marked(snippet) == ["vluchtelingen"])
        #expect(snippet.html.hasPrefix("Veel <mark>vluchtelingen</mark> vinden werk"))
    }

    @Test("marks words as they are written, whatever their case")
    func keepsCase() {
        #expect(marked(passage("integratie", "INTEGRATIE en Integratie")) == ["INTEGRATIE", "Integratie"])
    }

    @Test("marks words that start with a query prefix")
    func prefix() {
        #expect(marked(passage("integr*", "Integratie en integreren: de integrale aanpak, niet de intelligentie."))
            == ["Integratie", "integreren", "integrale"])
    }

    @Test("marks a word with or without its diacritics")
    func diacritics() {
        #expect(marked(passage("financiele", "De financiële positie")) == ["financiële"])
        #expect(marked(passage("financiën", "De financien positie")) == ["financien"])
        #expect(marked(passage("Financiën", "De financie\u{0308}n")) == ["financiën"])
    }

    @Test("marks each word of a phrase")
    func phraseWords() {
        #expect(marked(passage(#""eigen regie""#, "Met eigen regie werken")) == ["eigen", "regie"])
    }

    @Test("marks synonyms given to the matcher")
    func synonyms() {
        let snippet = builder("inburgeraar", words: ["nieuwkomer"]).snippet(from: "Nieuwkomers leren de taal.")
        #expect(marked(snippet) == ["Nieuwkomers"])
    }

    @Test("does not mark excluded words")
    func excluded() {
        #expect(marked(passage("werk -taal", "Taal en werk")) == ["werk"])
    }

    @Test("a query of only stopwords marks them")
    func stopwordQuery() {
        #expect(marked(passage("de", "De weg naar de baan")) == ["De", "de"])
    }

    @Test("marks the part of a hyphenated compound that the query asks for, as the index finds it")
    func compoundPart() throws {
        let snippet = try #require(passage("economische", "Het sociaal-economische beleid van de gemeente."))
        #expect(marked(snippet) == ["economische"])
        #expect(snippet.plainText == "Het sociaal-economische beleid van de gemeente.")
    }

    @Test("marks a compound once when both it and its parts match")
    func compoundAndParts() throws {
        let snippet = try #require(passage("soc*", "Het sociaal-economische beleid"))
        #expect(marked(snippet) == ["sociaal-economische"])
        #expect(snippet.plainText == "Het sociaal-economische beleid")
    }

    @Test("a passage does not start inside a hyphenated compound")
    func notInsideCompound() throws {
        let snippet = try #require(passage("taal", "a b c d e f g h i j k l sociaal-economische x y z taal en meer"))
        #expect(!snippet.plainText.hasPrefix("… economische"))
    }

    @Test("marks a hyphenated compound asked for whole")
    func wholeCompound() {
        #expect(marked(passage("sociaal-economische", "Het sociaal-economische beleid")) == ["sociaal-economische"])
    }

    // MARK: Which passage

    @Test("returns nil when no word matches")
    func noMatch() {
        #expect(passage("statushouder", "Niets te zien hier.") == nil)
        #expect(passage("statushouder", "") == nil)
        #expect(passage("statushouder", "— … !?") == nil)
    }

    @Test("returns nil for a query with nothing to mark", arguments: ["", "-taal", "OR"])
    func emptyQuery(query: String) {
        #expect(passage(query, "Taal en werk") == nil)
    }

    @Test("starts at the beginning of a short text, without an ellipsis")
    func atStart() throws {
        let snippet = try #require(passage("taal", "Over taal en werk"))
        #expect(snippet.plainText == "Over taal en werk")
        #expect(!snippet.plainText.contains("…"))
    }

    @Test("starts four words before the first match, with an ellipsis when not at the start")
    func contextBefore() throws {
        let snippet = try #require(passage("taal", "\(filler(10)) Over de taal van nieuwkomers"))
        #expect(snippet.segments.first == Snippet.Segment("… "))
        #expect(snippet.plainText == "… zin9 zin10 Over de taal van nieuwkomers")
    }

    @Test("ends with an ellipsis when the text goes on")
    func trailing() throws {
        let snippet = try #require(passage("taal", "Taal \(filler(40))", length: 5))
        #expect(snippet.plainText == "Taal zin1 zin2 zin3 zin4 …")
        #expect(snippet.segments.last == Snippet.Segment(" …"))
    }

    @Test("is about `length` words long")
    func length() throws {
        let snippet = try #require(passage("taal", "\(filler(50)) taal \(filler(50, from: 51))", length: 10))
        #expect(snippet.plainText == "… zin47 zin48 zin49 zin50 taal zin51 zin52 zin53 zin54 zin55 …")
    }

    @Test("picks the window with the most distinct matched words")
    func mostDistinct() throws {
        // Three matches of one word early on; two different words later.
        let text = "Taal, taal en nog eens taal. \(filler(40)) Hier gaan taal en werk samen. \(filler(40, from: 41))"
        let snippet = try #require(passage("taal werk", text))
        #expect(marked(snippet) == ["taal", "werk"])
        #expect(snippet.plainText.hasPrefix("… zin39 zin40 Hier gaan taal en werk samen."))
        #expect(snippet.plainText.hasSuffix(" …"))
    }

    @Test("of windows that are equally good, picks the earliest")
    func earliest() throws {
        let text = "Eerst taal. \(filler(40)) Dan weer taal. \(filler(40, from: 41))"
        let snippet = try #require(passage("taal", text))
        #expect(snippet.plainText.hasPrefix("Eerst taal."))
    }

    @Test("only searches the first 20,000 characters")
    func scannedCharacters() {
        let text = String(repeating: "zin ", count: 6_000) + "taal"
        #expect(passage("taal", text) == nil)
        #expect(passage("taal", "taal " + text) != nil)
    }

    @Test("reads on past the start of a long text only when the start has no query word at all")
    func readsOn() throws {
        // About 3,000 characters of filler: past the quick first look at the start.
        let far = try #require(passage("taal werk", "\(filler(400)) Hier gaan taal en werk samen."))
        #expect(marked(far) == ["taal", "werk"])
        #expect(far.plainText == "… zin399 zin400 Hier gaan taal en werk samen.")
        // A passage at the start wins, even when one further on has more of the words: reading every long
        // text to the end would slow every result page.
        let near = try #require(passage("taal werk", "Taal. \(filler(400)) Hier gaan taal en werk samen."))
        #expect(marked(near) == ["Taal"])
    }

    @Test("ends with an ellipsis when the text goes on past the part that was read")
    func truncatedText() throws {
        let snippet = try #require(passage("taal", "Taal " + String(repeating: "zin ", count: 6_000)))
        #expect(snippet.segments.last == Snippet.Segment(" …"))
    }

    @Test("keeps the opening and closing punctuation of a passage that starts and ends with the text")
    func punctuationAtTheEnds() throws {
        let snippet = try #require(passage("taal", "«Over taal en werk.»"))
        #expect(snippet.plainText == "«Over taal en werk.»")
        #expect(snippet.html == "«Over <mark>taal</mark> en werk.»")
    }

    @Test("a short text with many letters outside ASCII ends without an ellipsis, like an ASCII one")
    func shortNonASCIIText() throws {
        // 1,605 characters, but 2,405 UTF-8 bytes.
        let ascii = try #require(passage("taal", String(repeating: "een ", count: 400) + "taal."))
        #expect(ascii.plainText.hasSuffix("taal."))
        let accented = try #require(passage("taal", String(repeating: "één ", count: 400) + "taal."))
        #expect(accented.plainText.hasSuffix("taal."))
        #expect(accented.segments.last != Snippet.Segment(" …"))
    }

    @Test("reads Markdown as plain text")
    func markdown() throws {
        let snippet = try #require(passage("vluchteling", "## Kop\n\nLees over **vluchtelingen** [hier](https://example.org/vluchtelingen)."))
        #expect(snippet.plainText == "Kop Lees over vluchtelingen hier.")
        #expect(marked(snippet) == ["vluchtelingen"])
    }

    @Test("the opening of a text is its first words, unmarked")
    func opening() {
        let opening = builder("taal", length: 3).opening(of: "Taal en **werk** voor iedereen")
        #expect(opening.plainText == "Taal en werk …")
        #expect(opening.segments.allSatisfy { !$0.isMatch })
        #expect(builder("taal").opening(of: "").segments.isEmpty)
    }

    // MARK: HTML

    @Test("html escapes text and marked words; only the mark tags are raw HTML")
    func htmlEscapes() {
        let snippet = Snippet(segments: [
            .init("<b>Tom & Jerry's \"show\"</b> "),
            .init("<i>&\"'", isMatch: true),
            .init(" na"),
        ])
        #expect(snippet.html == "&lt;b&gt;Tom &amp; Jerry&#39;s &quot;show&quot;&lt;/b&gt; <mark>&lt;i&gt;&amp;&quot;&#39;</mark> na")
        #expect(snippet.plainText == "<b>Tom & Jerry's \"show\"</b> <i>&\"' na")
    }

    @Test("html escapes an entity that is already there, since the text is plain")
    func htmlDoubleEscapes() {
        #expect(Snippet(segments: [.init("&amp; &lt;")]).html == "&amp;amp; &amp;lt;")
    }

    @Test("html of a built snippet keeps HTML from the text escaped", arguments: [
        #"Zie <b>werk</b> & "zorg" 'x' hier"#,
        #"<script>alert("werk")</script> en meer"#,
        #"<img src=x onerror='werk()'> werk & <a href="javascript:werk">"#,
        "**werk** <mark>werk</mark> &lt;werk&gt;",
    ])
    func htmlOfBuiltSnippet(text: String) throws {
        let snippet = try #require(passage("werk", text))
        let html = snippet.html
        #expect(html.contains("<mark>werk</mark>"))
        let withoutMarks = html.replacing("<mark>", with: "").replacing("</mark>", with: "")
        #expect(!withoutMarks.contains("<"))
        #expect(!withoutMarks.contains(">"))
        #expect(!withoutMarks.contains("\""))
        #expect(!withoutMarks.contains("'"))
        // Every & starts one of the five escapes.
        let ampersands = withoutMarks.split(separator: "&", omittingEmptySubsequences: false).dropFirst()
        #expect(ampersands.allSatisfy { part in ["amp;", "lt;", "gt;", "quot;", "#39;"].contains { part.hasPrefix($0) } })
    }

    @Test("an empty snippet has empty html")
    func emptyHTML() {
        #expect(Snippet(segments: []).html == "")
        #expect(Snippet(segments: []).plainText == "")
    }

    // MARK: PlainText

    @Test("reads the example of the documentation")
    func plainTextExample() {
        #expect(PlainText.fromMarkdown("## Kop\n\nLees **dit** [hier](https://example.org).") == "Kop Lees dit hier.")
    }

    @Test("keeps link texts and drops link targets", arguments: [
        ("Lees [het rapport](https://example.org/rapport.pdf) nu", "Lees het rapport nu"),
        ("![Een foto](foto.png) onder", "Een foto onder"),
        ("[een](a) en [twee](b)", "een en twee"),
        ("[zonder doel] blijft", "zonder doel blijft"),
        ("haakjes (zoals deze) blijven", "haakjes (zoals deze) blijven"),
    ])
    func links(markdown: String, plain: String) {
        #expect(PlainText.fromMarkdown(markdown) == plain)
    }

    @Test("drops emphasis and code marks", arguments: [
        ("**vet** en *schuin*", "vet en schuin"),
        ("***beide***", "beide"),
        ("`code` hier", "code hier"),
    ])
    func emphasis(markdown: String, plain: String) {
        #expect(PlainText.fromMarkdown(markdown) == plain)
    }

    @Test("drops heading, quote and list markers", arguments: [
        ("# Kop", "Kop"),
        ("### Kleine kop", "Kleine kop"),
        ("> Een citaat", "Een citaat"),
        ("- een\n* twee\n+ drie", "een twee drie"),
        ("  - ingesprongen", "ingesprongen"),
    ])
    func markers(markdown: String, plain: String) {
        #expect(PlainText.fromMarkdown(markdown) == plain)
    }

    @Test("keeps hyphens and signs that are no markers", arguments: [
        ("sociaal-economisch", "sociaal-economisch"),
        ("-5 graden", "-5 graden"),
        ("Einde!", "Einde!"),
        ("!", "!"),
    ])
    func notMarkers(markdown: String, plain: String) {
        #expect(PlainText.fromMarkdown(markdown) == plain)
    }

    @Test("line breaks become single spaces")
    func lineBreaks() {
        #expect(PlainText.fromMarkdown("Een\ntwee\n\n\ndrie\n") == "Een twee drie")
        #expect(PlainText.fromMarkdown("") == "")
    }

    @Test("Windows line breaks become spaces too")
    func windowsLineBreaks() {
        #expect(PlainText.fromMarkdown("# Kop\r\n- punt\r\nTekst\r\n") == "Kop punt Tekst")
    }

    @Test("drops numbered list markers", arguments: [
        ("1. een\n2. twee", "een twee"),
        ("10) tien", "tien"),
        ("2024 was een goed jaar", "2024 was een goed jaar"),
        ("3.5 procent", "3.5 procent"),
    ])
    func orderedListMarkers(markdown: String, plain: String) {
        #expect(PlainText.fromMarkdown(markdown) == plain)
    }

    @Test("drops underscore emphasis")
    func underscoreEmphasis() {
        #expect(PlainText.fromMarkdown("_schuin_ en __vet__") == "schuin en vet")
    }

    @Test("keeps an underscore inside a word, which the Markdown renderer does not read as emphasis")
    func underscoreInsideWord() {
        #expect(PlainText.fromMarkdown("werk_zoeken") == "werk_zoeken")
    }
}
