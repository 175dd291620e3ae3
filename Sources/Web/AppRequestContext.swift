import Domain
import Hummingbird
import NIOCore

/// Per-request state: Hummingbird's core storage (request id, logger, route parameters), who is calling,
/// and for form posts the form that the CSRF check already read.
public struct AppRequestContext: RequestContext {
    /// Who made the request, as established by ``SessionMiddleware`` (browsers) or ``BearerTokenMiddleware`` (the API).
    public enum Caller: Sendable, Equatable {
        case anonymous
        /// Presented the operator's bootstrap token (`KENNIS_ADMIN_TOKEN`); may write and see every status.
        case `operator`
        /// A signed-in person, by session cookie or personal API token.
        case person(Account, Credential)
    }

    public enum Credential: Sendable, Equatable {
        case session(id: String, Session)
        case token(APIToken)
    }

    public var coreContext: CoreRequestContextStorage

    public var caller: Caller = .anonymous
    /// The interface language, from the path (see ``LanguageMiddleware``).
    var language: Language = .default
    /// The submitted form of a POST outside the API, read once by ``CSRFMiddleware``.
    var form: SubmittedForm?
    /// The connected peer; behind a proxy see ``ServerConfiguration/trustForwardedFor``.
    let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Room for the largest valid item: 200,000 characters of body, each up to 12 bytes when JSON-escaped
    /// as a surrogate pair, stays under 4 MB with the other fields. Uploads have their own limit.
    public var maxUploadSize: Int { Self.bodyLimit }
    static let bodyLimit = 4 * 1024 * 1024
    static var bodyLimitDescription: String { "\(bodyLimit / (1024 * 1024)) MB" }

    var account: Account? {
        if case .person(let account, _) = caller { return account }
        return nil
    }

    var roles: Set<Role> { account?.roles ?? [] }

    /// Editors and administrators: they may see items that are not public.
    var isStaff: Bool { caller.isStaff }

    var session: (id: String, session: Session)? {
        if case .person(_, .session(let id, let session)) = caller { return (id, session) }
        return nil
    }

    /// Who is acting, as revisions and the audit log record it.
    var editor: Editor {
        switch caller {
        case .anonymous: Editor(accountID: nil, name: "anoniem")
        case .operator: .operator
        case .person(let account, _): Editor(accountID: account.id, name: account.label)
        }
    }

    /// The CSRF token the page's forms must carry.
    var csrfToken: String? { session?.session.csrfToken }
}

extension AppRequestContext.Caller {
    /// The operator, editors and administrators: they may see items that are not public.
    var isStaff: Bool {
        switch self {
        case .anonymous: false
        case .operator: true
        case .person(let account, _): account.roles.contains(where: \.isStaff)
        }
    }
}
