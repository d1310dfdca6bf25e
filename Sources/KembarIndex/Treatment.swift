import Foundation

/// Parameters of COINr's default outlier treatment (`Treat` with `winsorise` then `log_CT`).
public struct TreatmentParameters: Sendable, Equatable, Codable {
    /// Stop winsorising once this many points have been changed (COINr `winmax`, default 5).
    public var winsorisationLimit: Int
    /// |skewness| threshold (default 2).
    public var skewThreshold: Double
    /// Kurtosis threshold (default 3.5).
    public var kurtosisThreshold: Double
    /// Winsorise even if the test passes — only effective for indicators that fail the first test, as in COINr
    /// (issue #53).
    public var forceWinsorise: Bool
    /// Apply the log fallback to the winsorised data instead of the original data (COINr `combine_treat`).
    public var combine: Bool

    /// COINr's defaults: limit 5, skew 2, kurtosis 3.5, no forcing, log on the original data.
    public init(
        winsorisationLimit: Int = 5, skewThreshold: Double = 2, kurtosisThreshold: Double = 3.5,
        forceWinsorise: Bool = false, combine: Bool = false
    ) {
        self.winsorisationLimit = winsorisationLimit
        self.skewThreshold = skewThreshold
        self.kurtosisThreshold = kurtosisThreshold
        self.forceWinsorise = forceWinsorise
        self.combine = combine
    }
}

/// How outliers of one indicator are treated.
public enum TreatmentMethod: Sendable, Equatable {
    /// Leave the data as they are.
    case none
    /// COINr's default: if |skew| ≥ s and kurtosis ≥ k, winsorise one extreme (tie group) at a time while the test
    /// fails, up to the limit; if the winsorised data still fail, apply `ln(x − min + 0.01·(max − min))` to the
    /// original data instead.
    case winsoriseThenLog(TreatmentParameters)

    /// COINr's default treatment with default parameters.
    public static let coinrDefault = TreatmentMethod.winsoriseThenLog(TreatmentParameters())
}

/// What the treatment did to one indicator in one period.
public enum TreatmentStatus: String, Sendable, Codable {
    /// Passed the skew/kurtosis test; unchanged.
    case passed
    /// Winsorised until the test passed.
    case winsorised
    /// Winsorisation did not make the test pass; log-transformed (the result may still fail the test).
    case logTransformed
    /// The test could not be evaluated (too few or constant values); unchanged, as in COINr.
    case untreatable
    /// Treatment switched off for this indicator.
    case notTreated
}

/// The decision recorded for one indicator in one period (COINr's `Dets_Table` plus the treated points).
public struct TreatmentRecord: Sendable, Codable, Equatable {
    public var indicator: String
    public var period: Int
    public var status: TreatmentStatus
    /// Number of points winsorised (COINr `nwin`).
    public var winsorisedCount: Int
    public var skewBefore: Double?
    public var kurtosisBefore: Double?
    public var skewAfterWinsorising: Double?
    public var kurtosisAfterWinsorising: Double?
    public var skewAfterLog: Double?
    public var kurtosisAfterLog: Double?
    /// Units whose values were winsorised, labelled "winhi" or "winlo". When the log fallback was used, every
    /// non-missing value was transformed; ``label(unit:)`` gives COINr's per-point label without storing one entry
    /// per unit.
    public var treatedPoints: [String: String]

    /// COINr's label for a unit's point: "" (unchanged), "winhi"/"winlo", or after the log fallback "+log_CT" /
    /// "winhi+log_CT" (the winsorised label is kept although the log is applied to the original data, as in COINr).
    public func label(unit: String) -> String {
        let w = treatedPoints[unit] ?? ""
        return status == .logTransformed ? w + "+log_CT" : w
    }
}

/// Outlier-treatment primitives (COINr `check_SkewKurt`, `winsorise`, `log_CT`, `Treat.numeric`).
public enum Treatment {
    /// COINr's pass test: passes when |skew| < s OR kurtosis < k. Nil when undecidable (R's NA).
    public static func passes(_ x: [Double], skewThreshold: Double = 2, kurtosisThreshold: Double = 3.5) -> Bool? {
        let (s, k) = Stats.skewKurt(x)
        return passes(skew: s, kurt: k, skewThreshold: skewThreshold, kurtosisThreshold: kurtosisThreshold)
    }

    /// The pass test on precomputed skewness and kurtosis.
    static func passes(skew s: Double, kurt k: Double, skewThreshold: Double, kurtosisThreshold: Double) -> Bool? {
        let a: Bool? = s.isNaN ? nil : abs(s) < skewThreshold
        let b: Bool? = k.isNaN ? nil : k < kurtosisThreshold
        if a == true || b == true { return true }
        if a == nil || b == nil { return nil }
        return false
    }

    /// Result of ``winsorise(_:parameters:)``.
    public struct WinsoriseResult: Sendable {
        public var values: [Double]
        public var count: Int
        /// "winhi"/"winlo" per position ("" when unchanged).
        public var labels: [String]
    }

    /// Iterative winsorisation as COINr's `winsorise`: while the test fails (or forced) and fewer than the limit of
    /// points have been changed, every point equal to the extreme on the skewed side is set to the next value.
    /// Returns nil when the test becomes undecidable.
    public static func winsorise(_ input: [Double], parameters p: TreatmentParameters = .init()) -> WinsoriseResult? {
        var x = input
        var moments = Stats.skewKurt(x)
        guard
            var passing = passes(
                skew: moments.skew, kurt: moments.kurt, skewThreshold: p.skewThreshold,
                kurtosisThreshold: p.kurtosisThreshold)
        else {
            return nil
        }
        var count = 0
        var lastHigh: [Int] = []
        var lastLow: [Int] = []
        while (!passing || p.forceWinsorise) && count < p.winsorisationLimit {
            if moments.skew >= 0 {
                guard let mx = x.lazy.filter({ !$0.isNaN }).max() else { break }
                let hit = x.indices.filter { x[$0] == mx }
                guard let next = x.lazy.filter({ !$0.isNaN && $0 != mx }).max() else { break }
                for i in hit { x[i] = next }
                lastHigh = hit
            } else {
                guard let mn = x.lazy.filter({ !$0.isNaN }).min() else { break }
                let hit = x.indices.filter { x[$0] == mn }
                guard let next = x.lazy.filter({ !$0.isNaN && $0 != mn }).min() else { break }
                for i in hit { x[i] = next }
                lastLow = hit
            }
            count = lastHigh.count + lastLow.count
            moments = Stats.skewKurt(x)
            guard
                let now = passes(
                    skew: moments.skew, kurt: moments.kurt, skewThreshold: p.skewThreshold,
                    kurtosisThreshold: p.kurtosisThreshold)
            else {
                return nil
            }
            passing = now
        }
        var labels = [String](repeating: "", count: x.count)
        for i in lastHigh { labels[i] = "winhi" }
        for i in lastLow { labels[i] = "winlo" }
        return WinsoriseResult(values: x, count: count, labels: labels)
    }

    /// COINr's `log_CT`: `ln(x − min + 0.01·(max − min))`.
    public static func logCT(_ x: [Double]) -> [Double] {
        let v = x.filter { !$0.isNaN }
        guard let mn = v.min(), let mx = v.max() else { return x }
        return x.map { $0.isNaN ? .nan : log($0 - mn + 0.01 * (mx - mn)) }
    }

    /// Treats one column and records the decision. `units` names the positions for the record.
    public static func treat(
        _ x: [Double], method: TreatmentMethod, indicator: String, period: Int, units: [String]
    ) -> (values: [Double], record: TreatmentRecord) {
        var record = TreatmentRecord(
            indicator: indicator, period: period, status: .notTreated, winsorisedCount: 0, treatedPoints: [:])
        guard case .winsoriseThenLog(let p) = method else { return (x, record) }
        func opt(_ v: Double) -> Double? { v.isNaN ? nil : v }
        let m0 = Stats.skewKurt(x)
        record.skewBefore = opt(m0.skew)
        record.kurtosisBefore = opt(m0.kurt)
        guard
            let pass0 = passes(
                skew: m0.skew, kurt: m0.kurt, skewThreshold: p.skewThreshold, kurtosisThreshold: p.kurtosisThreshold)
        else {
            record.status = .untreatable
            return (x, record)
        }
        if pass0 {
            record.status = .passed
            return (x, record)
        }
        guard let w = winsorise(x, parameters: p) else {
            record.status = .untreatable
            return (x, record)
        }
        record.winsorisedCount = w.count
        let m1 = Stats.skewKurt(w.values)
        record.skewAfterWinsorising = opt(m1.skew)
        record.kurtosisAfterWinsorising = opt(m1.kurt)
        let pass1 = passes(
            skew: m1.skew, kurt: m1.kurt, skewThreshold: p.skewThreshold, kurtosisThreshold: p.kurtosisThreshold)
        guard let pass1 else {
            record.status = .untreatable
            return (x, record)
        }
        if pass1 {
            record.status = .winsorised
            for (i, label) in w.labels.enumerated() where !label.isEmpty && i < units.count {
                record.treatedPoints[units[i]] = label
            }
            return (w.values, record)
        }
        let logged = logCT(p.combine ? w.values : x)
        record.status = .logTransformed
        let m2 = Stats.skewKurt(logged)
        record.skewAfterLog = opt(m2.skew)
        record.kurtosisAfterLog = opt(m2.kurt)
        for (i, label) in w.labels.enumerated() where !label.isEmpty && i < units.count {
            record.treatedPoints[units[i]] = label
        }
        return (logged, record)
    }
}
