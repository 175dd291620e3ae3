import Domain
import Testing

@Suite("Line diffs between revisions")
struct TextDiffTests {
    @Test("identical texts have no changes and no hunks")
    func identical() {
        let diff = TextDiff(old: "een\ntwee\ndrie", new: "een\ntwee\ndrie")
        #expect(!diff.hasChanges)
        #expect(diff.lines == [.same("een"), .same("twee"), .same("drie")])
        #expect(diff.hunks().isEmpty)
    }

    @Test("an inserted line is added between unchanged ones")
    func insert() {
        let diff = TextDiff(old: "een\ndrie", new: "een\ntwee\ndrie")
        #expect(diff.hasChanges)
        #expect(diff.lines == [.same("een"), .added("twee"), .same("drie")])
    }

    @Test("a deleted line is removed")
    func delete() {
        #expect(TextDiff(old: "een\ntwee\ndrie", new: "een\ndrie").lines == [.same("een"), .removed("twee"), .same("drie")])
    }

    @Test("a replaced block shows all removed lines before the added ones")
    func replace() {
        let diff = TextDiff(old: "kop\na\nb\nslot", new: "kop\nx\ny\nz\nslot")
        #expect(diff.lines == [.same("kop"), .removed("a"), .removed("b"), .added("x"), .added("y"), .added("z"), .same("slot")])
    }

    @Test("an empty old text adds every line, an empty new text removes every line")
    func emptySides() {
        #expect(TextDiff(old: "", new: "a\nb").lines == [.added("a"), .added("b")])
        #expect(TextDiff(old: "a\nb", new: "").lines == [.removed("a"), .removed("b")])
        #expect(TextDiff(old: "", new: "").lines.isEmpty)
        #expect(!TextDiff(old: "", new: "").hasChanges)
    }

    @Test("a final line break or CRLF line endings alone are no change", arguments: [
        ("een\ntwee", "een\ntwee\n"),
        ("een\ntwee\n", "een\ntwee"),
        ("een\r\ntwee\r\n", "een\ntwee"),
    ])
    func lineEndings(old: String, new: String) {
        let diff = TextDiff(old: old, new: new)
        #expect(!diff.hasChanges)
        #expect(diff.lines == [.same("een"), .same("twee")])
    }

    @Test("an empty line is a line; only the last line break ends a line without starting one")
    func emptyLines() {
        #expect(TextDiff(old: "een\n", new: "een\n\n").lines == [.same("een"), .added("")])
        #expect(TextDiff(old: "\n", new: "").lines == [.removed("")])
    }

    @Test("a change in one line of a CRLF text is found without the carriage returns")
    func crlfChange() {
        #expect(TextDiff(old: "a\r\nb\r\nc", new: "a\r\nB\r\nc").lines == [.same("a"), .removed("b"), .added("B"), .same("c")])
    }

    @Test("hunks keep the context around changes and leave out long unchanged runs")
    func hunks() throws {
        let old = (1...20).map { "regel \($0)" }
        var new = old
        new[2] = "derde"
        new.remove(at: 15)
        let hunks = TextDiff(old: old.joined(separator: "\n"), new: new.joined(separator: "\n")).hunks(context: 2)
        try #require(hunks.count == 2)
        #expect(hunks[0] == TextDiff.Hunk(
            lines: [.same("regel 1"), .same("regel 2"), .removed("regel 3"), .added("derde"), .same("regel 4"), .same("regel 5")],
            oldStart: 1, newStart: 1))
        #expect(hunks[1] == TextDiff.Hunk(
            lines: [.same("regel 14"), .same("regel 15"), .removed("regel 16"), .same("regel 17"), .same("regel 18")],
            oldStart: 14, newStart: 14))
    }

    @Test("changes at most twice the context apart share a hunk", arguments: [(3, 1), (4, 1), (5, 2)])
    func hunkMerging(gap: Int, expectedHunks: Int) {
        let old = (1...12).map(String.init)
        var new = old
        new[1] = "x"
        new[1 + gap + 1] = "y"
        let hunks = TextDiff(old: old.joined(separator: "\n"), new: new.joined(separator: "\n")).hunks(context: 2)
        #expect(hunks.count == expectedHunks)
    }

    @Test("hunks without context, and their line numbers after earlier changes")
    func hunkNumbers() {
        let diff = TextDiff(old: "a\nb\nc\nd\ne", new: "nieuw\na\nb\nd\ne\nslot")
        #expect(diff.hunks(context: 0) == [
            TextDiff.Hunk(lines: [.added("nieuw")], oldStart: 1, newStart: 1),
            TextDiff.Hunk(lines: [.removed("c")], oldStart: 3, newStart: 4),
            TextDiff.Hunk(lines: [.added("slot")], oldStart: 6, newStart: 6),
        ])
    }

    @Test("a negative context counts as none")
    func negativeContext() {
        let diff = TextDiff(old: "a\nb\nc", new: "a\nB\nc")
        #expect(diff.hunks(context: -3) == diff.hunks(context: 0))
        #expect(diff.hunks(context: 0).first?.lines.count == 2)
    }

    @Test("a 5,000-line text with three scattered changes gives exactly those changes")
    func largeText() throws {
        let old = (1...5_000).map { "Regel \($0) van het lange document." }
        var new = old
        new[99] = "Gewijzigde regel honderd."
        new.insert("Nieuwe regel na 2500.", at: 2_500)
        new.remove(at: 4_001)
        let diff = TextDiff(old: old.joined(separator: "\n"), new: new.joined(separator: "\n"))
        let changes = diff.lines.filter { $0.kind != .same }
        #expect(changes == [
            .removed("Regel 100 van het lange document."), .added("Gewijzigde regel honderd."),
            .added("Nieuwe regel na 2500."), .removed("Regel 4001 van het lange document."),
        ])
        #expect(diff.lines.count == 5_002)
        let hunks = diff.hunks()
        try #require(hunks.count == 3)
        #expect(hunks.map(\.oldStart) == [98, 2_499, 3_999])
        #expect(hunks.map(\.newStart) == [98, 2_499, 4_000])
    }

    @Test("two unrelated long texts diff to every line removed and added")
    func unrelated() {
        let old = (1...2_000).map { "oud \($0)" }.joined(separator: "\n")
        let new = (1...2_000).map { "nieuw \($0)" }.joined(separator: "\n")
        let diff = TextDiff(old: old, new: new)
        #expect(diff.lines.filter { $0.kind == .removed }.count == 2_000)
        #expect(diff.lines.filter { $0.kind == .added }.count == 2_000)
    }

    @Test("random edits: the diff rebuilds both texts and changes no more lines than necessary", arguments: 0..<200)
    func minimalAndFaithful(seed: Int) {
        var random = SplitMix(seed: UInt64(seed))
        let alphabet = ["a", "b", "c", "d"]
        let old = (0..<random.next(below: 14)).map { _ in alphabet[random.next(below: 4)] }
        let new = (0..<random.next(below: 14)).map { _ in alphabet[random.next(below: 4)] }
        let diff = TextDiff(old: old.joined(separator: "\n"), new: new.joined(separator: "\n"))
        #expect(diff.lines.filter { $0.kind != .added }.map(\.text) == old)
        #expect(diff.lines.filter { $0.kind != .removed }.map(\.text) == new)
        let same = diff.lines.filter { $0.kind == .same }.count
        #expect(same == longestCommonSubsequence(old, new), "old \(old), new \(new)")
    }

    private func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices.reversed() {
            for j in b.indices.reversed() {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}

extension TextDiff.Line {
    fileprivate static func same(_ text: String) -> Self { Self(kind: .same, text: text) }
    fileprivate static func added(_ text: String) -> Self { Self(kind: .added, text: text) }
    fileprivate static func removed(_ text: String) -> Self { Self(kind: .removed, text: text) }
}

/// A seeded generator, so a failing random case can be replayed.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
