import Foundation

/// A person who can sign in: an e-mail address, a name, roles and a bcrypt password hash.
///
/// The hash never leaves the account store's callers in Web and the CLI; pages show ``email``, ``name`` and ``roles``.
public struct Account: Sendable, Equatable, Identifiable {
    public var id: String
    /// Lowercased; unique.
    public var email: String
    public var name: String
    public var roles: Set<Role>
    public var passwordHash: String
    /// A deactivated account cannot sign in and its sessions and tokens stop working; it stays for the audit trail.
    public var active: Bool
    public var created: Date

    public init(id: String, email: String, name: String, roles: Set<Role>, passwordHash: String, active: Bool = true, created: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.roles = roles
        self.passwordHash = passwordHash
        self.active = active
        self.created = created
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// `name <email>`, as the audit log and revisions record who acted.
    public var label: String { "\(name) <\(email)>" }
}

/// The rules for what may be stored in an account.
public enum AccountRules {
    public static let passwordMinimum = 12
    /// bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead.
    public static let passwordMaximumBytes = 72
    public static let nameMaximum = 120
    public static let emailMaximum = 254

    /// Issues with a new password, in the field `password`.
    public static func passwordIssues(_ password: String, field: String = "password") -> [FieldIssue] {
        if password.count < passwordMinimum { return [FieldIssue(field, .tooShort(min: passwordMinimum))] }
        if password.utf8.count > passwordMaximumBytes { return [FieldIssue(field, .tooLongBytes(max: passwordMaximumBytes))] }
        return []
    }

    /// The e-mail address trimmed and lowercased, or an issue when it does not look like one.
    public static func normalizedEmail(_ text: String, field: String = "email") -> Result<String, FieldIssue> {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !email.isEmpty else { return .failure(FieldIssue(field, .missing)) }
        guard email.count <= emailMaximum else { return .failure(FieldIssue(field, .tooLong(max: emailMaximum))) }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
        else { return .failure(FieldIssue(field, .notAnEmailAddress)) }
        return .success(email)
    }
}
