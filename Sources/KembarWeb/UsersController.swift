import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Managing accounts from the web: an administrator manages everyone; a city administrator adds and changes the
/// viewers and editors of their own cities (``Management``).
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("users", use: list)
        routes.post("users", use: add)
        routes.post("users", ":id", "roles", use: setRoles)
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var id: Int
            var email: String
            var name: String
            var roles: String
            var codes: String
            var action: String
        }

        var chrome: Chrome
        var heading: String
        var intro: String
        var errors: [String]
        var message: String?
        var rows: [Row]
        var add: AccountController.Form
        var labels: [String: String]
    }

    /// The signed-in manager, or the reason there is none.
    func manager(_ req: Request) throws -> Account {
        guard let account = req.account else { throw Abort(.forbidden, reason: WebText.signInToChange(req.language)) }
        guard Management.managesAnyone(account.user.roles) else {
            throw Abort(.forbidden, reason: WebText.rolesNotAllowed(req.language))
        }
        return account
    }

    func list(req: Request) async throws -> Response {
        if req.account == nil { return req.redirect(to: "/login?next=%2Fusers") }
        return try await page(req, errors: [], message: nil)
    }

    func page(_ req: Request, errors: [String], message: String?, status: HTTPStatus = .ok) async throws -> Response {
        let account = try manager(req)
        let l = req.language
        let users = try await req.repository.users(limit: 500).filter {
            Management.mayAssign($0.roles, by: account.user.roles)
        }
        let keys = Set(users.flatMap(\.roles).flatMap(\.cities))
        let names = Dictionary(
            try await req.repository.cities(keys.sorted()).map { ($0.id, $0.name.text(l)) },
            uniquingKeysWith: { a, _ in a })
        let page = Page(
            chrome: Chrome(req, title: WebText.users(l), section: "/users"), heading: WebText.users(l),
            intro: WebText.usersIntro(l), errors: errors, message: message,
            rows: users.map { user in
                Page.Row(
                    id: user.id, email: user.email, name: user.name,
                    roles: user.roles.map { WebText.role($0, cityName: { names[$0] ?? $0.rawValue }, l) }
                        .joined(separator: "; "),
                    codes: user.roles.map(\.code).joined(separator: " "), action: "/users/\(user.id)/roles")
            },
            add: AccountController.Form(
                id: "add-account", heading: WebText.addAccount(l), action: "/users", submit: WebText.addAccount(l),
                csrf: account.csrf,
                fields: [
                    AccountController.Input(name: "name", label: WebText.name(l), type: "text", autocomplete: "off"),
                    AccountController.Input(name: "email", label: WebText.email(l), type: "text", autocomplete: "off"),
                    AccountController.Input(
                        name: "roles", label: WebText.rolesCodes(l), type: "text", autocomplete: "off",
                        value: Management.administeredCities(account.user.roles).sorted().first.map {
                            "editor:\($0.rawValue)"
                        } ?? "viewer"),
                ]),
            labels: [
                "email": WebText.email(l), "name": WebText.name(l), "roles": WebText.roles(l),
                "codes": WebText.rolesCodes(l), "save": WebText.saveRoles(l),
            ])
        let response = try await req.view.render("users", page).encodeResponse(status: status, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Role codes as typed (spaces, semicolons or line breaks between them), with every city checked to exist.
    func roles(_ text: String, _ req: Request) async throws -> [Role]? {
        let codes = text.split(whereSeparator: { $0 == " " || $0 == ";" || $0.isNewline }).map(String.init)
        let parsed = codes.compactMap(Role.init(code:))
        guard !parsed.isEmpty, parsed.count == codes.count else { return nil }
        let named = Set(parsed.flatMap(\.cities))
        let known = Set(try await req.repository.cities(named).map(\.id))
        return named.isSubset(of: known) ? parsed : nil
    }

    struct NewAccount: Content {
        var name: String?
        var email: String?
        var roles: String?
    }

    func add(req: Request) async throws -> Response {
        let account = try manager(req)
        try req.checkForm(of: account)
        let form = (try? req.content.decode(NewAccount.self)) ?? NewAccount()
        let l = req.language
        guard let roles = try await roles(form.roles ?? "", req) else {
            return try await page(
                req, errors: [WebText.rolesUnreadable(form.roles ?? "", l)], message: nil, status: .ok)
        }
        guard Management.mayAssign(roles, by: account.user.roles) else {
            return try await page(req, errors: [WebText.rolesNotAllowed(l)], message: nil, status: .forbidden)
        }
        // A temporary password the manager passes on; the person changes it on their account page.
        let password = String(Tokens.random().prefix(16))
        let hash = try await Passwords.hash(password, cost: req.application.access.passwordCost, on: req)
        do {
            let user = try await req.repository.addUser(
                name: String((form.name ?? "").prefix(200)), email: String((form.email ?? "").prefix(254)), language: l,
                roles: roles, passwordHash: hash, as: account.context(.form))
            return try await page(req, errors: [], message: WebText.temporaryPassword(user.email, password, l))
        } catch let error as InvalidAccount {
            return try await page(req, errors: [WebText.accountProblem(error.problem.rawValue, l)], message: nil)
        }
    }

    struct NewRoles: Content {
        var roles: String?
    }

    func setRoles(req: Request) async throws -> Response {
        let account = try manager(req)
        try req.checkForm(of: account)
        guard let id = Int(try req.parameters.require("id")), let user = try await req.repository.user(id: id) else {
            throw Abort(.notFound)
        }
        let text = (try? req.content.decode(NewRoles.self))?.roles ?? ""
        let l = req.language
        guard let roles = try await roles(text, req) else {
            return try await page(req, errors: [WebText.rolesUnreadable(text, l)], message: nil)
        }
        guard Management.mayAssign(user.roles, by: account.user.roles),
            Management.mayAssign(roles, by: account.user.roles)
        else { return try await page(req, errors: [WebText.rolesNotAllowed(l)], message: nil, status: .forbidden) }
        try await req.repository.updateUser(
            id: id, roles: roles, as: account.context(.form))
        return try await page(req, errors: [], message: WebText.rolesSaved(l))
    }
}
