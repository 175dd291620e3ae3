/// An error raised by the platform's rules, independent of how it reaches the user.
///
/// The web layer maps each case to one HTTP status (and a problem+json body or an HTML page);
/// the command line prints it. Stores translate database constraint violations into these cases
/// so callers never see driver errors.
public enum DomainError: Error, Equatable, Sendable {
    /// The named thing does not exist (or is not visible to the caller).
    case notFound(String)
    /// The request clashes with existing data, such as a slug that is already taken.
    case conflict(String)
    /// The input breaks one or more rules; each issue names its field.
    case invalid([FieldIssue])
    /// The platform cannot serve this now (e.g. the database is busy or unreachable); try again shortly.
    case unavailable(String)
}
