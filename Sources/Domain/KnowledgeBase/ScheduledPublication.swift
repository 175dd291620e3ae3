import Foundation

/// A publication planned for a moment in the future, run by the job scheduler on one instance.
public struct ScheduledPublication: Sendable, Equatable {
    public var slug: String
    public var at: Date
    /// Who planned it; vier ogen is checked against them, at planning time and again when it runs.
    public var by: Editor
    /// The revision that was reviewed; if the item has changed since, the plan does not run.
    public var revision: Int

    public init(slug: String, at: Date, by: Editor, revision: Int) {
        self.slug = slug
        self.at = at
        self.by = by
        self.revision = revision
    }

    /// The job kind in the shared queue.
    public static let jobKind = "publish-item"
}

public protocol PublicationSchedule: Sendable {
    /// Plans the publication, replacing an earlier plan for the same item.
    func schedule(_ publication: ScheduledPublication) async throws
    func scheduled(slug: String) async throws -> ScheduledPublication?
    func cancel(slug: String) async throws
}
