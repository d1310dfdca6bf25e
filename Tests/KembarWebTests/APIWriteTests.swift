import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Writing through the API: one record in the dataset format, with a personal token, validated, authorized and
/// logged like a form's save; a stale version is refused, never lost.
@Suite struct APIWriteTests {
    /// A personal API token of a new account with `roles`, made as a person would, on the account page.
    static func token(_ app: Application, roles: [Role], email: String) async throws -> String {
        let visitor = try await signIn(app, roles: roles, email: email)
        var made = ""
        try await app.testing().test(
            .POST, "/account/tokens?lang=en",
            beforeRequest: { req in
                try req.content.encode(visitor.form(["name": "sync"]), as: .urlEncodedForm)
                visitor.sign(&req)
            }
        ) { res async in
            made =
                res.body.string.components(separatedBy: #"<code id="new-token">"#).dropFirst().first?
                .components(separatedBy: "<").first ?? ""
        }
        return made
    }

    static func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, _ body: String?, token: String?,
        ifMatch: String? = nil
    ) async throws -> (HTTPStatus, HTTPHeaders, [String: Any]) {
        var result: (HTTPStatus, HTTPHeaders, [String: Any]) = (.internalServerError, [:], [:])
        try await app.testing().test(
            method, path,
            beforeRequest: { req in
                if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
                if let ifMatch { req.headers.replaceOrAdd(name: .ifMatch, value: ifMatch) }
                if let body {
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: body)
                }
            }
        ) { res async in
            result = (
                res.status, res.headers,
                (try? JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any]) ?? [:]
            )
        }
        return result
    }

    static let youth =
        #"{"id": "lcc-youth", "name": {"en": "Liverpool Youth Service"}, "kind": "government-office", "country": "GB"}"#

    @Test(arguments: TestBackend.enabled)
    func aRecordIsCreatedChangedAtItsVersionAndDeleted(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await Self.token(app, roles: [.administrator], email: "api@example.org")
            let (created, headers, body) = try await Self.send(
                app, .POST, "/api/v1/organisations", Self.youth, token: admin)
            #expect(created == .created && body["key"] as? String == "lcc-youth" && body["version"] as? Int == 1)
            #expect(headers.first(name: .eTag) == "\"1\"")
            let history = try await app.kembarStore.repository.history(kind: "organisation", key: "lcc-youth")
            #expect(history.count == 1 && history.first?.channel == .api)

            // The same key again, a field Kembar does not read, a rule broken: 422, each problem located.
            let (again, _, duplicate) = try await Self.send(
                app, .POST, "/api/v1/organisations", Self.youth, token: admin)
            #expect(again == .unprocessableEntity)
            #expect((duplicate["errors"] as? [[String: Any]])?.first?["rule"] as? String == "key-duplicated")
            let (unknown, _, problem) = try await Self.send(
                app, .POST, "/api/v1/cities",
                #"{"id": "x", "name": {"en": "X"}, "country": "QQ", "adminLevel": "city", "mayor": "?"}"#,
                token: admin)
            #expect(unknown == .unprocessableEntity)
            let rules = Set(((problem["errors"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
            #expect(rules.contains("field-unknown"), "\(problem)")
            #expect(
                ((problem["errors"] as? [[String: Any]]) ?? []).allSatisfy {
                    !($0["location"] as? String ?? "").isEmpty || !($0["field"] as? String ?? "").isEmpty
                })

            // A change needs the version read; a second change from the same version is refused.
            let renamed = Self.youth.replacingOccurrences(of: "Liverpool Youth Service", with: "Youth Service")
            #expect(
                try await Self.send(app, .PUT, "/api/v1/organisations/lcc-youth", renamed, token: admin).0
                    == .preconditionRequired)
            let (changed, _, second) = try await Self.send(
                app, .PUT, "/api/v1/organisations/lcc-youth", renamed, token: admin, ifMatch: "\"1\"")
            #expect(changed == .ok && second["version"] as? Int == 2)
            #expect(
                try await Self.send(
                    app, .PUT, "/api/v1/organisations/lcc-youth", Self.youth, token: admin, ifMatch: "\"1\""
                ).0 == .preconditionFailed)
            #expect(try await app.kembarStore.repository.organisation("lcc-youth")?.name.en == "Youth Service")
            // The key in the address and in the body must agree.
            #expect(
                try await Self.send(
                    app, .PUT, "/api/v1/organisations/st-vincents-school", renamed, token: admin, ifMatch: "1"
                ).0
                    == .unprocessableEntity)

            // Deleted at its version; a record others refer to is not.
            #expect(
                try await Self.send(
                    app, .DELETE, "/api/v1/organisations/lcc-youth", nil, token: admin, ifMatch: "\"1\""
                ).0
                    == .preconditionFailed)
            #expect(
                try await Self.send(
                    app, .DELETE, "/api/v1/organisations/lcc-youth", nil, token: admin, ifMatch: "\"2\""
                ).0
                    == .noContent)
            #expect(try await app.kembarStore.repository.organisation("lcc-youth") == nil)
            #expect(
                try await Self.send(app, .DELETE, "/api/v1/cities/liverpool", nil, token: admin).0
                    == .unprocessableEntity)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func writesAreAuthorizedLikeForms(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            // No token: refused, nothing written.
            #expect(try await Self.send(app, .POST, "/api/v1/organisations", Self.youth, token: nil).0 == .forbidden)
            #expect(try await app.kembarStore.repository.organisation("lcc-youth") == nil)
            // An editor of Liverpool may not change Surabaya; a viewer may not write at all.
            let editor = try await Self.token(
                app, roles: [.editor(cities: ["liverpool"])], email: "lee@liverpool.gov.uk")
            var surabaya = try #require(try await app.kembarStore.repository.city("surabaya"))
            surabaya.note = "changed by Liverpool"
            let json = String(decoding: try JSONEncoder().encode(surabaya), as: UTF8.self)
            let version = try #require(try await app.kembarStore.repository.version(.cities, key: "surabaya"))
            #expect(
                try await Self.send(app, .PUT, "/api/v1/cities/surabaya", json, token: editor, ifMatch: "\(version)").0
                    == .forbidden)
            let viewer = try await Self.token(app, roles: [.viewer], email: "view@example.org")
            #expect(try await Self.send(app, .POST, "/api/v1/organisations", Self.youth, token: viewer).0 == .forbidden)
            // Documents come with their files, through their record's page.
            let admin = try await Self.token(app, roles: [.administrator], email: "api@example.org")
            #expect(try await Self.send(app, .POST, "/api/v1/documents", "{}", token: admin).0 == .methodNotAllowed)
            #expect(try await Self.send(app, .POST, "/api/v1/nothing", "{}", token: admin).0 == .notFound)
            #expect(try await Self.send(app, .POST, "/api/v1/cities", "[1, 2]", token: admin).0 == .unprocessableEntity)
        }
    }

    /// A client reads a record as it is written, with the version its partnership's answer also gives, changes it and
    /// sends it back at that version — the round trip of a sync, with nothing else to know.
    @Test(arguments: TestBackend.enabled)
    func aRecordReadAsWrittenGoesBackAtItsVersion(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let key = "sbylpl-2020-trfc-coaching-clinic"
            let (_, _, partnership) = try await Self.send(
                app, .GET, "/api/v1/partnerships/surabaya-liverpool", nil, token: nil)
            let listed = try #require(
                (partnership["activities"] as? [[String: Any]])?.first { $0["key"] as? String == key })
            let (status, _, read) = try await Self.send(app, .GET, "/api/v1/activities/\(key)", nil, token: nil)
            var record = try #require(read["record"] as? [String: Any])
            #expect(status == .ok && read["version"] as? Int == 1 && listed["version"] as? Int == 1)
            #expect(record["id"] as? String == key && record["partnership"] as? String == "surabaya-liverpool")
            record["note"] = "Synced from the ministry's copy."
            let body = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
            let admin = try await Self.token(app, roles: [.administrator], email: "sync@example.org")
            let (changed, _, written) = try await Self.send(
                app, .PUT, "/api/v1/activities/\(key)", body, token: admin, ifMatch: "\"1\"")
            #expect(changed == .ok && written["version"] as? Int == 2)
            let (_, _, again) = try await Self.send(app, .GET, "/api/v1/activities/\(key)", nil, token: nil)
            #expect(again["version"] as? Int == 2)
            #expect((again["record"] as? [String: Any])?["note"] as? String == "Synced from the ministry's copy.")
            #expect(try await Self.send(app, .GET, "/api/v1/activities/nowhere", nil, token: nil).0 == .notFound)
        }
    }
}
