import Foundation
import KembarCore

/// What frames a report's HTML page: the office that publishes it, and where the page was opened from.
public struct PrintFrame: Sendable {
    public var office: String?
    public var back: (href: String, label: String)?

    public init(office: String? = nil, back: (href: String, label: String)? = nil) {
        self.office = office.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.back = back
    }

    /// Shows the print button and makes it print: the page works without it (the browser's own print).
    public static let script =
        "var b=document.getElementById('print');b.hidden=false;b.addEventListener('click',function(){window.print()});"
}

/// A report as a list of blocks of plain text, rendered to HTML or Markdown by one function each.
///
/// Text in blocks is never pre-escaped: each renderer escapes for its own format in one place, so no sentence can
/// reach a page unescaped.
struct Document {
    enum Block {
        case heading(level: Int, text: String)
        case paragraph(String)
        /// A paragraph with extra emphasis (the summary's key sentences).
        case lead(String)
        case list([String])
        /// Numbered items: the sources.
        case numbered([String])
        case table(header: [String], rows: [[String]])
        /// An SVG chart and its caption. HTML keeps both in one `<figure>`; Markdown, which most viewers cannot draw
        /// inline SVG in, shows the chart's description (its `<desc>`) as text under the caption instead, so a caption
        /// never stands without its chart.
        case figure(svg: String, caption: String)
        case note(String)
    }

    var language: Language
    var title: String
    var subtitle: String
    var blocks: [Block] = []

    mutating func add(_ block: Block) { blocks.append(block) }

    // MARK: - HTML

    /// A self-contained page: inline CSS and SVG, no external resource, laid out for A4 print, with the office's
    /// name and page numbers in each printed page's margin, a print button and a way back.
    func html(_ frame: PrintFrame = PrintFrame()) -> String {
        let back = frame.back.map {
            "<p class=\"back\"><a href=\"\(SVG.escape($0.href))\">← \(SVG.escape($0.label))</a></p>"
        }
        let office = frame.office.map { "<p class=\"office\">\(SVG.escape($0))</p>" }
        var out = """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(SVG.escape(title))</title>
            <style>\(Self.css)\(Self.margins(frame, language))</style>
            </head>
            <body>
            <main>
            \(back ?? "")<header>\(office ?? "")<h1>\(SVG.escape(title))</h1><p class="subtitle">\(SVG.escape(subtitle))</p>\
            <p class="print"><button type="button" id="print" hidden>\(SVG.escape(ReportStrings.print(language)))</button></p>\
            </header>

            """
        out += Self.htmlBlocks(blocks, headingOffset: 0)
        out += "</main>\n<script>\(PrintFrame.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// The printed page's margins: the office's name at the bottom left, "Page 2 of 7" at the bottom right.
    static func margins(_ frame: PrintFrame, _ language: Language) -> String {
        let (page, of) = language == .en ? ("Page ", " of ") : ("Halaman ", " dari ")
        var boxes = "@bottom-right { content: \"\(page)\" counter(page) \"\(of)\" counter(pages); \(Self.marginText) }"
        if let office = frame.office {
            boxes += " @bottom-left { content: \"\(Self.cssString(office))\"; \(Self.marginText) }"
        }
        return "\n@page { \(boxes) }"
    }

    static let marginText = "font: 8pt system-ui, sans-serif; color: #616e7c;"

    /// Text inside a CSS string: quotes, backslashes and line breaks as escapes, and no `<` (the style sits in
    /// HTML).
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\", "<", ">", "&": "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: " "
            default: String(scalar)
            }
        }.joined()
    }

    /// The blocks alone, for embedding in a page of the web app: level-2 sections whose heading is in `omitting`
    /// are left out (the page shows those itself), and headings move down by one level under the page's own.
    func fragment(omitting: Set<String>) -> String {
        var kept: [Block] = []
        var skipping = false
        for block in blocks {
            if case .heading(let level, let text) = block, level <= 2 { skipping = omitting.contains(text) }
            if !skipping { kept.append(block) }
        }
        return Self.htmlBlocks(kept, headingOffset: 1)
    }

    static func htmlBlocks(_ blocks: [Block], headingOffset: Int) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                let l = min(max(level + headingOffset, 2), 5)
                out += "<h\(l)>\(SVG.escape(text))</h\(l)>\n"
            case .paragraph(let text): out += "<p>\(SVG.escape(text))</p>\n"
            case .lead(let text): out += "<p class=\"lead\">\(SVG.escape(text))</p>\n"
            case .note(let text): out += "<p class=\"note\">\(SVG.escape(text))</p>\n"
            case .list(let items):
                out += "<ul>" + items.map { "<li>\(SVG.escape($0))</li>" }.joined() + "</ul>\n"
            case .numbered(let items):
                out += "<ol class=\"sources\">" + items.map { "<li>\(SVG.escape($0))</li>" }.joined() + "</ol>\n"
            case .table(let header, let rows):
                // A column of numbers is right-aligned, its header with it.
                let numeric = header.indices.map { index in
                    let cells = rows.compactMap { index < $0.count ? $0[index] : nil }.filter { $0 != "—" }
                    return !cells.isEmpty && cells.allSatisfy(isMeasure)
                }
                func cell(_ tag: String, _ text: String, _ index: Int) -> String {
                    let align = index < numeric.count && numeric[index] ? " class=\"n\"" : ""
                    return "<\(tag)\(align)>\(SVG.escape(text))</\(tag)>"
                }
                out += "<table><thead><tr>" + header.enumerated().map { cell("th", $1, $0) }.joined() + "</tr></thead>"
                out += "<tbody>"
                for row in rows { out += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>" }
                out += "</tbody></table>\n"
            case .figure(let svg, let caption):
                // No chart, no figure: a caption alone would name something that is not there.
                guard !svg.isEmpty else { continue }
                out += "<figure>\(svg)<figcaption>\(SVG.escape(caption))</figcaption></figure>\n"
            }
        }
        return out
    }

    /// A cell holding a count or a measure: digits with separators, `~` for approximate, a sign, a unit of `%`.
    static func isMeasure(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains(where: \.isNumber) else { return false }
        return trimmed.allSatisfy { $0.isNumber || "~.,−-+% ".contains($0) }
    }

    static let css = """
        @page { size: A4; margin: 16mm 15mm 18mm 15mm; }
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; color: #1f2933;
          line-height: 1.45; margin: 0; background: #fff; }
        main { max-width: 180mm; margin: 0 auto; padding: 12mm 6mm; }
        h1 { font-size: 1.6rem; margin: 0 0 .2rem; line-height: 1.2; }
        .subtitle { color: #616e7c; margin: 0 0 1.2rem; }
        h2 { font-size: 1.2rem; border-bottom: 2px solid #0b6e4f; padding-bottom: .15rem; margin: 1.6rem 0 .6rem;
          break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 1.02rem; margin: 1.1rem 0 .4rem; break-after: avoid; page-break-after: avoid; }
        p { margin: .35rem 0; }
        .lead { font-size: 1.02rem; }
        .note { color: #616e7c; font-size: .9rem; }
        main { overflow-wrap: break-word; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 .9rem; font-size: .88rem; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border-bottom: 1px solid #d9dee4; padding: .28rem .4rem; text-align: left; vertical-align: top; }
        th { background: #f1f4f7; font-weight: 600; }
        th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
        ul, ol { margin: .3rem 0 .8rem 1.2rem; padding: 0; }
        li { margin: .15rem 0; }
        ol.sources { font-size: .85rem; }
        figure { margin: .8rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        figure { overflow-x: auto; }
        figure svg { max-width: none; height: auto; }
        figcaption { color: #616e7c; font-size: .85rem; margin-top: .25rem; }
        @media screen and (max-width: 40rem) {
          main { padding: 4mm 3mm; }
          table { display: block; overflow-x: auto; }
        }
        .office { color: #616e7c; margin: 0 0 .3rem; font-size: .95rem; }
        .back { margin: 0 0 1rem; }
        .print button { font: inherit; background: #0b6e4f; color: #fff; border: 0; border-radius: 4px;
          padding: .4rem .9rem; cursor: pointer; }
        @media print {
          .back, .print { display: none; }
          figure svg { max-width: 100%; }
          main { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
        }
        """

    // MARK: - Markdown

    func markdown() -> String {
        var out = "# \(Self.escapeMarkdown(title))\n\n_\(Self.escapeMarkdown(subtitle))_\n\n"
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                out += String(repeating: "#", count: min(max(level, 2), 4)) + " \(Self.escapeMarkdown(text))\n\n"
            case .paragraph(let text): out += Self.escapeMarkdown(text) + "\n\n"
            case .lead(let text): out += "**\(Self.escapeMarkdown(text))**\n\n"
            case .note(let text): out += "> \(Self.escapeMarkdown(text))\n\n"
            case .list(let items): out += items.map { "- \(Self.escapeMarkdown($0))" }.joined(separator: "\n") + "\n\n"
            case .numbered(let items):
                out +=
                    items.enumerated().map { "\($0.offset + 1). \(Self.escapeMarkdown($0.element))" }
                    .joined(separator: "\n") + "\n\n"
            case .table(let header, let rows):
                out += "| " + header.map(Self.escapeMarkdown).joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: " --- |", count: header.count) + "\n"
                for row in rows { out += "| " + row.map(Self.escapeMarkdown).joined(separator: " | ") + " |\n" }
                out += "\n"
            case .figure(let svg, let caption): out += markdownFigure(svg: svg, caption: caption)
            }
        }
        return out
    }

    /// A chart in Markdown: its caption, marked as a chart given as text, over the chart's content — the items of its
    /// `<desc>`, one per line. A chart without a description is left out, caption and all.
    func markdownFigure(svg: String, caption: String) -> String {
        guard let description = SVG.description(of: svg) else { return "" }
        let items = description.components(separatedBy: "; ").filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard !items.isEmpty else { return "" }
        let title = caption.trimmingCharacters(in: .whitespaces).isEmpty ? (SVG.title(of: svg) ?? "") : caption
        let note = language == .en ? "chart given as text" : "grafik disajikan sebagai teks"
        var out = title.isEmpty ? "_\(note)_:\n\n" : "**\(Self.escapeMarkdown(title))** (_\(note)_):\n\n"
        out += items.map { "- \(Self.escapeMarkdown($0))" }.joined(separator: "\n") + "\n\n"
        return out
    }

    /// Escapes, with Markdown's own backslash escapes, the characters Markdown would read as syntax or inline HTML,
    /// and keeps table cells on one line.
    ///
    /// Markdown is read as text as often as it is rendered, so no HTML entity is written: `&` is escaped (`\&`) only
    /// where it would start a character reference (`&amp;`, `&#39;`), and quotes are left as they are. A text that
    /// would open a block (`# `, `- `, `+ `, `2018. `, `1) `) has that mark escaped too.
    static func escapeMarkdown(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, ch) in characters.enumerated() {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "<", ">", "~": out += "\\\(ch)"
            case "#" where out.isEmpty: out += "\\#"
            case "-" where out.isEmpty && opensBlock(characters, after: index),
                "+" where out.isEmpty && opensBlock(characters, after: index):
                out += "\\\(ch)"
            case "." where isNumber(out) && opensBlock(characters, after: index),
                ")" where isNumber(out) && opensBlock(characters, after: index):
                out += "\\\(ch)"
            case "&" where startsCharacterReference(characters, at: index): out += "\\&"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Whether `text` is digits only, as the number of an ordered list item is.
    private static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether a mark at `index` is followed by a space or nothing, as a list marker is.
    private static func opensBlock(_ characters: [Character], after index: Int) -> Bool {
        index + 1 == characters.count || characters[index + 1] == " "
    }

    /// Whether the `&` at `index` begins something Markdown would decode: `&name;`, `&#123;` or `&#x1F;`.
    private static func startsCharacterReference(_ characters: [Character], at index: Int) -> Bool {
        var end = index + 1
        while end < characters.count, end - index <= 33,
            characters[end].isASCII, characters[end].isLetter || characters[end].isNumber || characters[end] == "#"
        {
            end += 1
        }
        return end > index + 1 && end < characters.count && characters[end] == ";"
    }
}
