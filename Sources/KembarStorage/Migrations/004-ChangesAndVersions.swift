import FluentKit
import FluentSQL

/// The append-only change log, and a version on every record: the history, the audit trail, what servers sharing a
/// database refresh from, and the base of optimistic concurrency.
struct CreateChangesAndVersions: AsyncMigration {
    var name: String { "kembar-004-changes-and-versions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ChangeRecord.schema)
            .field("seq", .int, .identifier(auto: true))
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("channel", .string, .required)
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("action", .string, .required)
            .field("version", .int, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await database.schema(EntityRecord.schema)
            .field("version", .int, .required, .sql(.default(1)))
            .update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "changes_kind_key").on(ChangeRecord.schema).column("kind").column("key").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChangeRecord.schema).delete()
        try await database.schema(EntityRecord.schema).deleteField("version").update()
    }
}
