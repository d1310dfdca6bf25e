import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// A backup holds every record with its version and the whole change log; restoring it reproduces the database.
@Suite struct BackupTests {
    @Test(arguments: TestBackend.enabled)
    func aBackupRestoresIntoAnEmptyDatabase(backend: TestBackend) async throws {
        let (file, links) = try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            var activity = try #require(try await store.repository.activity("sbylpl-2020-trfc-coaching-clinic"))
            activity.note = "Edited before the backup."
            try await store.repository.importBatch(
                ImportBatch(Dataset(activities: [activity])), as: WriteContext(actor: "alice", channel: .cli))
            try await store.repository.delete(.activities, key: "sbylpl-2022-09-02-sightbox-book")
            let ani = try await store.repository.addUser(
                name: "Ani", email: "ani@surabaya.go.id", language: .id, roles: [.editor(cities: ["surabaya"])],
                passwordHash: "$2b$04$notarealhashbutkeptasis", as: WriteContext(actor: "alice", channel: .cli))
            try await store.repository.createSession(
                tokenHash: "secret-session", userID: ani.id, csrf: "secret-token", now: 0, lifetime: 1e12)
            return (try await store.repository.backup().encoded(), try await Self.links(store))
        }
        let backup = try Backup.decode(file)
        #expect(backup.changes.last?.kind == "user" && backup.changes.contains { $0.actor == "alice" })
        #expect(!String(decoding: file, as: UTF8.self).contains("secret-"), "sessions are never in a backup")
        try await withTestStore(backend) { store in
            #expect(try await store.repository.restore(backup) == backup.records.count)
            let again = try await store.repository.backup()
            #expect(again.records == backup.records, "every record with its version")
            #expect(again.changes.map(\.action) == backup.changes.map(\.action))
            #expect(again.changes.map(\.after) == backup.changes.map(\.after))
            #expect(again.changes.map(\.actor) == backup.changes.map(\.actor))
            let clinic = try await store.repository.activity("sbylpl-2020-trfc-coaching-clinic")
            #expect(clinic?.note == "Edited before the backup.")
            #expect(try await store.repository.version(.activities, key: "sbylpl-2020-trfc-coaching-clinic") == 2)
            #expect(try await store.repository.activity("sbylpl-2022-09-02-sightbox-book") == nil)
            // What refers to what comes back too — planned actions' and documents' references included — so a record
            // still referred to cannot be deleted after a restore either.
            #expect(try await Self.links(store) == links)
            #expect(links.contains { $0.hasPrefix("action/") })
            // Accounts come back able to sign in (the same hash and roles), without their sessions.
            let ani = try #require(try await store.repository.user(email: "ani@surabaya.go.id"))
            #expect(
                ani.roles == [.editor(cities: ["surabaya"])] && ani.passwordHash == "$2b$04$notarealhashbutkeptasis")
            #expect(try await store.repository.session(tokenHash: "secret-session", now: 1) == nil)
            // A database that holds anything is never restored over.
            await #expect(throws: Repository.NotEmpty.self) { try await store.repository.restore(backup) }
        }
        #expect(throws: InvalidInput.self) { try Backup.decode(Data(#"{"format": "kembar-dataset"}"#.utf8)) }
    }

    /// Every row of the links table, as `from-kind/from-key → to-kind/to-key (internal)`, sorted.
    static func links(_ store: KembarStore) async throws -> [String] {
        let rows = try await store.repository.sql.raw(
            "SELECT from_kind, from_key, to_kind, to_key, internal FROM \(ident: Derived.links)"
        ).all()
        return try rows.map { row in
            let from =
                try row.decode(column: "from_kind", as: String.self) + "/"
                + row.decode(column: "from_key", as: String.self)
            let to =
                try row.decode(column: "to_kind", as: String.self) + "/"
                + row.decode(column: "to_key", as: String.self)
            return "\(from) → \(to) (\(try row.decode(column: "internal", as: Int.self)))"
        }.sorted()
    }
}
