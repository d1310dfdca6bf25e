import FluentKit
import FluentSQL

/// People who sign in, their sessions (shared by every server on the database) and failed sign-ins (for
/// throttling). Passwords and session tokens are stored only as hashes.
struct CreateAccounts: AsyncMigration {
    var name: String { "kembar-007-accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema)
            .field("id", .int, .identifier(auto: true))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("language", .string, .required)
            .field("roles", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .string, .required)
            .unique(on: "email")
            .create()
        try await database.schema(SessionRecord.schema)
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("csrf", .string, .required)
            .field("created_at", .double, .required)
            .field("expires_at", .double, .required)
            .create()
        try await database.schema(LoginFailureRecord.schema)
            .field("id", .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("at", .double, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sessions_user").on(SessionRecord.schema).column("user_id").run()
        try await sql.create(index: "login_failures_key").on(LoginFailureRecord.schema).column("key").column("at")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginFailureRecord.schema).delete()
        try await database.schema(SessionRecord.schema).delete()
        try await database.schema(UserRecord.schema).delete()
    }
}
