import Foundation
import KembarCore
import KembarTestSupport
import NIOPosix
import Testing

@testable import KembarStorage

/// Parallel editors on one database: every save either succeeds or is refused as stale or taken — nothing lost,
/// nothing hung, no server error.
@Suite struct ConcurrencyTests {
    static let key = "sbylpl-2020-trfc-coaching-clinic"

    @Test(arguments: TestBackend.enabled)
    func editorsSavingOneRecordAtOnceGetOneWinnerAndStaleRefusals(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            try await first.prepare(loadDemo: true)
            let version = try #require(try await first.repository.version(.activities, key: Self.key))
            let base = try #require(try await first.repository.formValues(.activities, key: Self.key))
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for editor in 0..<8 {
                    let store = editor % 2 == 0 ? first : second
                    var values = base
                    values["note"] = "edited by editor \(editor)"
                    group.addTask {
                        do {
                            try await store.repository.save(
                                .activities, values: values, creating: false,
                                as: WriteContext(actor: "editor \(editor)", channel: .form), basedOn: version)
                            return "saved"
                        } catch let stale as Repository.StaleWrite {
                            return stale.current == version + 1 && stale.latest?.actor.hasPrefix("editor") == true
                                ? "stale" : "stale without its author"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "saved" }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "stale" }.count == 7, "\(outcomes)")
            let history = try await first.repository.history(kind: "activity", key: Self.key)
            #expect(history.filter { $0.action == .update }.count == 1)
            let stored = try #require(try await second.repository.activity(ActivityKey(Self.key)))
            #expect(stored.note == "edited by \(history.last?.actor ?? "")")
        }
    }

    @Test(arguments: TestBackend.enabled)
    func creatingOneKeyAtOnceGivesOneRecordAndTakenKeys(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            try await first.prepare(loadDemo: true)
            var draft = try #require(try await first.repository.formValues(.activities, key: Self.key))
            draft["key"] = "sbylpl-2024-new"
            let values = draft
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for editor in 0..<6 {
                    let store = editor % 2 == 0 ? first : second
                    group.addTask {
                        do {
                            try await store.repository.save(.activities, values: values, creating: true)
                            return "saved"
                        } catch let error as InvalidInput where error.violations.map(\.rule) == [.keyDuplicated] {
                            return "taken"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.sorted() == ["saved", "taken", "taken", "taken", "taken", "taken"])
            #expect(try await first.repository.history(kind: "activity", key: "sbylpl-2024-new").count == 1)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func twoServersImportingAtOnceBothWrite(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            try await first.prepare(loadDemo: true)
            let clinic = try #require(try await first.repository.activity(ActivityKey(Self.key)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<10 {
                    var copy = clinic
                    copy.id = ActivityKey("parallel-\(n)")
                    let store = n % 2 == 0 ? first : second
                    group.addTask { try await store.repository.importDataset(Dataset(activities: [copy])) }
                }
                try await group.waitForAll()
            }
            let all = try await second.repository.activities(of: "surabaya-liverpool")
            #expect(all.filter { $0.id.rawValue.hasPrefix("parallel-") }.count == 10)
        }
    }

    /// A delete based on a version someone has since saved over deletes nothing and says who saved it.
    @Test(arguments: TestBackend.enabled)
    func aDeleteBasedOnAnOldVersionIsRefusedAsStale(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            try await first.prepare(loadDemo: true)
            let read = try #require(try await first.repository.version(.activities, key: Self.key))
            var values = try #require(try await second.repository.formValues(.activities, key: Self.key))
            values["note"] = "edited before the delete"
            try await second.repository.save(
                .activities, values: values, creating: false, as: WriteContext(actor: "editor", channel: .form),
                basedOn: read)
            await #expect(throws: Repository.StaleWrite.self) {
                try await first.repository.delete(.activities, key: Self.key, basedOn: read)
            }
            #expect(try await first.repository.activity(ActivityKey(Self.key)) != nil)
            try await first.repository.delete(.activities, key: Self.key, basedOn: read + 1)
            #expect(try await first.repository.activity(ActivityKey(Self.key)) == nil)
        }
    }

    /// One server on an SQLite file with an event loop per core, as `kembar serve` runs: its connections' writers
    /// queue in the process, so two dozen saves at once all land (before, a writer's busy wait held the thread the
    /// writer ahead of it needed, and both failed as "database is locked" after the busy timeout).
    @Test func oneServersWritersAtOnceAllLandOnAnSQLiteFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-shm", "-wal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let store = try KembarStore.open(.sqliteFile(path: path), eventLoopGroup: group)
        try await store.prepare(loadDemo: true)
        let outcomes = try await withThrowingTaskGroup(of: String.self) { tasks in
            for n in 0..<24 {
                tasks.addTask {
                    if n % 4 == 3 { return try await store.repository.city("surabaya") == nil ? "lost" : "read" }
                    let field = Field(id: FieldKey("parallel-\(n)"), name: LocalizedText(en: "Field \(n)"))
                    _ = try await store.repository.importBatch(
                        ImportBatch(Dataset(fields: [field])), as: WriteContext(actor: "editor \(n)", channel: .api))
                    return "saved"
                }
            }
            return try await tasks.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == "saved" }.count == 18 && outcomes.filter { $0 == "read" }.count == 6)
        #expect(try await store.repository.fields().filter { $0.id.rawValue.hasPrefix("parallel-") }.count == 18)
        await store.close()
        try await group.shutdownGracefully()
    }
}
