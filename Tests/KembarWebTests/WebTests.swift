import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Runs `test` against a Kembar app on a fresh database of `backend` holding the bundled data.
func withKembarApp(_ backend: TestBackend, _ test: (Application) async throws -> Void) async throws {
    try await withTestStore(backend) { store in
        try await store.prepare(loadDemo: true)
        try await withApp(configure: { app in try configureKembar(app, store: store) }, test)
    }
}

/// A signed-in browser in tests: its session cookie and the form token its pages carry.
struct Visitor: Sendable {
    var token: String
    var csrf: String

    /// `values` with this session's form token.
    func form(_ values: [String: String] = [:]) -> [String: String] { values.merging(["_csrf": csrf]) { a, _ in a } }
    /// Sends the session cookie with the request.
    func sign(_ req: inout TestingHTTPRequest) {
        req.headers.replaceOrAdd(name: .cookie, value: "kembar_session=\(token)")
    }
    /// The form token as a part of a `multipart/form-data` body with boundary `kembar`.
    var csrfPart: String { "--kembar\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n" }
}

/// Signs in as a (new or existing) user with `roles`, the way the sign-in form does it: a session row whose token
/// is kept only as a hash.
func signIn(
    _ app: Application, roles: [Role] = [.administrator], email: String = "admin@example.org"
) async throws -> Visitor {
    let repository = app.kembarStore.repository
    let user: User
    if let existing = try await repository.user(email: email) {
        user = existing
    } else {
        user = try await repository.addUser(
            name: "Test \(email)", email: email, language: .en, roles: roles,
            passwordHash: try PasswordHashing.hash(Visitor.password, cost: 4),
            as: WriteContext(actor: "test", channel: .cli))
    }
    let token = Tokens.random()
    let csrf = Tokens.random()
    try await repository.createSession(
        tokenHash: Tokens.hash(token), userID: user.id, csrf: csrf, now: Date().timeIntervalSince1970, lifetime: 3600)
    return Visitor(token: token, csrf: csrf)
}

/// Posts `values` as a form from `visitor`'s session (with its form token) and returns the answer.
func post(
    _ app: Application, _ path: String, _ values: [String: String], as visitor: Visitor
) async throws
    -> TestingHTTPResponse
{
    var response: TestingHTTPResponse?
    try await app.testing().test(
        .POST, path,
        beforeRequest: { req in
            try req.content.encode(visitor.form(values), as: .urlEncodedForm)
            visitor.sign(&req)
        }
    ) { res async in response = res }
    return try #require(response)
}

/// The page at `path` as `visitor` sees it.
func get(_ app: Application, _ path: String, as visitor: Visitor) async throws -> String {
    var page = ""
    try await app.testing().test(.GET, path, beforeRequest: { req in visitor.sign(&req) }) { res async in
        page = res.body.string
    }
    return page
}

extension Visitor {
    static let password = "correct horse battery"

    /// For a post with no fields but the token: the session cookie and the form token.
    var signedForm: @Sendable (inout TestingHTTPRequest) async throws -> Void {
        { [self] req in
            try req.content.encode(form(), as: .urlEncodedForm)
            sign(&req)
        }
    }
}

@Suite struct APITests {
    @Test(arguments: TestBackend.enabled)
    func partnershipsShowTheFoundingCase(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "api/v1/partnerships?asOf=2023-12-31") { res async throws in
                #expect(res.status == .ok)
                let list = try res.content.decode(PartnershipListDTO.self)
                let row = try #require(list.items.first { $0.key == "surabaya-liverpool" })
                #expect(row.cities == ["surabaya", "liverpool"] && row.status == "active")
                #expect(
                    row.agreements.map { "\($0.kind) \($0.signed)" } == [
                        "letter-of-intent 2017-05-17", "mou 2018-03-19",
                    ])
                #expect(row.activityCount == 8 && list.total == list.items.count)
            }
            try await app.testing().test(.GET, "api/v1/partnerships/surabaya-liverpool") { res async throws in
                #expect(res.status == .ok)
                let founding = try res.content.decode(PartnershipDTO.self)
                #expect(founding.city?.key == "surabaya" && founding.partnerCity?.key == "liverpool")
                #expect(
                    founding.agreements.map { "\($0.kind.rawValue) \($0.signed)" } == [
                        "letter-of-intent 2017-05-17", "mou 2018-03-19",
                    ])
                #expect(founding.agreements[1].fields.count == 4)
                #expect(founding.milestones.count == 4)
                #expect(founding.activities.count == 8)
                // The API's names, not the stored documents': `key`, and no repeated parent.
                let raw = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                for collection in ["agreements", "milestones", "activities"] {
                    let first = try #require((raw?[collection] as? [[String: Any]])?.first, "\(collection)")
                    #expect(
                        first["key"] is String && first["id"] == nil && first["partnership"] == nil, "\(collection)")
                }
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func detailEndpoints(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "api/v1/cities/surabaya") { res async throws in
                let city = try res.content.decode(CityDetailDTO.self)
                #expect(city.initiatives.contains { $0.key == "wargaku" })
                #expect(city.observations.count == 3)
            }
            try await app.testing().test(.GET, "api/v1/frameworks") { res async throws in
                #expect(try res.content.decode([FrameworkSummaryDTO].self).count == 5)
            }
            try await app.testing().test(.GET, "api/v1/frameworks/cohen-smart-city-wheel") { res async throws in
                let framework = try res.content.decode(FrameworkDTO.self)
                #expect(framework.dimensions.count == 6 && framework.dimensions[0].children.count > 0)
                #expect(!framework.crosswalks.isEmpty)
            }
            try await app.testing().test(.GET, "api/v1/sources/bps-jatim-2023") { res async throws in
                #expect(
                    try res.content.decode(SourceDTO.self).citation
                        == "Badan Pusat Statistik Provinsi Jawa Timur (2023)")
            }
            try await app.testing().test(.GET, "api/v1/sources") { res async throws in
                let page = try res.content.decode(PageDTO<SourceDTO>.self)
                #expect(page.total == 28 && page.items.count == 28)
            }
            try await app.testing().test(.GET, "api/v1/sources?limit=5&offset=25") { res async throws in
                let page = try res.content.decode(PageDTO<SourceDTO>.self)
                #expect(page.total == 28 && page.items.count == 3 && page.offset == 25)
            }
        }
    }

    @Test func unknownKeysAreJSONNotFound() async throws {
        try await withKembarApp(.sqlite) { app in
            for path in ["api/v1/partnerships/nowhere", "api/v1/cities/atlantis", "api/v1/sources/x", "api/v1/nothing"]
            {
                try await app.testing().test(.GET, path) { res async throws in
                    #expect(res.status == .notFound, "\(path)")
                    #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                    let problem = try JSONDecoder().decode(Problem.self, from: Data(buffer: res.body))
                    #expect(problem.status == 404 && problem.title == "Not Found" && problem.type == "about:blank")
                    #expect(problem.instance == "/" + path && !problem.detail.isEmpty && problem.errors == nil)
                }
            }
        }
    }

    @Test func healthz() async throws {
        try await withKembarApp(.sqlite) { app in
            try await app.testing().test(.GET, "healthz") { res async throws in
                #expect(res.status == .ok)
                #expect(try res.content.decode(HealthDTO.self).status == "ok")
                #expect(!res.body.string.contains("sqlite") && !res.body.string.contains("memory"))
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
        }
    }
}

@Suite struct PageTests {
    @Test(arguments: TestBackend.enabled)
    func homeListsPartnershipsInBothLanguages(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "/") { res async throws in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("<html lang=\"en\">"))
                #expect(res.body.string.contains("Surabaya – Liverpool"))
                #expect(res.body.string.contains("MoU 19 March 2018"))
            }
            try await app.testing().test(.GET, "/?lang=id") { res async throws in
                #expect(res.body.string.contains("<html lang=\"id\">"))
                #expect(res.body.string.contains("Kota Surabaya – Kota Liverpool"))
                #expect(res.body.string.contains("MoU 19 Maret 2018"))
                #expect(res.headers.setCookie?["kembar_lang"]?.string == "id")
            }
            try await app.testing().test(
                .GET, "/",
                beforeRequest: { req in
                    req.headers.cookie = HTTPCookies(
                        dictionaryLiteral: ("kembar_lang", HTTPCookies.Value(string: "id")))
                }
            ) { res async throws in
                #expect(res.body.string.contains("Kemitraan"))
            }
            try await app.testing().test(.GET, "/kembar.css") { res async throws in
                #expect(res.status == .ok)
            }
        }
    }

    @Test func unknownPageIsAnHTMLNotFound() async throws {
        try await withKembarApp(.sqlite) { app in
            try await app.testing().test(.GET, "/no/such/page") { res async throws in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .html)
            }
        }
    }
}
