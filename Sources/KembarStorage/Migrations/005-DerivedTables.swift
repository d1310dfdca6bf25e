import FluentKit
import FluentSQL

/// What pages list and filter by, kept beside the records so costs follow what a page shows: a label and a document
/// format on every record, the references between records, and a summary and status timeline per partnership. Every
/// write brings them up to date in its transaction. Filling them from records stored before (and rewriting documents
/// of an older format) needs every column today's record model reads, so it happens in the last migration that adds
/// one (009).
struct CreateDerivedTables: AsyncMigration {
    var name: String { "kembar-005-derived-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EntityRecord.schema)
            .field("label", .string)
            .update()
        // Documents stored before this migration have no format; they are read as version 1 and rewritten below.
        try await database.schema(EntityRecord.schema)
            .field("format", .int, .required, .sql(.default(1)))
            .update()
        try await database.schema(Derived.links)
            .field("from_kind", .string, .required)
            .field("from_key", .string, .required)
            .field("to_kind", .string, .required)
            .field("to_key", .string, .required)
            .create()
        try await database.schema(Derived.summaries)
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("stage", .string)
            .field("city1", .string, .required)
            .field("city2", .string)
            .field("country1", .string)
            .field("country2", .string)
            .field("subdivision1", .string)
            .field("subdivision2", .string)
            .field("title_en", .string, .required)
            .field("title_id", .string, .required)
            .field("search", .string, .required)
            .field("agreement_count", .int, .required)
            .field("milestone_count", .int, .required)
            .field("activity_count", .int, .required)
            .field("participants", .int, .required)
            .field("participants_approximate", .int, .required)
            .field("agreements", .string, .required)
            .field("last_activity_day", .string)
            .field("last_activity", .string)
            .field("years", .string, .required)
            .field("fields", .string, .required)
            .field("without_sources", .int, .required)
            .field("without_participants", .int, .required)
            .field("ongoing_open", .int, .required)
            .unique(on: "key")
            .create()
        try await database.schema(Derived.statuses)
            .field("partnership", .string, .required)
            .field("from_day", .string, .required)
            .field("until_day", .string, .required)
            .field("status", .string, .required)
            .field("also", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // Who refers to a record, in kind then key order, straight from the index (a source cited 500,000 times
        // is listed a page at a time without sorting its citations).
        try await sql.create(index: "links_to").on(Derived.links).column("to_kind").column("to_key")
            .column("from_kind").column("from_key").run()
        try await sql.create(index: "links_from").on(Derived.links).column("from_kind").column("from_key").run()
        // Name order, ties by key, straight from the index (a thousand agreements titled alike must not be sorted).
        try await sql.create(index: "records_kind_label").on(EntityRecord.schema).column("kind").column("label")
            .column("key").run()
        for column in ["city1", "city2", "country1", "country2"] {
            try await sql.create(index: "summaries_\(column)").on(Derived.summaries).column(column).run()
        }
        // The orders a list pages through: the sort column, then the key.
        for column in ["title_en", "title_id", "last_activity_day", "activity_count", "participants"] {
            try await sql.create(index: "summaries_by_\(column)").on(Derived.summaries).column(column).column("key")
                .run()
        }
        try await sql.create(index: "statuses_partnership").on(Derived.statuses).column("partnership")
            .column("from_day").run()
        try await sql.create(index: "statuses_status").on(Derived.statuses).column("status").column("from_day").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Derived.statuses).delete()
        try await database.schema(Derived.summaries).delete()
        try await database.schema(Derived.links).delete()
        try await database.schema(EntityRecord.schema).deleteField("label").deleteField("format").update()
    }
}
