import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// A backup holds every record with its version and the whole change log; restoring it reproduces the database.
@Suite struct BackupTests {
    @Test(arguments: TestBackend.enabled)
    func aBackupRestoresIntoAnEmptyDatabase(backend: TestBackend) async throws {
        let file = try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            var activity = try #require(try await store.repository.activity("sbylpl-2020-trfc-coaching-clinic"))
            activity.note = "Edited before the backup."
            try await store.repository.importBatch(
                ImportBatch(Dataset(activities: [activity])), as: WriteContext(actor: "alice", channel: .cli))
            try await store.repository.delete(.activities, key: "sbylpl-2022-09-02-sightbox-book")
            return try await store.repository.backup().encoded()
        }
        let backup = try Backup.decode(file)
        #expect(backup.changes.last?.actor == "web" && backup.changes.contains { $0.actor == "alice" })
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
            // A database that holds anything is never restored over.
            await #expect(throws: Repository.NotEmpty.self) { try await store.repository.restore(backup) }
        }
        #expect(throws: InvalidInput.self) { try Backup.decode(Data(#"{"format": "kembar-dataset"}"#.utf8)) }
    }
}
