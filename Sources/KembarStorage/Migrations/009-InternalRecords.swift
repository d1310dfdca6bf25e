import FluentKit
import FluentSQL

/// Records marked internal, visible to signed-in readers only. `records.internal` is 1 for a record marked internal
/// and for every record under a partnership marked internal (kept so by each write), `record_links.internal` repeats
/// it for the referring record, and `partnership_summaries.internal` for the partnership: a public reader's queries
/// add `internal = 0` and never decode a document to decide. Nothing stored before could be marked, so every row
/// starts at 0.
struct CreateInternalRecords: AsyncMigration {
    var name: String { "kembar-009-internal-records" }

    func prepare(on database: any Database) async throws {
        for table in [EntityRecord.schema, Derived.links, Derived.summaries] {
            try await database.schema(table).field("internal", .int, .required, .sql(.default(0))).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        // Who refers to a record, counted for a public reader from the index alone.
        try await sql.drop(index: "links_to").run()
        try await sql.create(index: "links_to").on(Derived.links).column("to_kind").column("to_key")
            .column("from_kind").column("from_key").column("internal").run()
        // The few internal partnerships, which the public dashboard's counts leave out.
        try await sql.raw("CREATE INDEX summaries_internal ON \(ident: Derived.summaries) (key) WHERE internal = 1")
            .run()
        // Records stored before migration 005 get their derived rows (and documents in the current format) now that
        // every column the record model reads exists; a database whose derived tables were filled keeps them, as
        // nothing could be marked internal before.
        if try await EntityRecord.query(on: database).field(\.$key).first() != nil,
            try await sql.raw("SELECT 1 AS one FROM \(ident: Derived.links) LIMIT 1").first() == nil,
            try await sql.raw("SELECT 1 AS one FROM \(ident: Derived.summaries) LIMIT 1").first() == nil
        {
            try await Repository(database: database).rebuildDerived()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "summaries_internal").run()
        try await sql.drop(index: "links_to").run()
        try await sql.create(index: "links_to").on(Derived.links).column("to_kind").column("to_key")
            .column("from_kind").column("from_key").run()
        for table in [EntityRecord.schema, Derived.links, Derived.summaries] {
            try await database.schema(table).deleteField("internal").update()
        }
    }
}
