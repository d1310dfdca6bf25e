import Foundation

/// How one indicator is brought onto a common scale. Every method returns "higher = better" scores.
///
/// **Direction is applied here and only here** (``Normalisation/normalise(_:direction:method:)``):
/// - data-driven methods (min-max, z-score, rank, percentile rank, Borda, none) are applied to `direction × x`,
///   exactly as COINr's `Normalise` does;
/// - goalposts and targets are given in the indicator's raw units, and a direction of −1 flips the scale:
///   goalposts give `(upper − x)/(upper − lower)`, targets `(max − x)/(max − target)` — COINr's net behaviour with
///   `f_n_para = "use_iMeta"`.
public enum NormalisationMethod: Sendable, Equatable {
    /// No normalisation (the direction is still applied: values are `direction × x`).
    case none
    /// `(x − min)/(max − min)·(upper − lower) + lower` (COINr `n_minmax`, default range 0–100).
    case minMax(lower: Double, upper: Double)
    /// `(x − mean)/sd·sdTarget + meanTarget`, sd with divisor n − 1 (COINr `n_zscore`).
    case zScore(mean: Double, sd: Double)
    /// Ascending rank, ties take the minimum (COINr `n_rank`).
    case rank
    /// `(rank − 1)/(n − 1)` in [0, 1] (COINr `n_prank`).
    case percentileRank
    /// `rank − 1` (COINr `n_borda`).
    case borda
    /// `clip((x − lower)/(upper − lower), 0, 1)·scale` for direction +1; `(upper − x)/(upper − lower)` for −1.
    /// Goalposts in raw units, `lower < upper` (COINr `n_goalposts` via iMeta).
    case goalposts(lower: Double, upper: Double, scale: Double, truncate: Bool)
    /// `(x − min)/(target − min)` for direction +1, `(max − x)/(max − target)` for −1; optionally capped at 1;
    /// multiplied by `scale` (COINr `n_dist2targ` via iMeta has scale 1).
    case distanceToTarget(target: Double, capAtOne: Bool, scale: Double)

    /// COINr's default: min-max onto [0, 100].
    public static let coinrDefault = NormalisationMethod.minMax(lower: 0, upper: 100)
}

/// Normalisation of indicator columns.
public enum Normalisation {
    /// Normalises one column (all periods stacked when pooled). Missing values stay missing. A zero range gives
    /// NaN, as in COINr.
    public static func normalise(_ x: [Double], direction: Int, method: NormalisationMethod) -> [Double] {
        let d = Double(direction)
        switch method {
        case .none:
            return x.map { $0 * d }
        case .minMax(let l, let u):
            let y = x.map { $0 * d }
            var mn = Double.infinity
            var mx = -Double.infinity
            for v in y where !v.isNaN {
                mn = min(mn, v)
                mx = max(mx, v)
            }
            guard mn.isFinite else { return y }
            return y.map { ($0 - mn) / (mx - mn) * (u - l) + l }
        case .zScore(let m, let s):
            let y = x.map { $0 * d }
            let mean = Stats.mean(y)
            let sd = Stats.sd(y)
            return y.map { ($0 - mean) / sd * s + m }
        case .rank:
            return Stats.rankAscending(x.map { $0 * d })
        case .percentileRank:
            let y = x.map { $0 * d }
            let r = Stats.rankAscending(y)
            let k = Double(y.lazy.filter { !$0.isNaN }.count)
            return r.map { ($0 - 1) / (k - 1) }
        case .borda:
            return Stats.rankAscending(x.map { $0 * d }).map { $0 - 1 }
        case .goalposts(let lower, let upper, let scale, let truncate):
            // COINr multiplies x by the direction and, for direction −1, uses goalposts (−upper, −lower): the net
            // effect is (x − lower)/(upper − lower) or (upper − x)/(upper − lower).
            let lo = direction == -1 ? -upper : lower
            let hi = direction == -1 ? -lower : upper
            return x.map { raw in
                var y = (raw * d - lo) / (hi - lo)
                if truncate && !y.isNaN { y = min(1, max(0, y)) }
                return y * scale
            }
        case .distanceToTarget(let target, let cap, let scale):
            let y = x.map { $0 * d }
            let t = target * d
            guard let mn = y.lazy.filter({ !$0.isNaN }).min() else { return y }
            return y.map { v in
                var r = (v - mn) / (t - mn)
                if cap && r > 1 { r = 1 }
                return r * scale
            }
        }
    }

    /// Whether the method's statistics depend on the data (and so on pooling), rather than on fixed parameters.
    static func isDataDriven(_ method: NormalisationMethod) -> Bool {
        if case .goalposts = method { return false }
        if case .none = method { return false }
        return true
    }
}
