/// One plain-text e-mail.
public struct Mail: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

/// Sends mail. `kennis serve` uses SMTP when `KENNIS_SMTP_URL` is set, and otherwise an outbox folder,
/// so development needs no mail server.
public protocol Mailer: Sendable {
    func send(_ mail: Mail) async throws
}
