import Foundation
import KembarCore
import KembarReport
import KembarStorage

/// List columns a form edits as rows — one participant group, organisation or source per row, with "add another" —
/// or as checkboxes (fields), instead of the flat list syntax (`teacher=~250; pupil=10`). The rows are posted as
/// `column.index.part` and put back into the flat cell before the record is read, so storage and import see the
/// same cell either way. A stored value the rows cannot show whole (a participant breakdown) keeps the text input:
/// nothing is lost.
enum FormRows {
    struct Part {
        var name: String
        var label: String
        /// `text`, `number`, `check` or `select`.
        var input: String
        var options: [FormPage.Option] = []
        /// A text input's suggestions (a datalist).
        var suggestions: [FormPage.Option] = []
        /// A typed key of a collection too long to list: the row's text is found by name on "Find".
        var findable: EditableCollection? = nil
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
        case .activities: ["participants", "organisations", "outputs_en", "outputs_id", "results", "sources"]
        case .milestones, .initiatives: ["organisations", "sources"]
        case .agreements: ["signatories", "sources"]
        case .actions: ["responsible_city", "responsible_partner", "targets", "sources"]
        case .partnerships: ["procedure", "sources"]
        case .cities, .observations: ["sources"]
        default: []
        }
    }

    static func checkColumns(_ collection: EditableCollection) -> Set<String> {
        switch collection {
        case .activities: ["fields", "tags", "delivers"]
        case .actions: ["fields", "tags"]
        case .agreements: ["fields"]
        case .initiatives: ["tags"]
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
                organisationPart(options, language),
                Part(
                    name: "role", label: WebText.organisationRole(language), input: "select",
                    options: [FormPage.Option(value: "", label: "—", selected: false)]
                        + OrganisationRole.Role.allCases.map {
                            FormPage.Option(
                                value: $0.rawValue, label: WebText.term($0.rawValue, language), selected: false)
                        }),
            ]
        case "outputs_en", "outputs_id":
            return [Part(name: "text", label: Catalogue.column(column, language), input: "text")]
        case "responsible_city", "responsible_partner":
            return [organisationPart(options, language)]
        case "targets":
            return TargetRows.parts(language)
        case "procedure":
            return [
                Part(
                    name: "step", label: WebText.procedurePart("step", language), input: "select",
                    options: [FormPage.Option(value: "", label: "—", selected: false)]
                        + Bundled.procedures().flatMap(\.steps).map {
                            FormPage.Option(value: $0.id, label: $0.name.text(language), selected: false)
                        }),
                Part(name: "date", label: WebText.procedurePart("date", language), input: "text"),
                Part(name: "document", label: WebText.procedurePart("document", language), input: "text"),
                Part(name: "sources", label: WebText.resultPart("sources", language), input: "text"),
                Part(name: "note", label: WebText.targetPart("note", language), input: "text"),
            ]
        case "results":
            return [
                Part(name: "label_en", label: WebText.resultPart("label_en", language), input: "text"),
                Part(name: "label_id", label: WebText.resultPart("label_id", language), input: "text"),
                Part(name: "value", label: WebText.resultPart("value", language), input: "number"),
                Part(name: "unit", label: WebText.resultPart("unit", language), input: "text"),
                Part(name: "period", label: WebText.resultPart("period", language), input: "text"),
                Part(name: "approximate", label: WebText.approximate(language), input: "check"),
                Part(name: "sources", label: WebText.resultPart("sources", language), input: "text"),
            ]
        case "signatories":
            return [
                Part(name: "name", label: WebText.signatoryPart("name", language), input: "text"),
                Part(name: "office_en", label: WebText.signatoryPart("office_en", language), input: "text"),
                Part(name: "office_id", label: WebText.signatoryPart("office_id", language), input: "text"),
                options.large.contains("cities")
                    ? Part(
                        name: "city", label: Catalogue.entity("cities", language).capitalizedFirst, input: "text",
                        suggestions: (options.byCollection["cities"] ?? []).map {
                            FormPage.Option(value: $0.0, label: $0.1, selected: false)
                        }, findable: .cities)
                    : Part(
                        name: "city", label: Catalogue.entity("cities", language).capitalizedFirst, input: "select",
                        options: choices(options, "cities")),
                Part(name: "sources", label: WebText.resultPart("sources", language), input: "text"),
                Part(name: "disputed", label: WebText.signatoryPart("disputed", language), input: "check"),
            ]
        default:
            return [
                Part(
                    name: "key", label: Catalogue.entity("sources", language).capitalizedFirst, input: "text",
                    suggestions: (options.byCollection["sources"] ?? []).map {
                        FormPage.Option(value: $0.0, label: $0.1, selected: false)
                    }, findable: options.large.contains("sources") ? .sources : nil)
            ]
        }
    }

    /// The organisation of a row: a choice, or with more organisations than a choice holds a typed key with the
    /// first ones as suggestions.
    static func organisationPart(_ options: ReferenceOptions, _ language: Language) -> Part {
        let label = Catalogue.entity("organisations", language).capitalizedFirst
        guard options.large.contains("organisations") else {
            return Part(name: "organisation", label: label, input: "select", options: choices(options, "organisations"))
        }
        return Part(
            name: "organisation", label: label, input: "text",
            suggestions: (options.byCollection["organisations"] ?? []).map {
                FormPage.Option(value: $0.0, label: $0.1, selected: false)
            }, findable: .organisations)
    }

    /// After "Find" on a group of rows: each row whose typed text is not a stored key becomes a choice of the records
    /// whose name holds it (or says nothing matches).
    static func find(
        _ field: inout FormPage.Field, parts: [Part], _ repository: Repository, _ language: Language
    ) async throws {
        for row in field.rows.indices {
            for (index, part) in parts.enumerated() {
                guard let collection = part.findable, index < field.rows[row].cells.count else { continue }
                let text = field.rows[row].cells[index].value.trimmed
                guard !text.isEmpty, try await repository.version(collection, key: text) == nil else { continue }
                let found = try await repository.referenceChoices(
                    collection, limit: 50, language: language, matching: text)
                guard let first = found.choices.first else {
                    field.errors.append(WebText.noMatch(text, language))
                    continue
                }
                field.rows[row].cells[index].input = "select"
                field.rows[row].cells[index].list = nil
                field.rows[row].cells[index].options = found.choices.map {
                    FormPage.Option(value: $0.key, label: $0.label, selected: $0.key == first.key)
                }
            }
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
        if column == "results" { return ResultRows.rows(cell) }
        if column == "targets" { return TargetRows.rows(cell) }
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
            case "signatories":
                // Another name other sources give ("or …") has no row: the text input keeps it whole.
                let parts = item.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
                guard !item.lowercased().hasPrefix("or "), (2...6).contains(parts.count) else { return nil }
                func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
                rows.append([
                    "name": part(0), "office_en": part(1), "office_id": part(2), "city": part(3), "sources": part(4),
                    "disputed": part(5) == "disputed" ? "true" : "",
                ])
            case "outputs_en", "outputs_id": rows.append(["text": item])
            case "responsible_city", "responsible_partner": rows.append(["organisation": item])
            case "procedure":
                let parts = item.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
                guard (2...5).contains(parts.count) else { return nil }
                func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
                rows.append([
                    "step": part(0), "date": part(1), "document": part(2), "sources": part(3), "note": part(4),
                ])
            default: rows.append(["key": item])
            }
        }
        return rows
    }

    /// The flat cell of rows (blank rows left out).
    static func cell(_ column: String, rows: [[String: String]]) -> String {
        if column == "results" { return ResultRows.cell(rows.map { $0.mapValues(\.trimmed) }) }
        if column == "targets" { return TargetRows.cell(rows.map { $0.mapValues(\.trimmed) }) }
        return FlatList.cell(
            rows.compactMap { row in
                let values = row.mapValues(\.trimmed)
                guard values.values.contains(where: { !$0.isEmpty && $0 != "true" }) else { return nil }
                switch column {
                case "participants":
                    let mark = values["approximate"] == "true" ? "~" : ""
                    return "\(values["role"] ?? "")=\(mark)\(values["count"] ?? "")"
                case "organisations": return "\(values["organisation"] ?? ""):\(values["role"] ?? "")"
                case "signatories":
                    var parts = ["name", "office_en", "office_id", "city", "sources"].map { values[$0] ?? "" }
                    if values["disputed"] == "true" { parts.append("disputed") }
                    while parts.count > 2, parts.last?.isEmpty == true { parts.removeLast() }
                    return parts.joined(separator: " | ")
                case "outputs_en", "outputs_id": return values["text"]
                case "responsible_city", "responsible_partner": return values["organisation"]
                case "procedure":
                    var parts = ["step", "date", "document", "sources", "note"].map { values[$0] ?? "" }
                    while parts.count > 2, parts.last?.isEmpty == true { parts.removeLast() }
                    return parts.joined(separator: " | ")
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
            var chosen = values.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            values = values.filter { !$0.key.hasPrefix(prefix) }
            // Items typed beside the checkboxes (another tag) join the checked ones.
            for item in FlatList.items(values.removeValue(forKey: column + ".other") ?? "") where !chosen.contains(item)
            {
                chosen.append(item)
            }
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

/// A long form in parts, each under a heading: what the record is, when and where, who, what came of it, how it
/// is classified, and its sources. Every column is in exactly one part (one not named falls in the first), so no
/// field is ever left out of the form.
enum FormSections {
    enum Part: String, CaseIterable {
        case about, when, who, outcome, classification, sources
    }

    /// The parts of `collection`'s form with their columns (by name without `_en`/`_id`), or none for a short form.
    static func parts(_ collection: EditableCollection) -> [(part: Part, columns: Set<String>)] {
        switch collection {
        case .activities:
            [
                (.about, ["key", "partnership", "kind", "title", "description", "status"]),
                (
                    .when,
                    [
                        "start", "end", "date_inferred", "date_label", "duration_days", "place", "travel", "venue",
                        "sessions",
                    ]
                ),
                (.who, ["participants", "organisations"]),
                (.outcome, ["outputs", "results"]),
                (.classification, ["fields", "tags", "infrastructure", "delivers"]),
                (.sources, ["sources", "cost_amount", "cost_currency", "note", "internal"]),
            ]
        case .agreements:
            [
                (.about, ["key", "partnership", "kind", "kind_label", "title", "purpose"]),
                (
                    .when,
                    ["signed", "place", "signatories", "valid_from", "valid_until", "term_years", "renews", "amends"]
                ),
                (.classification, ["fields"]),
                (.sources, ["document", "note", "sources", "internal"]),
            ]
        case .actions:
            [
                (.about, ["key", "partnership", "agreement", "title", "description"]),
                (.when, ["start", "end"]),
                (.who, ["responsible_city", "responsible_partner"]),
                (.outcome, ["targets", "budget_amount", "budget_currency", "budget_funding"]),
                (.classification, ["fields", "tags"]),
                (.sources, ["note", "sources", "internal"]),
            ]
        case .milestones:
            [
                (.about, ["key", "partnership", "kind", "title", "description"]),
                (.when, ["date", "end", "date_label"]),
                (.who, ["organisations"]),
                (.sources, ["note", "sources", "internal"]),
            ]
        case .partnerships:
            [
                (.about, ["key", "kind", "name", "city", "partner_city", "partner_organisation", "stage"]),
                (.when, ["cooperation_since", "rationale", "legal_basis", "procedure"]),
                (.sources, ["note", "sources", "internal"]),
            ]
        case .cities:
            [
                (.about, ["key", "name", "country", "subdivision", "admin_level", "latitude", "longitude"]),
                (.outcome, ["population", "population_year", "characteristics", "figures", "recognitions"]),
                (.sources, ["organisation_identifier", "note", "sources"]),
            ]
        default: []
        }
    }

    /// The part a column belongs to.
    static func part(of column: String, in parts: [(part: Part, columns: Set<String>)]) -> Int {
        let base = column.hasSuffix("_en") || column.hasSuffix("_id") ? String(column.dropLast(3)) : column
        return parts.firstIndex { $0.columns.contains(base) } ?? 0
    }

    /// The fields in their parts, in column order within each.
    static func sections(
        _ fields: [FormPage.Field], _ collection: EditableCollection, _ language: Language, creating: Bool = false
    ) -> [FormPage.Section] {
        // A new record's key is Kembar's to make from the title: it waits, folded, at the end.
        let key = creating ? fields.filter { $0.name == "key" } : []
        let shown = creating ? fields.filter { $0.name != "key" } : fields
        let advanced = key.map { field in
            FormPage.Section(
                heading: WebText.advanced(language), fields: [field], advanced: true, open: !field.errors.isEmpty)
        }
        let parts = parts(collection)
        guard !parts.isEmpty else { return [FormPage.Section(heading: nil, fields: shown)] + advanced }
        return parts.indices.map { index in
            FormPage.Section(
                heading: WebText.formPart(parts[index].part.rawValue, collection.rawValue, language),
                fields: shown.filter { part(of: $0.name, in: parts) == index })
        }
        .filter { !$0.fields.isEmpty } + advanced
    }
}

/// An activity's structured results as rows — label in both languages, value, unit, period, approximate, sources —
/// read from and written to the JSON cell the dataset format uses. A figure with more than a row shows (another
/// source's value, a period range, a note) keeps the JSON input, so nothing is lost.
enum ResultRows {
    static let shown: Set<String> = ["label", "value", "unit", "period", "approximate", "sources"]

    static func rows(_ cell: String) -> [[String: String]]? {
        guard !cell.trimmed.isEmpty else { return [] }
        guard let figures = (try? JSONSerialization.jsonObject(with: Data(cell.utf8))) as? [[String: Any]] else {
            return nil
        }
        var rows: [[String: String]] = []
        for var figure in figures {
            if (figure["alternatives"] as? [Any])?.isEmpty == true { figure["alternatives"] = nil }
            // A value typed as words (refused by the rules) is shown as typed, to be corrected.
            let value =
                (figure["value"] as? NSNumber).map { FlatList.number($0.doubleValue) } ?? figure["value"] as? String
            guard Set(figure.keys).isSubset(of: shown), let value,
                let label = figure["label"] as? [String: String], Set(label.keys).isSubset(of: ["en", "id"])
            else { return nil }
            let sources = figure["sources"] as? [String] ?? []
            rows.append([
                "label_en": label["en"] ?? "", "label_id": label["id"] ?? "",
                "value": value, "unit": figure["unit"] as? String ?? "",
                "period": figure["period"] as? String ?? "",
                "approximate": figure["approximate"] as? Bool == true ? "true" : "",
                "sources": sources.joined(separator: ", "),
            ])
        }
        return rows
    }

    /// The JSON of filled rows. A value that is not a number is written as text, for the rules to refuse beside the
    /// field.
    static func cell(_ rows: [[String: String]]) -> String {
        let figures: [[String: Any]] = rows.compactMap { row in
            guard row.contains(where: { !$0.value.isEmpty && $0.value != "true" }) else { return nil }
            var figure: [String: Any] = [:]
            var label: [String: String] = [:]
            if let en = row["label_en"], !en.isEmpty { label["en"] = en }
            if let id = row["label_id"], !id.isEmpty { label["id"] = id }
            figure["label"] = label
            let value = row["value"] ?? ""
            figure["value"] = Double(value).map { $0 as Any } ?? value
            if let unit = row["unit"], !unit.isEmpty { figure["unit"] = unit }
            if let period = row["period"], !period.isEmpty { figure["period"] = period }
            if row["approximate"] == "true" { figure["approximate"] = true }
            let sources = (row["sources"] ?? "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            if !sources.isEmpty { figure["sources"] = sources }
            return figure
        }
        guard !figures.isEmpty,
            let data = try? JSONSerialization.data(
                withJSONObject: figures, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A planned action's targets as rows — what is measured in both languages, how it is counted, the roles counted,
/// unit, baseline, value and date, sources — read from and written to the JSON cell the dataset format uses. A target
/// with more than a row shows (a note) keeps the JSON input, so nothing is lost.
enum TargetRows {
    static let shown: Set<String> = [
        "id", "indicator", "measure", "roles", "unit", "baseline", "value", "date", "note", "sources",
    ]

    static func parts(_ language: Language) -> [FormRows.Part] {
        [
            FormRows.Part(name: "indicator_en", label: WebText.targetPart("indicator_en", language), input: "text"),
            FormRows.Part(name: "indicator_id", label: WebText.targetPart("indicator_id", language), input: "text"),
            FormRows.Part(
                name: "measure", label: WebText.targetPart("measure", language), input: "select",
                options: Target.Measure.allCases.map {
                    FormPage.Option(value: $0.rawValue, label: WebText.term($0.rawValue, language), selected: false)
                }),
            FormRows.Part(name: "roles", label: WebText.targetPart("roles", language), input: "text"),
            FormRows.Part(name: "unit", label: WebText.targetPart("unit", language), input: "text"),
            FormRows.Part(name: "baseline", label: WebText.targetPart("baseline", language), input: "number"),
            FormRows.Part(name: "value", label: WebText.targetPart("value", language), input: "number"),
            FormRows.Part(name: "date", label: WebText.targetPart("date", language), input: "text"),
            FormRows.Part(name: "id", label: WebText.targetPart("id", language), input: "text"),
            FormRows.Part(name: "note", label: WebText.targetPart("note", language), input: "text"),
            FormRows.Part(name: "sources", label: WebText.targetPart("sources", language), input: "text"),
        ]
    }

    static func rows(_ cell: String) -> [[String: String]]? {
        guard !cell.trimmed.isEmpty else { return [] }
        guard let targets = (try? JSONSerialization.jsonObject(with: Data(cell.utf8))) as? [[String: Any]] else {
            return nil
        }
        var rows: [[String: String]] = []
        for target in targets {
            func number(_ name: String) -> String? {
                guard let value = target[name] else { return "" }
                return (value as? NSNumber).map { FlatList.number($0.doubleValue) } ?? value as? String
            }
            guard Set(target.keys).isSubset(of: shown), let baseline = number("baseline"), let value = number("value"),
                let indicator = target["indicator"] as? [String: String],
                Set(indicator.keys).isSubset(of: ["en", "id"])
            else { return nil }
            rows.append([
                "id": target["id"] as? String ?? "", "indicator_en": indicator["en"] ?? "",
                "indicator_id": indicator["id"] ?? "", "measure": target["measure"] as? String ?? "",
                "roles": (target["roles"] as? [String] ?? []).joined(separator: ", "),
                "unit": target["unit"] as? String ?? "", "baseline": baseline, "value": value,
                "date": target["date"] as? String ?? "", "note": target["note"] as? String ?? "",
                "sources": (target["sources"] as? [String] ?? []).joined(separator: ", "),
            ])
        }
        return rows
    }

    /// The JSON of filled rows; a row without a key gets one from its indicator (`teachers-trained`), numbered when
    /// two would be the same. A number that is not one is written as text, for the rules to refuse beside the field.
    static func cell(_ rows: [[String: String]]) -> String {
        var used = Set<String>()
        let targets: [[String: Any]] = rows.compactMap { row in
            guard row.contains(where: { $0.key != "measure" && !$0.value.isEmpty }) else { return nil }
            var target: [String: Any] = [:]
            var indicator: [String: String] = [:]
            if let en = row["indicator_en"], !en.isEmpty { indicator["en"] = en }
            if let id = row["indicator_id"], !id.isEmpty { indicator["id"] = id }
            target["indicator"] = indicator
            var key = row["id"] ?? ""
            if key.isEmpty {
                let base = Key<Void>.suggested(from: indicator["en"] ?? indicator["id"] ?? "") ?? "target"
                key = base
                var number = 2
                while used.contains(key) {
                    key = "\(base)-\(number)"
                    number += 1
                }
            }
            used.insert(key)
            target["id"] = key
            target["measure"] = row["measure"] ?? ""
            for name in ["baseline", "value"] {
                guard let text = row[name], !text.isEmpty else { continue }
                target[name] = Double(text.replacingOccurrences(of: ",", with: ".")).map { $0 as Any } ?? text
            }
            for name in ["unit", "date", "note"] {
                if let text = row[name], !text.isEmpty { target[name] = text }
            }
            for name in ["roles", "sources"] {
                let items = (row[name] ?? "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
                if !items.isEmpty { target[name] = items }
            }
            return target
        }
        guard !targets.isEmpty,
            let data = try? JSONSerialization.data(
                withJSONObject: targets, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
