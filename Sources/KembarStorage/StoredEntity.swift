import Foundation
import KembarCore

/// How a domain value is filed in the `records` table.
protocol StoredEntity: Codable, Sendable, Identifiable where ID: RawKey {
    static var kind: EntityKind { get }
    /// The dataset collection holding this kind (`activities`), as files and messages name it.
    static var collection: String { get }
    /// Where a dataset keeps records of this kind.
    static var records: WritableKeyPath<Dataset, [Self]> { get }
    var partnershipColumn: String? { get }
    var cityColumn: String? { get }
    var sortDateColumn: String? { get }
}

/// A typed key's string form.
protocol RawKey: Hashable, Sendable { var rawValue: String { get } }
extension Key: RawKey {}

extension StoredEntity {
    static func add(_ values: [Self], to dataset: inout Dataset) { dataset[keyPath: records] += values }
    var partnershipColumn: String? { nil }
    var cityColumn: String? { nil }
    var sortDateColumn: String? { nil }
}

extension Source: StoredEntity {
    static var kind: EntityKind { .source }
    static var records: WritableKeyPath<Dataset, [Source]> { \.sources }
    var sortDateColumn: String? { date?.firstDay.description }
}

extension Field: StoredEntity {
    static var kind: EntityKind { .field }
    static var records: WritableKeyPath<Dataset, [Field]> { \.fields }
}

extension Framework: StoredEntity {
    static var kind: EntityKind { .framework }
    static var collection: String { "frameworks" }
    static var records: WritableKeyPath<Dataset, [Framework]> { \.frameworks }
}

extension Crosswalk: StoredEntity {
    static var kind: EntityKind { .crosswalk }
    static var collection: String { "crosswalks" }
    static var records: WritableKeyPath<Dataset, [Crosswalk]> { \.crosswalks }
}

extension City: StoredEntity {
    static var kind: EntityKind { .city }
    static var records: WritableKeyPath<Dataset, [City]> { \.cities }
}

extension Organisation: StoredEntity {
    static var kind: EntityKind { .organisation }
    static var records: WritableKeyPath<Dataset, [Organisation]> { \.organisations }
    var cityColumn: String? { city?.rawValue }
}

extension Partnership: StoredEntity {
    static var kind: EntityKind { .partnership }
    static var records: WritableKeyPath<Dataset, [Partnership]> { \.partnerships }
    var cityColumn: String? { city.rawValue }
}

extension Agreement: StoredEntity {
    static var kind: EntityKind { .agreement }
    static var records: WritableKeyPath<Dataset, [Agreement]> { \.agreements }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { signed.firstDay.description }
}

extension Milestone: StoredEntity {
    static var kind: EntityKind { .milestone }
    static var records: WritableKeyPath<Dataset, [Milestone]> { \.milestones }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { date.firstDay.description }
}

extension Activity: StoredEntity {
    static var kind: EntityKind { .activity }
    static var records: WritableKeyPath<Dataset, [Activity]> { \.activities }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { start.firstDay.description }
}

extension Initiative: StoredEntity {
    static var kind: EntityKind { .initiative }
    static var records: WritableKeyPath<Dataset, [Initiative]> { \.initiatives }
    var cityColumn: String? { city.rawValue }
    var sortDateColumn: String? { started?.firstDay.description }
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
}
