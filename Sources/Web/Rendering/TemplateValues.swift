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
        let value = self[keyPath: path]
        if let optional = value as? any OptionalTemplateValue { return optional.templateValue }
        return value
    }
}

/// Lets ``TemplateValues`` hand Mustache `nil` for an absent optional, so `{{#x}}` sections stay closed.
private protocol OptionalTemplateValue {
    var templateValue: Any? { get }
}

extension Optional: OptionalTemplateValue {
    fileprivate var templateValue: Any? { self.map { $0 as Any } }
}
