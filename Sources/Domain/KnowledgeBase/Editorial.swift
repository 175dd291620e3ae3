import Foundation

/// The editors' actions on knowledge items, each checked against the workflow and recorded in the audit log.
///
/// Web pages, the API and the scheduler all go through here, so "vier ogen" and the audit trail hold
/// whichever way a change arrives. With vier ogen on, a change to a public item by a person (its text, an
/// attachment, a restored revision) sends it back to `ter-review`, and the person who made it cannot publish it.
///
/// ```swift
/// let editorial = Editorial(store: store, attachments: attachments, files: files, settings: settings, audit: audit,
///                           schedule: schedule, accounts: accounts, clock: clock)
/// try await editorial.changeStatus(slug: "taalcafe", to: .gepubliceerd, by: reviewer, expectedRevision: 3)
/// ```
public struct Editorial: Sendable {
    let store: any KnowledgeStore
    let attachments: any AttachmentStore
    let files: any FileStore
    let settings: any SettingsStore
    let audit: any AuditLog
    let schedule: any PublicationSchedule
    let accounts: any AccountStore
    let clock: any WallClock

    public init(
        store: any KnowledgeStore, attachments: any AttachmentStore, files: any FileStore, settings: any SettingsStore,
        audit: any AuditLog, schedule: any PublicationSchedule, accounts: any AccountStore, clock: any WallClock
    ) {
        self.store = store
        self.attachments = attachments
        self.files = files
        self.settings = settings
        self.audit = audit
        self.schedule = schedule
        self.accounts = accounts
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

    /// Saves new content. A save that only asks for another status is a status change (``changeStatus(slug:to:by:expectedRevision:)``).
    public func save(slug: String, content: ItemContent, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        let current = try await requireItem(slug)
        guard Self.withoutStatus(current.content) != Self.withoutStatus(content) else {
            guard content.status != current.content.status else { return current }
            return try await changeStatus(slug: slug, to: content.status, by: editor, expectedRevision: expectedRevision)
        }
        var content = content
        let workflow = try await workflow()
        if sendsBackToReview(current, by: editor, workflow: workflow), content.status.isPublic { content.status = .terReview }
        try check { [content] () throws(EditorialWorkflow.Refusal) in
            try workflow.checkSave(previous: current.content.status, requested: content.status, contentChanged: true, by: editor)
        }
        let item = try await store.update(slug: slug, with: content, by: editor, expectedRevision: expectedRevision)
        try await schedule.cancel(slug: slug)
        try await record(.itemUpdated, editor, slug, Revision.changedFields(from: current.content, to: content).joined(separator: ", "))
        try await recordStatusChange(from: current.content.status, to: item.content.status, editor, slug)
        return item
    }

    /// Moves the item to another status without changing its content. Any planned publication ends with it.
    public func changeStatus(slug: String, to status: ItemStatus, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        let current = try await requireItem(slug)
        try await checkTransition(current, to: status, by: editor)
        let item = try await store.setStatus(slug: slug, to: status, by: editor, expectedRevision: expectedRevision)
        try await schedule.cancel(slug: slug)
        try await recordStatusChange(from: current.content.status, to: status, editor, slug)
        return item
    }

    /// Records that a person added or removed an attachment: a revision naming `attachments`, so they count
    /// as the item's last editor; with vier ogen a public item goes back to review.
    public func attachmentsChanged(slug: String, by editor: Editor, detail: String) async throws {
        let current = try await requireItem(slug)
        if sendsBackToReview(current, by: editor, workflow: try await workflow()) {
            _ = try await store.setStatus(slug: slug, to: .terReview, by: editor, expectedRevision: nil)
            try await recordStatusChange(from: current.content.status, to: .terReview, editor, slug)
        }
        try await store.recordChange(slug: slug, fields: ["attachments"], by: editor)
        try await schedule.cancel(slug: slug)
        try await record(.itemUpdated, editor, slug, detail)
    }

    /// Puts an old revision's content back as a new revision; the status stays as it is now.
    public func restore(slug: String, revision number: Int, by editor: Editor, expectedRevision: Int?) async throws -> KnowledgeItem {
        let current = try await requireItem(slug)
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

    /// Deletes the item with its revisions and attachments; files no other item uses are removed too.
    public func delete(slug: String, by editor: Editor) async throws {
        let files = Set(try await attachments.attachments(ofItem: slug).map(\.sha256))
        try await store.delete(slug: slug)
        try await schedule.cancel(slug: slug)
        for file in files where try await attachments.references(toFile: file) == 0 { try await self.files.delete(file) }
        try await record(.deleted, editor, slug, "kennisitem")
    }

    /// Who last changed the item's content or attachments (not merely its status); nil for an item never saved by anyone.
    public func lastEditor(slug: String) async throws -> Editor? {
        try await store.revisions(slug: slug).first(where: \.changesContent)?.editor
    }

    func requireItem(_ slug: String) async throws -> KnowledgeItem {
        guard let item = try await store.item(slug: slug) else { throw DomainError.notFound("no item with slug '\(slug)'") }
        return item
    }

    /// Vier ogen: a person's change to a public item is held back until someone else has seen it.
    private func sendsBackToReview(_ item: KnowledgeItem, by editor: Editor, workflow: EditorialWorkflow) -> Bool {
        workflow.fourEyes && editor.accountID != nil && item.content.status.isPublic
    }

    func checkTransition(_ item: KnowledgeItem, to status: ItemStatus, by editor: Editor) async throws {
        let workflow = try await workflow()
        let last = try await lastEditor(slug: item.content.slug)
        try check { () throws(EditorialWorkflow.Refusal) in
            try workflow.checkTransition(from: item.content.status, to: status, by: editor, lastEditor: last)
        }
    }

    private func check(_ body: () throws(EditorialWorkflow.Refusal) -> Void) throws {
        do { try body() } catch { throw Refused(refusal: error) }
    }

    func workflow() async throws -> EditorialWorkflow {
        EditorialWorkflow(fourEyes: try await settings.settings().fourEyes)
    }

    func record(_ action: AuditEntry.Action, _ editor: Editor, _ slug: String, _ detail: String) async throws {
        try await audit.record(AuditEntry(at: clock.now(), actor: editor.name, action: action, subject: slug, detail: detail))
    }

    private func recordStatusChange(from old: ItemStatus, to new: ItemStatus, _ editor: Editor, _ slug: String) async throws {
        guard old != new else { return }
        try await record(new == .gepubliceerd ? .published : .statusChanged, editor, slug, "\(old.rawValue) → \(new.rawValue)")
    }

    private static func withoutStatus(_ content: ItemContent) -> ItemContent {
        var content = content
        content.status = .concept
        return content
    }
}
