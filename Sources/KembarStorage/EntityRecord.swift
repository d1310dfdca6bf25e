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
    /// 1 when created, one more with every change: what a stale write is told apart by.
    @Field(key: "version") var version: Int
    /// What lists sort and search by: the record's name or title (English when it has both).
    @OptionalField(key: "label") var label: String?
    /// The dataset version the document is written in (``Dataset/currentVersion`` for every write of this Kembar):
    /// a document of a newer format is named as such, never misread.
    @Field(key: "format") var format: Int
    /// 1 for a record public readers must not see: marked internal itself, or under a partnership marked internal
    /// (migration 009).
    @Field(key: "internal") var `internal`: Int

    init() {}

    init(
        kind: EntityKind, key: String, partnership: String?, city: String?, sortDate: String?, label: String?,
        document: String, version: Int = 1, internal: Bool = false
    ) {
        self.kind = kind.rawValue
        self.key = key
        self.partnership = partnership
        self.city = city
        self.sortDate = sortDate
        self.label = label
        self.document = document
        self.version = version
        self.format = Self.currentFormat
        self.internal = `internal` ? 1 : 0
    }
}

/// The kinds of entity Kembar stores, in the order an import writes them.
enum EntityKind: String, CaseIterable, Sendable {
    case source, field, framework, crosswalk, city, organisation, partnership, agreement, milestone, action
    case activity, document, initiative, observation
}
