import FluentKit
import FluentSQL

/// Indexes for the lookups list pages make (records of a partnership, of a city).
struct CreateRecordIndexes: AsyncMigration {
    var name: String { "kembar-002-record-indexes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "records_kind_partnership").on(EntityRecord.schema).column("kind")
            .column("partnership").run()
        try await sql.create(index: "records_kind_city").on(EntityRecord.schema).column("kind").column("city").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "records_kind_partnership").run()
        try await sql.drop(index: "records_kind_city").run()
    }
}
