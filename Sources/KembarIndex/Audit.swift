import Foundation

/// Descriptive statistics of one indicator in one period, with COINr's `get_stats` flags.
public struct IndicatorStatistics: Sendable, Codable, Equatable {
    public var indicator: String
    public var period: Int
    public var units: Int
    public var available: Int
    public var min: Double?
    public var max: Double?
    public var mean: Double?
    public var median: Double?
    public var sd: Double?
    public var skew: Double?
    public var kurtosis: Double?
    public var nonZero: Int
    public var unique: Int
    /// Flags: "lowAvailability" (available/units < 0.65), "lowNonZero" (non-zero/units < 0.5), "lowUnique"
    /// (unique/units < 0.5), "outliers" (|skew| > 2 and kurtosis > 3.5 — strict, as COINr's get_stats).
    public var flags: [String]
}

/// A notable correlation between two indicators of the same group.
public struct CorrelationFlag: Sendable, Codable, Equatable {
    public var group: String
    public var a: String
    public var b: String
    public var r: Double
    /// "collinear" (r > threshold) or "negative" (r < 0).
    public var kind: String
}

/// Internal consistency of one aggregate's children.
public struct GroupCoherence: Sendable, Codable, Equatable {
    public var group: String
    public var children: [String]
    /// Cronbach's alpha over complete cases: `k/(k−1)·(1 − tr C / ΣC)`; nil with fewer than 2 children or cases.
    public var cronbachAlpha: Double?
    /// Mean pairwise Pearson correlation of the children.
    public var meanCorrelation: Double?
    /// Pearson correlation of each child with the group's score.
    public var correlationWithGroup: [String: Double]
}

/// The statistical audit of a build (the JRC "coherence" checks).
public struct AuditReport: Sendable, Codable, Equatable {
    public var period: Int
    /// Statistics of the raw indicators (or of the normalised ones when raw data were not kept).
    public var statistics: [IndicatorStatistics]
    /// Indicator codes of the correlation matrix.
    public var indicators: [String]
    /// Pearson correlations of the normalised indicators (row-major, pairwise-complete).
    public var correlations: [Double]
    /// Flags within groups.
    public var correlationFlags: [CorrelationFlag]
    /// Per aggregate: alpha and correlations.
    public var coherence: [GroupCoherence]
}

/// The statistical audit.
public enum Audit {
    /// Audits one period of a build (default: the latest). `collinearity` is the within-group correlation above which
    /// a pair is flagged (COINr default 0.9).
    public static func run(_ result: IndexResult, period: Int? = nil, collinearity: Double = 0.9) throws -> AuditReport
    {
        let s = result.structure
        let year = period ?? result.periods.last ?? 0
        guard result.periods.contains(year) else {
            throw IndexError.invalidConfiguration("period \(year) is not in the result")
        }
        let source = result.stages[.raw] ?? result.normalised
        var stats: [IndicatorStatistics] = []
        for code in source.codes {
            let x = source.column(code, period: year) ?? []
            stats.append(statistics(x, indicator: code, period: year))
        }
        func scores(_ node: Int) -> [Double] {
            let code = s.nodes[node].code
            return result.aggregated.column(code, period: year) ?? result.normalised.column(code, period: year) ?? []
        }
        let codes = s.indicators.map { s.nodes[$0].code }
        let columns = s.indicators.map(scores)
        var matrix = [Double](repeating: .nan, count: codes.count * codes.count)
        for i in codes.indices {
            for j in i..<codes.count {
                let r = i == j ? 1 : Stats.pearson(columns[i], columns[j])
                matrix[i * codes.count + j] = r
                matrix[j * codes.count + i] = r
            }
        }
        var flags: [CorrelationFlag] = []
        var coherence: [GroupCoherence] = []
        for a in s.aggregates {
            let kids = s.children[a]
            let kidScores = kids.map(scores)
            var rs: [Double] = []
            for x in 0..<kids.count {
                for y in (x + 1)..<max(x + 1, kids.count) {
                    let r = Stats.pearson(kidScores[x], kidScores[y])
                    guard !r.isNaN else { continue }
                    rs.append(r)
                    let pair = (s.nodes[kids[x]].code, s.nodes[kids[y]].code)
                    if r > collinearity {
                        flags.append(
                            CorrelationFlag(group: s.nodes[a].code, a: pair.0, b: pair.1, r: r, kind: "collinear"))
                    } else if r < 0 {
                        flags.append(
                            CorrelationFlag(group: s.nodes[a].code, a: pair.0, b: pair.1, r: r, kind: "negative"))
                    }
                }
            }
            let groupScores = scores(a)
            var withGroup: [String: Double] = [:]
            for (k, kid) in kids.enumerated() {
                withGroup[s.nodes[kid].code] = Stats.pearson(kidScores[k], groupScores)
            }
            coherence.append(
                GroupCoherence(
                    group: s.nodes[a].code, children: kids.map { s.nodes[$0].code },
                    cronbachAlpha: cronbachAlpha(kidScores),
                    meanCorrelation: rs.isEmpty ? nil : Stats.sum(rs) / Double(rs.count),
                    correlationWithGroup: withGroup))
        }
        return AuditReport(
            period: year, statistics: stats, indicators: codes, correlations: matrix, correlationFlags: flags,
            coherence: coherence)
    }

    /// Descriptive statistics and flags of one column.
    public static func statistics(_ x: [Double], indicator: String, period: Int) -> IndicatorStatistics {
        let v = Stats.present(x)
        func opt(_ d: Double) -> Double? { d.isNaN ? nil : d }
        let n = x.count
        let nonZero = v.filter { $0 != 0 }.count
        let unique = Set(v).count
        let skew = Stats.skew(v)
        let kurt = Stats.kurt(v)
        var flags: [String] = []
        if n > 0 && Double(v.count) / Double(n) < 0.65 { flags.append("lowAvailability") }
        if n > 0 && Double(nonZero) / Double(n) < 0.5 { flags.append("lowNonZero") }
        if n > 0 && Double(unique) / Double(n) < 0.5 { flags.append("lowUnique") }
        if abs(skew) > 2 && kurt > 3.5 { flags.append("outliers") }
        return IndicatorStatistics(
            indicator: indicator, period: period, units: n, available: v.count, min: v.min(), max: v.max(),
            mean: opt(Stats.mean(v)), median: opt(Stats.median(v)), sd: opt(Stats.sd(v)), skew: opt(skew),
            kurtosis: opt(kurt), nonZero: nonZero, unique: unique, flags: flags)
    }

    /// Cronbach's alpha of columns over complete cases: `k/(k−1)·(1 − Σ var_i / var(Σ_i x_i))`.
    public static func cronbachAlpha(_ columns: [[Double]]) -> Double? {
        let k = columns.count
        guard k >= 2, let n = columns.first?.count else { return nil }
        let rows = (0..<n).filter { u in columns.allSatisfy { u < $0.count && !$0[u].isNaN } }
        guard rows.count >= 2 else { return nil }
        let complete = columns.map { col in rows.map { col[$0] } }
        let itemVariance = Stats.sum(
            complete.map {
                let sd = Stats.sd($0)
                return sd * sd
            })
        let totals = rows.indices.map { r in Stats.sum(complete.map { $0[r] }) }
        let sdTotal = Stats.sd(totals)
        let totalVariance = sdTotal * sdTotal
        guard totalVariance > 0 else { return nil }
        return Double(k) / Double(k - 1) * (1 - itemVariance / totalVariance)
    }
}
