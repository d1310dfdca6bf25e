import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update the database schema.",
        discussion: "Safe to run any number of times. Add --seed to load the bundled frameworks (and the founding "
            + "dataset unless --no-demo) into an empty database, as `kembar serve` does.")

    @OptionGroup var options: DatabaseOptions
    @Flag(help: "Load the bundled data into an empty database.") var seed = false
    @Flag(name: .customLong("no-demo"), help: "With --seed, load only the frameworks, not the founding dataset.")
    var noDemo = false

    func run() async throws {
        try await options.withStore { store in
            if seed, try await store.prepare(loadDemo: !noDemo) {
                printError("Loaded the bundled data into \(store.location).")
            } else {
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
            value and rule. Records are matched by key, so importing the same file twice changes nothing. \
            Formats: docs/DATASET.md (JSON) and docs/CSV.md. Use `-` to read JSON from standard input.
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Language of error messages: en or id.") var lang: Language = .en
    @Argument(help: "Files to import (.json dataset, .csv activities or observations).") var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to import.") }
    }

    func run() async throws {
        var batch = ImportBatch()
        for file in files { read(file, into: &batch) }
        let summary = try await options.withStore { store in
            do {
                return try await store.repository.importBatch(batch)
            } catch let error as InvalidInput {
                throw ImportFailed(violations: error.violations, language: lang)
            }
        }
        printError(
            Catalogue.importSummary(
                inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, lang))
    }

    /// Adds one file named on the command line (`-` is JSON on standard input) to the batch.
    private func read(_ file: String, into batch: inout ImportBatch) {
        let data: Data
        do {
            data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return batch.addUnreadable(
                file: file, reason: "cannot read the file: \((error as NSError).localizedDescription)")
        }
        if file.lowercased().hasSuffix(".csv") {
            guard let text = String(data: data, encoding: .utf8) else {
                return batch.addUnreadable(file: file, reason: "the file is not UTF-8 text")
            }
            batch.addCSV(text, file: file)
        } else {
            batch.addJSON([UInt8](data), file: file)
        }
    }
}

/// An import that was refused; prints every violation.
struct ImportFailed: Error, CustomStringConvertible {
    var violations: [Violation]
    var language: Language

    var description: String {
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
        let data = try DatasetCodec.encode(dataset)
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            printError("Wrote \(dataset.recordCount) records to \(output).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
