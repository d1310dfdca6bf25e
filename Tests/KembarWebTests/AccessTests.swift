import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Accounts over HTTP on both backends: who may write what, forged and cross-site posts, sign-in with throttling,
/// sessions shared by servers, the one-time setup.
@Suite struct AccessTests {
    /// The form fields of a stored record, with `changes`, ready to post.
    func form(
        _ app: Application, _ collection: EditableCollection, _ key: String, _ changes: [String: String]
    )
        async throws -> [String: String]
    {
        var values = try #require(try await app.kembarStore.repository.formValues(collection, key: key))
        values.merge(changes) { _, new in new }
        return values
    }

    @Test(arguments: TestBackend.enabled)
    func anEditorWritesTheirCitysRecordsAndPartnershipsOnly(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            let liverpool = try await signIn(
                app, roles: [.editor(cities: ["liverpool"])], email: "officer@liverpool.gov.uk")
            // Liverpool's editor records what Liverpool did in Surabaya–Liverpool …
            let activity = try await form(
                app, .activities, "sbylpl-2020-trfc-coaching-clinic", ["note": "Checked by Liverpool."])
            try await app.testing().test(
                .POST, "/edit/activities/sbylpl-2020-trfc-coaching-clinic",
                beforeRequest: { req in
                    try req.content.encode(liverpool.form(activity), as: .urlEncodedForm)
                    liverpool.sign(&req)
                }
            ) { res async in #expect(res.status == .seeOther) }
            #expect(try await repository.activity("sbylpl-2020-trfc-coaching-clinic")?.note == "Checked by Liverpool.")
            // … and the history says who.
            let last = try #require(
                try await repository.history(kind: "activity", key: "sbylpl-2020-trfc-coaching-clinic").last)
            #expect(last.actor == "officer@liverpool.gov.uk" && last.channel == .form && last.action == .update)
            #expect(
                last.before?.contains("Checked by Liverpool.") == false
                    && last.after?.contains("Checked by Liverpool.") == true)
            // … and may change Liverpool itself …
            let city = try await form(app, .cities, "liverpool", ["note": "Port city on the Mersey."])
            try await app.testing().test(
                .POST, "/edit/cities/liverpool",
                beforeRequest: { req in
                    try req.content.encode(liverpool.form(city), as: .urlEncodedForm)
                    liverpool.sign(&req)
                }
            ) { res async in #expect(res.status == .seeOther) }
            // … but not Surabaya, nor Surabaya's partnership with Kitakyushu: 403, the input kept, nothing written.
            let surabaya = try await form(app, .cities, "surabaya", ["note": "Written by Liverpool."])
            try await app.testing().test(
                .POST, "/edit/cities/surabaya?lang=en",
                beforeRequest: { req in
                    try req.content.encode(liverpool.form(surabaya), as: .urlEncodedForm)
                    liverpool.sign(&req)
                }
            ) { res async in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("Your roles do not allow changing these records"))
                #expect(res.body.string.contains("city/surabaya"))
                #expect(res.body.string.contains("Written by Liverpool."), "what was typed stays in the form")
            }
            #expect(try await repository.city("surabaya")?.note != "Written by Liverpool.")
            try await app.testing().test(
                .POST, "/delete/partnerships/surabaya-kitakyushu",
                beforeRequest: liverpool.signedForm
            ) { res async in #expect(res.status == .forbidden) }
            #expect(try await repository.partnership("surabaya-kitakyushu") != nil)
            // Moving an activity out of a partnership of Liverpool's into one that is not is refused too.
            let moved = try await form(
                app, .activities, "sbylpl-2020-trfc-coaching-clinic", ["partnership": "surabaya-kitakyushu"])
            try await app.testing().test(
                .POST, "/edit/activities/sbylpl-2020-trfc-coaching-clinic",
                beforeRequest: { req in
                    try req.content.encode(liverpool.form(moved), as: .urlEncodedForm)
                    liverpool.sign(&req)
                }
            ) { res async in #expect(res.status == .forbidden) }
            // A viewer reads and writes nothing; the forms tell them so.
            let viewer = try await signIn(app, roles: [.viewer], email: "analyst@kemendagri.go.id")
            try await app.testing().test(
                .GET, "/edit/cities/liverpool?lang=en", beforeRequest: { req in viewer.sign(&req) }
            ) {
                res async in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("may read records but not change them"))
            }
            try await app.testing().test(.POST, "/delete/cities/liverpool", beforeRequest: viewer.signedForm) {
                res async in
                #expect(res.status == .forbidden)
            }
            #expect(try await repository.city("liverpool") != nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func forgedAndCrossSitePostsAreRefused(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let path = "/delete/activities/sbylpl-2018-u14-football-delegation"
            // Signed in but without the form token (what a page elsewhere can send with the browser's cookie).
            try await app.testing().test(
                .POST, path,
                beforeRequest: { req in
                    try req.content.encode(["_csrf": "guessed"], as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("did not come from Kembar"))
            }
            // With the token, but the browser says the request comes from another site or origin.
            for (name, value) in [("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example")] {
                try await app.testing().test(
                    .POST, path,
                    beforeRequest: { req in
                        try await admin.signedForm(&req)
                        req.headers.replaceOrAdd(name: name, value: value)
                    }
                ) { res async in #expect(res.status == .forbidden, "\(name)") }
            }
            // Signed out: refused, and the forms send people to sign in first.
            try await app.testing().test(
                .POST, path,
                beforeRequest: { req in try req.content.encode(["_csrf": admin.csrf], as: .urlEncodedForm) }
            ) {
                res async in #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "/edit/cities/surabaya") { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/login?next=%2Fedit%2Fcities%2Fsurabaya")
            }
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool") { res async in
                #expect(!res.body.string.contains("/edit/partnerships/"))
                #expect(res.body.string.contains(#"href="/login""#))
            }
            #expect(try await app.kembarStore.repository.activity("sbylpl-2018-u14-football-delegation") != nil)
            // The same post from Kembar's own page goes through.
            try await app.testing().test(
                .POST, path,
                beforeRequest: { req in
                    try await admin.signedForm(&req)
                    req.headers.replaceOrAdd(name: "Sec-Fetch-Site", value: "same-origin")
                }
            ) { res async in #expect(res.status == .seeOther) }
            #expect(try await app.kembarStore.repository.activity("sbylpl-2018-u14-football-delegation") == nil)
        }
    }

    /// Shows the sign-in form and returns its token and the cookie that must come back with it.
    func signInForm(_ app: Application) async throws -> (token: String, cookie: String) {
        var result = ("", "")
        try await app.testing().test(.GET, "/login") { res async in
            let page = res.body.string
            result.0 =
                page.components(separatedBy: #"name="_csrf" value=""#).dropFirst().first?.components(separatedBy: "\"")
                .first ?? ""
            result.1 = res.headers.setCookie?[Request.formCookie]?.string ?? ""
            #expect(res.headers.first(name: .cacheControl) == "no-store")
        }
        return result
    }

    func postSignIn(
        _ app: Application, email: String, password: String, check: (TestingHTTPResponse) -> Void
    )
        async throws
    {
        let form = try await signInForm(app)
        try await app.testing().test(
            .POST, "/login?lang=en",
            beforeRequest: { req in
                try req.content.encode(
                    ["_csrf": form.token, "email": email, "password": password, "next": "/cities"], as: .urlEncodedForm)
                req.headers.replaceOrAdd(name: .cookie, value: "\(Request.formCookie)=\(form.cookie)")
            }, afterResponse: { res async in check(res) })
    }

    @Test(arguments: TestBackend.enabled)
    func signInIsThrottledAndSaysNothingAboutWhichPartWasWrong(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            _ = try await signIn(app, roles: [.editor(cities: ["surabaya"])], email: "ani@surabaya.go.id")
            var session = ""
            try await postSignIn(app, email: "ANI@surabaya.go.id ", password: Visitor.password) { res in
                #expect(res.status == .seeOther && res.headers.first(name: .location) == "/cities")
                let cookie = res.headers.setCookie?[Request.sessionCookie]
                session = cookie?.string ?? ""
                #expect(cookie?.isHTTPOnly == true && cookie?.sameSite == .lax)
            }
            try await app.testing().test(
                .GET, "/account?lang=en",
                beforeRequest: { req in req.headers.replaceOrAdd(name: .cookie, value: "kembar_session=\(session)") }
            ) { res async in
                #expect(res.body.string.contains("editor of Surabaya"))
                #expect(res.body.string.contains("Signed in as Test ani@surabaya.go.id"))
            }
            // A wrong password and an unknown address get the same words.
            var messages: [String] = []
            for (email, password) in [
                ("ani@surabaya.go.id", "wrong password"), ("nobody@example.org", "whatever it is"),
            ] {
                try await postSignIn(app, email: email, password: password) { res in
                    #expect(res.status == .ok)
                    messages.append(
                        res.body.string.contains("The e-mail address or password is not right.") ? "generic" : "other")
                }
            }
            #expect(messages == ["generic", "generic"])
            // After five failures in a quarter of an hour even the right password waits.
            for _ in 0..<4 {
                try await postSignIn(app, email: "ani@surabaya.go.id", password: "wrong again!") { _ in }
            }
            try await postSignIn(app, email: "ani@surabaya.go.id", password: Visitor.password) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Too many failed sign-ins"))
            }
            // A sign-in form posted without its cookie (from elsewhere) is refused.
            try await app.testing().test(
                .POST, "/login",
                beforeRequest: { req in
                    try req.content.encode(
                        ["_csrf": "x", "email": "ani@surabaya.go.id", "password": "p"], as: .urlEncodedForm)
                }
            ) { res async in #expect(res.status == .forbidden) }
            // Signing out ends the session on the server, not only in the browser.
            let admin = try await signIn(app)
            try await app.testing().test(.POST, "/logout", beforeRequest: admin.signedForm) { res async in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/account", beforeRequest: { req in admin.sign(&req) }) { res async in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aSessionMadeOnOneServerIsValidOnAnother(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            try await first.migrate()
            try await first.prepare(loadDemo: true)
            try await withApp(configure: { app in try configureKembar(app, store: first) }) { one in
                try await withApp(configure: { app in try configureKembar(app, store: second) }) { two in
                    let admin = try await signIn(one)
                    try await two.testing().test(.GET, "/account?lang=en", beforeRequest: { req in admin.sign(&req) }) {
                        res async in
                        #expect(res.status == .ok)
                        #expect(res.body.string.contains("administrator (everything)"))
                    }
                    let city = try #require(try await second.repository.formValues(.cities, key: "surabaya"))
                    try await two.testing().test(
                        .POST, "/edit/cities/surabaya",
                        beforeRequest: { req in
                            try req.content.encode(
                                admin.form(city.merging(["note": "Via the second server."]) { _, b in b }),
                                as: .urlEncodedForm)
                            admin.sign(&req)
                        }
                    ) { res async in #expect(res.status == .seeOther) }
                    #expect(try await first.repository.city("surabaya")?.note == "Via the second server.")
                }
            }
        }
    }

    @Test func theFirstAdministratorIsMadeOnceFromThisComputerOnly() async throws {
        try await withTestStore(.sqlite) { store in
            try await store.prepare(loadDemo: true)
            try await withApp(configure: { app in try configureKembar(app, store: store) }) { app in
                // In-memory test requests have no peer address: not loopback, so the page is closed.
                try await app.testing().test(.GET, "/setup?lang=en") { res async in
                    #expect(res.status == .forbidden)
                }
                // Over a real socket on loopback, while no user exists, it works — once.
                try await app.testing(method: .running(port: 0)).test(.GET, "/setup?lang=en") { res async in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("Create the first administrator"))
                    let token =
                        res.body.string.components(separatedBy: #"name="_csrf" value=""#).dropFirst().first?
                        .components(separatedBy: "\"").first ?? ""
                    let cookie = res.headers.setCookie?[Request.formCookie]?.string ?? ""
                    #expect(!token.isEmpty && token == cookie)
                }
                #expect(try await store.repository.userCount() == 0)
                try await app.testing(method: .running(port: 0)).test(
                    .POST, "/setup",
                    beforeRequest: { req in
                        try req.content.encode(
                            [
                                "_csrf": "t", "name": "Ibu Admin", "email": "admin@surabaya.go.id",
                                "new": "long enough pass", "again": "long enough pass",
                            ],
                            as: .urlEncodedForm)
                        req.headers.replaceOrAdd(name: .cookie, value: "\(Request.formCookie)=t")
                    }
                ) { res async in
                    // The client follows the redirect to the sign-in page.
                    #expect(res.body.string.contains("<h1>Sign in</h1>"))
                }
                let admin = try #require(try await store.repository.user(email: "admin@surabaya.go.id"))
                #expect(admin.isAdministrator && admin.passwordHash.hasPrefix("$2"))
                try await app.testing(method: .running(port: 0)).test(.GET, "/setup?lang=en") { res async in
                    #expect(res.status == .forbidden)
                }
            }
        }
    }
}

/// Personal API tokens: made on the account page and shown once, used as `Authorization: Bearer`, with the
/// account's roles, revocable.
@Suite struct TokenTests {
    @Test(arguments: TestBackend.enabled)
    func aTokenActsAsItsAccountUntilRevoked(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let editor = try await signIn(app, roles: [.editor(cities: ["liverpool"])], email: "lee@liverpool.gov.uk")
            var made = ""
            try await app.testing().test(
                .POST, "/account/tokens?lang=en",
                beforeRequest: { req in
                    try req.content.encode(editor.form(["name": "Nightly sync"]), as: .urlEncodedForm)
                    editor.sign(&req)
                }
            ) { res async in
                #expect(res.headers.first(name: .cacheControl) == "no-store")
                made =
                    res.body.string.components(separatedBy: #"<code id="new-token">"#).dropFirst().first?
                    .components(separatedBy: "<").first ?? ""
                #expect(res.body.string.contains("Nightly sync"))
            }
            let token = made
            #expect(token.hasPrefix("kmb_") && token.count > 40)
            let bearer: @Sendable (inout TestingHTTPRequest) -> Void = { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: token)
            }
            // The token is shown once: the account page lists it by name only.
            try await app.testing().test(.GET, "/account", beforeRequest: { req in editor.sign(&req) }) { res async in
                #expect(res.body.string.contains("Nightly sync") && !res.body.string.contains(token))
            }
            // A script writes with it — no form token, since no other site can send the header — as the account.
            let values = try #require(
                try await app.kembarStore.repository.formValues(.cities, key: "liverpool")
            ).merging(["note": "Synced."]) { _, b in b }
            try await app.testing().test(
                .POST, "/edit/cities/liverpool",
                beforeRequest: { req in
                    try req.content.encode(values, as: .urlEncodedForm)
                    bearer(&req)
                }
            ) { res async in #expect(res.status == .seeOther) }
            let change = try #require(try await app.kembarStore.repository.history(kind: "city", key: "liverpool").last)
            #expect(change.actor == "lee@liverpool.gov.uk" && change.channel == .api)
            // With the account's roles only.
            let surabaya = try #require(try await app.kembarStore.repository.formValues(.cities, key: "surabaya"))
            try await app.testing().test(
                .POST, "/edit/cities/surabaya",
                beforeRequest: { req in
                    try req.content.encode(surabaya, as: .urlEncodedForm)
                    bearer(&req)
                }
            ) { res async in #expect(res.status == .forbidden) }
            try await app.testing().test(.GET, "/api/v1/partnerships?limit=1", beforeRequest: bearer) { res async in
                #expect(res.status == .ok)
            }
            // A wrong token is refused, not read as public.
            try await app.testing().test(
                .GET, "/api/v1/partnerships",
                beforeRequest: { req in req.headers.bearerAuthorization = BearerAuthorization(token: "kmb_guess") }
            ) { res async in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("not valid or has been revoked"))
            }
            let tokens = try await app.kembarStore.repository.tokens(
                userID: try #require(try await app.kembarStore.repository.user(email: "lee@liverpool.gov.uk")).id)
            let id = try #require(tokens.first?.id)
            #expect(tokens.first?.lastUsedAt != nil)
            try await app.testing().test(.POST, "/account/tokens/\(id)/revoke", beforeRequest: editor.signedForm) {
                res async in #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/api/v1/partnerships", beforeRequest: bearer) { res async in
                #expect(res.status == .unauthorized)
            }
        }
    }
}

/// Personal data — an interviewee's name and office — is for signed-in readers only, on every page and in the API.
@Suite struct PersonalDataTests {
    @Test(arguments: TestBackend.enabled)
    func intervieweesAreNamedToSignedInReadersOnly(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let viewer = try await signIn(app, roles: [.viewer], email: "analyst@kemendagri.go.id")
            for path in [
                "/sources/interview-syaifani-2023", "/partnerships/surabaya-liverpool", "/sources",
                "/api/v1/sources/interview-syaifani-2023", "/api/v1/sources", "/partnerships/surabaya-liverpool/report",
                "/partnerships/surabaya-liverpool/export.json",
            ] {
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.status == .ok, "\(path)")
                    #expect(
                        !res.body.string.contains("Syaifani") && !res.body.string.contains("Bagian Hukum"), "\(path)")
                }
            }
            try await app.testing().test(
                .GET, "/sources/interview-syaifani-2023", beforeRequest: { req in viewer.sign(&req) }
            ) { res async in
                #expect(res.body.string.contains("Sasha Syaifani") && res.body.string.contains("Bagian Hukum"))
            }
        }
    }
}

/// Long texts fit a form; a body past the limit is refused in the reader's language, and a control character is
/// named beside its field.
@Suite struct FormLimitTests {
    @Test func longTextsAreSavedAndOversizedFormsExplained() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            var values = try #require(try await app.kembarStore.repository.formValues(.cities, key: "liverpool"))
            values["note"] = String(repeating: "Pelabuhan ", count: 1_900)
            let long = values
            try await app.testing().test(
                .POST, "/edit/cities/liverpool",
                beforeRequest: { req in
                    try req.content.encode(admin.form(long), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in #expect(res.status == .seeOther) }
            values["note"] = "Bell \u{7} rings"
            let bell = values
            try await app.testing().test(
                .POST, "/edit/cities/liverpool?lang=en",
                beforeRequest: { req in
                    try req.content.encode(admin.form(bell), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("the text holds a control character"))
                #expect(res.body.string.contains(#"id="e-note""#))
            }
            // A body that is not a form is refused in the reader's words, not the decoder's.
            for (type, body) in [
                ("application/json", #"{"_csrf": "\#(admin.csrf)", "key": 1}"#), ("text/plain", "key=x"),
            ] {
                try await app.testing().test(
                    .POST, "/edit/cities/liverpool?lang=id",
                    beforeRequest: { req in
                        admin.sign(&req)
                        req.headers.replaceOrAdd(name: .contentType, value: type)
                        req.body = ByteBuffer(string: body)
                    }
                ) { res async in
                    #expect(
                        res.status == (type == "text/plain" ? .forbidden : .badRequest), "\(type): \(res.body.string)")
                    if type == "application/json" {
                        #expect(res.body.string.contains("bukan formulir yang dapat dibaca Kembar"))
                    }
                    #expect(
                        !res.body.string.contains("Value of type") && !res.body.string.contains("decode"), "\(type)")
                }
            }
            values["note"] = String(repeating: "x", count: 1_100_000)
            let huge = values
            // Over a real socket: the limit applies as the body streams in.
            try await app.testing(method: .running(port: 0)).test(
                .POST, "/edit/cities/liverpool?lang=id",
                beforeRequest: { req in
                    try req.content.encode(admin.form(huge), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .payloadTooLarge)
                #expect(res.body.string.contains("lebih besar dari yang diterima Kembar"))
            }
        }
    }
}

/// Behind a proxy with a public https address: only that host is served, cookies are Secure, and a post must come
/// from that origin.
@Suite struct PublicAddressTests {
    @Test func onlyThePublicHostIsServedAndItsOriginMayPost() async throws {
        try await withTestStore(.sqlite) { store in
            try await store.prepare(loadDemo: true)
            let access = AccessOptions(publicURL: URL(string: "https://kembar.example.go.id"), passwordCost: 4)
            try await withApp(configure: { app in try configureKembar(app, store: store, access: access) }) { app in
                try await app.testing().test(
                    .GET, "/?lang=en",
                    beforeRequest: { req in req.headers.replaceOrAdd(name: .host, value: "evil.example") }
                ) { res async in
                    #expect(res.status == .misdirectedRequest)
                    #expect(res.body.string.contains("does not answer to that address"))
                }
                try await app.testing().test(
                    .GET, "/healthz",
                    beforeRequest: { req in req.headers.replaceOrAdd(name: .host, value: "10.0.0.7:8080") }
                ) { res async in #expect(res.status == .ok) }
                let host: @Sendable (inout TestingHTTPRequest) -> Void = { req in
                    req.headers.replaceOrAdd(name: .host, value: "kembar.example.go.id")
                }
                try await app.testing().test(.GET, "/login", beforeRequest: host) { res async in
                    #expect(res.status == .ok)
                    #expect(res.headers.setCookie?[Request.formCookie]?.isSecure == true)
                }
                let admin = try await signIn(app)
                for (origin, expected) in [
                    ("https://kembar.example.go.id", HTTPStatus.seeOther), ("http://kembar.example.go.id", .forbidden),
                ] {
                    try await app.testing().test(
                        .POST, "/logout",
                        beforeRequest: { req in
                            try await admin.signedForm(&req)
                            host(&req)
                            req.headers.replaceOrAdd(name: .origin, value: origin)
                        }
                    ) { res async in #expect(res.status == expected, "\(origin)") }
                }
            }
        }
    }
}

/// The authorization point in storage, for every write path (the command line passes a grant too).
@Suite struct GrantTests {
    @Test(arguments: TestBackend.enabled)
    func importsAndDeletesAreCheckedInsideTheWrite(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            let surabaya = WriteContext(actor: "ani", channel: .importer, grant: Grant([.editor(cities: ["surabaya"])]))
            var activity = try #require(try await repository.activity("sbylpl-2018-u14-football-delegation"))
            activity.note = "From Surabaya."
            try await repository.importBatch(ImportBatch(Dataset(activities: [activity])), as: surabaya)
            // A field is shared vocabulary: administrators only.
            let field = try #require(try await repository.fields().first)
            await #expect(throws: NotPermitted.self) {
                try await repository.importBatch(ImportBatch(Dataset(fields: [field])), as: surabaya)
            }
            // A new partnership of Surabaya with a city of its choice may be made, with its activities in one file.
            let partnership = Partnership(
                id: "surabaya-kitakyushu-youth", kind: .sisterCity, city: "surabaya", partnerCity: "kitakyushu",
                stage: .exploration, sources: [])
            var child = activity
            child.id = "sbykky-2024-visit"
            child.partnership = "surabaya-kitakyushu-youth"
            child.delivers = []
            try await repository.importBatch(
                ImportBatch(Dataset(partnerships: [partnership], activities: [child])), as: surabaya)
            let liverpoolOnly = WriteContext(
                actor: "lee", channel: .importer, grant: Grant([.editor(cities: ["liverpool"])]))
            await #expect(throws: NotPermitted.self) {
                try await repository.delete(.activities, key: "sbykky-2024-visit", as: liverpoolOnly)
            }
            #expect(try await repository.activity("sbykky-2024-visit") != nil)
            try await repository.delete(.activities, key: "sbykky-2024-visit", as: surabaya)
            #expect(try await repository.activity("sbykky-2024-visit") == nil)
            #expect(
                Role.list("editor:surabaya,liverpool;admin;nonsense;editor:") == [
                    .editor(cities: ["surabaya", "liverpool"]), .administrator,
                ])
        }
    }
}

/// The server takes on a bounded amount of work: beyond it, a 503 in the reader's language asks to retry, and
/// `/healthz` still answers.
@Suite struct AdmissionTests {
    @Test func requestsBeyondTheLimitAreAskedToRetry() async throws {
        try await withApp(configure: { app in
            app.middleware = Middlewares()
            app.middleware.use(KembarErrorMiddleware())
            app.middleware.use(AdmissionMiddleware(requests: 2, imports: 1))
            app.get("slow") { _ async throws -> String in
                try await Task.sleep(for: .milliseconds(400))
                return "done"
            }
            app.post("import") { _ async throws -> String in
                try await Task.sleep(for: .milliseconds(400))
                return "imported"
            }
            app.get("healthz") { _ in "ok" }
        }) { app in
            func status(_ method: HTTPMethod, _ path: String) async throws -> (HTTPStatus, String?, String) {
                var answer: (HTTPStatus, String?, String) = (.ok, nil, "")
                try await app.testing().test(method, path) { res async in
                    answer = (res.status, res.headers.first(name: "Retry-After"), res.body.string)
                }
                return answer
            }
            // Two imports at once: one is checked, the other asked to come back.
            async let first = status(.POST, "/import?lang=en")
            async let second = status(.POST, "/import?lang=en")
            let imports = try await [first, second].map(\.0)
            #expect(imports.sorted { $0.code < $1.code } == [.ok, .serviceUnavailable])
            // Three requests at once with room for two; /healthz answers all the same.
            async let a = status(.GET, "/slow?lang=id")
            async let b = status(.GET, "/slow?lang=id")
            async let c = status(.GET, "/slow?lang=id")
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await status(.GET, "/healthz").0 == .ok)
            let answers = try await [a, b, c]
            let refused = try #require(answers.first { $0.0 == .serviceUnavailable })
            #expect(answers.filter { $0.0 == .ok }.count == 2)
            #expect(refused.1 == "5" && refused.2.contains("Kembar sedang melayani permintaan lain"))
            // Places are given back: the next request is served.
            #expect(try await status(.GET, "/slow").0 == .ok)
        }
    }
}
