import Foundation
import Testing

@testable import KembarIndex

@Suite("Audit and pair analytics")
struct AnalyticsTests {
    @Test func gapDecompositionIsExact() throws {
        let result = try IndexPipeline.run(panel: try ASEM.panel(), configuration: try ASEM.configuration())
        for (a, b) in [("CHE", "DNK"), ("IDN", "MYS"), ("AUS", "NZL")] {
            let d = try PairAnalytics.decompose(result, unitA: a, unitB: b)
            #expect(close(Stats.sum(Array(d.indicatorContributions.values)), d.gap, rel: 1e-9))
            #expect(d.indicatorContributions.count == 49)
            for group in ["Conn", "Sust"] {
                let under = result.structure.indicators(under: result.structure.index(of: group) ?? 0)
                let sum = Stats.sum(under.map { d.indicatorContributions[result.structure.nodes[$0].code] ?? .nan })
                #expect(close(sum, d.groupContributions[group] ?? .nan))
            }
            #expect(close((d.groupContributions["Conn"] ?? 0) + (d.groupContributions["Sust"] ?? 0), d.gap))
        }
    }

    @Test func gapDecompositionWithoutMissingUsesEffectiveWeights() throws {
        let config = IndexConfiguration(structure: try Golden.structure())
        let panel = try Golden.panel()
        let result = try IndexPipeline.run(panel: panel, configuration: config)
        let d = try PairAnalytics.decompose(result, unitA: "SGP", unitB: "AMS")
        for code in ["PM25", "EGOV", "TRANSIT"] {
            let sgp = result.score(code, unit: "SGP", period: 0) ?? 0
            let ams = result.score(code, unit: "AMS", period: 0) ?? 0
            let expected = (result.effectiveWeights[code] ?? 0) * (sgp - ams)
            #expect(close(d.indicatorContributions[code] ?? .nan, expected))
        }
        // SBY lacks BROADBAND: the decomposition is still exact.
        let m = try PairAnalytics.decompose(result, unitA: "SBY", unitB: "BDG")
        #expect(close(Stats.sum(Array(m.indicatorContributions.values)), m.gap))
        #expect(
            m.indicatorContributions["BROADBAND"].map {
                close($0, -0.25 * (result.score("BROADBAND", unit: "BDG", period: 0) ?? 0))
            } == true)
        let geo = IndexConfiguration(
            structure: try Golden.structure(), normalisation: StepRules(.minMax(lower: 1, upper: 100)),
            aggregation: StepRules(.geometric))
        let g = try IndexPipeline.run(panel: panel, configuration: geo)
        #expect(throws: IndexError.self) { try PairAnalytics.decompose(g, unitA: "SGP", unitB: "AMS") }
    }

    @Test func outrankingProbabilities() throws {
        let config = IndexConfiguration(structure: try Golden.structure())
        let spec = UncertaintySpec(
            replications: 200, seed: 20_240_601,
            weightNoise: [WeightNoise(.level(2), factor: 0.25), WeightNoise(.level(3), factor: 0.25)],
            mode: .coinr(poolSize: 50))
        let ua = try Uncertainty.run(panel: try Golden.panel(), configuration: config, spec: spec)
        // SGP is first in every run (COINr: Q5 = Q95 = 1).
        #expect(ua.outranking("SGP", "AMS")?.aOutranksB == 1)
        #expect(ua.outranking("AMS", "SGP")?.aOutranksB == 0)
        let p = try #require(ua.outranking("MNL", "BDG"))
        let q = try #require(ua.outranking("BDG", "MNL"))
        #expect(close(p.aOutranksB + q.aOutranksB + p.tie, 1))
        #expect(p.aOutranksB > 0 && p.aOutranksB < 1)
    }

    @Test func methodAlternativesAreDrawn() throws {
        let config = IndexConfiguration(structure: try Golden.structure())
        for mode in [UncertaintyMode.direct, .coinr(poolSize: 10)] {
            let spec = UncertaintySpec(
                replications: 100, seed: 3, weightNoise: [WeightNoise(.node("DIG"), factor: 0.5)], mode: mode,
                normalisationAlternatives: [.minMax(lower: 1, upper: 100), .rank],
                aggregationAlternatives: [.arithmetic, .geometric])
            let ua = try Uncertainty.run(panel: try Golden.panel(), configuration: config, spec: spec)
            #expect(ua.ranks.count == 1000)
            #expect(ua.ranks.allSatisfy { !$0.isNaN && $0 >= 1 && $0 <= 10 })
        }
    }

    @Test func auditOfASEM() throws {
        let result = try IndexPipeline.run(panel: try ASEM.panel(), configuration: try ASEM.configuration())
        let audit = try Audit.run(result)
        #expect(audit.statistics.count == 49)
        #expect(audit.coherence.count == 11)
        let flagged = audit.statistics.filter { $0.flags.contains("outliers") }
        #expect(!flagged.isEmpty)
        #expect(flagged.allSatisfy { abs($0.skew ?? 0) > 2 && ($0.kurtosis ?? 0) > 3.5 })
        let lpi = try #require(audit.statistics.first { $0.indicator == "LPI" })
        #expect(lpi.available == 51 && lpi.units == 51 && lpi.flags.isEmpty)
        for c in audit.coherence {
            if let alpha = c.cronbachAlpha { #expect(alpha <= 1) }
        }
        let n = audit.indicators.count
        #expect(audit.correlations.count == n * n)
        #expect((0..<n).allSatisfy { audit.correlations[$0 * n + $0] == 1 })
    }

    @Test func cronbachAlphaKnownValue() {
        // Two identical items: alpha = 1; k uncorrelated items with equal variance: alpha ≈ 0.
        #expect(close(Audit.cronbachAlpha([[1, 2, 3, 4], [1, 2, 3, 4]]) ?? .nan, 1))
        let a = Audit.cronbachAlpha([[1, 2, 3, 4], [2, 4, 6, 8], [1, 3, 2, 4]]) ?? .nan
        // By hand: item variances 5/3, 20/3, 5/3 → 10; totals 4, 9, 11, 16 → variance 24.6667.
        #expect(close(a, 1.5 * (1 - 10 / (74.0 / 3))))
    }
}
