/// Rules every text of every record keeps, whatever its field: at most ``maximumLength`` characters, and no control
/// characters but tab, line feed and carriage return (a stored escape sequence could recolour a terminal or hide
/// text; a form never sends one).
public enum TextRules {
    public static let maximumLength = 20_000

    /// The violations of every string `record` holds, each named by its field path (`title.en`, `outputs[2]`).
    public static func violations<T: Encodable>(_ record: T) -> [Violation] {
        let walker = StringWalker()
        try? record.encode(to: walker)
        return walker.found
    }

    /// Whether `text` breaks a rule, from its UTF-8 bytes alone (the common case costs one pass, no allocation).
    static func breaks(_ text: String) -> Bool {
        hasControlCharacter(text) || (text.utf8.count > maximumLength && text.count > maximumLength)
    }

    /// C0 controls but tab, line feed and carriage return; DEL; C1 controls (U+0080–U+009F, bytes C2 80–C2 9F).
    static func hasControlCharacter(_ text: String) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if afterC2 && (0x80...0x9F).contains(byte) { return true }
            afterC2 = byte == 0xC2
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
        }
        return false
    }

    static func check(_ text: String, at path: String, into found: inout [Violation]) {
        if hasControlCharacter(text) {
            let shown = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.prefix(60).map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
            found.append(Violation(field: path, value: shown, rule: .controlCharacter))
        }
        if text.utf8.count > maximumLength, text.count > maximumLength {
            found.append(
                Violation(
                    field: path, value: String(text.prefix(60)) + "…", rule: .textTooLong,
                    detail: "\(text.count) characters; at most \(maximumLength)"))
        }
    }
}

/// An `Encoder` that produces nothing: it visits every string a value encodes and checks it with ``TextRules``.
final class StringWalker: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var found: [Violation] = []
    private var path: [String] = []

    var location: String {
        path.reduce("") { result, part in
            part.hasPrefix("[") ? result + part : (result.isEmpty ? part : result + "." + part)
        }
    }

    func visit(_ text: String, _ key: String?) {
        guard TextRules.breaks(text) else { return }
        if let key { path.append(key) }
        TextRules.check(text, at: location, into: &found)
        if key != nil { path.removeLast() }
    }

    func nested<T: Encodable>(_ value: T, _ key: String?) throws {
        if let key { path.append(key) }
        try value.encode(to: self)
        if key != nil { path.removeLast() }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(walker: self))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(walker: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(walker: self) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let walker: StringWalker
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { walker.visit(value, key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try walker.nested(value, key.stringValue)
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {}
        mutating func encode(_ value: Double, forKey key: Key) throws {}
        mutating func encode(_ value: Float, forKey key: Key) throws {}
        mutating func encode(_ value: Int, forKey key: Key) throws {}
        mutating func encode(_ value: Int8, forKey key: Key) throws {}
        mutating func encode(_ value: Int16, forKey key: Key) throws {}
        mutating func encode(_ value: Int32, forKey key: Key) throws {}
        mutating func encode(_ value: Int64, forKey key: Key) throws {}
        mutating func encode(_ value: UInt, forKey key: Key) throws {}
        mutating func encode(_ value: UInt8, forKey key: Key) throws {}
        mutating func encode(_ value: UInt16, forKey key: Key) throws {}
        mutating func encode(_ value: UInt32, forKey key: Key) throws {}
        mutating func encode(_ value: UInt64, forKey key: Key) throws {}
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(walker: walker))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(walker: walker)
        }
        mutating func superEncoder() -> any Encoder { walker }
        mutating func superEncoder(forKey key: Key) -> any Encoder { walker }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let walker: StringWalker
        var codingPath: [any CodingKey] { [] }
        var count = 0
        mutating func encodeNil() throws { count += 1 }
        mutating func encode(_ value: String) throws {
            walker.visit(value, "[\(count)]")
            count += 1
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try walker.nested(value, "[\(count)]")
            count += 1
        }
        mutating func encode(_ value: Bool) throws { count += 1 }
        mutating func encode(_ value: Double) throws { count += 1 }
        mutating func encode(_ value: Int) throws { count += 1 }
        mutating func encode(_ value: Float) throws { count += 1 }
        mutating func encode(_ value: Int8) throws { count += 1 }
        mutating func encode(_ value: Int16) throws { count += 1 }
        mutating func encode(_ value: Int32) throws { count += 1 }
        mutating func encode(_ value: Int64) throws { count += 1 }
        mutating func encode(_ value: UInt) throws { count += 1 }
        mutating func encode(_ value: UInt8) throws { count += 1 }
        mutating func encode(_ value: UInt16) throws { count += 1 }
        mutating func encode(_ value: UInt32) throws { count += 1 }
        mutating func encode(_ value: UInt64) throws { count += 1 }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            count += 1
            return KeyedEncodingContainer(Keyed<NestedKey>(walker: walker))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(walker: walker)
        }
        mutating func superEncoder() -> any Encoder { walker }
    }

    struct Single: SingleValueEncodingContainer {
        let walker: StringWalker
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { walker.visit(value, nil) }
        mutating func encode<T: Encodable>(_ value: T) throws { try walker.nested(value, nil) }
        mutating func encode(_ value: Bool) throws {}
        mutating func encode(_ value: Double) throws {}
        mutating func encode(_ value: Int) throws {}
        mutating func encode(_ value: Float) throws {}
        mutating func encode(_ value: Int8) throws {}
        mutating func encode(_ value: Int16) throws {}
        mutating func encode(_ value: Int32) throws {}
        mutating func encode(_ value: Int64) throws {}
        mutating func encode(_ value: UInt) throws {}
        mutating func encode(_ value: UInt8) throws {}
        mutating func encode(_ value: UInt16) throws {}
        mutating func encode(_ value: UInt32) throws {}
        mutating func encode(_ value: UInt64) throws {}
    }
}
