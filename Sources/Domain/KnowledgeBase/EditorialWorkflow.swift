import Foundation

/// Who saved or changed something: an account, or the platform's own automation.
public struct Editor: Sendable, Equatable {
    /// nil for the operator token, the command line and the scheduler.
    public var accountID: String?
    public var name: String

    public init(accountID: String?, name: String) {
        self.accountID = accountID
        self.name = name
    }

    public static let `operator` = Editor(accountID: nil, name: "operator")
    public static let commandLine = Editor(accountID: nil, name: "kennis cli")
}

/// The editorial workflow: concept → ter-review → gepubliceerd → gearchiveerd, and the "vier ogen" rule.
///
/// With vier ogen on, nobody publishes their own words: the person who last changed an item's content
/// cannot publish it, and a save that would put someone's own change on the public site is refused.
///
/// ```swift
/// try EditorialWorkflow(fourEyes: true).checkTransition(from: .terReview, to: .gepubliceerd,
///                                                       by: reviewer, lastEditor: author)
/// ```
public struct EditorialWorkflow: Sendable {
    public let fourEyes: Bool

    public init(fourEyes: Bool) {
        self.fourEyes = fourEyes
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notAllowed(from: ItemStatus, to: ItemStatus)
        /// Vier ogen: the actor is the item's last editor.
        case ownChange

        public var dutch: String {
            switch self {
            case .notAllowed(let from, let to): "Een item met status ‘\(from.dutchName)’ kan niet naar ‘\(to.dutchName)’."
            case .ownChange: "Vier ogen: u heeft dit item zelf als laatste gewijzigd. Een andere redacteur moet het publiceren."
            }
        }

        public var english: String {
            switch self {
            case .notAllowed(let from, let to): "an item with status '\(from.rawValue)' cannot move to '\(to.rawValue)'"
            case .ownChange: "four eyes: you made the last change to this item, so another editor must publish it"
            }
        }
    }

    /// The statuses an item may move to from `status`, in the order the editor's buttons show them.
    public static func targets(from status: ItemStatus) -> [ItemStatus] {
        switch status {
        case .concept: [.terReview, .gepubliceerd]
        case .terReview: [.gepubliceerd, .concept]
        case .gepubliceerd: [.gearchiveerd, .concept]
        case .gearchiveerd: [.gepubliceerd, .concept]
        }
    }

    /// Checks a status change that leaves the content as it is.
    public func checkTransition(from: ItemStatus, to: ItemStatus, by actor: Editor, lastEditor: Editor?) throws(Refusal) {
        guard from != to else { return }
        guard Self.targets(from: from).contains(to) else { throw .notAllowed(from: from, to: to) }
        if to == .gepubliceerd { try checkPublisher(actor, lastEditor: lastEditor) }
    }

    /// Checks a save of changed content with the status it asks for. The saver becomes the last editor, so
    /// with vier ogen they cannot make their own change public; ``Editorial`` sends such a change to review first.
    public func checkSave(previous: ItemStatus?, requested: ItemStatus, contentChanged: Bool, by actor: Editor) throws(Refusal) {
        // Vier ogen's own move: a changed public item goes back to review.
        let backToReview = fourEyes && contentChanged && previous?.isPublic == true && requested == .terReview
        if let previous, previous != requested, !backToReview, !Self.targets(from: previous).contains(requested) {
            throw .notAllowed(from: previous, to: requested)
        }
        if contentChanged, requested.isPublic { try checkPublisher(actor, lastEditor: actor) }
    }

    private func checkPublisher(_ actor: Editor, lastEditor: Editor?) throws(Refusal) {
        // The operator and the command line are automation (imports, bootstrap); they are audited instead.
        guard fourEyes, let accountID = actor.accountID, let lastEditor else { return }
        if lastEditor.accountID == accountID { throw .ownChange }
    }
}

extension ItemStatus {
    /// Whether anonymous visitors may open the item: published, or archived (its URL keeps working).
    public var isPublic: Bool { self == .gepubliceerd || self == .gearchiveerd }

    public var dutchName: String {
        switch self {
        case .concept: "concept"
        case .terReview: "ter review"
        case .gepubliceerd: "gepubliceerd"
        case .gearchiveerd: "gearchiveerd"
        }
    }
}
