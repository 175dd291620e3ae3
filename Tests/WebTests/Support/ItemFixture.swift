import Domain
import Foundation

/// A valid item in the exchange format, as the API accepts it; tests change the fields they are about.
///
/// ```swift
/// try await client.create(ItemFixture("taalcafe", type: "praktijkvoorbeeld", ["status": .string("concept")]))
/// ```
struct ItemFixture: Sendable {
    var fields: [String: JSONValue]

    init(_ slug: String, type: String = "artikel", _ overrides: [String: JSONValue] = [:]) {
        fields = [
            "slug": .string(slug),
            "type": .string(type),
            "title": .string("Titel van \(slug)"),
            "summary": .string("Samenvatting van \(slug)."),
            "body": .string("## Aanpak\n\nTekst van \(slug)."),
            "themes": .array([.string("participatie")]),
            "audiences": .array([.string("gemeenten")]),
            "knowledge": .string("praktijk"),
            "published": .string("2026-03-12"),
            "authors": .array([.string("Fatima el Amrani")]),
        ]
        switch type {
        case "interventie": fields["recognition"] = .string("goed-beschreven")
        case "evenement":
            fields["start"] = .string("2027-02-12T13:30:00+01:00")
            fields["end"] = .string("2027-02-12T16:00:00+01:00")
            fields["location"] = .string("Jaarbeurs, Utrecht")
        default: break
        }
        for (key, value) in overrides { fields[key] = value }
    }

    var slug: String {
        guard case .string(let slug)? = fields["slug"] else { return "" }
        return slug
    }

    var json: String {
        // Encoding a tree of strings, arrays and objects cannot fail.
        String(decoding: (try? JSONEncoder().encode(JSONValue.object(fields))) ?? Data(), as: UTF8.self)
    }

    /// An event that has not happened yet at ``TestApp/now``.
    static func upcomingEvent(_ slug: String, _ overrides: [String: JSONValue] = [:]) -> ItemFixture {
        ItemFixture(slug, type: "evenement", overrides)
    }

    /// An event that ended before ``TestApp/now``.
    static func pastEvent(_ slug: String, _ overrides: [String: JSONValue] = [:]) -> ItemFixture {
        ItemFixture(slug, type: "evenement", [
            "start": .string("2025-10-09T09:30:00+02:00"), "end": .string("2025-10-09T16:00:00+02:00"),
        ].merging(overrides) { $1 })
    }
}

/// The demo export in `demo/kennisbank.jsonl`, one JSON object per line.
enum DemoContent {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo/kennisbank.jsonl")

    static let lines: [String] = {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }()

    /// The parsed lines.
    static var objects: [JSONValue] {
        lines.compactMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    var int: Int? {
        guard case .number(let value) = self, value == value.rounded() else { return nil }
        return Int(value)
    }

    var array: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    var object: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// The strings of an array of strings, or the `key` member of each object in an array of objects.
    func strings(_ key: String? = nil) -> [String] {
        (array ?? []).compactMap { element in key.map { element[$0]?.string } ?? element.string }
    }
}
