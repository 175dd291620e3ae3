import Foundation

/// A saved version of an item: every save makes one, so editors can see what changed and go back.
public struct Revision: Sendable, Equatable {
    /// 1 for the oldest revision of the item, counting up.
    public var number: Int
    public var saved: Date
    public var editor: Editor
    /// The exchange-format names of the fields that differ from the previous revision (all for the first).
    public var changedFields: [String]
    public var content: ItemContent

    public init(number: Int, saved: Date, editor: Editor, changedFields: [String], content: ItemContent) {
        self.number = number
        self.saved = saved
        self.editor = editor
        self.changedFields = changedFields
        self.content = content
    }

    /// Whether this revision changed more than the status, i.e. whether its editor wrote something.
    public var changesContent: Bool { changedFields.contains { $0 != "status" } }

    /// The fields that differ between two versions of an item, in exchange-format order.
    public static func changedFields(from old: ItemContent?, to new: ItemContent) -> [String] {
        guard let old else { return ItemFieldText.fieldNames }
        let before = ItemFieldText(old), after = ItemFieldText(new)
        return ItemFieldText.fieldNames.filter { before.value($0) != after.value($0) }
    }
}

/// An item's fields as readable text, one entry per exchange-format field, for revision diffs.
public struct ItemFieldText: Sendable {
    public static let fieldNames = [
        "slug", "type", "title", "summary", "body", "themes", "audiences", "knowledge", "published", "authors",
        "language", "status", "recognition", "start", "end", "location", "online",
    ]
    let values: [String: String]

    public init(_ content: ItemContent) {
        var values: [String: String] = [
            "slug": content.slug, "type": content.type.rawValue, "title": content.title, "summary": content.summary,
            "body": content.body, "themes": content.themes.joined(separator: ", "),
            "audiences": content.audiences.joined(separator: ", "), "knowledge": content.knowledge ?? "",
            "published": content.published.description, "authors": content.authors.joined(separator: ", "),
            "language": content.language.rawValue, "status": content.status.rawValue, "recognition": content.recognition ?? "",
        ]
        if let event = content.event {
            values["start"] = Timestamp.format(event.start)
            values["end"] = Timestamp.format(event.end)
            values["location"] = event.location
            values["online"] = event.online ?? ""
        }
        self.values = values
    }

    public func value(_ field: String) -> String { values[field] ?? "" }
}

/// What changed between two revisions, field by field, with a line diff for each changed field.
public struct RevisionComparison: Sendable {
    public struct Field: Sendable {
        public let name: String
        public let diff: TextDiff
    }

    public let old: Revision
    public let new: Revision
    /// Only the fields that differ.
    public let fields: [Field]

    public init(old: Revision, new: Revision) {
        self.old = old
        self.new = new
        let before = ItemFieldText(old.content), after = ItemFieldText(new.content)
        fields = ItemFieldText.fieldNames.compactMap { name in
            let diff = TextDiff(old: before.value(name), new: after.value(name))
            return diff.hasChanges ? Field(name: name, diff: diff) : nil
        }
    }
}
