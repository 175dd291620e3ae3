import Foundation
import Testing
@testable import Web

/// The interface text lives in the catalogue: every language has every text, templates only name keys,
/// and every key a template or Swift file names exists.
@Suite("Message catalogue")
struct MessageCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Web")

    static func templates() throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent("Resources/Templates")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "mustache" }
        return try files.map { ($0.path.replacingOccurrences(of: folder.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test("Dutch and English have the same keys and no empty text")
    func complete() throws {
        let catalogue = try MessageCatalogue.load()
        try catalogue.checkComplete()
        for language in Language.allCases {
            let empty = catalogue[language].texts.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys
            #expect(empty.isEmpty, "\(language): empty texts \(empty.sorted())")
        }
    }

    @Test("A language missing a key is refused at start-up")
    func missingKeyRefused() throws {
        let dutch = try Messages(language: .nl, tree: ["site": ["a": "A", "b": "B"]], file: "nl")
        let english = try Messages(language: .en, tree: ["site": ["a": "A"]], file: "en")
        #expect(throws: MessageCatalogue.Invalid.self) { try MessageCatalogue([.nl: dutch, .en: english]).checkComplete() }
    }

    @Test("Placeholders are filled in order, and the same placeholders exist in every language")
    func placeholders() throws {
        let catalogue = try MessageCatalogue.load()
        #expect(catalogue[.nl].text("site.pagination.text", 2, 5) == "Pagina 2 van 5")
        #expect(catalogue[.en].text("site.pagination.text", 2, 5) == "Page 2 of 5")
        let pattern = /\{[0-9]\}/
        for (key, dutch) in catalogue[.nl].texts {
            let english = catalogue[.en].texts[key] ?? ""
            let inDutch = Set(dutch.matches(of: pattern).map { String($0.output) })
            let inEnglish = Set(english.matches(of: pattern).map { String($0.output) })
            #expect(inDutch == inEnglish, "\(key): placeholders \(inDutch) in Dutch, \(inEnglish) in English")
        }
    }

    @Test("Every {{t.…}} in a template names an existing text")
    func templateKeysExist() throws {
        let texts = try MessageCatalogue.load()[.nl].texts
        let pattern = /\{\{\{?t\.([A-Za-z0-9_.\-]+)\}?\}\}/
        var used = 0
        for (name, text) in try Self.templates() {
            for match in text.matches(of: pattern) {
                used += 1
                #expect(texts[String(match.output.1)] != nil, "\(name): unknown text t.\(match.output.1)")
            }
        }
        #expect(used > 300)
    }

    @Test("Templates hold no literal interface text, only keys", arguments: try templates().map(\.name))
    func noLiteralText(template name: String) throws {
        let text = try Self.templates().first { $0.name == name }!.text
        // Mustache tags go first; what is left is markup and the text a visitor would read.
        let withoutTags = text.replacing(/\{\{\{?[^}]*\}?\}\}/, with: "")
        for match in withoutTags.matches(of: /(?:aria-label|placeholder|title|alt)="([^"]*)"/) {
            let value = String(match.output.1)
            #expect(!value.contains { $0.isLetter }, "\(name): attribute text '\(value)'")
        }
        let visible = withoutTags.replacing(/<[^>]*>/, with: " ")
        let words = visible.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
        #expect(words.isEmpty, "\(name): literal text \(words.prefix(8))")
    }

    @Test("Every literal key that Swift code asks for exists")
    func swiftKeysExist() throws {
        let texts = try MessageCatalogue.load()[.nl].texts
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var checked = 0
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for match in source.matches(of: /\.text\("((?:site|staff)\.[A-Za-z0-9_.\-]+)"/) {
                checked += 1
                #expect(texts[String(match.output.1)] != nil, "\(file.lastPathComponent): unknown text \(match.output.1)")
            }
        }
        #expect(checked > 50)
    }
}
