import Benchmark
import Foundation
import KembarIndex

// The workloads of issue 4: (a) the default pipeline on COINr's ASEM example, (b) 10,000 units × 100 indicators ×
// 10 periods, (c) 1,000 Monte Carlo weight replications on ASEM and on 1,000 units × 60 indicators.
// Data sets are made before startMeasurement(), so only the engine is timed.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 200
    )

    Benchmark(
        "a ASEM default pipeline",
        configuration: .init(timeUnits: .microseconds, warmupIterations: 5, maxIterations: 1000)
    ) { benchmark in
        let asem = try Workloads.asem()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try IndexPipeline.run(panel: asem.panel, configuration: asem.configuration))
        }
        benchmark.stopMeasurement()
    }

    Benchmark(
        "b 10000 units x 100 indicators x 10 periods",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 5)
    ) { benchmark in
        let (panel, configuration) = try Workloads.synthetic(
            units: 10_000, indicators: 100, groups: 10, periods: 10, seed: 11)
        benchmark.startMeasurement()
        blackHole(try IndexPipeline.run(panel: panel, configuration: configuration))
        benchmark.stopMeasurement()
    }

    Benchmark(
        "c1 MC 1000 weight replications ASEM",
        configuration: .init(timeUnits: .microseconds, maxIterations: 100)
    ) { benchmark in
        let asem = try Workloads.asem()
        let nominal = try IndexPipeline.run(panel: asem.panel, configuration: asem.configuration)
        benchmark.startMeasurement()
        blackHole(try Uncertainty.run(nominal: nominal, configuration: asem.configuration, spec: Workloads.mcSpec))
        benchmark.stopMeasurement()
    }

    Benchmark(
        "c2 MC 1000 weight replications 1000 units x 60 indicators",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 10)
    ) { benchmark in
        var (panel, configuration) = try Workloads.synthetic(
            units: 1_000, indicators: 60, groups: 6, periods: 1, seed: 12)
        configuration.keepIntermediate = false
        let nominal = try IndexPipeline.run(panel: panel, configuration: configuration)
        benchmark.startMeasurement()
        blackHole(try Uncertainty.run(nominal: nominal, configuration: configuration, spec: Workloads.mcSpec))
        benchmark.stopMeasurement()
    }
}

enum Workloads {
    /// ±25 % noise on the weights of every aggregate level, 1,000 replications, each with its own seeded stream.
    static let mcSpec = UncertaintySpec(
        replications: 1_000, seed: 20_240_601,
        weightNoise: [WeightNoise(.level(2), factor: 0.25), WeightNoise(.level(3), factor: 0.25)], mode: .direct)

    static func fixture(_ name: String) throws -> String {
        // The ASEM fixtures of the test target, found relative to this file.
        let here = URL(fileURLWithPath: #filePath)
        let url = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/KembarIndexTests/Fixtures/asem/\(name).csv")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// COINr's ASEM example with COINr's pipeline: denominate, impute by GDP-group mean, treat, min-max, mean.
    static func asem() throws -> (panel: Panel, configuration: IndexConfiguration) {
        let panel = try CSVData.loadWide(
            try fixture("asem_idata"),
            options: CSVOptions(
                unitColumn: "uCode", periodColumn: "Time",
                groupColumns: ["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"], ignoreColumns: ["uName"]))
        let rows = try CSVData.parse(try fixture("asem_imeta"))
        let header = rows[0].fields
        func col(_ n: String) -> Int { header.firstIndex(of: n) ?? 0 }
        var nodes: [IndexNode] = []
        var denominations: [String: Denomination] = [:]
        for row in rows.dropFirst() {
            let f = row.fields
            guard f[col("Type")] == "Indicator" || f[col("Type")] == "Aggregate" else { continue }
            let parent = f[col("Parent")]
            nodes.append(
                IndexNode(
                    code: f[col("iCode")], parent: parent == "NA" ? nil : parent,
                    weight: Double(f[col("Weight")]) ?? 1, direction: Int(f[col("Direction")]) ?? 1))
            let d = f[col("Denominator")]
            if d != "NA" && !d.isEmpty { denominations[f[col("iCode")]] = Denomination(by: d) }
        }
        let configuration = IndexConfiguration(
            structure: try IndexStructure(nodes: nodes), denomination: denominations,
            imputation: StepRules([.groupMean(group: "GDP_group")]))
        return (panel, configuration)
    }

    /// Synthetic panel: indicators in `groups` equal groups, groups in two pillars, pillars in the index; 5 %
    /// missing; every fifth indicator heavily skewed so that treatment has work to do.
    static func synthetic(
        units: Int, indicators: Int, groups: Int, periods: Int, seed: Int32
    ) throws
        -> (Panel, IndexConfiguration)
    {
        var rng = RRandom(seed: seed)
        var values = [Double](repeating: .nan, count: units * indicators * periods)
        for p in 0..<periods {
            for i in 0..<indicators {
                let base = (p * indicators + i) * units
                for u in 0..<units {
                    let r = rng.unifRand()
                    if r < 0.05 { continue }
                    let x = rng.unifRand()
                    values[base + u] = i % 5 == 0 ? exp(6 * x * x) : 10 + 80 * x + Double(p)
                }
            }
        }
        let unitCodes = (0..<units).map { "U\($0)" }
        let indicatorCodes = (0..<indicators).map { "I\($0)" }
        var nodes: [IndexNode] = []
        for i in 0..<indicators {
            nodes.append(
                IndexNode(code: "I\(i)", parent: "G\(i * groups / indicators)", direction: i % 7 == 0 ? -1 : 1))
        }
        for g in 0..<groups { nodes.append(IndexNode(code: "G\(g)", parent: g < groups / 2 ? "P0" : "P1")) }
        nodes.append(IndexNode(code: "P0", parent: "Index"))
        nodes.append(IndexNode(code: "P1", parent: "Index"))
        nodes.append(IndexNode(code: "Index", parent: nil))
        let panel = try Panel(
            units: unitCodes, variables: indicatorCodes, periods: Array(2015..<(2015 + periods)), values: values)
        let configuration = IndexConfiguration(structure: try IndexStructure(nodes: nodes), keepIntermediate: false)
        return (panel, configuration)
    }
}
