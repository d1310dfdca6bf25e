import FluentKit
import FluentSQL

/// Personal API tokens: for scripts and the JSON API, each a user's, stored only as a hash, revocable.
struct CreateApiTokens: AsyncMigration {
    var name: String { "kembar-008-api-tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TokenRecord.schema)
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .string, .required)
            .field("last_used_at", .string)
            .field("revoked_at", .string)
            .unique(on: "token_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "tokens_user").on(TokenRecord.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TokenRecord.schema).delete()
    }
}
