import Foundation

/// An RFC 4180 CSV table: a header row and records, each record remembering the line it starts on.
public struct CSVTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1-based line number of the row's first character in the file.
        public var line: Int
        public var cells: [String]
    }

    public var header: [String]
    public var rows: [Row]

    /// Parses UTF-8 CSV text (quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF).
    public init(parsing text: String) throws(InvalidInput) {
        var records: [Row] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quotedCell = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        func endCell() {
            cells.append(cell)
            cell = ""
            quotedCell = false
        }
        func endRow() {
            endCell()
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Row(line: rowLine, cells: cells)) }
            cells = []
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",": endCell()
            case "\r": continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            case "\"":
                guard cell.isEmpty, !quotedCell else {
                    throw InvalidInput([
                        Violation(
                            location: "line \(line)", field: "", value: cell, rule: .valueInvalid,
                            detail: "a quote may only open a field (RFC 4180)")
                    ])
                }
                inQuotes = true
                quotedCell = true
            default:
                if quotedCell {
                    throw InvalidInput([
                        Violation(
                            location: "line \(line)", field: "", value: cell, rule: .valueInvalid,
                            detail: "text after a closing quote (RFC 4180)")
                    ])
                }
                cell.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw InvalidInput([
                Violation(
                    location: "line \(rowLine)", field: "", value: "", rule: .valueInvalid,
                    detail: "a quoted field is never closed")
            ])
        }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        guard let first = records.first else {
            throw InvalidInput([
                Violation(
                    location: "line 1", field: "", value: "", rule: .valueInvalid,
                    detail: "the file has no header row")
            ])
        }
        header = first.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = Array(records.dropFirst())
    }

    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first, and not a
    /// plain number such as `-7.25`) prefixed with `'`, so it is shown, never run. ``unescapeFormula(_:)`` undoes it
    /// when Kembar reads the file back.
    public static func formulaSafe(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(cell) == nil
        else { return cell }
        return "'" + cell
    }

    /// A cell as ``formulaSafe(_:)`` wrote it, without the `'` it added.
    public static func unescapeFormula(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first,
            "=+-@\t\r".unicodeScalars.contains(second)
        else { return cell }
        return String(cell.dropFirst())
    }

    /// Writes a table as RFC 4180 CSV with CRLF line ends, every cell ``formulaSafe(_:)``.
    public static func renderSafe(header: [String], rows: [[String]]) -> String {
        render(header: header.map(formulaSafe), rows: rows.map { $0.map(formulaSafe) })
    }

    /// Writes a table as RFC 4180 CSV with CRLF line ends, quoting only where needed.
    public static func render(header: [String], rows: [[String]]) -> String {
        func quote(_ cell: String) -> String {
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        return ([header] + rows).map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }
}
