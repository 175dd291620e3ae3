/// What the layout template needs on every page: the title, the description and the main menu.
struct PageShell: Sendable {
    struct NavLink: Sendable {
        let label: String
        let url: String
        let current: Bool
    }

    let title: String
    let description: String
    let canonical: String?
    let stylesheet: String
    let nav: [NavLink]
    /// The search box in the header; the search page has its own and hides this one.
    let showsSiteSearch: Bool

    static let menu: [(label: String, url: String)] = [
        ("Home", "/"), ("Thema's", "/thema"), ("Publicaties", "/type/publicatie"),
        ("Praktijkvoorbeelden", "/type/praktijkvoorbeeld"), ("Interventies", "/type/interventie"), ("Agenda", "/agenda"),
    ]

    /// - Parameters:
    ///   - section: the menu URL this page belongs to, marked with `aria-current`.
    ///   - path: the page's own path (nil for error pages), made absolute with the base URL for `<link rel="canonical">`.
    init(title: String, description: String, section: String?, path: String?, site: SiteSettings, showsSiteSearch: Bool = true) {
        self.title = title
        self.description = description
        self.canonical = path.flatMap { path in site.baseURL.map { $0 + path } }
        self.stylesheet = site.stylesheetURL
        self.nav = Self.menu.map { NavLink(label: $0.label, url: $0.url, current: $0.url == section) }
        self.showsSiteSearch = showsSiteSearch
    }
}

/// Site-wide settings the pages need.
struct SiteSettings: Sendable {
    /// `KENNIS_BASE_URL` without a trailing slash, when configured.
    let baseURL: String?
    /// The stylesheet's URL, versioned by content so browsers may cache it for a year.
    let stylesheetURL: String
}
