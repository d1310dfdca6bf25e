import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// How the server treats sessions and requests from elsewhere; from `KEMBAR_PUBLIC_URL` (``KembarSettings``).
public struct AccessOptions: Sendable {
    /// The address people reach Kembar at (`https://kembar.example.go.id`), if it is behind a proxy: cookies are
    /// `Secure` when it is https, and a form posted from any other origin is refused.
    public var publicURL: URL?
    /// How long a sign-in lasts.
    public var sessionLifetime: Double
    /// Bcrypt's cost for new passwords (each step doubles the work).
    public var passwordCost: Int
    /// The office that publishes the reports (`KEMBAR_OFFICE`), printed in their margins.
    public var office: String?
    /// Who publishes the whole registry's IATI file (`KEMBAR_IATI_PUBLISHER`).
    public var iatiPublisher: IATI.Publisher?

    public init(
        publicURL: URL? = nil, sessionLifetime: Double = 8 * 3600, passwordCost: Int = 12, office: String? = nil,
        iatiPublisher: IATI.Publisher? = nil
    ) {
        self.publicURL = publicURL
        self.office = office
        self.iatiPublisher = iatiPublisher
        self.sessionLifetime = sessionLifetime
        self.passwordCost = passwordCost
    }

    var secureCookies: Bool { publicURL?.scheme == "https" }

    /// `scheme://host[:port]` of the public URL.
    var origin: String? {
        guard let url = publicURL, let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}

/// The signed-in person of a request.
struct Account: Sendable {
    var user: User
    /// The token every form of this session carries.
    var csrf: String
    /// The hash of the session cookie's token (the key of the session row), or of the API token.
    var tokenHash: String
    /// Signed in with a personal API token (`Authorization: Bearer …`), not a browser's cookie: no form token or
    /// origin applies, since no other site can make a browser send that header.
    var viaToken = false

    var grant: Grant { user.grant }

    /// What a write by this account records and is allowed: its e-mail as the actor, `api` for a token's requests.
    func context(_ channel: WriteContext.Channel) -> WriteContext {
        WriteContext(actor: user.email, channel: viaToken ? .api : channel, grant: grant)
    }
}

/// Personal API tokens for the command line (`kembar token`): made and hashed as the web makes them.
public enum APITokens {
    /// A new token: `kmb_` and 43 random characters.
    public static func make() -> String { "kmb_" + Tokens.random() }
    /// What the database keeps of it.
    public static func hash(_ token: String) -> String { Tokens.hash(token) }
}

/// Password hashing for the command line (`kembar user`), the same as the web's.
public enum PasswordHashing {
    /// A salted Bcrypt hash; throws for a password outside 10–72 bytes.
    public static func hash(_ password: String, cost: Int = 12) throws -> String {
        guard password.count >= Passwords.minimumLength, password.utf8.count <= Passwords.maximumLength else {
            throw PasswordRefused()
        }
        return try Bcrypt.hash(password, cost: cost)
    }

    public struct PasswordRefused: Error, CustomStringConvertible {
        public var description: String { "A password has at least 10 characters and at most 72 bytes." }
    }
}

enum Passwords {
    /// A salted Bcrypt hash, made off the event loop.
    static func hash(_ password: String, cost: Int, on req: Request) async throws -> String {
        try await req.application.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String, on req: Request) async throws -> Bool {
        try await req.application.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// Passwords shorter than this are refused.
    static let minimumLength = 10
    static let maximumLength = 72  // Bcrypt reads no further
}

enum Tokens {
    /// 32 random bytes, base64url: a session token or a CSRF token.
    static func random() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps of a token: its SHA-256, hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension Application {
    private struct AccessKey: StorageKey { typealias Value = AccessOptions }

    var access: AccessOptions {
        get { storage[AccessKey.self] ?? AccessOptions() }
        set { storage[AccessKey.self] = newValue }
    }
}

extension Request {
    private struct AccountKey: StorageKey { typealias Value = Account }

    /// Set by ``SessionMiddleware`` when the request carries a valid session cookie.
    var account: Account? {
        get { storage[AccountKey.self] }
        set { storage[AccountKey.self] = newValue }
    }

    static let sessionCookie = "kembar_session"
    static let formCookie = "kembar_form"

    /// What the pages served to this request may differ by: nobody's, or this session's (its edit links, its
    /// name, its form token).
    var viewer: String { account.map { "session:" + $0.tokenHash } ?? "public" }

    /// The context every write of this request passes to storage, where ``Repository`` checks the grant inside the
    /// write transaction: the one authorization point of every write path. Throws 403 unless the request is
    /// signed in with a role that writes, comes from Kembar's own pages (``checkOrigin()``) and carries the
    /// session's form token.
    func writer(_ channel: WriteContext.Channel) throws -> WriteContext {
        guard let account else {
            try checkOrigin()
            throw Abort(.forbidden, reason: WebText.signInToChange(language))
        }
        try checkForm(of: account)
        guard account.grant.writesAnything else { throw Abort(.forbidden, reason: WebText.mayNotWrite(language)) }
        return account.context(channel)
    }

    /// A state-changing request of a browser session must come from Kembar's own page with the session's token; an
    /// API token's request carries neither.
    func checkForm(of account: Account) throws {
        guard !account.viaToken else { return }
        try checkOrigin()
        guard let token = formToken, constantTimeEqual(token, account.csrf) else {
            throw Abort(.forbidden, reason: WebText.formExpired(language))
        }
    }

    /// The `_csrf` field of a posted form (URL-encoded or multipart).
    var formToken: String? { try? content.get(String.self, at: "_csrf") }

    /// Refuses a state-changing request a browser says comes from another site, or whose `Origin` is not this
    /// server's (the public URL's, else the Host it was sent to).
    func checkOrigin() throws {
        if let site = headers.first(name: "Sec-Fetch-Site"), !["same-origin", "none"].contains(site.lowercased()) {
            throw Abort(.forbidden, reason: WebText.crossSite(language))
        }
        if let origin = headers.first(name: .origin) {
            let expected =
                application.access.origin
                ?? headers.first(name: .host).map { (application.access.secureCookies ? "https://" : "http://") + $0 }
            if origin.lowercased() != expected?.lowercased() {
                throw Abort(.forbidden, reason: WebText.crossSite(language))
            }
        }
    }

    /// For the forms posted before anyone is signed in (sign-in, first administrator): the token must match the
    /// one set in a cookie when the form was shown.
    func checkSignedOutForm() throws {
        try checkOrigin()
        guard let token = formToken, let cookie = cookies[Self.formCookie]?.string, constantTimeEqual(token, cookie)
        else { throw Abort(.forbidden, reason: WebText.formExpired(language)) }
    }

    func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: application.access.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
    }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for (p, q) in zip(x, y) { difference |= p ^ q }
    return difference == 0
}

/// Reads the session cookie: a valid, unexpired session makes ``Request/account``; anything else is a public
/// reader (an expired or unknown cookie is cleared).
struct SessionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var clear = false
        if let bearer = request.headers.bearerAuthorization?.token {
            // A personal API token: valid, or the request is refused (a script should know, not read as public).
            guard bearer.utf8.count <= 128,
                let user = try await request.repository.user(tokenHash: Tokens.hash(bearer))
            else { throw Abort(.unauthorized, reason: WebText.tokenInvalid(request.language)) }
            request.account = Account(user: user, csrf: "", tokenHash: "token:" + Tokens.hash(bearer), viaToken: true)
        } else if let token = request.cookies[Request.sessionCookie]?.string, !token.isEmpty, token.utf8.count <= 128 {
            let hash = Tokens.hash(token)
            if let session = try await request.repository.session(
                tokenHash: hash, now: Date().timeIntervalSince1970)
            {
                request.account = Account(user: session.user, csrf: session.csrf, tokenHash: hash)
            } else {
                clear = true
            }
        }
        let response = try await next.respond(to: request)
        if clear, response.cookies[Request.sessionCookie] == nil {
            response.cookies[Request.sessionCookie] = request.cookie("", maxAge: 0)
        }
        return response
    }
}
