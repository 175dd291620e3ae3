import Hummingbird

/// What the layout template needs on every page: the title, the description, the main menu and the
/// link to the same page in the other language.
struct PageShell: Sendable {
    struct NavLink: Sendable {
        let label: String
        let url: String
        let current: Bool
    }

    /// The same page in another language; its path names the language, so ``LanguagePaths`` leaves it alone.
    struct Alternate: Sendable {
        let label: String
        let language: String
        let url: String
    }

    let title: String
    let description: String
    let canonical: String?
    let stylesheet: String
    let nav: [NavLink]
    let alternates: [Alternate]
    /// The search box in the header; the search page has its own and hides this one.
    let showsSiteSearch: Bool

    /// The main menu: message keys and Dutch-site paths.
    static let menu: [(key: String, url: String)] = [
        ("home", "/"), ("themes", "/thema"), ("publications", "/type/publicatie"),
        ("practice", "/type/praktijkvoorbeeld"), ("interventions", "/type/interventie"), ("agenda", "/agenda"),
    ]

    /// - Parameters:
    ///   - section: the menu URL this page belongs to, marked with `aria-current`.
    ///   - path: the page's own path (nil for error pages), made absolute with the base URL for `<link rel="canonical">`.
    ///   - request: the request as the router saw it (without a language prefix), for the language switch;
    ///     nil switches to the other language's home page (error pages do not repeat a mistyped address).
    init(title: String, description: String, section: String?, path: String?, site: SiteSettings, request: Request?,
         language: Language, showsSiteSearch: Bool = true) {
        let messages = site.catalogue[language]
        self.title = title
        self.description = description
        self.canonical = path.flatMap { path in site.baseURL.map { $0 + LanguagePaths.localize(path, to: language) } }
        self.stylesheet = site.stylesheetURL
        self.nav = Self.menu.map { NavLink(label: messages.text("site.menu.\($0.key)"), url: $0.url, current: $0.url == section) }
        let here = request?.uri.description ?? "/"
        self.alternates = Language.allCases.filter { $0 != language }.map { other in
            Alternate(label: site.catalogue[other].text("site.language.name"), language: other.rawValue,
                      url: "/\(other.rawValue)" + (here == "/" ? "/" : here))
        }
        self.showsSiteSearch = showsSiteSearch
    }
}

/// Site-wide settings the pages need.
struct SiteSettings: Sendable {
    /// `KENNIS_BASE_URL` without a trailing slash, when configured.
    let baseURL: String?
    /// The stylesheet's URL, versioned by content so browsers may cache it for a year.
    let stylesheetURL: String
    /// The interface texts of every language.
    let catalogue: MessageCatalogue
}
