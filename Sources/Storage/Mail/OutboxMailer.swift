import Domain
import Foundation
import Logging
import NIOPosix

/// Writes each mail as an `.eml` file to a folder (`data/outbox/`) and logs it, so development and
/// tests need no mail server. A developer opens the file to follow a password-reset link.
public struct OutboxMailer: Mailer {
    let folder: URL
    let logger: Logger

    public init(folder: URL, logger: Logger) {
        self.folder = folder
        self.logger = logger
    }

    public func send(_ mail: Mail) async throws {
        let name = "\(Timestamp.format(Date()).replacingOccurrences(of: ":", with: ""))-\(UUID().uuidString.prefix(8)).eml"
        let file = folder.appendingPathComponent(name)
        let text = "To: \(mail.to)\r\nSubject: \(mail.subject)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(mail.body)\r\n"
        let folder = self.folder
        try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        }
        logger.notice("Mail written to the outbox (KENNIS_SMTP_URL is not set)", metadata: ["to": "\(mail.to)", "file": "\(file.path)"])
    }
}
