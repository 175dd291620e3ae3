import DutchLanguage
import Testing

@Suite("Dutch analyzer")
struct DutchAnalyzerTests {
    let analyzer = DutchAnalyzer()

    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    func terms(_ text: String) -> IndexTerms {
        var cache = StemCache()
        return analyzer.indexTerms(text, cache: &cache)
    }

    // MARK: Normalization

    @Test("normalizes to NFC: a letter with a combining mark becomes one composed letter")
    func nfc() {
        #expect(scalars(analyzer.normalize("financie\u{0308}n")) == scalars("financi\u{00EB}n"))
        #expect(scalars(analyzer.normalize("E\u{0301}e\u{0301}n")) == scalars("\u{00C9}\u{00E9}n"))
    }

    @Test("leaves ASCII and text already in NFC unchanged", arguments: ["integratie", "", "Financi\u{00EB}n en één"])
    func alreadyNormal(text: String) {
        #expect(scalars(analyzer.normalize(text)) == scalars(text))
    }

    @Test("composed and decomposed input give the same index terms")
    func composedAndDecomposed() {
        #expect(terms("Financi\u{00EB}le ge\u{00EF}ntegreerde") == terms("Financie\u{0308}le gei\u{0308}ntegreerde"))
        #expect(terms("FINANCIE\u{0308}LE") == IndexTerms(surface: "financiele", stems: "financieel financiel"))
    }

    // MARK: Index terms

    @Test("surface terms are the words lowercased and folded; stems are the content words stemmed")
    func surfaceAndStems() {
        let terms = terms("De vluchtelingen integreren")
        #expect(terms.surface == "de vluchtelingen integreren")
        #expect(terms.stems == "vluchteel integreer")
        #expect(terms.surfaceTerms == ["de", "vluchtelingen", "integreren"])
        #expect(terms.stemTerms == ["vluchteel", "integreer"])
    }

    @Test("stopwords stay in the surface terms but get no stem")
    func stopwords() {
        let terms = terms("de integratie van statushouders in het werk")
        #expect(terms.surfaceTerms == ["de", "integratie", "van", "statushouders", "in", "het", "werk"])
        #expect(terms.stemTerms == ["integreer", "statushouder", "werk"])
        #expect(self.terms("de van het") == IndexTerms(surface: "de van het", stems: ""))
    }

    @Test("a text without words has no terms", arguments: ["", "  ", "— !? …"])
    func empty(text: String) {
        #expect(terms(text) == IndexTerms(surface: "", stems: ""))
        #expect(terms(text).surfaceTerms.isEmpty)
        #expect(terms(text).stemTerms.isEmpty)
    }

    @Test("surface terms are folded, so a query without diacritics meets them")
    func foldedSurface() {
        #expect(terms("Financiën Ĳsselmeer comité").surface == "financien ijsselmeer comite")
    }

    @Test("a hyphenated compound is indexed as its parts in place and as the joined word after the text")
    func compounds() {
        let terms = terms("Sociaal-economische positie")
        #expect(terms.surface == "sociaal economische positie sociaaleconomische")
        #expect(terms.stems == "sociaal economisch positie sociaaleconomisch")
    }

    // MARK: Stems

    @Test("a stopword has no stems", arguments: ["de", "het", "van", "zijn", "over"])
    func stopwordStems(word: String) {
        #expect(analyzer.isStopword(word))
        #expect(analyzer.stems(of: word).isEmpty)
    }

    @Test("stems are folded", arguments: [("coördinatie", ["coordineer"]), ("financiën", ["financien"])])
    func foldedStems(word: String, stems: [String]) {
        #expect(analyzer.stems(of: word) == stems)
    }

    @Test("a word with diacritics also gets the stem of its folded form when that differs", arguments: [
        ("financiële", "financiele", ["financieel", "financiel"]),
        ("comité", "comite", ["comite", "comit"]),
        ("materiële", "materiele", ["materieel", "materiel"]),
    ])
    func bothStems(word: String, typedWithout: String, stems: [String]) {
        #expect(analyzer.stems(of: word) == stems)
        // The stem of the folded word is what a visitor who types no diacritics searches for.
        #expect(Set(analyzer.stems(of: typedWithout)).isSubset(of: Set(analyzer.stems(of: word))))
        #expect(terms("De \(word) positie").stemTerms.map(String.init) == stems + ["positie"])
    }

    @Test("a word whose folded form stems alike gets one stem", arguments: ["geïntegreerd", "coördinatie", "geëist"])
    func oneStem(word: String) {
        #expect(analyzer.stems(of: word).count == 1)
        #expect(analyzer.stems(of: word) == analyzer.stems(of: analyzer.fold(word)))
    }

    @Test("inflections share a stem", arguments: [
        ("vluchteling", "vluchtelingen"), ("taal", "talen"), ("statushouder", "statushouders"),
        ("integratie", "integreren"),
    ])
    func inflections(first: String, second: String) {
        #expect(analyzer.stems(of: first) == analyzer.stems(of: second))
    }

    // MARK: StemCache

    static let texts = [
        "De vluchtelingen integreren in de gemeente.",
        "Financiële positie van het comité: financiële zorgen, Financiën.",
        "Sociaal-economische positie van statushouders; de taal en het werk.",
        "financie\u{0308}le comite\u{0301} VLUCHTELINGEN",
        "",
    ]

    /// The terms built word by word from the analyzer's own parts, with no cache in between
    /// (joined compounds after the text, as the analyzer writes them).
    func uncached(_ text: String) -> IndexTerms {
        let tokens = analyzer.tokens(analyzer.normalize(text))
        let words = tokens.filter { $0.kind != .compound }.map(\.text) + tokens.filter { $0.kind == .compound }.map(\.text)
        return IndexTerms(
            surface: words.map(analyzer.fold).joined(separator: " "),
            stems: words.flatMap(analyzer.stems(of:)).joined(separator: " "))
    }

    @Test("a fresh cache gives the same terms as analysing every word anew", arguments: texts)
    func freshCache(text: String) {
        #expect(terms(text) == uncached(text))
    }

    @Test("a cache shared by many texts gives the same terms as analysing every word anew")
    func sharedCache() {
        var cache = StemCache()
        for _ in 0..<3 {
            for text in Self.texts {
                #expect(analyzer.indexTerms(text, cache: &cache) == uncached(text))
            }
        }
    }

    @Test("a cache that fills up and starts over still gives the same terms", arguments: [1, 2, 3])
    func tinyCache(capacity: Int) {
        var cache = StemCache(capacity: capacity)
        for _ in 0..<2 {
            for text in Self.texts {
                #expect(analyzer.indexTerms(text, cache: &cache) == uncached(text))
            }
        }
    }
}
