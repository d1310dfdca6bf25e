import Foundation
import KembarCore

/// One partnership on a map: a great-circle line between its cities, coloured by its group, and — on a map of a
/// few lines — a link to its page with its name as the tooltip.
public struct MapLine: Sendable {
    public var from: Coordinates
    public var to: Coordinates
    public var group: MapGroup
    public var href: String?
    public var label: String?

    public init(from: Coordinates, to: Coordinates, group: MapGroup, href: String? = nil, label: String? = nil) {
        self.from = from
        self.to = to
        self.group = group
        self.href = href
        self.label = label
    }
}

/// A city on a map: named as its tooltip and link, and with `labelled` beside its dot too.
public struct MapPoint: Sendable {
    public var coordinates: Coordinates
    public var name: String?
    public var labelled: Bool
    public var href: String?

    public init(_ coordinates: Coordinates, name: String? = nil, labelled: Bool = true, href: String? = nil) {
        self.coordinates = coordinates
        self.name = name
        self.labelled = labelled
        self.href = href
    }
}

/// What a line's colour says: the partnership's status on the day, grouped as a reader scans a map.
public enum MapGroup: Int, CaseIterable, Sendable {
    case active, attention, exploring, ended, unknown

    public init(status: PartnershipStatus?) {
        switch status {
        case .active: self = .active
        case .dormant, .renewalDue: self = .attention
        case .exploring: self = .exploring
        case .expired, .terminated: self = .ended
        case nil: self = .unknown
        }
    }

    var colour: String {
        switch self {
        case .active: Palette.primary
        case .attention: Palette.secondary
        case .exploring: Palette.tertiary
        case .ended: "#7b8794"
        case .unknown: "#9f7aea"
        }
    }
}

/// A map of partnerships drawn on Natural Earth's 1:110m countries, as one SVG element with no script and no tile
/// server: the world, or the part of it around the places to focus on.
///
/// The projection is equirectangular (longitude and latitude as x and y), cropped to 58° S–84° N; a line follows its
/// great circle (a quadratic curve through the circle's midpoint, or two polylines where it crosses the
/// antimeridian). Every coordinate is rounded to what the view can show, and lines too many to label are drawn as
/// one path per colour, so 25,000 links stay one light image.
public enum WorldMap {
    /// The width the world is drawn at, in the map's own units.
    static let worldWidth = 1000.0
    static let north = 84.0
    static let south = -58.0
    static var scale: Double { worldWidth / 360 }
    static var worldHeight: Double { (north - south) * scale }
    /// Above this many lines, they are not links with tooltips but one path per colour.
    public static let linkedLineLimit = 300
    /// Above this many points, dots are left out (the lines' ends show where the cities are).
    static let pointLimit = 2000

    /// - Parameters:
    ///   - legend: the reader's words for each group drawn.
    ///   - focus: places the view is fitted around (all of `points` and lines' ends when empty: the world).
    ///   - highlight: an ISO 3166-1 code whose country is shaded.
    public static func svg(
        lines: [MapLine], points: [MapPoint], legend: [MapGroup: String], title: String, description: String,
        id: String, focus: [Coordinates] = [], highlight: String? = nil
    ) -> String {
        let view = View(focus: focus)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="\(view.box)" width="\(Int(worldWidth))" \
            height="\(Int((worldWidth * view.height / view.width).rounded()))" role="img" \
            aria-labelledby="\(SVG.escape(id))-title \(SVG.escape(id))-desc" class="kembar-map" \
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">\
            <title id="\(SVG.escape(id))-title">\(SVG.escape(title))</title>\
            <desc id="\(SVG.escape(id))-desc">\(SVG.escape(description))</desc>\
            <rect x="\(view.n(view.x))" y="\(view.n(view.y))" width="\(view.n(view.width))" \
            height="\(view.n(view.height))" fill="#eef3f8"/>
            """
        svg += basemap(view, highlight: highlight)
        svg += draw(lines, view)
        if points.count <= pointLimit { svg += draw(points, view) }
        svg += legendRows(legend, present: Set(lines.map(\.group)), view)
        return svg + "</svg>"
    }

    // MARK: - Projection and view

    static func project(_ c: Coordinates) -> (x: Double, y: Double) {
        ((c.longitude + 180) * scale, (north - min(max(c.latitude, south), north)) * scale)
    }

    /// The part of the world shown, in map units, and how finely coordinates are written for it.
    struct View {
        var x = 0.0
        var y = 0.0
        var width = WorldMap.worldWidth
        var height = WorldMap.worldHeight

        init(focus: [Coordinates]) {
            guard !focus.isEmpty else { return }
            let projected = focus.map(WorldMap.project)
            var minX = projected.map(\.x).min() ?? 0
            var maxX = projected.map(\.x).max() ?? WorldMap.worldWidth
            var minY = projected.map(\.y).min() ?? 0
            var maxY = projected.map(\.y).max() ?? WorldMap.worldHeight
            // At least 30° wide, a margin of a tenth, and between 2:1 and 5:4 so a country is not a sliver.
            let minimum = 30 * WorldMap.scale
            if maxX - minX < minimum { (minX, maxX) = ((minX + maxX - minimum) / 2, (minX + maxX + minimum) / 2) }
            let marginX = (maxX - minX) * 0.1
            let marginY = max((maxY - minY) * 0.1, 4 * WorldMap.scale)
            (minX, maxX, minY, maxY) = (minX - marginX, maxX + marginX, minY - marginY, maxY + marginY)
            if maxY - minY < (maxX - minX) / 2 {
                let grow = (maxX - minX) / 2 - (maxY - minY)
                (minY, maxY) = (minY - grow / 2, maxY + grow / 2)
            } else if maxY - minY > (maxX - minX) * 0.8 {
                let grow = (maxY - minY) / 0.8 - (maxX - minX)
                (minX, maxX) = (minX - grow / 2, maxX + grow / 2)
            }
            guard maxX - minX < WorldMap.worldWidth else { return }
            (x, y, width, height) = (minX, minY, maxX - minX, maxY - minY)
        }

        /// Map units per pixel of the drawn image: strokes, dots and text are sized by it.
        var unit: Double { width / WorldMap.worldWidth }
        var box: String { "\(n(x)) \(n(y)) \(n(width)) \(n(height))" }
        /// Whole units for the world; tenths when zoomed in.
        var fine: Bool { unit < 0.7 }

        func n(_ value: Double) -> String {
            guard value.isFinite else { return "0" }
            guard fine else { return String(Int(value.rounded())) }
            let tenths = Int((value * 10).rounded())
            let sign = tenths < 0 ? "-" : ""
            let whole = abs(tenths) / 10
            let rest = abs(tenths) % 10
            return rest == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(rest)"
        }

        func intersects(_ box: (minX: Double, minY: Double, maxX: Double, maxY: Double)) -> Bool {
            box.maxX >= x && box.minX <= x + width && box.maxY >= y && box.minY <= y + height
        }
    }

    // MARK: - Drawing

    static func basemap(_ view: View, highlight: String?) -> String {
        var land = ""
        var shaded = ""
        for country in BaseMap.shared.countries {
            for ring in country.rings where view.intersects(ring.box) {
                var path = "M"
                for (i, point) in ring.points.enumerated() {
                    path += (i == 0 ? "" : " ") + view.n(point.x) + " " + view.n(point.y)
                }
                path += "Z"
                if country.code == highlight, highlight?.isEmpty == false { shaded += path } else { land += path }
            }
        }
        let stroke = view.n(0.4 * view.unit)
        var svg =
            "<path d=\"\(land)\" fill=\"#d5dde5\" stroke=\"#ffffff\" stroke-width=\"\(stroke)\" fill-rule=\"evenodd\"/>"
        if !shaded.isEmpty {
            svg +=
                "<path d=\"\(shaded)\" fill=\"#b8c7d6\" stroke=\"#ffffff\" stroke-width=\"\(stroke)\" fill-rule=\"evenodd\"/>"
        }
        return svg
    }

    static func draw(_ lines: [MapLine], _ view: View) -> String {
        var svg = ""
        if lines.count <= linkedLineLimit {
            let width = view.n(1.6 * view.unit)
            for line in lines {
                var path = "<path d=\"\(curve(line, view))\" fill=\"none\" stroke=\"\(line.group.colour)\" "
                path += "stroke-width=\"\(width)\" stroke-opacity=\"0.8\" stroke-linecap=\"round\">"
                if let label = line.label { path += "<title>\(SVG.escape(label))</title>" }
                path += "</path>"
                svg += line.href.map { "<a href=\"\(SVG.escape($0))\">\(path)</a>" } ?? path
            }
            return svg
        }
        // Many lines: one path per colour, each drawn once however many partnerships share it.
        // Thinner and fainter the more there are, so where many run together reads darker, not a solid mass.
        let count = Double(lines.count).squareRoot()
        let width = view.n(min(1.2, max(0.5, 20 / count)) * view.unit)
        let opacity = String(format: "%.2f", min(0.6, max(0.15, 12 / count)))
        for group in MapGroup.allCases {
            var seen = Set<String>()
            var d = ""
            for line in lines where line.group == group {
                let piece = curve(line, view)
                if seen.insert(piece).inserted { d += piece }
            }
            guard !d.isEmpty else { continue }
            svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(group.colour)\" stroke-width=\"\(width)\" "
            svg += "stroke-opacity=\"\(opacity)\"/>"
        }
        return svg
    }

    static func draw(_ points: [MapPoint], _ view: View) -> String {
        var svg = ""
        let radius = view.n(2.6 * view.unit)
        let stroke = view.n(0.8 * view.unit)
        let size = view.n(SVG.minimumFontSize * view.unit)
        for point in points {
            let (x, y) = project(point.coordinates)
            var mark = "<circle cx=\"\(view.n(x))\" cy=\"\(view.n(y))\" r=\"\(radius)\" fill=\"\(Palette.ink)\" "
            mark += "stroke=\"#ffffff\" stroke-width=\"\(stroke)\">"
            mark += point.name.map { "<title>\(SVG.escape($0))</title>" } ?? ""
            mark += "</circle>"
            if let label = point.name, point.labelled {
                mark += "<text x=\"\(view.n(x + 4 * view.unit))\" y=\"\(view.n(y - 4 * view.unit))\" "
                mark += "font-size=\"\(size)\" fill=\"\(Palette.ink)\" stroke=\"#ffffff\" "
                mark += "stroke-width=\"\(view.n(2.5 * view.unit))\" paint-order=\"stroke\">\(SVG.escape(label))</text>"
            }
            let name = point.name.map { " aria-label=\"\(SVG.escape($0))\"" } ?? ""
            svg += point.href.map { "<a href=\"\(SVG.escape($0))\"\(name)>\(mark)</a>" } ?? mark
        }
        return svg
    }

    static func legendRows(_ legend: [MapGroup: String], present: Set<MapGroup>, _ view: View) -> String {
        let rows = MapGroup.allCases.filter { present.contains($0) }.compactMap { g in legend[g].map { (g, $0) } }
        guard !rows.isEmpty else { return "" }
        let u = view.unit
        let size = SVG.minimumFontSize * u
        let rowHeight = 16 * u
        let boxWidth = ((rows.map { SVG.textWidth($0.1) }.max() ?? 0) + 34) * u
        let left = view.x + 8 * u
        let top = view.y + view.height - 8 * u - rowHeight * Double(rows.count) - 6 * u
        var svg = "<g font-size=\"\(view.n(size))\"><rect x=\"\(view.n(left))\" y=\"\(view.n(top))\" "
        svg += "width=\"\(view.n(boxWidth))\" height=\"\(view.n(rowHeight * Double(rows.count) + 8 * u))\" "
        svg += "fill=\"#ffffff\" fill-opacity=\"0.85\" rx=\"\(view.n(3 * u))\"/>"
        for (i, row) in rows.enumerated() {
            let y = top + 4 * u + rowHeight * (Double(i) + 0.5)
            svg += "<line x1=\"\(view.n(left + 6 * u))\" y1=\"\(view.n(y))\" x2=\"\(view.n(left + 22 * u))\" "
            svg += "y2=\"\(view.n(y))\" stroke=\"\(row.0.colour)\" stroke-width=\"\(view.n(3 * u))\"/>"
            svg += "<text x=\"\(view.n(left + 28 * u))\" y=\"\(view.n(y + 4 * u))\" fill=\"\(Palette.ink)\">"
            svg += SVG.escape(row.1) + "</text>"
        }
        return svg + "</g>"
    }

    // MARK: - Great circles

    /// The path data of a line along its great circle.
    static func curve(_ line: MapLine, _ view: View) -> String {
        let a = unit(line.from)
        let b = unit(line.to)
        let dot = a.0 * b.0 + a.1 * b.1 + a.2 * b.2
        let start = project(line.from)
        let end = project(line.to)
        // The same place twice, or two ends of the Earth (no single great circle): a straight segment.
        guard dot < 0.999_999, dot > -0.999 else {
            return "M\(view.n(start.x)) \(view.n(start.y))L\(view.n(end.x)) \(view.n(end.y))"
        }
        let samples = stride(from: 0.0, through: 1.0, by: 1.0 / 16).map { slerp(a, b, dot: dot, $0) }
        let crossing = zip(samples, samples.dropFirst()).contains { abs($0.longitude - $1.longitude) > 180 }
        guard crossing else {
            let middle = project(samples[8])
            let control = (2 * middle.x - (start.x + end.x) / 2, 2 * middle.y - (start.y + end.y) / 2)
            return "M\(view.n(start.x)) \(view.n(start.y))Q\(view.n(control.0)) \(view.n(control.1)) "
                + "\(view.n(end.x)) \(view.n(end.y))"
        }
        // Across the antimeridian: a curve to the map's edge, and one on from the other edge, each through the
        // midpoint of its part of the circle.
        guard
            let cross = zip(samples.indices, samples.indices.dropFirst()).first(where: { i, j in
                abs(samples[i].longitude - samples[j].longitude) > 180
            })
        else { return "" }
        let before = samples[cross.0]
        let after = samples[cross.1]
        let edge = before.longitude > 0 ? 180.0 : -180.0
        let span = after.longitude + 2 * edge - before.longitude
        let fraction = span == 0 ? 0.5 : min(max((edge - before.longitude) / span, 0), 1)
        let t = (Double(cross.0) + fraction) / 16
        let latitude = before.latitude + (after.latitude - before.latitude) * fraction
        func piece(_ from: (x: Double, y: Double), _ to: (x: Double, y: Double), through m: Coordinates) -> String {
            var middle = project(m)
            // The midpoint of a piece lies on its side of the edge.
            if abs(middle.x - (from.x + to.x) / 2) > worldWidth / 2 {
                middle.x += middle.x < worldWidth / 2 ? worldWidth : -worldWidth
            }
            let control = (2 * middle.x - (from.x + to.x) / 2, 2 * middle.y - (from.y + to.y) / 2)
            return "M\(view.n(from.x)) \(view.n(from.y))Q\(view.n(control.0)) \(view.n(control.1)) "
                + "\(view.n(to.x)) \(view.n(to.y))"
        }
        let out = project(Coordinates(latitude: latitude, longitude: edge))
        let back = project(Coordinates(latitude: latitude, longitude: -edge))
        return piece(start, out, through: slerp(a, b, dot: dot, t / 2))
            + piece(back, end, through: slerp(a, b, dot: dot, (1 + t) / 2))
    }

    static func unit(_ c: Coordinates) -> (Double, Double, Double) {
        let lat = c.latitude * .pi / 180
        let lon = c.longitude * .pi / 180
        return (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }

    static func slerp(
        _ a: (Double, Double, Double), _ b: (Double, Double, Double), dot: Double, _ t: Double
    ) -> Coordinates {
        let omega = acos(min(max(dot, -1), 1))
        let s = sin(omega)
        let wa = sin((1 - t) * omega) / s
        let wb = sin(t * omega) / s
        let v = (wa * a.0 + wb * b.0, wa * a.1 + wb * b.1, wa * a.2 + wb * b.2)
        return Coordinates(
            latitude: atan2(v.2, (v.0 * v.0 + v.1 * v.1).squareRoot()) * 180 / .pi,
            longitude: atan2(v.1, v.0) * 180 / .pi)
    }
}

/// Natural Earth's 1:110m countries (public domain), simplified once by `scripts/make-basemap.py` into
/// `Maps/basemap.json` and projected here once.
struct BaseMap: Sendable {
    struct Ring: Sendable {
        var points: [(x: Double, y: Double)]
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    }
    struct Country: Sendable {
        var code: String
        var name: String
        var rings: [Ring]
    }
    var countries: [Country]

    static let shared: BaseMap = {
        struct File: Decodable {
            struct Country: Decodable {
                var code: String
                var name: String
                var rings: [[Double]]
            }
            var countries: [Country]
        }
        // A bundled file that does not read is a build defect the tests catch; maps then show the sea only.
        guard let url = Bundle.module.url(forResource: "basemap", withExtension: "json", subdirectory: "Maps"),
            let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data)
        else { return BaseMap(countries: []) }
        return BaseMap(
            countries: file.countries.map { country in
                Country(
                    code: country.code, name: country.name,
                    rings: country.rings.map { flat in
                        let points = stride(from: 0, to: flat.count - 1, by: 2).map {
                            WorldMap.project(Coordinates(latitude: flat[$0 + 1], longitude: flat[$0]))
                        }
                        return Ring(
                            points: points,
                            box: (
                                points.map(\.x).min() ?? 0, points.map(\.y).min() ?? 0, points.map(\.x).max() ?? 0,
                                points.map(\.y).max() ?? 0
                            ))
                    })
            })
    }()
}
