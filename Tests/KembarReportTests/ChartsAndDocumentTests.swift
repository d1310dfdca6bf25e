import Foundation
import KembarCore
import Testing

@testable import KembarReport

/// Reading back what the renderers wrote: SVG attributes and text, HTML entities.
private enum Markup {
    /// Every match of `pattern` in `text`, as its capture groups.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { group in
                Range(match.range(at: group), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// An HTML character reference not escaped with a backslash, as a Markdown viewer would decode it.
    static func entities(in markdown: String) -> [String] {
        matches(#"(?<!\\)(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"#, in: markdown).map { $0[0] }
    }

    /// The inside of the first `<g class="…">` group of `svg`.
    static func group(_ name: String, in svg: String) -> String? {
        matches(#"<g class=""# + name + #"">(.*?)</g>"#, in: svg).first?[0]
    }

    /// The `<text>` elements of `svg`: x position and content.
    static func texts(in svg: String) -> [(x: Double, text: String)] {
        matches(#"<text x="([-0-9.]+)"[^>]*>([^<]*)</text>"#, in: svg).map { (Double($0[0]) ?? .nan, $0[1]) }
    }

    /// The `<circle>` elements of `svg`.
    static func circles(in svg: String) -> [(x: Double, y: Double, r: Double)] {
        matches(#"<circle cx="([-0-9.]+)" cy="([-0-9.]+)" r="([0-9.]+)""#, in: svg).map {
            (Double($0[0]) ?? .nan, Double($0[1]) ?? .nan, Double($0[2]) ?? .nan)
        }
    }
}

/// The bundled data files, read from the source tree (relative to this file) so the tests see exactly what ships.
private enum Bundled {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KembarStorage/Bundled/\(name)")
    }

    static func load(_ name: String) throws -> Dataset { try DatasetCodec.decode(try Data(contentsOf: url(name))) }

    static func foundingReport() throws -> EvaluationReport {
        let data = try #require(try load("founding.json").slice(partnership: "surabaya-liverpool"))
        return try EvaluationReport.make(
            data, partnership: "surabaya-liverpool", framework: "cohen-smart-city-wheel",
            library: FrameworkLibrary(try load("frameworks.json")), asOf: Day(year: 2023, month: 12, day: 31))
    }
}

@Suite struct MarkdownEscapingTests {
    let awkward = "Tom & Jerry <b>bold</b> \"quoted\" 'single' &amp; AT&T; R&D"

    func document() -> Document {
        var document = Document(language: .en, title: awkward, subtitle: "as of <2023> & \"after\"")
        document.add(.heading(level: 2, text: "Q&A <section>"))
        document.add(.paragraph(awkward))
        document.add(.lead(awkward))
        document.add(.note(awkward))
        document.add(.list([awkward, "&#39; & &copy;"]))
        document.add(.numbered([awkward]))
        document.add(.table(header: ["A & B", "\"C\""], rows: [[awkward, "<td>"]]))
        document.add(
            .figure(
                svg: Charts.bars(
                    [ChartDatum(label: "Smart & <Living>", value: 1, display: "1")], title: "Bars & \"more\"",
                    description: "Smart & <Living>: 1", id: "b"),
                caption: "Reach & \"people\""))
        return document
    }

    @Test("Markdown escapes for Markdown and writes no HTML entity; HTML stays entity-escaped")
    func noEntities() {
        let markdown = document().markdown()
        #expect(Markup.entities(in: markdown).isEmpty, "\(Markup.entities(in: markdown))")
        #expect(markdown.hasPrefix("# Tom & Jerry \\<b\\>bold\\</b\\> \"quoted\" 'single' \\&amp; AT\\&T; R&D\n"))
        #expect(markdown.contains("## Q&A \\<section\\>"))
        #expect(markdown.contains("- Smart & \\<Living\\>: 1"))
        #expect(!markdown.contains("&quot;") && !markdown.contains("&lt;") && !markdown.contains("&gt;"))

        let html = document().html()
        #expect(
            html.contains(
                "<h1>Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; &#39;single&#39; &amp;amp; AT&amp;T; "
                    + "R&amp;D</h1>"))
        #expect(!html.contains("<b>bold</b>"))
    }

    @Test("marks that would open a Markdown block are escaped at the start of a text only")
    func blockMarks() {
        #expect(Document.escapeMarkdown("2018. A year") == "2018\\. A year")
        #expect(Document.escapeMarkdown("1) first") == "1\\) first")
        #expect(Document.escapeMarkdown("- not a list") == "\\- not a list")
        #expect(Document.escapeMarkdown("+ not a list") == "\\+ not a list")
        #expect(Document.escapeMarkdown("# not a heading") == "\\# not a heading")
        #expect(Document.escapeMarkdown("e-Government, 10.5 - 2 + 3, #1") == "e-Government, 10.5 - 2 + 3, #1")
        #expect(Document.escapeMarkdown("line\nbreak") == "line break")
    }

    @Test("the founding report's Markdown has no HTML entity, in either language")
    func foundingReport() throws {
        let report = try Bundled.foundingReport()
        for language in Language.allCases {
            let markdown = report.markdown(language)
            #expect(Markup.entities(in: markdown).isEmpty, "\(language): \(Markup.entities(in: markdown))")
        }
    }
}

@Suite struct FigureTests {
    /// The lines after the line that holds `caption`, skipping blank ones.
    func following(_ caption: String, in markdown: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(caption) }) else { return [] }
        return lines[(index + 1)...].filter { !$0.isEmpty }
    }

    @Test("in Markdown a figure is its caption over the chart's content as a list; no caption stands alone")
    func markdownFigure() {
        for language in Language.allCases {
            var document = Document(language: language, title: "T", subtitle: "S")
            let svg = Charts.bars(
                [
                    ChartDatum(label: "Smart People", value: 8, display: "8"),
                    ChartDatum(label: "Smart Economy", value: 2, display: "2"),
                ], title: "Reach", description: "Smart People: 8; Smart Economy: 2", id: "bars")
            document.add(.figure(svg: svg, caption: "Activities by dimension"))
            document.add(.figure(svg: "", caption: "A chart that is not there"))
            document.add(
                .figure(
                    svg: Charts.bars([], title: "Empty", description: "", id: "empty"), caption: "Nothing to show"))
            document.add(.paragraph("After."))
            let markdown = document.markdown()
            let note = language == .en ? "chart given as text" : "grafik disajikan sebagai teks"
            #expect(
                markdown.contains("**Activities by dimension** (_\(note)_):\n\n- Smart People: 8\n- Smart Economy: 2\n")
            )
            #expect(!markdown.contains("A chart that is not there") && !markdown.contains("Nothing to show"))
            #expect(!markdown.contains("<svg"))
            #expect(
                following("Activities by dimension", in: markdown).prefix(2) == [
                    "- Smart People: 8", "- Smart Economy: 2",
                ])

            let html = document.html()
            #expect(!html.contains("A chart that is not there"))
            #expect(html.contains("</svg><figcaption>Activities by dimension</figcaption></figure>"))
        }
    }

    @Test("in the founding report every HTML caption shares its <figure> with an SVG, and Markdown gives its content")
    func foundingReport() throws {
        let report = try Bundled.foundingReport()
        for language in Language.allCases {
            let html = report.html(language)
            let figures = Markup.matches("<figure>(.*?)</figure>", in: html).map { $0[0] }
            #expect(figures.count >= 3)
            #expect(html.components(separatedBy: "<figcaption>").count - 1 == figures.count)
            let markdown = report.markdown(language)
            for figure in figures {
                #expect(figure.hasPrefix("<svg ") && figure.contains("</svg><figcaption>"))
                let caption = try #require(Markup.matches("<figcaption>(.*?)</figcaption>", in: figure).first?[0])
                let shown = Document.escapeMarkdown(SVG.unescape(caption))
                let lines = markdown.components(separatedBy: "\n")
                let captionLines = lines.indices.filter { lines[$0].hasPrefix("**\(shown)** (_") }
                #expect(!captionLines.isEmpty, "\(caption)")
                for index in captionLines {
                    #expect(lines[index + 1].isEmpty && lines[index + 2].hasPrefix("- "), "\(caption)")
                }
                #expect(!lines.contains("_\(shown)_"), "a lone caption: \(caption)")
            }
        }
    }
}

@Suite struct TimelineChartTests {
    func timeline(years: Int, items: [Timeline.Item] = [], sizes: String? = nil) -> Timeline {
        Timeline(
            from: Day(year: 2023 - years + 1, month: 3, day: 1), to: Day(year: 2023, month: 12, day: 31),
            asOfLabel: "as of 31 December 2023",
            laneLabels: .init(
                milestones: "Milestones", agreements: "Agreements", activities: "Activities", sizes: sizes),
            items: items)
    }

    /// 4 digits at 11 px, 0.6 em each: wider than the digits of any common sans-serif face.
    let yearLabelWidth = 4 * 11 * 0.6

    @Test(
        "year labels never overlap, from 1 to 120 years and at several widths",
        arguments: [1, 10, 70, 120], [760.0, 560, 400])
    func yearLabels(years: Int, width: Double) throws {
        let items: [Timeline.Item] = [
            .init(kind: .milestone, label: "First contact", from: Day(year: 2023 - years + 1, month: 3, day: 1)),
            .init(
                kind: .agreement, label: "MoU", shortLabel: "MoU", from: Day(year: 2023 - years + 1, month: 6, day: 1),
                openEnded: true),
            .init(kind: .activity, label: "Visit", from: Day(year: 2023, month: 5, day: 2), size: 40),
        ]
        let svg = Charts.timeline(
            timeline(years: years, items: items), title: "Timeline", description: "d", id: "t", width: width)
        let axis = try #require(Markup.group("year-axis", in: svg))
        let labels = Markup.texts(in: axis)
        #expect(!labels.isEmpty)
        #expect(labels.allSatisfy { Int($0.text).map { (2023 - years + 1)...2023 ~= $0 } ?? false })
        for (a, b) in zip(labels, labels.dropFirst()) {
            #expect(
                b.x - a.x > yearLabelWidth, "\(years) years at \(width) px: \(a.text) at \(a.x), \(b.text) at \(b.x)")
            #expect(Int(b.text)! > Int(a.text)!)
        }
        // Inside the drawing, and not thinned more than needed: roughly one label every 80 px at most.
        #expect(labels.allSatisfy { $0.x - yearLabelWidth / 2 >= 0 && $0.x + yearLabelWidth / 2 <= width })
        #expect(labels.count >= min(years, Int(width / 160)), "\(labels.map(\.text))")
        if years == 10 && width == 760 { #expect(labels.count == 10) }
        if years == 1 { #expect(labels.map(\.text) == ["2023"]) }
    }

    @Test("the thinning steps: every year when there is room, then 2, 5, 10 or 20")
    func steps() {
        #expect(TimelineLayout.yearStep(years: 10, plotWidth: 580) == 1)
        #expect(TimelineLayout.yearStep(years: 70, plotWidth: 580) == 5)
        #expect(TimelineLayout.yearStep(years: 120, plotWidth: 580) == 10)
        #expect(TimelineLayout.yearStep(years: 120, plotWidth: 220) == 20)
        #expect([1, 2, 5, 10, 20].contains(TimelineLayout.yearStep(years: 25, plotWidth: 580)))
    }

    @Test("activities on the same day or overlapping in time get rows of their own: no circle covers another")
    func overlappingActivities() throws {
        let day = Day(year: 2019, month: 6, day: 1)
        let items: [Timeline.Item] = [
            .init(kind: .activity, label: "Big", from: day, size: 500),
            .init(kind: .activity, label: "Small", from: day, size: 5),
            .init(kind: .activity, label: "Uncounted", from: day),
            .init(
                kind: .activity, label: "Programme", from: Day(year: 2019, month: 1, day: 1),
                to: Day(year: 2019, month: 12, day: 31), size: 60),
            .init(kind: .activity, label: "Next day", from: Day(year: 2019, month: 6, day: 2), size: 30),
            .init(kind: .activity, label: "Far away", from: Day(year: 2022, month: 6, day: 1), size: 20),
            .init(kind: .milestone, label: "Signing", from: day),
            .init(kind: .milestone, label: "Same day", from: day),
        ]
        for years in [6, 70] {
            let svg = Charts.timeline(timeline(years: years, items: items), title: "T", description: "d", id: "t")
            let circles = Markup.circles(in: try #require(Markup.group("activities", in: svg)))
            #expect(circles.count == 6)
            for (i, a) in circles.enumerated() {
                for b in circles[(i + 1)...] {
                    let distance = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
                    #expect(distance >= a.r + b.r, "\(years) years: \(a) overlaps \(b)")
                }
            }
            // The programme spans the day of the others: it is on a row of its own, its year drawn as a line.
            let rows = Set(circles.map(\.y))
            #expect(rows.count >= 4)
            let diamonds = Markup.matches(#"<path d="M ([-0-9.]+) ([-0-9.]+) L "#, in: svg)
            #expect(diamonds.count == 2 && diamonds[0] != diamonds[1])
            // Every circle lies inside the drawing.
            let height = try #require(
                Markup.matches(#"viewBox="0 0 [0-9.]+ ([0-9.]+)""#, in: svg).first.flatMap { Double($0[0]) })
            #expect(circles.allSatisfy { $0.y + $0.r <= height })
        }
        // Far apart, marks share a row.
        let apart = Charts.timeline(
            timeline(
                years: 6,
                items: [
                    .init(kind: .activity, label: "A", from: Day(year: 2018, month: 6, day: 1), size: 10),
                    .init(kind: .activity, label: "B", from: Day(year: 2022, month: 6, day: 1), size: 10),
                ]), title: "T", description: "d", id: "t")
        #expect(Set(Markup.circles(in: try #require(Markup.group("activities", in: apart))).map(\.y)).count == 1)
    }

    @Test("circles sized by participants come with a size legend whose largest circle is the largest activity's")
    func sizeLegend() throws {
        let items: [Timeline.Item] = [
            .init(kind: .activity, label: "Webinar", from: Day(year: 2022, month: 6, day: 28), size: 437),
            .init(kind: .activity, label: "Visit", from: Day(year: 2019, month: 3, day: 1), size: 12),
        ]
        let svg = Charts.timeline(
            timeline(years: 6, items: items, sizes: "Participants"), title: "T", description: "d", id: "t")
        let legend = try #require(Markup.group("size-legend", in: svg))
        #expect(Markup.texts(in: legend).map(\.text) == ["Participants", "20", "100", "437"])
        let activityRadii = Markup.circles(in: try #require(Markup.group("activities", in: svg))).map(\.r)
        #expect(Markup.circles(in: legend).map(\.r).max() == activityRadii.max())
        #expect(TimelineLayout.legendValues(biggest: 1) == [1])

        let unsized = Charts.timeline(
            timeline(years: 6, items: [.init(kind: .activity, label: "Talk", from: Day(year: 2020, month: 1, day: 1))]),
            title: "T", description: "d", id: "t")
        #expect(Markup.group("size-legend", in: unsized) == nil)
    }

    @Test("no text in any chart is smaller than 11 px")
    func textSize() {
        let data = [
            ChartDatum(label: "2019", value: 10.35, display: "10,35"),
            ChartDatum(label: "2020", value: 10.49, display: "10,49"),
        ]
        let charts = [
            Charts.wheel(data, title: "W", description: "w", id: "w"),
            Charts.bars(data, title: "B", description: "b", id: "b"),
            Charts.trend(data, title: "T", description: "t", id: "t"),
            Charts.timeline(
                timeline(
                    years: 70,
                    items: [
                        .init(
                            kind: .agreement, label: "MoU", shortLabel: "Memorandum of Understanding",
                            from: Day(year: 2023, month: 11, day: 1), openEnded: true),
                        .init(kind: .activity, label: "Visit", from: Day(year: 2019, month: 3, day: 1), size: 12),
                    ]), title: "L", description: "l", id: "l"),
            Charts.rankIntervals(
                [.init(label: "Surabaya", nominal: 1, median: 1, low: 1, high: 2)], title: "R", description: "r",
                id: "r"),
        ]
        for svg in charts {
            let sizes = Markup.matches(#"font-size="([0-9.]+)""#, in: svg).compactMap { Double($0[0]) }
            #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 11 }, "\(sizes)")
            // Drawn at its own size: a page never shrinks it (and its text) below 11 px.
            #expect(svg.hasPrefix("<svg ") && svg.contains(#" width=""#) && svg.contains(#" height=""#))
        }
    }
}

@Suite struct BundledFrameworkNameTests {
    let frameworks: [Framework]

    init() throws { frameworks = try Bundled.load("frameworks.json").frameworks }

    @Test("every node of every bundled framework has an English and an Indonesian name")
    func everyNodeNamed() {
        #expect(frameworks.count >= 5)
        for framework in frameworks {
            for node in framework.nodes {
                let english = node.name.en?.trimmingCharacters(in: .whitespaces) ?? ""
                let indonesian = node.name.id?.trimmingCharacters(in: .whitespaces) ?? ""
                #expect(!english.isEmpty && !indonesian.isEmpty, "\(framework.id) \(node.id)")
            }
        }
    }

    @Test("what readers see of each framework, node and unit is written for them in both languages")
    func aboutAndUnitsInBothLanguages() {
        func both(_ text: LocalizedText?) -> Bool {
            [text?.en, text?.id].allSatisfy { !($0?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) }
        }
        for framework in frameworks {
            #expect(both(framework.about), "\(framework.id)")
            for node in framework.nodes {
                if node.provenance != nil { #expect(both(node.about), "\(framework.id) \(node.id)") }
                if let unit = node.unit { #expect(both(node.unitName) && node.unitName?.en == unit, "\(node.id)") }
                // The researchers' working notes stay in `provenance`, never in what readers see.
                #expect(!(node.about?.en ?? "").contains("flipbook") && !(node.about?.en ?? "").contains("editorial"))
            }
        }
    }

    @Test("Kembar's translations are marked; names the sources give are not")
    func translationsMarked() throws {
        func nodes(_ id: FrameworkKey) throws -> [FrameworkNode] {
            try #require(frameworks.first { $0.id == id }).nodes
        }
        for framework in frameworks {
            for node in framework.nodes {
                #expect(node.translated == nil || node.translated == [.id], "\(framework.id) \(node.id)")
            }
        }
        // Published in English only: every name in Indonesian is Kembar's.
        let u4ssc = try nodes("itu-u4ssc-kpis")
        #expect(u4ssc.count > 100 && u4ssc.allSatisfy { $0.isTranslated(.id) && !$0.isTranslated(.en) })
        #expect(try nodes("giffinger-2007-european-smart-cities").allSatisfy { $0.isTranslated(.id) })
        // Named in Indonesian by the sources: Kominfo's elements, Amalia et al.'s key aspects, Cohen's components.
        #expect(try nodes("id-kominfo-gerakan-menuju-100-smart-city").allSatisfy { $0.translated == nil })
        #expect(try nodes("amalia-2023-six-indicators").allSatisfy { $0.translated == nil })
        let cohen = try #require(frameworks.first { $0.id == "cohen-smart-city-wheel" })
        #expect(cohen.dimensions.allSatisfy { $0.translated == nil })
        #expect(cohen.dimensions.flatMap(\.children).allSatisfy { $0.isTranslated(.id) })
        #expect(cohen.node("people")?.name.id == "Masyarakat cerdas")
        #expect(try #require(u4ssc.first { $0.id == "SC:EH:H:1C" }).name.id == "Angka Harapan Hidup")
    }

    @Test("the translation marker is optional: absent it decodes as nil and is not written")
    func markerOptional() throws {
        let old = #"{"id":"x","level":"dimension","name":{"en":"X"},"verification":"verified","children":[]}"#
        let node = try JSONDecoder().decode(FrameworkNode.self, from: Data(old.utf8))
        #expect(node.translated == nil && !node.isTranslated(.id))
        let written = String(decoding: try JSONEncoder().encode(node), as: UTF8.self)
        #expect(!written.contains("translated"))
        var marked = node
        marked.name.id = "X (terjemahan)"
        marked.translated = [.id]
        let text = String(decoding: try JSONEncoder().encode(marked), as: UTF8.self)
        #expect(text.contains(#""translated":["id"]"#))
        #expect(try JSONDecoder().decode(FrameworkNode.self, from: Data(text.utf8)) == marked)
    }
}
