import Foundation

/// The CSV forms of activities, observations and planned actions — what offices keep in spreadsheets. See
/// `docs/CSV.md`.
///
/// Lists inside a cell are separated by `;`. Participants are `role=count`, with `~` before an approximate count
/// (`pupil=10; coach=1; teacher=~250`); organisations are `key:role`; tags are `framework:node`.
public enum RecordCSV {
    /// Columns of an activities file (``Activity/columns``).
    public static var activityColumns: [String] { Activity.columns.map(\.name) }
    /// Columns of an observations file (``Observation/columns``).
    public static var observationColumns: [String] { Observation.columns.map(\.name) }
    /// Columns of a planned-actions file (``PlannedAction/columns``).
    public static var actionColumns: [String] { PlannedAction.columns.map(\.name) }
    /// The columns only a planned-actions file has: one of them (with `partnership`) tells it from an activities file.
    static let planOnly: Set<String> = [
        "agreement", "targets", "budget_amount", "budget_currency", "budget_funding", "responsible_city",
        "responsible_partner",
    ]

    /// What a CSV file holds, told by its header.
    public enum Kind: String, Sendable { case activities, observations, actions }

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
        if table.header.contains("partnership"), !planOnly.isDisjoint(with: table.header) {
            kind = .actions
        } else if table.header.contains("partnership") {
            kind = .activities
        } else if table.header.contains("indicator") {
            kind = .observations
        } else {
            result.problems = [
                Violation(
                    location: "\(file):1", field: "header", value: table.header.joined(separator: ","),
                    rule: .valueInvalid,
                    detail:
                        "an activities file needs a 'partnership' column, an observations file an 'indicator' column, a planned-actions file 'partnership' and 'agreement' or 'targets'"
                )
            ]
            return result
        }
        // `mode` is version 1's single column for travel and venue; old spreadsheets still import.
        let columns: [String] =
            switch kind {
            case .activities: activityColumns + ["mode"]
            case .observations: observationColumns
            case .actions: actionColumns
            }
        let allowed = Set(columns)
        var positions: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            if !allowed.contains(name) {
                result.problems.append(
                    Violation(
                        location: "\(file):1", field: name, value: name, rule: .fieldUnknown,
                        detail: "unknown column \(i + 1)"))
            } else if let first = positions[name] {
                // Which of the two cells would count is anybody's guess: refused, and the rows still checked.
                result.problems.append(
                    Violation(
                        location: "\(file):1", field: name, value: name, rule: .fieldDuplicated,
                        detail: "the column is named twice, as columns \(first + 1) and \(i + 1)"))
            } else {
                positions[name] = i
            }
        }
        for row in table.rows {
            let location = "\(file):\(row.line)"
            guard row.cells.count == table.header.count else {
                result.problems.append(
                    Violation(
                        location: location, field: "", value: "\(row.cells.count) cells",
                        rule: .valueInvalid, detail: "the header has \(table.header.count) columns"))
                continue
            }
            // A cell a download made safe for spreadsheets (`'=…`) reads as it was.
            let values = Dictionary(
                zip(table.header, row.cells.map(CSVTable.unescapeFormula)), uniquingKeysWith: { first, _ in first })
            var reader = FlatReader(values: values, location: location)
            switch kind {
            case .activities:
                if let activity = Activity.read(&reader) {
                    result.dataset.activities.append(activity)
                    result.lines.append(location)
                }
            case .observations:
                if let observation = Observation.read(&reader) {
                    result.dataset.observations.append(observation)
                    result.lines.append(location)
                }
            case .actions:
                if let action = PlannedAction.read(&reader) {
                    result.dataset.actions.append(action)
                    result.lines.append(location)
                }
            }
            result.problems += reader.problems
        }
        return result
    }

    /// Writes records in the CSV form `decode` reads (activities, observations, planned actions), one row per record,
    /// safe to open in a spreadsheet (``CSVTable/formulaSafe(_:)``; reading undoes it).
    public static func encode<T: FlatCodable>(_ records: [T]) -> String {
        let header = T.columns.map(\.name)
        return CSVTable.renderSafe(header: header, rows: records.map { record in header.map { record.flat[$0] ?? "" } })
    }
}
