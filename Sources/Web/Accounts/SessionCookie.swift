import Foundation
import Hummingbird

/// The cookies the platform sets: the session of signed-in people, and before sign-in a CSRF cookie for
/// the sign-in form. Visitors who do not sign in get none.
struct SessionCookie: Sendable {
    static let sessionName = "kennis_sessie"
    static let csrfName = "kennis_csrf"
    /// Signed in for a working day; after that the editor signs in again.
    static let lifetime: TimeInterval = 12 * 3600
    /// Long enough to fill in the sign-in form at leisure.
    static let csrfLifetime: TimeInterval = 2 * 3600

    /// Secure when the public address is https (`KENNIS_BASE_URL`), so a local http setup still works.
    let secure: Bool

    func session(_ id: String) -> Cookie {
        Cookie(name: Self.sessionName, value: id, maxAge: Int(Self.lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func clearSession() -> Cookie {
        Cookie(name: Self.sessionName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The pre-sign-in CSRF cookie: only pages with an anonymous form (sign-in, password reset) set it.
    func csrf(_ token: String) -> Cookie {
        Cookie(name: Self.csrfName, value: token, maxAge: Int(Self.csrfLifetime), path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
