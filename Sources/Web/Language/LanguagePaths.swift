/// Keeps English visitors on English pages: templates and controllers write the Dutch paths
/// (`/zoeken`, `/beheer/items`), and an English page's links, form actions and redirects get `/en` in front.
///
/// Doing it in one place keeps every template and controller language-agnostic. Paths that are the same
/// in every language (the stylesheet, the API, downloads) and links that choose a language on purpose
/// (`/nl/…`, `/en/…`) are left alone.
enum LanguagePaths {
    static let shared = ["/static/", "/api/", "/bijlagen/", "/en/", "/nl/", "/metrics", "/health"]

    /// The path an English page links to for a Dutch-site path.
    static func localize(_ path: String, to language: Language) -> String {
        guard language != .default, path.hasPrefix("/"), !path.hasPrefix("//") else { return path }
        if path == "/en" || path == "/nl" || shared.contains(where: { path.hasPrefix($0) }) { return path }
        return language.pathPrefix + path
    }

    /// Rewrites `href="/…"` and `action="/…"` in a rendered page.
    static func localizeLinks(in html: String, to language: Language) -> String {
        guard language != .default else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 512)
        var rest = Substring(html)
        while let range = rest.firstRange(of: #"="/"#) {
            let attributeStart = rest[..<range.lowerBound]
            result += attributeStart
            result += "=\""
            rest = rest[rest.index(after: range.lowerBound)...].dropFirst()   // after the quote
            if attributeStart.hasSuffix("href") || attributeStart.hasSuffix("action") {
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                result += localize(String(rest[..<end]), to: language)
                rest = rest[end...]
            }
        }
        result += rest
        return result
    }

    /// Splits `/en/zoeken?q=x` into the language and the path the router knows (`/zoeken?q=x`).
    static func split(_ path: String) -> (Language, String)? {
        for language in Language.allCases {
            let prefix = "/\(language.rawValue)"
            guard path.hasPrefix(prefix) else { continue }
            let rest = path.dropFirst(prefix.count)
            if rest.isEmpty { return (language, "/") }
            if rest.first == "/" { return (language, String(rest)) }
            if rest.first == "?" { return (language, "/" + rest) }
        }
        return nil
    }
}
