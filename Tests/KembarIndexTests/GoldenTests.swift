import Foundation
import Testing

@testable import KembarIndex

/// Reproduces COINr 1.1.14's numbers on the golden worked example (golden.json, golden_vec.json,
/// golden_panel.json) to 1e-9 relative.
@Suite("COINr golden values")
struct GoldenTests {
    let g: [String: Any]
    let v: [String: Any]

    init() throws {
        g = try Golden.json()
        v = try fixtureJSON("golden_vec")
    }

    func vec(_ key: String) -> [Double] { (v[key] as? [Any] ?? []).map(num) }

    @Test func skewAndKurtosis() throws {
        let panel = try Golden.panel()
        let cols = Golden.indicators.map { code in
            Array(panel.column(panel.index(ofVariable: code) ?? 0, period: 0))
        }
        expectClose(cols.map(Stats.skew), (g["skew"] as? [Any] ?? []).map(num), "skew")
        expectClose(cols.map(Stats.kurt), (g["kurt"] as? [Any] ?? []).map(num), "kurt")
        expectClose([Stats.skew(vec("vec_in"))], [num(v["skew_vec"])], "skew vec")
        expectClose([Stats.kurt(vec("vec_in"))], [num(v["kurt_vec"])], "kurt vec")
    }

    @Test func winsorisationExamples() throws {
        let doc = try #require(g["winsorise_doc"] as? [String: Any])
        let w = try #require(Treatment.winsorise((1...10).map(Double.init) + [30, 100]))
        expectClose(w.values, (doc["x"] as? [Any] ?? []).map(num), "winsorise doc")
        #expect(w.count == 1)
        #expect(w.labels == (doc["treated"] as? [String] ?? []))
        let force = try #require(g["winsorise_force"] as? [String: Any])
        let f = try #require(
            Treatment.winsorise(
                (1...10).map(Double.init) + [30, 100],
                parameters: TreatmentParameters(winsorisationLimit: 2, forceWinsorise: true)))
        expectClose(f.values, (force["x"] as? [Any] ?? []).map(num), "winsorise force")
        #expect(f.count == 2)
        let neg = try #require(v["win_neg"] as? [String: Any])
        let n = try #require(Treatment.winsorise(vec("win_neg_in")))
        expectClose(n.values, (neg["x"] as? [Any] ?? []).map(num), "winsorise negative")
        #expect(n.labels == (neg["treated"] as? [String] ?? []))
        expectClose(
            Treatment.logCT(Golden.column(Golden.rows(g, "raw"), "EGOV")),
            (g["log_CT_egov"] as? [Any] ?? []).map(num), "log_CT EGOV")
    }

    @Test func treatmentLogFallback() throws {
        let x = vec("treat_log_in")
        let units = x.indices.map { "u\($0)" }
        let (out, record) = Treatment.treat(x, method: .coinrDefault, indicator: "x", period: 0, units: units)
        expectClose(out, vec("treat_log_out"), "log fallback")
        #expect(record.status == .logTransformed)
        #expect(record.winsorisedCount == 5)
        let table = try #require(v["treat_log_table"] as? [String: [String: Any]])
        expectClose(
            [record.skewBefore ?? .nan, record.kurtosisBefore ?? .nan],
            [num(table["check_SkewKurt0"]?["Skew"]), num(table["check_SkewKurt0"]?["Kurt"])], "stage 0")
        expectClose(
            [record.skewAfterWinsorising ?? .nan, record.kurtosisAfterWinsorising ?? .nan],
            [num(table["check_SkewKurt1"]?["Skew"]), num(table["check_SkewKurt1"]?["Kurt"])], "stage 1")
        expectClose(
            [record.skewAfterLog ?? .nan, record.kurtosisAfterLog ?? .nan],
            [num(table["check_SkewKurt2"]?["Skew"]), num(table["check_SkewKurt2"]?["Kurt"])], "stage 2")
        let labels = v["treat_log_points"] as? [String] ?? []
        #expect(units.indices.allSatisfy { record.label(unit: units[$0]) == labels[$0] })
    }

    @Test func treatmentOfDataFrame() throws {
        let rows = Golden.rows(v, "treat_df_in")
        let out = Golden.rows(v, "treat_df_out")
        let table = Golden.rows(v, "treat_df_table")
        for (k, code) in ["a", "b"].enumerated() {
            let x = rows.map { num($0[code]) }
            let units = x.indices.map { "u\($0)" }
            let (y, rec) = Treatment.treat(x, method: .coinrDefault, indicator: code, period: 0, units: units)
            expectClose(y, out.map { num($0[code]) }, "treat df \(code)")
            #expect(rec.status == .winsorised)
            #expect(Double(rec.winsorisedCount) == num(table[k]["winsorise.nwin"]))
            expectClose([rec.skewAfterWinsorising ?? .nan], [num(table[k]["check_SkewKurt1.Skew"])], "skew1 \(code)")
        }
    }

    @Test func pipelineTreatmentMatchesCOINr() throws {
        let config = IndexConfiguration(structure: try Golden.structure())
        let result = try IndexPipeline.run(panel: try Golden.panel(), configuration: config)
        let treated = try #require(result.stages[.treated])
        for code in Golden.indicators {
            expectClose(
                treated.column(code, period: 0) ?? [], Golden.column(Golden.rows(g, "treated"), code),
                "treated \(code)")
        }
        let details = Golden.rows(g, "treat_details")
        for row in details {
            let code = row["iCode"] as? String ?? ""
            let rec = try #require(result.treatment.first { $0.indicator == code })
            let passed = (row["check_SkewKurt0.Pass"] as? Bool) ?? false
            #expect((rec.status == .passed) == passed, "\(code)")
            expectClose([rec.skewBefore ?? .nan], [num(row["check_SkewKurt0.Skew"])], "skew0 \(code)")
            if !passed {
                #expect(Double(rec.winsorisedCount) == num(row["winsorise.nwin"]))
                expectClose([rec.skewAfterWinsorising ?? .nan], [num(row["check_SkewKurt1.Skew"])], "skew1 \(code)")
            }
        }
        #expect(result.treatment.first { $0.indicator == "EGOV" }?.treatedPoints == ["SGP": "winhi"])
    }

    func normalised(_ method: NormalisationMethod) throws -> DataMatrix {
        let config = IndexConfiguration(structure: try Golden.structure(), normalisation: StepRules(method))
        return try IndexPipeline.run(panel: try Golden.panel(), configuration: config).normalised
    }

    @Test(arguments: [
        ("norm_minmax", NormalisationMethod.minMax(lower: 0, upper: 100)),
        ("norm_minmax1", .minMax(lower: 1, upper: 100)),
        ("norm_zscore", .zScore(mean: 0, sd: 1)),
        ("norm_rank", .rank),
        ("norm_prank", .percentileRank),
        ("norm_borda", .borda),
    ])
    func normalisationOfTreatedData(key: String, method: NormalisationMethod) throws {
        let n = try normalised(method)
        for code in Golden.indicators {
            expectClose(n.column(code, period: 0) ?? [], Golden.column(Golden.rows(g, key), code), "\(key) \(code)")
        }
    }

    @Test func goalpostsAndTargetsFromMetadata() throws {
        // (lower, upper, target) per indicator, in raw units, as in make_golden.R's iMeta.
        let posts: [String: (Double, Double, Double)] = [
            "PM25": (5, 50, 10), "GREEN": (0, 30, 20), "TRANSIT": (0, 80, 60), "COMMUTE": (20, 90, 30),
            "BROADBAND": (0, 100, 95), "EGOV": (0, 1000, 100),
        ]
        let s = try Golden.structure()
        var gp: [String: NormalisationMethod] = [:]
        var dt: [String: NormalisationMethod] = [:]
        for (code, p) in posts {
            gp[code] = .goalposts(lower: p.0, upper: p.1, scale: 100, truncate: true)
            dt[code] = .distanceToTarget(target: p.2, capAtOne: true, scale: 1)
        }
        for (key, rules) in [("norm_goalposts", gp), ("norm_dist2targ", dt)] {
            let config = IndexConfiguration(
                structure: s, treatment: StepRules(.none),
                normalisation: StepRules(.coinrDefault, overrides: rules))
            let n = try IndexPipeline.run(panel: try Golden.panel(), configuration: config).normalised
            for code in Golden.indicators {
                expectClose(n.column(code, period: 0) ?? [], Golden.column(Golden.rows(g, key), code), "\(key) \(code)")
            }
        }
    }

    @Test func vectorNormalisers() {
        let x = vec("vec_in")
        expectClose(
            Normalisation.normalise(x, direction: 1, method: .minMax(lower: 0, upper: 100)), vec("n_minmax"), "minmax")
        expectClose(Normalisation.normalise(x, direction: 1, method: .zScore(mean: 0, sd: 1)), vec("n_zscore"), "z")
        expectClose(
            Normalisation.normalise(x, direction: 1, method: .zScore(mean: 10, sd: 2)), vec("n_zscore_10_2"), "z2")
        expectClose(Normalisation.normalise(x, direction: 1, method: .rank), vec("n_rank"), "rank")
        expectClose(Normalisation.normalise(x, direction: 1, method: .percentileRank), vec("n_prank"), "prank")
        expectClose(Normalisation.normalise(x, direction: 1, method: .borda), vec("n_borda"), "borda")
        expectClose(
            Normalisation.normalise(
                x, direction: 1, method: .goalposts(lower: 2, upper: 8, scale: 100, truncate: true)),
            vec("n_goalposts_pos"), "goalposts +")
        expectClose(
            Normalisation.normalise(
                x, direction: -1, method: .goalposts(lower: 2, upper: 8, scale: 100, truncate: true)),
            vec("n_goalposts_neg_direct"), "goalposts −")
        expectClose(
            Normalisation.normalise(x, direction: 1, method: .distanceToTarget(target: 6, capAtOne: true, scale: 1)),
            vec("n_dist2targ"), "dist2targ +")
        expectClose(
            Normalisation.normalise(x, direction: -1, method: .distanceToTarget(target: 2, capAtOne: true, scale: 1)),
            vec("n_dist2targ_neg"), "dist2targ −")
        expectClose(
            Normalisation.normalise(x, direction: -1, method: .minMax(lower: 0, upper: 100)),
            vec("normalise_minmax_dirneg"), "minmax dir −1")
    }

    @Test func vectorAggregators() throws {
        let x = [20, Double.nan, 50, 80]
        let w = [1, 2, 3, 0.5]
        expectClose([try Aggregation.aggregate(x, weights: w, method: .arithmetic)], [num(v["a_amean"])], "amean")
        expectClose([try Aggregation.aggregate(x, weights: w, method: .geometric)], [num(v["a_gmean"])], "gmean")
        expectClose([try Aggregation.aggregate(x, weights: w, method: .harmonic)], [num(v["a_hmean"])], "hmean")
        #expect(throws: IndexError.self) { try Aggregation.aggregate([0, 1], weights: [1, 1], method: .geometric) }
        #expect(try Aggregation.aggregate([0, 1], weights: [1, 1], method: .geometric, zeroRule: .zero) == 0)
    }

    @Test func arithmeticAggregationAndRanks() throws {
        let config = IndexConfiguration(structure: try Golden.structure())
        let result = try IndexPipeline.run(panel: try Golden.panel(), configuration: config)
        let rows = Golden.rows(g, "agg_amean")
        for code in ["ENV", "MOB", "DIG", "Index"] {
            expectClose(result.aggregated.column(code, period: 0) ?? [], Golden.column(rows, code), "amean \(code)")
        }
        let results = Golden.rows(g, "results_amean")
        let expectedRanks = Golden.column(results, "Rank")
        expectClose(result.ranks.column("Index", period: 0) ?? [], expectedRanks, "ranks")
    }

    @Test func geometricAggregation() throws {
        let config = IndexConfiguration(
            structure: try Golden.structure(), normalisation: StepRules(.minMax(lower: 1, upper: 100)),
            aggregation: StepRules(.geometric))
        let result = try IndexPipeline.run(panel: try Golden.panel(), configuration: config)
        let rows = Golden.rows(g, "agg_gmean")
        for code in ["ENV", "MOB", "DIG", "Index"] {
            expectClose(result.aggregated.column(code, period: 0) ?? [], Golden.column(rows, code), "gmean \(code)")
        }
    }

    @Test func effectiveWeights() throws {
        let s = try Golden.structure()
        let eff = s.effectiveWeights()
        for row in Golden.rows(g, "eff_weights") {
            let code = row["iCode"] as? String ?? ""
            expectClose([eff[s.index(of: code) ?? 0]], [num(row["EffWeight"])], "eff \(code)")
        }
        let order = Golden.rows(g, "weights_original_order").map { $0["iCode"] as? String ?? "" }
        #expect(s.weightTableOrder.map { s.nodes[$0].code } == order)
    }

    @Test func rankTies() {
        let input = (g["rank_ties_input"] as? [Any] ?? []).map(num)
        expectClose(Stats.rankDescending(input), (g["rank_ties"] as? [Any] ?? []).map(num), "rank ties")
    }

    @Test func rHelpers() {
        var rng = RRandom(seed: 99)
        expectClose(rng.runif(5), vec("runif_seed99"), "runif", rel: 1e-14)
        let q = [0.05, 0.5, 0.95].map { Stats.quantile([3, 1, 4, 1, 5, 9, 2, 6], $0) }
        expectClose(q, vec("quantile_t7"), "quantile")
        #expect(Stats.cutCodes([0.01, 0.2, 0.21, 0.5, 0.99, 0.6], bins: 5).map(Double.init) == vec("cut5"))
    }

    func uncertaintyCase(seed: Int32, noise: [WeightNoise], n: Int, pool: Int, key: String) throws {
        let config = IndexConfiguration(structure: try Golden.structure())
        let spec = UncertaintySpec(replications: n, seed: seed, weightNoise: noise, mode: .coinr(poolSize: pool))
        let ua = try Uncertainty.run(panel: try Golden.panel(), configuration: config, spec: spec)
        let rows = Golden.rows(g, key)
        expectClose(ua.nominalRank, Golden.column(rows, "Nominal"), "\(key) nominal")
        expectClose(ua.meanRank, Golden.column(rows, "Mean"), "\(key) mean")
        expectClose(ua.medianRank, Golden.column(rows, "Median"), "\(key) median")
        expectClose(ua.q05, Golden.column(rows, "Q5"), "\(key) Q5")
        expectClose(ua.q95, Golden.column(rows, "Q95"), "\(key) Q95")
    }

    @Test func seededUncertaintyMatchesCOINr() throws {
        try uncertaintyCase(
            seed: 20_240_601, noise: [WeightNoise(.level(2), factor: 0.25), WeightNoise(.level(3), factor: 0.25)],
            n: 200, pool: 50, key: "ua_rankstats")
    }

    @Test func seededUncertaintyWithIndicatorNoiseMatchesCOINr() throws {
        try uncertaintyCase(
            seed: 7, noise: [WeightNoise(.level(1), factor: 0.5), WeightNoise(.level(2), factor: 0.2)],
            n: 100, pool: 30, key: "ua1_rankstats")
    }

    @Test func panelNormalisationPooledAndPerPeriod() throws {
        let p = try fixtureJSON("golden_panel")
        let input = Golden.rows(p, "panel_in")
        var obs: [(unit: String, indicator: String, period: Int, value: Double?)] = []
        for row in input {
            for ind in Golden.indicators {
                let x = num(row[ind])
                obs.append((row["uCode"] as? String ?? "", ind, Int(num(row["Time"])), x.isNaN ? nil : x))
            }
        }
        let panel = try Panel.from(observations: obs)
        for (key, pooled) in [("norm_global", true), ("norm_per_year", false)] {
            let config = IndexConfiguration(
                structure: try Golden.structure(), treatment: StepRules(.none), pooledNormalisation: pooled)
            let n = try IndexPipeline.run(panel: panel, configuration: config).normalised
            let rows = Golden.rows(p, key)
            for year in [2022, 2023] {
                let yearRows = rows.filter { Int(num($0["Time"])) == year }
                for code in Golden.indicators {
                    expectClose(
                        n.column(code, period: year) ?? [], Golden.column(yearRows, code),
                        "\(key) \(year) \(code)")
                }
            }
        }
    }
}
