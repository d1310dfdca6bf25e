import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Accounts managed from the web: a city administrator adds and changes the editors of their own cities, nothing
/// more; an administrator manages everyone.
@Suite struct UsersTests {
    @Test(arguments: TestBackend.enabled)
    func aCityAdministratorManagesTheEditorsOfTheirCitiesOnly(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            let surabaya = try await signIn(
                app, roles: [.cityAdministrator(cities: ["surabaya"])], email: "head@surabaya.go.id")
            _ = try await signIn(app, roles: [.editor(cities: ["liverpool"])], email: "lee@liverpool.gov.uk")
            // The page lists the accounts they manage: not Liverpool's editor, not themselves (a city administrator).
            try await app.testing().test(.GET, "/users?lang=en", beforeRequest: { req in surabaya.sign(&req) }) {
                res async in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("lee@liverpool.gov.uk"))
            }
            // They add an editor of Surabaya; the temporary password is shown once and signs in.
            let added = try await post(
                app, "/users?lang=en", ["name": "Budi", "email": "budi@surabaya.go.id", "roles": "editor:surabaya"],
                as: surabaya)
            #expect(added.status == .ok)
            let password = try #require(
                added.body.string.components(separatedBy: "account page: ").dropFirst().first?
                    .components(separatedBy: "<").first)
            let budi = try #require(try await repository.user(email: "budi@surabaya.go.id"))
            #expect(budi.roles == [.editor(cities: ["surabaya"])])
            #expect(try Bcrypt.verify(password, created: budi.passwordHash))
            // … but cannot make an editor of Liverpool, an administrator, or change Liverpool's editor.
            for roles in ["editor:liverpool", "admin", "city-admin:surabaya"] {
                let refused = try await post(
                    app, "/users?lang=en", ["name": "X", "email": "x\(roles.count)@example.org", "roles": roles],
                    as: surabaya)
                #expect(refused.status == .forbidden, "\(roles)")
            }
            let lee = try #require(try await repository.user(email: "lee@liverpool.gov.uk"))
            #expect(
                try await post(app, "/users/\(lee.id)/roles?lang=en", ["roles": "viewer"], as: surabaya).status
                    == .forbidden)
            #expect(try await repository.user(email: "lee@liverpool.gov.uk")?.roles == [.editor(cities: ["liverpool"])])
            // Changing Budi's roles within Surabaya is theirs; a city Kembar lacks is named.
            #expect(
                try await post(app, "/users/\(budi.id)/roles?lang=en", ["roles": "viewer"], as: surabaya).status == .ok)
            #expect(try await repository.user(email: "budi@surabaya.go.id")?.roles == [.viewer])
            let unknown = try await post(
                app, "/users/\(budi.id)/roles?lang=en", ["roles": "editor:atlantis"], as: surabaya)
            #expect(unknown.body.string.contains("names a city Kembar does not have"))
            // Every account change is in the log, by who made it.
            let log = try await repository.audit(AuditQuery(kind: "user", key: "budi@surabaya.go.id"))
            #expect(log.map(\.actor) == ["head@surabaya.go.id", "head@surabaya.go.id"])
            // An editor may not open the page at all; an administrator sees everyone.
            let editor = try await signIn(app, email: "lee@liverpool.gov.uk")
            try await app.testing().test(.GET, "/users", beforeRequest: { req in editor.sign(&req) }) { res async in
                #expect(res.status == .forbidden)
            }
            let admin = try await signIn(app)
            try await app.testing().test(.GET, "/users", beforeRequest: { req in admin.sign(&req) }) { res async in
                #expect(
                    res.body.string.contains("lee@liverpool.gov.uk") && res.body.string.contains("head@surabaya.go.id"))
            }
            #expect(
                Management.mayAssign(
                    [.editor(cities: ["surabaya"]), .viewer],
                    by: [.cityAdministrator(cities: ["surabaya", "liverpool"])]))
            #expect(
                !Management.mayAssign(
                    [.editor(cities: ["surabaya", "kitakyushu"])], by: [.cityAdministrator(cities: ["surabaya"])]))
        }
    }
}
