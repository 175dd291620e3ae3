import Foundation

/// Turns one submitted JSON object (an import line or an API body) into valid ``ItemContent``,
/// or into every problem found in it.
///
/// All fields are checked, not just up to the first fault, so a user fixes a line in one go.
///
/// ```swift
/// let reader = ItemInputReader(taxonomy: taxonomy)
/// switch reader.read(object) {
/// case .success(let content): try await store.create(content)
/// case .failure(let issues): print(issues)   // [themes[0]: unknown value 'x' …]
/// }
/// ```
public struct ItemInputReader: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    public struct Issues: Error, Sendable, Equatable {
        public var issues: [FieldIssue]
    }

    public func read(_ object: [String: JSONValue]) -> Result<ItemContent, Issues> {
        var fields = Fields(object: object)
        for key in object.keys.sorted()
        where !ExchangeFormat.fieldNames.contains(key) && !ExchangeFormat.readOnlyFields.contains(key) {
            fields.issues.append(FieldIssue(key, .unknownField))
        }

        let slug = fields.string("slug", required: true, maximum: ItemRules.slugMaximum)
        if let slug, !ItemRules.isValidSlug(slug) {
            fields.issues.append(FieldIssue("slug", .badFormat(expected: "lowercase letters, digits and single hyphens, not 'nieuw'")))
        }
        let type = fields.choice("type", required: true, allowed: ItemType.allCases.map(\.rawValue)).flatMap(ItemType.init)
        let title = fields.string("title", required: true, maximum: ItemRules.titleMaximum)
        let summary = fields.string("summary", required: true, maximum: ItemRules.summaryMaximum)
        let body = fields.string("body", required: true, maximum: ItemRules.bodyMaximum, allowEmpty: true)
        let themes = fields.list("themes", required: true, minimum: 1, maximum: ItemRules.themesMaximum,
                                 allowed: taxonomy.themes.map(\.slug))
        let audiences = fields.list("audiences", allowed: taxonomy.audiences.map(\.slug))
        let knowledge = fields.choice("knowledge", allowed: taxonomy.knowledgeKinds.map(\.slug))
        let published = fields.day("published")
        let authors = fields.list("authors", maximum: ItemRules.authorsMaximum, itemMaximum: ItemRules.authorMaximum)
        let language = fields.choice("language", allowed: ContentLanguage.allCases.map(\.rawValue)).flatMap(ContentLanguage.init)
        let status = fields.choice("status", allowed: ItemStatus.allCases.map(\.rawValue)).flatMap(ItemStatus.init)

        var recognition: String?
        if type == .interventie {
            recognition = fields.choice("recognition", required: true, allowed: taxonomy.recognitionLevels.map(\.slug))
        } else if let type {
            fields.forbid("recognition", forType: type)
        }

        var event: EventDetails?
        if type == .evenement {
            let start = fields.timestamp("start")
            let end = fields.timestamp("end")
            let location = fields.string("location", required: true, maximum: ItemRules.locationMaximum)
            let online = fields.string("online", maximum: ItemRules.linkMaximum)
            if let online, !ItemRules.isWebLink(online) {
                fields.issues.append(FieldIssue("online", .badFormat(expected: "an http or https link")))
            }
            if let start, let end, end < start { fields.issues.append(FieldIssue("end", .endBeforeStart)) }
            if let start, let end, let location { event = EventDetails(start: start, end: end, location: location, online: online) }
        } else if let type {
            for field in ["start", "end", "location", "online"] { fields.forbid(field, forType: type) }
        }

        guard fields.issues.isEmpty, let slug, let type, let title, let summary, let body, let themes, let published
        else { return .failure(Issues(issues: fields.issues)) }
        return .success(
            ItemContent(
                slug: slug, type: type, title: title, summary: summary, body: body, themes: themes,
                audiences: audiences ?? [], knowledge: knowledge, published: published, authors: authors ?? [],
                language: language ?? .nl, status: status ?? .gepubliceerd, recognition: recognition, event: event))
    }
}

/// Typed access to the members of one JSON object, recording an issue for every fault.
private struct Fields {
    let object: [String: JSONValue]
    var issues: [FieldIssue] = []

    /// The value, treating JSON `null` as absent; records `missing` when required.
    mutating func value(_ name: String, required: Bool) -> JSONValue? {
        switch object[name] {
        case nil, .null?:
            if required { issues.append(FieldIssue(name, .missing)) }
            return nil
        case let value?: return value
        }
    }

    /// A trimmed string of at most `maximum` characters.
    mutating func string(_ name: String, required: Bool = false, maximum: Int, allowEmpty: Bool = false) -> String? {
        guard let value = value(name, required: required) else { return nil }
        guard case .string(let raw) = value else {
            issues.append(FieldIssue(name, .wrongType(expected: "a string")))
            return nil
        }
        let text = allowEmpty ? raw : raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && !allowEmpty {
            issues.append(FieldIssue(name, .empty))
            return nil
        }
        // Code points, as JSON Schema's maxLength counts them, so the OpenAPI document and the server agree.
        if text.unicodeScalars.count > maximum {
            issues.append(FieldIssue(name, .tooLong(max: maximum)))
            return nil
        }
        return text
    }

    mutating func choice(_ name: String, required: Bool = false, allowed: [String]) -> String? {
        guard let text = string(name, required: required, maximum: 200) else { return nil }
        guard allowed.contains(text) else {
            issues.append(FieldIssue(name, .unknownValue(text, allowed: allowed)))
            return nil
        }
        return text
    }

    /// A list of strings; `allowed` restricts values to a taxonomy, `itemMaximum` limits each entry's length.
    mutating func list(
        _ name: String, required: Bool = false, minimum: Int = 0, maximum: Int = 50, allowed: [String]? = nil,
        itemMaximum: Int = 200
    ) -> [String]? {
        guard let value = value(name, required: required) else { return required ? nil : [] }
        guard case .array(let elements) = value else {
            issues.append(FieldIssue(name, .wrongType(expected: "a list of strings")))
            return nil
        }
        let before = issues.count
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            let field = "\(name)[\(index)]"
            guard case .string(let raw) = element else {
                issues.append(FieldIssue(field, .wrongType(expected: "a string")))
                continue
            }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                issues.append(FieldIssue(field, .empty))
            } else if text.unicodeScalars.count > itemMaximum {
                issues.append(FieldIssue(field, .tooLong(max: itemMaximum)))
            } else if let allowed, !allowed.contains(text) {
                issues.append(FieldIssue(field, .unknownValue(text, allowed: allowed)))
            } else if result.contains(text) {
                issues.append(FieldIssue(name, .duplicate(text)))
            } else {
                result.append(text)
            }
        }
        if elements.count < minimum { issues.append(FieldIssue(name, .tooFew(min: minimum))) }
        if elements.count > maximum { issues.append(FieldIssue(name, .tooMany(max: maximum))) }
        return issues.count == before ? result : nil
    }

    mutating func day(_ name: String) -> Day? {
        guard let text = string(name, required: true, maximum: 40) else { return nil }
        guard let day = Day(text) else {
            issues.append(FieldIssue(name, .badFormat(expected: "a date as YYYY-MM-DD")))
            return nil
        }
        return day
    }

    mutating func timestamp(_ name: String) -> Date? {
        guard let text = string(name, required: true, maximum: 40) else { return nil }
        guard let date = Timestamp.parse(text) else {
            issues.append(FieldIssue(name, .badFormat(expected: "an ISO 8601 date-time with zone, e.g. 2027-02-12T13:30:00+01:00")))
            return nil
        }
        return date
    }

    /// Records an issue when a field that belongs to another type is present.
    mutating func forbid(_ name: String, forType type: ItemType) {
        if value(name, required: false) != nil { issues.append(FieldIssue(name, .notAllowed(forType: type.rawValue))) }
    }
}
