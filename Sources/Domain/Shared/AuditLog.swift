import Foundation

/// One line of the audit trail: who did what to what, and when. Entries are only ever added.
public struct AuditEntry: Sendable, Equatable {
    public enum Action: String, CaseIterable, Sendable {
        case login = "inloggen"
        case loginFailed = "inloggen-mislukt"
        case logout = "uitloggen"
        case passwordReset = "wachtwoord-hersteld"
        case passwordChanged = "wachtwoord-gewijzigd"
        case accountCreated = "account-aangemaakt"
        case rolesChanged = "rollen-gewijzigd"
        case accountDeactivated = "account-gedeactiveerd"
        case accountActivated = "account-geactiveerd"
        case tokenCreated = "token-aangemaakt"
        case tokenRevoked = "token-ingetrokken"
        case operatorToken = "operatortoken-gebruikt"
        case itemCreated = "item-aangemaakt"
        case itemUpdated = "item-gewijzigd"
        case statusChanged = "status-gewijzigd"
        case published = "gepubliceerd"
        case publicationScheduled = "publicatie-gepland"
        case publicationCancelled = "publicatie-geannuleerd"
        case revisionRestored = "versie-hersteld"
        case deleted = "verwijderd"
        case attachmentAdded = "bijlage-toegevoegd"
        case attachmentRemoved = "bijlage-verwijderd"
        case exported = "export"
        case settingsChanged = "instellingen-gewijzigd"
        case taxonomyChanged = "taxonomie-gewijzigd"
        case synonymsChanged = "synoniemen-gewijzigd"
    }

    public var at: Date
    /// Who acted: an account's label (with "(gepland)" for a planned publication), `operator`, `kennis cli`, or
    /// for failed sign-ins the address tried from.
    public var actor: String
    public var action: Action
    /// What it was done to: an item slug, an account's e-mail, a token name.
    public var subject: String
    public var detail: String

    public init(at: Date, actor: String, action: Action, subject: String, detail: String = "") {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

/// Which audit entries to list, newest first.
public struct AuditQuery: Sendable, Equatable {
    public var actions: [AuditEntry.Action] = []
    /// Part of the actor or subject, case-insensitive.
    public var text: String?
    public var page: PageRequest

    public init(actions: [AuditEntry.Action] = [], text: String? = nil, page: PageRequest = PageRequest()) {
        self.actions = actions
        self.text = text
        self.page = page
    }
}

/// The append-only audit trail. There is deliberately no way to change or remove an entry.
public protocol AuditLog: Sendable {
    func record(_ entry: AuditEntry) async throws
    func entries(_ query: AuditQuery) async throws -> Page<AuditEntry>
}

