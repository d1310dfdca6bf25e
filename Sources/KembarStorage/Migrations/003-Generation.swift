import FluentKit

/// The one-row generation counter of schema version 3; the change log of migration 004 replaced it.
struct CreateGeneration: AsyncMigration {
    var name: String { "kembar-003-generation" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GenerationRecord.schema).id().field("value", .int, .required).create()
        try await GenerationRecord(value: 0).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GenerationRecord.schema).delete()
    }
}
