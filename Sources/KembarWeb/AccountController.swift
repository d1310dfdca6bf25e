import Foundation
import KembarCore
import KembarReport
import KembarStorage
import NIOCore
import Vapor

/// Signing in and out, one's own account and password, and the one-time setup of the first administrator.
struct AccountController: RouteCollection {
    /// Failed sign-ins allowed in a quarter of an hour: per account, and per address (which may be an office's
    /// shared one).
    static let accountAttempts = 5
    static let addressAttempts = 20
    static let throttleWindow = 15.0 * 60

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginForm)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("account", use: account)
        routes.post("account", "password", use: changePassword)
        routes.post("account", "tokens", use: createToken)
        routes.post("account", "tokens", ":id", "revoke", use: revokeToken)
        routes.get("setup", use: setupForm)
        routes.post("setup", use: setup)
    }

    // MARK: - Page model

    struct Page: Encodable {
        var chrome: Chrome
        var heading: String
        var intro: String?
        var errors: [String] = []
        var message: String?
        var facts: [Fact] = []
        var form: Form?
        var tokens: TokenSection?
    }

    struct TokenSection: Encodable {
        struct Row: Encodable {
            var name: String
            var created: String
            var lastUsed: String
            var revoked: String?
            var revoke: String?
        }

        var heading: String
        var intro: String
        var newToken: String?
        var newTokenLabel: String
        var rows: [Row]
        var create: Form
        var labels: [String: String]
    }

    struct Form: Encodable {
        var id: String
        var heading: String?
        var action: String
        var submit: String
        var csrf: String
        var next: String?
        var fields: [Input]
    }

    struct Input: Encodable {
        var name: String
        var label: String
        var type: String
        var autocomplete: String
        var value: String = ""
        var hint: String?
    }

    // MARK: - Sign in

    func loginForm(req: Request) async throws -> Response {
        if req.account != nil { return req.redirect(to: Self.next(req.query[String.self, at: "next"])) }
        return try await loginPage(req, errors: [], email: "", next: req.query[String.self, at: "next"])
    }

    /// Shows a form posted while signed out, with a fresh token in a cookie it must return.
    func signedOutPage(_ req: Request, _ page: (String) -> Page) async throws -> Response {
        let token = Tokens.random()
        let response = try await req.view.render("account", page(token)).encodeResponse(for: req)
        response.cookies[Request.formCookie] = req.cookie(token, maxAge: 3600)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func loginPage(_ req: Request, errors: [String], email: String, next: String?) async throws -> Response {
        let l = req.language
        return try await signedOutPage(req) { token in
            Page(
                chrome: Chrome(req, title: WebText.signIn(l), section: "/login"), heading: WebText.signIn(l),
                errors: errors,
                form: Form(
                    id: "sign-in", action: "/login", submit: WebText.signIn(l), csrf: token,
                    next: next.map(Self.next),
                    fields: [
                        Input(
                            name: "email", label: WebText.email(l), type: "email", autocomplete: "email",
                            value: email),
                        Input(
                            name: "password", label: WebText.password(l), type: "password",
                            autocomplete: "current-password"),
                    ]))
        }
    }

    struct Credentials: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func login(req: Request) async throws -> Response {
        try req.checkSignedOutForm()
        let form = (try? req.content.decode(Credentials.self)) ?? Credentials()
        let email = String((form.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix(254))
        let password = form.password ?? ""
        let repository = req.repository
        let now = Date().timeIntervalSince1970
        let accountKey = "account:" + email
        let addressKey = "address:" + (req.remoteAddress?.ipAddress ?? "unknown")
        let byAccount = try await repository.loginFailures(key: accountKey, since: now - Self.throttleWindow)
        let byAddress = try await repository.loginFailures(key: addressKey, since: now - Self.throttleWindow)
        if byAccount >= Self.accountAttempts || byAddress >= Self.addressAttempts {
            return try await loginPage(
                req, errors: [WebText.tooManyAttempts(req.language)], email: email, next: form.next)
        }
        let user = try await repository.user(email: email)
        // A hash is checked even for an unknown address, so the answer takes as long either way.
        let valid = try await Passwords.verify(
            password, hash: user?.passwordHash ?? Self.decoyHash, on: req)
        guard let user, valid, password.utf8.count <= Passwords.maximumLength else {
            try await repository.recordLoginFailure(keys: [accountKey, addressKey], at: now)
            return try await loginPage(req, errors: [WebText.signInFailed(req.language)], email: email, next: form.next)
        }
        try await repository.clearLoginFailures(key: accountKey)
        let token = Tokens.random()
        let lifetime = req.application.access.sessionLifetime
        try await repository.createSession(
            tokenHash: Tokens.hash(token), userID: user.id, csrf: Tokens.random(), now: now, lifetime: lifetime)
        let response = req.redirect(to: Self.next(form.next), redirectType: .normal)
        response.cookies[Request.sessionCookie] = req.cookie(token, maxAge: Int(lifetime))
        response.cookies[Request.formCookie] = req.cookie("", maxAge: 0)
        response.cookies["kembar_lang"] = req.cookie(user.language.rawValue, maxAge: 60 * 60 * 24 * 365)
        return response
    }

    /// A Bcrypt hash of a random text, checked when the address is unknown.
    static let decoyHash = (try? Bcrypt.hash(Tokens.random(), cost: 12)) ?? ""

    /// Where to go after signing in: a path on this site only (never `//elsewhere` or a full URL).
    static func next(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), path.utf8.count < 2048,
            !path.contains(where: { $0.isNewline })
        else { return "/" }
        return path
    }

    func logout(req: Request) async throws -> Response {
        try req.checkOrigin()
        if let account = req.account, !account.viaToken {
            try req.checkForm(of: account)
            try await req.repository.deleteSession(tokenHash: account.tokenHash)
        }
        let response = req.redirect(to: "/", redirectType: .normal)
        response.cookies[Request.sessionCookie] = req.cookie("", maxAge: 0)
        return response
    }

    // MARK: - One's account

    func account(req: Request) async throws -> Response {
        guard req.account != nil else { return req.redirect(to: "/login?next=/account") }
        let notice: String? =
            switch req.query[String.self, at: "notice"] {
            case "password": WebText.passwordChanged(req.language)
            case "revoked": WebText.tokenRevoked(req.language)
            default: nil
            }
        return try await accountPage(req, errors: [], message: notice)
    }

    func accountPage(
        _ req: Request, errors: [String], message: String?, newToken: String? = nil
    ) async throws
        -> Response
    {
        guard let account = req.account else { throw Abort(.forbidden) }
        let l = req.language
        let user = account.user
        let cities = Set(user.roles.flatMap(\.cities))
        let names = Dictionary(
            try await req.repository.cities(cities.sorted()).map { ($0.id, $0.name.text(l)) },
            uniquingKeysWith: { a, _ in a })
        let name: (CityKey) -> String = { names[$0] ?? $0.rawValue }
        var page = Page(
            chrome: Chrome(req, title: WebText.yourAccount(l), section: "/account"), heading: WebText.yourAccount(l),
            errors: errors, message: message,
            facts: [
                Fact(label: WebText.name(l), value: user.name), Fact(label: WebText.email(l), value: user.email),
                Fact(
                    label: WebText.roles(l),
                    value: user.roles.map { WebText.role($0, cityName: name, l) }.joined(separator: "; ")),
                Fact(label: WebText.mayDo(l), value: WebText.allows(user.grant, cityName: name, l)),
            ]
                + (Management.managesAnyone(user.roles)
                    ? [Fact(label: WebText.users(l), value: "/users", href: "/users")] : []),
            form: Form(
                id: "change-password", heading: WebText.changePassword(l), action: "/account/password",
                submit: WebText.changePassword(l), csrf: account.csrf,
                fields: [
                    Input(
                        name: "current", label: WebText.currentPassword(l), type: "password",
                        autocomplete: "current-password"),
                    Input(
                        name: "new", label: WebText.newPassword(l), type: "password", autocomplete: "new-password",
                        hint: WebText.passwordHint(l)),
                    Input(
                        name: "again", label: WebText.repeatPassword(l), type: "password", autocomplete: "new-password"),
                ]))
        page.tokens = TokenSection(
            heading: WebText.tokens(l), intro: WebText.tokensIntro(l), newToken: newToken,
            newTokenLabel: WebText.tokenShownOnce(l),
            rows: try await req.repository.tokens(userID: user.id).map { token in
                TokenSection.Row(
                    name: token.name, created: Self.minute(token.createdAt),
                    lastUsed: token.lastUsedAt.map(Self.minute) ?? "—",
                    revoked: token.revokedAt.map { "\(WebText.revoked(l)) \(Self.minute($0))" },
                    revoke: token.revokedAt == nil ? "/account/tokens/\(token.id)/revoke" : nil)
            },
            create: Form(
                id: "create-token", action: "/account/tokens", submit: WebText.createToken(l), csrf: account.csrf,
                fields: [Input(name: "name", label: WebText.tokenName(l), type: "text", autocomplete: "off")]),
            labels: [
                "name": WebText.tokenName(l), "created": WebText.created(l), "lastUsed": WebText.lastUsed(l),
                "revoke": WebText.revokeToken(l),
            ])
        let response = try await req.view.render("account", page).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// `2026-12-01T12:40:07Z` → `2026-12-01 12:40 UTC`.
    static func minute(_ time: String) -> String { time.prefix(10) + " " + time.dropFirst(11).prefix(5) + " UTC" }

    struct PasswordChange: Content {
        var current: String?
        var new: String?
        var again: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let account = try signedInForm(req)
        let form = (try? req.content.decode(PasswordChange.self)) ?? PasswordChange()
        let l = req.language
        guard try await Passwords.verify(form.current ?? "", hash: account.user.passwordHash, on: req) else {
            return try await accountPage(req, errors: [WebText.currentPasswordWrong(l)], message: nil)
        }
        let new = form.new ?? ""
        guard Self.acceptable(new) else {
            return try await accountPage(req, errors: [WebText.passwordTooShort(l)], message: nil)
        }
        guard new == form.again else {
            return try await accountPage(req, errors: [WebText.passwordsDiffer(l)], message: nil)
        }
        let hash = try await Passwords.hash(new, cost: req.application.access.passwordCost, on: req)
        try await req.repository.updateUser(
            id: account.user.id, passwordHash: hash, keepSession: account.tokenHash,
            as: account.context(.form))
        return req.redirect(to: "/account?notice=password", redirectType: .normal)
    }

    /// The signed-in account of a browser form posted from Kembar's own page.
    func signedInForm(_ req: Request) throws -> Account {
        guard let account = req.account else {
            try req.checkOrigin()
            throw Abort(.forbidden, reason: WebText.signInToChange(req.language))
        }
        try req.checkForm(of: account)
        return account
    }

    struct TokenName: Content {
        var name: String?
    }

    func createToken(req: Request) async throws -> Response {
        let account = try signedInForm(req)
        let name = (try? req.content.decode(TokenName.self))?.name ?? ""
        let token = APITokens.make()
        do {
            try await req.repository.addToken(
                userID: account.user.id, name: name, tokenHash: APITokens.hash(token),
                as: account.context(.form))
        } catch is InvalidAccount {
            return try await accountPage(
                req, errors: [WebText.accountProblem("nameMissing", req.language)], message: nil)
        }
        return try await accountPage(req, errors: [], message: nil, newToken: token)
    }

    func revokeToken(req: Request) async throws -> Response {
        let account = try signedInForm(req)
        guard let id = Int(try req.parameters.require("id")) else { throw Abort(.notFound) }
        guard
            try await req.repository.revokeToken(
                id: id, userID: account.user.id,
                as: account.context(.form))
        else { throw Abort(.notFound) }
        return req.redirect(to: "/account?notice=revoked", redirectType: .normal)
    }

    static func acceptable(_ password: String) -> Bool {
        password.count >= Passwords.minimumLength && password.utf8.count <= Passwords.maximumLength
    }

    // MARK: - The first administrator

    /// Only while no user exists, only from this computer and never through a proxy (which would make every visitor
    /// look local): a server behind one gets its first administrator from `kembar user add`.
    func setupAllowed(_ req: Request) async throws -> Bool {
        guard req.application.access.publicURL == nil, req.headers.first(name: "X-Forwarded-For") == nil,
            req.headers.first(name: "Forwarded") == nil, Self.isLoopback(req.remoteAddress)
        else { return false }
        return try await req.repository.userCount() == 0
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress else { return false }
        return ip == "::1" || ip.hasPrefix("127.") || ip == "::ffff:127.0.0.1"
    }

    func setupForm(req: Request) async throws -> Response {
        try await setupPage(req, errors: [], name: "", email: "")
    }

    func setupPage(_ req: Request, errors: [String], name: String, email: String) async throws -> Response {
        let l = req.language
        guard try await setupAllowed(req) else {
            let page = Page(
                chrome: Chrome(req, title: WebText.setupHeading(l), section: "/setup"),
                heading: WebText.setupHeading(l), intro: WebText.setupClosed(l))
            return try await req.view.render("account", page).encodeResponse(status: .forbidden, for: req)
        }
        return try await signedOutPage(req) { token in
            Page(
                chrome: Chrome(req, title: WebText.setupHeading(l), section: "/setup"),
                heading: WebText.setupHeading(l), intro: WebText.setupIntro(l), errors: errors,
                form: Form(
                    id: "create-administrator", action: "/setup", submit: WebText.createAccount(l), csrf: token,
                    fields: [
                        Input(name: "name", label: WebText.name(l), type: "text", autocomplete: "name", value: name),
                        Input(
                            name: "email", label: WebText.email(l), type: "email", autocomplete: "username",
                            value: email),
                        Input(
                            name: "new", label: WebText.password(l), type: "password", autocomplete: "new-password",
                            hint: WebText.passwordHint(l)),
                        Input(
                            name: "again", label: WebText.passwordAgain(l), type: "password",
                            autocomplete: "new-password"),
                    ]))
        }
    }

    struct Setup: Content {
        var name: String?
        var email: String?
        var new: String?
        var again: String?
    }

    func setup(req: Request) async throws -> Response {
        try req.checkSignedOutForm()
        let form = (try? req.content.decode(Setup.self)) ?? Setup()
        let l = req.language
        let name = String((form.name ?? "").prefix(200))
        let email = String((form.email ?? "").prefix(254))
        guard try await setupAllowed(req) else { return try await setupPage(req, errors: [], name: name, email: email) }
        let new = form.new ?? ""
        guard Self.acceptable(new) else {
            return try await setupPage(req, errors: [WebText.passwordTooShort(l)], name: name, email: email)
        }
        guard new == form.again else {
            return try await setupPage(req, errors: [WebText.passwordsDiffer(l)], name: name, email: email)
        }
        let hash = try await Passwords.hash(new, cost: req.application.access.passwordCost, on: req)
        do {
            try await req.repository.addUser(
                name: name, email: email, language: l, roles: [.administrator], passwordHash: hash,
                onlyIfFirst: true, as: WriteContext(actor: "setup", channel: .form))
        } catch let error as InvalidAccount {
            return try await setupPage(
                req, errors: [WebText.accountProblem(error.problem.rawValue, l)], name: name, email: email)
        }
        return req.redirect(to: "/login", redirectType: .normal)
    }
}
