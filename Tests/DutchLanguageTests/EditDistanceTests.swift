import DutchLanguage
import Testing

@Suite("Edit distance")
struct EditDistanceTests {
    @Test("a word is no edits from itself", arguments: ["", "a", "vluchteling", "financiën"])
    func same(word: String) {
        #expect(EditDistance.between(word, word, limit: 0) == 0)
        #expect(EditDistance.between(word, word, limit: 2) == 0)
    }

    @Test("one inserted, deleted, replaced or swapped letter is one edit", arguments: [
        ("werk", "werkt"),  // insert at the end
        ("wrk", "werk"),  // insert inside
        ("taal", "aal"),  // delete at the start
        ("integratie", "integrtie"),  // delete inside
        ("taal", "taak"),  // replace
        ("vluchtelign", "vluchteling"),  // swap two neighbours
        ("tael", "teal"),
        ("ab", "ba"),
        ("financien", "financiën"),  // a diacritic is a different letter
    ])
    func oneEdit(first: String, second: String) {
        #expect(EditDistance.between(first, second, limit: 2) == 1)
        #expect(EditDistance.between(second, first, limit: 2) == 1)
        #expect(EditDistance.between(first, second, limit: 1) == 1)
    }

    @Test("edits add up", arguments: [
        ("kitten", "sitting", 3),
        ("integratie", "integreren", 4),
        ("statushouder", "statushouders", 1),
        ("vluchtelign", "vluchtelingen", 2),  // insert n, insert e
        ("", "abc", 3),
        ("abc", "", 3),
        ("ab", "ba", 1),
        ("abcd", "badc", 2),  // two separate swaps
    ])
    func distances(first: String, second: String, distance: Int) {
        #expect(EditDistance.between(first, second, limit: 10) == distance)
        #expect(EditDistance.between(first, second, limit: distance) == distance)
    }

    @Test("returns nil when the distance exceeds the limit", arguments: [
        ("kitten", "sitting", 2),
        ("taal", "werk", 3),
        ("a", "abcd", 2),  // the lengths alone are too far apart
        ("", "abc", 2),
        ("abc", "", 0),
        ("taal", "taak", 0),
    ])
    func overLimit(first: String, second: String, limit: Int) {
        #expect(EditDistance.between(first, second, limit: limit) == nil)
    }

    @Test("counts letters, not bytes: a diacritic is one replaced letter")
    func letters() {
        #expect(EditDistance.between("één", "een", limit: 2) == 2)
        #expect(EditDistance.between("geïntegreerd", "geintegreerd", limit: 1) == 1)
    }

    @Test("allows no edits for words shorter than four letters", arguments: [0, 1, 2, 3])
    func noAllowance(length: Int) {
        #expect(EditDistance.allowance(forLength: length) == 0)
    }

    @Test("allows one edit for words of four to seven letters", arguments: [4, 5, 6, 7])
    func oneAllowed(length: Int) {
        #expect(EditDistance.allowance(forLength: length) == 1)
    }

    @Test("allows two edits for words of eight letters or more", arguments: [8, 9, 12, 40, 1_000])
    func twoAllowed(length: Int) {
        #expect(EditDistance.allowance(forLength: length) == 2)
    }

    @Test("a typo within its allowance is found, one edit further is not")
    func typoWithinAllowance() {
        let word = "vluchteling"
        let allowance = EditDistance.allowance(forLength: word.count)
        #expect(EditDistance.between("vluchtlign", word, limit: allowance) == 2)
        #expect(EditDistance.between("vlchtlign", word, limit: allowance) == nil)
    }
}
