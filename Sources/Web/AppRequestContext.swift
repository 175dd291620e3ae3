import Hummingbird

/// Per-request state: Hummingbird's core storage (request id, logger, route parameters) plus who is calling.
public struct AppRequestContext: RequestContext {
    /// Who made the request, as established by ``BearerTokenMiddleware``.
    public enum Caller: Sendable, Equatable {
        case anonymous
        /// Holds the operator's bootstrap token (`KENNIS_ADMIN_TOKEN`); may write and see every status.
        case `operator`
    }

    public var coreContext: CoreRequestContextStorage
    public var caller: Caller = .anonymous

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// JSON bodies are small; uploads get their own limit when attachments arrive.
    public var maxUploadSize: Int { 1024 * 1024 }
}
