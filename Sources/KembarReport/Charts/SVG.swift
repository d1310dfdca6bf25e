import Foundation
import KembarCore

/// Helpers for writing SVG by hand: escaping and coordinates.
///
/// Charts are drawn by our own code so that the same markup serves the web pages, the self-contained HTML report
/// and its printed PDF, with no JavaScript (DESIGN.md §4).
public enum SVG {
    /// Escapes text for XML/HTML content and attribute values (``XMLText/escape(_:)``).
    public static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// Reverses ``escape(_:)`` (and decimal or hexadecimal character references), for text read back from a chart.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            guard let semicolon = tail.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = tail[tail.index(after: amp)..<semicolon]
            var decoded = entities[name]
            if decoded == nil, name.hasPrefix("#") {
                let digits = name.dropFirst()
                let code =
                    digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                decoded = code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }

    private static let entities: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    /// The text of a chart's `<desc>` element — what the chart shows, in words — unescaped; `nil` when it has none.
    static func description(of svg: String) -> String? { element("desc", of: svg) }

    /// The text of a chart's first `<title>` element (its accessible name), unescaped.
    static func title(of svg: String) -> String? { element("title", of: svg) }

    private static func element(_ name: String, of svg: String) -> String? {
        guard let open = svg.range(of: "<\(name)"), let end = svg[open.upperBound...].firstIndex(of: ">"),
            let close = svg[end...].range(of: "</\(name)>")
        else { return nil }
        let text = unescape(String(svg[svg.index(after: end)..<close.lowerBound]))
        return text.isBlank ? nil : text
    }

    /// Text smaller than this is hard to read on paper and on a phone; every label of every chart is at least this.
    static let minimumFontSize = 11.0

    /// A generous estimate of the width of `text` at `size` px in a sans-serif face (0.6 em a character: wider than
    /// the average, about a digit's width plus some), used to keep labels apart.
    static func textWidth(_ text: String, size: Double = minimumFontSize) -> Double {
        Double(text.count) * size * 0.6
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
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="\(n(minimumFontSize))">\
            <title id="\(safe)-title">\(escape(title))</title><desc id="\(safe)-desc">\(escape(description))</desc>
            """
    }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil, weight: String? = nil,
        fill: String = Palette.ink
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let size { attributes += " font-size=\"\(n(max(size, minimumFontSize)))\"" }
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
    /// The opacity of an area filled with a line colour. An opacity rather than a `#RRGGBBAA` colour, which not every
    /// SVG renderer reads (some PDF converters draw it solid).
    static let tint = "0.2"
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
