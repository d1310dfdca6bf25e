import FluentKit
import FluentSQL
import Foundation

/// The bytes of attached documents, once per SHA-256 (two records attaching the same scan share it). In the database,
/// so every server sees them and a backup holds them.
struct CreateDocumentContents: AsyncMigration {
    var name: String { "kembar-012-document-contents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DocumentContentRecord.schema)
            .field("sha256", .string, .identifier(auto: false))
            .field("size", .int, .required)
            .field("content", .data, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DocumentContentRecord.schema).delete()
    }
}

/// One stored file's bytes, by checksum.
final class DocumentContentRecord: Model, @unchecked Sendable {
    static let schema = "document_contents"

    @ID(custom: "sha256", generatedBy: .user) var id: String?
    @Field(key: "size") var size: Int
    /// `Data`, so PostgreSQL binds it as `bytea` (an array of bytes would go as `"char"[]`).
    @Field(key: "content") var content: Data

    init() {}

    init(sha256: String, content: [UInt8]) {
        self.id = sha256
        self.size = content.count
        self.content = Data(content)
    }
}
