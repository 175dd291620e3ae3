/// The interface languages. Dutch is the default; English pages are the same pages under `/en`.
///
/// Visitors get no cookies, so the choice lives in the address: `/en/zoeken` is the English search page,
/// and `/nl/…` the Dutch one (the language switch links there, so it survives ``LanguagePaths``).
enum Language: String, Sendable, CaseIterable {
    case nl
    case en

    static let `default` = Language.nl

    /// What the language's pages start with: nothing for Dutch, `/en` for English.
    var pathPrefix: String { self == .default ? "" : "/\(rawValue)" }
}
