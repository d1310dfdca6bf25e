import Foundation

/// The exact split of the score gap between two units into indicator and group contributions.
///
/// For arithmetic aggregation every score is a weighted sum of its available children, so the target's score is
/// `Σ_i e_u(i)·y_u(i)` over indicators, where `e_u(i)` is the unit's own effective weight: the product down the
/// tree of `w / Σ w(available siblings)` (0 for unavailable values). The contribution of indicator i to the gap is
/// `e_A(i)·y_A(i) − e_B(i)·y_B(i)`; it reduces to `w_eff(i)·(y_A(i) − y_B(i))` when no value is missing. A group's
/// contribution is the sum over its indicators and equals `e_A(g)·S_A(g) − e_B(g)·S_B(g)`. The contributions add up
/// to the gap exactly (up to rounding).
public struct GapDecomposition: Sendable, Codable, Equatable {
    public var unitA: String
    public var unitB: String
    public var period: Int
    public var target: String
    public var scoreA: Double
    public var scoreB: Double
    /// `scoreA − scoreB`.
    public var gap: Double
    /// Contribution of every indicator under the target.
    public var indicatorContributions: [String: Double]
    /// Contribution of every aggregate under the target (the target itself carries the whole gap).
    public var groupContributions: [String: Double]
}

/// Analytics for a pair of units, e.g. the two cities of a partnership.
public enum PairAnalytics {
    /// Decomposes the gap of `target` (default: the index) between `unitA` and `unitB` in `period` (default: latest).
    /// Throws unless every aggregate under the target uses arithmetic aggregation.
    public static func decompose(
        _ result: IndexResult, unitA: String, unitB: String, period: Int? = nil, target: String? = nil
    ) throws -> GapDecomposition {
        let s = result.structure
        let year = period ?? result.periods.last ?? 0
        guard let p = result.periods.firstIndex(of: year) else {
            throw IndexError.invalidConfiguration("period \(year) is not in the result")
        }
        guard let ua = result.units.firstIndex(of: unitA) else {
            throw IndexError.invalidConfiguration("unknown unit '\(unitA)'")
        }
        guard let ub = result.units.firstIndex(of: unitB) else {
            throw IndexError.invalidConfiguration("unknown unit '\(unitB)'")
        }
        let targetCode = target ?? s.rootCode
        guard let t = s.index(of: targetCode), !s.children[t].isEmpty else {
            throw IndexError.invalidConfiguration("'\(targetCode)' is not an aggregate")
        }
        let nodes = subtree(s, t)
        for n in nodes where !s.children[n].isEmpty {
            let m = result.configuration.aggregation.rule(for: s.nodes[n].code)
            guard m == .arithmetic else {
                throw IndexError.invalidConfiguration(
                    "gap decomposition needs arithmetic aggregation; '\(s.nodes[n].code)' uses \(m.rawValue)")
            }
        }
        func score(_ node: Int, _ u: Int) -> Double {
            let code = s.nodes[node].code
            let m = s.children[node].isEmpty ? result.normalised : result.aggregated
            guard let c = m.codeIndex[code] else { return .nan }
            return m.values[(p * m.codes.count + c) * result.units.count + u]
        }
        func unitWeights(_ u: Int) -> [Int: Double] {
            var e: [Int: Double] = [t: score(t, u).isNaN ? 0 : 1]
            for n in nodes where !s.children[n].isEmpty {
                let kids = s.children[n]
                let available = kids.filter { !score($0, u).isNaN }
                let total = Stats.sum(available.map { s.nodes[$0].weight })
                for k in kids {
                    e[k] = (available.contains(k) && total > 0) ? (e[n] ?? 0) * s.nodes[k].weight / total : 0
                }
            }
            return e
        }
        let ea = unitWeights(ua)
        let eb = unitWeights(ub)
        func part(_ node: Int) -> Double {
            let a = score(node, ua)
            let b = score(node, ub)
            return (a.isNaN ? 0 : (ea[node] ?? 0) * a) - (b.isNaN ? 0 : (eb[node] ?? 0) * b)
        }
        var indicators: [String: Double] = [:]
        var groups: [String: Double] = [:]
        for n in nodes {
            if s.children[n].isEmpty {
                indicators[s.nodes[n].code] = part(n)
            } else {
                groups[s.nodes[n].code] = Stats.sum(s.indicators(under: n).map(part))
            }
        }
        let a = score(t, ua)
        let b = score(t, ub)
        return GapDecomposition(
            unitA: unitA, unitB: unitB, period: year, target: targetCode, scoreA: a, scoreB: b, gap: a - b,
            indicatorContributions: indicators, groupContributions: groups)
    }

    /// Nodes of the subtree rooted at `t`, parents before children.
    static func subtree(_ s: IndexStructure, _ t: Int) -> [Int] {
        var out = [t]
        var k = 0
        while k < out.count {
            out += s.children[out[k]]
            k += 1
        }
        return out
    }
}
