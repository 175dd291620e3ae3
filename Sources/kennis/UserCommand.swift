import ArgumentParser
import Domain
import Foundation
import Storage

/// `kennis user add|passwd|list`: accounts for the operator, e.g. the first administrator.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create accounts, set passwords and list accounts.",
        subcommands: [Add.self, Passwd.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account. The password is asked on the terminal, or read from standard input with --password-stdin.")

        @OptionGroup var common: CommonOptions
        @Option(help: "The e-mail address to sign in with.") var email: String
        @Option(help: "The person's name (defaults to the part of the address before @).") var name: String?
        @Option(help: "Roles, repeated or comma-separated: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: [String]
        @Flag(help: "Read the password from the first line of standard input (for scripts).") var passwordStdin = false

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let email = try UserCommand.email(self.email)
            let (roles, unknown) = Role.parseList(role.joined(separator: ","))
            guard unknown.isEmpty else { throw ValidationError("role: \(FieldIssue("role", .unknownRole(unknown[0])).english)") }
            guard !roles.isEmpty else { throw ValidationError("role: give at least one role, e.g. --role beheerder") }
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let hash = try await BcryptPasswordHasher().hash(password)
            try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                let account = try await SQLAccountStore(database: database).create(
                    email: email, name: name ?? String(email.prefix { $0 != "@" }), roles: roles, passwordHash: hash)
                try await SQLAuditLog(database: database).record(AuditEntry(
                    at: Date(), actor: UserCommand.actor, action: .accountCreated, subject: account.email,
                    detail: "rollen: \(roles.sorted().map(\.rawValue).joined(separator: ", "))"))
            }
            print("Created \(email) with roles \(roles.sorted().map(\.rawValue).joined(separator: ", ")).")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password; every session of the account ends.")

        @OptionGroup var common: CommonOptions
        @Option(help: "The account's e-mail address.") var email: String
        @Flag(help: "Read the password from the first line of standard input (for scripts).") var passwordStdin = false

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let email = try UserCommand.email(self.email)
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let hash = try await BcryptPasswordHasher().hash(password)
            try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                let accounts = SQLAccountStore(database: database)
                guard let account = try await accounts.account(email: email) else { throw ValidationError("email: no account with '\(email)'") }
                try await accounts.setPasswordHash(hash, accountID: account.id)
                try await SQLAuditLog(database: database).record(AuditEntry(
                    at: Date(), actor: UserCommand.actor, action: .passwordChanged, subject: account.email))
            }
            print("Password of \(email) changed.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account with its roles.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let logger = try common.bootstrapLogging()
            let accounts = try await Database.using(try common.databaseLocation(), logger: logger) { database in
                try await Migrator().migrate(database)
                return try await SQLAccountStore(database: database).accounts()
            }
            guard !accounts.isEmpty else {
                print("No accounts. Create the first administrator with: kennis user add --email … --role beheerder")
                return
            }
            for account in accounts {
                let state = account.active ? "" : "\t(deactivated)"
                print("\(account.email)\t\(account.name)\t\(account.roles.sorted().map(\.rawValue).joined(separator: ","))\(state)")
            }
        }
    }

    static var actor: String { "kennis cli (\(NSUserName()))" }

    static func email(_ text: String) throws -> String {
        switch AccountRules.normalizedEmail(text) {
        case .success(let email): return email
        case .failure(let issue): throw ValidationError("email: \(issue.english)")
        }
    }
}

/// Reads a new password: from a terminal without echo (asked twice), or from standard input for scripts.
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        let password: String
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("password: standard input is empty") }
            password = line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError("password: standard input is not a terminal; use --password-stdin to read it from a pipe")
            }
            password = try prompt("Password: ")
            guard try prompt("Repeat the password: ") == password else { throw ValidationError("password: the two entries differ") }
        }
        if let issue = AccountRules.passwordIssues(password).first { throw ValidationError("password: \(issue.english)") }
        return password
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var settings = termios()
        tcgetattr(STDIN_FILENO, &settings)
        var hidden = settings
        hidden.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("password: no input") }
        return line
    }
}
