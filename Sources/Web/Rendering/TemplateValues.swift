import Mustache

/// A view model whose fields templates look up by name through a key-path table instead of reflection.
///
/// swift-mustache falls back to `Mirror` for plain structs, and reflection dominated page rendering
/// (each `{{name}}` reflects every object on the context stack). A table keeps lookups cheap:
///
/// ```swift
/// extension LinkView: TemplateValues {
///     static let templateFields: Fields = ["label": \.label, "url": \.url]
/// }
/// ```
protocol TemplateValues: MustacheParent {
    typealias Fields = [String: any PartialKeyPath<Self> & Sendable]
    static var templateFields: Fields { get }
}

extension TemplateValues {
    func child(named name: String) -> Any? {
        guard let path = Self.templateFields[name] else { return nil }
        let field: Any = self[keyPath: path]
        let value: Any?
        if let optional = field as? any OptionalTemplateValue {
            value = optional.templateValue
        } else {
            value = field
        }
        if let text = value as? String { return EscapableText.separatingPrependedMarks(text) }
        return value
    }
}

/// Makes text safe for swift-mustache's HTML escaping, which compares whole `Character`s: a "prepend"
/// mark such as U+0600 forms one Character with a following `<`, which then would not be escaped.
/// A zero-width non-joiner between them splits the Character, so the `<` is escaped; nothing visible changes.
enum EscapableText {
    static let special: Set<Unicode.Scalar> = ["<", ">", "&", "\"", "'"]

    static func separatingPrependedMarks(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let previous, !previous.isASCII, special.contains(scalar),
               String(String.UnicodeScalarView([previous, scalar])).count == 1 {
                result.append("\u{200C}")
            }
            result.append(scalar)
            previous = scalar
        }
        return String(result)
    }
}

/// Lets ``TemplateValues`` hand Mustache `nil` for an absent optional, so `{{#x}}` sections stay closed.
private protocol OptionalTemplateValue {
    var templateValue: Any? { get }
}

extension Optional: OptionalTemplateValue {
    fileprivate var templateValue: Any? { self.map { $0 as Any } }
}
