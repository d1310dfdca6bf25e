import KembarCore

/// One planned action on the planned-versus-delivered timeline.
public struct PlanTimelineRow: Hashable, Sendable {
    public struct Mark: Hashable, Sendable {
        public var day: Day
        public var label: String
        public init(day: Day, label: String) {
            self.day = day
            self.label = label
        }
    }

    public var label: String
    /// The period the action is planned for, when the plan gives one.
    public var planned: ClosedRange<Day>?
    /// The activities delivering it.
    public var delivered: [Mark]
    /// Its target dates.
    public var targets: [Mark]

    public init(label: String, planned: ClosedRange<Day>?, delivered: [Mark], targets: [Mark]) {
        self.label = label
        self.planned = planned
        self.delivered = delivered
        self.targets = targets
    }
}

/// One target on the target-progress chart.
public struct TargetBar: Hashable, Sendable {
    public var label: String
    /// (achieved − baseline) / (value − baseline).
    public var share: Double
    /// The share of the target's time passed, when known.
    public var expected: Double?
    public var met: Bool
    public var atRisk: Bool
    /// The share and status in words ("88 % · on track").
    public var display: String

    public init(label: String, share: Double, expected: Double?, met: Bool, atRisk: Bool, display: String) {
        self.label = label
        self.share = share
        self.expected = expected
        self.met = met
        self.atRisk = atRisk
        self.display = display
    }
}

extension Charts {
    /// One bar per target: its name above, the share achieved as a bar (capped at the full width) with a tick where
    /// the share of time passed would put it, and the share and status in words beside the bar. The colour follows
    /// the status; the words carry the same, so nothing depends on colour alone.
    public static func targetProgress(
        _ rows: [TargetBar], title: String, description: String, id: String, width: Double = 560
    ) -> String {
        let left = 8.0
        let textWidth = 130.0
        let barWidth = max(80, width - left - textWidth - 8)
        let pitch = 36.0
        let height = Double(max(1, rows.count)) * pitch + 4
        let characters = max(8, Int((width - left) / (SVG.minimumFontSize * 0.6)))
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)
        for (index, row) in rows.enumerated() {
            let y = 2 + Double(index) * pitch
            let label = row.label.count > characters ? String(row.label.prefix(characters - 1)) + "…" : row.label
            svg += "<g><title>\(SVG.escape(row.label))</title>"
            svg += SVG.text(label, x: left, y: y + 12, weight: "600") + "</g>"
            let barY = y + 18
            svg += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(barY))\" width=\"\(SVG.n(barWidth))\" height=\"12\" "
            svg += "fill=\"#f1f4f7\" stroke=\"\(Palette.grid)\"/>"
            let colour = row.met ? Palette.primary : row.atRisk ? Palette.secondary : Palette.tertiary
            let length = barWidth * min(1, max(0, row.share))
            svg += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(barY))\" width=\"\(SVG.n(length))\" height=\"12\" "
            svg += "fill=\"\(colour)\"/>"
            if let expected = row.expected {
                let x = left + min(barWidth - 1, max(1, barWidth * expected))
                svg += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(barY - 3))\" x2=\"\(SVG.n(x))\" "
                svg += "y2=\"\(SVG.n(barY + 15))\" stroke=\"\(Palette.ink)\" stroke-width=\"2\"/>"
            }
            svg += SVG.text(row.display, x: left + barWidth + 6, y: barY + 11)
        }
        return svg + "</svg>"
    }

    /// Planned against delivered: a row per planned action with its planned period as a band, each delivering
    /// activity as a dot and each target date as a diamond, on a year axis with the evaluation day dashed. Labels sit
    /// above their bands, so the chart can be drawn narrow for phones without shrinking its text.
    public static func planTimeline(
        _ rows: [PlanTimelineRow], asOf: Day, asOfLabel: String, title: String, description: String, id: String,
        width: Double = 720
    ) -> String {
        let days = rows.flatMap { row in
            [row.planned?.lowerBound, row.planned?.upperBound].compactMap { $0 } + row.delivered.map(\.day)
                + row.targets.map(\.day)
        }
        let startYear = min(days.map(\.year).min() ?? asOf.year, asOf.year)
        let endYear = max(days.map(\.year).max() ?? asOf.year, asOf.year)
        let left = 8.0
        let right = 12.0
        let plot = width - left - right
        let first = Day(year: startYear, month: 1, day: 1).ordinal
        let last = Day(year: endYear, month: 12, day: 31).ordinal
        func x(_ day: Day) -> Double {
            left + plot * Double(min(max(day.ordinal, first), last) - first) / Double(max(1, last - first))
        }
        let pitch = 40.0
        let top = 20.0
        let plotBottom = top + Double(max(1, rows.count)) * pitch
        let height = plotBottom + 20
        var svg = SVG.open(width: width, height: height, id: id, title: title, description: description)
        let axis = TimelineLayout.yearStep(years: endYear - startYear + 1, plotWidth: plot)
        for year in startYear...endYear where axis == 1 || year % axis == 0 {
            let gx = x(Day(year: year, month: 1, day: 1))
            svg += "<line x1=\"\(SVG.n(gx))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(gx))\" y2=\"\(SVG.n(plotBottom))\" "
            svg += "stroke=\"\(Palette.grid)\"/>"
            let lx = axis == 1 ? x(Day(year: year, month: 7, day: 1)) : gx
            svg += SVG.text(String(year), x: lx, y: plotBottom + 14, anchor: "middle", fill: Palette.muted)
        }
        let asOfX = x(asOf)
        svg += "<line x1=\"\(SVG.n(asOfX))\" y1=\"14\" x2=\"\(SVG.n(asOfX))\" y2=\"\(SVG.n(plotBottom))\" "
        svg += "stroke=\"\(Palette.secondary)\" stroke-dasharray=\"4 3\"/>"
        let asOfFits = asOfX - SVG.textWidth(asOfLabel) >= 4
        svg += SVG.text(asOfLabel, x: asOfX, y: 11, anchor: asOfFits ? "end" : "start", fill: Palette.secondary)
        let characters = max(8, Int(plot / (SVG.minimumFontSize * 0.6)))
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * pitch
            let label = row.label.count > characters ? String(row.label.prefix(characters - 1)) + "…" : row.label
            svg += "<g><title>\(SVG.escape(row.label))</title>"
            svg += SVG.text(label, x: left, y: y + 13, weight: "600")
            svg += "</g>"
            let bandY = y + 19
            if let planned = row.planned {
                let x0 = x(planned.lowerBound)
                let x1 = max(x0 + 4, x(planned.upperBound))
                svg += "<rect x=\"\(SVG.n(x0))\" y=\"\(SVG.n(bandY))\" width=\"\(SVG.n(x1 - x0))\" height=\"14\" "
                svg += "fill=\"\(Palette.tertiary)\" fill-opacity=\"\(Palette.tint)\" stroke=\"\(Palette.tertiary)\"/>"
            }
            for mark in row.targets {
                let cx = x(mark.day)
                let cy = bandY + 7
                svg += "<path d=\"M \(SVG.n(cx)) \(SVG.n(cy - 7)) L \(SVG.n(cx + 7)) \(SVG.n(cy)) "
                svg += "L \(SVG.n(cx)) \(SVG.n(cy + 7)) L \(SVG.n(cx - 7)) \(SVG.n(cy)) Z\" fill=\"#ffffff\" "
                svg +=
                    "stroke=\"\(Palette.secondary)\" stroke-width=\"2\"><title>\(SVG.escape(mark.label))</title></path>"
            }
            for mark in row.delivered {
                svg += "<circle cx=\"\(SVG.n(x(mark.day)))\" cy=\"\(SVG.n(bandY + 7))\" r=\"5\" "
                svg +=
                    "fill=\"\(Palette.primary)\" stroke=\"#ffffff\"><title>\(SVG.escape(mark.label))</title></circle>"
            }
        }
        return svg + "</svg>"
    }
}
