import Domain
import Foundation

/// The editor's item form: what it shows for an item, and how a submitted form becomes item content.
///
/// The form's fields carry the exchange format's names, so the form goes through the same
/// ``ItemInputReader`` as the API and the import, and its problems come back per field.
struct ItemForm: Sendable {
    static let order = ["title", "slug", "type", "summary", "body", "themes", "audiences", "knowledge", "published", "authors",
                        "language", "recognition", "start", "end", "location", "online"]

    let dates: LocalDates

    /// Reads the submitted form as the exchange format and validates it; `status` is not a form field.
    func read(_ form: SubmittedForm, status: ItemStatus, taxonomy: Taxonomy, messages: Messages) -> (ItemContent?, FieldErrors) {
        var object: [String: JSONValue] = [:]
        var errors = FieldErrors()
        for field in ["slug", "type", "title", "summary", "knowledge", "published", "language"] {
            if let value = form[field], !value.isEmpty { object[field] = .string(value) }
        }
        if object["slug"] == nil, let slug = form["title"].flatMap(ItemRules.slug(fromTitle:)) { object["slug"] = .string(slug) }
        object["body"] = .string(form.fields["body"]?.first?.replacingOccurrences(of: "\r\n", with: "\n") ?? "")
        object["themes"] = .array(form.values("themes").map(JSONValue.string))
        object["audiences"] = .array(form.values("audiences").map(JSONValue.string))
        let authors = (form.fields["authors"]?.first ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        object["authors"] = .array(authors.map(JSONValue.string))
        object["status"] = .string(status.rawValue)
        let type = form["type"].flatMap(ItemType.init)
        if type == .interventie, let recognition = form["recognition"], !recognition.isEmpty { object["recognition"] = .string(recognition) }
        if type == .evenement {
            for field in ["start", "end"] {
                guard let text = form[field], !text.isEmpty else { continue }
                if let date = dates.date(fromLocalInput: text) {
                    object[field] = .string(Timestamp.format(date))
                } else {
                    errors.add(field: field, messages.text("staff.itemForm.error.invalidDateTime", messages.text("staff.field.\(field)")))
                }
            }
            for field in ["location", "online"] {
                if let value = form[field], !value.isEmpty { object[field] = .string(value) }
            }
        }
        switch ItemInputReader(taxonomy: taxonomy).read(object) {
        case .success(let content): return errors.isEmpty ? (content, errors) : (nil, errors)
        case .failure(let failure):
            for issue in failure.issues where errors.byField[String(issue.field.prefix { $0 != "[" })] == nil {
                if let text = Self.plainText(for: issue, messages: messages) {
                    errors.add(field: issue.field, text)
                } else {
                    errors.add(issue, messages: messages)
                }
            }
            return (nil, errors)
        }
    }

    /// Plain words for the rules whose general wording (shared with the API) would read oddly in the form.
    static func plainText(for issue: FieldIssue, messages: Messages) -> String? {
        let key: String? = switch (issue.field, issue.reason) {
        case ("themes", .tooFew): "themesTooFew"
        case ("slug", .badFormat): "slugFormat"
        case ("published", .badFormat): "publishedFormat"
        case ("online", .badFormat): "onlineFormat"
        case ("recognition", .missing): "recognitionMissing"
        default: nil
        }
        return key.map { messages.text("staff.itemForm.error.\($0)") }
    }

    /// The form's values for an item, or for what was submitted when it is shown again with errors.
    func values(for content: ItemContent) -> [String: Any] {
        [
            "title": content.title, "slug": content.slug, "type": content.type.rawValue, "summary": content.summary,
            "body": content.body, "themes": content.themes, "audiences": content.audiences, "knowledge": content.knowledge ?? "",
            "published": content.published.description, "authors": content.authors.joined(separator: "\n"),
            "language": content.language.rawValue, "recognition": content.recognition ?? "",
            "start": content.event.map { dates.localInput($0.start) } ?? "", "end": content.event.map { dates.localInput($0.end) } ?? "",
            "location": content.event?.location ?? "", "online": content.event?.online ?? "",
        ]
    }

    func values(for form: SubmittedForm) -> [String: Any] {
        var values: [String: Any] = [:]
        for field in Self.order where field != "themes" && field != "audiences" {
            values[field] = form.fields[field]?.first ?? ""
        }
        values["themes"] = form.values("themes")
        values["audiences"] = form.values("audiences")
        return values
    }

    /// The choices of the form's selects and checkboxes, marked with what `values` holds.
    func choices(_ values: [String: Any], taxonomy: Taxonomy, messages: Messages) -> [String: Any] {
        let themes = values["themes"] as? [String] ?? [], audiences = values["audiences"] as? [String] ?? []
        func option(_ slug: String, _ name: String, selected: Bool) -> [String: Any] { ["value": slug, "label": name, "selected": selected] }
        return [
            "types": ItemType.allCases.map {
                option($0.rawValue, messages.name(of: $0), selected: values["type"] as? String == $0.rawValue)
            },
            "themeChoices": taxonomy.themes.map {
                option($0.slug, $0.parent == nil ? $0.name : "— \($0.name)", selected: themes.contains($0.slug))
            },
            "audienceChoices": taxonomy.audiences.map { option($0.slug, $0.name, selected: audiences.contains($0.slug)) },
            "knowledgeChoices": taxonomy.knowledgeKinds.map { option($0.slug, $0.name, selected: values["knowledge"] as? String == $0.slug) },
            "recognitionChoices": taxonomy.recognitionLevels.map {
                option($0.slug, $0.name, selected: values["recognition"] as? String == $0.slug)
            },
            "languages": [option("nl", messages.text("staff.itemForm.languageNl"), selected: values["language"] as? String != "en"),
                          option("en", messages.text("staff.itemForm.languageEn"), selected: values["language"] as? String == "en")],
        ]
    }
}
