import Foundation

/// An error in a CSV file, naming the line (1-based, counting the header as line 1), column and offending value.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: String?
    public var value: String?
    public var message: String

    public var description: String {
        var s = "line \(line)"
        if let column { s += ", column '\(column)'" }
        if let value { s += ", value '\(value)'" }
        return s + ": " + message
    }
}

/// Options for reading indicator data from CSV.
public struct CSVOptions: Sendable, Equatable {
    /// Column holding unit codes (default "unit").
    public var unitColumn: String
    /// Column holding periods (default "period"); if absent from the file every row gets ``defaultPeriod``.
    public var periodColumn: String
    /// Period used when the file has no period column.
    public var defaultPeriod: Int
    /// Columns (wide form) or indicator names (long form) holding categorical unit attributes, e.g. a size class
    /// used by group imputation.
    public var groupColumns: Set<String>
    /// Columns to skip (wide form), e.g. a unit name.
    public var ignoreColumns: Set<String>
    /// Cell texts read as missing.
    public var missingTokens: Set<String>

    /// Creates options with the defaults above; missing tokens "", "NA", "NaN", "null", "-".
    public init(
        unitColumn: String = "unit", periodColumn: String = "period", defaultPeriod: Int = 0,
        groupColumns: Set<String> = [], ignoreColumns: Set<String> = [],
        missingTokens: Set<String> = ["", "NA", "NaN", "nan", "null", "NULL", "-"]
    ) {
        self.unitColumn = unitColumn
        self.periodColumn = periodColumn
        self.defaultPeriod = defaultPeriod
        self.groupColumns = groupColumns
        self.ignoreColumns = ignoreColumns
        self.missingTokens = missingTokens
    }
}

/// Reading indicator data from CSV text, in long form (`unit,indicator,period,value`) or wide form
/// (`unit[,period],ind1,ind2,…`).
public enum CSVData {
    /// One cell of CSV Kembar writes (RFC 4180), safe to open in a spreadsheet: text a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Splits CSV text into rows of fields (RFC 4180: commas, double-quoted fields with `""` escapes, CR/LF line
    /// ends), returning each row with its starting line number.
    public static func parse(_ text: String) throws -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var justClosedQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let ch = next() {
            if inQuotes {
                if ch == "\"" {
                    if let after = iterator.next() {
                        if after == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            justClosedQuote = true
                            pending = after
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if ch == "\n" { line += 1 }
                    field.unicodeScalars.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                guard field.isEmpty && !justClosedQuote else {
                    throw CSVError(line: line, column: nil, value: field, message: "unexpected quote inside a field")
                }
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
                justClosedQuote = false
            case "\r":
                continue
            case "\n":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
                fields = []
                field = ""
                justClosedQuote = false
                line += 1
                rowStart = line
            default:
                guard !justClosedQuote else {
                    throw CSVError(line: line, column: nil, value: field, message: "text after a closing quote")
                }
                field.unicodeScalars.append(ch)
            }
        }
        if inQuotes { throw CSVError(line: rowStart, column: nil, value: nil, message: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append((rowStart, fields))
        }
        return rows
    }

    /// Reads either form: long if the header has `indicator` and `value` columns, wide otherwise.
    public static func load(_ text: String, options: CSVOptions = .init()) throws -> Panel {
        let rows = try parse(text)
        guard let header = rows.first else {
            throw CSVError(line: 1, column: nil, value: nil, message: "the file is empty")
        }
        let names = Set(header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        if names.contains("indicator") && names.contains("value") {
            return try long(rows, options: options)
        }
        return try wide(rows, options: options)
    }

    /// Reads the long form: one row per (unit, indicator, period, value); column order free, names
    /// case-insensitive; the period column may be absent.
    public static func loadLong(_ text: String, options: CSVOptions = .init()) throws -> Panel {
        try long(try parse(text), options: options)
    }

    /// Reads the wide form: a unit column, an optional period column, then one column per variable.
    public static func loadWide(_ text: String, options: CSVOptions = .init()) throws -> Panel {
        try wide(try parse(text), options: options)
    }

    static func number(_ text: String, line: Int, column: String, options: CSVOptions) throws -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if options.missingTokens.contains(t) { return nil }
        guard let v = Double(t), v.isFinite else {
            throw CSVError(
                line: line, column: column, value: text, message: "not a number (use empty or NA for missing)")
        }
        return v
    }

    static func period(_ text: String, line: Int, column: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let p = Int(t) { return p }
        if let d = Double(t), d == d.rounded(), abs(d) < 1e9 { return Int(d) }
        throw CSVError(line: line, column: column, value: text, message: "the period must be a whole number")
    }

    static func long(_ rows: [(line: Int, fields: [String])], options: CSVOptions) throws -> Panel {
        guard let header = rows.first else {
            throw CSVError(line: 1, column: nil, value: nil, message: "the file is empty")
        }
        let lower = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func col(_ name: String, required: Bool) throws -> Int? {
            if let i = lower.firstIndex(of: name.lowercased()) { return i }
            if required {
                throw CSVError(line: header.line, column: name, value: nil, message: "required column is missing")
            }
            return nil
        }
        guard let cu = try col(options.unitColumn, required: true), let ci = try col("indicator", required: true),
            let cv = try col("value", required: true)
        else { throw CSVError(line: header.line, column: nil, value: nil, message: "missing columns") }
        let cp = try col(options.periodColumn, required: false)
        var builder = PanelBuilder()
        for row in rows.dropFirst() {
            guard row.fields.count == header.fields.count else {
                throw CSVError(
                    line: row.line, column: nil, value: nil,
                    message: "expected \(header.fields.count) fields, found \(row.fields.count)")
            }
            let unit = row.fields[cu].trimmingCharacters(in: .whitespaces)
            guard !unit.isEmpty else {
                throw CSVError(line: row.line, column: header.fields[cu], value: "", message: "empty unit code")
            }
            let indicator = row.fields[ci].trimmingCharacters(in: .whitespaces)
            guard !indicator.isEmpty else {
                throw CSVError(line: row.line, column: header.fields[ci], value: "", message: "empty indicator code")
            }
            if options.groupColumns.contains(indicator) {
                try builder.setGroup(unit: unit, name: indicator, value: row.fields[cv])
                continue
            }
            let p =
                try cp.map { try period(row.fields[$0], line: row.line, column: header.fields[$0]) }
                ?? options.defaultPeriod
            let v = try number(row.fields[cv], line: row.line, column: header.fields[cv], options: options)
            do {
                try builder.add(unit: unit, variable: indicator, period: p, value: v)
            } catch IndexError.invalidData(let message) {
                throw CSVError(line: row.line, column: nil, value: nil, message: message)
            }
        }
        return try builder.build()
    }

    static func wide(_ rows: [(line: Int, fields: [String])], options: CSVOptions) throws -> Panel {
        guard let header = rows.first else {
            throw CSVError(line: 1, column: nil, value: nil, message: "the file is empty")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let cu = names.firstIndex(where: { $0.lowercased() == options.unitColumn.lowercased() }) else {
            throw CSVError(
                line: header.line, column: options.unitColumn, value: nil, message: "the unit column is missing")
        }
        let cp = names.firstIndex { $0.lowercased() == options.periodColumn.lowercased() }
        var seen = Set<String>()
        for (k, n) in names.enumerated() {
            guard !n.isEmpty else {
                throw CSVError(line: header.line, column: "#\(k + 1)", value: "", message: "empty column name")
            }
            guard seen.insert(n).inserted else {
                throw CSVError(line: header.line, column: n, value: nil, message: "repeated column name")
            }
        }
        var builder = PanelBuilder()
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw CSVError(
                    line: row.line, column: nil, value: nil,
                    message: "expected \(names.count) fields, found \(row.fields.count)")
            }
            let unit = row.fields[cu].trimmingCharacters(in: .whitespaces)
            guard !unit.isEmpty else {
                throw CSVError(line: row.line, column: names[cu], value: "", message: "empty unit code")
            }
            let p =
                try cp.map { try period(row.fields[$0], line: row.line, column: names[$0]) }
                ?? options.defaultPeriod
            for (k, name) in names.enumerated() where k != cu && k != cp && !options.ignoreColumns.contains(name) {
                if options.groupColumns.contains(name) {
                    let g = row.fields[k].trimmingCharacters(in: .whitespaces)
                    if !options.missingTokens.contains(g) {
                        do {
                            try builder.setGroup(unit: unit, name: name, value: g)
                        } catch IndexError.invalidData(let message) {
                            throw CSVError(line: row.line, column: name, value: g, message: message)
                        }
                    }
                    continue
                }
                let v = try number(row.fields[k], line: row.line, column: name, options: options)
                do {
                    try builder.add(unit: unit, variable: name, period: p, value: v)
                } catch IndexError.invalidData(let message) {
                    throw CSVError(line: row.line, column: name, value: nil, message: message)
                }
            }
        }
        return try builder.build()
    }
}
