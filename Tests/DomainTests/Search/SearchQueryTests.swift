import Domain
import Testing

@Suite("Search query")
struct SearchQueryTests {
    typealias Term = SearchQuery.Term

    func parse(_ text: String) -> SearchQuery { SearchQuery.parse(text) }

    func termCount(_ query: SearchQuery) -> Int { query.groups.reduce(0) { $0 + $1.count } + query.excluded.count }

    // MARK: The language

    @Test("words must all match: each is a group of its own, lowercased")
    func words() {
        #expect(parse("Statushouders WERK") == SearchQuery(groups: [[.word("statushouders")], [.word("werk")]]))
    }

    @Test("reads the example of the documentation")
    func documentationExample() {
        let query = parse(#"statushouders "eigen regie" -taal werk*"#)
        #expect(query.groups == [[.word("statushouders")], [.phrase(["eigen", "regie"])], [.prefix("werk")]])
        #expect(query.excluded == [.word("taal")])
    }

    @Test("\"an exact phrase\" is one term of lowercased words, stopwords kept")
    func phrase() {
        #expect(parse(#""Eigen Regie""#).groups == [[.phrase(["eigen", "regie"])]])
        #expect(parse(#""de weg naar werk""#).groups == [[.phrase(["de", "weg", "naar", "werk"])]])
    }

    @Test("a phrase of one word is that word")
    func oneWordPhrase() {
        #expect(parse(#""integratie""#).groups == [[.word("integratie")]])
    }

    @Test("a hyphenated compound in a phrase counts as its parts, elsewhere as the joined word")
    func compounds() {
        #expect(parse(#""sociaal-economisch beleid""#).groups == [[.phrase(["sociaal", "economisch", "beleid"])]])
        #expect(parse("sociaal-economisch").groups == [[.word("sociaaleconomisch")]])
        #expect(parse("-sociaal-economisch").excluded == [.word("sociaaleconomisch")])
    }

    @Test("-word excludes a word")
    func excludedWord() {
        let query = parse("integratie -Taal")
        #expect(query.groups == [[.word("integratie")]])
        #expect(query.excluded == [.word("taal")])
    }

    @Test("-\"an excluded phrase\" excludes a phrase")
    func excludedPhrase() {
        let query = parse(#"werk -"eigen regie""#)
        #expect(query.groups == [[.word("werk")]])
        #expect(query.excluded == [.phrase(["eigen", "regie"])])
    }

    @Test("an excluded run of words joined by punctuation is excluded as a phrase")
    func excludedRun() {
        #expect(parse("werk -taal,les").excluded == [.phrase(["taal", "les"])])
    }

    @Test("prefix* matches the beginning of a word, also excluded")
    func prefix() {
        #expect(parse("Integr*").groups == [[.prefix("integr")]])
        #expect(parse("werk -taal*").excluded == [.prefix("taal")])
        #expect(parse("werk**").groups == [[.prefix("werk")]])
    }

    @Test("a star inside a word or after several words is no prefix")
    func notPrefix() {
        #expect(parse("wer*k").groups == [[.word("wer")], [.word("k")]])
        #expect(parse("taal,werk*").groups == [[.word("taal")], [.word("werk")]])
    }

    @Test("a OR b is one group that either satisfies")
    func or() {
        #expect(parse("taal OR werk").groups == [[.word("taal"), .word("werk")]])
        #expect(parse("taal OR werk OR zorg").groups == [[.word("taal"), .word("werk"), .word("zorg")]])
        #expect(parse("integratie taal OR werk").groups == [[.word("integratie")], [.word("taal"), .word("werk")]])
    }

    @Test("OR joins phrases and prefixes too")
    func orWithPhrasesAndPrefixes() {
        #expect(parse(#"werk OR "eigen regie""#).groups == [[.word("werk"), .phrase(["eigen", "regie"])]])
        #expect(parse(#""eigen regie" OR werk*"#).groups == [[.phrase(["eigen", "regie"]), .prefix("werk")]])
    }

    @Test("lowercase or is an ordinary word, not an operator")
    func lowercaseOr() {
        #expect(parse("taal or werk").groups == [[.word("taal")], [.word("or")], [.word("werk")]])
        #expect(parse("taal Or werk").groups == [[.word("taal")], [.word("or")], [.word("werk")]])
    }

    @Test("AND is ignored, since all words must match anyway; lowercase and is a word")
    func and() {
        #expect(parse("taal AND werk") == parse("taal werk"))
        #expect(parse("taal and werk").groups == [[.word("taal")], [.word("and")], [.word("werk")]])
    }

    @Test("a word given twice counts once")
    func duplicates() {
        #expect(parse("werk Werk werk").groups == [[.word("werk")]])
        #expect(parse("werk OR werk").groups == [[.word("werk")]])
        #expect(parse("-taal -taal werk").excluded == [.word("taal")])
    }

    // MARK: Stopwords

    @Test("stopwords are dropped from a query with other words")
    func stopwordsDropped() {
        #expect(parse("de integratie van statushouders").groups == [[.word("integratie")], [.word("statushouders")]])
        #expect(parse("de OR het werk").groups == [[.word("werk")]])
    }

    @Test("a query of only stopwords keeps them")
    func onlyStopwords() {
        #expect(parse("de").groups == [[.word("de")]])
        #expect(parse("de van").groups == [[.word("de")], [.word("van")]])
        #expect(parse("de -werk") == SearchQuery(groups: [[.word("de")]], excluded: [.word("werk")]))
    }

    @Test("a stopword stays where it is one alternative of a group, a prefix or part of a phrase")
    func stopwordsKept() {
        #expect(parse("taal OR de werk").groups == [[.word("taal"), .word("de")], [.word("werk")]])
        #expect(parse("de* werk").groups == [[.prefix("de")], [.word("werk")]])
        #expect(parse(#"werk "de weg""#).groups == [[.word("werk")], [.phrase(["de", "weg"])]])
    }

    @Test("excluded stopwords stay excluded")
    func excludedStopwords() {
        #expect(parse("werk -de").excluded == [.word("de")])
    }

    // MARK: Leniency

    @Test("an unbalanced quote runs to the end")
    func unbalancedQuote() {
        #expect(parse(#"werk "eigen regie"#).groups == [[.word("werk")], [.phrase(["eigen", "regie"])]])
        #expect(parse(#"werk -"eigen regie"#).excluded == [.phrase(["eigen", "regie"])])
        #expect(parse(#"werk ""#).groups == [[.word("werk")]])
    }

    @Test("a quote inside a word starts a phrase")
    func quoteInsideWord() {
        #expect(parse(#"werk"eigen regie""#).groups == [[.word("werk")], [.phrase(["eigen", "regie"])]])
    }

    @Test("lone operators are ignored", arguments: [
        "OR werk", "werk OR", "OR OR werk", "- werk", "werk -", "* werk", #""" werk"#, #"-"" werk"#, "werk --", "AND werk",
        #"werk " ""#,
    ])
    func loneOperators(text: String) {
        #expect(parse(text) == SearchQuery(groups: [[.word("werk")]]))
    }

    @Test("a doubled OR is one OR")
    func doubledOr() {
        #expect(parse("taal OR OR werk").groups == [[.word("taal"), .word("werk")]])
    }

    @Test("an OR before the first word is ignored, also after an exclusion")
    func orAfterExclusionAtStart() {
        #expect(parse("-taal OR werk") == SearchQuery(groups: [[.word("werk")]], excluded: [.word("taal")]))
    }

    @Test("a query of only operators, spaces or punctuation is empty", arguments: [
        "", " ", "OR", "AND", "-", "*", #""""#, #"-"""#, "- * OR", "…!?", "\u{0}\t\n",
    ])
    func emptyQueries(text: String) {
        #expect(parse(text).isEmpty)
        #expect(parse(text) == SearchQuery())
        #expect(parse(text).normalized == "")
    }

    @Test("a query that only excludes has nothing to search for")
    func onlyExclusions() {
        let query = parse("-taal")
        #expect(query.isEmpty)
        #expect(query.excluded == [.word("taal")])
    }

    @Test("control and format characters separate words, also around OR", arguments: [
        "taal\twerk", "taal\nwerk", "taal\r\nwerk", "taal\u{0}werk", "taal\u{7}werk", "taal\u{200B}werk", "taal\u{FEFF}werk",
    ])
    func controlCharacters(text: String) {
        #expect(parse(text).groups == [[.word("taal")], [.word("werk")]])
    }

    @Test("an OR between control characters is still an operator")
    func orBetweenControlCharacters() {
        #expect(parse("taal\u{7}OR\u{0}werk").groups == [[.word("taal"), .word("werk")]])
        #expect(parse("taal\tOR\nwerk").groups == [[.word("taal"), .word("werk")]])
    }

    @Test("decomposed input reads as composed")
    func nfc() {
        #expect(parse("Financie\u{0308}n") == parse("Financi\u{00EB}n"))
        #expect(Array(parse("Financie\u{0308}n").normalized.unicodeScalars) == Array("financi\u{00EB}n".unicodeScalars))
    }

    // MARK: Limits

    @Test("only the first maximumLength characters count")
    func maximumLength() {
        #expect(SearchQuery.maximumLength == 1_000)
        // The word starts at character 996, so its last five letters fall outside.
        let query = parse(String(repeating: " ", count: 995) + "integratie")
        #expect(query.groups == [[.word("integ")]])
    }

    @Test("only the first maximumTerms terms count")
    func maximumTerms() {
        #expect(SearchQuery.maximumTerms == 24)
        let words = (1...30).map { "woord\($0)" }
        let query = parse(words.joined(separator: " ") + " -taal")
        #expect(query.groups == words.prefix(24).map { [.word($0)] })
        #expect(query.excluded.isEmpty)
    }

    @Test("excluded terms and alternatives count towards maximumTerms")
    func maximumTermsCountsEverything() {
        let text = (1...30).map { $0.isMultiple(of: 2) ? "-woord\($0)" : "woord\($0) OR x\($0)" }.joined(separator: " ")
        #expect(termCount(parse(text)) == SearchQuery.maximumTerms)
    }

    @Test("a phrase keeps at most maximumTerms words")
    func longPhrase() {
        let words = (1...30).map { "w\($0)" }
        #expect(parse("\"" + words.joined(separator: " ") + "\"").groups == [[.phrase(Array(words.prefix(24)))]])
    }

    @Test("a 10,000-character query is cut to maximumLength characters and maximumTerms terms")
    func tenThousandCharacters() {
        let text = (0..<2_000).map { "w\($0)" }.joined(separator: " ")
        #expect(text.count > 10_000)
        let query = parse(text)
        #expect(termCount(query) == SearchQuery.maximumTerms)
        #expect(query.groups.first == [.word("w0")])
        #expect(query.normalized.count <= SearchQuery.maximumLength)

        let oneWord = parse(String(repeating: "a", count: 10_000))
        #expect(oneWord.groups == [[.word(String(repeating: "a", count: SearchQuery.maximumLength))]])
        #expect(parse(String(repeating: "\"", count: 10_000)).isEmpty)
        #expect(parse(String(repeating: "-", count: 10_000)).isEmpty)
        #expect(parse(String(repeating: " OR", count: 5_000)).isEmpty)  // cut after a space: no half OR
    }

    @Test("words joined by punctuation count towards maximumTerms one by one")
    func maximumTermsInOneChunk() {
        let words = (1...30).map { "woord\($0)" }
        #expect(parse(words.joined(separator: ",")).groups == words.prefix(24).map { [.word($0)] })
        #expect(termCount(parse(words.joined(separator: "/"))) == SearchQuery.maximumTerms)
        #expect(termCount(parse("taal OR werk " + words.joined(separator: ","))) == SearchQuery.maximumTerms)
    }

    @Test("an excluded run of words keeps at most maximumTerms words, as a quoted phrase does")
    func longExcludedRun() {
        let words = (1...30).map { "w\($0)" }
        #expect(parse("-" + words.joined(separator: ",")).excluded == [.phrase(Array(words.prefix(24)))])
    }

    // MARK: Never crashes

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = [
        "werk", "Taal", "de", "OR", "or", "AND", "-", "\"", "*", " ", " ", " ", "\t", "\n", "\u{0}", "\u{200B}",
        "sociaal-economisch", "financie\u{0308}n", "É", "Ĳ", "👍🏽", ",", "'", "-\"", "*\"", "OR\"", "ß", "İ", "\u{0308}",
        "--", "a", "\u{FFFD}", "\u{10FFFF}", "\\", "(", ")",
    ]

    func randomQuery(_ generator: inout Generator, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<generator.next(count) { text += Self.pieces[generator.next(Self.pieces.count)] }
        return text
    }

    func wellFormed(_ query: SearchQuery) -> Bool {
        func valid(_ term: Term) -> Bool {
            switch term {
            case .word(let word), .prefix(let word): !word.isEmpty
            case .phrase(let words): words.count >= 2 && words.count <= SearchQuery.maximumTerms && !words.contains("")
            }
        }
        return query.groups.allSatisfy { !$0.isEmpty && $0.allSatisfy(valid) } && query.excluded.allSatisfy(valid)
    }

    @Test("never crashes, and reads any short input into a well-formed query that round-trips")
    func randomShortQueries() {
        var generator = Generator(state: 2_024)
        for _ in 0..<3_000 {
            let text = randomQuery(&generator, pieces: 40)
            let query = parse(text)
            #expect(wellFormed(query), "\(text.debugDescription)")
            #expect(termCount(query) <= SearchQuery.maximumTerms, "\(text.debugDescription)")
            #expect(parse(query.normalized) == query, "\(text.debugDescription)")
        }
    }

    @Test("never crashes on long input, and keeps its limits and round-trips there too")
    func randomLongQueries() {
        var generator = Generator(state: 7)
        for _ in 0..<300 {
            let text = randomQuery(&generator, pieces: 1_500)
            let query = parse(text)
            #expect(wellFormed(query), "\(text.debugDescription)")
            #expect(termCount(query) <= SearchQuery.maximumTerms, "\(text.debugDescription)")
            #expect(query.normalized.count <= SearchQuery.maximumLength, "\(text.debugDescription)")
            #expect(parse(query.normalized) == query, "\(text.debugDescription)")
        }
    }

    // MARK: Normalized text

    @Test("normalized is the canonical text of the query", arguments: [
        (#"statushouders "eigen regie" -taal werk*"#, #"statushouders "eigen regie" werk* -taal"#),
        ("  Taal   OR\twerk ", "taal OR werk"),
        ("-taal integratie", "integratie -taal"),
        (#"werk -"eigen regie"#, #"werk -"eigen regie""#),
        ("werk -taal,les", #"werk -"taal les""#),
        ("de integratie", "integratie"),
        ("taal or werk", "taal or werk"),
        ("Financie\u{0308}n", "financi\u{00EB}n"),
        ("", ""),
    ])
    func normalized(text: String, normalized: String) {
        #expect(parse(text).normalized == normalized)
    }

    @Test("parsing the normalized text gives the same query", arguments: [
        #"statushouders "eigen regie" -taal werk*"#,
        "taal OR werk OR zorg integratie",
        #"werk OR "eigen regie" -"de taal" -zorg*"#,
        "taal or werk AND zorg",
        "de van het",
        "de -werk",
        "taal OR de werk",
        "werk -taal OR zorg",
        "-taal,les,werk integratie",
        #""sociaal-economisch beleid" sociaal-economisch -sociaal-cultureel"#,
        "ÉÉN Ĳsselmeer straße financie\u{0308}n İstanbul",
        "taal\u{0}OR\u{7}werk\u{200B}zorg",
        #"werk "eigen regie"#,
        "- * OR \"\" werk",
        (1...30).map { "woord\($0)" }.joined(separator: " "),
        "\"" + (1...30).map { "w\($0)" }.joined(separator: " ") + "\"",
    ])
    func roundTrip(text: String) {
        let query = parse(text)
        #expect(parse(query.normalized) == query)
        #expect(parse(query.normalized).normalized == query.normalized)
    }

    @Test("a query built in code round-trips through its normalized text")
    func builtRoundTrip() {
        let query = SearchQuery(
            groups: [[.word("taal"), .prefix("werk")], [.phrase(["eigen", "regie"])], [.word("or")]],
            excluded: [.word("zorg"), .phrase(["de", "weg"]), .prefix("integr")])
        #expect(query.normalized == #"taal OR werk* "eigen regie" or -zorg -"de weg" -integr*"#)
        #expect(parse(query.normalized) == query)
    }

    @Test("normalized round-trips also when a chunk holds more words than maximumTerms")
    func roundTripLongChunk() {
        let words = parse((1...30).map { "woord\($0)" }.joined(separator: ","))
        #expect(parse(words.normalized) == words)
        let excluded = parse("-" + (1...30).map { "w\($0)" }.joined(separator: ","))
        #expect(parse(excluded.normalized) == excluded)
    }

    @Test("terms whose normalized text would not fit in maximumLength are dropped from the end, so it round-trips")
    func roundTripNormalizedLongerThanLimit() {
        // -b,c (4 characters) would become -"b c" (6), pushing the normalized text to 1,002 characters.
        let query = parse(String(repeating: "a", count: 995) + " -b,c")
        #expect(query == SearchQuery(groups: [[.word(String(repeating: "a", count: 995))]]))
        #expect(query.normalized.count <= SearchQuery.maximumLength)
        #expect(parse(query.normalized) == query)
    }

    @Test("a quoted text longer than maximumLength keeps its first words as a phrase")
    func longQuotedText() {
        let query = parse("\"" + String(repeating: "integratie van statushouders ", count: 50))
        #expect(query.groups.count == 1)
        #expect(query.groups.first?.first == .phrase(Array(
            repeatElement(["integratie", "van", "statushouders"], count: 8).joined())))
        #expect(parse(query.normalized) == query)
    }

    // MARK: anyTerm and replacing

    @Test("anyTerm puts every alternative of every group in one group and keeps the exclusions")
    func anyTerm() {
        let query = parse(#"taal OR werk zorg "eigen regie" integr* -geld"#)
        #expect(query.anyTerm == SearchQuery(
            groups: [[.word("taal"), .word("werk"), .word("zorg"), .phrase(["eigen", "regie"]), .prefix("integr")]],
            excluded: [.word("geld")]))
        #expect(query.anyTerm.normalized == #"taal OR werk OR zorg OR "eigen regie" OR integr* -geld"#)
    }

    @Test("anyTerm of an empty query has one empty group")
    func anyTermEmpty() {
        #expect(SearchQuery().anyTerm.groups == [[]])
    }

    @Test("replacing corrects words wherever they stand, included or excluded")
    func replacing() {
        let query = parse("vluchtelign OR statushoudr -taall werk")
        let corrected = query.replacing(["vluchtelign": "vluchteling", "statushoudr": "statushouder", "taall": "taal"])
        #expect(corrected == SearchQuery(
            groups: [[.word("vluchteling"), .word("statushouder")], [.word("werk")]], excluded: [.word("taal")]))
        #expect(corrected.normalized == "vluchteling OR statushouder werk -taal")
    }

    @Test("replacing leaves phrases, prefixes and words without a correction alone")
    func replacingOnlyWords() {
        let query = parse(#""vluchtelign werk" vluchtelign* werk"#)
        let corrected = query.replacing(["vluchtelign": "vluchteling", "ander": "anders"])
        #expect(corrected.groups == [
            [.phrase(["vluchtelign", "werk"])], [.prefix("vluchtelign")], [.word("werk")],
        ])
        #expect(query.replacing([:]) == query)
    }
}
