import Foundation

/// Planned publication: checked when it is planned, and again, against the same revision, when it runs.
extension Editorial {
    /// Plans publication at `moment` of the item as it is now; any later change to the item cancels the plan.
    public func schedulePublication(slug: String, at moment: Date, by editor: Editor) async throws {
        let current = try await requireItem(slug)
        try await checkTransition(current, to: .gepubliceerd, by: editor)
        let revision = try await store.currentRevision(slug: slug)
        try await schedule.schedule(ScheduledPublication(slug: slug, at: moment, by: editor, revision: revision))
        try await record(.publicationScheduled, editor, slug, "\(Timestamp.format(moment)), versie \(revision)")
    }

    public func cancelPublication(slug: String, by editor: Editor) async throws {
        guard try await schedule.scheduled(slug: slug) != nil else { return }
        try await schedule.cancel(slug: slug)
        try await record(.publicationCancelled, editor, slug, "door de redacteur")
    }

    /// What the scheduler runs when a planned moment has come. It publishes only the revision that was
    /// planned, only while the planner may still publish it; otherwise the plan is dropped and the audit log
    /// says why. An item already published or deleted is left alone.
    public func runScheduledPublication(_ publication: ScheduledPublication) async throws {
        guard let current = try await store.item(slug: publication.slug), current.content.status != .gepubliceerd else { return }
        let planner = Editor(accountID: publication.by.accountID, name: "\(publication.by.name) (gepland)")
        if let reason = try await reasonNotToPublish(publication, current) {
            try await record(.publicationCancelled, planner, publication.slug, "niet uitgevoerd: \(reason)")
            return
        }
        do {
            _ = try await store.setStatus(slug: publication.slug, to: .gepubliceerd, by: planner, expectedRevision: publication.revision)
        } catch DomainError.conflict {
            try await record(.publicationCancelled, planner, publication.slug, "niet uitgevoerd: het item is net gewijzigd")
            return
        }
        try await record(.published, planner, publication.slug, "gepland op \(Timestamp.format(publication.at))")
    }

    private func reasonNotToPublish(_ publication: ScheduledPublication, _ current: KnowledgeItem) async throws -> String? {
        if try await store.currentRevision(slug: publication.slug) != publication.revision {
            return "het item is na het plannen gewijzigd"
        }
        if let id = publication.by.accountID {
            guard let account = try await accounts.account(id: id), account.active, account.has(.redacteur) else {
                return "de planner is geen actieve redacteur meer"
            }
        }
        do {
            try await checkTransition(current, to: .gepubliceerd, by: publication.by)
        } catch let refused as Refused {
            return refused.refusal.dutch
        }
        return nil
    }
}
