import Dispatch
import Foundation

/// Random noise on weights: every targeted weight is redrawn as `w + (2U − 1)·factor·w`, i.e. uniformly within
/// ±factor of its nominal value (COINr `get_noisy_weights`).
public struct WeightNoise: Sendable, Equatable {
    /// Which weights are perturbed.
    public enum Target: Sendable, Equatable {
        /// Every node of a level (indicators are level 1).
        case level(Int)
        /// One node by code.
        case node(String)
    }

    public var target: Target
    public var factor: Double

    /// Creates a noise rule.
    public init(_ target: Target, factor: Double) {
        self.target = target
        self.factor = factor
    }
}

/// How random numbers are drawn.
public enum UncertaintyMode: Sendable, Equatable {
    /// COINr's procedure with R's generator: `set.seed(seed)`, a pool of `poolSize` noisy weight sets
    /// (`get_noisy_weights`), then `runif(d·N)` mapped by `cut()` onto the alternatives of each uncertain input
    /// (weights, then normalisation, then aggregation). Same seed → same ranks as COINr's `get_sensitivity`.
    case coinr(poolSize: Int)
    /// Textbook Monte Carlo: every replication draws its own weights (and method choices) from its own R-compatible
    /// stream, seeded from the base seed and the replication number, so results do not depend on threads.
    case direct
}

/// What to vary in an uncertainty analysis.
public struct UncertaintySpec: Sendable, Equatable {
    /// Number of Monte Carlo replications (COINr `N`).
    public var replications: Int
    /// Seed (as R's `set.seed`).
    public var seed: Int32
    /// Noise on weights, applied in the order given.
    public var weightNoise: [WeightNoise]
    /// Drawing procedure.
    public var mode: UncertaintyMode
    /// Alternative normalisations applied to all indicators (empty: keep the configured ones).
    public var normalisationAlternatives: [NormalisationMethod]
    /// Alternative aggregation methods applied to all aggregates (empty: keep the configured ones).
    public var aggregationAlternatives: [AggregationMethod]
    /// Period analysed (nil: the latest).
    public var period: Int?
    /// Node whose ranks are analysed (nil: the index).
    public var target: String?

    /// Creates a specification; defaults: 1000 replications, direct mode, ±25 % noise on aggregate weights.
    public init(
        replications: Int = 1000, seed: Int32 = 1, weightNoise: [WeightNoise] = [], mode: UncertaintyMode = .direct,
        normalisationAlternatives: [NormalisationMethod] = [], aggregationAlternatives: [AggregationMethod] = [],
        period: Int? = nil, target: String? = nil
    ) {
        self.replications = replications
        self.seed = seed
        self.weightNoise = weightNoise
        self.mode = mode
        self.normalisationAlternatives = normalisationAlternatives
        self.aggregationAlternatives = aggregationAlternatives
        self.period = period
        self.target = target
    }
}

/// Rank distribution per unit under uncertainty.
public struct UncertaintyResult: Sendable {
    /// Unit codes.
    public let units: [String]
    /// Node analysed.
    public let target: String
    /// Period analysed.
    public let period: Int
    /// Number of replications.
    public let replications: Int
    /// Nominal scores and ranks (the configured build).
    public let nominalScore: [Double]
    public let nominalRank: [Double]
    /// Mean, median (R's `median`) and 5 % / 95 % quantiles (R type 7) of each unit's ranks.
    public let meanRank: [Double]
    public let medianRank: [Double]
    public let q05: [Double]
    public let q95: [Double]
    /// All ranks, replication-major: `ranks[r * units.count + u]`.
    public let ranks: [Double]

    /// The ranks of one replication.
    public func ranks(replication r: Int) -> ArraySlice<Double> {
        ranks[r * units.count..<(r + 1) * units.count]
    }

    /// Probability that unit `a` ranks strictly better than unit `b`, the probability of a tie, and the number of
    /// replications where both have a rank.
    public func outranking(_ a: String, _ b: String) -> PairProbability? {
        guard let ia = units.firstIndex(of: a), let ib = units.firstIndex(of: b) else { return nil }
        var better = 0
        var ties = 0
        var n = 0
        for r in 0..<replications {
            let ra = ranks[r * units.count + ia]
            let rb = ranks[r * units.count + ib]
            guard !ra.isNaN, !rb.isNaN else { continue }
            n += 1
            if ra < rb { better += 1 } else if ra == rb { ties += 1 }
        }
        guard n > 0 else { return PairProbability(unitA: a, unitB: b, aOutranksB: .nan, tie: .nan, runs: 0) }
        return PairProbability(
            unitA: a, unitB: b, aOutranksB: Double(better) / Double(n), tie: Double(ties) / Double(n), runs: n)
    }
}

/// P(A outranks B) under uncertainty.
public struct PairProbability: Sendable, Codable, Equatable {
    public var unitA: String
    public var unitB: String
    /// Share of replications where A's rank is strictly better (smaller) than B's.
    public var aOutranksB: Double
    /// Share of replications where they tie.
    public var tie: Double
    /// Replications where both were ranked.
    public var runs: Int
}

/// Monte Carlo uncertainty analysis over weights and methods.
public enum Uncertainty {
    /// Builds the index as configured, then re-aggregates it `spec.replications` times with perturbed weights and
    /// alternative methods, using both cores. `progress(completed, total)` is called from worker threads as
    /// replications finish.
    public static func run(
        panel: Panel, configuration: IndexConfiguration, spec: UncertaintySpec,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> UncertaintyResult {
        var config = configuration
        let needTreated = !spec.normalisationAlternatives.isEmpty
        config.keepIntermediate = needTreated
        let nominal = try IndexPipeline.run(panel: panel, configuration: config)
        return try run(nominal: nominal, configuration: config, spec: spec, progress: progress)
    }

    /// Like ``run(panel:configuration:spec:progress:)`` but starting from an existing build. Normalisation
    /// alternatives need the build's treated data (``IndexConfiguration/keepIntermediate``).
    public static func run(
        nominal: IndexResult, configuration config: IndexConfiguration, spec: UncertaintySpec,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> UncertaintyResult {
        let s = config.structure
        let nU = nominal.units.count
        let n = spec.replications
        guard n >= 1 else { throw IndexError.invalidConfiguration("uncertainty needs at least 1 replication") }
        let period = spec.period ?? nominal.periods.last ?? 0
        guard let p = nominal.periods.firstIndex(of: period) else {
            throw IndexError.invalidConfiguration("period \(period) is not in the data")
        }
        let targetCode = spec.target ?? s.rootCode
        guard let targetNode = s.index(of: targetCode), !s.children[targetNode].isEmpty else {
            throw IndexError.invalidConfiguration("uncertainty target '\(targetCode)' is not an aggregate")
        }
        for noise in spec.weightNoise {
            guard noise.factor.isFinite, noise.factor >= 0 else {
                throw IndexError.invalidConfiguration("weight noise factor must be ≥ 0")
            }
            if case .node(let code) = noise.target, s.index(of: code) == nil {
                throw IndexError.invalidConfiguration("weight noise names unknown node '\(code)'")
            }
            if case .level(let l) = noise.target, !(1...s.maxLevel).contains(l) {
                throw IndexError.invalidConfiguration("weight noise level \(l) is outside 1...\(s.maxLevel)")
            }
        }

        // Indicator blocks [indicator][unit] of the analysed period, one per normalisation alternative.
        let nI = s.indicators.count
        var blocks: [[Double]] = []
        if spec.normalisationAlternatives.isEmpty {
            let start = p * nI * nU
            blocks.append(Array(nominal.normalised.values[start..<start + nI * nU]))
        } else {
            guard let treated = nominal.stages[.treated] else {
                throw IndexError.invalidConfiguration("normalisation alternatives need the treated data of the build")
            }
            let codes = s.indicators.map { s.nodes[$0].code }
            let directions = s.indicators.map { s.nodes[$0].direction }
            for alt in spec.normalisationAlternatives {
                var work = treated.values
                IndexPipeline.normaliseInPlace(
                    &work, nI: nI, nU: nU, nP: nominal.periods.count, codes: codes, directions: directions,
                    rules: StepRules(alt), pooled: config.pooledNormalisation)
                let start = p * nI * nU
                blocks.append(Array(work[start..<start + nI * nU]))
            }
        }
        let plans: [AggregationPlan] =
            spec.aggregationAlternatives.isEmpty
            ? [AggregationPlan(configuration: config)]
            : spec.aggregationAlternatives.map { AggregationPlan(configuration: config, methodOverride: $0) }

        // Draw every replication's choices: (weights, block, plan).
        let baseWeights = s.nodes.map(\.weight)
        let noiseGroups: [(nodes: [Int], factor: Double)] = spec.weightNoise.map { noise in
            switch noise.target {
            case .level(let l): return (s.weightTableOrder.filter { s.levels[$0] == l }, noise.factor)
            case .node(let code): return ([s.index(of: code) ?? 0], noise.factor)
            }
        }
        func noisyWeights(_ rng: inout RRandom) -> [Double] {
            var w = baseWeights
            for g in noiseGroups {
                for node in g.nodes {
                    let u = rng.unifRand()
                    w[node] = baseWeights[node] + (u * 2 - 1) * g.factor * baseWeights[node]
                }
            }
            return w
        }
        var choices: [(weights: [Double], block: Int, plan: Int)] = []
        choices.reserveCapacity(n)
        switch spec.mode {
        case .coinr(let poolSize):
            var rng = RRandom(seed: spec.seed)
            var pool: [[Double]] = []
            if !noiseGroups.isEmpty {
                guard poolSize >= 2 else {
                    throw IndexError.invalidConfiguration("the COINr-mode weight pool needs at least 2 sets")
                }
                pool = (0..<poolSize).map { _ in noisyWeights(&rng) }
            }
            var columns: [[Int]] = []
            for count in [noiseGroups.isEmpty ? 0 : poolSize, blocks.count, plans.count] {
                columns.append(count >= 2 ? [] : [Int](repeating: 1, count: n))
            }
            let inputs = [noiseGroups.isEmpty ? 0 : poolSize, blocks.count, plans.count].filter { $0 >= 2 }.count
            guard inputs > 0 else {
                throw IndexError.invalidConfiguration("nothing is uncertain: add weight noise or method alternatives")
            }
            // runif(d·N) fills an N × d matrix column by column, one column per uncertain input.
            for (k, count) in [noiseGroups.isEmpty ? 0 : poolSize, blocks.count, plans.count].enumerated()
            where count >= 2 {
                columns[k] = Stats.cutCodes(rng.runif(n), bins: count)
            }
            for r in 0..<n {
                choices.append(
                    (pool.isEmpty ? baseWeights : pool[columns[0][r] - 1], columns[1][r] - 1, columns[2][r] - 1))
            }
        case .direct:
            for r in 0..<n {
                var rng = RRandom(seed: RRandom.derivedSeed(base: spec.seed, index: r))
                let w = noiseGroups.isEmpty ? baseWeights : noisyWeights(&rng)
                let b = blocks.count > 1 ? min(Int(rng.unifRand() * Double(blocks.count)), blocks.count - 1) : 0
                let a = plans.count > 1 ? min(Int(rng.unifRand() * Double(plans.count)), plans.count - 1) : 0
                choices.append((w, b, a))
            }
        }

        // Evaluate replications in parallel; each writes only its own row, so the result is schedule-independent.
        let ranks = SharedBuffer(count: n * nU)
        defer { ranks.deallocate() }
        let failure = FirstError()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(n, workers * 8)
        let counter = Counter()
        let units = nominal.units
        let indicators = s.indicators
        let nNodes = s.nodes.count
        let choicesCopy = choices
        let blocksCopy = blocks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lo = chunk * n / chunks
            let hi = (chunk + 1) * n / chunks
            var buffer = [Double](repeating: .nan, count: nNodes * nU)
            for r in lo..<hi {
                if failure.isSet { return }
                let c = choicesCopy[r]
                let block = blocksCopy[c.block]
                for (i, node) in indicators.enumerated() {
                    buffer.replaceSubrange(node * nU..<(node + 1) * nU, with: block[i * nU..<(i + 1) * nU])
                }
                do {
                    try plans[c.plan].run(buffer: &buffer, nUnits: nU, weights: c.weights, units: units)
                } catch {
                    failure.set(error)
                    return
                }
                let row = Stats.rankDescending(Array(buffer[targetNode * nU..<(targetNode + 1) * nU]))
                ranks.write(row, at: r * nU)
            }
            let done = counter.add(hi - lo)
            progress?(done, n)
        }
        if let error = failure.error { throw error }
        let all = ranks.array()

        guard let aggIndex = nominal.aggregated.codes.firstIndex(of: targetCode) else {
            throw IndexError.invalidConfiguration("target '\(targetCode)' has no scores")
        }
        let nominalScore = nominal.aggregated.column(index: aggIndex, periodIndex: p)
        var mean = [Double](repeating: .nan, count: nU)
        var median = mean
        var q05 = mean
        var q95 = mean
        for u in 0..<nU {
            var v = [Double]()
            v.reserveCapacity(n)
            for r in 0..<n where !all[r * nU + u].isNaN { v.append(all[r * nU + u]) }
            guard !v.isEmpty else { continue }
            v.sort()
            mean[u] = Stats.sum(v) / Double(v.count)
            median[u] = Stats.median(v)
            q05[u] = Stats.quantileSorted(v, 0.05)
            q95[u] = Stats.quantileSorted(v, 0.95)
        }
        return UncertaintyResult(
            units: units, target: targetCode, period: period, replications: n, nominalScore: nominalScore,
            nominalRank: Stats.rankDescending(nominalScore), meanRank: mean, medianRank: median, q05: q05, q95: q95,
            ranks: all)
    }
}

/// A fixed-size buffer written by several threads at disjoint offsets.
final class SharedBuffer: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: .nan)
    }

    func write(_ values: [Double], at offset: Int) {
        for (k, v) in values.enumerated() { pointer[offset + k] = v }
    }

    func array() -> [Double] { Array(pointer) }

    func deallocate() { pointer.deallocate() }
}

/// The first error raised by any worker.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var isSet: Bool { lock.withLock { stored != nil } }
    var error: Error? { lock.withLock { stored } }

    func set(_ e: Error) {
        lock.withLock { if stored == nil { stored = e } }
    }
}

/// A thread-safe running count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add(_ k: Int) -> Int {
        lock.withLock {
            value += k
            return value
        }
    }
}
