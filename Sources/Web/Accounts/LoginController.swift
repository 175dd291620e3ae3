import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Signing in and out, and choosing a new password by e-mailed link: `/inloggen`, `/uitloggen`,
/// `/wachtwoord-vergeten`, `/wachtwoord-herstellen`.
struct LoginController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages
    let cookie: SessionCookie
    let trustForwardedFor: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        let everyone = router.group().add(middleware: RequireAccess(.everyone))
        everyone.get("inloggen", use: loginForm)
        everyone.post("inloggen", use: login)
        everyone.get("wachtwoord-vergeten", use: forgotForm)
        everyone.post("wachtwoord-vergeten", use: forgot)
        everyone.get("wachtwoord-herstellen", use: resetForm)
        everyone.post("wachtwoord-herstellen", use: reset)
        router.group().add(middleware: RequireAccess(.signedIn)).post("uitloggen", use: logout)
    }

    /// The address to return to after signing in, for the `terug` parameter.
    static func returnPath(_ uri: URI) -> String {
        let path = uri.path + (uri.query.map { "?\($0)" } ?? "")
        return path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "/beheer"
    }

    func loginForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.account != nil { return Response.redirect(to: "/beheer", type: .normal) }
        let back = ReturnPath.sanitize(request.uri.queryParameters["terug"].map(String.init))
        return try anonymousForm(request, context: context, template: "login", title: pages.messages(context).text("staff.login.heading"), fields: ["back": back])
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        let email = form["email"] ?? "", password = form.fields["password"]?.first ?? ""
        let back = ReturnPath.sanitize(form["terug"])
        let messages = pages.messages(context)
        let outcome = try await dependencies.signIn.attempt(
            email: email, password: password, address: clientAddress(request, context), replacing: context.session?.id)
        switch outcome {
        case .signedIn(_, let sessionID, _):
            var response = Response.redirect(to: back, type: .normal)
            response.setCookie(cookie.session(sessionID))
            response.setCookie(Cookie(name: SessionCookie.csrfName, value: "", maxAge: 0, path: "/", secure: cookie.secure, httpOnly: true))
            return response
        case .refused:
            return try anonymousForm(request, context: context, template: "login", title: messages.text("staff.login.heading"), status: .unprocessableContent, fields: [
                "back": back, "email": email,
                "error": messages.text("staff.login.refused", LoginThrottle.accountLimit),
            ])
        case .throttled(let wait):
            let minutes = max(1, Int((wait / 60).rounded(.up)))
            var response = try anonymousForm(request, context: context, template: "login", title: messages.text("staff.login.heading"), status: .tooManyRequests, fields: [
                "back": back, "email": email,
                "error": messages.text(minutes == 1 ? "staff.login.throttledOne" : "staff.login.throttledMany", minutes),
            ])
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
    }

    func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let (id, _) = context.session, let account = context.account {
            try await dependencies.signIn.signOut(sessionID: id, account: account)
        }
        var response = Response.redirect(to: "/inloggen?melding=uitgelogd", type: .normal)
        response.setCookie(cookie.clearSession())
        return response
    }

    func forgotForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try anonymousForm(request, context: context, template: "forgot", title: pages.messages(context).text("staff.forgot.heading"), fields: [:])
    }

    func forgot(_ request: Request, context: AppRequestContext) async throws -> Response {
        let email = context.form?["email"] ?? ""
        if case .failure(let issue) = AccountRules.normalizedEmail(email) {
            return try anonymousForm(request, context: context, template: "forgot", title: pages.messages(context).text("staff.forgot.heading"), status: .unprocessableContent,
                                     fields: ["email": email, "errors": FieldErrors([issue], messages: pages.messages(context)).dictionary])
        }
        // Every request counts against the address; past the limit the answer stays the same but no mail goes out.
        let address = clientAddress(request, context)
        let attempt = try await LoginThrottle(failures: dependencies.loginFailures).attempt([.resetRequests(address)], at: dependencies.clock.now())
        if attempt.wait == nil {
            // Sent apart from the answer, so a known address takes as long as an unknown one and a mail server
            // that fails does not show which addresses have accounts.
            let flow = dependencies.passwordReset, logger = context.logger
            Task {
                do { try await flow.request(email: email) } catch {
                    logger.error("Password-reset mail not sent", metadata: ["error": "\(error)"])
                }
            }
        } else {
            context.logger.notice("Password-reset requests throttled", metadata: ["address": "\(address)"])
        }
        return try anonymousForm(request, context: context, template: "forgot", title: pages.messages(context).text("staff.forgot.heading"), fields: ["sent": true])
    }

    func resetForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        let valid = try await dependencies.passwordReset.isValid(secret: token)
        return try anonymousForm(request, context: context, template: "reset", title: pages.messages(context).text("staff.reset.heading"),
                                 status: valid ? .ok : .notFound, fields: ["token": token, "valid": valid])
    }

    func reset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        let token = form["token"] ?? ""
        do {
            let issues = try await dependencies.passwordReset.complete(
                secret: token, password: form.fields["password"]?.first ?? "", repeated: form.fields["repeat"]?.first ?? "")
            guard issues.isEmpty else {
                return try anonymousForm(request, context: context, template: "reset", title: pages.messages(context).text("staff.reset.heading"),
                                         status: .unprocessableContent, fields: [
                                             "token": token, "valid": true,
                                             "errors": FieldErrors(issues, messages: pages.messages(context),
                                                                 labelKeys: ["password": "resetPassword"]).dictionary,
                                         ])
            }
        } catch DomainError.notFound {
            return try anonymousForm(request, context: context, template: "reset", title: pages.messages(context).text("staff.reset.heading"),
                                     status: .notFound, fields: ["token": token, "valid": false])
        }
        return Response.redirect(to: "/inloggen?gewijzigd=1", type: .normal)
    }

    /// A form shown before sign-in: it carries the value of the pre-sign-in CSRF cookie, set here when missing.
    private func anonymousForm(
        _ request: Request, context: AppRequestContext, template: String, title: String, status: HTTPResponse.Status = .ok,
        fields: [String: Any]
    ) throws -> Response {
        let existing = request.cookies[SessionCookie.csrfName]?.value
        let token = context.csrfToken ?? existing.flatMap { $0.isEmpty ? nil : $0 } ?? SecretToken.make()
        var values = fields
        values["csrf"] = token
        values["changed"] = request.uri.queryParameters["gewijzigd"] != nil
        var response = try pages.render(template, title: title, section: nil, context: context, request: request, status: status, values)
            .response(from: request, context: context)
        if context.csrfToken == nil, existing != token { response.setCookie(cookie.csrf(token)) }
        return response
    }

    /// The client's address: the connection's peer, or behind a trusted proxy the last `X-Forwarded-For` entry.
    private func clientAddress(_ request: Request, _ context: AppRequestContext) -> String {
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor] {
            if let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty { return last }
        }
        return context.remoteAddress?.ipAddress ?? "onbekend"
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
