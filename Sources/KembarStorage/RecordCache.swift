import FluentKit
import FluentSQL
import Foundation

/// Decoded records of each kind, kept between requests and valid for one generation of the database.
///
/// Every write transaction (import, save, delete) increments the one-row `generation` table; a reader compares the
/// stored generation (one tiny query) with the one its cached records were read at and reloads when they differ.
/// Several Kembar servers sharing one database therefore never serve each other's stale records. Reading the
/// generation before the records makes a race harmless: records read after a concurrent write are labelled with the
/// older generation and simply read again next time.
final class RecordCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (generation: Int, values: Any)] = [:]

    func values<T>(_ kind: EntityKind, at generation: Int) -> [T]? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[kind.rawValue], entry.generation == generation else { return nil }
        return entry.values as? [T]
    }

    func store<T>(_ values: [T], _ kind: EntityKind, at generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        entries[kind.rawValue] = (generation, values)
    }
}

/// The database's generation: a counter every write transaction increments.
final class GenerationRecord: Model, @unchecked Sendable {
    static let schema = "generation"

    @ID(key: .id) var id: UUID?
    @Field(key: "value") var value: Int

    init() {}

    init(value: Int) { self.value = value }
}

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

extension Repository {
    /// The current generation of the database.
    func generation() async throws -> Int {
        try await GenerationRecord.query(on: database).first()?.value ?? 0
    }

    /// Marks a write: call inside the writing transaction.
    func bumpGeneration() async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("UPDATE generation SET value = value + 1").run()
    }
}
