import Foundation
import KembarCore

/// How a domain value is filed in the `records` table.
protocol StoredEntity: Codable, Sendable, Identifiable where ID: RawKey {
    static var kind: EntityKind { get }
    var partnershipColumn: String? { get }
    var cityColumn: String? { get }
    var sortDateColumn: String? { get }
}

/// A typed key's string form.
protocol RawKey: Hashable, Sendable { var rawValue: String { get } }
extension Key: RawKey {}

extension StoredEntity {
    var partnershipColumn: String? { nil }
    var cityColumn: String? { nil }
    var sortDateColumn: String? { nil }
}

extension Source: StoredEntity {
    static var kind: EntityKind { .source }
    var sortDateColumn: String? { date?.firstDay.description }
}

extension Field: StoredEntity { static var kind: EntityKind { .field } }
extension Framework: StoredEntity { static var kind: EntityKind { .framework } }
extension Crosswalk: StoredEntity { static var kind: EntityKind { .crosswalk } }
extension City: StoredEntity { static var kind: EntityKind { .city } }

extension Organisation: StoredEntity {
    static var kind: EntityKind { .organisation }
    var cityColumn: String? { city?.rawValue }
}

extension Partnership: StoredEntity {
    static var kind: EntityKind { .partnership }
    var cityColumn: String? { city.rawValue }
}

extension Agreement: StoredEntity {
    static var kind: EntityKind { .agreement }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { signed.firstDay.description }
}

extension Milestone: StoredEntity {
    static var kind: EntityKind { .milestone }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { date.firstDay.description }
}

extension Activity: StoredEntity {
    static var kind: EntityKind { .activity }
    var partnershipColumn: String? { partnership.rawValue }
    var sortDateColumn: String? { start.firstDay.description }
}

extension Initiative: StoredEntity {
    static var kind: EntityKind { .initiative }
    var cityColumn: String? { city.rawValue }
    var sortDateColumn: String? { started?.firstDay.description }
}

extension Observation: StoredEntity {
    static var kind: EntityKind { .observation }
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
