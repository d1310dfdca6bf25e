import Foundation

/// One column of a record's flat form — a CSV column or a field of a web form.
public struct FlatColumn: Hashable, Sendable {
    /// How the column's text is read.
    public enum Kind: Hashable, Sendable {
        case key
        /// The key of another record, of the named collection (`cities`, `partnerships`, …).
        case reference(String)
        case text, longText, date, integer, number, boolean
        case choice([String])
        /// A `;`-separated list, in the syntax the column's documentation gives (e.g. `role=count`).
        case list
    }

    public var name: String
    public var kind: Kind
    public var required: Bool

    public init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ name: String, _ type: T.Type, required: Bool = true
    )
        -> FlatColumn
    where T.RawValue == String { FlatColumn(name, .choice(T.allCases.map(\.rawValue)), required: required) }

    /// A bilingual text as two columns, `name_en` and `name_id`.
    static func text(_ name: String, long: Bool = false) -> [FlatColumn] {
        [FlatColumn("\(name)_en", long ? .longText : .text), FlatColumn("\(name)_id", long ? .longText : .text)]
    }
}

/// A record that can be written as, and read from, a flat map of column → text: CSV rows and web forms.
///
/// Reading reports every bad cell as a ``Violation`` whose `field` is the column name, so a form can show each
/// message beside its input and a CSV import can name the column.
public protocol FlatCodable: Sendable {
    /// The collection name in a dataset (`activities`).
    static var collection: String { get }
    static var columns: [FlatColumn] { get }
    static func read(_ reader: inout FlatReader) -> Self?
    var flat: [String: String] { get }
}

extension FlatCodable {
    /// Reads a record from `values`; throws every problem at once, located at `location`.
    public static func read(_ values: [String: String], location: String = "") throws(InvalidInput) -> Self {
        var reader = FlatReader(values: values, location: location)
        let record = read(&reader)
        guard reader.problems.isEmpty, let record else {
            throw InvalidInput(
                reader.problems.isEmpty
                    ? [Violation(location: location, field: "", value: "", rule: .valueInvalid)] : reader.problems)
        }
        return record
    }

    /// The form column a domain violation belongs to: `participants[0].count` → `participants`, `title` → `title_en`.
    public static func column(for field: String) -> String {
        let head = String(field.prefix { $0 != "[" && $0 != "." })
        let names = Set(columns.map(\.name))
        if head == "id" { return "key" }
        if names.contains(head) { return head }
        if names.contains("\(head)_en") { return "\(head)_en" }
        return head
    }
}

/// Reads the cells of one flat record, collecting every problem with its column name.
public struct FlatReader {
    public let values: [String: String]
    public let location: String
    public private(set) var problems: [Violation] = []

    public init(values: [String: String], location: String) {
        self.values = values
        self.location = location
    }

    mutating func fail(_ field: String, _ value: String, _ detail: String, rule: DomainRule = .valueInvalid) {
        problems.append(
            Violation(location: location, field: field, value: value, rule: rule, detail: detail.isEmpty ? nil : detail)
        )
    }

    func cell(_ name: String) -> String? {
        guard let raw = values[name] else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func list(_ name: String) -> [String] {
        (cell(name) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    func keys<T>(_ name: String) -> [Key<T>] { list(name).map { Key<T>($0) } }

    mutating func required(_ name: String) -> String? {
        if let value = cell(name) { return value }
        fail(name, "", "", rule: .valueRequired)
        return nil
    }

    mutating func key<T>(_ name: String, required: Bool = true) -> Key<T>? {
        (required ? self.required(name) : cell(name)).map { Key<T>($0) }
    }

    mutating func date(_ name: String, required: Bool = false) -> PartialDate? {
        guard let text = required ? self.required(name) : cell(name) else { return nil }
        do { return try PartialDate(parsing: text) } catch { fail(name, text, "\(error)") }
        return nil
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ name: String, _ type: T.Type, required: Bool = true
    )
        -> T?
    where T.RawValue == String {
        guard let text = required ? self.required(name) : cell(name) else { return nil }
        if let value = T(rawValue: text) { return value }
        fail(name, text, "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        return nil
    }

    mutating func integer(_ name: String) -> Int? {
        guard let text = cell(name) else { return nil }
        if let value = Int(text) { return value }
        fail(name, text, "a whole number")
        return nil
    }

    /// A number; a decimal comma is accepted too, as Indonesian spreadsheets write it ("10,35").
    mutating func number(_ name: String, required: Bool = false) -> Double? {
        guard let text = required ? self.required(name) : cell(name) else { return nil }
        if let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite { return value }
        fail(name, text, "a finite number")
        return nil
    }

    mutating func boolean(_ name: String) -> Bool? {
        guard let text = cell(name) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ya", "1", "on": return true
        case "false", "no", "tidak", "0", "off": return false
        default:
            fail(name, text, "true or false")
            return nil
        }
    }

    /// A bilingual text from `name_en` and `name_id`; `nil` when both are empty (and a problem when required).
    mutating func text(_ name: String, required: Bool = false) -> LocalizedText? {
        let text = LocalizedText(en: cell("\(name)_en"), id: cell("\(name)_id"))
        if text.isEmpty {
            if required { fail("\(name)_en", "", "\(name)_en or \(name)_id is required", rule: .textEmpty) }
            return nil
        }
        return text
    }

    /// Bilingual list items from `name_en` and `name_id`, paired by position.
    func texts(_ name: String) -> [LocalizedText] {
        let en = list("\(name)_en")
        let id = list("\(name)_id")
        return (0..<max(en.count, id.count)).map { i in
            LocalizedText(en: i < en.count ? en[i] : nil, id: i < id.count ? id[i] : nil)
        }
    }

    /// `role=count` items, `~` before an approximate count: `pupil=10; teacher=~250`.
    mutating func participants(_ name: String = "participants") -> [Participants] {
        var result: [Participants] = []
        for item in list(name) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var number = parts.count == 2 ? parts[1] : ""
            let approximate = number.hasPrefix("~")
            if approximate { number.removeFirst() }
            if parts.count == 2, let count = Int(number), !parts[0].isEmpty {
                result.append(Participants(role: parts[0], count: count, approximate: approximate))
            } else {
                fail(name, item, "role=count, with ~ before an approximate count (teacher=~250)")
            }
        }
        return result
    }

    /// `key:role` items.
    mutating func organisations(_ name: String = "organisations") -> [OrganisationRole] {
        var result: [OrganisationRole] = []
        for item in list(name) {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, let role = OrganisationRole.Role(rawValue: parts[1]) {
                result.append(OrganisationRole(organisation: OrganisationKey(parts[0]), role: role))
            } else {
                fail(
                    name, item,
                    "key:role, role one of " + OrganisationRole.Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        return result
    }

    /// `framework:node` items.
    mutating func tags(_ name: String = "tags") -> [FrameworkTag] {
        var result: [FrameworkTag] = []
        for item in list(name) {
            if let tag = FrameworkTag(parsing: item) { result.append(tag) } else { fail(name, item, "framework:node") }
        }
        return result
    }
}

/// Writing helpers shared by the records' `flat` forms.
enum FlatWriter {
    static func text(_ name: String, _ text: LocalizedText?, into values: inout [String: String]) {
        values["\(name)_en"] = text?.en ?? ""
        values["\(name)_id"] = text?.id ?? ""
    }

    static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    static func participants(_ groups: [Participants]) -> String {
        list(groups.map { "\($0.role)=\($0.approximate ? "~" : "")\($0.count)" })
    }

    static func organisations(_ roles: [OrganisationRole]) -> String {
        list(roles.map { "\($0.organisation):\($0.role.rawValue)" })
    }
}
