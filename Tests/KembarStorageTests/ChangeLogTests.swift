import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// Every write appends to the change log — who, when, through what, the record before and after — and bumps the
/// record's version.
@Suite struct ChangeLogTests {
    @Test(arguments: TestBackend.enabled)
    func everyWriteIsRecordedWithItsActorAndDocuments(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            let seeded = try await repository.changes(after: 0, limit: 10_000)
            let records = try await repository.counts().values.reduce(0, +)
            #expect(seeded.count == records && seeded.allSatisfy { $0.action == .create && $0.actor == "kembar" })
            #expect(seeded.allSatisfy { $0.channel == .seed && $0.version == 1 && $0.before == nil })
            let start = try await repository.latestSequence()

            // A form creates, an import by Alice updates, a form deletes.
            var values = try #require(
                try await repository.formValues(.activities, key: "sbylpl-2020-trfc-coaching-clinic"))
            values["key"] = "sbylpl-2024-follow-up"
            try await repository.save(.activities, values: values, creating: true)
            var activity = try #require(try await repository.activity("sbylpl-2024-follow-up"))
            activity.note = "Dates from the club."
            try await repository.importBatch(
                ImportBatch(Dataset(activities: [activity])), as: WriteContext(actor: "alice", channel: .cli))
            // An unchanged re-import writes nothing and logs nothing.
            try await repository.importBatch(ImportBatch(Dataset(activities: [activity])))
            try await repository.delete(.activities, key: "sbylpl-2024-follow-up")

            let history = try await repository.history(kind: "activity", key: "sbylpl-2024-follow-up")
            #expect(history.map(\.action) == [.create, .update, .delete])
            #expect(history.map(\.version) == [1, 2, 2])
            #expect(history.map(\.actor) == ["web", "alice", "web"])
            #expect(history.map(\.channel) == [.form, .cli, .form])
            #expect(history[0].before == nil && history[0].after?.contains("sbylpl-2024-follow-up") == true)
            #expect(history[1].before == history[0].after)
            #expect(history[1].after?.contains("Dates from the club.") == true)
            #expect(history[2].before == history[1].after && history[2].after == nil)
            #expect(history.map(\.sequence) == history.map(\.sequence).sorted() && history[0].sequence > start)
            #expect(history.allSatisfy { $0.at.hasSuffix("Z") && $0.at.count == 20 })
            #expect(try await repository.latestSequence() == history[2].sequence)

            // Deleting a partnership logs each record it takes with it: 2 agreements, 4 milestones, 4 planned actions
            // and 8 activities.
            try await repository.delete(.partnerships, key: "surabaya-liverpool")
            let gone = try await repository.changes(after: history[2].sequence, limit: 100)
            #expect(gone.count == 1 + 2 + 4 + 4 + 8 && gone.allSatisfy { $0.action == .delete && $0.before != nil })
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aDryRunLogsNothing(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let before = try await store.repository.latestSequence()
            var activity = try #require(try await store.repository.activity("sbylpl-2020-trfc-coaching-clinic"))
            activity.note = "x"
            try await store.repository.importBatch(ImportBatch(Dataset(activities: [activity])), dryRun: true)
            #expect(try await store.repository.latestSequence() == before)
        }
    }
}
