/// A theme of the knowledge base, such as "Sociale cohesie". Themes form a tree: a theme may have a parent.
public struct Theme: Sendable, Equatable, Codable {
    public var slug: String
    public var name: String
    /// One line that says what the theme covers.
    public var description: String
    public var parent: String?

    public init(slug: String, name: String, description: String, parent: String? = nil) {
        self.slug = slug
        self.name = name
        self.description = description
        self.parent = parent
    }
}

/// A value of a flat classification list: an audience, a kind of knowledge or a recognition level.
public struct Term: Sendable, Equatable, Codable {
    public var slug: String
    public var name: String

    public init(slug: String, name: String) {
        self.slug = slug
        self.name = name
    }
}

/// All classification lists at once, as loaded from the store: what items may be tagged with.
public struct Taxonomy: Sendable, Equatable {
    public var themes: [Theme]
    public var audiences: [Term]
    public var knowledgeKinds: [Term]
    public var recognitionLevels: [Term]

    public init(themes: [Theme], audiences: [Term], knowledgeKinds: [Term], recognitionLevels: [Term]) {
        self.themes = themes
        self.audiences = audiences
        self.knowledgeKinds = knowledgeKinds
        self.recognitionLevels = recognitionLevels
    }

    public func theme(_ slug: String) -> Theme? { themes.first { $0.slug == slug } }
    public func audience(_ slug: String) -> Term? { audiences.first { $0.slug == slug } }
    public func knowledgeKind(_ slug: String) -> Term? { knowledgeKinds.first { $0.slug == slug } }
    public func recognitionLevel(_ slug: String) -> Term? { recognitionLevels.first { $0.slug == slug } }

    /// Themes without a parent, in their stored order.
    public var topLevelThemes: [Theme] { themes.filter { $0.parent == nil } }

    public func children(of slug: String) -> [Theme] { themes.filter { $0.parent == slug } }

    /// The theme and all themes below it, so that a theme page also lists its subthemes' items.
    /// A theme and the themes above it, nearest first: what an item tagged with it counts for.
    public func themeAndAncestors(_ slug: String) -> [String] {
        var result = [slug]
        var current = theme(slug)?.parent
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = theme(parent)?.parent
        }
        return result
    }

    public func themeAndDescendants(_ slug: String) -> [String] {
        var result = [slug]
        var frontier = [slug]
        while let next = frontier.popLast() {
            for child in children(of: next) where !result.contains(child.slug) {
                result.append(child.slug)
                frontier.append(child.slug)
            }
        }
        return result
    }
}
