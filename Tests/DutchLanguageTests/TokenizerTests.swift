import DutchLanguage
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    func texts(_ text: String) -> [String] { Tokenizer.tokens(in: text).map(\.text) }

    @Test("splits a text into its words and numbers")
    func wordsAndNumbers() {
        #expect(texts("Statushouders vinden 2024 werk in 12 gemeenten") == [
            "statushouders", "vinden", "2024", "werk", "in", "12", "gemeenten",
        ])
        #expect(Tokenizer.tokens(in: "Werk 2024").map(\.kind) == [.word, .word])
    }

    @Test("finds nothing in a text without letters or digits", arguments: ["", "   ", "— … !?", "\n\t"])
    func nothing(text: String) {
        #expect(Tokenizer.tokens(in: text).isEmpty)
    }

    @Test("keeps letters and digits together in one word")
    func lettersAndDigits() {
        #expect(texts("COVID19 en 3e kwartaal") == ["covid19", "en", "3e", "kwartaal"])
    }

    @Test("lowercases every word, also capitals outside ASCII")
    func lowercases() {
        #expect(texts("INTEGRATIE Samenleving") == ["integratie", "samenleving"])
        // É and Ĳ are lowercased, not folded: folding is a later, separate step.
        let tokens = texts("ÉÉN ĲSSELMEER Ĳzer")
        #expect(tokens == ["één", "ĳsselmeer", "ĳzer"])
        #expect(tokens[1].unicodeScalars.first == "\u{0133}")
        #expect(texts("ΣΥΝΟΨΗ Ørestad") == ["συνοψη", "ørestad"])
    }

    @Test("reads a hyphenated compound as the joined word, then its parts in reading order")
    func compound() {
        let tokens = Tokenizer.tokens(in: "Sociaal-economische positie")
        #expect(tokens.map(\.text) == ["sociaaleconomische", "sociaal", "economische", "positie"])
        #expect(tokens.map(\.kind) == [.compound, .compoundPart, .compoundPart, .word])
    }

    @Test("joins compounds of more than two parts, and with Unicode hyphens")
    func longerCompounds() {
        #expect(texts("Noord-Holland-Zuid") == ["noordhollandzuid", "noord", "holland", "zuid"])
        #expect(texts("anti\u{2010}discriminatie") == ["antidiscriminatie", "anti", "discriminatie"])
        #expect(texts("niet\u{2011}westers") == ["nietwesters", "niet", "westers"])
    }

    @Test("a hyphen that does not stand between two words separates", arguments: [
        ("sociaal- en economisch", ["sociaal", "en", "economisch"]),
        ("-integratie", ["integratie"]),
        ("integratie-", ["integratie"]),
        ("taal--werk", ["taal", "werk"]),
        ("taal - werk", ["taal", "werk"]),
        ("taal–werk", ["taal", "werk"]),  // en dash is punctuation, not a hyphen
    ])
    func looseHyphens(text: String, expected: [String]) {
        #expect(texts(text) == expected)
        #expect(Tokenizer.tokens(in: text).allSatisfy { $0.kind == .word })
    }

    @Test("ranges point at the words as they stand in the original text")
    func ranges() {
        let text = "De Sociaal-Economische positie van ÉÉN gezin"
        let tokens = Tokenizer.tokens(in: text)
        #expect(tokens.map { String(text[$0.range]) } == [
            "De", "Sociaal-Economische", "Sociaal", "Economische", "positie", "van", "ÉÉN", "gezin",
        ])
        // The compound covers exactly its parts and the hyphen between them.
        #expect(tokens[1].range.lowerBound == tokens[2].range.lowerBound)
        #expect(tokens[1].range.upperBound == tokens[3].range.upperBound)
    }

    @Test("ranges stay right after non-ASCII text and emoji")
    func rangesAfterNonASCII() {
        let text = "👍🏽 Financiën, «integratie» én Ĳsselmeer"
        let tokens = Tokenizer.tokens(in: text)
        #expect(tokens.map { String(text[$0.range]) } == ["Financiën", "integratie", "én", "Ĳsselmeer"])
    }

    @Test("punctuation, apostrophes, symbols and emoji separate words", arguments: [
        ("auto's en baby’s", ["auto", "s", "en", "baby", "s"]),
        ("werk,taal;zorg.wonen", ["werk", "taal", "zorg", "wonen"]),
        ("werk👍zoeken", ["werk", "zoeken"]),
        ("werk🇳🇱zoeken", ["werk", "zoeken"]),
        ("3,5% (procent)", ["3", "5", "procent"]),
        ("taal/werk & zorg+wonen", ["taal", "werk", "zorg", "wonen"]),
        ("e-mail: info@example.nl", ["email", "e", "mail", "info", "example", "nl"]),
        ("werk_zoeken", ["werk", "zoeken"]),
        ("werk\u{00A0}zoeken\u{200B}nu", ["werk", "zoeken", "nu"]),
    ])
    func separators(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test("the combining marks of a decomposed letter stay inside the word")
    func combiningMarks() {
        let decomposed = "financie\u{0308}n en gei\u{0308}ntegreerd"
        let tokens = Tokenizer.tokens(in: decomposed)
        #expect(tokens.count == 3)
        #expect(Array(tokens[0].text.unicodeScalars) == Array("financie\u{0308}n".unicodeScalars))
        #expect(Array(tokens[2].text.unicodeScalars) == Array("gei\u{0308}ntegreerd".unicodeScalars))
        #expect(String(decomposed[tokens[0].range]) == "financie\u{0308}n")
    }

    @Test("a capital with a combining mark is lowercased and keeps its mark")
    func decomposedCapital() {
        let tokens = Tokenizer.tokens(in: "E\u{0301}e\u{0301}n")
        #expect(tokens.count == 1)
        #expect(Array(tokens[0].text.unicodeScalars) == Array("e\u{0301}e\u{0301}n".unicodeScalars))
    }

    @Test("a combining mark with no letter before it is not a word")
    func strayMark() {
        #expect(texts("\u{0308} werk") == ["werk"])
    }

    @Test("digits of other scripts count as word characters")
    func otherDigits() {
        #expect(texts("٣ en ３") == ["٣", "en", "３"])
    }
}
