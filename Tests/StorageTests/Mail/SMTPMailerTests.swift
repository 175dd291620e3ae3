import Domain
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
@testable import Storage
import Synchronization
import Testing

@Suite("Sending mail over SMTP")
struct SMTPMailerTests {
    static let sender = "noreply@kennis.example"

    func mailer(_ url: String, timeout: Duration = .seconds(10), trusting certificate: String? = nil) throws -> SMTPMailer {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let certificate {
            tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificate.utf8), format: .pem)])
        }
        return SMTPMailer(server: try SMTPServer(url: url), from: Self.sender, logger: quietLogger, timeout: timeout, tls: tls)
    }

    @Test("a mail arrives with its envelope, headers and a quoted-printable body that decodes to the text")
    func delivers() async throws {
        let body = [
            "Beste lezer,",
            "",
            "Er is een reactie op uw artikel over taalcafés: 1 + 1 = 2. 👋",
            ".Deze regel begint met een punt",
            "Deze regel eindigt met een spatie ",
            "Een lange regel die langer is dan zesenzeventig tekens, zodat de encoder hem zacht moet afbreken, ook midden in één woord.",
        ].joined(separator: "\n")
        let mail = Mail(to: "lezer@example.org", subject: "Nieuwe reactie op ‘Taalcafés in de wijk’ – bekijk die gauw, het is een heel lange onderwerpregel", body: body)
        try await withFakeSMTPServer { server in
            try await mailer("smtp://127.0.0.1:\(server.port)").send(mail)

            #expect(server.lines.prefix(4) == ["EHLO [127.0.0.1]", "MAIL FROM:<noreply@kennis.example>", "RCPT TO:<lezer@example.org>", "DATA"])
            #expect(server.lines.last == "QUIT")
            #expect(server.lines.contains("..Deze regel begint met een punt"), "dot-stuffed on the wire")
            let message = try #require(server.messages.first)
            #expect(server.messages.count == 1)
            for line in message.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 76 && line.allSatisfy(\.isASCII), "line \(line)")
            }

            let (headers, encodedBody) = try parse(message)
            #expect(headers["From"] == "noreply@kennis.example")
            #expect(headers["To"] == "lezer@example.org")
            #expect(headers["Subject"]?.hasPrefix("=?UTF-8?B?") == true)
            #expect(decodeEncodedWords(headers["Subject"] ?? "") == mail.subject)
            #expect(headers["MIME-Version"] == "1.0")
            #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(headers["Content-Transfer-Encoding"] == "quoted-printable")
            #expect(headers["Date"]?.wholeMatch(of: /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000/) != nil)
            #expect(headers["Message-ID"]?.wholeMatch(of: /<[0-9a-f-]{36}@kennis\.example>/) != nil)
            #expect(encodedBody.contains("taalcaf=C3=A9s: 1 + 1 =3D 2."))
            #expect(encodedBody.contains("met een spatie=20\r\n"))
            #expect(decodeQuotedPrintable(encodedBody) == body.replacingOccurrences(of: "\n", with: "\r\n"))
        }
    }

    @Test("credentials go to a server on this machine as AUTH PLAIN, before the envelope")
    func authPlain() async throws {
        try await withFakeSMTPServer { server in
            try await mailer("smtp://lezer%40example.org:geheim%21@127.0.0.1:\(server.port)").send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))

            let credentials = Data("\0lezer@example.org\0geheim!".utf8).base64EncodedString()
            #expect(server.lines.prefix(3) == ["EHLO [127.0.0.1]", "AUTH PLAIN \(credentials)", "MAIL FROM:<noreply@kennis.example>"])
        }
    }

    @Test("AUTH LOGIN is used when the server offers nothing else")
    func authLogin() async throws {
        try await withFakeSMTPServer(FakeSMTPServer.Script(ehlo: "250-fake.test\r\n250 AUTH LOGIN")) { server in
            try await mailer("smtp://lezer:geheim@localhost:\(server.port)").send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))

            #expect(server.lines.dropFirst().prefix(3) == ["AUTH LOGIN", "bGV6ZXI=", "Z2VoZWlt"])
        }
    }

    @Test("a server that refuses EHLO is greeted with HELO")
    func heloFallback() async throws {
        try await withFakeSMTPServer(FakeSMTPServer.Script(replies: ["EHLO": "502 Command not implemented"])) { server in
            try await mailer("smtp://127.0.0.1:\(server.port)").send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))

            #expect(server.lines.prefix(3) == ["EHLO [127.0.0.1]", "HELO [127.0.0.1]", "MAIL FROM:<noreply@kennis.example>"])
            #expect(server.messages.count == 1)
        }
    }

    @Test("a refused recipient throws an SMTPError with the command and the server's reply, and no message is sent")
    func refusedRecipient() async throws {
        try await withFakeSMTPServer(FakeSMTPServer.Script(replies: ["RCPT": "550 5.1.1 No such user here"])) { server in
            let error = try await #require(throws: SMTPError.self) {
                try await mailer("smtp://127.0.0.1:\(server.port)").send(Mail(to: "niemand@example.org", subject: "Hoi", body: "Hoi"))
            }
            #expect(error.command == "RCPT TO:<niemand@example.org>")
            #expect(error.code == 550)
            #expect(error.description.contains("550 5.1.1 No such user here"))
            #expect(!server.lines.contains("DATA"))
            #expect(server.messages.isEmpty)
        }
    }

    @Test("nothing, credentials least of all, is sent unencrypted to another machine", .enabled(if: isLinux, "Linux answers on all of 127.0.0.0/8"))
    func noPlaintextCredentials() async throws {
        try await withFakeSMTPServer(host: "127.0.0.2") { server in
            let error = try await #require(throws: SMTPError.self) {
                try await mailer("smtp://lezer:geheim@127.0.0.2:\(server.port)").send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))
            }
            #expect(error.description.contains("refusing to send mail unencrypted"))
            #expect(server.lines == ["EHLO [127.0.0.1]"])
        }
    }

    @Test("STARTTLS is used when offered; credentials and the message travel encrypted, the certificate checked")
    func startTLS() async throws {
        let script = FakeSMTPServer.Script(ehlo: "250-fake.test\r\n250 STARTTLS", ehloAfterTLS: "250-fake.test\r\n250 AUTH PLAIN", tls: try TestCertificate.serverContext())
        try await withFakeSMTPServer(script) { server in
            try await mailer("smtp://lezer:geheim@localhost:\(server.port)", trusting: TestCertificate.pem).send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))

            #expect(server.heard.prefix(2).map(\.line) == ["EHLO [127.0.0.1]", "STARTTLS"])
            #expect(server.heard.prefix(2).allSatisfy { !$0.overTLS })
            #expect(server.heard.dropFirst(2).allSatisfy { $0.overTLS })
            #expect(server.lines.dropFirst(2).first == "EHLO [127.0.0.1]")
            #expect(server.lines.contains { $0.hasPrefix("AUTH PLAIN ") })
            #expect(server.messages.count == 1)
        }
    }

    @Test("smtps:// speaks TLS from the first byte")
    func implicitTLS() async throws {
        let script = FakeSMTPServer.Script(tls: try TestCertificate.serverContext(), implicitTLS: true)
        try await withFakeSMTPServer(script) { server in
            try await mailer("smtps://lezer:geheim@localhost:\(server.port)", trusting: TestCertificate.pem).send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))

            #expect(server.lines.first == "EHLO [127.0.0.1]")
            #expect(server.lines.contains { $0.hasPrefix("AUTH PLAIN ") })
            #expect(!server.heard.isEmpty && server.heard.allSatisfy { $0.overTLS })
            #expect(server.messages.count == 1)
        }
    }

    @Test("a certificate the system does not trust ends the exchange before anything else is sent")
    func untrustedCertificate() async throws {
        let script = FakeSMTPServer.Script(ehlo: "250-fake.test\r\n250 STARTTLS", tls: try TestCertificate.serverContext())
        try await withFakeSMTPServer(script) { server in
            let error = try await #require(throws: SMTPError.self) {
                try await mailer("smtp://lezer:geheim@localhost:\(server.port)").send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))
            }
            #expect(error.command == "EHLO [127.0.0.1]")
            #expect(error.description.lowercased().contains("certificate"))
            #expect(server.lines == ["EHLO [127.0.0.1]", "STARTTLS"])
        }
    }

    @Test("replies slipped in ahead of the TLS handshake are refused")
    func injectionAfterStartTLS() async throws {
        let script = FakeSMTPServer.Script(ehlo: "250-fake.test\r\n250 STARTTLS", replies: ["STARTTLS": "220 Go ahead\r\n250-fake.test\r\n250 AUTH PLAIN"])
        try await withFakeSMTPServer(script) { server in
            let error = try await #require(throws: SMTPError.self) {
                try await mailer("smtp://lezer:geheim@localhost:\(server.port)").send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))
            }
            #expect(error.description.contains("without being asked"))
            #expect(!server.lines.contains { $0.hasPrefix("AUTH") })
        }
    }

    @Test("a server that stays silent fails the send after the timeout")
    func timeout() async throws {
        try await withFakeSMTPServer(FakeSMTPServer.Script(greeting: nil)) { server in
            let started = ContinuousClock.now
            let error = try await #require(throws: SMTPError.self) {
                try await mailer("smtp://127.0.0.1:\(server.port)", timeout: .milliseconds(300)).send(Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"))
            }
            #expect(error.description.contains("no answer within"))
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test("line breaks in an address or the subject are refused before anything is sent", arguments: [
        (Mail(to: "a@example.org\r\nBcc: b@example.org", subject: "Hoi", body: "Hoi"), "noreply@kennis.example"),
        (Mail(to: "a@example.org", subject: "Hoi\nBcc: b@example.org", body: "Hoi"), "noreply@kennis.example"),
        (Mail(to: "a@example.org", subject: "Hoi", body: "Hoi"), "noreply@kennis.example\rBcc: b@example.org"),
    ])
    func headerInjection(mail: Mail, from: String) async throws {
        try await withFakeSMTPServer { server in
            let mailer = SMTPMailer(server: try SMTPServer(url: "smtp://127.0.0.1:\(server.port)"), from: from, logger: quietLogger)
            let error = try await #require(throws: SMTPError.self) { try await mailer.send(mail) }
            #expect(error.description.contains("line breaks are not allowed"))
            #expect(server.lines.isEmpty)
        }
    }
}

@Suite("SMTP server URLs")
struct SMTPServerURLTests {
    @Test("a URL gives host, port, TLS mode and percent-decoded credentials", arguments: [
        ("smtp://mail.example.org", SMTPServer(host: "mail.example.org", port: 587)),
        ("smtp://mail.example.org:2525/", SMTPServer(host: "mail.example.org", port: 2525)),
        ("SMTPS://mail.example.org", SMTPServer(host: "mail.example.org", port: 465, implicitTLS: true)),
        ("smtp://kennis%40example.org:p%40ss:w%25rd@mail.example.org:587",
         SMTPServer(host: "mail.example.org", port: 587, user: "kennis@example.org", password: "p@ss:w%rd")),
        ("smtp://apikey@[::1]:25", SMTPServer(host: "::1", port: 25, user: "apikey")),
    ])
    func parses(url: String, expected: SMTPServer) throws {
        #expect(try SMTPServer(url: url) == expected)
    }

    @Test("a server describes itself without its password")
    func description() throws {
        let server = try SMTPServer(url: "smtps://kennis:geheim@[::1]")
        #expect(server.description == "smtps://kennis@[::1]:465")
    }

    @Test("a bad URL is refused with the reason, without repeating the password", arguments: [
        ("mail.example.org", "expected smtp://"),
        ("http://user:geheim@mail.example.org", "scheme 'http'"),
        ("smtp://user:geheim@", "host is missing"),
        ("smtp://user:geheim@:587", "host is missing"),
        ("smtp://user:geheim@mail.example.org:smtp", "port 'smtp'"),
        ("smtp://user:geheim@mail.example.org:70000", "port '70000'"),
        ("smtp://user:geheim@mail.example.org/inbox", "path"),
        ("smtp://user:geheim%zz@mail.example.org", "password has a broken %-escape"),
    ])
    func refuses(url: String, reason: String) {
        let error = #expect(throws: SMTPConfigurationError.self) { try SMTPServer(url: url) }
        #expect(error?.description.contains(reason) == true, "\(error.map(String.init(describing:)) ?? "")")
        #expect(error?.description.contains("geheim") == false)
    }
}

private let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

private let isLinux: Bool = {
    #if os(Linux)
    true
    #else
    false
    #endif
}()

// MARK: - Reading the message

/// Splits a message into unfolded headers and its body.
private func parse(_ message: String) throws -> (headers: [String: String], body: String) {
    let parts = try #require(message.range(of: "\r\n\r\n"))
    let unfolded = message[..<parts.lowerBound].replacingOccurrences(of: "\r\n ", with: " ")
    var headers: [String: String] = [:]
    for line in unfolded.components(separatedBy: "\r\n") {
        let field = try #require(line.firstRange(of: ": "))
        headers[String(line[..<field.lowerBound])] = String(line[field.upperBound...])
    }
    return (headers, String(message[parts.upperBound...]))
}

private func decodeQuotedPrintable(_ text: String) -> String {
    var bytes: [UInt8] = []
    var input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)[...]
    while let byte = input.popFirst() {
        if byte == UInt8(ascii: "="), let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
            bytes.append(value)
            input = input.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Joins RFC 2047 `=?UTF-8?B?…?=` words (separated by folding white space) back into text.
private func decodeEncodedWords(_ text: String) -> String {
    let bytes = text.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/).flatMap { Data(base64Encoded: String($0.1)) ?? Data() }
    return bytes.isEmpty ? text : String(decoding: bytes, as: UTF8.self)
}

// MARK: - The fake server

/// Runs `body` with an SMTP server listening on `host`, on a free port.
private func withFakeSMTPServer(host: String = "127.0.0.1", _ script: FakeSMTPServer.Script = .init(), _ body: (FakeSMTPServer) async throws -> Void) async throws {
    let server = try await FakeSMTPServer(host: host, script: script)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { group.cancelAll() }
        try await body(server)
    }
}

/// An SMTP server for tests, one connection at a time: it answers like an accommodating mail server unless
/// the script says otherwise, and writes down every line it hears and every message it accepts.
private final class FakeSMTPServer: Sendable {
    struct Script: Sendable {
        /// nil: say nothing at all.
        var greeting: String? = "220 fake.test ESMTP"
        var ehlo = "250-fake.test\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN"
        var ehloAfterTLS = "250-fake.test\r\n250 AUTH PLAIN LOGIN"
        /// Replies by command verb ("RCPT", "STARTTLS", …), instead of the usual answer.
        var replies: [String: String] = [:]
        /// When set, STARTTLS starts TLS with this context.
        var tls: NIOSSLContext?
        /// TLS from the first byte, as for smtps://.
        var implicitTLS = false
    }

    struct Heard: Sendable {
        let line: String
        let overTLS: Bool
    }

    private struct Record {
        var heard: [Heard] = []
        var messages: [String] = []
    }

    let port: Int
    private let script: Script
    private let listener: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>
    private let record = Mutex(Record())

    var heard: [Heard] { record.withLock { $0.heard } }
    var lines: [String] { heard.map(\.line) }
    /// Each accepted message as the client meant it: dot-stuffing undone, lines joined with CRLF.
    var messages: [String] { record.withLock { $0.messages } }

    init(host: String, script: Script) async throws {
        self.script = script
        listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: host, port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if script.implicitTLS, let tls = script.tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        port = try #require(listener.channel.localAddress?.port)
    }

    func run() async throws {
        try await listener.executeThenClose { connections in
            for try await connection in connections {
                try? await serve(connection)
            }
        }
    }

    private func serve(_ connection: NIOAsyncChannel<String, ByteBuffer>) async throws {
        try await connection.executeThenClose { lines, outbound in
            func say(_ reply: String) async throws {
                try await outbound.write(ByteBuffer(string: reply + "\r\n"))
            }
            var overTLS = script.implicitTLS
            var message: [String]?
            var loginPrompts: [String] = []
            if let greeting = script.greeting { try await say(greeting) }

            for try await line in lines {
                record.withLock { $0.heard.append(Heard(line: line, overTLS: overTLS)) }
                if let received = message {
                    if line == "." {
                        record.withLock { $0.messages.append(received.joined(separator: "\r\n")) }
                        message = nil
                        try await say("250 2.0.0 Queued")
                    } else {
                        message = received + [line.hasPrefix(".") ? String(line.dropFirst()) : line]
                    }
                    continue
                }
                if !loginPrompts.isEmpty {
                    try await say(loginPrompts.removeFirst())
                    continue
                }
                let verb = line.prefix { $0 != " " }.uppercased()
                if let reply = script.replies[verb] {
                    try await say(reply)
                    continue
                }
                switch verb {
                case "EHLO": try await say(overTLS ? script.ehloAfterTLS : script.ehlo)
                case "HELO", "MAIL", "RCPT": try await say("250 2.0.0 OK")
                case "DATA":
                    message = []
                    try await say("354 End data with <CR><LF>.<CR><LF>")
                case "AUTH" where line.uppercased() == "AUTH LOGIN":
                    loginPrompts = ["334 UGFzc3dvcmQ6", "235 2.7.0 Authenticated"]
                    try await say("334 VXNlcm5hbWU6")
                case "AUTH": try await say("235 2.7.0 Authenticated")
                case "STARTTLS":
                    guard let tls = script.tls else { try await say("454 4.7.0 TLS not available"); continue }
                    try await startTLS(connection.channel, context: tls)
                    overTLS = true
                case "QUIT":
                    try await say("221 2.0.0 Bye")
                    return
                default: try await say("500 5.5.1 Unknown command")
                }
            }
        }
    }

    /// In one turn of the event loop: the go-ahead passes the pipeline in plaintext, and the TLS handler is in
    /// front before the client's handshake can arrive.
    private func startTLS(_ channel: any Channel, context: NIOSSLContext) async throws {
        try await channel.eventLoop.submit {
            channel.writeAndFlush(ByteBuffer(string: "220 2.0.0 Ready to start TLS\r\n"), promise: nil)
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context), position: .first)
        }.get()
    }
}

private struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
        let line = buffer.readString(length: newline - buffer.readerIndex + 1)!
        context.fireChannelRead(Self.wrapInboundOut(String(line.dropLast())))
        return .continue
    }
}

/// A self-signed certificate for localhost and 127.0.0.1, valid 2020–2120, made for these tests only.
private enum TestCertificate {
    static let pem = """
        -----BEGIN CERTIFICATE-----
        MIIBWzCCAQGgAwIBAgIUCqovVy+d6Wtyjh4voTjTdzoYKH8wCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTIwMDEwMTAwMDAwMFoYDzIxMjAwMTAx
        MDAwMDAwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAAS8VuFLpoHj0raP72DKdchoBOaK1hEMfDlxPhsgx/jvnLXd69zsrXBk
        T+/iPYsjIwGwqrzfY80AkZJT6rDsF/d7oy8wLTAaBgNVHREEEzARgglsb2NhbGhv
        c3SHBH8AAAEwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAMlTVq
        hgZiIcrnpvm94R5PBnFRadeN/MIcDbxsCxoiAwIhAIz9L2xVA6uDJwapcoXeAq2B
        t9ILfFY/OILeUHAWcg+9
        -----END CERTIFICATE-----
        """
    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAFaxxYSvrCJILVS6
        kOcZBcuqHsRVXHOVRLmVOoL5ov2hRANCAAS8VuFLpoHj0raP72DKdchoBOaK1hEM
        fDlxPhsgx/jvnLXd69zsrXBkT+/iPYsjIwGwqrzfY80AkZJT6rDsF/d7
        -----END PRIVATE KEY-----
        """

    static func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKey.utf8), format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }
}
