import Mustache

/// Hands any view value to Mustache with every string made safe by ``EscapableText``, without a key-path
/// table per type: the staff pages are few and rarely requested, so reflection's cost does not matter there.
struct ReflectedValues: MustacheParent {
    let value: Any

    func child(named name: String) -> Any? {
        if let dictionary = value as? [String: Any] { return dictionary[name].flatMap(Self.wrap) }
        for child in Mirror(reflecting: value).children where child.label == name {
            return Self.wrap(child.value)
        }
        return nil
    }

    /// Strings are separated from prepended marks, collections and nested values wrapped, nil stays nil.
    /// An empty string counts as absent, as in most Mustache engines, so `{{#note}}…{{/note}}` stays closed for "".
    static func wrap(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text.isEmpty ? nil : EscapableText.separatingPrependedMarks(text)
        case let number as Int: return number
        case let flag as Bool: return flag
        case let list as [Any]: return list.compactMap(wrap)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                return mirror.children.first.flatMap { wrap($0.value) }
            }
            return ReflectedValues(value: value)
        }
    }
}
