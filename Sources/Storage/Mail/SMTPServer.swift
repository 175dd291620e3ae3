import Foundation

/// Where to hand mail over: `smtp://user:password@host:port` (STARTTLS, required unless the relay is on this
/// machine; port 587 by default)
/// or `smtps://…` (TLS from the first byte, port 465 by default).
public struct SMTPServer: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    /// TLS from the start (`smtps://`) instead of upgrading a plain connection with STARTTLS.
    public var implicitTLS: Bool

    public init(host: String, port: Int, user: String? = nil, password: String? = nil, implicitTLS: Bool = false) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.implicitTLS = implicitTLS
    }

    /// Errors name the faulty part but never repeat the URL, which may hold a password.
    public init(url: String) throws {
        guard let separator = url.range(of: "://") else {
            throw SMTPConfigurationError("expected smtp://user:password@host:port or smtps://…")
        }
        switch url[..<separator.lowerBound].lowercased() {
        case "smtp": (implicitTLS, port) = (false, 587)
        case "smtps": (implicitTLS, port) = (true, 465)
        case let scheme: throw SMTPConfigurationError("scheme '\(scheme)' is not smtp or smtps")
        }
        var authority = url[separator.upperBound...]
        if let end = authority.firstIndex(where: { "/?#".contains($0) }) {
            guard authority[end...] == "/" else { throw SMTPConfigurationError("a path, query or fragment is not supported") }
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try Self.percentDecoded(userInfo[0], "user name")
            password = userInfo.count > 1 ? try Self.percentDecoded(userInfo[1], "password") : nil
            authority = authority[authority.index(after: at)...]
        }
        var portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { throw SMTPConfigurationError("unexpected '\(rest)' after the IPv6 host") }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw SMTPConfigurationError("host '\(authority)' has more than one ':'; write IPv6 addresses in brackets") }
            host = String(parts[0])
            portText = parts.count == 2 ? parts[1] : nil
        }
        guard !host.isEmpty else { throw SMTPConfigurationError("the host is missing") }
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw SMTPConfigurationError("port '\(portText)' is not a number from 1 to 65535")
            }
            port = number
        }
    }

    private static func percentDecoded(_ text: Substring, _ what: String) throws -> String? {
        if text.isEmpty { return nil }
        guard let decoded = text.removingPercentEncoding else { throw SMTPConfigurationError("the \(what) has a broken %-escape") }
        return decoded
    }

    /// On the machine itself nobody can listen in, so credentials may go there unencrypted.
    var isLoopback: Bool { ["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) }
}

extension SMTPServer: CustomStringConvertible {
    /// Safe to log: the password is left out.
    public var description: String {
        "\(implicitTLS ? "smtps" : "smtp")://\(user.map { "\($0)@" } ?? "")\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}

public struct SMTPConfigurationError: Error, CustomStringConvertible {
    public let reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { "invalid SMTP server URL: \(reason)" }
}
