import Foundation

/// The CSV forms of activities and observations — what offices keep in spreadsheets. See `docs/CSV.md`.
///
/// Lists inside a cell are separated by `;`. Participants are `role=count`, with `~` before an approximate count
/// (`pupil=10; coach=1; teacher=~250`); organisations are `key:role`; tags are `framework:node`.
public enum RecordCSV {
    /// Columns of an activities file; `key`, `partnership`, `kind`, `start`, `mode`, `status` and one title are required.
    public static let activityColumns = [
        "key", "partnership", "kind", "title_en", "title_id", "description_en", "description_id", "start", "end",
        "duration_days", "place", "mode", "sessions", "participants", "organisations", "outputs_en", "outputs_id",
        "fields", "tags", "infrastructure", "status", "sources",
    ]
    /// Columns of an observations file; `city`, `indicator`, `period` and `value` are required.
    public static let observationColumns = [
        "key", "city", "indicator", "period", "value", "unit", "approximate", "note", "sources",
    ]

    /// What a CSV file holds, told by its header.
    public enum Kind: String, Sendable { case activities, observations }

    /// Reads a CSV file of activities or observations into a dataset fragment; every bad cell of every row is
    /// reported, located as `file:line`. Throws when any row is bad.
    public static func decode(_ text: String, file: String) throws(InvalidInput) -> Dataset {
        let result = read(text, file: file)
        guard result.problems.isEmpty else { throw InvalidInput(result.problems) }
        return result.dataset
    }

    /// What reading a CSV file gave: the rows that could be read, the `file:line` of each (in the order of the
    /// dataset's records), and the problems of the rows that could not.
    public struct ReadResult: Sendable {
        public var dataset = Dataset()
        public var lines: [String] = []
        public var problems: [Violation] = []
    }

    /// Reads every row it can, collecting the problems of the others.
    public static func read(_ text: String, file: String) -> ReadResult {
        var result = ReadResult()
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            result.problems = error.violations.map {
                $0.located(at: "\(file):\($0.location.replacingOccurrences(of: "line ", with: ""))")
            }
            return result
        }
        let kind: Kind
        if table.header.contains("partnership") {
            kind = .activities
        } else if table.header.contains("indicator") {
            kind = .observations
        } else {
            result.problems = [
                Violation(
                    location: "\(file):1", field: "header", value: table.header.joined(separator: ","),
                    rule: .valueInvalid,
                    detail:
                        "an activities file needs a 'partnership' column, an observations file an 'indicator' column")
            ]
            return result
        }
        let allowed = Set(kind == .activities ? activityColumns : observationColumns)
        for (i, name) in table.header.enumerated() where !allowed.contains(name) {
            result.problems.append(
                Violation(
                    location: "\(file):1", field: name, value: name, rule: .valueInvalid,
                    detail: "unknown column \(i + 1)"))
        }
        for row in table.rows {
            let location = "\(file):\(row.line)"
            var reader = RowReader(header: table.header, row: row, location: location)
            if row.cells.count != table.header.count {
                reader.fail("", "\(row.cells.count) cells", "the header has \(table.header.count) columns")
            } else if kind == .activities {
                if let activity = reader.activity() {
                    result.dataset.activities.append(activity)
                    result.lines.append(location)
                }
            } else if let observation = reader.observation() {
                result.dataset.observations.append(observation)
                result.lines.append(location)
            }
            result.problems += reader.problems
        }
        return result
    }

    /// Writes activities in the CSV form `decode` reads.
    public static func encode(activities: [Activity]) -> String {
        let rows = activities.map { a -> [String] in
            [
                a.id.rawValue, a.partnership.rawValue, a.kind.rawValue, a.title.en ?? "", a.title.id ?? "",
                a.description?.en ?? "", a.description?.id ?? "", a.start.description, a.end?.description ?? "",
                a.durationDays.map(String.init) ?? "", a.place ?? "", a.mode.rawValue,
                a.sessions.map(String.init) ?? "",
                a.participants.map(participantText).joined(separator: "; "),
                a.organisations.map { "\($0.organisation):\($0.role.rawValue)" }.joined(separator: "; "),
                a.outputs.map { $0.en ?? "" }.joined(separator: "; "),
                a.outputs.map { $0.id ?? "" }.joined(separator: "; "),
                a.fields.map(\.rawValue).joined(separator: "; "), a.tags.map(\.description).joined(separator: "; "),
                a.infrastructure?.rawValue ?? "", a.status.rawValue, a.sources.map(\.rawValue).joined(separator: "; "),
            ]
        }
        return CSVTable.render(header: activityColumns, rows: rows)
    }

    /// Writes observations in the CSV form `decode` reads.
    public static func encode(observations: [Observation]) -> String {
        let rows = observations.map { o -> [String] in
            [
                o.id.rawValue, o.city.rawValue, o.indicator.description, o.period.description, formatNumber(o.value),
                o.unit ?? "", o.approximate == true ? "true" : "", o.note ?? "",
                o.sources.map(\.rawValue).joined(separator: "; "),
            ]
        }
        return CSVTable.render(header: observationColumns, rows: rows)
    }

    static func participantText(_ group: Participants) -> String {
        "\(group.role)=\(group.approximate ? "~" : "")\(group.count)"
    }

    /// Shortest text that reads back as the same Double.
    static func formatNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}

/// Reads one CSV row into a record, collecting every problem with its column name.
private struct RowReader {
    let header: [String]
    let row: CSVTable.Row
    let location: String
    var problems: [Violation] = []

    init(header: [String], row: CSVTable.Row, location: String) {
        self.header = header
        self.row = row
        self.location = location
    }

    mutating func fail(_ field: String, _ value: String, _ detail: String, rule: DomainRule = .valueInvalid) {
        problems.append(Violation(location: location, field: field, value: value, rule: rule, detail: detail))
    }

    func cell(_ name: String) -> String? {
        guard let i = header.firstIndex(of: name), i < row.cells.count else { return nil }
        let text = row.cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func list(_ name: String) -> [String] {
        (cell(name) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    mutating func required(_ name: String) -> String? {
        if let value = cell(name) { return value }
        fail(name, "", "required")
        return nil
    }

    mutating func date(_ name: String, required: Bool = false) -> PartialDate? {
        guard let text = required ? self.required(name) : cell(name) else { return nil }
        do { return try PartialDate(parsing: text) } catch { fail(name, text, "\(error)") }
        return nil
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ name: String, _ type: T.Type, required: Bool = true
    ) -> T?
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

    mutating func activity() -> Activity? {
        let key = required("key")
        let partnership = required("partnership")
        let kind = choice("kind", Activity.Kind.self)
        let start = date("start", required: true)
        let end = date("end")
        let mode = choice("mode", Activity.Mode.self)
        let status = choice("status", Activity.Status.self)
        let infrastructure = choice("infrastructure", Infrastructure.self, required: false)
        let title = LocalizedText(en: cell("title_en"), id: cell("title_id"))
        if title.isEmpty { fail("title_en", "", "title_en or title_id is required", rule: .textEmpty) }
        var participants: [Participants] = []
        for item in list("participants") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var number = parts.count == 2 ? parts[1] : ""
            let approximate = number.hasPrefix("~")
            if approximate { number.removeFirst() }
            if parts.count == 2, let count = Int(number), !parts[0].isEmpty {
                participants.append(Participants(role: parts[0], count: count, approximate: approximate))
            } else {
                fail("participants", item, "role=count, with ~ before an approximate count (teacher=~250)")
            }
        }
        var organisations: [OrganisationRole] = []
        for item in list("organisations") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, let role = OrganisationRole.Role(rawValue: parts[1]) {
                organisations.append(OrganisationRole(organisation: OrganisationKey(parts[0]), role: role))
            } else {
                fail(
                    "organisations", item,
                    "key:role, role one of " + OrganisationRole.Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var tags: [FrameworkTag] = []
        for item in list("tags") {
            if let tag = FrameworkTag(parsing: item) { tags.append(tag) } else { fail("tags", item, "framework:node") }
        }
        let outputsEN = list("outputs_en")
        let outputsID = list("outputs_id")
        let outputs = (0..<max(outputsEN.count, outputsID.count)).map { i in
            LocalizedText(en: i < outputsEN.count ? outputsEN[i] : nil, id: i < outputsID.count ? outputsID[i] : nil)
        }
        let durationDays = integer("duration_days")
        let sessions = integer("sessions")
        guard let key, let partnership, let kind, let start, let mode, let status, !title.isEmpty else { return nil }
        let description = LocalizedText(en: cell("description_en"), id: cell("description_id"))
        return Activity(
            id: ActivityKey(key), partnership: PartnershipKey(partnership), kind: kind, title: title,
            description: description.isEmpty ? nil : description, start: start, end: end, durationDays: durationDays,
            place: cell("place"), mode: mode, sessions: sessions, organisations: organisations,
            participants: participants, outputs: outputs, fields: list("fields").map { FieldKey($0) }, tags: tags,
            infrastructure: infrastructure, status: status, sources: list("sources").map { SourceKey($0) })
    }

    mutating func observation() -> Observation? {
        let city = required("city")
        let indicatorText = required("indicator")
        let indicator = indicatorText.flatMap(FrameworkTag.init(parsing:))
        if let indicatorText, indicator == nil { fail("indicator", indicatorText, "framework:node") }
        let period = date("period", required: true)
        var value: Double?
        if let text = required("value") {
            // Accept a decimal comma too, as Indonesian spreadsheets write it ("10,35").
            value = Double(text.replacingOccurrences(of: ",", with: "."))
            if value == nil || !(value!.isFinite) { fail("value", text, "a finite number") }
        }
        var approximate: Bool?
        if let text = cell("approximate") {
            switch text.lowercased() {
            case "true", "yes", "ya", "1": approximate = true
            case "false", "no", "tidak", "0": approximate = false
            default: fail("approximate", text, "true or false")
            }
        }
        guard let city, let indicator, let period, let value, value.isFinite else { return nil }
        let cityKey = CityKey(city)
        let key =
            cell("key").map { ObservationKey($0) }
            ?? Observation.derivedKey(city: cityKey, indicator: indicator, period: period)
        return Observation(
            id: key, city: cityKey, indicator: indicator, period: period, value: value, unit: cell("unit"),
            approximate: approximate, note: cell("note"), sources: list("sources").map { SourceKey($0) })
    }
}
