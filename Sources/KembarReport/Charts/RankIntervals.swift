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
        let left = 140.0
        let width = 420.0
        let rowHeight = 22.0
        let height = Double(rows.count) * rowHeight + 40
        func x(_ rank: Double) -> Double { left + (count <= 1 ? width / 2 : (rank - 1) / (count - 1) * width) }
        var body = ""
        for (i, row) in rows.enumerated() {
            let y = 20 + Double(i) * rowHeight
            body +=
                "<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"12\">\(SVG.escape(row.label))</text>"
            guard [row.nominal, row.median, row.low, row.high].allSatisfy(\.isFinite) else {
                body += "<text x=\"\(left)\" y=\"\(y + 4)\" font-size=\"12\">—</text>"
                continue
            }
            body +=
                "<line x1=\"\(x(row.low))\" y1=\"\(y)\" x2=\"\(x(row.high))\" y2=\"\(y)\" stroke=\"#0b5cad\" stroke-width=\"6\" stroke-linecap=\"round\" opacity=\"0.35\"/>"
            body +=
                "<line x1=\"\(x(row.median))\" y1=\"\(y - 6)\" x2=\"\(x(row.median))\" y2=\"\(y + 6)\" stroke=\"#1b1f24\" stroke-width=\"1.5\"/>"
            body +=
                "<circle cx=\"\(x(row.nominal))\" cy=\"\(y)\" r=\"4\" fill=\"#b3261e\"><title>\(SVG.escape("\(row.label): \(rank(row.nominal)) [\(rank(row.low))–\(rank(row.high))]"))</title></circle>"
        }
        let axisY = height - 14
        body +=
            "<line x1=\"\(left)\" y1=\"\(axisY - 8)\" x2=\"\(left + width)\" y2=\"\(axisY - 8)\" stroke=\"#8795a6\"/>"
        body += "<text x=\"\(left)\" y=\"\(axisY + 4)\" font-size=\"11\">1</text>"
        body +=
            "<text x=\"\(left + width)\" y=\"\(axisY + 4)\" font-size=\"11\" text-anchor=\"end\">\(Int(count))</text>"
        return "<svg id=\"\(SVG.escape(id))\" viewBox=\"0 0 \(Int(left + width + 20)) \(Int(height))\" role=\"img\" "
            + "aria-labelledby=\"\(SVG.escape(id))-t \(SVG.escape(id))-d\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(SVG.escape(id))-t\">\(SVG.escape(title))</title><desc id=\"\(SVG.escape(id))-d\">\(SVG.escape(description))</desc>"
            + body + "</svg>"
    }
}
