import Domain

/// Field errors in the page's language, keyed by the form field they belong to, for the templates'
/// `errors.title` lookups.
struct FieldErrors: Sendable {
    private(set) var byField: [String: String] = [:]

    init() {}

    /// - Parameter labelKeys: per field, its name under `staff.field` when it is not the field itself.
    init(_ issues: [FieldIssue], messages: Messages, labelKeys: [String: String] = [:]) {
        for issue in issues { add(issue, messages: messages, labelKey: labelKeys[issue.field]) }
    }

    /// Adds a rule the Domain reports, as "<label> <what is wrong>": the label is the field's name in the
    /// catalogue (`staff.field`), the wording the Domain's Dutch or English text.
    /// - Parameter labelKey: the field's name under `staff.field` when it is not the field itself.
    mutating func add(_ issue: FieldIssue, messages: Messages, labelKey: String? = nil) {
        // `themes[2]` belongs to the field `themes`.
        let field = String(issue.field.prefix { $0 != "[" })
        let label = messages.texts["staff.field.\(labelKey ?? field)"] ?? field
        let text = "\(label) \(messages.language == .nl ? issue.dutch : issue.english)"
        byField[field] = byField[field].map { $0 + " " + text } ?? text
    }

    mutating func add(field: String, _ text: String) {
        byField[field] = byField[field].map { $0 + " " + text } ?? text
    }

    var isEmpty: Bool { byField.isEmpty }

    /// The list above the form: every problem, linking to its field.
    func summary(order: [String]) -> [[String: Any]] {
        let ordered = order.filter { byField[$0] != nil } + byField.keys.filter { !order.contains($0) }.sorted()
        return ordered.map { ["field": $0, "text": byField[$0]!] }
    }

    var dictionary: [String: Any] { byField }
}
