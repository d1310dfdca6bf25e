import Foundation
import KembarCore

/// How a domain value is filed in the `records` table.
protocol StoredEntity: Codable, Sendable, Identifiable, Referring where ID: RawKey {
    static var kind: EntityKind { get }
    /// The dataset collection holding this kind (`activities`), as files and messages name it.
    static var collection: String { get }
    /// Where a dataset keeps records of this kind.
    static var records: WritableKeyPath<Dataset, [Self]> { get }
    var partnershipColumn: String? { get }
    var cityColumn: String? { get }
    var sortDateColumn: String? { get }
    /// The name or title lists sort and search by.
    var labelColumn: String? { get }
    /// Marked internal in its own document (a record under an internal partnership is hidden without it).
    var markedInternal: Bool { get }
}

/// A typed key's string form.
protocol RawKey: Hashable, Sendable { var rawValue: String { get } }
extension Key: RawKey {}

extension StoredEntity {
    static func add(_ values: [Self], to dataset: inout Dataset) { dataset[keyPath: records] += values }
    var partnershipColumn: String? { nil }
    var cityColumn: String? { nil }
    var sortDateColumn: String? { nil }
    var labelColumn: String? { nil }
    var markedInternal: Bool { false }
}

extension Source: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .source }
    static var records: WritableKeyPath<Dataset, [Source]> { \.sources }
    var sortDateColumn: String? { date?.firstDay.description }
    var labelColumn: String? { shortCitation + " " + title }
}

extension Field: StoredEntity {
    static var kind: EntityKind { .field }
    static var records: WritableKeyPath<Dataset, [Field]> { \.fields }
    var labelColumn: String? { name.text(.en) }
}

extension Framework: StoredEntity {
    static var kind: EntityKind { .framework }
    static var collection: String { "frameworks" }
    static var records: WritableKeyPath<Dataset, [Framework]> { \.frameworks }
    var labelColumn: String? { name.text(.en) }
}

extension Crosswalk: StoredEntity {
    static var kind: EntityKind { .crosswalk }
    static var collection: String { "crosswalks" }
    static var records: WritableKeyPath<Dataset, [Crosswalk]> { \.crosswalks }
}

extension City: StoredEntity {
    static var kind: EntityKind { .city }
    static var records: WritableKeyPath<Dataset, [City]> { \.cities }
    var labelColumn: String? { name.text(.en) }
}

extension Organisation: StoredEntity {
    static var kind: EntityKind { .organisation }
    static var records: WritableKeyPath<Dataset, [Organisation]> { \.organisations }
    var cityColumn: String? { city?.rawValue }
    var labelColumn: String? { name.text(.en) }
}

extension Partnership: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .partnership }
    static var records: WritableKeyPath<Dataset, [Partnership]> { \.partnerships }
    var cityColumn: String? { city.rawValue }
}

extension Agreement: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .agreement }
    static var records: WritableKeyPath<Dataset, [Agreement]> { \.agreements }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { signed.firstDay.description }
    var labelColumn: String? { title.text(.en) }
}

extension Milestone: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .milestone }
    static var records: WritableKeyPath<Dataset, [Milestone]> { \.milestones }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { date.firstDay.description }
    var labelColumn: String? { title.text(.en) }
}

extension PlannedAction: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .action }
    static var records: WritableKeyPath<Dataset, [PlannedAction]> { \.actions }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { (start ?? end)?.firstDay.description }
    var labelColumn: String? { title.text(.en) }
}

extension Activity: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .activity }
    static var records: WritableKeyPath<Dataset, [Activity]> { \.activities }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { start.firstDay.description }
    var labelColumn: String? { title.text(.en) }
}

extension AttachedDocument: StoredEntity {
    var markedInternal: Bool { `internal` == true }
    static var kind: EntityKind { .document }
    static var collection: String { "documents" }
    static var records: WritableKeyPath<Dataset, [AttachedDocument]> { \.documents }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { date?.firstDay.description }
    var labelColumn: String? { title?.text(.en) ?? fileName }
}

extension Initiative: StoredEntity {
    static var kind: EntityKind { .initiative }
    static var records: WritableKeyPath<Dataset, [Initiative]> { \.initiatives }
    var cityColumn: String? { city.rawValue }
    var sortDateColumn: String? { started?.firstDay.description }
    var labelColumn: String? { title.text(.en) }
}

extension Observation: StoredEntity {
    static var kind: EntityKind { .observation }
    static var records: WritableKeyPath<Dataset, [Observation]> { \.observations }
    var cityColumn: String? { city.rawValue }
    var sortDateColumn: String? { period.firstDay.description }
}

/// The one JSON form documents are stored in: canonical (sorted keys), so equal values store equal text.
enum DocumentCoding {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A stored record's value; a document this Kembar cannot read (written by a newer one, or damaged) is an
    /// ``UnreadableRecord`` naming the record, never a bare decoding error.
    static func decode<T: StoredEntity>(_ type: T.Type, _ record: EntityRecord) throws -> T {
        try decode(type, record.document, key: record.key, format: record.format)
    }

    /// A stored document of `T` with its key and format, read or named as unreadable.
    static func decode<T: StoredEntity>(_ type: T.Type, _ document: String, key: String, format: Int) throws -> T {
        guard format <= Dataset.currentVersion else {
            throw UnreadableRecord(
                kind: T.kind.rawValue, key: key, format: format,
                detail: "written in dataset version \(format); this Kembar reads up to \(Dataset.currentVersion)")
        }
        do {
            return try decode(type, document)
        } catch let error as DecodingError {
            throw UnreadableRecord(kind: T.kind.rawValue, key: key, format: format, detail: error.summary)
        }
    }
}

/// A stored record this Kembar cannot read: written by a newer Kembar (a new field value, a newer format) or
/// damaged. Pages name it; nothing is overwritten.
public struct UnreadableRecord: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: String
    public var key: String
    public var format: Int
    public var detail: String

    public var description: String { "\(kind) '\(key)' cannot be read by this Kembar: \(detail)" }
}

extension DecodingError {
    /// Where and why, in one line: "kind: 'hackathon' is not one of this Kembar's values".
    var summary: String {
        func path(_ context: Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch self {
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "unreadable"
        }
    }
}

extension EntityRecord {
    /// The format every write of this Kembar stores documents in: the dataset version it writes.
    static let currentFormat = Dataset.currentVersion
}
