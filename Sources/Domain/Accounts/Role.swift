import Foundation

/// What a person may do on the platform. A person may hold several roles; anonymous visitors hold none.
///
/// The raw value is the Dutch name used on the command line (`kennis user add --role redacteur`) and in the database.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    /// Manages users, taxonomies, synonyms and settings; reads the audit log.
    case beheerder
    /// Writes, reviews and publishes knowledge items.
    case redacteur
    /// Keeps the network of organisations and contacts (a later feature).
    case netwerkbeheerder
    /// Sits on the advisory council or a sounding board (a later feature).
    case panellid
    /// The funding ministry: read-only dashboards and reports; never edits content, never sees personal data.
    case monitor
    /// A registered visitor: subscriptions, questions and consultations (later features).
    case professional

    /// Staff roles see items that are not public (drafts, previews); the others are outside the institute.
    public var isStaff: Bool { self == .beheerder || self == .redacteur }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a comma-separated list such as `redacteur,beheerder`; returns the unknown names as well.
    public static func parseList(_ text: String) -> (roles: Set<Role>, unknown: [String]) {
        var roles = Set<Role>(), unknown: [String] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            if let role = Role(rawValue: name) { roles.insert(role) } else { unknown.append(name) }
        }
        return (roles, unknown)
    }
}
