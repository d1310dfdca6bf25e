import FluentKit
import FluentSQL
import Foundation

/// One stored record of any kind of entity.
///
/// Kembar stores each domain value whole, as canonical JSON in `document`, beside the columns it is looked up by
/// (`kind` and `key`, and the partnership or city it belongs to). That keeps export → import lossless by
/// construction, keeps the schema identical on SQLite and PostgreSQL, and lets the domain grow without a migration
/// per field. See docs/ARCHITECTURE.md.
final class EntityRecord: Model, @unchecked Sendable {
    static let schema = "records"

    @ID(key: .id) var id: UUID?
    /// The entity kind (`activity`, `city`, …) — see ``EntityKind``.
    @Field(key: "kind") var kind: String
    /// The entity's stable key (slug).
    @Field(key: "key") var key: String
    /// The partnership the record belongs to (agreements, milestones, activities).
    @OptionalField(key: "partnership") var partnership: String?
    /// The city the record belongs to (initiatives, observations) or the first city of a partnership.
    @OptionalField(key: "city") var city: String?
    /// A sortable date (`YYYY-MM-DD`, the first day the record's date can mean), for ordering.
    @OptionalField(key: "sort_date") var sortDate: String?
    /// The domain value as canonical JSON.
    @Field(key: "document") var document: String

    init() {}

    init(kind: EntityKind, key: String, partnership: String?, city: String?, sortDate: String?, document: String) {
        self.kind = kind.rawValue
        self.key = key
        self.partnership = partnership
        self.city = city
        self.sortDate = sortDate
        self.document = document
    }
}

/// The kinds of entity Kembar stores, in the order an import writes them.
enum EntityKind: String, CaseIterable, Sendable {
    case source, field, framework, crosswalk, city, organisation, partnership, agreement, milestone, activity
    case initiative, observation
}

/// Creates the `records` table.
struct CreateRecords: AsyncMigration {
    var name: String { "kembar-001-records" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EntityRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("partnership", .string)
            .field("city", .string)
            .field("sort_date", .string)
            .field("document", .string, .required)
            .unique(on: "kind", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EntityRecord.schema).delete()
    }
}

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
