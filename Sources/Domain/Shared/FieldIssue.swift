/// One broken rule in submitted data, tied to the field it concerns.
///
/// The reason is structured rather than a finished sentence so every channel can word it in its own
/// language: the API and the command line use ``english``; Dutch forms (the editor, later) show ``dutch``.
///
/// ```swift
/// let issue = FieldIssue("title", .missing)
/// issue.english   // "title: is required"
/// ```
public struct FieldIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case missing
        case wrongType(expected: String)
        case empty
        case tooLong(max: Int)
        case tooShort(min: Int)
        case tooLongBytes(max: Int)
        case unknownRole(String)
        case notAnEmailAddress
        case tooMany(max: Int)
        case tooFew(min: Int)
        case badFormat(expected: String)
        case unknownValue(String, allowed: [String])
        case notAllowed(forType: String)
        case unknownField
        case duplicate(String)
        case endBeforeStart
        case mismatch(expected: String)
    }

    /// The field name as it appears in the exchange format and the API, e.g. `themes` or `authors[2]`.
    public var field: String
    public var reason: Reason

    public init(_ field: String, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(english)" }

    public var english: String {
        switch reason {
        case .missing: "is required"
        case .wrongType(let expected): "must be \(expected)"
        case .empty: "must not be empty"
        case .tooLong(let max): "is too long (at most \(max) characters)"
        case .tooShort(let min): "is too short (at least \(min) characters)"
        case .tooLongBytes(let max): "is too long (at most \(max) bytes)"
        case .unknownRole(let name): "unknown role '\(name)' (allowed: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .notAnEmailAddress: "is not an e-mail address such as name@example.nl"
        case .tooMany(let max): "has too many entries (at most \(max))"
        case .tooFew(let min): "needs at least \(min) \(min == 1 ? "entry" : "entries")"
        case .badFormat(let expected): "has the wrong format (expected \(expected))"
        case .unknownValue(let value, let allowed):
            "unknown value '\(value)'" + (allowed.isEmpty ? "" : " (allowed: \(allowed.joined(separator: ", ")))")
        case .notAllowed(let type): "is not allowed for type '\(type)'"
        case .unknownField: "is not a known field"
        case .duplicate(let value): "contains '\(value)' twice"
        case .endBeforeStart: "must not be before start"
        case .mismatch(let expected): "must be '\(expected)'"
        }
    }

    public var dutch: String {
        switch reason {
        case .missing: "is verplicht"
        case .wrongType(let expected): "heeft het verkeerde soort waarde (verwacht: \(expected))"
        case .empty: "mag niet leeg zijn"
        case .tooLong(let max): "is te lang (maximaal \(max) tekens)"
        case .tooShort(let min): "is te kort (minstens \(min) tekens)"
        case .tooLongBytes(let max): "is te lang (maximaal \(max) bytes)"
        case .unknownRole(let name): "onbekende rol '\(name)'"
        case .notAnEmailAddress: "is geen e-mailadres zoals naam@example.nl"
        case .tooMany(let max): "heeft te veel waarden (maximaal \(max))"
        case .tooFew(let min): "heeft minstens \(min) \(min == 1 ? "waarde" : "waarden") nodig"
        case .badFormat(let expected): "heeft niet de juiste vorm (verwacht: \(expected))"
        case .unknownValue(let value, let allowed):
            "onbekende waarde '\(value)'" + (allowed.isEmpty ? "" : " (toegestaan: \(allowed.joined(separator: ", ")))")
        case .notAllowed(let type): "hoort niet bij type '\(type)'"
        case .unknownField: "is geen bekend veld"
        case .duplicate(let value): "bevat '\(value)' twee keer"
        case .endBeforeStart: "mag niet voor het begin liggen"
        case .mismatch(let expected): "moet '\(expected)' zijn"
        }
    }
}
