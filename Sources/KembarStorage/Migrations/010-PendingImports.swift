import FluentKit
import FluentSQL

/// Files a browser import has previewed and waits to write on confirmation: kept in the database (every server
/// behind a proxy sees them), each belonging to the account that uploaded it, for an hour at most.
struct CreatePendingImports: AsyncMigration {
    var name: String { "kembar-010-pending-imports" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PendingFileRecord.schema)
            .field("id", .int, .identifier(auto: true))
            .field("batch", .string, .required)
            .field("user_id", .int, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .double, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "pending_files_batch").on(PendingFileRecord.schema).column("batch").run()
        try await sql.create(index: "pending_files_created").on(PendingFileRecord.schema).column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingFileRecord.schema).delete()
    }
}
