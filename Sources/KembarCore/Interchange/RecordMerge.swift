import Foundation

/// How an import treats a record whose key is already stored.
public enum ImportMode: String, Sendable, Codable, CaseIterable {
    /// The file's record replaces the stored one whole (the default).
    case replace
    /// The file's fields and list items are added to the stored record; what the file leaves out is kept.
    case merge
}

/// One field that an import changes, by its JSON path in the record (`participants[0].count`), with the values
/// before and after as compact JSON (`nil` where the field is absent).
public struct FieldChange: Hashable, Sendable, Codable {
    public var path: String
    public var before: String?
    public var after: String?

    public init(path: String, before: String?, after: String?) {
        self.path = path
        self.before = before
        self.after = after
    }
}

/// What an import does, or would do, to one record.
public struct RecordChange: Hashable, Sendable, Codable {
    public enum Action: String, Hashable, Sendable, Codable { case add, change, keep }

    /// The dataset collection (`activities`).
    public var collection: String
    public var key: String
    public var action: Action
    /// For `change`: every field that differs.
    public var fields: [FieldChange]

    public init(collection: String, key: String, action: Action, fields: [FieldChange] = []) {
        self.collection = collection
        self.key = key
        self.action = action
        self.fields = fields
    }
}

/// Merging and comparing records through their JSON documents, so every kind of record — and every field added to
/// one later — is handled the same way.
public enum RecordMerge {
    /// `stored` with `incoming`'s fields added: objects merge key by key, lists gain the items they lack (in the
    /// file's order, after the stored ones), and any other value the file gives replaces the stored one.
    public static func merge<T: Codable>(stored: T, incoming: T) throws -> T {
        let merged = mergeValues(try tree(stored), try tree(incoming))
        let data = try JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys, .fragmentsAllowed])
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Every field where `after` differs from `before`, by JSON path, in path order.
    public static func changes<T: Encodable>(from before: T, to after: T) throws -> [FieldChange] {
        var found: [FieldChange] = []
        diff(try tree(before), try tree(after), path: "", into: &found)
        return found
    }

    /// The changes between two stored JSON documents of a record (either absent for a create or a delete), field by
    /// field; unreadable JSON counts as absent.
    public static func changes(fromDocument before: String?, toDocument after: String?) -> [FieldChange] {
        func tree(_ text: String?) -> Any? {
            text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) }
        }
        var found: [FieldChange] = []
        diff(tree(before) ?? [String: Any](), tree(after) ?? [String: Any](), path: "", into: &found, opening: true)
        return found
    }

    static func tree<T: Encodable>(_ value: T) throws -> Any {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
    }

    static func mergeValues(_ stored: Any, _ incoming: Any) -> Any {
        if let a = stored as? [String: Any], let b = incoming as? [String: Any] {
            var result = a
            for (key, value) in b { result[key] = a[key].map { mergeValues($0, value) } ?? value }
            return result
        }
        if let a = stored as? [Any], let b = incoming as? [Any] {
            var result = a
            let present = Set(a.map(compact))
            var added = Set<String>()
            for item in b {
                let text = compact(item)
                if !present.contains(text), added.insert(text).inserted { result.append(item) }
            }
            return result
        }
        return incoming
    }

    /// With `opening`, an object present on one side only is compared field by field with an empty one (a record's
    /// history shows `title.en` and `title.id` of a new record, not one line of JSON).
    static func diff(_ a: Any?, _ b: Any?, path: String, into found: inout [FieldChange], opening: Bool = false) {
        let x = a as? [String: Any] ?? (opening && a == nil && b is [String: Any] ? [:] : nil)
        let y = b as? [String: Any] ?? (opening && b == nil && a is [String: Any] ? [:] : nil)
        if let x, let y {
            for key in Set(x.keys).union(y.keys).sorted() {
                diff(x[key], y[key], path: path.isEmpty ? key : "\(path).\(key)", into: &found, opening: opening)
            }
            return
        }
        if let x = a as? [Any], let y = b as? [Any], x.count == y.count {
            for i in x.indices { diff(x[i], y[i], path: "\(path)[\(i)]", into: &found, opening: opening) }
            return
        }
        let before = a.map(compact)
        let after = b.map(compact)
        if before != after { found.append(FieldChange(path: path, before: before, after: after)) }
    }

    /// Canonical one-line JSON of a value (sorted keys), for comparing and showing.
    static func compact(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}
