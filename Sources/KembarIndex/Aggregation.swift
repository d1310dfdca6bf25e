import Foundation

/// How an aggregate combines its children. Missing children are skipped and the weights of the available children
/// are renormalised (COINr's behaviour; for the arithmetic mean this equals "shadow imputation" by the weighted mean
/// of the available siblings).
public enum AggregationMethod: String, Sendable, Codable, CaseIterable {
    /// `Σ w·x / Σ w` (COINr `a_amean`, the default).
    case arithmetic
    /// `exp(Σ w·ln x / Σ w)` (COINr `a_gmean`); zeros follow the ``ZeroRule``; negative values are an error.
    case geometric
    /// `Σ w / Σ (w/x)` (COINr `a_hmean`); zeros follow the ``ZeroRule``.
    case harmonic
    /// Weighted median: the smallest child value whose cumulative normalised weight reaches ½; when it reaches ½
    /// exactly, the mean of that value and the next (so equal weights give the ordinary median).
    case median
}

/// What the geometric and harmonic means do with a child value of exactly zero.
public enum ZeroRule: String, Sendable, Codable, CaseIterable {
    /// Throw an error naming the node and unit (COINr stops: issue #47). Use min-max onto e.g. [1, 100].
    case error
    /// Return 0, the limit of both means as a child tends to 0.
    case zero
}

/// Aggregation primitives.
public enum Aggregation {
    /// Aggregates one unit's child values `x` with weights `w` (NaN children skipped). Returns NaN when no child is
    /// available. Throws for zeros (per `zeroRule`) and negative values in the geometric/harmonic means.
    public static func aggregate(
        _ x: [Double], weights w: [Double], method: AggregationMethod, zeroRule: ZeroRule = .error
    ) throws -> Double {
        var xs: [Double] = []
        var ws: [Double] = []
        for i in x.indices where !x[i].isNaN {
            xs.append(x[i])
            ws.append(w[i])
        }
        guard !xs.isEmpty else { return .nan }
        switch method {
        case .arithmetic:
            let total = Stats.sum(ws)
            return Stats.sum(xs.indices.map { ws[$0] / total * xs[$0] })
        case .geometric:
            if xs.contains(where: { $0 < 0 }) {
                throw IndexError.computation("geometric mean of a negative value")
            }
            if xs.contains(0) {
                if zeroRule == .zero { return 0 }
                throw IndexError.computation("geometric mean of a zero value (use a [1, 100] range or zeroRule 'zero')")
            }
            return exp(Stats.sum(xs.indices.map { ws[$0] * log(xs[$0]) }) / Stats.sum(ws))
        case .harmonic:
            if xs.contains(0) {
                if zeroRule == .zero { return 0 }
                throw IndexError.computation("harmonic mean of a zero value")
            }
            return Stats.sum(ws) / Stats.sum(xs.indices.map { ws[$0] / xs[$0] })
        case .median:
            return weightedMedian(xs, ws)
        }
    }

    static func weightedMedian(_ x: [Double], _ w: [Double]) -> Double {
        let order = x.indices.sorted { x[$0] < x[$1] }
        let total = Stats.sum(w)
        guard total > 0 else { return .nan }
        var cumulative = 0.0
        for (k, i) in order.enumerated() {
            cumulative += w[i] / total
            if abs(cumulative - 0.5) <= 1e-12 && k + 1 < order.count {
                return (x[i] + x[order[k + 1]]) / 2
            }
            if cumulative >= 0.5 { return x[i] }
        }
        return x[order[order.count - 1]]
    }
}
