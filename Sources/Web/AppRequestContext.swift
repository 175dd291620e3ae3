import Hummingbird

/// Per-request state: Hummingbird's core storage (request id, logger, route parameters) plus who is calling.
public struct AppRequestContext: RequestContext {
    /// Who made the request, as established by ``BearerTokenMiddleware``.
    public enum Caller: Sendable, Equatable {
        case anonymous
        /// Presented the operator's bootstrap token (`KENNIS_ADMIN_TOKEN`); may write and see every status.
        case `operator`
    }

    public var coreContext: CoreRequestContextStorage
    public var caller: Caller = .anonymous

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Room for the largest valid item: 200,000 characters of body, each up to 12 bytes when JSON-escaped
    /// as a surrogate pair, stays under 4 MB with the other fields. Uploads get their own limit later.
    public var maxUploadSize: Int { Self.bodyLimit }
    static let bodyLimit = 4 * 1024 * 1024
    static var bodyLimitDescription: String { "\(bodyLimit / (1024 * 1024)) MB" }
}
