import Foundation
import Hummingbird
import Mustache

/// The page templates, loaded once at start-up from the module's `Resources/Templates` folder.
///
/// swift-mustache escapes `{{value}}` for HTML (``EscapableText`` closes a gap in it). The only unescaped
/// output (`{{{…}}}`) is Markdown that ``MarkdownRenderer`` has already made safe, and search snippets that
/// ``Snippet/html`` has escaped.
struct Templates: Sendable {
    let library: MustacheLibrary
    let catalogue: MessageCatalogue

    /// Every template a page can ask for; checked at start-up so a missing file fails the boot, not a request.
    static let names = ["layout", "card", "pagination", "home", "item", "listing", "themes", "agenda", "error", "search", "staff", "accessibility", "privacy",
        "beheer/login", "beheer/forgot", "beheer/reset", "beheer/dashboard", "beheer/items", "beheer/review",
        "beheer/item-form", "beheer/revisions", "beheer/compare", "beheer/account", "beheer/users", "beheer/user", "beheer/audit",
        "beheer/taxonomy", "beheer/synonyms", "beheer/settings"]

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func load(from directory: String? = nil) async throws -> Templates {
        guard let path = directory ?? Bundle.module.url(forResource: "Resources/Templates", withExtension: nil)?.path
        else { throw Missing(description: "the Templates resource folder is missing") }
        let library = try await MustacheLibrary(directory: path)
        for name in names where library.getTemplate(named: name) == nil {
            throw Missing(description: "template '\(name)' is missing in \(path)")
        }
        return Templates(library: library, catalogue: try MessageCatalogue.load())
    }

    /// Renders a page in `language`: the template reads its texts from `t`, and an English page's links
    /// stay on English pages (``LanguagePaths``).
    func render(_ name: String, _ data: some MustacheParent, language: Language, status: HTTPResponse.Status = .ok) throws -> HTML {
        let context = PageContext(page: data, messages: catalogue[language])
        guard let text = library.render(context, withTemplate: name) else { throw Missing(description: "template '\(name)'") }
        return HTML(text: LanguagePaths.localizeLinks(in: text, to: language), status: status)
    }
}
