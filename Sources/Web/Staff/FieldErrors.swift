import Domain

/// Field errors in Dutch, keyed by the form field they belong to, for the templates' `errors.title` lookups.
struct FieldErrors: Sendable {
    private(set) var byField: [String: String] = [:]

    init(_ issues: [FieldIssue] = [], labels: [String: String] = [:]) {
        for issue in issues { add(issue, labels: labels) }
    }

    mutating func add(_ issue: FieldIssue, labels: [String: String] = [:]) {
        // `themes[2]` belongs to the field `themes`.
        let field = String(issue.field.prefix { $0 != "[" })
        let label = labels[field] ?? field
        let text = "\(label) \(issue.dutch)"
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
