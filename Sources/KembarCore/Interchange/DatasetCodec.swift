import Foundation

/// Reads and writes the Kembar dataset JSON format.
public enum DatasetCodec {
    /// Writes `dataset` canonically: collections sorted by key, object keys sorted, pretty-printed, so that equal
    /// datasets give byte-identical files.
    public static func encode(_ dataset: Dataset) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(dataset.canonical)
        data.append(0x0A)
        return data
    }

    /// The collections of a dataset, in the order they are read and checked.
    static let collections = [
        "sources", "fields", "frameworks", "crosswalks", "cities", "organisations", "partnerships", "agreements",
        "milestones", "actions", "activities", "documents", "initiatives", "observations",
    ]

    /// Reads a dataset, reporting every problem of every record (not only the first), each by JSON path.
    ///
    /// The text must be strict JSON (RFC 8259, see ``StrictJSON``): a syntax error is reported with its line and
    /// column (location `3:14`), a key given twice in one object with the object's path. Structure is checked here
    /// — types, required fields, enum values, date forms, numbers that fit their field, fields no record type reads
    /// (a misspelt `partcipants`), `null` values; domain rules are checked by ``Dataset/violations(existing:)``.
    public static func decode(_ data: Data) throws(InvalidInput) -> Dataset {
        let parsed: JSONDocument
        do {
            parsed = try StrictJSON.parse([UInt8](data))
        } catch {
            throw InvalidInput([error.violation])
        }
        guard case .object(let object) = parsed.value else {
            throw InvalidInput([
                Violation(
                    location: "$", field: "", value: parsed.value.summary, rule: .valueInvalid,
                    detail: "the top level must be a JSON object")
            ])
        }
        var problems = parsed.duplicates.map(violation(for:))
        var dataset = Dataset()
        if case .string(let format) = object["format"] {
            dataset.format = format
        } else {
            problems.append(
                Violation(
                    location: "$", field: "format", value: object["format"]?.summary ?? "",
                    rule: .formatUnsupported, detail: "expected \"\(Dataset.formatName)\""))
        }
        if let version = object["version"], let number = try? JSONTreeDecoder.decode(Int.self, from: version) {
            dataset.version = number
        } else {
            problems.append(
                Violation(
                    location: "$", field: "version", value: object["version"]?.summary ?? "",
                    rule: .formatUnsupported, detail: "expected \(Dataset.currentVersion)"))
        }
        let known = Set(["format", "version"] + collections)
        for name in object.keys where !known.contains(name) {
            problems.append(
                Violation(
                    location: "$", field: name, value: "", rule: .fieldUnknown,
                    detail: unknown("collection", name, known: collections)))
        }
        func read<T: Decodable>(_ name: String, _ type: T.Type) -> [T] {
            assert(collections.contains(name))
            guard let raw = object[name] else { return [] }
            guard case .array(let items) = raw else {
                problems.append(
                    Violation(
                        location: "$", field: name, value: raw == .null ? "null" : "",
                        rule: raw == .null ? .nullNotAllowed : .valueInvalid,
                        detail: raw == .null ? "leave the collection out instead of null" : "must be an array"))
                return []
            }
            var records: [T] = []
            for (i, item) in items.enumerated() {
                let (record, found) = decodeRecord(T.self, from: item)
                problems += found.map { $0.located(at: "$.\(name)[\(i)]") }
                if let record, found.isEmpty { records.append(record) }
            }
            return records
        }
        dataset.sources = read("sources", Source.self)
        dataset.fields = read("fields", Field.self)
        dataset.frameworks = read("frameworks", Framework.self)
        dataset.crosswalks = read("crosswalks", Crosswalk.self)
        dataset.cities = read("cities", City.self)
        dataset.organisations = read("organisations", Organisation.self)
        dataset.partnerships = read("partnerships", Partnership.self)
        dataset.agreements = read("agreements", Agreement.self)
        dataset.milestones = read("milestones", Milestone.self)
        dataset.actions = read("actions", PlannedAction.self)
        dataset.activities = read("activities", Activity.self)
        dataset.documents = read("documents", AttachedDocument.self)
        dataset.initiatives = read("initiatives", Initiative.self)
        dataset.observations = read("observations", Observation.self)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        return dataset
    }

    /// Reads one value of the dataset format (a record, or a list of them as a CSV cell holds) from strict JSON
    /// text, with every problem; fields are relative to the value and locations empty.
    static func decodeValue<T: Decodable>(_ type: T.Type, from data: Data) -> (value: T?, problems: [Violation]) {
        let parsed: JSONDocument
        do {
            parsed = try StrictJSON.parse([UInt8](data))
        } catch {
            return (nil, [error.violation])
        }
        let duplicates = parsed.duplicates.map { duplicate in
            Violation(
                field: JSONPathComponent.field(duplicate.object + [.key(duplicate.key)]), value: "",
                rule: .fieldDuplicated, detail: duplicatedDetail(duplicate))
        }
        let (value, problems) = decodeRecord(type, from: parsed.value)
        return (duplicates.isEmpty && problems.isEmpty ? value : nil, duplicates + problems)
    }

    // MARK: - Reading one record

    /// How many times one record may be decoded while looking for its problems, and how many are listed.
    static let maximumAttempts = 200
    static let maximumProblems = 50

    /// Decodes a record from its JSON tree, finding every problem it has, not only the first.
    ///
    /// Decoding stops at the first problem, so the problem is noted and the offending value replaced by a
    /// placeholder that decodes (an empty string, zero, an enumeration's first value, an empty object, …), then
    /// decoding is repeated; a bounded number of times. Errors inside a placeholder are its own, never reported. When
    /// the record finally decodes, every key it holds that decoding never asked for is an unknown field, and every
    /// `null` is refused: the format leaves optional values out instead.
    static func decodeRecord<T: Decodable>(_ type: T.Type, from item: JSONValue) -> (value: T?, problems: [Violation]) {
        var tree = item
        var found: [(path: [JSONPathComponent], violation: Violation)] = []
        var replaced: [[JSONPathComponent]] = []
        var attempts = 1
        var exhausted = false
        func attempt(_ tree: JSONValue) -> Result<(T, JSONReadLog), DecodingError> {
            let log = JSONReadLog()
            do {
                return .success((try JSONTreeDecoder.decode(T.self, from: tree, log: log), log))
            } catch let error as DecodingError {
                return .failure(error)
            } catch {
                return .failure(.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)")))
            }
        }
        var outcome = attempt(tree)
        var decoded: (value: T, log: JSONReadLog)?
        search: while true {
            let error: DecodingError
            switch outcome {
            case .success(let result):
                decoded = result
                break search
            case .failure(let failure):
                error = failure
            }
            let path = treePath(of: error, in: tree)
            if !replaced.contains(where: { path.starts(with: $0) }) && !found.contains(where: { $0.path == path }) {
                found.append((path, problem(error, at: path, value: item[path])))
            }
            guard !path.isEmpty else { break }
            guard found.count < maximumProblems else {
                exhausted = true
                break
            }
            var candidates = placeholders(for: error, value: tree[path])
            var tried: Set<JSONValue> = []
            var next: Result<(T, JSONReadLog), DecodingError>?
            while let candidate = candidates.first {
                candidates.removeFirst()
                guard tried.insert(candidate).inserted else { continue }
                guard attempts < maximumAttempts else {
                    exhausted = true
                    break
                }
                attempts += 1
                var trial = tree
                trial[path] = candidate
                let result = attempt(trial)
                if case .failure(let again) = result, treePath(of: again, in: trial) == path {
                    if let hint = placeholder(in: again) { candidates.insert(.string(hint), at: 0) }
                    continue
                }
                tree = trial
                replaced.append(path)
                next = result
                break
            }
            guard let next else { break }
            outcome = next
        }
        var problems = found.map(\.violation)
        let reported = Set(found.map(\.path))
        func skipped(_ path: [JSONPathComponent]) -> Bool {
            reported.contains(path) || replaced.contains { path.starts(with: $0) }
        }
        strays(in: item, at: [], log: decoded?.log, skipping: skipped, into: &problems)
        if exhausted {
            problems.append(
                Violation(
                    field: "", value: "", rule: .valueInvalid,
                    detail: "too many problems: the rest of this record was not checked"))
        }
        return (problems.isEmpty ? decoded?.value : nil, problems)
    }

    /// Unknown fields and `null` values, in the order they are written.
    private static func strays(
        in value: JSONValue, at path: [JSONPathComponent], log: JSONReadLog?,
        skipping skipped: ([JSONPathComponent]) -> Bool, into problems: inout [Violation]
    ) {
        switch value {
        case .object(let object):
            let reads = log?.objects[path]
            for (key, child) in object.members {
                let childPath = path + [.key(key)]
                if skipped(childPath) { continue }
                let field = JSONPathComponent.field(childPath)
                if let reads, !reads.all, !reads.asked.contains(key) {
                    problems.append(
                        Violation(
                            field: field, value: child.summary, rule: .fieldUnknown,
                            detail: unknown("field", key, known: reads.keys)))
                } else if child == .null {
                    problems.append(
                        Violation(
                            field: field, value: "null", rule: .nullNotAllowed,
                            detail: "leave the field out instead of null"))
                } else {
                    strays(in: child, at: childPath, log: log, skipping: skipped, into: &problems)
                }
            }
        case .array(let items):
            for (i, child) in items.enumerated() {
                let childPath = path + [.index(i)]
                if skipped(childPath) { continue }
                if child == .null {
                    problems.append(
                        Violation(
                            field: JSONPathComponent.field(childPath), value: "null", rule: .nullNotAllowed,
                            detail: "null is not allowed in a list"))
                } else {
                    strays(in: child, at: childPath, log: log, skipping: skipped, into: &problems)
                }
            }
        default:
            break
        }
    }

    /// "unknown field; did you mean 'participants'? Known fields: id, partnership, …"
    static func unknown(_ what: String, _ name: String, known: [String]) -> String {
        let list = known.joined(separator: ", ")
        guard !known.isEmpty else { return "unknown \(what)" }
        if let suggestion = closest(to: name, in: known) {
            return "unknown \(what); did you mean '\(suggestion)'? Known \(what)s: \(list)"
        }
        return "unknown \(what); known \(what)s: \(list)"
    }

    /// The known name a misspelling most likely meant: the same but for case, or at most two edits (a swap of two
    /// neighbouring letters counts as one) away and sharing most of its letters.
    static func closest(to name: String, in known: [String]) -> String? {
        if let same = known.first(where: { $0.lowercased() == name.lowercased() }) { return same }
        let limit = min(2, max(1, name.count / 4))
        let ranked = known.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        return ranked.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// The path in `tree` a decoding error points at: array positions where the tree has arrays, keys elsewhere.
    static func treePath(of error: DecodingError, in tree: JSONValue) -> [JSONPathComponent] {
        var codingPath: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): codingPath = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        @unknown default: codingPath = []
        }
        var path: [JSONPathComponent] = []
        var node: JSONValue? = tree
        for key in codingPath {
            if case .array = node, let index = key.intValue {
                path.append(.index(index))
            } else {
                path.append(.key(key.stringValue))
            }
            node = node?[[path.last!]]
        }
        return path
    }

    /// Values to put where a wrong one stood, most likely to decode first.
    static func placeholders(for error: DecodingError, value: JSONValue?) -> [JSONValue] {
        var list: [JSONValue] = []
        if let hint = placeholder(in: error) { list.append(.string(hint)) }
        switch error {
        case .typeMismatch(let type, _), .valueNotFound(let type, _):
            if type == String.self { list.append(.string("")) }
            if type == Bool.self { list.append(.bool(false)) }
            if type is any BinaryInteger.Type || type is any BinaryFloatingPoint.Type { list.append(.number("0")) }
            if "\(type)".hasPrefix("Array") { list.append(.array([])) }
            if "\(type)".hasPrefix("Dictionary") { list.append(.object(JSONObject())) }
        case .dataCorrupted:
            if case .number = value { list.append(.number("0")) }
        default:
            break
        }
        // Then whatever commonly decodes: texts, a year (dates), numbers, flags, objects of optional fields, lists.
        return list + [.string(""), .string("2000"), .number("0"), .bool(false), .object(JSONObject()), .array([])]
    }

    static func placeholder(in error: DecodingError) -> String? {
        guard case .dataCorrupted(let context) = error else { return nil }
        return (context.underlyingError as? Placeholder)?.value
    }

    /// A decoding problem at `path` of a record; `value` is what the record holds there.
    static func problem(_ error: DecodingError, at path: [JSONPathComponent], value: JSONValue?) -> Violation {
        let field = JSONPathComponent.field(path)
        let shown = value?.summary ?? ""
        let found = value.map { ", found \($0.kindName)" } ?? ""
        switch error {
        case .keyNotFound:
            return Violation(field: field, value: "", rule: .valueInvalid, detail: "required field is missing")
        case .typeMismatch(let type, _):
            return Violation(
                field: field, value: shown, rule: .valueInvalid, detail: "expected \(typeName(type))\(found)")
        case .valueNotFound(let type, _):
            return Violation(
                field: field, value: "null", rule: .nullNotAllowed, detail: "expected \(typeName(type)), not null")
        case .dataCorrupted(let context):
            return Violation(field: field, value: shown, rule: .valueInvalid, detail: context.debugDescription)
        @unknown default:
            return Violation(field: field, value: shown, rule: .valueInvalid, detail: "\(error)")
        }
    }

    /// A key given twice in one object. Inside a record it is located at the record, like the record's other
    /// problems (`$.activities[0]`, field `participants[1].count`).
    static func violation(for duplicate: JSONDuplicateKey) -> Violation {
        let object = duplicate.object
        var location = object
        var inner: [JSONPathComponent] = []
        if object.count >= 2, case .key(let name) = object[0], collections.contains(name), case .index = object[1] {
            location = Array(object.prefix(2))
            inner = Array(object.dropFirst(2))
        }
        return Violation(
            location: JSONPathComponent.location(location),
            field: JSONPathComponent.field(inner + [.key(duplicate.key)]), value: "", rule: .fieldDuplicated,
            detail: duplicatedDetail(duplicate))
    }

    static func duplicatedDetail(_ duplicate: JSONDuplicateKey) -> String {
        "given twice in the same object, on lines \(duplicate.firstLine) and \(duplicate.line)"
    }

    /// Turns a decoding error into a violation located at `path` plus the error's coding path.
    static func violation(for error: any Error, at path: String) -> Violation {
        guard let error = error as? DecodingError else {
            return Violation(location: path, field: "", value: "", rule: .valueInvalid, detail: describe(error))
        }
        func field(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return Violation(
                location: path, field: field(context.codingPath + [key]), value: "",
                rule: .valueInvalid, detail: "required field is missing")
        case .typeMismatch(let type, let context):
            return Violation(
                location: path, field: field(context.codingPath), value: "", rule: .valueInvalid,
                detail: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return Violation(
                location: path, field: field(context.codingPath), value: "null", rule: .valueInvalid,
                detail: "expected \(typeName(type))")
        case .dataCorrupted(let context):
            return Violation(
                location: path, field: field(context.codingPath), value: "", rule: .valueInvalid,
                detail: context.debugDescription)
        @unknown default:
            return Violation(location: path, field: "", value: "", rule: .valueInvalid, detail: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is any BinaryInteger.Type: "an integer"
        case is any BinaryFloatingPoint.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
}
