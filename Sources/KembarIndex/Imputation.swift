import Foundation

/// Imputation of missing indicator values. Cross-sectional methods work period by period (as COINr does for
/// panels); carry-forward/backward work along each unit's own series. Units screened out of a period are never
/// filled.
enum Imputation {
    static func name(_ m: ImputationMethod) -> String {
        switch m {
        case .indicatorMean: return "indicatorMean"
        case .indicatorMedian: return "indicatorMedian"
        case .groupMean(let g): return "groupMean(\(g))"
        case .groupMedian(let g): return "groupMedian(\(g))"
        case .carryForward(let k): return "carryForward(\(k.map(String.init) ?? "any"))"
        case .carryBackward(let k): return "carryBackward(\(k.map(String.init) ?? "any"))"
        }
    }

    static func impute(
        work: inout [Double], indicator i: Int, indicatorCode: String, nIndicators nI: Int, panel: Panel,
        active: [Bool], chain: [ImputationMethod]
    ) throws -> [ImputationRecord] {
        let nU = panel.units.count
        let nP = panel.periods.count
        func at(_ p: Int, _ u: Int) -> Int { (p * nI + i) * nU + u }
        var records = (0..<nP).map { p in
            ImputationRecord(
                indicator: indicatorCode, period: panel.periods[p],
                missingBefore: (0..<nU).filter { active[p * nU + $0] && work[at(p, $0)].isNaN }.count,
                filled: [:], missingAfter: 0)
        }
        for method in chain {
            let label = name(method)
            // Statistics come from the values before this method runs, so filling order does not matter.
            var snapshot = [Double]()
            snapshot.reserveCapacity(nP * nU)
            for p in 0..<nP { snapshot += work[at(p, 0)..<at(p, 0) + nU] }
            func sat(_ p: Int, _ u: Int) -> Int { p * nU + u }
            for p in 0..<nP {
                var filled = 0
                switch method {
                case .indicatorMean, .indicatorMedian:
                    let column = (0..<nU).map { snapshot[sat(p, $0)] }
                    let fill = method == .indicatorMean ? Stats.mean(column) : Stats.median(column)
                    guard !fill.isNaN else { break }
                    for u in 0..<nU where active[p * nU + u] && work[at(p, u)].isNaN {
                        work[at(p, u)] = fill
                        filled += 1
                    }
                case .groupMean(let g), .groupMedian(let g):
                    guard let groups = panel.groups[g] else {
                        throw IndexError.invalidConfiguration("imputation group '\(g)' is not in the data")
                    }
                    var members: [String: [Double]] = [:]
                    for u in 0..<nU {
                        if let key = groups[u] { members[key, default: []].append(snapshot[sat(p, u)]) }
                    }
                    var fills: [String: Double] = [:]
                    for (key, values) in members {
                        if case .groupMean = method {
                            fills[key] = Stats.mean(values)
                        } else {
                            fills[key] = Stats.median(values)
                        }
                    }
                    for u in 0..<nU where active[p * nU + u] && work[at(p, u)].isNaN {
                        if let key = groups[u], let f = fills[key], !f.isNaN {
                            work[at(p, u)] = f
                            filled += 1
                        }
                    }
                case .carryForward(let limit):
                    for u in 0..<nU where active[p * nU + u] && work[at(p, u)].isNaN {
                        var q = p - 1
                        while q >= 0 {
                            if let limit, panel.periods[p] - panel.periods[q] > limit { break }
                            let v = snapshot[sat(q, u)]
                            if !v.isNaN {
                                work[at(p, u)] = v
                                filled += 1
                                break
                            }
                            q -= 1
                        }
                    }
                case .carryBackward(let limit):
                    for u in 0..<nU where active[p * nU + u] && work[at(p, u)].isNaN {
                        var q = p + 1
                        while q < nP {
                            if let limit, panel.periods[q] - panel.periods[p] > limit { break }
                            let v = snapshot[sat(q, u)]
                            if !v.isNaN {
                                work[at(p, u)] = v
                                filled += 1
                                break
                            }
                            q += 1
                        }
                    }
                }
                if filled > 0 { records[p].filled[label, default: 0] += filled }
            }
        }
        for p in 0..<nP {
            records[p].missingAfter = (0..<nU).filter { active[p * nU + $0] && work[at(p, $0)].isNaN }.count
        }
        return records
    }
}
