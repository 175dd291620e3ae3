import Domain
import Foundation
import Testing

@Suite("Reading an import file")
struct ImportFileTests {
    func line(_ overrides: [String: JSONValue] = [:], removing: [String] = []) throws -> String {
        let data = try JSONEncoder().encode(JSONValue.object(Fixtures.object(overrides, removing: removing)))
        return String(decoding: data, as: UTF8.self)
    }

    func read(_ lines: [String]) -> Result<[ItemContent], ImportFile.Failure> {
        ImportFile.read(Data(lines.joined(separator: "\n").utf8), taxonomy: Fixtures.taxonomy)
    }

    func issues(_ lines: [String]) -> [ImportFile.LineIssue] {
        if case .failure(let failure) = read(lines) { return failure.issues }
        return []
    }

    @Test("valid lines are read in order; blank lines, CRLF and a byte-order mark are tolerated")
    func valid() throws {
        let first = "\u{FEFF}" + (try line(["slug": .string("een")])) + "\r"
        let items = try read([first, "", try line(["slug": .string("twee")])]).get()
        #expect(items.map(\.slug) == ["een", "twee"])
    }

    @Test("every problem names its line and field", arguments: [
        (["type": JSONValue.string("blog")], [String](), "type"),
        (["themes": .array([.string("onbekend")])], [], "themes[0]"),
        ([:], ["title"], "title"),
        (["published": .string("2026-3-1")], [], "published"),
    ])
    func lineAndField(overrides: [String: JSONValue], removing: [String], field: String) throws {
        let found = issues([try line(["slug": .string("goed")]), try line(overrides, removing: removing)])
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.field == field)
    }

    @Test("a malformed JSON line is reported with its line number and no field")
    func malformed() throws {
        let found = issues([try line(), "{\"slug\": \"kapot\",", "[1, 2]"])
        #expect(found.map(\.line) == [2, 3])
        #expect(found.allSatisfy { $0.field == nil })
        #expect(found[0].description.hasPrefix("line 2: malformed JSON"))
        #expect(found[1].message == "expected a JSON object, found a list")
    }

    @Test("a slug used twice in one file is refused on its second line")
    func duplicateSlug() throws {
        let found = issues([try line(), try line(), try line(["slug": .string("ander")])])
        #expect(found == [ImportFile.LineIssue(line: 2, field: "slug", message: "'taalcafe-werkt' already appears on line 1")])
    }

    @Test("all lines are checked even when an early line fails")
    func checksEverything() throws {
        let found = issues([try line(["type": .string("x")]), try line(["slug": .string("b"), "knowledge": .string("y")])])
        #expect(found.map(\.line) == [1, 2])
    }
}
