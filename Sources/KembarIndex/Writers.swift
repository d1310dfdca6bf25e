import Foundation

/// Writers of results as CSV and JSON. Numbers are written with full precision (shortest text that reads back to the
/// same double); missing values are empty cells in CSV and `null` in JSON.
public enum ResultWriter {
    /// A text cell (a unit's or a node's code); numbers are written with ``number(_:)``.
    static func cell(_ text: String) -> String { CSVData.cell(text) }

    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// Aggregates from the top down (index first), then indicators, in structure order.
    static func columnOrder(_ s: IndexStructure) -> (aggregates: [Int], indicators: [Int]) {
        (s.aggregates.reversed(), s.indicators)
    }

    /// The results table: one row per unit and period, sorted by period then index rank, with columns
    /// `unit, period, rank, <index>, <each aggregate>, <each aggregate>_rank, <each normalised indicator>`.
    public static func resultsCSV(_ result: IndexResult) -> String {
        let s = result.structure
        let (aggs, inds) = columnOrder(s)
        var header = ["unit", "period", "rank"]
        header += aggs.map { s.nodes[$0].code }
        header += aggs.filter { $0 != s.root }.map { s.nodes[$0].code + "_rank" }
        header += inds.map { s.nodes[$0].code }
        var lines = [header.map(cell).joined(separator: ",")]
        for row in rows(result) {
            var fields = [cell(row.unit), String(row.period), number(row.rank)]
            fields += aggs.map { number(row.scores[s.nodes[$0].code] ?? .nan) }
            fields += aggs.filter { $0 != s.root }.map { number(row.ranks[s.nodes[$0].code] ?? .nan) }
            fields += inds.map { number(row.scores[s.nodes[$0].code] ?? .nan) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One unit-period of a results table.
    public struct ResultRow: Sendable, Codable, Equatable {
        public var unit: String
        public var period: Int
        /// Rank on the index (NaN when the unit has no index score).
        public var rank: Double
        /// Scores of every node (aggregates and normalised indicators).
        public var scores: [String: Double]
        /// Ranks of every aggregate.
        public var ranks: [String: Double]
    }

    /// The results as rows sorted by period, then index rank (unranked last), then unit code.
    public static func rows(_ result: IndexResult) -> [ResultRow] {
        let s = result.structure
        var out: [ResultRow] = []
        for (p, period) in result.periods.enumerated() {
            var block: [ResultRow] = []
            for (u, unit) in result.units.enumerated() {
                var scores: [String: Double] = [:]
                var ranks: [String: Double] = [:]
                for (c, code) in result.aggregated.codes.enumerated() {
                    scores[code] =
                        result.aggregated.values[(p * result.aggregated.codes.count + c) * result.units.count + u]
                    ranks[code] = result.ranks.values[(p * result.ranks.codes.count + c) * result.units.count + u]
                }
                for (c, code) in result.normalised.codes.enumerated() {
                    scores[code] =
                        result.normalised.values[(p * result.normalised.codes.count + c) * result.units.count + u]
                }
                block.append(
                    ResultRow(unit: unit, period: period, rank: ranks[s.rootCode] ?? .nan, scores: scores, ranks: ranks)
                )
            }
            block.sort { a, b in
                let ra = a.rank.isNaN ? Double.infinity : a.rank
                let rb = b.rank.isNaN ? Double.infinity : b.rank
                return ra != rb ? ra < rb : a.unit < b.unit
            }
            out += block
        }
        return out
    }

    /// Uncertainty results: `unit, nominal_score, nominal_rank, median_rank, q05_rank, q95_rank, mean_rank`, sorted
    /// by nominal rank.
    public static func uncertaintyCSV(_ ua: UncertaintyResult) -> String {
        var lines = ["unit,period,nominal_score,nominal_rank,median_rank,q05_rank,q95_rank,mean_rank"]
        for u in uncertaintyOrder(ua) {
            lines.append(
                [
                    cell(ua.units[u]), String(ua.period), number(ua.nominalScore[u]), number(ua.nominalRank[u]),
                    number(ua.medianRank[u]), number(ua.q05[u]), number(ua.q95[u]), number(ua.meanRank[u]),
                ]
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func uncertaintyOrder(_ ua: UncertaintyResult) -> [Int] {
        ua.units.indices.sorted { a, b in
            let ra = ua.nominalRank[a].isNaN ? Double.infinity : ua.nominalRank[a]
            let rb = ua.nominalRank[b].isNaN ? Double.infinity : ua.nominalRank[b]
            return ra != rb ? ra < rb : ua.units[a] < ua.units[b]
        }
    }

    /// A JSON value tree, so that NaN can be written as `null` and key order is stable.
    indirect enum JSON {
        case number(Double)
        case string(String)
        case bool(Bool)
        case array([JSON])
        case object([(String, JSON)])
        case null

        func render(into out: inout String, indent: Int) {
            let pad = String(repeating: "  ", count: indent)
            let inner = String(repeating: "  ", count: indent + 1)
            switch self {
            case .number(let v): out += v.isFinite ? ResultWriter.number(v) : "null"
            case .string(let s): out += JSON.quote(s)
            case .bool(let b): out += b ? "true" : "false"
            case .null: out += "null"
            case .array(let items):
                if items.isEmpty {
                    out += "[]"
                    return
                }
                out += "[\n"
                for (k, item) in items.enumerated() {
                    out += inner
                    item.render(into: &out, indent: indent + 1)
                    out += k + 1 < items.count ? ",\n" : "\n"
                }
                out += pad + "]"
            case .object(let pairs):
                if pairs.isEmpty {
                    out += "{}"
                    return
                }
                out += "{\n"
                for (k, pair) in pairs.enumerated() {
                    out += inner + JSON.quote(pair.0) + ": "
                    pair.1.render(into: &out, indent: indent + 1)
                    out += k + 1 < pairs.count ? ",\n" : "\n"
                }
                out += pad + "}"
            }
        }

        static func quote(_ s: String) -> String {
            var r = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": r += "\\\""
                case "\\": r += "\\\\"
                case "\n": r += "\\n"
                case "\r": r += "\\r"
                case "\t": r += "\\t"
                default:
                    if ch.value < 0x20 {
                        r += String(format: "\\u%04x", ch.value)
                    } else {
                        r.unicodeScalars.append(ch)
                    }
                }
            }
            return r + "\""
        }

        static func opt(_ v: Double?) -> JSON { v.map { .number($0) } ?? .null }
    }

    /// The full result as JSON: results rows, effective weights, treatment, imputation and screening logs.
    public static func resultsJSON(_ result: IndexResult) -> String {
        let s = result.structure
        let (aggs, inds) = columnOrder(s)
        let rows: [JSON] = rows(result).map { r in
            .object([
                ("unit", .string(r.unit)), ("period", .number(Double(r.period))), ("rank", .number(r.rank)),
                ("score", .number(r.scores[s.rootCode] ?? .nan)),
                (
                    "aggregates",
                    .object(
                        aggs.filter { $0 != s.root }.map { a in
                            let code = s.nodes[a].code
                            return (
                                code,
                                .object([
                                    ("score", .number(r.scores[code] ?? .nan)),
                                    ("rank", .number(r.ranks[code] ?? .nan)),
                                ])
                            )
                        })
                ),
                ("indicators", .object(inds.map { (s.nodes[$0].code, .number(r.scores[s.nodes[$0].code] ?? .nan)) })),
            ])
        }
        let treatment: [JSON] = result.treatment.map { t in
            .object([
                ("indicator", .string(t.indicator)), ("period", .number(Double(t.period))),
                ("status", .string(t.status.rawValue)), ("winsorisedCount", .number(Double(t.winsorisedCount))),
                ("skewBefore", .opt(t.skewBefore)), ("kurtosisBefore", .opt(t.kurtosisBefore)),
                ("skewAfterWinsorising", .opt(t.skewAfterWinsorising)),
                ("kurtosisAfterWinsorising", .opt(t.kurtosisAfterWinsorising)),
                ("skewAfterLog", .opt(t.skewAfterLog)), ("kurtosisAfterLog", .opt(t.kurtosisAfterLog)),
                (
                    "winsorisedPoints",
                    .object(t.treatedPoints.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
                ),
            ])
        }
        let imputation: [JSON] = result.imputation.map { r in
            .object([
                ("indicator", .string(r.indicator)), ("period", .number(Double(r.period))),
                ("missingBefore", .number(Double(r.missingBefore))),
                ("filled", .object(r.filled.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) })),
                ("missingAfter", .number(Double(r.missingAfter))),
            ])
        }
        let screening: [JSON] = result.screening.map { r in
            .object([
                ("unit", .string(r.unit)), ("period", .number(Double(r.period))),
                ("dataAvailability", .number(r.dataAvailability)), ("nonZero", .number(r.nonZero)),
                ("included", .bool(r.included)),
            ])
        }
        let weights: JSON = .object(
            s.nodes.map { n in
                (
                    n.code,
                    .object([
                        ("weight", .number(n.weight)),
                        ("effectiveWeight", .number(result.effectiveWeights[n.code] ?? .nan)),
                    ])
                )
            })
        let root: JSON = .object([
            ("index", .string(s.rootCode)),
            ("periods", .array(result.periods.map { .number(Double($0)) })),
            ("results", .array(rows)),
            ("weights", weights),
            ("treatment", .array(treatment)),
            ("imputation", .array(imputation)),
            ("screening", .array(screening)),
        ])
        var out = ""
        root.render(into: &out, indent: 0)
        return out + "\n"
    }

    /// Uncertainty results as JSON, with optional pair probabilities.
    public static func uncertaintyJSON(_ ua: UncertaintyResult, pairs: [PairProbability] = []) -> String {
        let units: [JSON] = uncertaintyOrder(ua).map { u in
            .object([
                ("unit", .string(ua.units[u])), ("nominalScore", .number(ua.nominalScore[u])),
                ("nominalRank", .number(ua.nominalRank[u])), ("medianRank", .number(ua.medianRank[u])),
                ("q05Rank", .number(ua.q05[u])), ("q95Rank", .number(ua.q95[u])), ("meanRank", .number(ua.meanRank[u])),
            ])
        }
        let pairJSON: [JSON] = pairs.map { p in
            .object([
                ("unitA", .string(p.unitA)), ("unitB", .string(p.unitB)), ("aOutranksB", .number(p.aOutranksB)),
                ("tie", .number(p.tie)), ("runs", .number(Double(p.runs))),
            ])
        }
        let root: JSON = .object([
            ("target", .string(ua.target)), ("period", .number(Double(ua.period))),
            ("replications", .number(Double(ua.replications))), ("units", .array(units)), ("pairs", .array(pairJSON)),
        ])
        var out = ""
        root.render(into: &out, indent: 0)
        return out + "\n"
    }
}
