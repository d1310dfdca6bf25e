import Foundation

/// The named data sets a build produces, in pipeline order (COINr's `.$Data`).
public enum PipelineStage: String, Sendable, CaseIterable, Codable {
    case raw, screened, denominated, imputed, treated, normalised, aggregated
}

/// What screening decided for one unit in one period.
public struct ScreeningRecord: Sendable, Codable, Equatable {
    public var unit: String
    public var period: Int
    /// Share of indicators available.
    public var dataAvailability: Double
    /// Share of non-zero values among the available ones (NaN when none available).
    public var nonZero: Double
    public var included: Bool
}

/// How many values each imputation method filled for one indicator in one period.
public struct ImputationRecord: Sendable, Codable, Equatable {
    public var indicator: String
    public var period: Int
    public var missingBefore: Int
    /// Filled values per method name, e.g. "groupMean(GDP_group)".
    public var filled: [String: Int]
    public var missingAfter: Int
}

/// Everything an index build produces.
public struct IndexResult: Sendable {
    /// The structure used.
    public let structure: IndexStructure
    /// Unit codes (all units of the panel; screened-out unit-periods have missing scores).
    public let units: [String]
    /// Periods, ascending.
    public let periods: [Int]
    /// Intermediate indicator data sets (raw, screened, denominated, imputed, treated) when
    /// ``IndexConfiguration/keepIntermediate`` is on.
    public let stages: [PipelineStage: DataMatrix]
    /// Normalised indicator scores.
    public let normalised: DataMatrix
    /// Aggregate scores (every aggregate node, including the index).
    public let aggregated: DataMatrix
    /// Ranks of every aggregate node per period: 1 = best, ties share the lowest rank, missing stays missing.
    public let ranks: DataMatrix
    /// Outlier treatment decisions per indicator and period.
    public let treatment: [TreatmentRecord]
    /// Imputation counts per indicator and period.
    public let imputation: [ImputationRecord]
    /// Screening decisions (empty without screening).
    public let screening: [ScreeningRecord]
    /// Effective (nominal) weight of every node, by code.
    public let effectiveWeights: [String: Double]
    /// The configuration the result was built with.
    public let configuration: IndexConfiguration

    /// The score of any node (normalised indicator or aggregate) for a unit and period.
    public func score(_ code: String, unit: String, period: Int) -> Double? {
        aggregated.value(code, unit: unit, period: period) ?? normalised.value(code, unit: unit, period: period)
    }

    /// The rank of an aggregate node for a unit and period.
    public func rank(_ code: String, unit: String, period: Int) -> Int? {
        ranks.value(code, unit: unit, period: period).map { Int($0) }
    }

    /// Code of the top node.
    public var indexCode: String { structure.rootCode }
}

/// Runs the construction pipeline: screening → denomination → imputation → treatment → normalisation →
/// aggregation → ranks.
public enum IndexPipeline {
    /// Builds the index for every period of `panel`. Throws when the data do not fit the structure or a step cannot
    /// be computed (e.g. a geometric mean over a zero with ``ZeroRule/error``).
    public static func run(panel: Panel, configuration config: IndexConfiguration) throws -> IndexResult {
        let s = config.structure
        let nU = panel.units.count
        let nP = panel.periods.count
        let indicatorCodes = s.indicators.map { s.nodes[$0].code }
        let nI = indicatorCodes.count
        var variableOf = [Int]()
        for code in indicatorCodes {
            guard let v = panel.index(ofVariable: code) else {
                throw IndexError.invalidData("indicator '\(code)' of the structure is not in the data")
            }
            variableOf.append(v)
        }
        try validate(config: config, panel: panel)

        // Working copy of the indicator columns, [period][indicator][unit]; every step edits it in place.
        var work = [Double](repeating: .nan, count: nP * nI * nU)
        for p in 0..<nP {
            for i in 0..<nI {
                let src = (p * panel.variables.count + variableOf[i]) * nU
                let dst = (p * nI + i) * nU
                for u in 0..<nU { work[dst + u] = panel.values[src + u] }
            }
        }
        var stages: [PipelineStage: DataMatrix] = [:]
        func snapshot(_ stage: PipelineStage) {
            if config.keepIntermediate {
                stages[stage] = DataMatrix(
                    codes: indicatorCodes, units: panel.units, periods: panel.periods, values: work)
            }
        }
        snapshot(.raw)

        // Screening.
        var active = [Bool](repeating: true, count: nP * nU)
        var screeningLog: [ScreeningRecord] = []
        if let screen = config.screening {
            for p in 0..<nP {
                for u in 0..<nU {
                    var available = 0
                    var nonZero = 0
                    for i in 0..<nI {
                        let v = work[(p * nI + i) * nU + u]
                        if !v.isNaN {
                            available += 1
                            if v != 0 { nonZero += 1 }
                        }
                    }
                    let avail = nI > 0 ? Double(available) / Double(nI) : 0
                    let nz = available > 0 ? Double(nonZero) / Double(available) : .nan
                    var keep = true
                    if let t = screen.minDataAvailability, avail < t { keep = false }
                    if let t = screen.minNonZero, !(nz >= t) { keep = false }
                    let unit = panel.units[u]
                    if screen.forceInclude.contains(unit) { keep = true }
                    if screen.forceExclude.contains(unit) { keep = false }
                    active[p * nU + u] = keep
                    screeningLog.append(
                        ScreeningRecord(
                            unit: unit, period: panel.periods[p], dataAvailability: avail, nonZero: nz,
                            included: keep))
                    if !keep {
                        for i in 0..<nI { work[(p * nI + i) * nU + u] = .nan }
                    }
                }
            }
            snapshot(.screened)
        }

        // Denomination.
        if !config.denomination.isEmpty {
            for (i, code) in indicatorCodes.enumerated() {
                guard let rule = config.denomination[code], let d = panel.index(ofVariable: rule.by) else { continue }
                for p in 0..<nP {
                    let dStart = (p * panel.variables.count + d) * nU
                    let base = (p * nI + i) * nU
                    for u in 0..<nU {
                        let den = panel.values[dStart + u]
                        let x = work[base + u]
                        work[base + u] = (den.isNaN || den == 0) ? .nan : x * rule.scale / den
                    }
                }
            }
            snapshot(.denominated)
        }

        // Imputation.
        var imputationLog: [ImputationRecord] = []
        let anyImputation =
            !config.imputation.defaultRule.isEmpty
            || config.imputation.overrides.values.contains { !$0.isEmpty }
        if anyImputation {
            for (i, code) in indicatorCodes.enumerated() {
                let chain = config.imputation.rule(for: code)
                guard !chain.isEmpty else { continue }
                imputationLog += try Imputation.impute(
                    work: &work, indicator: i, indicatorCode: code, nIndicators: nI, panel: panel, active: active,
                    chain: chain)
            }
            snapshot(.imputed)
        }

        // Outlier treatment, period by period (as COINr does for panels).
        var treatmentLog: [TreatmentRecord] = []
        for (i, code) in indicatorCodes.enumerated() {
            let method = config.treatment.rule(for: code)
            for p in 0..<nP {
                let base = (p * nI + i) * nU
                let column = Array(work[base..<base + nU])
                let (out, record) = Treatment.treat(
                    column, method: method, indicator: code, period: panel.periods[p], units: panel.units)
                if record.status == .winsorised || record.status == .logTransformed {
                    work.replaceSubrange(base..<base + nU, with: out)
                }
                treatmentLog.append(record)
            }
        }
        snapshot(.treated)

        // Normalisation: the one place where directions are applied.
        normaliseInPlace(
            &work, nI: nI, nU: nU, nP: nP, codes: indicatorCodes,
            directions: s.indicators.map { s.nodes[$0].direction }, rules: config.normalisation,
            pooled: config.pooledNormalisation)
        let normalised = DataMatrix(codes: indicatorCodes, units: panel.units, periods: panel.periods, values: work)

        // Aggregation and ranks.
        let plan = AggregationPlan(configuration: config)
        let aggCodes = s.aggregates.map { s.nodes[$0].code }
        let nA = aggCodes.count
        var aggValues = [Double](repeating: .nan, count: nP * nA * nU)
        var rankValues = [Double](repeating: .nan, count: nP * nA * nU)
        var buffer = [Double](repeating: .nan, count: s.nodes.count * nU)
        let weights = s.nodes.map(\.weight)
        for p in 0..<nP {
            for (i, node) in s.indicators.enumerated() {
                let src = (p * nI + i) * nU
                buffer.replaceSubrange(node * nU..<(node + 1) * nU, with: work[src..<src + nU])
            }
            try plan.run(buffer: &buffer, nUnits: nU, weights: weights, units: panel.units)
            for (a, node) in s.aggregates.enumerated() {
                let column = Array(buffer[node * nU..<(node + 1) * nU])
                let dst = (p * nA + a) * nU
                aggValues.replaceSubrange(dst..<dst + nU, with: column)
                rankValues.replaceSubrange(dst..<dst + nU, with: Stats.rankDescending(column))
            }
        }
        let eff = s.effectiveWeights()
        return IndexResult(
            structure: s, units: panel.units, periods: panel.periods, stages: stages, normalised: normalised,
            aggregated: DataMatrix(codes: aggCodes, units: panel.units, periods: panel.periods, values: aggValues),
            ranks: DataMatrix(codes: aggCodes, units: panel.units, periods: panel.periods, values: rankValues),
            treatment: treatmentLog, imputation: imputationLog, screening: screeningLog,
            effectiveWeights: Dictionary(uniqueKeysWithValues: s.nodes.indices.map { (s.nodes[$0].code, eff[$0]) }),
            configuration: config)
    }

    static func validate(config: IndexConfiguration, panel: Panel) throws {
        let s = config.structure
        let indicatorSet = Set(s.indicators.map { s.nodes[$0].code })
        let nodeSet = Set(s.nodes.map(\.code))
        for (code, rule) in config.denomination {
            guard indicatorSet.contains(code) else {
                throw IndexError.invalidConfiguration("denomination names '\(code)', which is not an indicator")
            }
            guard panel.index(ofVariable: rule.by) != nil else {
                throw IndexError.invalidConfiguration("denominator '\(rule.by)' of '\(code)' is not in the data")
            }
            guard rule.scale.isFinite else {
                throw IndexError.invalidConfiguration("denomination scale of '\(code)' is not finite")
            }
        }
        let chains = [config.imputation.defaultRule] + Array(config.imputation.overrides.values)
        for chain in chains {
            for m in chain {
                switch m {
                case .groupMean(let g), .groupMedian(let g):
                    guard panel.groups[g] != nil else {
                        throw IndexError.invalidConfiguration("imputation group '\(g)' is not a column of the data")
                    }
                default: break
                }
            }
        }
        for code in config.imputation.overrides.keys where !indicatorSet.contains(code) {
            throw IndexError.invalidConfiguration("imputation override names unknown indicator '\(code)'")
        }
        for code in config.treatment.overrides.keys where !indicatorSet.contains(code) {
            throw IndexError.invalidConfiguration("treatment override names unknown indicator '\(code)'")
        }
        for code in config.normalisation.overrides.keys where !indicatorSet.contains(code) {
            throw IndexError.invalidConfiguration("normalisation override names unknown indicator '\(code)'")
        }
        for code in config.aggregation.overrides.keys where !nodeSet.contains(code) {
            throw IndexError.invalidConfiguration("aggregation override names unknown node '\(code)'")
        }
    }

    /// Normalises the indicator block `work` ([period][indicator][unit]) in place.
    static func normaliseInPlace(
        _ work: inout [Double], nI: Int, nU: Int, nP: Int, codes: [String], directions: [Int],
        rules: StepRules<NormalisationMethod>, pooled: Bool
    ) {
        for i in 0..<nI {
            let method = rules.rule(for: codes[i])
            if pooled && nP > 1 && Normalisation.isDataDriven(method) {
                var stacked = [Double]()
                stacked.reserveCapacity(nP * nU)
                for p in 0..<nP { stacked += work[(p * nI + i) * nU..<(p * nI + i + 1) * nU] }
                let out = Normalisation.normalise(stacked, direction: directions[i], method: method)
                for p in 0..<nP {
                    work.replaceSubrange((p * nI + i) * nU..<(p * nI + i + 1) * nU, with: out[p * nU..<(p + 1) * nU])
                }
            } else {
                for p in 0..<nP {
                    let range = (p * nI + i) * nU..<(p * nI + i + 1) * nU
                    let out = Normalisation.normalise(Array(work[range]), direction: directions[i], method: method)
                    work.replaceSubrange(range, with: out)
                }
            }
        }
    }
}

/// A prepared bottom-up aggregation of one period, reused by the pipeline and by every Monte Carlo replication.
struct AggregationPlan: Sendable {
    let structure: IndexStructure
    let methods: [AggregationMethod]
    let thresholds: [Double?]
    let zeroRule: ZeroRule

    init(configuration c: IndexConfiguration, methodOverride: AggregationMethod? = nil) {
        structure = c.structure
        methods = c.structure.nodes.map { methodOverride ?? c.aggregation.rule(for: $0.code) }
        thresholds = c.structure.nodes.map { c.minAvailability.rule(for: $0.code) }
        zeroRule = c.zeroRule
    }

    /// Aggregates in place: `buffer` holds one row of `nUnits` values per node (structure order) with the
    /// indicator rows filled; the aggregate rows are overwritten.
    func run(buffer: inout [Double], nUnits nU: Int, weights: [Double], units: [String]) throws {
        var xs = [Double]()
        var ws = [Double]()
        for node in structure.aggregates {
            let kids = structure.children[node]
            let method = methods[node]
            let threshold = thresholds[node]
            for u in 0..<nU {
                xs.removeAll(keepingCapacity: true)
                ws.removeAll(keepingCapacity: true)
                for k in kids {
                    let v = buffer[k * nU + u]
                    if !v.isNaN {
                        xs.append(v)
                        ws.append(weights[k])
                    }
                }
                var result = Double.nan
                if !xs.isEmpty && !(threshold.map { Double(xs.count) / Double(kids.count) < $0 } ?? false) {
                    if method == .arithmetic {
                        result = Self.weightedMean(xs, ws)
                    } else {
                        do {
                            result = try Aggregation.aggregate(xs, weights: ws, method: method, zeroRule: zeroRule)
                        } catch let IndexError.computation(message) {
                            let unit = u < units.count ? units[u] : "#\(u)"
                            throw IndexError.computation(
                                "aggregating '\(structure.nodes[node].code)' for unit '\(unit)': \(message)")
                        }
                    }
                }
                buffer[node * nU + u] = result
            }
        }
    }

    /// COINr's `a_amean`: weights renormalised to sum 1, then `Σ w·x`, both with compensated sums.
    @inline(__always)
    static func weightedMean(_ xs: [Double], _ ws: [Double]) -> Double {
        var total = 0.0
        var c = 0.0
        for w in ws {
            let t = total + w
            c += abs(total) >= abs(w) ? (total - t) + w : (w - t) + total
            total = t
        }
        total += c
        var acc = 0.0
        var carry = 0.0
        for j in 0..<xs.count {
            let v = ws[j] / total * xs[j]
            let t = acc + v
            carry += abs(acc) >= abs(v) ? (acc - t) + v : (v - t) + acc
            acc = t
        }
        return acc + carry
    }
}
