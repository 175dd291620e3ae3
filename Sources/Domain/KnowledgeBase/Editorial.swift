import Foundation

/// The editors' actions on knowledge items, each checked against the workflow and recorded in the audit log.
///
/// Web pages, the API and the scheduler all go through here, so "vier ogen" and the audit trail hold
/// whichever way a change arrives.
///
/// ```swift
/// let editorial = Editorial(store: store, settings: settings, audit: audit, schedule: schedule, clock: clock)
/// try await editorial.changeStatus(slug: "taalcafe", to: .gepubliceerd, by: reviewer, expectedRevision: 3)
/// ```
public struct Editorial: Sendable {
    let store: any KnowledgeStore
    let settings: any SettingsStore
    let audit: any AuditLog
    let schedule: any PublicationSchedule
    let clock: any WallClock

    public init(
        store: any KnowledgeStore, settings: any SettingsStore, audit: any AuditLog, schedule: any PublicationSchedule,
        clock: any WallClock
    ) {
        self.store = store
        self.settings = settings
        self.audit = audit
        self.schedule = schedule
        self.clock = clock
    }

    /// Thrown for a change the workflow does not allow, with the reason.
    public struct Refused: Error, Equatable, Sendable {
        public let refusal: EditorialWorkflow.Refusal
    }

    public func create(_ content: ItemContent, by editor: Editor) async throws -> KnowledgeItem {
        let workflow = try await workflow()
        try check { () throws(EditorialWorkflow.Refusal) in
            try workflow.checkSave(previous: nil, requested: content.status, contentChanged: true, by: editor)
        }
        let item = try await store.create(content, by: editor)
        try await record(.itemCreated, editor, content.slug, "status \(content.status.rawValue)")
        if content.status == .gepubliceerd { try await record(.published, editor, content.slug, "bij aanmaken") }
        return item
    }

    /// Saves new content. With vier ogen on, a change to a published item by an editor goes back to
    /// `ter-review`, so that it reaches the public site only after a second editor has seen it.
    public func save(slug: String, content: ItemContent, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        guard let current = try await store.item(slug: slug) else { throw DomainError.notFound("no item with slug '\(slug)'") }
        var content = content
        let changed = Self.withoutStatus(current.content) != Self.withoutStatus(content)
        let workflow = try await workflow()
        if workflow.fourEyes, editor.accountID != nil, changed, content.status == .gepubliceerd {
            content.status = .terReview
        }
        try check { [content] () throws(EditorialWorkflow.Refusal) in
            try workflow.checkSave(previous: current.content.status, requested: content.status, contentChanged: changed, by: editor)
        }
        let item = try await store.update(slug: slug, with: content, by: editor, expectedRevision: expectedRevision)
        if changed { try await record(.itemUpdated, editor, slug, Revision.changedFields(from: current.content, to: content).joined(separator: ", ")) }
        if current.content.status != item.content.status {
            try await record(item.content.status == .gepubliceerd ? .published : .statusChanged, editor, slug,
                             "\(current.content.status.rawValue) → \(item.content.status.rawValue)")
        }
        return item
    }

    /// Moves the item to another status without changing its content.
    public func changeStatus(slug: String, to status: ItemStatus, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        guard let current = try await store.item(slug: slug) else { throw DomainError.notFound("no item with slug '\(slug)'") }
        try await checkTransition(current, to: status, by: editor)
        var content = current.content
        content.status = status
        let item = try await store.update(slug: slug, with: content, by: editor, expectedRevision: expectedRevision)
        if status == .gepubliceerd { try await schedule.cancel(slug: slug) }
        try await record(status == .gepubliceerd ? .published : .statusChanged, editor, slug,
                         "\(current.content.status.rawValue) → \(status.rawValue)")
        return item
    }

    /// Plans publication at `moment`; vier ogen is checked now, and again when it runs.
    public func schedulePublication(slug: String, at moment: Date, by editor: Editor) async throws {
        guard let current = try await store.item(slug: slug) else { throw DomainError.notFound("no item with slug '\(slug)'") }
        try await checkTransition(current, to: .gepubliceerd, by: editor)
        try await schedule.schedule(ScheduledPublication(slug: slug, at: moment, by: editor))
        try await record(.publicationScheduled, editor, slug, Timestamp.format(moment))
    }

    /// What the scheduler runs when a planned moment has come. An item published or deleted in the
    /// meantime is left alone; a refusal (someone else's change came in and the planner is now its last
    /// editor) is recorded and the plan dropped.
    public func runScheduledPublication(_ publication: ScheduledPublication) async throws {
        guard let current = try await store.item(slug: publication.slug), current.content.status != .gepubliceerd else { return }
        let planner = Editor(accountID: publication.by.accountID, name: "\(publication.by.name) (gepland)")
        do {
            try await checkTransition(current, to: .gepubliceerd, by: publication.by)
        } catch let refused as Refused {
            try await record(.statusChanged, planner, publication.slug, "geplande publicatie niet uitgevoerd: \(refused.refusal.dutch)")
            return
        }
        var content = current.content
        content.status = .gepubliceerd
        _ = try await store.update(slug: publication.slug, with: content, by: planner, expectedRevision: nil)
        try await record(.published, planner, publication.slug, "gepland op \(Timestamp.format(publication.at))")
    }

    /// Puts an old revision's content back as a new revision; the status stays as it is now.
    public func restore(slug: String, revision number: Int, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        guard let current = try await store.item(slug: slug) else { throw DomainError.notFound("no item with slug '\(slug)'") }
        guard let revision = try await store.revisions(slug: slug).first(where: { $0.number == number }) else {
            throw DomainError.notFound("revision \(number) of '\(slug)'")
        }
        var content = revision.content
        content.status = current.content.status
        content.slug = current.content.slug
        let item = try await save(slug: slug, content: content, by: editor, expectedRevision: expectedRevision)
        try await record(.revisionRestored, editor, slug, "versie \(number)")
        return item
    }

    public func delete(slug: String, by editor: Editor) async throws {
        try await store.delete(slug: slug)
        try await schedule.cancel(slug: slug)
        try await record(.deleted, editor, slug, "kennisitem")
    }

    /// Who last changed the item's content (not merely its status); nil for an item never saved by anyone.
    public func lastEditor(slug: String) async throws -> Editor? {
        try await store.revisions(slug: slug).first(where: \.changesContent)?.editor
    }

    private func checkTransition(_ item: KnowledgeItem, to status: ItemStatus, by editor: Editor) async throws {
        let workflow = try await workflow()
        let last = try await lastEditor(slug: item.content.slug)
        try check { () throws(EditorialWorkflow.Refusal) in
            try workflow.checkTransition(from: item.content.status, to: status, by: editor, lastEditor: last)
        }
    }

    private func check(_ body: () throws(EditorialWorkflow.Refusal) -> Void) throws {
        do { try body() } catch { throw Refused(refusal: error) }
    }

    private func workflow() async throws -> EditorialWorkflow {
        EditorialWorkflow(fourEyes: try await settings.settings().fourEyes)
    }

    private func record(_ action: AuditEntry.Action, _ editor: Editor, _ slug: String, _ detail: String) async throws {
        try await audit.record(AuditEntry(at: clock.now(), actor: editor.name, action: action, subject: slug, detail: detail))
    }

    private static func withoutStatus(_ content: ItemContent) -> ItemContent {
        var content = content
        content.status = .concept
        return content
    }
}
