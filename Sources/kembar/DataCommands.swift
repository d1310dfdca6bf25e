import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update the database schema: the deployment step before a new Kembar serves.",
        discussion: "Safe to run any number of times, and taken under a lock (a PostgreSQL advisory lock, or a lock "
            + "file beside an SQLite file), so two deployments never race. Other commands never migrate: they say "
            + "when the database needs this. Add --seed to load the bundled frameworks and fields (and the founding "
            + "dataset unless --no-demo) into an empty database, as the first `kembar serve` does.")

    @OptionGroup var options: DatabaseOptions
    @Flag(help: "Load the bundled data into an empty database.") var seed = false
    @Flag(name: .customLong("no-demo"), help: "With --seed, load only the frameworks, not the founding dataset.")
    var noDemo = false

    func run() async throws {
        try await options.withOpenStore { store in
            if seed, try await store.prepare(loadDemo: !noDemo) {
                printError("Loaded the bundled data into \(store.location).")
            } else {
                try await store.migrate()
                printError("Schema of \(store.location) is up to date.")
            }
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import Kembar dataset JSON files or CSV files of activities or observations.",
        discussion: """
            All files are read and checked together, then written in one transaction: if any record of any file \
            breaks a rule, nothing is written and every problem is listed with its file, line or JSON path, field, \
            value and rule. Records are matched by key, so importing the same file twice changes nothing. A record \
            whose key is stored is replaced whole (the summary names every record replaced); --merge adds the \
            file's fields and list items to it instead. --dry-run lists what would be added, changed (field by \
            field) and kept, and writes nothing. Formats: docs/DATASET.md (JSON) and docs/CSV.md. Use `-` to read \
            JSON from standard input.
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Language of messages: en or id.") var lang: Language = .en
    @Flag(name: .customLong("dry-run"), help: "Show what would change, field by field; write nothing.")
    var dryRun = false
    @Flag(help: "Add the files' fields and list items to stored records instead of replacing them whole.")
    var merge = false
    @Option(
        name: .customLong("as"),
        help: "Who is importing, as recorded in the change log (default: the operating-system user).")
    var actor: String?
    @Option(
        name: .customLong("source"),
        help: ArgumentHelp(
            "For lists of twinning links: the key of the source every city and partnership cites (default: one "
                + "named after the file)."))
    var pairSource: String?
    @Flag(
        name: .customLong("skip-invalid-rows"),
        help: ArgumentHelp(
            "For lists of twinning links: leave out, and list, the rows whose country no name table knows or that "
                + "pair a place with itself."))
    var skipInvalidRows = false
    @Argument(help: "Files to import (.json dataset, .csv activities, observations or twinning links).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to import.") }
    }

    func run() async throws {
        let (summary, skipped, recorded) = try await options.withStore(dryRun ? .existing : .creatingIfNew) { store in
            var batch = ImportBatch()
            for file in files { try await read(file, into: &batch, store: store) }
            do {
                let summary = try await store.repository.importBatch(
                    batch, mode: merge ? .merge : .replace, dryRun: dryRun,
                    as: WriteContext(actor: actor ?? Self.operatingSystemUser, channel: .cli))
                return (summary, batch.skipped, batch.recorded)
            } catch let error as InvalidInput {
                throw ImportFailed(violations: error.violations, language: lang)
            } catch let error as Repository.EmptyDatabase {
                throw ImportFailed(violations: error.violations, language: lang, emptyDatabase: true)
            }
        }
        if !skipped.isEmpty { printError(Catalogue.skippedRows(skipped, lang)) }
        if !recorded.isEmpty { printError(Catalogue.recordedPairs(recorded, lang)) }
        if dryRun {
            show(ImportReport.changes(summary, lang))
        } else if !summary.replaced.isEmpty {
            printError(Catalogue.replaced(summary.replaced, lang))
        }
        printError(ImportReport.summary(summary, lang))
    }

    /// The user running the command, as the environment names them.
    static var operatingSystemUser: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    /// Adds one file named on the command line (`-` is JSON on standard input) to the batch.
    private func read(_ file: String, into batch: inout ImportBatch, store: KembarStore) async throws {
        var isDirectory: ObjCBool = false
        if file != "-" {
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                return batch.addUnreadable(file: file, reason: Catalogue.unreadable(.missing, lang))
            }
            if isDirectory.boolValue {
                return batch.addUnreadable(file: file, reason: Catalogue.unreadable(.directory, lang))
            }
        }
        let data: Data
        do {
            data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return batch.addUnreadable(file: file, reason: Catalogue.unreadable(.unreadable, lang))
        }
        if file.lowercased().hasSuffix(".csv") {
            guard let text = String(data: data, encoding: .utf8) else {
                return batch.addUnreadable(file: file, reason: Catalogue.unreadable(.notUTF8, lang))
            }
            batch.addCSV(text, file: file, pairs: try await pairContext(text, file: file, store: store))
        } else {
            batch.addJSON([UInt8](data), file: file)
        }
    }
}

extension Import {
    /// For a list of twinning links, what reading it needs; `nil` for other CSV files.
    func pairContext(_ text: String, file: String, store: KembarStore) async throws -> ImportBatch.PairListContext? {
        do {
            return try await store.repository.pairListContext(
                forCSV: text, file: file, source: pairSource.map { SourceKey($0) }, skipInvalidRows: skipInvalidRows)
        } catch let error as Repository.UnknownSource {
            throw ValidationError("No source '\(error.key)' is stored: import it first, or leave --source out.")
        }
    }
}

/// What an import did or would do, for the terminal.
enum ImportReport {
    static func summary(_ summary: Repository.ImportSummary, _ lang: Language) -> String {
        summary.dryRun
            ? Catalogue.dryRunSummary(
                inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, lang)
            : Catalogue.importSummary(
                inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, lang)
    }

    /// One line per record added or changed, and one per changed field: `~ activities/key participants[0].count:
    /// 10 → 12`.
    static func changes(_ summary: Repository.ImportSummary, _ lang: Language) -> String {
        var out = ""
        for change in summary.changes where change.action != .keep {
            let verb = Catalogue.changeAction(change.action, lang)
            out += "\(verb) \(change.collection)/\(change.key)\n"
            for field in change.fields {
                out += "    \(field.path): \(field.before ?? "—") → \(field.after ?? "—")\n"
            }
        }
        return out
    }
}

/// An import that was refused; prints every violation.
struct ImportFailed: Error, CustomStringConvertible {
    var violations: [Violation]
    var language: Language
    /// The database is empty: say how to load the bundled data rather than list every unknown reference.
    var emptyDatabase = false

    var description: String {
        if emptyDatabase { return Catalogue.importIntoEmptyDatabase(unknown: violations.count, language) }
        return
            ([Catalogue.importRefused(count: violations.count, language)]
            + violations.map { "  " + Catalogue.describe($0, language) }).joined(separator: "\n")
    }
}

extension Language: ExpressibleByArgument {}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole database, or one partnership, as a Kembar dataset JSON file.",
        discussion: "The output is canonical (records sorted by key), so exporting an unchanged database twice gives "
            + "identical files, and importing an export into an empty database reproduces it exactly.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Only this partnership and what it refers to.") var partnership: String?
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let dataset: Dataset = try await options.withStore { store in
            guard let partnership else { return try await store.repository.dataset() }
            guard let slice = try await store.repository.dataset(partnership: PartnershipKey(partnership)) else {
                throw ValidationError("No partnership '\(partnership)'. `kembar partnerships` lists them.")
            }
            return slice
        }
        try write(DatasetCodec.encode(dataset), to: output, saying: "Wrote \(dataset.recordCount) records")
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of everything: every record with its version, the change log, the accounts.",
        discussion: "Safe while servers run: the copy is read in one transaction (writers wait for it, readers do "
            + "not). `kembar restore FILE` loads it into an empty database. The file is canonical JSON "
            + "(format kembar-backup).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let backup = try await options.withStore { try await $0.repository.backup() }
        try write(
            backup.encoded(), to: output,
            saying: "Wrote \(backup.records.count) records and \(backup.changes.count) changes")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Load a backup written by `kembar backup` into an empty database.",
        discussion: "Refuses a database that holds any record or change, so nothing is overwritten. Records keep "
            + "their versions; the change log keeps its order (its sequence numbers are given anew).")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "The backup file.") var file: String

    func run() async throws {
        let backup = try Backup.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
        let count = try await options.withStore(.creatingIfNew) { store in
            do {
                return try await store.repository.restore(backup)
            } catch is Repository.NotEmpty {
                throw ValidationError("\(store.location) is not empty: restore into a new database.")
            }
        }
        printError("Restored \(count) records and \(backup.changes.count) changes.")
    }
}

/// Writes a command's data to `output` atomically (saying so on standard error), or to standard output.
func write(_ data: Data, to output: String?, saying what: String) throws {
    guard let output else { return FileHandle.standardOutput.write(data) }
    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
    printError("\(what) to \(output).")
}
