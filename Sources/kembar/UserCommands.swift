import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage
import KembarWeb

#if canImport(Glibc)
    import Glibc
#endif

/// `kembar user …`: the accounts of people who sign in to the web app.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and change the accounts of people who sign in.",
        discussion: """
            Roles: admin (everything, all users), viewer (reads every record), editor:CITY[,CITY…] (writes the \
            records of those cities and of their partnerships), city-admin:CITY[,CITY…] (an editor who also \
            manages those cities' editors). The first administrator of a new server is made with `kembar user add \
            --role admin`. Passwords are read from standard input (asked for when it is a terminal) and stored only \
            as a salted Bcrypt hash; every change is recorded in the change log.
            """,
        subcommands: [Add.self, List.self, Roles.self, Password.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The person's name.") var name: String
        @Option(help: "The e-mail address they sign in with.") var email: String
        @Option(
            name: .customLong("role"),
            help: "A role (repeat for several): admin, viewer, editor:CITY,…, city-admin:CITY,….")
        var roles: [String]
        @Option(help: "Language of their pages: en or id.") var lang: Language = .en
        @Option(name: .customLong("as"), help: "Who is adding, as recorded (default: the operating-system user).")
        var actor: String?

        func run() async throws {
            let parsed = try parseRoles(roles)
            let hash = try PasswordHashing.hash(try readPassword("Password for \(email): "))
            try await options.withStore { store in
                let cities = try await store.repository.cities(parsed.flatMap(\.cities))
                try checkCities(parsed, known: Set(cities.map(\.id)))
                let user = try await store.repository.addUser(
                    name: name, email: email, language: lang, roles: parsed, passwordHash: hash,
                    as: WriteContext(actor: actor ?? Import.operatingSystemUser, channel: .cli))
                print("Added \(user.email) (\(Role.text(user.roles))).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: e-mail, name, roles.")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await options.withStore { store in
                var offset = 0
                while true {
                    let page = try await store.repository.users(limit: 500, offset: offset)
                    for user in page {
                        print(
                            [user.email, user.name, Role.text(user.roles)].map { terminalSafe($0) }.joined(
                                separator: "\t"))
                    }
                    if page.count < 500 { break }
                    offset += 500
                }
            }
        }
    }

    struct Roles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace an account's roles.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The account's e-mail address.") var email: String
        @Option(name: .customLong("role"), help: "A role (repeat for several).") var roles: [String]
        @Option(name: .customLong("as"), help: "Who is changing, as recorded (default: the operating-system user).")
        var actor: String?

        func run() async throws {
            let parsed = try parseRoles(roles)
            try await options.withStore { store in
                let user = try await account(email, in: store)
                try await store.repository.updateUser(
                    id: user.id, roles: parsed,
                    as: WriteContext(actor: actor ?? Import.operatingSystemUser, channel: .cli))
                print("\(user.email): \(Role.text(parsed)).")
            }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an account's password (read from standard input); its sessions end.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The account's e-mail address.") var email: String
        @Option(name: .customLong("as"), help: "Who is changing, as recorded (default: the operating-system user).")
        var actor: String?

        func run() async throws {
            let hash = try PasswordHashing.hash(try readPassword("New password for \(email): "))
            try await options.withStore { store in
                let user = try await account(email, in: store)
                try await store.repository.updateUser(
                    id: user.id, passwordHash: hash,
                    as: WriteContext(actor: actor ?? Import.operatingSystemUser, channel: .cli))
                print("Password of \(user.email) changed; their sessions have ended.")
            }
        }
    }
}

extension UserCommand {
    /// `kembar user token …`: personal API tokens.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make, list and revoke an account's personal API tokens.",
            discussion: """
                A token lets a script use the JSON API and the forms as the account, with its roles \
                (Authorization: Bearer TOKEN). It is printed once, when made; only its hash is stored.
                """,
            subcommands: [Make.self, Show.self, Revoke.self])

        struct Make: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add", abstract: "Make a token; prints it once.")
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The account's e-mail address.") var email: String
            @Option(help: "What the token is for.") var name: String

            func run() async throws {
                let token = APITokens.make()
                try await options.withStore { store in
                    let user = try await account(email, in: store)
                    try await store.repository.addToken(
                        userID: user.id, name: name, tokenHash: APITokens.hash(token),
                        as: WriteContext(actor: Import.operatingSystemUser, channel: .cli))
                }
                print(token)
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List an account's tokens.")
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The account's e-mail address.") var email: String

            func run() async throws {
                try await options.withStore { store in
                    let user = try await account(email, in: store)
                    for token in try await store.repository.tokens(userID: user.id) {
                        print(
                            [
                                String(token.id), token.name, token.createdAt, token.lastUsedAt ?? "-",
                                token.revokedAt.map { "revoked " + $0 } ?? "active",
                            ].map { terminalSafe($0) }.joined(separator: "\t"))
                    }
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a token by its number (from list).")
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The account's e-mail address.") var email: String
            @Argument(help: "The token's number.") var id: Int

            func run() async throws {
                try await options.withStore { store in
                    guard let user = try await store.repository.user(email: email),
                        try await store.repository.revokeToken(
                            id: id, userID: user.id, as: WriteContext(actor: Import.operatingSystemUser, channel: .cli))
                    else { throw ValidationError("\(email) has no active token \(id).") }
                    print("Token \(id) of \(email) revoked.")
                }
            }
        }
    }
}

/// The account with that address, or the error that says there is none.
func account(_ email: String, in store: KembarStore) async throws -> User {
    guard let user = try await store.repository.user(email: email) else {
        throw ValidationError("No account has the address \(email).")
    }
    return user
}

func parseRoles(_ codes: [String]) throws -> [Role] {
    guard !codes.isEmpty else { throw ValidationError("Give at least one --role.") }
    return try codes.map { code in
        guard let role = Role(code: code) else {
            throw ValidationError(
                "'\(code)' is not a role: admin, viewer, editor:CITY[,CITY…] or city-admin:CITY[,CITY…] (city keys).")
        }
        return role
    }
}

func checkCities(_ roles: [Role], known: Set<CityKey>) throws {
    if let missing = roles.flatMap(\.cities).first(where: { !known.contains($0) }) {
        throw ValidationError("No city has the key '\(missing.rawValue)'.")
    }
}

/// A password from standard input: asked for without echo on a terminal, else the first line.
func readPassword(_ prompt: String) throws -> String {
    #if canImport(Glibc)
        if isatty(0) == 1, let typed = getpass(prompt) { return String(cString: typed) }
    #endif
    guard let line = readLine(strippingNewline: true) else {
        throw ValidationError("Give the password on standard input.")
    }
    return line
}
