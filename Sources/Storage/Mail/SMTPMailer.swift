import Domain
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// A mail that was not accepted: the server refused a command, or it could not be sent at all.
public struct SMTPError: Error, CustomStringConvertible {
    /// The command or step that failed; credentials are never included.
    public let command: String
    /// The server's reply code; nil when the failure did not come from a reply.
    public let code: Int?
    /// The server's reply text, or why the mail could not be sent when there was no reply.
    public let reply: String
    public var description: String { "SMTP \(command): \(reply)" }
}

/// Sends each mail over a new SMTP connection: few mails, so no connection pool to keep healthy.
///
/// Encrypts (STARTTLS or `smtps`), checking the certificate against the system's roots, and sends nothing to another
/// machine unencrypted: the mails carry password-reset links. Mail goes out 7-bit clean, so any server accepts it.
public struct SMTPMailer: Mailer {
    let server: SMTPServer
    let from: String
    let logger: Logger
    let timeout: Duration
    /// Tests swap in one that trusts their own certificate.
    let tls: TLSConfiguration

    public init(server: SMTPServer, from: String, logger: Logger, timeout: Duration = .seconds(30)) {
        self.init(server: server, from: from, logger: logger, timeout: timeout, tls: .makeClientConfiguration())
    }

    init(server: SMTPServer, from: String, logger: Logger, timeout: Duration, tls: TLSConfiguration) {
        (self.server, self.from, self.logger, self.timeout, self.tls) = (server, from, logger, timeout, tls)
    }

    public func send(_ mail: Mail) async throws {
        let message = try composeMessage(mail, from: from)
        var smtp = try await connect()
        defer { smtp.channel.close(promise: nil) }

        try await smtp.reply(to: "connect", expecting: [220])
        var capabilities = try await smtp.hello()
        var encrypted = server.implicitTLS
        if !encrypted, capabilities.keywords.contains("STARTTLS") {
            try await smtp.send("STARTTLS", expecting: 220)
            try await smtp.startTLS(configuration: tls, host: server.host)
            capabilities = try await smtp.hello()
            encrypted = true
        } else if !encrypted, !server.isLoopback {
            // The mails carry password-reset links: a relay that cannot encrypt (or whose STARTTLS an attacker
            // stripped) gets nothing. A relay on this machine is trusted.
            throw SMTPError(command: "EHLO", code: nil, reply: "\(server.host) offers no STARTTLS; refusing to send mail unencrypted")
        }
        if let user = server.user {
            try await smtp.authenticate(user: user, password: server.password ?? "", offered: capabilities.authMechanisms)
        }
        try await smtp.send("MAIL FROM:<\(from)>", expecting: 250)
        try await smtp.send("RCPT TO:<\(mail.to)>", expecting: 250, 251)
        try await smtp.send("DATA", expecting: 354)
        try await smtp.send(dotStuffed(message) + ".\r\n", as: "end of message", expecting: 250)
        logger.info("Mail sent", metadata: ["mail.to": "\(mail.to)", "smtp.host": "\(server.host)"])
        // The mail is accepted; a failing QUIT must not make the caller send it twice.
        _ = try? await smtp.send("QUIT", expecting: 221)
    }

    private func connect() async throws -> SMTPConversation {
        let (replies, continuation) = AsyncThrowingStream.makeStream(of: SMTPReply.self)
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        do {
            let tlsContext = server.implicitTLS ? try NIOSSLContext(configuration: tls) : nil
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(timeout))
                .channelInitializer { channel in
                    continuation.onTermination = { _ in channel.close(promise: nil) }
                    return channel.eventLoop.makeCompletedFuture {
                        if let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tlsContext, serverHostname: sniName(server.host)))
                        }
                        try channel.pipeline.syncOperations.addHandler(
                            SMTPReplyHandler(replies: continuation, deadline: deadline, timeout: timeout))
                    }
                }
                .connect(host: server.host, port: server.port).get()
            return SMTPConversation(channel: channel, replies: replies.makeAsyncIterator(), logger: logger)
        } catch {
            throw SMTPError(command: "connect", code: nil, reply: "cannot connect to \(server.host):\(server.port): \(error)")
        }
    }
}

/// SNI takes host names only; for an IP address NIOSSL checks the certificate against the peer's address instead.
private func sniName(_ host: String) -> String? {
    (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
}

/// A server reply: its code and the text of each of its lines.
private struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
    var text: String { "\(code) " + lines.joined(separator: " ") }
}

/// What an EHLO reply says the server can do.
private struct SMTPCapabilities {
    var keywords: Set<String> = []
    var authMechanisms: Set<String> = []

    init(_ reply: SMTPReply?) {
        for line in reply?.lines.dropFirst() ?? [] {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            keywords.insert(keyword)
            if keyword == "AUTH" { authMechanisms.formUnion(words.dropFirst()) }
        }
    }
}

/// One SMTP conversation: a command, then its reply, one at a time.
private struct SMTPConversation {
    let channel: any Channel
    var replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator
    let logger: Logger
    /// Our address as an address literal: EHLO wants a name or an address, and few clients have a name in DNS.
    let clientName: String

    init(channel: any Channel, replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator, logger: Logger) {
        (self.channel, self.replies, self.logger) = (channel, replies, logger)
        clientName = channel.localAddress.flatMap(\.ipAddress).map { $0.contains(":") ? "[IPv6:\($0)]" : "[\($0)]" } ?? "[127.0.0.1]"
    }

    /// `label` stands in for the command in logs and errors, so credentials stay out of both.
    @discardableResult
    mutating func send(_ command: String, as label: String? = nil, expecting codes: Int...) async throws -> SMTPReply {
        let label = label ?? command
        logger.debug("SMTP send", metadata: ["smtp.command": "\(label)"])
        channel.writeAndFlush(ByteBuffer(string: command.hasSuffix("\r\n") ? command : command + "\r\n"), promise: nil)
        return try await reply(to: label, expecting: codes)
    }

    @discardableResult
    mutating func reply(to label: String, expecting codes: [Int]) async throws -> SMTPReply {
        let next: SMTPReply?
        do {
            next = try await replies.next()
        } catch {
            throw SMTPError(command: label, code: nil, reply: "\(error)")
        }
        guard let reply = next else {
            try Task.checkCancellation()
            throw SMTPError(command: label, code: nil, reply: "the connection closed")
        }
        logger.debug("SMTP reply", metadata: ["smtp.reply": "\(reply.text)"])
        guard codes.contains(reply.code) else { throw SMTPError(command: label, code: reply.code, reply: reply.text) }
        return reply
    }

    /// EHLO, or HELO for a server too old to know EHLO (it then offers no extensions).
    mutating func hello() async throws -> SMTPCapabilities {
        let reply = try await send("EHLO \(clientName)", expecting: 250, 500, 502, 504, 550)
        if reply.code == 250 { return SMTPCapabilities(reply) }
        try await send("HELO \(clientName)", expecting: 250)
        return SMTPCapabilities(nil)
    }

    mutating func startTLS(configuration: TLSConfiguration, host: String) async throws {
        let channel = channel
        do {
            let context = try NIOSSLContext(configuration: configuration)
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: sniName(host))
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch ChannelError.ioOnClosedChannel {
            // The reply handler closed the connection; the reason it gave is the one worth reporting.
            try await reply(to: "STARTTLS", expecting: [])
            throw SMTPError(command: "STARTTLS", code: nil, reply: "the connection closed")
        } catch {
            throw SMTPError(command: "STARTTLS", code: nil, reply: "cannot start TLS: \(error)")
        }
    }

    mutating func authenticate(user: String, password: String, offered: Set<String>) async throws {
        if offered.contains("PLAIN") {
            try await send("AUTH PLAIN " + base64("\0\(user)\0\(password)"), as: "AUTH PLAIN", expecting: 235)
        } else if offered.contains("LOGIN") {
            try await send("AUTH LOGIN", expecting: 334)
            try await send(base64(user), as: "AUTH LOGIN (user name)", expecting: 334)
            try await send(base64(password), as: "AUTH LOGIN (password)", expecting: 235)
        } else {
            let mechanisms = offered.isEmpty ? "none" : offered.sorted().joined(separator: ", ")
            throw SMTPError(command: "AUTH", code: nil, reply: "the server offers neither PLAIN nor LOGIN (offered: \(mechanisms))")
        }
    }
}

/// Cuts the byte stream into replies and hands them to the smtp.
///
/// This client never pipelines, so the server may only speak when spoken to. Data it sends unasked is refused:
/// that also stops a man in the middle from slipping plaintext replies in ahead of the TLS handshake after
/// STARTTLS (RFC 3207, section 6). Past the deadline the connection is closed, which ends any wait.
private final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private let deadline: NIODeadline
    private let timeout: Duration
    private var buffer = ByteBuffer()
    private var lines: [String] = []
    private var awaitingReply = true
    private var timer: Scheduled<Void>?

    init(replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation, deadline: NIODeadline, timeout: Duration) {
        (self.replies, self.deadline, self.timeout) = (replies, deadline, timeout)
    }

    func channelActive(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.fail(context, "no answer within \(self.timeout)")
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        replies.finish(throwing: Failure(description: "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context, "\(error)")
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        awaitingReply = true
        context.write(data, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard awaitingReply else { return fail(context, "the server sent data without being asked") }
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        while let line = nextLine() {
            guard line.utf8.count >= 3, let code = Int(line.prefix(3)), line.dropFirst(3).first.map({ $0 == " " || $0 == "-" }) ?? true else {
                return fail(context, "malformed reply line \(String(reflecting: line))")
            }
            lines.append(String(line.dropFirst(4)))
            guard line.dropFirst(3).first != "-" else { continue }
            replies.yield(SMTPReply(code: code, lines: lines))
            lines = []
            awaitingReply = false
            guard buffer.readableBytes == 0 else { return fail(context, "the server sent data without being asked") }
        }
        if buffer.readableBytes > 64 * 1024 { fail(context, "a reply line longer than 64 KiB") }
    }

    private func nextLine() -> String? {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = buffer.readString(length: view.distance(from: view.startIndex, to: newline) + 1)!
        buffer.discardReadBytes()
        return String(line.dropLast())  // "\r\n" is a single Character, so this drops either line ending
    }

    private func fail(_ context: ChannelHandlerContext, _ reason: String) {
        replies.finish(throwing: Failure(description: reason))
        context.close(promise: nil)
    }
}

// MARK: - The message

/// The message as sent after DATA: headers and a quoted-printable body, so every line is 7-bit and at most 76
/// characters, whatever the text. Line breaks in header fields are refused: they would let a caller add headers.
private func composeMessage(_ mail: Mail, from: String) throws -> String {
    try checkAddress(from, field: "From")
    try checkAddress(mail.to, field: "To")
    guard !mail.subject.contains(where: \.isNewline) else {
        throw SMTPError(command: "Subject header", code: nil, reply: "line breaks are not allowed (they could inject headers)")
    }
    let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
    let headers = [
        "Date: \(rfc5322Date(Date()))",
        "From: \(from)",
        "To: \(mail.to)",
        "Subject: \(encodedHeaderText(mail.subject))",
        "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
    ]
    return headers.joined(separator: "\r\n") + "\r\n\r\n" + quotedPrintable(mail.body) + "\r\n"
}

/// Addresses go into the envelope as `<address>` and into headers as they are, so only a bare ASCII address fits.
private func checkAddress(_ address: String, field: String) throws {
    guard !address.contains(where: \.isNewline) else {
        throw SMTPError(command: "\(field) header", code: nil, reply: "line breaks are not allowed (they could inject headers)")
    }
    let allowed = address.unicodeScalars.allSatisfy { (33...126).contains($0.value) && $0 != "<" && $0 != ">" }
    guard allowed, address.contains("@") else {
        throw SMTPError(command: "\(field) header", code: nil, reply: "\(String(reflecting: address)) is not a plain e-mail address")
    }
}

/// A line beginning with "." would end DATA early; SMTP doubles the dot and the server removes it (RFC 5321, 4.5.2).
private func dotStuffed(_ message: String) -> String {
    message.split(separator: "\r\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix(".") ? "." + $0 : $0 }
        .joined(separator: "\r\n")
}

private func rfc5322Date(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
}

/// Non-ASCII header text as RFC 2047 encoded-words, each short enough for its own line and never splitting
/// a character.
private func encodedHeaderText(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy({ (32...126).contains($0.value) }) else { return text }
    var words: [String] = []
    var chunk = ""
    for character in text {
        if chunk.utf8.count + character.utf8.count > 39 {
            words.append(chunk)
            chunk = ""
        }
        chunk.append(character)
    }
    words.append(chunk)
    return words.map { "=?UTF-8?B?\(base64($0))?=" }.joined(separator: "\r\n ")
}

/// Quoted-printable (RFC 2045, 6.7), line by line: trailing blanks are escaped because transports strip them,
/// and lines longer than 76 characters are split with soft breaks ("=" at the end).
private func quotedPrintable(_ text: String) -> String {
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    return normalized.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        let bytes = Array(line.utf8)
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLiteral = ((33...126).contains(byte) && byte != UInt8(ascii: "="))
                || ((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && index < bytes.count - 1)
            let token = isLiteral ? String(UnicodeScalar(byte)) : "=\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0x0F)])"
            if current.utf8.count + token.utf8.count > 75 {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }.joined(separator: "\r\n")
}

private let hexDigits = Array("0123456789ABCDEF")

private func base64(_ text: String) -> String {
    Data(text.utf8).base64EncodedString()
}
