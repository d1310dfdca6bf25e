import FluentKit
import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// Migrating is an explicit, locked step; the schema's state is read without changing anything.
@Suite struct SchemaTests {
    @Test(arguments: TestBackend.enabled)
    func twoServersStartingTogetherSeedOnce(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            #expect(try await first.schemaState() == .new)
            async let a = first.prepare(loadDemo: true)
            async let b = second.prepare(loadDemo: true)
            let loaded = try await [a, b]
            #expect(loaded.filter { $0 }.count == 1, "exactly one of the two loads the bundled data")
            #expect(try await first.schemaState() == .current)
            let counts = try await second.repository.counts()
            #expect(counts["activity"] == 8 && counts["partnership"] == 2)
            let records = counts.values.reduce(0, +)
            #expect(try await first.repository.changes(after: 0, limit: 10_000).count == records)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func anOlderSchemaIsBehindUntilMigratedAndKeepsItsRecords(backend: TestBackend) async throws {
        try await withTwoStores(backend) { store, _ in
            // The schema of the previous Kembar: the first three migrations, with a record written then.
            let migrations = Migrations()
            migrations.add(Array(KembarStore.migrationList.prefix(3)))
            let migrator = Migrator(
                databases: store.databases, migrations: migrations, logger: store.logger,
                on: store.eventLoopGroup.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            try await RecordWithoutVersion(
                kind: "field", key: "tourism", document: #"{"id":"tourism","name":{"en":"Tourism"}}"#
            ).create(on: store.database)
            #expect(
                try await store.schemaState()
                    == .behind(pending: KembarStore.migrationList.dropFirst(3).map(\.name)))

            try await store.migrate()
            #expect(try await store.schemaState() == .current)
            let field = try await store.repository.fields().first
            #expect(field?.id == "tourism")
            // Migration 005 rewrote the old document in the current format, with its label.
            let page = try await store.repository.referenceChoices(.fields, limit: 10, language: .en)
            #expect(page.choices.map(\.label) == ["Tourism"])
            // The record written before versions existed is version 1; its first edit makes it 2 and is logged.
            try await store.repository.importDataset(
                Dataset(fields: [Field(id: "tourism", name: LocalizedText(en: "Tourism", id: "Pariwisata"))]))
            let history = try await store.repository.history(kind: "field", key: "tourism")
            #expect(history.map(\.version) == [2] && history[0].before?.contains("Tourism") == true)
        }
    }

    @Test func aNewDatabaseIsNewAndReadingItChangesNothing() async throws {
        try await withTwoStores(.sqlite) { store, _ in
            let first = try await store.schemaState()
            let again = try await store.schemaState()
            #expect(first == .new && again == .new)
        }
    }
}

/// A row of `records` as the schema before migration 004 had it.
final class RecordWithoutVersion: Model, @unchecked Sendable {
    static let schema = "records"
    @ID(key: .id) var id: UUID?
    @FieldProperty<RecordWithoutVersion, String>(key: "kind") var kind: String
    @FieldProperty<RecordWithoutVersion, String>(key: "key") var key: String
    @FieldProperty<RecordWithoutVersion, String>(key: "document") var document: String

    init() {}

    init(kind: String, key: String, document: String) {
        self.kind = kind
        self.key = key
        self.document = document
    }
}
