import Foundation
import KembarCore
import Testing

@testable import KembarReport

/// The bundled data, read from the source tree so the report is tested on exactly what ships.
enum ReportFixtures {
    static func load(_ name: String) throws -> Dataset {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KembarStorage/Bundled/\(name)")
        return try DatasetCodec.decode(try Data(contentsOf: url))
    }

    static func founding(
        framework: FrameworkKey = "cohen-smart-city-wheel", partnership: PartnershipKey = "surabaya-liverpool"
    ) throws -> EvaluationReport {
        let data = try #require(try load("founding.json").slice(partnership: partnership))
        return try EvaluationReport.make(
            data, partnership: partnership, framework: framework,
            library: FrameworkLibrary(try load("frameworks.json")), asOf: Day(year: 2023, month: 12, day: 31))
    }
}

@Suite struct FoundingReportTests {
    @Test("the English report states the paper's conclusions")
    func english() throws {
        let html = try ReportFixtures.founding().html(.en)
        for sentence in [
            "All 8 delivered activities fall under Smart People.",
            "All of it is soft infrastructure (people, inclusion and participation).",
            "Of the 4 fields of the agreement, 2 are implemented (2/4): Smart city development and Human-resource "
                + "development.",
            "No completed activity in: Creative economy development and Port management.",
            "Per year — 2018: 1 activity, 12 participants; 2019: 2 activities, 13 participants; "
                + "2020: 2 activities, ~250 participants; 2022: 3 activities, ~437 participants.",
            "Status on 31 December 2023: active",
            "The agreement in force states no end date, so renewal cannot be checked.",
        ] {
            #expect(html.contains(SVG.escape(sentence)), "\(sentence)")
        }
    }

    @Test("the Indonesian report states the paper's conclusions")
    func indonesian() throws {
        let html = try ReportFixtures.founding().html(.id)
        for sentence in [
            "Seluruh 8 kegiatan yang terlaksana termasuk dimensi Masyarakat cerdas.",
            "Seluruhnya merupakan infrastruktur lunak (soft infrastructure: masyarakat, inklusi dan partisipasi).",
            "Dari 4 bidang dalam perjanjian, 2 terlaksana (2/4): Pengembangan kota pintar dan Pengembangan sumber "
                + "daya manusia.",
            "Belum ada kegiatan selesai di bidang: Pengembangan ekonomi kreatif dan Manajemen pelabuhan.",
            "Per tahun — 2018: 1 kegiatan, 12 peserta; 2019: 2 kegiatan, 13 peserta; 2020: 2 kegiatan, ~250 peserta; "
                + "2022: 3 kegiatan, ~437 peserta.",
            "Status per 31 Desember 2023: aktif",
        ] {
            #expect(html.contains(SVG.escape(sentence)), "\(sentence)")
        }
        #expect(html.contains("<html lang=\"id\">"))
    }

    @Test("against Kominfo the report names Smart Society and lists the Amalia tags it cannot place")
    func kominfo() throws {
        let html = try ReportFixtures.founding(framework: "id-kominfo-gerakan-menuju-100-smart-city").html(.en)
        #expect(html.contains("All 8 delivered activities fall under Smart Society."))
        #expect(html.contains("amalia-2023-six-indicators:people: no crosswalk to this framework"))
    }

    @Test("the HTML is self-contained: inline charts, print CSS, no external resource")
    func selfContained() throws {
        let html = try ReportFixtures.founding().html(.en)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.components(separatedBy: "<svg ").count - 1 >= 4)  // timeline, wheel, bars, poverty trend
        #expect(html.contains("role=\"img\" aria-labelledby=\"wheel-en-title wheel-en-desc\""))
        #expect(!html.contains("<link") && !html.contains("src=\""))
        // Columns of numbers are right-aligned, their headers with them; columns of words are not.
        #expect(html.contains(#"<th class="n">"#) && html.contains(#"<td class="n">"#) && html.contains("<th>"))
        // One script only: the print button's, which the web app allows by its hash.
        #expect(
            html.components(separatedBy: "<script").count == 2 && html.contains("<script>\(PrintFrame.script)</script>")
        )
    }

    @Test("a partnership with no completed activity says so instead of tables and charts of zeros")
    func nothingCompleted() throws {
        let html = try ReportFixtures.founding(partnership: "surabaya-kitakyushu").html(.id)
        #expect(html.contains("Belum ada kegiatan selesai yang tercatat: belum ada yang dihitung per dimensi."))
        #expect(html.contains("Belum ada kegiatan selesai yang tercatat: belum ada yang dihitung per arah."))
        #expect(!html.contains("id=\"wheel-id-title\""), "no all-zero radar")
        // The office's name in each printed page's margin, escaped for CSS.
        let framed = try ReportFixtures.founding().html(.en, frame: PrintFrame(office: #"Office "A""#))
        #expect(framed.contains(#"@bottom-left { content: "Office \22 A\22 ""#))
        #expect(framed.contains(#"content: "Page " counter(page) " of " counter(pages)"#))
    }

    @Test("sources are numbered in order of first citation and listed in full")
    func sources() throws {
        let html = try ReportFixtures.founding().html(.en)
        #expect(html.contains("<ol class=\"sources\"><li>Handayani, Putri Amalina; Zahidi, M. Syaprin (2024)."))
        #expect(html.contains("[1, 2]"))
    }

    @Test("Markdown carries the same sentences, escaped")
    func markdown() throws {
        let md = try ReportFixtures.founding().markdown(.id)
        #expect(md.hasPrefix("# Evaluasi kemitraan kota kembar Surabaya–Liverpool"))
        #expect(md.contains("Seluruh 8 kegiatan yang terlaksana termasuk dimensi Masyarakat cerdas."))
        #expect(md.contains("2020: 2 kegiatan, \\~250 peserta"))
        #expect(md.contains("| Tahun | Kegiatan | Peserta |"))
        #expect(!md.contains("<svg"))
    }

    @Test("JSON decodes back to the same evaluation")
    func json() throws {
        let report = try ReportFixtures.founding()
        let text = try report.render(.json, .en)
        let decoded = try JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8))
        #expect(decoded.evaluation == report.evaluation && decoded.comparison == report.comparison)
    }

    @Test("text from the data is escaped in HTML and Markdown")
    func escaping() throws {
        var report = try ReportFixtures.founding()
        // Milestone titles reach both formats (timeline chart and milestone table).
        report.data.milestones = report.data.milestones.map { milestone in
            var copy = milestone
            copy.title = LocalizedText(en: "<script>alert('x')</script> & | *bold*", id: "<b>x</b>")
            return copy
        }
        let html = report.html(.en)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | *bold*"))
        let md = report.markdown(.en)
        // Markdown escapes for Markdown, never with HTML entities.
        #expect(md.contains("\\<script\\>alert('x')\\</script\\> & \\| \\*bold\\*"))
    }
}

@Suite struct ChartTests {
    let data = [
        ChartDatum(label: "Smart People", value: 8, display: "8"),
        ChartDatum(label: "Smart <Living>", value: 0, display: "0"),
        ChartDatum(label: "Smart Economy", value: 2, display: "2"),
    ]

    @Test("every chart is one SVG with an accessible title and description, and escapes its labels")
    func accessible() {
        let timeline = Timeline(
            from: Day(year: 2017, month: 5, day: 17), to: Day(year: 2023, month: 12, day: 31), asOfLabel: "as of",
            laneLabels: .init(milestones: "M", agreements: "A", activities: "Act"),
            items: [
                .init(kind: .milestone, label: "LoI & <visit>", from: Day(year: 2017, month: 5, day: 17)),
                .init(
                    kind: .agreement, label: "MoU", shortLabel: "MoU", from: Day(year: 2018, month: 3, day: 19),
                    openEnded: true),
                .init(kind: .activity, label: "Webinar", from: Day(year: 2022, month: 6, day: 28), size: 237),
            ])
        let charts = [
            Charts.wheel(data, title: "Wheel", description: "w", id: "w"),
            Charts.bars(data, title: "Bars", description: "b", id: "b"),
            Charts.trend(data, title: "Trend", description: "t", id: "t"),
            Charts.timeline(timeline, title: "Timeline", description: "l", id: "l"),
        ]
        for svg in charts {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.hasSuffix("</svg>"))
            #expect(svg.contains("role=\"img\"") && svg.contains("<title id="))
            #expect(!svg.contains("<Living>") && !svg.contains("<visit>"))
        }
        #expect(charts[0].contains("Smart &lt;Living&gt;"))
        #expect(charts[3].contains("stroke-dasharray=\"5 3\""))  // the open-ended MoU
    }

    @Test("the wheel has one axis per dimension and a point only where something was delivered")
    func wheel() {
        let svg = Charts.wheel(data, title: "Wheel", description: "w", id: "w")
        #expect(svg.components(separatedBy: "<line ").count - 1 == 3)
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 2)
    }

    @Test("bars scale to the largest value")
    func bars() {
        let svg = Charts.bars(data, title: "Bars", description: "b", id: "b")
        #expect(svg.contains("width=\"380\" height=\"16\" fill=\"#0b6e4f\""))
        #expect(svg.contains("width=\"95\" height=\"16\" fill=\"#0b6e4f\""))
    }
}

@Suite struct ReportStringTests {
    @Test("every heading, status, element, judgement and column differs between the languages")
    func bilingual() {
        for heading in ReportStrings.Heading.allCases {
            #expect(ReportStrings.heading(heading, .en) != ReportStrings.heading(heading, .id))
        }
        for status in PartnershipStatus.allCases {
            #expect(ReportStrings.status(status, .en) != ReportStrings.status(status, .id))
            let reason = StatusReason(status: status, date: try? PartialDate(parsing: "2020-01-01"), days: 3)
            #expect(
                ReportStrings.reason(reason, agreement: nil, .en) != ReportStrings.reason(reason, agreement: nil, .id))
        }
        for element in KeyElement.allCases {
            #expect(ReportStrings.element(element, .en) != ReportStrings.element(element, .id))
            #expect(ReportStrings.rule(element, .init(), .en) != ReportStrings.rule(element, .init(), .id))
        }
        for judgement in Judgement.allCases {
            #expect(ReportStrings.judgement(judgement, .en) != ReportStrings.judgement(judgement, .id))
        }
        for column in ReportStrings.Column.allCases where column != .hostedInCity && column != .hostedInPartner {
            #expect(ReportStrings.column(column, .en) != ReportStrings.column(column, .id), "\(column)")
        }
    }
}
