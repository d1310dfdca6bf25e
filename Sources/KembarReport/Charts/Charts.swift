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
        svg += "<polygon points=\"\(shapePoints)\" fill=\"\(Palette.primary)\" fill-opacity=\"\(Palette.tint)\" "
        svg += "stroke=\"\(Palette.primary)\" "
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
        // Margins wide enough for a value such as "10,35" beside the end points at the minimum text size.
        let width = 260.0
        let height = 74.0
        let pad = 48.0
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
            svg += SVG.text(first.display, x: start.0 - 5, y: start.1 + 4, anchor: "end")
            svg += SVG.text(first.label, x: start.0, y: height - 3, anchor: "middle", fill: Palette.muted)
        }
        if points.count > 1, let last = points.last, let end = coordinates.last {
            svg += SVG.text(last.display, x: end.0 + 5, y: end.1 + 4, weight: "600")
            svg += SVG.text(last.label, x: end.0, y: height - 3, anchor: "middle", fill: Palette.muted)
        }
        return svg + "</svg>"
    }

    /// Lays out ``Timeline`` items on a year axis: milestones as diamonds, agreements as validity bars, activities
    /// as circles whose area grows with the people reached, with a size legend.
    ///
    /// The chart stays legible over any span: year labels are thinned to every 1, 2, 5, 10, 20… years so that they
    /// never touch at `width`, and marks that would cover each other — or items whose dates overlap — go on separate
    /// rows of their lane, so no milestone or activity hides another. An item with a span wider than its mark (an
    /// activity over several months, or a date known only to the year) shows that span as a thin bar with end ticks.
    ///
    /// - Parameter width: the drawing's width in px; the year labels are spaced for it.
    public static func timeline(
        _ timeline: Timeline, title: String, description: String, id: String, width: Double = 760
    ) -> String {
        let left = 150.0
        let right = 30.0
        let width = max(width, left + right + 120)
        let plot = width - left - right
        let startYear = timeline.from.year
        let endYear = max(timeline.to.year, startYear)
        let first = Day(year: startYear, month: 1, day: 1).ordinal
        let last = Day(year: endYear, month: 12, day: 31).ordinal
        func x(_ day: Day) -> Double {
            left + plot * Double(min(max(day.ordinal, first), last) - first) / Double(max(1, last - first))
        }
        let milestones = timeline.items.filter { $0.kind == .milestone }
        let agreements = timeline.items.filter { $0.kind == .agreement }
        let activities = timeline.items.filter { $0.kind == .activity }
        let biggest = max(1, activities.compactMap(\.size).max() ?? 1)
        func radius(_ size: Double?) -> Double { 3 + 9 * (max(0, size ?? 0) / biggest).squareRoot() }
        /// What an item takes up on the axis: its mark with a pixel of room for the outline and, when wider, the
        /// days it covers (items of consecutive years do not overlap; items of the same year do).
        func extent(_ item: Timeline.Item, halfWidth: Double) -> ClosedRange<Double> {
            let centre = x(item.middle)
            return min(centre - halfWidth - 1, x(item.from))...max(centre + halfWidth + 1, x(item.to ?? item.from))
        }
        let diamond = 7.0
        let milestoneRows = TimelineLayout.rows(milestones.map { extent($0, halfWidth: diamond) })
        let activityRows = TimelineLayout.rows(activities.map { extent($0, halfWidth: radius($0.size)) })
        let largestMark = activities.map { radius($0.size) }.max() ?? 3
        let milestonePitch = 2 * diamond + 4
        let activityPitch = 2 * largestMark + 4
        let laneHeight = 34.0
        let agreementLanes = max(1, agreements.count)
        let milestoneLane = laneHeight + Double(max(0, (milestoneRows.max() ?? 0))) * milestonePitch
        let activityLane = laneHeight + Double(max(0, (activityRows.max() ?? 0))) * activityPitch
        let plotBottom = 28 + milestoneLane + laneHeight * Double(agreementLanes) + activityLane + 4
        let sized = activities.contains { ($0.size ?? 0) > 0 }
        let legendHeight = sized ? 2 * 12 + 16.0 : 0
        let height = plotBottom + 20 + legendHeight
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)

        // Year grid and labels, thinned so that labels never touch.
        let axis = TimelineLayout.yearStep(years: endYear - startYear + 1, plotWidth: plot)
        let perYear = plot / Double(endYear - startYear + 1)
        for year in startYear...endYear {
            let major = axis == 1 || year % axis == 0
            guard major || perYear >= 12 else { continue }
            let gx = x(Day(year: year, month: 1, day: 1))
            svg += "<line x1=\"\(SVG.n(gx))\" y1=\"20\" x2=\"\(SVG.n(gx))\" y2=\"\(SVG.n(plotBottom))\" "
            svg += "stroke=\"\(Palette.grid)\"\(major ? "" : " stroke-opacity=\"0.5\"")/>"
        }
        svg += "<g class=\"year-axis\">"
        for year in startYear...endYear where axis == 1 || year % axis == 0 {
            // One year a label: the label names the year's band; thinned: it names the tick at 1 January.
            let lx = axis == 1 ? x(Day(year: year, month: 7, day: 1)) : x(Day(year: year, month: 1, day: 1))
            svg += SVG.text(String(year), x: lx, y: plotBottom + 14, anchor: "middle", fill: Palette.muted)
        }
        svg += "</g>"
        // The evaluation date.
        let asOfX = x(timeline.to)
        svg += "<line x1=\"\(SVG.n(asOfX))\" y1=\"14\" x2=\"\(SVG.n(asOfX))\" y2=\"\(SVG.n(plotBottom))\" "
        svg += "stroke=\"\(Palette.secondary)\" stroke-dasharray=\"4 3\"/>"
        let asOfFits = asOfX - SVG.textWidth(timeline.asOfLabel) >= 4
        svg += SVG.text(
            timeline.asOfLabel, x: asOfX, y: 11, anchor: asOfFits ? "end" : "start", fill: Palette.secondary)

        var laneY = 28.0
        // Milestones.
        svg += SVG.text(timeline.laneLabels.milestones, x: 8, y: laneY + 20, weight: "600")
        for (item, row) in zip(milestones, milestoneRows) {
            let cx = x(item.middle)
            let cy = laneY + 16 + Double(row) * milestonePitch
            svg += span(item, y: cy, halfWidth: diamond, x: x, colour: Palette.secondary)
            svg += "<path d=\"M \(SVG.n(cx)) \(SVG.n(cy - diamond)) L \(SVG.n(cx + diamond)) \(SVG.n(cy)) "
            svg += "L \(SVG.n(cx)) \(SVG.n(cy + diamond)) L \(SVG.n(cx - diamond)) \(SVG.n(cy)) Z\" "
            svg += "fill=\"\(Palette.secondary)\"><title>\(SVG.escape(item.label))</title></path>"
        }
        laneY += milestoneLane
        // Agreements, one lane each.
        svg += SVG.text(timeline.laneLabels.agreements, x: 8, y: laneY + 20, weight: "600")
        for (index, item) in agreements.enumerated() {
            let y = laneY + Double(index) * laneHeight + 8
            let x0 = x(item.from)
            let x1 = max(x0 + 4, x(item.to ?? timeline.to))
            let dash = item.openEnded ? " stroke-dasharray=\"5 3\"" : ""
            svg += "<rect x=\"\(SVG.n(x0))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(x1 - x0))\" height=\"16\" rx=\"3\" "
            svg += "fill=\"\(Palette.primary)\" fill-opacity=\"\(Palette.tint)\" stroke=\"\(Palette.primary)\"\(dash)>"
            svg += "<title>\(SVG.escape(item.label))</title></rect>"
            // The short label starts in the bar; near the right edge it ends at the edge instead of leaving the chart.
            let fits = x0 + 4 + SVG.textWidth(item.shortLabel) <= width - 4
            svg += SVG.text(item.shortLabel, x: fits ? x0 + 4 : width - 4, y: y + 12, anchor: fits ? "start" : "end")
        }
        laneY += laneHeight * Double(agreementLanes)
        // Activities, in rows so that no circle covers another.
        svg += SVG.text(timeline.laneLabels.activities, x: 8, y: laneY + 20, weight: "600")
        svg += "<g class=\"activities\">"
        for (item, row) in zip(activities, activityRows) {
            let r = radius(item.size)
            let cy = laneY + 16 + Double(row) * activityPitch
            svg += span(item, y: cy, halfWidth: r, x: x, colour: Palette.tertiary)
            svg += "<circle cx=\"\(SVG.n(x(item.middle)))\" cy=\"\(SVG.n(cy))\" r=\"\(SVG.n(r))\" "
            svg += "fill=\"\(Palette.tertiary)\" fill-opacity=\"0.55\" stroke=\"\(Palette.tertiary)\">"
            svg += "<title>\(SVG.escape(item.label))</title></circle>"
        }
        svg += "</g>"
        // What the circles' sizes mean.
        if sized {
            let cy = plotBottom + 20 + 12 + 4
            let caption = timeline.laneLabels.sizes ?? "participants / peserta"
            // Under the lane labels, so that it fits narrow charts too.
            var cursor = 8.0
            svg += "<g class=\"size-legend\">"
            svg += SVG.text(caption, x: cursor, y: cy + 4, fill: Palette.muted)
            cursor += SVG.textWidth(caption) + 10
            for value in TimelineLayout.legendValues(biggest: biggest) {
                let r = radius(value)
                let label = String(Int(value.rounded()))
                svg += "<circle cx=\"\(SVG.n(cursor + r))\" cy=\"\(SVG.n(cy))\" r=\"\(SVG.n(r))\" "
                svg += "fill=\"\(Palette.tertiary)\" fill-opacity=\"0.55\" stroke=\"\(Palette.tertiary)\"/>"
                svg += SVG.text(label, x: cursor + 2 * r + 4, y: cy + 4, fill: Palette.muted)
                cursor += 2 * r + 4 + SVG.textWidth(label) + 12
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// The days an item covers, when they are wider than its mark: a thin bar with end ticks, like an error bar, set
    /// in from the ends so that the spans of consecutive years stay apart.
    private static func span(
        _ item: Timeline.Item, y: Double, halfWidth: Double, x: (Day) -> Double, colour: String
    ) -> String {
        let x0 = x(item.from) + 1.5
        let x1 = x(item.to ?? item.from) - 1.5
        guard x1 - x0 > 2 * halfWidth else { return "" }
        let path =
            "M \(SVG.n(x0)) \(SVG.n(y - 3)) V \(SVG.n(y + 3)) M \(SVG.n(x0)) \(SVG.n(y)) H \(SVG.n(x1)) "
            + "M \(SVG.n(x1)) \(SVG.n(y - 3)) V \(SVG.n(y + 3))"
        return "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>"
    }
}

/// The timeline's layout decisions, apart so that they can be tested.
enum TimelineLayout {
    /// Year-label steps, smallest first.
    static let steps = [1, 2, 5, 10, 20, 50, 100]

    /// Room a year label needs: its estimated width and a gap either side.
    static let yearLabelRoom = SVG.textWidth("0000") + 10

    /// The smallest step between labelled years at which consecutive labels have room on a plot `plotWidth` px wide.
    static func yearStep(years: Int, plotWidth: Double) -> Int {
        let perYear = plotWidth / Double(max(1, years))
        return steps.first { perYear * Double($0) >= yearLabelRoom } ?? steps[steps.count - 1]
    }

    /// Rows for marks that take up `extents` of the axis: each goes on the first row where it starts after every
    /// mark already there has ended. Returns each mark's row, in the order given.
    static func rows(_ extents: [ClosedRange<Double>]) -> [Int] {
        var ends: [Double] = []
        var rows = Array(repeating: 0, count: extents.count)
        let order = extents.indices.sorted {
            (extents[$0].lowerBound, $0) < (extents[$1].lowerBound, $1)
        }
        for index in order {
            let extent = extents[index]
            if let row = ends.firstIndex(where: { $0 < extent.lowerBound }) {
                rows[index] = row
                ends[row] = extent.upperBound
            } else {
                rows[index] = ends.count
                ends.append(extent.upperBound)
            }
        }
        return rows
    }

    /// Up to three sizes for the legend, smallest first: round numbers near a tenth and a third of the largest, and
    /// the largest itself.
    static func legendValues(biggest: Double) -> [Double] {
        func round(_ value: Double) -> Double {
            guard value >= 1 else { return 0 }
            let magnitude = pow(10, (log10(value)).rounded(.down))
            return [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= value } ?? magnitude
        }
        let top = max(1, biggest.rounded())
        var values: [Double] = []
        for value in [round(top / 10), round(top / 3), top] where value >= 1 && !values.contains(value) {
            values.append(value)
        }
        return values
    }
}

/// What the timeline shows, already in the reader's language.
public struct Timeline: Hashable, Sendable {
    public struct LaneLabels: Hashable, Sendable {
        public var milestones: String
        public var agreements: String
        public var activities: String
        /// What the activity circles' sizes count, for the size legend (e.g. "Participants"); `nil` writes a neutral
        /// "participants / peserta".
        public var sizes: String?
        public init(milestones: String, agreements: String, activities: String, sizes: String? = nil) {
            self.milestones = milestones
            self.agreements = agreements
            self.activities = activities
            self.sizes = sizes
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
