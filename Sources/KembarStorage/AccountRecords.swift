import FluentKit
import Foundation

// The rows behind accounts (migration 007), in a file of their own: KembarCore's `Field` would shadow Fluent's.

final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "language") var language: String
    @Field(key: "roles") var roles: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: String

    init() {}
}

final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: Int
    @Field(key: "csrf") var csrf: String
    @Field(key: "created_at") var createdAt: Double
    @Field(key: "expires_at") var expiresAt: Double

    init() {}
}

final class LoginFailureRecord: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Double

    init() {}
}

final class TokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: String
    @OptionalField(key: "last_used_at") var lastUsedAt: String?
    @OptionalField(key: "revoked_at") var revokedAt: String?

    init() {}
}

/// One file of a previewed browser import (migration 010).
final class PendingFileRecord: Model, @unchecked Sendable {
    static let schema = "pending_files"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "batch") var batch: String
    @Field(key: "user_id") var userID: Int
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "content") var content: Data
    @Field(key: "created_at") var createdAt: Double

    init() {}
}
