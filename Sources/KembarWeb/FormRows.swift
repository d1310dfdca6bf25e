import KembarCore
import KembarReport
import KembarStorage

/// List columns a form edits as rows — one participant group, organisation or source per row, with "add another" —
/// or as checkboxes (fields), instead of the flat list syntax (`teacher=~250; pupil=10`). The rows are posted as
/// `column.index.part` and put back into the flat cell before the record is read, so storage and import see the
/// same cell either way. A stored value the rows cannot show whole (a participant breakdown) keeps the text input:
/// nothing is lost.
enum FormRows {
    struct Part: Encodable {
        var name: String
        var label: String
        /// `text`, `number`, `check` or `select`.
        var input: String
        var options: [FormPage.Option] = []
        /// A text input's suggestions (a datalist).
        var suggestions: [FormPage.Option] = []
    }

    struct Row: Encodable {
        struct Cell: Encodable {
            var label: String
            var input: String
            var id: String
            var name: String
            var value: String
            var checked: Bool
            var options: [FormPage.Option]
            /// The datalist a text input suggests from.
            var list: String?
        }
        var cells: [Cell]
    }

    struct Datalist: Encodable {
        var id: String
        var options: [FormPage.Option]
    }

    /// The rows of `column` as inputs: the stored or posted ones, then `blank` empty ones.
    static func inputs(
        _ column: String, rows: [[String: String]], blank: Int, parts: [Part]
    ) -> (rows: [Row], lists: [Datalist]) {
        let all = rows + Array(repeating: [:], count: blank)
        let shown = all.enumerated().map { index, values in
            Row(
                cells: parts.map { part in
                    let value = values[part.name] ?? ""
                    return Row.Cell(
                        label: part.label, input: part.input, id: "f-\(column)-\(index)-\(part.name)",
                        name: "\(column).\(index).\(part.name)", value: value, checked: value == "true",
                        options: part.options.map {
                            FormPage.Option(value: $0.value, label: $0.label, selected: $0.value == value)
                        }, list: part.suggestions.isEmpty ? nil : "l-\(column)-\(part.name)")
                })
        }
        let lists = parts.filter { !$0.suggestions.isEmpty }.map {
            Datalist(id: "l-\(column)-\($0.name)", options: $0.suggestions)
        }
        return (shown, lists)
    }

    /// The columns of `collection` edited as rows, with their parts.
    static func rowColumns(_ collection: EditableCollection) -> Set<String> {
        switch collection {
        case .activities: ["participants", "organisations", "sources"]
        case .milestones, .initiatives: ["organisations", "sources"]
        case .agreements, .partnerships, .cities, .observations: ["sources"]
        default: []
        }
    }

    static func checkColumns(_ collection: EditableCollection) -> Set<String> {
        switch collection {
        case .activities, .agreements: ["fields"]
        default: []
        }
    }

    static func parts(_ column: String, _ options: ReferenceOptions, _ language: Language) -> [Part] {
        switch column {
        case "participants":
            return [
                Part(
                    name: "role", label: WebText.participantRole(language), input: "text",
                    suggestions: ["pupil", "teacher", "coach", "official", "parent", "student", "resident"].map {
                        FormPage.Option(value: $0, label: WebText.role($0, count: 2, language), selected: false)
                    }),
                Part(name: "count", label: WebText.participantCount(language), input: "number"),
                Part(name: "approximate", label: WebText.approximate(language), input: "check"),
            ]
        case "organisations":
            return [
                Part(
                    name: "organisation", label: Catalogue.entity("organisations", language).capitalizedFirst,
                    input: "select", options: choices(options, "organisations")),
                Part(
                    name: "role", label: WebText.organisationRole(language), input: "select",
                    options: [FormPage.Option(value: "", label: "—", selected: false)]
                        + OrganisationRole.Role.allCases.map {
                            FormPage.Option(
                                value: $0.rawValue, label: WebText.term($0.rawValue, language), selected: false)
                        }),
            ]
        default:
            return [
                Part(
                    name: "key", label: Catalogue.entity("sources", language).capitalizedFirst, input: "text",
                    suggestions: (options.byCollection["sources"] ?? []).map {
                        FormPage.Option(value: $0.0, label: $0.1, selected: false)
                    })
            ]
        }
    }

    static func choices(_ options: ReferenceOptions, _ collection: String) -> [FormPage.Option] {
        [FormPage.Option(value: "", label: "—", selected: false)]
            + (options.byCollection[collection] ?? []).map {
                FormPage.Option(value: $0.0, label: $0.1, selected: false)
            }
    }

    /// The rows a flat cell holds, part by part, or `nil` when some item cannot be shown as a row.
    static func rows(_ column: String, from cell: String) -> [[String: String]]? {
        var rows: [[String: String]] = []
        for item in FlatList.items(cell) {
            switch column {
            case "participants":
                let pieces = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard pieces.count == 2, !pieces[1].contains("[") else { return nil }
                let approximate = pieces[1].hasPrefix("~")
                rows.append([
                    "role": pieces[0].trimmed, "count": String(pieces[1].dropFirst(approximate ? 1 : 0)).trimmed,
                    "approximate": approximate ? "true" : "",
                ])
            case "organisations":
                let pieces = item.split(separator: ":", maxSplits: 1).map(String.init)
                guard pieces.count == 2 else { return nil }
                rows.append(["organisation": pieces[0].trimmed, "role": pieces[1].trimmed])
            default: rows.append(["key": item])
            }
        }
        return rows
    }

    /// The flat cell of rows (blank rows left out).
    static func cell(_ column: String, rows: [[String: String]]) -> String {
        FlatList.cell(
            rows.compactMap { row in
                let values = row.mapValues(\.trimmed)
                guard values.values.contains(where: { !$0.isEmpty && $0 != "true" }) else { return nil }
                switch column {
                case "participants":
                    let mark = values["approximate"] == "true" ? "~" : ""
                    return "\(values["role"] ?? "")=\(mark)\(values["count"] ?? "")"
                case "organisations": return "\(values["organisation"] ?? ""):\(values["role"] ?? "")"
                default: return values["key"]
                }
            })
    }

    /// Puts posted rows and checkboxes back into their flat cells, and says how many blank rows each group had (the
    /// form shows as many again, at least one; "add another" one more).
    static func collect(_ values: inout [String: String], _ collection: EditableCollection) -> [String: Int] {
        var blanks: [String: Int] = [:]
        for column in rowColumns(collection) {
            let prefix = column + "."
            var rows: [Int: [String: String]] = [:]
            for (name, value) in values where name.hasPrefix(prefix) {
                let pieces = name.dropFirst(prefix.count).split(separator: ".", maxSplits: 1)
                guard pieces.count == 2, let index = Int(pieces[0]), (0..<1000).contains(index) else { continue }
                rows[index, default: [:]][String(pieces[1])] = value
            }
            values = values.filter { !$0.key.hasPrefix(prefix) }
            guard !rows.isEmpty else { continue }
            let blank = rows.values.filter { row in row.values.allSatisfy { $0.trimmed.isEmpty } }.count
            blanks[column] = min(max(blank, 1), 20)
            values[column] = cell(column, rows: rows.keys.sorted().compactMap { rows[$0] })
        }
        for column in checkColumns(collection) where values.removeValue(forKey: "_checks." + column) != nil {
            let prefix = column + ".check."
            let chosen = values.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            values = values.filter { !$0.key.hasPrefix(prefix) }
            values[column] = FlatList.cell(chosen)
        }
        return blanks
    }
}

/// Date columns as day, month and year boxes: a year alone, a month and year, or a whole date, never a format to
/// type. Posted as `column.day`, `column.month`, `column.year` and put back into the flat cell (`2019`, `2019-06`,
/// `2019-06-28`); a part given without the ones it needs is kept visibly wrong, so the rules refuse it beside the
/// field. A stored value the boxes cannot show keeps the text input.
enum DateBoxes {
    struct Parts: Encodable {
        var day: String
        var month: String
        var year: String
    }

    /// The boxes' values for a stored or posted cell (what was typed wrongly included, so the person sees it), or
    /// `nil` when it has more parts than a date.
    static func parts(_ cell: String) -> Parts? {
        let pieces = cell.trimmed.split(separator: "-", omittingEmptySubsequences: false).map {
            $0 == "?" ? "" : String($0)
        }
        guard pieces.count <= 3 else { return nil }
        func number(_ index: Int) -> String {
            guard index < pieces.count else { return "" }
            return Int(pieces[index]).map(String.init) ?? pieces[index]
        }
        return Parts(day: number(2), month: number(1), year: pieces.first ?? "")
    }

    /// The month choices, by name.
    static func months(selected: String, _ language: Language) -> [FormPage.Option] {
        [FormPage.Option(value: "", label: "—", selected: selected.isEmpty)]
            + (1...12).map {
                FormPage.Option(
                    value: String($0), label: Format.monthName($0, language), selected: String($0) == selected)
            }
    }

    /// Puts posted boxes back into their cells.
    static func collect(_ values: inout [String: String], _ collection: EditableCollection) {
        for column in collection.columns where column.kind == .date {
            let name = column.name
            guard values["\(name).year"] != nil || values["\(name).month"] != nil || values["\(name).day"] != nil
            else { continue }
            let year = (values.removeValue(forKey: "\(name).year") ?? "").trimmed
            let month = (values.removeValue(forKey: "\(name).month") ?? "").trimmed
            let day = (values.removeValue(forKey: "\(name).day") ?? "").trimmed
            func two(_ text: String) -> String { text.count == 1 ? "0" + text : text }
            switch (year.isEmpty, month.isEmpty, day.isEmpty) {
            case (true, true, true): values[name] = ""
            case (false, true, true): values[name] = year
            case (false, false, true): values[name] = "\(year)-\(two(month))"
            case (false, false, false): values[name] = "\(year)-\(two(month))-\(two(day))"
            // A day without a month, or a month or day without a year: left as given, for the rules to refuse.
            default: values[name] = [year, month, day].map { $0.isEmpty ? "?" : $0 }.joined(separator: "-")
            }
        }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
