import Foundation

/// A JSON value exactly as written. Numbers keep their literal text, so nothing is rounded or clamped before a
/// field's type decides whether the number fits; object members keep their order, so problems are listed in the
/// order a person reads the file.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value at `path`, or `nil` when there is none; setting creates a missing member (or appends one element
    /// past the end of an array) and removes the member when set to `nil`.
    subscript(path: [JSONPathComponent]) -> JSONValue? {
        get {
            var node = self
            for component in path {
                switch (component, node) {
                case (.key(let key), .object(let object)):
                    guard let child = object[key] else { return nil }
                    node = child
                case (.index(let index), .array(let items)) where items.indices.contains(index):
                    node = items[index]
                default:
                    return nil
                }
            }
            return node
        }
        set {
            guard let first = path.first else {
                if let newValue { self = newValue }
                return
            }
            let rest = Array(path.dropFirst())
            switch (first, self) {
            case (.key(let key), .object(var object)):
                if rest.isEmpty {
                    object[key] = newValue
                } else if var child = object[key] {
                    child[rest] = newValue
                    object[key] = child
                }
                self = .object(object)
            case (.index(let index), .array(var items)):
                if rest.isEmpty, let newValue {
                    if items.indices.contains(index) {
                        items[index] = newValue
                    } else if index == items.count {
                        items.append(newValue)
                    }
                } else if items.indices.contains(index) {
                    items[index][rest] = newValue
                }
                self = .array(items)
            default:
                return
            }
        }
    }

    /// The value as a person would recognise it in the file: strings without quotes, numbers as written, and
    /// objects and arrays as compact JSON, cut after 60 characters.
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return text
        case .array, .object:
            let text = compactJSON
            return text.count > 60 ? String(text.prefix(60)) + "…" : text
        }
    }

    private var compactJSON: String {
        switch self {
        case .null, .bool, .number: return summary
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.compactJSON).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.members.map { Self.quoted($0.key) + ":" + $0.value.compactJSON }.joined(separator: ",")
                + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// What kind of value this is, for messages ("found a string").
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The members of a JSON object, in the order they were written; keys are unique (the parser refuses duplicates).
struct JSONObject: Hashable, Sendable {
    private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    init() {}

    subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    var members: [(key: String, value: JSONValue)] { keys.map { ($0, values[$0]!) } }
    var isEmpty: Bool { keys.isEmpty }
}

/// One step of a path into a JSON document: an object member or an array element.
enum JSONPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)

    /// `participants[0].count` — a path relative to a record, as violations name fields.
    static func field(_ path: some Collection<JSONPathComponent>) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// `$.activities[3].participants[0]` — an absolute path in a document.
    static func location(_ path: some Collection<JSONPathComponent>) -> String {
        path.isEmpty ? "$" : "$" + (path.first.map { if case .index = $0 { "" } else { "." } } ?? "") + field(path)
    }
}

/// A parsed JSON text: its value and the keys it gives twice.
struct JSONDocument: Hashable, Sendable {
    var value: JSONValue
    var duplicates: [JSONDuplicateKey]
}

/// A JSON key found twice in one object. The first value is kept so the rest of the file can still be checked.
struct JSONDuplicateKey: Hashable, Sendable {
    /// The path of the object holding the key twice.
    var object: [JSONPathComponent]
    var key: String
    var firstLine: Int
    var line: Int
}

/// Why a text is not JSON, and where (1-based line and column, counted in characters).
struct JSONSyntaxError: Error, Hashable, Sendable {
    var line: Int
    var column: Int
    var message: String
    /// The offending text, when there is something to show (`NaN`, `012`, `U+0009`).
    var found: String = ""

    var violation: Violation {
        Violation(
            location: "\(line):\(column)", field: "", value: found, rule: .syntaxInvalid,
            detail: "not valid JSON: \(message)")
    }
}

/// A strict RFC 8259 JSON parser: UTF-8 only, no comments, no trailing commas, no NaN or Infinity, no leading
/// zeros, no raw control characters in strings, no lone surrogates, and no key given twice in one object (reported
/// with the object's path, not silently resolved). Nesting is limited so that hostile input cannot exhaust the stack.
enum StrictJSON {
    /// How deeply arrays and objects may nest. Kembar's deepest legitimate structure (framework nodes) stays well
    /// below this.
    static let maximumDepth = 512

    /// Parses `bytes` as one JSON value. Syntax errors are thrown (the first one: after it nothing can be trusted);
    /// duplicate keys are returned with the value, so that every one of them can be reported together with the
    /// file's other problems.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        var parser = Parser(bytes: bytes)
        let value = try parser.document()
        return JSONDocument(value: value, duplicates: parser.duplicates)
    }

    private struct Parser {
        let bytes: [UInt8]
        let maximumDepth = StrictJSON.maximumDepth
        var position = 0
        /// The line `position` is on.
        var line = 1
        var path: [JSONPathComponent] = []
        var duplicates: [JSONDuplicateKey] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func document() throws(JSONSyntaxError) -> JSONValue {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // a UTF-8 byte-order mark may be ignored
            if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.prefix(4).contains(0) {
                throw error("the file is not UTF-8 (it looks like UTF-16 or UTF-32); save it as UTF-8", at: 0)
            }
            skipWhitespace()
            guard current != nil else { throw error("the file is empty", at: position) }
            let value = try parseValue(depth: 0)
            skipWhitespace()
            if current != nil { throw unexpected("the end of the file after the JSON value") }
            return value
        }

        /// Skips blanks, counting lines: outside strings is the only place a line break may stand.
        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                if byte == 0x0A { line += 1 }
                position += 1
            }
        }

        mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            skipWhitespace()
            guard let byte = current else { throw unexpected("a value") }
            switch byte {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            case UInt8(ascii: "+"):
                throw error("a number cannot start with '+'", at: position, found: "+")
            case UInt8(ascii: "."):
                throw error("a number needs a digit before '.'", at: position, found: ".")
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                return try parseWord()
            default:
                throw unexpected("a value")
            }
        }

        mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth <= maximumDepth else {
                throw error("arrays and objects nest deeper than \(maximumDepth) levels", at: position)
            }
            let start = position
            position += 1
            var object = JSONObject()
            var lines: [String: Int] = [:]
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else {
                    if current == UInt8(ascii: "'") {
                        throw error("field names need double quotes, not single quotes", at: position, found: "'")
                    }
                    throw unexpected("a field name in double quotes", openedAt: start)
                }
                let keyLine = line
                let key = try parseString()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else {
                    throw unexpected("':' after the field name", openedAt: start)
                }
                position += 1
                path.append(.key(key))
                let value = try parseValue(depth: depth)
                path.removeLast()
                if let firstLine = lines[key] {
                    duplicates.append(JSONDuplicateKey(object: path, key: key, firstLine: firstLine, line: keyLine))
                } else {
                    lines[key] = keyLine
                    object[key] = value
                }
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    let comma = position
                    position += 1
                    skipWhitespace()
                    if current == UInt8(ascii: "}") {
                        throw error("a comma before '}' (trailing commas are not allowed)", at: comma, found: ",")
                    }
                    continue
                }
                if current == UInt8(ascii: "}") {
                    position += 1
                    return .object(object)
                }
                throw unexpected("',' or '}' after a field", openedAt: start)
            }
        }

        mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth <= maximumDepth else {
                throw error("arrays and objects nest deeper than \(maximumDepth) levels", at: position)
            }
            let start = position
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                path.append(.index(items.count))
                items.append(try parseValue(depth: depth))
                path.removeLast()
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    let comma = position
                    position += 1
                    skipWhitespace()
                    if current == UInt8(ascii: "]") {
                        throw error("a comma before ']' (trailing commas are not allowed)", at: comma, found: ",")
                    }
                    continue
                }
                if current == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                throw unexpected("',' or ']' after an element", openedAt: start)
            }
        }

        mutating func parseString() throws(JSONSyntaxError) -> String {
            let start = position
            position += 1
            var buffer: [UInt8] = []
            while true {
                guard let byte = current else { throw error("a string is never closed", at: start) }
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    try parseEscape(into: &buffer)
                case 0x0A, 0x0D:
                    throw error("a line break inside a string (write it as \\n, or close the string)", at: position)
                case 0x00..<0x20:
                    let code = String(format: "U+%04X", byte)
                    throw error("a control character inside a string must be escaped", at: position, found: code)
                case 0x20..<0x80:
                    buffer.append(byte)
                    position += 1
                default:
                    let length = try utf8Sequence()
                    buffer.append(contentsOf: bytes[position..<position + length])
                    position += length
                }
            }
        }

        mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
            let start = position
            position += 1
            guard let byte = current else { throw error("a string is never closed", at: start) }
            position += 1
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
                UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            ]
            if let value = simple[byte] {
                buffer.append(value)
                return
            }
            guard byte == UInt8(ascii: "u") else {
                let shown = byte < 0x80 ? String(UnicodeScalar(byte)) : String(format: "0x%02X", byte)
                throw error("an unknown escape in a string", at: start, found: "\\" + shown)
            }
            var code = try hex4(escapeStart: start)
            if (0xD800...0xDBFF).contains(code) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw error("a \\u escape of a high surrogate needs a low surrogate after it", at: start)
                }
                position += 2
                let low = try hex4(escapeStart: start)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("a \\u escape of a high surrogate needs a low surrogate after it", at: start)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("a \\u escape of a low surrogate without a high one before it", at: start)
            }
            buffer.append(contentsOf: Array(String(UnicodeScalar(code)!).utf8))
        }

        mutating func hex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
            guard position + 4 <= bytes.count else {
                throw error("a \\u escape needs four hex digits", at: escapeStart)
            }
            var value: UInt32 = 0
            for byte in bytes[position..<position + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("a \\u escape needs four hex digits", at: escapeStart)
                }
                value = value * 16 + UInt32(digit)
            }
            position += 4
            return value
        }

        /// The length of the well-formed UTF-8 sequence at `position` (RFC 3629: no overlong forms, no surrogates,
        /// nothing above U+10FFFF).
        func utf8Sequence() throws(JSONSyntaxError) -> Int {
            let lead = bytes[position]
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                second = 0x80...0x9F
            case 0xF0:
                length = 4
                second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                second = 0x80...0x8F
            default: throw invalidUTF8(at: position)
            }
            guard position + length <= bytes.count else { throw invalidUTF8(at: position) }
            guard second.contains(bytes[position + 1]) else { throw invalidUTF8(at: position) }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[position + offset]) {
                throw invalidUTF8(at: position)
            }
            return length
        }

        func invalidUTF8(at offset: Int) -> JSONSyntaxError {
            error("invalid UTF-8 (save the file as UTF-8)", at: offset, found: String(format: "0x%02X", bytes[offset]))
        }

        mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
            let start = position
            func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
            if current == UInt8(ascii: "-") {
                position += 1
                guard isDigit(current) else {
                    if let byte = current, (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                        position = start
                        return try parseWord()
                    }
                    throw error("'-' must be followed by a digit", at: start, found: "-")
                }
            }
            if current == UInt8(ascii: "0") {
                position += 1
                if isDigit(current) {
                    while isDigit(current) { position += 1 }
                    throw error("a number cannot have leading zeros", at: start, found: text(from: start))
                }
            } else {
                while isDigit(current) { position += 1 }
            }
            if current == UInt8(ascii: ".") {
                position += 1
                guard isDigit(current) else {
                    throw error("a number needs digits after '.'", at: start, found: text(from: start))
                }
                while isDigit(current) { position += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard isDigit(current) else {
                    throw error("a number needs digits in its exponent", at: start, found: text(from: start))
                }
                while isDigit(current) { position += 1 }
            }
            return .number(text(from: start))
        }

        /// `true`, `false`, `null` — and helpful refusals of the words other formats allow.
        mutating func parseWord() throws(JSONSyntaxError) -> JSONValue {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            while let byte = current,
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == UInt8(ascii: "_")
            {
                position += 1
            }
            let word = text(from: start)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: break
            }
            switch word.lowercased() {
            case "nan", "-nan", "infinity", "-infinity", "inf", "-inf":
                throw error("NaN and Infinity are not JSON numbers", at: start, found: word)
            case "true", "false", "null", "none", "nil":
                throw error("write true, false and null in lower case", at: start, found: word)
            default:
                throw error("a text value needs double quotes", at: start, found: word)
            }
        }

        func text(from start: Int) -> String { String(decoding: bytes[start..<position], as: UTF8.self) }

        /// "expected X": explains comments and unexpected ends too.
        func unexpected(_ expected: String, openedAt opening: Int? = nil) -> JSONSyntaxError {
            guard let byte = current else {
                if let opening {
                    let line = lineAndColumn(at: opening).line
                    let what = bytes[opening] == UInt8(ascii: "{") ? "object" : "array"
                    return error("the \(what) opened on line \(line) is never closed", at: position)
                }
                return error("the file ends where \(expected) was expected", at: position)
            }
            if byte == UInt8(ascii: "/"), position + 1 < bytes.count,
                bytes[position + 1] == UInt8(ascii: "/") || bytes[position + 1] == UInt8(ascii: "*")
            {
                return error("comments are not allowed in JSON", at: position, found: text(at: position, length: 2))
            }
            if byte >= 0x80, (try? utf8Sequence()) == nil { return invalidUTF8(at: position) }
            let length = byte < 0x80 ? 1 : ((try? utf8Sequence()) ?? 1)
            return error("expected \(expected)", at: position, found: text(at: position, length: length))
        }

        func text(at offset: Int, length: Int) -> String {
            String(decoding: bytes[offset..<min(bytes.count, offset + length)], as: UTF8.self)
        }

        func error(_ message: String, at offset: Int, found: String = "") -> JSONSyntaxError {
            let (line, column) = lineAndColumn(at: offset)
            return JSONSyntaxError(line: line, column: column, message: message, found: found)
        }

        /// 1-based line and column of a byte offset; columns count characters, not bytes.
        func lineAndColumn(at offset: Int) -> (line: Int, column: Int) {
            var line = 1
            var column = 1
            for byte in bytes[..<min(offset, bytes.count)] {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return (line, column)
        }
    }
}

// MARK: - Decoding from a parsed tree

/// Which keys decoding asked every object for — what the record types read, found without any list of field names,
/// so a key nobody asked for (a misspelt `partcipants`) is known to be unknown.
final class JSONReadLog {
    struct Reads {
        /// Keys asked for, in the order asked (the type's declaration order, for synthesized conformances).
        var keys: [String] = []
        var asked: Set<String> = []
        /// Every key was taken (a dictionary: its keys are data, not field names).
        var all = false
    }

    private(set) var objects: [[JSONPathComponent]: Reads] = [:]

    func opened(_ path: [JSONPathComponent]) {
        if objects[path] == nil { objects[path] = Reads() }
    }

    func asked(_ key: String, at path: [JSONPathComponent]) {
        if objects[path, default: Reads()].asked.insert(key).inserted { objects[path]!.keys.append(key) }
    }

    func tookAll(at path: [JSONPathComponent]) { objects[path, default: Reads()].all = true }
}

/// Decodes `Decodable` types straight from a ``JSONValue`` tree. Unlike `JSONDecoder` it names the field of every
/// number that does not fit (`1e30` for an `Int`), never rounds a number into a type, and logs the keys read.
struct JSONTreeDecoder {
    static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, log: JSONReadLog = JSONReadLog()
    ) throws
        -> T
    {
        try JSONTreeNode(value: value, path: [], codingPath: [], log: log).decode(T.self)
    }
}

/// A coding key for array positions and for `super`.
struct JSONCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }
    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

/// One value of the tree being decoded: a `Decoder`, and its own single-value container.
private struct JSONTreeNode: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let path: [JSONPathComponent]
    let codingPath: [any CodingKey]
    let log: JSONReadLog
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: Any].self, "an object") }
        log.opened(path)
        return KeyedDecodingContainer(JSONTreeKeyedContainer<Key>(object: object, node: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, "an array") }
        return JSONTreeUnkeyedContainer(items: items, node: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func child(_ value: JSONValue, _ component: JSONPathComponent, _ key: any CodingKey) -> JSONTreeNode {
        JSONTreeNode(value: value, path: path + [component], codingPath: codingPath + [key], log: log)
    }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        let context = DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(expected)")
        return value == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    func corrupted(_ description: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: description))
    }

    // SingleValueDecodingContainer

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(type, "true or false") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(type, "a string") }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double { try floating(type) }
    func decode(_ type: Float.Type) throws -> Float { try floating(type) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The types JSONEncoder writes in a form of its own, read back the same way.
        if type == URL.self {
            guard let url = URL(string: try decode(String.self)) else { throw corrupted("expected a URL") }
            return url as! T
        }
        if type == Decimal.self {
            guard case .number(let text) = value, let decimal = Decimal(string: text, locale: nil) else {
                throw mismatch(type, "a number")
            }
            return decimal as! T
        }
        if type == Data.self {
            guard let data = Data(base64Encoded: try decode(String.self)) else {
                throw corrupted("expected base64 data")
            }
            return data as! T
        }
        return try T(from: self)
    }

    /// A whole number that fits `T`. Written as an integer, or as a decimal or exponent form with an integral value
    /// (`10.0`, `1e2`) as JSONDecoder accepts; never rounded, never clamped.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let text) = value else { throw mismatch(type, "an integer") }
        let range = "expected an integer from \(T.min) to \(T.max)"
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            guard let number = T(text) else { throw corrupted(range) }
            return number
        }
        guard let number = Double(text), number.isFinite else { throw corrupted(range) }
        guard number == number.rounded(.towardZero) else { throw corrupted("expected an integer") }
        guard let exact = T(exactly: number) else { throw corrupted(range) }
        return exact
    }

    func floating<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let text) = value else { throw mismatch(type, "a number") }
        guard let number = T(text), number.isFinite else { throw corrupted("the number is too large") }
        return number
    }
}

private struct JSONTreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let node: JSONTreeNode

    var codingPath: [any CodingKey] { node.codingPath }

    var allKeys: [Key] {
        node.log.tookAll(at: node.path)
        return object.keys.compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        node.log.asked(key.stringValue, at: node.path)
        return object[key.stringValue] != nil
    }

    private func child(_ key: Key) throws -> JSONTreeNode {
        node.log.asked(key.stringValue, at: node.path)
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "required field is missing"))
        }
        return node.child(value, .key(key.stringValue), key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = JSONCodingKey(stringValue: "super")
        node.log.asked(key.stringValue, at: node.path)
        return node.child(object[key.stringValue] ?? .null, .key(key.stringValue), key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        node.log.asked(key.stringValue, at: node.path)
        return node.child(object[key.stringValue] ?? .null, .key(key.stringValue), key)
    }
}

private struct JSONTreeUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let node: JSONTreeNode
    private(set) var currentIndex = 0

    init(items: [JSONValue], node: JSONTreeNode) {
        self.items = items
        self.node = node
    }

    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// Decodes the next element with `body`, moving on only when it succeeds (as JSONDecoder does).
    private mutating func next<T>(_ type: T.Type, _ body: (JSONTreeNode) throws -> T) throws -> T {
        let key = JSONCodingKey(intValue: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(codingPath: codingPath + [key], debugDescription: "the array has no more items"))
        }
        let value = try body(node.child(items[currentIndex], .index(currentIndex), key))
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next(KeyedDecodingContainer<NestedKey>.self) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder { try next((any Decoder).self) { $0 } }
}
