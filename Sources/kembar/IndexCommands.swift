import ArgumentParser
import Foundation
import KembarCore
import KembarIndex
import KembarReport
import KembarStorage

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build composite indices (COINr-equivalent) and measure how robust their ranks are.",
        discussion: """
            From a CSV of indicators and a specification (structure, weights, directions, steps): \
            `kembar index build --spec spec.json --data data.csv`. From the observations stored in Kembar: \
            `kembar index stored --framework itu-u4ssc-kpis`. The spec and CSV formats are in docs/INDEX.md, with a \
            worked example in docs/examples/index/.
            """,
        subcommands: [IndexBuild.self, IndexUncertainty.self, IndexStored.self])
}

/// The spec and data files every index command reads.
struct IndexInputs: ParsableArguments {
    @Option(help: "Specification JSON: structure, weights, directions, steps (docs/INDEX.md).") var spec: String
    @Option(help: "Indicator data as CSV, long (unit,indicator,period,value) or wide (unit[,period],ind1,…).")
    var data: String

    func read() throws -> (spec: Data, data: String) {
        do {
            let specData = try Data(contentsOf: URL(fileURLWithPath: spec))
            let dataText = try String(contentsOf: URL(fileURLWithPath: data), encoding: .utf8)
            return (specData, dataText)
        } catch {
            throw ValidationError("Cannot read input: \((error as NSError).localizedDescription)")
        }
    }
}

/// Where and how results are written.
struct ResultOutput: ParsableArguments {
    @Option(help: "csv or json.") var format: OutputFormatIndex = .csv
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func write(_ text: String) throws {
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            printError("Wrote \(output).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

enum OutputFormatIndex: String, ExpressibleByArgument, CaseIterable { case csv, json }

struct IndexBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an index: one row per unit and period with rank, index, aggregate scores and ranks, and "
            + "normalised indicators.",
        discussion: "JSON output adds the effective weights and the logs of screening, imputation and outlier "
            + "treatment. Errors name the JSON path of the spec, or the line, column and value of the CSV.")

    @OptionGroup var inputs: IndexInputs
    @OptionGroup var output: ResultOutput

    func run() throws {
        let (spec, data) = try inputs.read()
        let built = try IndexRunner.build(specJSON: spec, dataCSV: data)
        try output.write(
            output.format == .csv ? ResultWriter.resultsCSV(built.result) : ResultWriter.resultsJSON(built.result))
    }
}

struct IndexUncertainty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncertainty",
        abstract: "Monte Carlo uncertainty analysis: per unit the nominal rank, median rank and 5–95 % interval.",
        discussion: """
            Replications, weight noise, method alternatives and the seed come from the spec's "uncertainty" \
            section (docs/INDEX.md); the same seed gives the same ranks on any machine and any number of cores. \
            --pair A,B adds the probability that A outranks B (repeatable). Progress is shown on standard error.
            """)

    @OptionGroup var inputs: IndexInputs
    @OptionGroup var output: ResultOutput
    @Option(help: "Two units, A,B: report P(A ranks above B).") var pair: [String] = []
    @Flag(help: "No progress bar.") var quiet = false

    func run() throws {
        let (spec, data) = try inputs.read()
        let bar = ProgressBar(enabled: !quiet)
        let (_, ua) = try IndexRunner.uncertainty(specJSON: spec, dataCSV: data) { done, total in
            bar.update(done, of: total)
        }
        bar.finish()
        var pairs: [PairProbability] = []
        for text in pair {
            let units = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard units.count == 2, let probability = ua.outranking(units[0], units[1]) else {
                throw ValidationError("--pair needs two units of the data, as A,B: '\(text)'")
            }
            pairs.append(probability)
        }
        if output.format == .json {
            try output.write(ResultWriter.uncertaintyJSON(ua, pairs: pairs))
        } else {
            var text = ResultWriter.uncertaintyCSV(ua)
            for p in pairs {
                let probability = String(format: "%.3f", p.aOutranksB)
                printError("P(\(p.unitA) ranks above \(p.unitB)) = \(probability) over \(p.runs) runs")
            }
            if text.isEmpty { text = "\n" }
            try output.write(text)
        }
    }
}

struct IndexStored: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stored",
        abstract: "Build an index from the observations stored in Kembar for one framework.",
        discussion: """
            The structure is the framework's own hierarchy (dimensions → sub-dimensions → indicators), limited to \
            the indicators that have observations, with equal weights and the framework's directions; each \
            calendar year is one period (the latest observation of a year counts). COINr's default steps apply.
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Framework key, e.g. itu-u4ssc-kpis.") var framework: String
    @Option(help: "Cities to include, comma-separated (default: every city with observations).") var cities: String?
    @Option(help: "First year to include.") var from: Int?
    @Option(help: "Last year to include.") var to: Int?
    @OptionGroup var output: ResultOutput

    func run() async throws {
        let (framework, observations) = try await options.withStore { store in
            guard let framework = try await store.repository.framework(FrameworkKey(self.framework)) else {
                throw ValidationError("No framework '\(self.framework)'.")
            }
            return (framework, try await store.repository.allObservations())
        }
        let wanted = cities.map { Set($0.split(separator: ",").map { CityKey(String($0)) }) }
        let years = (from ?? Int.min)...(to ?? Int.max)
        let selected = observations.filter { observation in
            observation.indicator.framework == framework.id && (wanted?.contains(observation.city) ?? true)
                && years.contains(observation.period.year)
        }
        guard !selected.isEmpty else {
            throw ValidationError("No observations of framework '\(framework.id)' match the selection.")
        }
        let input = try ObservationIndex(framework: framework, observations: selected)
        let result = try IndexPipeline.run(
            panel: input.panel, configuration: IndexConfiguration(structure: input.structure))
        try output.write(output.format == .csv ? ResultWriter.resultsCSV(result) : ResultWriter.resultsJSON(result))
    }
}

/// A one-line progress bar on standard error, safe to update from several threads.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var shown = -1

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        lock.lock()
        defer { lock.unlock() }
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% (\(done)/\(total))".utf8))
    }

    func finish() {
        guard enabled, shown >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
