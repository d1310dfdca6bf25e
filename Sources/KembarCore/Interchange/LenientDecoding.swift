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

// Enumerations name their allowed values when a value is wrong, as CSV errors do ("one of inbound, outbound, …").
// More specific than the generic overload, so the conformances in this module — synthesized or written by hand —
// use them for every String-backed enumeration.
extension KeyedDecodingContainer {
    func decode<T: RawRepresentable & CaseIterable & Decodable>(_ type: T.Type, forKey key: Key) throws -> T
    where T.RawValue == String {
        let text: String
        do {
            text = try decode(String.self, forKey: key)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw EnumerationValue<T>.error(at: context.codingPath)
        }
        guard let value = T(rawValue: text) else { throw EnumerationValue<T>.error(at: codingPath + [key]) }
        return value
    }

    func decodeIfPresent<T: RawRepresentable & CaseIterable & Decodable>(_ type: T.Type, forKey key: Key) throws -> T?
    where T.RawValue == String {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(type, forKey: key)
    }
}

/// The allowed values of an enumeration, for messages; the first value is what a reader can put in place of a
/// wrong one to carry on and find the record's other problems.
struct EnumerationValue<T: RawRepresentable & CaseIterable>: Error where T.RawValue == String {
    static var allowed: String { "one of " + T.allCases.map(\.rawValue).joined(separator: ", ") }

    static func error(at codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath, debugDescription: allowed,
                underlyingError: Placeholder(value: T.allCases.first?.rawValue ?? "")))
    }
}

/// A value that decodes where a wrong one stood, carried by a decoding error so the reader can go on.
struct Placeholder: Error {
    var value: String
}
