import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Leaf
import LeafKit
import Vapor

extension Application {
    private struct StoreKey: StorageKey { typealias Value = KembarStore }

    /// The store every request reads from; set once by ``configureKembar(_:store:)``.
    public var kembarStore: KembarStore {
        get {
            guard let store = storage[StoreKey.self] else { fatalError("configureKembar(_:store:) was not called") }
            return store
        }
        set { storage[StoreKey.self] = newValue }
    }
}

extension Request {
    /// Records as domain values, as this reader may see them (personal data only for those signed in).
    var repository: Repository { application.kembarStore.repository.forPublic(account == nil) }

    /// The page language: `?lang=` if given, else the `kembar_lang` cookie, else the browser's preference, else English.
    var language: Language {
        if let code = query[String.self, at: "lang"], let language = Language(rawValue: code) { return language }
        if let code = cookies["kembar_lang"]?.string, let language = Language(rawValue: code) { return language }
        let accepted = headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        return accepted.hasPrefix("id") ? .id : .en
    }
}

/// Sets up Kembar's web application on `app`: views, middleware and routes, reading records from `store`.
///
/// `store` must be migrated (and seeded, if wanted) by the caller; the app only reads and writes through it.
///
/// Everyone may read; changing records needs an account whose roles allow it (``Request/writer(_:)``), checked again
/// inside every write transaction. `access` says how sessions and cross-site requests are treated.
public func configureKembar(_ app: Application, store: KembarStore, access: AccessOptions = AccessOptions()) throws {
    app.computations = ComputationCache()
    app.pages = ComputationCache(capacity: 256)
    app.kembarStore = store
    app.access = access
    // A form's texts may each be 20,000 characters (TextRules); the browser import has its own 50 MB.
    app.routes.defaultMaxBodySize = "1mb"
    guard let views = Bundle.module.url(forResource: "Views", withExtension: nil),
        let assets = Bundle.module.url(forResource: "Public", withExtension: nil)
    else { throw Abort(.internalServerError, reason: "Kembar's bundled views are missing") }
    app.views.use(.leaf)
    app.leaf.configuration = LeafConfiguration(rootDirectory: views.path + "/")
    // The bundle may sit under a hidden folder (.build), which Leaf's default limits refuse; stay sandboxed.
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views.path + "/",
            viewDirectory: views.path + "/"))
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.middleware = Middlewares()
    ContentConfiguration.global.use(encoder: JSONEncoder.api, for: .json)
    app.middleware.use(AccessLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(KembarErrorMiddleware())
    app.middleware.use(HostCheckMiddleware())
    app.middleware.use(PathLimitMiddleware())
    app.middleware.use(AdmissionMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: assets.path + "/"))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(LanguageCookieMiddleware())
    app.middleware.use(ETagMiddleware())
    try app.register(collection: APIController())
    try app.register(collection: OpenDataController())
    try app.register(collection: APIWriteController())
    try app.register(collection: PageController())
    try app.register(collection: FormController())
    try app.register(collection: ImportController())
    try app.register(collection: MonevController())
    try app.register(collection: DocumentController())
    try app.register(collection: IndexController())
    try app.register(collection: AccountController())
    try app.register(collection: HistoryController())
    try app.register(collection: UsersController())
    // Says the database answers; never where it is (a URL may hold a host and a password).
    // Browsers ask for /favicon.ico on pages that name no icon (the printable report).
    app.get("favicon.ico") { req in req.redirect(to: "/favicon.svg", redirectType: .permanent) }
    app.get("healthz") { req async throws -> HealthDTO in
        _ = try await req.repository.isEmpty()
        return HealthDTO(status: "ok")
    }
}

struct HealthDTO: Content {
    var status: String
}

/// One line per request at `info`: method, path, status, time, who — with the request id every other line of the
/// request carries (Vapor's logger metadata), so an error page's reference finds its log.
struct AccessLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        // Thousands of test requests would drown a test run's output: there the line is a debug one.
        request.logger.log(
            level: request.application.environment == .testing ? .debug : .info,
            "\(request.method) \(request.url.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms",
            metadata: ["user": .string(request.account?.user.email ?? "-")])
        return response
    }
}

/// With a public URL set, only requests for its host are served (another Host is a DNS-rebinding attempt or a
/// misrouted request); `/healthz` answers whatever the Host, for load balancers.
struct HostCheckMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let expected = request.application.access.publicURL?.host?.lowercased(), request.url.path != "/healthz" {
            let host = (request.headers.first(name: .host) ?? "").lowercased()
            let name =
                host.hasPrefix("[")
                ? String(host.prefix(while: { $0 != "]" })) + "]" : String(host.split(separator: ":").first ?? "")
            guard name == expected else {
                throw Abort(.misdirectedRequest, reason: WebText.wrongHost(request.language))
            }
        }
        return try await next.respond(to: request)
    }
}

/// Remembers a language chosen with `?lang=` in a cookie, so the next page opens in it.
struct LanguageCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let code = request.query[String.self, at: "lang"], Language(rawValue: code) != nil {
            response.cookies["kembar_lang"] = HTTPCookies.Value(
                string: code, maxAge: 60 * 60 * 24 * 365, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

/// Turns every error into a JSON body (for `/api`) or a short page, never exposing internals on server errors.
/// Headers that keep pages from being framed, sniffed or made to run script: Kembar's pages use no JavaScript at
/// all, so the policy allows none; styles may be inline (the printable report and the SVG charts carry theirs).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let policy =
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The printable report's policy: the same, with its print button's script allowed by hash.
    static let reportPolicy = policy.replacingOccurrences(
        of: "script-src 'none'",
        with: "script-src 'sha256-\(Data(SHA256.hash(data: Data(PrintFrame.script.utf8))).base64EncodedString())'")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        return response
    }
}

/// Refuses paths no Kembar page has — longer than 2,048 characters, or with a segment longer than 255 (a key is at
/// most 120) — with 414 before anything looks them up; the file system would fail on such names with a server error.
struct PathLimitMiddleware: AsyncMiddleware {
    static let maximumPath = 2048
    static let maximumSegment = 255

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        if path.utf8.count > Self.maximumPath
            || path.split(separator: "/").contains(where: { $0.utf8.count > Self.maximumSegment })
        {
            throw Abort(
                .uriTooLong,
                reason: request.language == .en
                    ? "This address is too long to be a page of Kembar."
                    : "Alamat ini terlalu panjang untuk halaman Kembar.")
        }
        // A NUL in the address: no text Kembar holds may contain one, and PostgreSQL refuses it in any string
        // (schemathesis found `?province=%00` answering 500).
        if request.url.string.range(of: "%00", options: .caseInsensitive) != nil || request.url.string.contains("\u{0}")
        {
            throw Abort(
                .badRequest,
                reason: request.language == .en
                    ? "This address holds a NUL character, which no text of Kembar may hold."
                    : "Alamat ini memuat karakter NUL, yang tidak boleh ada dalam teks Kembar.")
        }
        return try await next.respond(to: request)
    }
}

struct KembarErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            let reason: String
            var located: [Problem.Located]? = nil
            if let invalid = error as? InvalidInput {
                // Input that breaks a rule of the domain: each broken rule located, as the importer says them.
                status = .unprocessableEntity
                located = invalid.violations.map { Problem.Located($0, request.language) }
                reason = WebText.invalidInput(invalid.violations.count, request.language)
            } else if error is DecodingError || (error as? any AbortError)?.status == .unsupportedMediaType {
                // A body that is not the form it should be: said in the reader's language, never the decoder's words.
                status = error is DecodingError ? .badRequest : .unsupportedMediaType
                reason = WebText.unreadableRequest(request.language)
            } else if let abort = error as? any AbortError, abort.status == .notFound {
                // One sentence for every missing page or record, in the reader's language (a record that is not
                // public is missing to a public reader, and is not told apart).
                status = abort.status
                reason = WebText.notFound(request.language)
            } else if let abort = error as? any AbortError, abort.status == .payloadTooLarge {
                status = .payloadTooLarge
                reason = WebText.tooLarge(request.language)
            } else if let abort = error as? any AbortError {
                status = abort.status
                reason = abort.reason
            } else if let refused = error as? NotPermitted {
                status = .forbidden
                reason = WebText.notPermitted(refused.records, request.language)
            } else if let unreadable = error as? UnreadableRecord {
                // A record a newer Kembar wrote (a value or format this one does not know): named, not a crash.
                status = .conflict
                reason =
                    request.language == .en
                    ? "The \(unreadable.kind) '\(unreadable.key)' was written by a newer version of Kembar and cannot be shown by this one (\(unreadable.detail)). Upgrade this server; nothing was changed."
                    : "Data \(unreadable.kind) '\(unreadable.key)' ditulis oleh versi Kembar yang lebih baru dan tidak dapat ditampilkan oleh versi ini (\(unreadable.detail)). Perbarui server ini; tidak ada yang diubah."
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                // The log line carries the same request id, so what the reader quotes finds it.
                reason =
                    request.language == .en
                    ? "Something went wrong on the server. Reference: \(request.id)."
                    : "Terjadi kesalahan di server. Rujukan: \(request.id)."
            }
            let response = Response(status: status)
            // What an error asks of the client (a 503's `Retry-After`) stays with it.
            if let abort = error as? any AbortError, let retry = abort.headers.first(name: "Retry-After") {
                response.headers.replaceOrAdd(name: "Retry-After", value: retry)
            }
            if request.url.path.hasPrefix("/api") || request.url.path == "/healthz" {
                try response.content.encode(
                    Problem(
                        title: status.reasonPhrase, status: Int(status.code), detail: reason,
                        instance: request.url.path, errors: located),
                    using: JSONEncoder.api)
                response.headers.contentType = Problem.mediaType
            } else if let page = try? await request.view.render("error", ErrorPage(request, status, reason))
                .encodeResponse(for: request)
            {
                page.status = status
                page.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
                if let retry = response.headers.first(name: "Retry-After") {
                    page.headers.replaceOrAdd(name: "Retry-After", value: retry)
                }
                return page
            } else {
                // Should the page itself fail, a plain one says the same.
                response.headers.contentType = .html
                let escaped = reason.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                    of: "<", with: "&lt;")
                response.body = .init(
                    string: "<!doctype html><html lang=\"\(request.language.rawValue)\"><meta charset=\"utf-8\">"
                        + "<title>\(status.code)</title><main><h1>\(status.code)</h1><p>\(escaped)</p>"
                        + "<p><a href=\"/\">Kembar</a></p></main></html>")
            }
            return response
        }
    }
}

/// An API error as RFC 9457 problem details (`application/problem+json`): the status and its phrase, what went
/// wrong in the reader's language, the path asked, and for input that breaks the domain's rules every broken rule
/// located as the importer reports it.
struct Problem: Content {
    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    /// One broken rule: where (`cities/surabaya`, `activities.csv:4`), which field, the value given, the rule's
    /// stable name, and the message.
    struct Located: Content {
        var location: String
        var field: String
        var value: String
        var rule: String
        var message: String

        init(_ violation: Violation, _ language: Language) {
            location = violation.location
            field = violation.field
            value = violation.value
            rule = violation.rule.rawValue
            message = FormController.message(violation, language)
        }
    }

    /// No type URI of our own: `about:blank`, the status says what kind of problem it is.
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var instance: String
    var errors: [Located]?
}

/// An error page in the site's layout and the reader's language, with a way back.
struct ErrorPage: Encodable {
    var chrome: Chrome
    var heading: String
    var message: String
    /// The page the reader came from, when it is one of this site's.
    var back: String?
    var backLabel: String
    var home: String

    init(_ request: Request, _ status: HTTPResponseStatus, _ message: String) {
        let language = request.language
        chrome = Chrome(request, title: WebText.errorHeading(Int(status.code), language), section: "")
        heading = WebText.errorHeading(Int(status.code), language)
        self.message = message
        backLabel = WebText.goBack(language)
        home = WebText.toDashboard(language)
        back = request.cameFrom.flatMap { $0.hasPrefix(request.url.path + "?") || $0 == request.url.path ? nil : $0 }
    }
}

extension Request {
    /// The page of this site the reader came from (path and query of a `Referer` on this host), for a way back.
    var cameFrom: String? {
        guard let referer = headers.first(name: .referer), let url = URLComponents(string: referer),
            let host = headers.first(name: .host), url.host.map({ host.hasPrefix($0) }) == true
        else { return nil }
        return Self.localPath(url.path + (url.query.map { "?" + $0 } ?? ""))
    }

    /// `path` when it is a path on this site (`/…`, not `//host`), else `nil`: what a way back may link to.
    static func localPath(_ path: String) -> String? {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") ? path : nil
    }
}

extension JSONEncoder {
    /// The API's JSON, its keys sorted: the same answer is the same bytes (and the same ETag), whatever order a
    /// dictionary holds them in.
    static let api: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
