import ArgumentParser
import Foundation
import KembarCore
import KembarIndex
import KembarStorage

/// `kembar audit`: the change log — who changed what, when, through what — for a period, a person or a record.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Export the change log (CSV or JSON) for a period, a person or a record.",
        discussion: """
            One row per change, oldest first: sequence, time (UTC), actor, channel (form, import, api, cli, seed), \
            kind, key, action (create, update, delete), version, and the record's document before and after. CSV \
            cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) \
            are prefixed with an apostrophe. Dates are days (2026-01-01) or ISO 8601 times; --until is exclusive.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var options: DatabaseOptions
    @Option(help: "From this day or time (inclusive).") var since: String?
    @Option(help: "Up to this day or time (exclusive).") var until: String?
    @Option(help: "Only changes by this actor (an e-mail address, an operating-system user, kembar).") var actor:
        String?
    @Option(help: "Only this record, as KIND/KEY (activity/sbylpl-2018-mou) or a kind alone (activity).")
    var record: String?
    @Option(help: "csv or json.") var format: Format = .csv
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !Self.isTime(value) {
                throw ValidationError("\(name) '\(value)' is not a day (2026-01-01) or an ISO 8601 time.")
            }
        }
    }

    static func isTime(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?$"#, options: .regularExpression) != nil
    }

    func run() async throws {
        let parts = record?.split(separator: "/", maxSplits: 1).map(String.init) ?? []
        let query = AuditQuery(
            since: since, until: until, actor: actor, kind: parts.first, key: parts.count == 2 ? parts[1] : nil)
        // Written a page at a time: the log of a national registry does not fit in memory as one text.
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw ValidationError("Cannot write \(output).")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if output != nil { try? handle.close() } }
        handle.write(Data((format == .csv ? Self.csvRow(Self.columns) : "[\n").utf8))
        var count = 0
        try await options.withStore { store in
            var after = 0
            while true {
                let page = try await store.repository.audit(query, after: after, limit: 1000)
                var text = ""
                for change in page {
                    text +=
                        format == .csv
                        ? Self.csvRow(Self.values(change)) : (count == 0 ? "" : ",\n") + (try Self.json(change))
                    count += 1
                }
                handle.write(Data(text.utf8))
                guard let last = page.last, page.count == 1000 else { break }
                after = last.sequence
            }
        }
        if format == .json { handle.write(Data("\n]\n".utf8)) }
        if output != nil { printError("Wrote \(count) changes to \(output ?? "").") }
    }

    static let columns = ["sequence", "at", "actor", "channel", "kind", "key", "action", "version", "before", "after"]

    static func values(_ change: Change) -> [String] {
        [
            String(change.sequence), change.at, change.actor, change.channel.rawValue, change.kind, change.key,
            change.action.rawValue, String(change.version), change.before ?? "", change.after ?? "",
        ]
    }

    static func json(_ change: Change) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(change), as: UTF8.self)
    }

    /// One RFC 4180 line; a cell a spreadsheet would evaluate is made text.
    static func csvRow(_ cells: [String]) -> String { cells.map(CSVData.cell).joined(separator: ",") + "\r\n" }
}
