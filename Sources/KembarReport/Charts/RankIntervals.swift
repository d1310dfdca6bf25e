extension Charts {
    /// One row of a rank-interval chart: a unit's nominal rank and its 5–95 % interval under uncertainty.
    public struct RankInterval: Hashable, Sendable {
        public var label: String
        public var nominal: Double
        public var median: Double
        public var low: Double
        public var high: Double

        public init(label: String, nominal: Double, median: Double, low: Double, high: Double) {
            self.label = label
            self.nominal = nominal
            self.median = median
            self.low = low
            self.high = high
        }
    }

    /// Horizontal rank intervals, best rank on the left: a bar from the 5th to the 95th percentile, a dot for the
    /// nominal rank and a tick for the median.
    public static func rankIntervals(_ rows: [RankInterval], title: String, description: String, id: String) -> String {
        // Ranks come from computations on stored data; a non-finite one (NaN from a degenerate panel) is drawn as
        // missing, never converted.
        let count = min(max(rows.map(\.high).filter(\.isFinite).max() ?? 1, 1), 1_000_000)
        func rank(_ value: Double) -> String { value.isFinite ? String(Int(min(max(value, 0), 1_000_000))) : "—" }
        // The label column fits the longest name (up to 30 characters); the plot is narrow enough for a phone.
        let longest = rows.map { min($0.label.count, 30) }.max() ?? 4
        let left = SVG.textWidth(String(repeating: "m", count: max(4, longest))) + 12
        let width = 240.0
        let rowHeight = 22.0
        let height = Double(rows.count) * rowHeight + 40
        func x(_ rank: Double) -> Double { left + (count <= 1 ? width / 2 : (rank - 1) / (count - 1) * width) }
        var svg = SVG.open(width: left + width + 20, height: height, id: id, title: title, description: description)
        for (i, row) in rows.enumerated() {
            let y = 20 + Double(i) * rowHeight
            let label = row.label.count > 30 ? String(row.label.prefix(29)) + "…" : row.label
            svg += SVG.text(label, x: left - 8, y: y + 4, anchor: "end")
            guard [row.nominal, row.median, row.low, row.high].allSatisfy(\.isFinite) else {
                svg += SVG.text("—", x: left, y: y + 4)
                continue
            }
            svg +=
                "<line x1=\"\(SVG.n(x(row.low)))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(x(row.high)))\" y2=\"\(SVG.n(y))\" stroke=\"#0b5cad\" stroke-width=\"6\" stroke-linecap=\"round\" opacity=\"0.35\"/>"
            svg +=
                "<line x1=\"\(SVG.n(x(row.median)))\" y1=\"\(SVG.n(y - 6))\" x2=\"\(SVG.n(x(row.median)))\" y2=\"\(SVG.n(y + 6))\" stroke=\"#1b1f24\" stroke-width=\"1.5\"/>"
            svg +=
                "<circle cx=\"\(SVG.n(x(row.nominal)))\" cy=\"\(SVG.n(y))\" r=\"4\" fill=\"#b3261e\"><title>\(SVG.escape("\(row.label): \(rank(row.nominal)) [\(rank(row.low))–\(rank(row.high))]"))</title></circle>"
        }
        let axisY = height - 14
        svg +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(axisY - 8))\" x2=\"\(SVG.n(left + width))\" y2=\"\(SVG.n(axisY - 8))\" stroke=\"#8795a6\"/>"
        svg += SVG.text("1", x: left, y: axisY + 4)
        if count > 1 { svg += SVG.text(String(Int(count)), x: left + width, y: axisY + 4, anchor: "end") }
        return svg + "</svg>"
    }
}
