import FluentKit

/// Creates the `records` table.
struct CreateRecords: AsyncMigration {
    var name: String { "kembar-001-records" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EntityRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("partnership", .string)
            .field("city", .string)
            .field("sort_date", .string)
            .field("document", .string, .required)
            .unique(on: "kind", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EntityRecord.schema).delete()
    }
}
