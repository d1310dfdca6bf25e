import Foundation
import KembarCore

/// Helpers for writing SVG by hand: escaping and coordinates.
///
/// Charts are drawn by our own code so that the same markup serves the web pages, the self-contained HTML report
/// and its printed PDF, with no JavaScript (DESIGN.md §4).
public enum SVG {
    /// Escapes text for XML/HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A coordinate with one decimal and a point, whatever the language of the labels.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The opening tag with the accessible name and description every chart carries.
    static func open(width: Double, height: Double, id: String, title: String, description: String) -> String {
        let safe = escape(id)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" \
            height="\(n(height))" role="img" aria-labelledby="\(safe)-title \(safe)-desc" class="kembar-chart" \
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="11">\
            <title id="\(safe)-title">\(escape(title))</title><desc id="\(safe)-desc">\(escape(description))</desc>
            """
    }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil, weight: String? = nil,
        fill: String = Palette.ink
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let size { attributes += " font-size=\"\(n(size))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        return "<text \(attributes)>\(escape(content))</text>"
    }
}

/// Colours chosen to survive greyscale printing: distinct lightness, not only hue.
enum Palette {
    static let ink = "#1f2933"
    static let muted = "#616e7c"
    static let grid = "#d9dee4"
    static let primary = "#0b6e4f"
    static let primaryFill = "#0b6e4f33"
    static let secondary = "#c05621"
    static let tertiary = "#2b6cb0"
}

/// One labelled value of a chart; `display` is the value as the reader should see it ("~712", "10,35").
public struct ChartDatum: Hashable, Sendable {
    public var label: String
    public var value: Double
    public var display: String

    public init(label: String, value: Double, display: String) {
        self.label = label
        self.value = value
        self.display = display
    }
}
