import Foundation
import KembarCore

/// SVG charts for evaluations: the dimension wheel, bars, small trend lines and the partnership timeline.
///
/// Every function takes labels already written in the reader's language and returns one `<svg>` element with a
/// `<title>` and `<desc>` (its accessible name), so a chart reads sensibly to a screen reader and on paper.
public enum Charts {
    /// A radar "wheel": one axis per dimension (six for Cohen's wheel), the value as distance from the centre.
    ///
    /// - Parameters:
    ///   - data: one datum per axis, in the framework's order.
    ///   - id: unique within the page; used for the accessible name.
    public static func wheel(_ data: [ChartDatum], title: String, description: String, id: String) -> String {
        // Wider than tall: labels sit left and right of the wheel and need room for "Smart Environment".
        let width = 560.0
        let height = 340.0
        let centreX = width / 2
        let centreY = height / 2
        let radius = 118.0
        let top = max(1, data.map(\.value).max() ?? 1)
        let count = max(data.count, 3)
        func point(_ index: Int, _ fraction: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            return (centreX + cos(angle) * radius * fraction, centreY + sin(angle) * radius * fraction)
        }
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)
        for ring in [0.25, 0.5, 0.75, 1.0] {
            let ringPoints = (0..<count).map { point($0, ring) }.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }
            svg += "<polygon points=\"\(ringPoints.joined(separator: " "))\" fill=\"none\" stroke=\"\(Palette.grid)\"/>"
        }
        for (index, datum) in data.enumerated() {
            let (x, y) = point(index, 1)
            svg += "<line x1=\"\(SVG.n(centreX))\" y1=\"\(SVG.n(centreY))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(y))\" "
            svg += "stroke=\"\(Palette.grid)\"/>"
            let (lx, ly) = point(index, 1.2)
            let anchor = abs(lx - centreX) < 8 ? "middle" : (lx > centreX ? "start" : "end")
            svg += SVG.text(datum.label, x: lx, y: ly, anchor: anchor, weight: "600")
            svg += SVG.text(datum.display, x: lx, y: ly + 13, anchor: anchor, fill: Palette.muted)
        }
        let shape = data.enumerated().map { point($0.offset, $0.element.value / top) }
        let shapePoints = shape.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        svg += "<polygon points=\"\(shapePoints)\" fill=\"\(Palette.primaryFill)\" stroke=\"\(Palette.primary)\" "
        svg += "stroke-width=\"2\" stroke-linejoin=\"round\"/>"
        for ((x, y), datum) in zip(shape, data) where datum.value > 0 {
            svg += "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"3.5\" fill=\"\(Palette.primary)\">"
            svg += "<title>\(SVG.escape("\(datum.label): \(datum.display)"))</title></circle>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one per datum, longest scaled to the full width.
    public static func bars(_ data: [ChartDatum], title: String, description: String, id: String) -> String {
        let labelWidth = 180.0
        let barWidth = 380.0
        let row = 26.0
        let width = labelWidth + barWidth + 70
        let height = max(row, Double(data.count) * row) + 8
        let top = max(1, data.map(\.value).max() ?? 1)
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)
        for (index, datum) in data.enumerated() {
            let y = 4 + Double(index) * row
            let length = barWidth * max(0, datum.value) / top
            svg += SVG.text(datum.label, x: labelWidth - 8, y: y + 16, anchor: "end")
            svg += "<rect x=\"\(SVG.n(labelWidth))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(barWidth))\" height=\"16\" "
            svg += "fill=\"#f1f4f7\"/>"
            svg += "<rect x=\"\(SVG.n(labelWidth))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(length))\" height=\"16\" "
            svg += "fill=\"\(Palette.primary)\"><title>\(SVG.escape("\(datum.label): \(datum.display)"))</title></rect>"
            svg += SVG.text(datum.display, x: labelWidth + length + 6, y: y + 16)
        }
        return svg + "</svg>"
    }

    /// A small line of an indicator's values over time, first and last value written at the ends.
    public static func trend(_ points: [ChartDatum], title: String, description: String, id: String) -> String {
        let width = 240.0
        let height = 70.0
        let pad = 34.0
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)
        guard !points.isEmpty else { return svg + "</svg>" }
        let low = points.map(\.value).min() ?? 0
        let high = points.map(\.value).max() ?? 1
        let span = high - low == 0 ? 1 : high - low
        let coordinates = points.enumerated().map { index, datum -> (Double, Double) in
            let x = points.count == 1 ? width / 2 : pad + (width - 2 * pad) * Double(index) / Double(points.count - 1)
            let y = high - low == 0 ? height / 2 : 12 + (height - 30) * (high - datum.value) / span
            return (x, y)
        }
        let line = coordinates.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"\(Palette.tertiary)\" stroke-width=\"2\"/>"
        for ((x, y), datum) in zip(coordinates, points) {
            svg += "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"3\" fill=\"\(Palette.tertiary)\">"
            svg += "<title>\(SVG.escape("\(datum.label): \(datum.display)"))</title></circle>"
        }
        if let first = points.first, let start = coordinates.first {
            svg += SVG.text(first.display, x: start.0 - 5, y: start.1 + 4, anchor: "end", size: 10)
            svg += SVG.text(first.label, x: start.0, y: height - 3, anchor: "middle", size: 9, fill: Palette.muted)
        }
        if points.count > 1, let last = points.last, let end = coordinates.last {
            svg += SVG.text(last.display, x: end.0 + 5, y: end.1 + 4, size: 10, weight: "600")
            svg += SVG.text(last.label, x: end.0, y: height - 3, anchor: "middle", size: 9, fill: Palette.muted)
        }
        return svg + "</svg>"
    }

    /// Lays out ``Timeline`` items on a year axis: milestones as diamonds, agreements as validity bars, activities
    /// as circles whose area grows with the people reached.
    public static func timeline(_ timeline: Timeline, title: String, description: String, id: String) -> String {
        let left = 150.0
        let right = 30.0
        let width = 760.0
        let plot = width - left - right
        let startYear = timeline.from.year
        let endYear = max(timeline.to.year, startYear)
        let first = Day(year: startYear, month: 1, day: 1).ordinal
        let last = Day(year: endYear, month: 12, day: 31).ordinal
        func x(_ day: Day) -> Double {
            left + plot * Double(min(max(day.ordinal, first), last) - first) / Double(max(1, last - first))
        }
        let agreements = timeline.items.filter { $0.kind == .agreement }
        let laneHeight = 34.0
        let agreementLanes = max(1, agreements.count)
        let height = 28 + laneHeight * Double(2 + agreementLanes) + 24
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)

        // Year grid and labels.
        let axisY = height - 20
        for year in startYear...endYear {
            let gx = x(Day(year: year, month: 1, day: 1))
            svg += "<line x1=\"\(SVG.n(gx))\" y1=\"20\" x2=\"\(SVG.n(gx))\" y2=\"\(SVG.n(axisY))\" "
            svg += "stroke=\"\(Palette.grid)\"/>"
            let mid = x(Day(year: year, month: 7, day: 1))
            svg += SVG.text(String(year), x: mid, y: axisY + 14, anchor: "middle", fill: Palette.muted)
        }
        // The evaluation date.
        let asOfX = x(timeline.to)
        svg += "<line x1=\"\(SVG.n(asOfX))\" y1=\"14\" x2=\"\(SVG.n(asOfX))\" y2=\"\(SVG.n(axisY))\" "
        svg += "stroke=\"\(Palette.secondary)\" stroke-dasharray=\"4 3\"/>"
        svg += SVG.text(timeline.asOfLabel, x: asOfX, y: 11, anchor: "end", size: 10, fill: Palette.secondary)

        var laneY = 28.0
        // Milestones.
        svg += SVG.text(timeline.laneLabels.milestones, x: 8, y: laneY + 20, weight: "600")
        for item in timeline.items where item.kind == .milestone {
            let cx = x(item.middle)
            let cy = laneY + 16
            svg += "<path d=\"M \(SVG.n(cx)) \(SVG.n(cy - 7)) L \(SVG.n(cx + 7)) \(SVG.n(cy)) "
            svg += "L \(SVG.n(cx)) \(SVG.n(cy + 7)) L \(SVG.n(cx - 7)) \(SVG.n(cy)) Z\" fill=\"\(Palette.secondary)\">"
            svg += "<title>\(SVG.escape(item.label))</title></path>"
        }
        laneY += laneHeight
        // Agreements, one lane each.
        svg += SVG.text(timeline.laneLabels.agreements, x: 8, y: laneY + 20, weight: "600")
        for (index, item) in agreements.enumerated() {
            let y = laneY + Double(index) * laneHeight + 8
            let x0 = x(item.from)
            let x1 = max(x0 + 4, x(item.to ?? timeline.to))
            let dash = item.openEnded ? " stroke-dasharray=\"5 3\"" : ""
            svg += "<rect x=\"\(SVG.n(x0))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(x1 - x0))\" height=\"16\" rx=\"3\" "
            svg += "fill=\"\(Palette.primaryFill)\" stroke=\"\(Palette.primary)\"\(dash)>"
            svg += "<title>\(SVG.escape(item.label))</title></rect>"
            svg += SVG.text(item.shortLabel, x: x0 + 4, y: y + 12, size: 10)
        }
        laneY += laneHeight * Double(agreementLanes)
        // Activities.
        svg += SVG.text(timeline.laneLabels.activities, x: 8, y: laneY + 20, weight: "600")
        let biggest = max(1, timeline.items.compactMap(\.size).max() ?? 1)
        for item in timeline.items where item.kind == .activity {
            let r = 3 + 9 * sqrt((item.size ?? 0) / biggest)
            svg += "<circle cx=\"\(SVG.n(x(item.middle)))\" cy=\"\(SVG.n(laneY + 16))\" r=\"\(SVG.n(r))\" "
            svg += "fill=\"\(Palette.tertiary)\" fill-opacity=\"0.55\" stroke=\"\(Palette.tertiary)\">"
            svg += "<title>\(SVG.escape(item.label))</title></circle>"
        }
        return svg + "</svg>"
    }
}

/// What the timeline shows, already in the reader's language.
public struct Timeline: Hashable, Sendable {
    public struct LaneLabels: Hashable, Sendable {
        public var milestones: String
        public var agreements: String
        public var activities: String
        public init(milestones: String, agreements: String, activities: String) {
            self.milestones = milestones
            self.agreements = agreements
            self.activities = activities
        }
    }

    public struct Item: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case milestone, agreement, activity }
        public var kind: Kind
        /// Full text for the tooltip and screen readers.
        public var label: String
        /// Short text drawn inside an agreement's bar.
        public var shortLabel: String
        public var from: Day
        /// The last day (agreements: end of validity); `nil` for a point in time or an open-ended agreement.
        public var to: Day?
        public var openEnded: Bool
        /// People reached, for an activity's circle.
        public var size: Double?

        public init(
            kind: Kind, label: String, shortLabel: String = "", from: Day, to: Day? = nil, openEnded: Bool = false,
            size: Double? = nil
        ) {
            self.kind = kind
            self.label = label
            self.shortLabel = shortLabel
            self.from = from
            self.to = to
            self.openEnded = openEnded
            self.size = size
        }

        /// Where a point is drawn: the middle of the span its date can mean (a year-only date sits mid-year).
        var middle: Day { Day(ordinal: (from.ordinal + (to ?? from).ordinal) / 2) }
    }

    public var from: Day
    /// The evaluation date; the axis ends with its year.
    public var to: Day
    public var asOfLabel: String
    public var laneLabels: LaneLabels
    public var items: [Item]

    public init(from: Day, to: Day, asOfLabel: String, laneLabels: LaneLabels, items: [Item]) {
        self.from = from
        self.to = to
        self.asOfLabel = asOfLabel
        self.laneLabels = laneLabels
        self.items = items
    }
}
