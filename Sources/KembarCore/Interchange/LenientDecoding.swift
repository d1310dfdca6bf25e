import Foundation

// Lists and maps may be left out of a Kembar dataset; a missing one means empty. These overloads are more
// specific than the generic `decode(_:forKey:)`, so the Codable conformances synthesized in this module use
// them for every array and dictionary property.
extension KeyedDecodingContainer {
    func decode<T: Decodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        try decodeIfPresent(type, forKey: key) ?? []
    }

    func decode<T: Decodable>(_ type: [String: T].Type, forKey key: Key) throws -> [String: T] {
        try decodeIfPresent(type, forKey: key) ?? [:]
    }
}
