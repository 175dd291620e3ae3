import Mustache

/// The root of every page's template context: the page's own values, plus `t` (the interface texts in the
/// page's language) and `lang` (its code, for `<html lang>`).
struct PageContext: MustacheParent {
    let page: any MustacheParent
    let messages: Messages

    func child(named name: String) -> Any? {
        switch name {
        case "t": messages
        case "lang": messages.language.rawValue
        default: page.child(named: name)
        }
    }
}
