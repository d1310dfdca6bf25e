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
        /// A `;`-separated list, in the syntax the column's documentation gives (e.g. `role=count`); a `;` or `\`
        /// inside an item is written `\;` or `\\`.
        case list
        /// A JSON array in the dataset format, for parts with sources of their own (results, figures, recognitions).
        case json
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

    /// The form column a domain violation belongs to: `participants[0].count` → `participants`, `title` → `title_en`,
    /// `partnerCity` → `partner_city`, `cost.amount` → `cost_amount`, `coordinates.latitude` → `latitude`.
    public static func column(for field: String) -> String {
        let head = String(field.prefix { $0 != "[" && $0 != "." })
        if head == "id" { return "key" }
        let names = Set(columns.map(\.name))
        var snake = ""
        for character in head {
            if character.isUppercase { snake += "_" + character.lowercased() } else { snake.append(character) }
        }
        let rest = field.dropFirst(head.count)
        let part = rest.hasPrefix(".") ? String(rest.dropFirst().prefix { $0 != "[" && $0 != "." }) : ""
        let candidates =
            (part.isEmpty ? [] : ["\(snake)_\(part)"]) + [snake, "\(snake)_en"] + (part.isEmpty ? [] : [part])
        return candidates.first { names.contains($0) } ?? head
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

    func list(_ name: String) -> [String] { FlatReader.items(cell(name) ?? "").filter { !$0.isEmpty } }

    /// Splits a list cell at unescaped `;`, keeping empty items (their position matters for paired lists).
    static func items(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var items: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ";" {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        items.append(current)
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func keys<T>(_ name: String) -> [Key<T>] { list(name).map { Key<T>($0) } }

    mutating func required(_ name: String) -> String? {
        if let value = cell(name) { return value }
        fail(name, "", "", rule: .valueRequired)
        return nil
    }

    mutating func key<T>(_ name: String, required: Bool = true) -> Key<T>? {
        guard let key = (required ? self.required(name) : cell(name)).map({ Key<T>($0) }) else { return nil }
        // Checked here as well as by the record's rules, so a malformed key is reported with the row's other
        // problems, not only once they are fixed.
        if name == "key", !key.isWellFormed {
            fail(
                name, key.rawValue, "lower-case letters, digits, '-' and '.', at most 120 characters",
                rule: .keyMalformed)
        }
        return key
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

    /// A yes-or-no mark stored only when set: `true`, or `nil` for an empty or false cell.
    mutating func mark(_ name: String) -> Bool? { boolean(name) == true ? true : nil }

    /// A bilingual text from `name_en` and `name_id`; `nil` when both are empty (and a problem when required).
    mutating func text(_ name: String, required: Bool = false) -> LocalizedText? {
        let text = LocalizedText(en: cell("\(name)_en"), id: cell("\(name)_id"))
        if text.isEmpty {
            if required { fail("\(name)_en", "", "\(name)_en or \(name)_id is required", rule: .textEmpty) }
            return nil
        }
        return text
    }

    /// Bilingual list items from `name_en` and `name_id`, paired by position; an empty item keeps its place, so an
    /// output given in one language only stays one output.
    func texts(_ name: String) -> [LocalizedText] {
        let en = FlatReader.items(cell("\(name)_en") ?? "")
        let id = FlatReader.items(cell("\(name)_id") ?? "")
        return (0..<max(en.count, id.count)).compactMap { i in
            let text = LocalizedText(
                en: i < en.count && !en[i].isEmpty ? en[i] : nil, id: i < id.count && !id[i].isEmpty ? id[i] : nil)
            return text.isEmpty ? nil : text
        }
    }

    /// `role=count` items, `~` before an approximate count, an optional breakdown in brackets:
    /// `pupil=10[girls=4, boys=6]; teacher=~250`.
    mutating func participants(_ name: String = "participants") -> [Participants] {
        var result: [Participants] = []
        let form = "role=count, with ~ before an approximate count and an optional [part=count, …] (teacher=~250)"
        for item in list(name) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var number = parts.count == 2 ? parts[1] : ""
            var breakdown: [String: Int] = [:]
            var breakdownOK = true
            if let open = number.firstIndex(of: "["), number.hasSuffix("]") {
                let inner = number[number.index(after: open)..<number.index(before: number.endIndex)]
                number = number[..<open].trimmingCharacters(in: .whitespaces)
                for piece in inner.split(separator: ",") {
                    let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if pair.count == 2, !pair[0].isEmpty, let n = Int(pair[1]), breakdown[pair[0]] == nil {
                        breakdown[pair[0]] = n
                    } else {
                        breakdownOK = false
                    }
                }
            }
            let approximate = number.hasPrefix("~")
            if approximate { number.removeFirst() }
            if parts.count == 2, breakdownOK, let count = Int(number), !parts[0].isEmpty {
                result.append(
                    Participants(role: parts[0], count: count, approximate: approximate, breakdown: breakdown))
            } else {
                fail(name, item, form)
            }
        }
        return result
    }

    /// A JSON array of `T` in the dataset format, read as strictly as a dataset file (unknown fields, `null` and
    /// non-standard JSON are refused); an empty cell is an empty array.
    mutating func json<T: Decodable>(_ name: String, _ type: [T].Type) -> [T] {
        guard let text = cell(name) else { return [] }
        let (value, problems) = DatasetCodec.decodeValue([T].self, from: Data(text.utf8))
        for problem in problems {
            let field =
                problem.field.isEmpty ? name : "\(name)\(problem.field.hasPrefix("[") ? "" : ".")\(problem.field)"
            self.problems.append(
                Violation(
                    location: location, field: field,
                    value: problem.value.isEmpty ? String(text.prefix(80)) : problem.value,
                    rule: problem.rule, detail: problem.detail))
        }
        return problems.isEmpty ? value ?? [] : []
    }

    /// Who travelled and where, from `travel` and `venue`; a version-1 `mode` column (inbound, outbound, online,
    /// hybrid) is read instead when both are empty, so old spreadsheets still import.
    /// An amount and its currency from `name_amount` and `name_currency`: both or neither.
    mutating func money(_ name: String) -> Money? {
        let amount = number("\(name)_amount")
        let currency = cell("\(name)_currency")?.uppercased()
        switch (amount, currency) {
        case (let amount?, let currency?): return Money(amount: amount, currency: currency)
        case (nil, nil): return nil
        case (nil, _):
            if cell("\(name)_amount") == nil { fail("\(name)_amount", "", "give the amount with its currency") }
            return nil
        case (_, nil):
            fail("\(name)_currency", "", "give the currency with the amount (ISO 4217, e.g. IDR)")
            return nil
        }
    }

    mutating func travelAndVenue() -> (Activity.Travel?, Activity.Venue?) {
        if cell("travel") == nil, cell("venue") == nil, let text = cell("mode") {
            if let legacy = Activity.LegacyMode(rawValue: text) { return (legacy.travel, legacy.venue) }
            fail("mode", text, "one of " + Activity.LegacyMode.allCases.map(\.rawValue).joined(separator: ", "))
            return (nil, nil)
        }
        return (choice("travel", Activity.Travel.self), choice("venue", Activity.Venue.self))
    }

    /// Signatories, one item each: `Name | office (English) | office (Indonesian) | city key | source, source |
    /// disputed`, trailing parts optional; an item starting with `or ` is another name other sources give for the
    /// signatory before it: `or Name | office (English) | office (Indonesian) | source, source`.
    mutating func signatories(_ name: String = "signatories") -> [Signatory] {
        var result: [Signatory] = []
        for item in list(name) {
            let alternative = item.lowercased().hasPrefix("or ")
            let body = alternative ? String(item.dropFirst(3)) : item
            let parts = body.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            func part(_ i: Int) -> String? { i < parts.count && !parts[i].isEmpty ? parts[i] : nil }
            func sources(_ i: Int) -> [SourceKey] { Self.sourceKeys(part(i)) }
            let office = LocalizedText(en: part(1), id: part(2))
            if alternative {
                if !result.isEmpty, (1...4).contains(parts.count), let person = part(0) {
                    result[result.count - 1].alternatives.append(
                        Signatory.Alternative(name: person, office: office.isEmpty ? nil : office, sources: sources(3)))
                } else {
                    fail(name, item, "or Name | office (English) | office (Indonesian) | sources, after a signatory")
                }
                continue
            }
            let disputed = part(5)
            if (2...6).contains(parts.count), let person = part(0), !office.isEmpty,
                disputed == nil || disputed == "disputed"
            {
                result.append(
                    Signatory(
                        name: person, office: office, city: part(3).map { CityKey($0) },
                        disputed: disputed == nil ? nil : true, sources: sources(4)))
            } else {
                fail(name, item, "Name | office (English) | office (Indonesian) | city key | sources | disputed")
            }
        }
        return result
    }

    /// The comma-separated source keys of a part of a list item (`a, b`).
    static func sourceKeys(_ text: String?) -> [SourceKey] {
        (text ?? "").split(separator: ",").map { SourceKey($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.rawValue.isEmpty }
    }

    /// Procedure steps done: `step | date | document | sources, comma-separated | note`, trailing parts optional (the
    /// note is the rest of the item and may hold `|`).
    mutating func procedure(_ name: String = "procedure") -> [ProcedureRecord] {
        var result: [ProcedureRecord] = []
        for item in list(name) {
            let parts = item.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            func part(_ i: Int) -> String? { i < parts.count && !parts[i].isEmpty ? parts[i] : nil }
            guard let step = part(0), let text = part(1) else {
                fail(name, item, "step | date | document | sources | note")
                continue
            }
            guard let date = try? PartialDate(parsing: text) else {
                fail(name, text, "YYYY, YYYY-MM or YYYY-MM-DD")
                continue
            }
            let note = parts.count > 4 ? parts[4...].joined(separator: " | ") : ""
            result.append(
                ProcedureRecord(
                    step: step, date: date, document: part(2), note: note.isEmpty ? nil : note,
                    sources: Self.sourceKeys(part(3))))
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

    static func list(_ items: [String]) -> String { items.map(escape).joined(separator: "; ") }
    /// A mark stored only when set (``FlatReader/mark(_:)``).
    static func mark(_ value: Bool?) -> String { value == true ? "true" : "" }

    /// Escapes `\` and `;` so an item containing them reads back whole.
    static func escape(_ item: String) -> String {
        item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
    }

    /// Paired bilingual items: both columns keep every position, so a text missing in one language stays aligned.
    static func texts(_ name: String, _ items: [LocalizedText], into values: inout [String: String]) {
        let en = items.map { escape($0.en ?? "") }
        let id = items.map { escape($0.id ?? "") }
        values["\(name)_en"] = en.allSatisfy(\.isEmpty) ? "" : en.joined(separator: "; ")
        values["\(name)_id"] = id.allSatisfy(\.isEmpty) ? "" : id.joined(separator: "; ")
    }

    /// A JSON array in the dataset format (sorted keys, one line); an empty array is an empty cell.
    static func json<T: Encodable>(_ items: [T]) -> String {
        guard !items.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(items)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    static func participants(_ groups: [Participants]) -> String {
        list(
            groups.map { group in
                let parts = group.breakdown.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                let breakdown = parts.isEmpty ? "" : "[" + parts.joined(separator: ", ") + "]"
                return "\(group.role)=\(group.approximate ? "~" : "")\(group.count)\(breakdown)"
            })
    }

    static func signatories(_ signatories: [Signatory]) -> String {
        func trimmed(_ parts: [String]) -> String {
            var parts = parts
            while parts.count > 2, parts.last?.isEmpty == true { parts.removeLast() }
            return parts.joined(separator: " | ")
        }
        return list(
            signatories.flatMap { s in
                [
                    trimmed([
                        s.name, s.office.en ?? "", s.office.id ?? "", s.city?.rawValue ?? "",
                        s.sources.map(\.rawValue).joined(separator: ", "), s.disputed == true ? "disputed" : "",
                    ])
                ]
                    + s.alternatives.map { a in
                        "or "
                            + trimmed([
                                a.name, a.office?.en ?? "", a.office?.id ?? "",
                                a.sources.map(\.rawValue).joined(separator: ", "),
                            ])
                    }
            })
    }

    static func procedure(_ records: [ProcedureRecord]) -> String {
        list(
            records.map { record in
                var parts = [
                    record.step, record.date.description, record.document ?? "",
                    record.sources.map(\.rawValue).joined(separator: ", "), record.note ?? "",
                ]
                while parts.count > 2, parts.last?.isEmpty == true { parts.removeLast() }
                return parts.joined(separator: " | ")
            })
    }

    static func organisations(_ roles: [OrganisationRole]) -> String {
        list(roles.map { "\($0.organisation):\($0.role.rawValue)" })
    }
}

/// A list cell's items (`a; b`, `\;` for a `;` inside an item), for editors that show them one per row.
public enum FlatList {
    /// The cell's items, without the empty ones.
    public static func items(_ cell: String) -> [String] { FlatReader.items(cell).filter { !$0.isEmpty } }
    /// The items as one cell.
    public static func cell(_ items: [String]) -> String { FlatWriter.list(items) }
    /// A number as a cell holds it (no ".0" when whole).
    public static func number(_ value: Double) -> String { FlatWriter.number(value) }
}
