import DutchLanguage
import Foundation
import Testing

@Suite("Dutch stemmer")
struct DutchStemmerTests {
    let stemmer = DutchStemmer()

    /// Reference stems from Snowball 3.1.1 (`dutch`), one `word<TAB>stem` per line, beside the repository.
    static let referenceFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/search/dutch-stems.tsv").standardizedFileURL

    @Test("matches the Snowball reference on every line of dutch-stems.tsv")
    func reference() throws {
        let text = try String(contentsOf: Self.referenceFile, encoding: .utf8)
        var lineCount = 0
        var mismatches: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed line: \(line)")
            lineCount += 1
            let stem = stemmer.stem(String(fields[0]))
            if stem != fields[1] { mismatches.append("\(fields[0]): \(stem), expected \(fields[1])") }
        }
        #expect(lineCount == 30_000)
        #expect(
            mismatches.count == 0,
            "\(mismatches.count) of \(lineCount) differ, first: \(mismatches.prefix(10).joined(separator: "; "))")
    }

    @Test("stems from the reference file", arguments: [
        ("geïntegreerd", "integreer"),  // ge- goes, and the diaeresis it needed with it
        ("geëist", "eis"),
        ("opgewekte", "opwek"),  // ge inside a word goes too
        ("geïnd", "inn"),
        ("innig", "innig"),
        ("kind", "kind"),
    ])
    func referenceStem(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("inflected forms share a stem", arguments: [
        ["vluchtelingen", "vluchteling"],
        ["huizen", "huis"],
        ["straten", "straat"],
        ["maken", "maakt"],
        ["werken", "werkt", "gewerkt"],
        ["integreren", "geïntegreerd", "integratie"],
        ["schilderij", "schilderijen"],
        ["taalcafés", "taalcafé"],
    ])
    func sharedStem(words: [String]) {
        let stems = Set(words.map(stemmer.stem))
        #expect(stems.count == 1, "\(words) → \(stems.sorted())")
    }

    @Test("the algorithm's exceptions keep unrelated words apart", arguments: [
        ("schilderij", "schild"),  // painting, shield
        ("innig", "in"),  // intimate, in
        ("geïnd", "in"),  // collected, in
        ("geënt", "en"),  // grafted, and
        ("gevallen", "vallen"),  // cases, to fall
    ])
    func keptApart(word: String, other: String) {
        #expect(stemmer.stem(word) != stemmer.stem(other))
    }

    @Test("short and unchanged words come back as they are", arguments: ["", "s", "ë", "in", "kind", "financiën"])
    func unchanged(word: String) {
        #expect(stemmer.stem(word) == word)
    }
}
