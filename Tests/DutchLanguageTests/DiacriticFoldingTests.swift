import DutchLanguage
import Testing

@Suite("Diacritic folding")
struct DiacriticFoldingTests {
    /// Compares scalar by scalar: `String ==` treats composed and decomposed letters as equal, which would hide
    /// a mark left behind.
    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test("removes accents and diaereses", arguments: [
        ("financiën", "financien"),
        ("geïntegreerd", "geintegreerd"),
        ("coördinatie", "coordinatie"),
        ("één", "een"),
        ("café", "cafe"),
        ("reünie", "reunie"),
        ("hè", "he"),
        ("façade", "facade"),
        ("naïef", "naief"),
    ])
    func accents(word: String, folded: String) {
        #expect(scalars(DiacriticFolding.fold(word)) == scalars(folded))
    }

    @Test("writes the Dutch ĳ and other ligature letters as plain letters", arguments: [
        ("ĳs", "ijs"),
        ("Ĳsselmeer", "ijsselmeer"),
        ("straße", "strasse"),
        ("æther", "aether"),
        ("œuvre", "oeuvre"),
        ("søren", "soren"),
        ("łódź", "lodz"),
    ])
    func ligatures(word: String, folded: String) {
        #expect(scalars(DiacriticFolding.fold(word)) == scalars(folded))
    }

    @Test("folds decomposed input the same as composed input")
    func decomposed() {
        #expect(scalars(DiacriticFolding.fold("financie\u{0308}n")) == scalars("financien"))
        #expect(scalars(DiacriticFolding.fold("gei\u{0308}ntegreerd")) == scalars("geintegreerd"))
        #expect(scalars(DiacriticFolding.fold("e\u{0301}e\u{0301}n")) == scalars("een"))
    }

    @Test("leaves ASCII exactly as it is", arguments: ["integratie", "Integratie", "covid-19", "", "a b"])
    func ascii(word: String) {
        #expect(scalars(DiacriticFolding.fold(word)) == scalars(word))
    }

    @Test("keeps the case of the letters it folds")
    func keepsCase() {
        #expect(scalars(DiacriticFolding.fold("Één")) == scalars("Een"))
    }

    @Test("leaves letters without diacritics in other scripts alone")
    func otherScripts() {
        #expect(scalars(DiacriticFolding.fold("σύνοψη")) == scalars("συνοψη"))
        #expect(scalars(DiacriticFolding.fold("мир")) == scalars("мир"))
    }
}
