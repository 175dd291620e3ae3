import Foundation

/// Where knowledge items and their classification lists are kept.
///
/// Implementations are safe to call from many tasks at once. Every write is one transaction: it
/// happens completely or not at all. Lists are ordered by publication date, newest first, unless the
/// query's ``ItemQuery/Timing`` says otherwise.
public protocol KnowledgeStore: Sendable {
    /// The themes, audiences, knowledge kinds and recognition levels items may use.
    func taxonomy() async throws -> Taxonomy

    /// The item with this slug, whatever its status (callers decide who may see it).
    func item(slug: String) async throws -> KnowledgeItem?

    /// One page of the items matching the query.
    func items(_ query: ItemQuery) async throws -> Page<KnowledgeItem>

    /// Stores a new item and its first revision. Throws ``DomainError/conflict(_:)`` when the slug is taken.
    func create(_ content: ItemContent, by editor: Editor) async throws -> KnowledgeItem

    /// Replaces an item's content, keeping its identity and creation time, and records a revision.
    /// A save that changes nothing records nothing.
    ///
    /// - Parameter expectedRevision: the revision the editor started from; when another save came in
    ///   between, throws ``DomainError/conflict(_:)`` instead of overwriting it. nil skips the check.
    /// - Throws: ``DomainError/notFound(_:)`` when there is no item with `slug`.
    func update(slug: String, with content: ItemContent, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem

    /// Changes only the status, inside the same locked transaction as the check of `expectedRevision`, so a
    /// status change never writes back content it read earlier. Records a revision naming `status`.
    func setStatus(slug: String, to status: ItemStatus, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem

    /// Records a revision of the item as it is, naming `fields` as changed: for changes kept outside the
    /// item's content, such as its attachments. Returns the new revision's number.
    @discardableResult
    func recordChange(slug: String, fields: [String], by editor: Editor) async throws -> Int

    /// The item's revisions, newest first. Items that were imported and never saved since have none.
    func revisions(slug: String) async throws -> [Revision]

    /// Throws ``DomainError/notFound(_:)`` when there is no item with `slug`.
    func delete(slug: String) async throws

    /// Creates or replaces (matched by slug) all items in one transaction: all are stored or none.
    /// Items whose content is already stored as given are left alone, update time included, so
    /// importing the same file twice changes nothing.
    /// - Parameter progress: called with the number of items handled so far.
    func upsert(_ contents: [ItemContent], progress: (@Sendable (Int) -> Void)?) async throws -> UpsertSummary

    /// Items of every status ordered by slug, starting after `slug`; for exports that stream.
    func itemsOrderedBySlug(after slug: String?, limit: Int) async throws -> [KnowledgeItem]
}

extension KnowledgeStore {
    /// Creates as the operator: the API's bootstrap token and tests.
    public func create(_ content: ItemContent) async throws -> KnowledgeItem {
        try await create(content, by: .operator)
    }

    public func update(slug: String, with content: ItemContent) async throws -> KnowledgeItem {
        try await update(slug: slug, with: content, by: .operator, expectedRevision: nil)
    }

    /// The newest revision's number, 0 when there is none.
    public func currentRevision(slug: String) async throws -> Int {
        try await revisions(slug: slug).first?.number ?? 0
    }
}

/// What an upsert did.
public struct UpsertSummary: Equatable, Sendable {
    public var created: Int
    public var updated: Int
    public var unchanged: Int

    public init(created: Int, updated: Int, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// Which items to list: filters combine with AND across facets and OR within one facet.
///
/// ```swift
/// var query = ItemQuery(page: PageRequest(number: 2))
/// query.themes = taxonomy.themeAndDescendants("participatie")
/// query.types = [.praktijkvoorbeeld, .handreiking]
/// ```
public struct ItemQuery: Sendable, Equatable {
    public enum Timing: Sendable, Equatable {
        /// Ordered by publication date, newest first.
        case any
        /// Events that have not ended at this moment, soonest first.
        case upcoming(at: Date)
        /// Events that ended before this moment, most recent first.
        case past(at: Date)
    }

    public var types: [ItemType] = []
    public var themes: [String] = []
    public var audiences: [String] = []
    public var knowledge: [String] = []
    public var years: [Int] = []
    public var statuses: [ItemStatus] = [.gepubliceerd]
    public var timing: Timing = .any
    /// Part of the title, case-insensitive: the editors' quick filter (public search uses the index).
    public var titleContains: String?
    /// Most recently changed first instead of by publication date: the editors' list.
    public var recentlyChangedFirst = false
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }
}
