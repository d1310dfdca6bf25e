import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// A partnership page opens with whether the partnership is alive and what is owed, before any detail.
@Suite struct StatusHeaderTests {
    /// The text of the page's first section.
    static func header(_ app: Application, _ path: String) async throws -> String {
        var text = ""
        try await app.testing().test(.GET, path) { res async in
            #expect(res.status == .ok)
            let page = res.body.string
            guard let start = page.range(of: "<section")?.lowerBound,
                let end = page[start...].range(of: "</section>")?.upperBound
            else { return }
            text = String(page[start..<end])
        }
        return text
    }

    @Test(arguments: TestBackend.enabled)
    func theFirstSectionSaysWhetherItIsAliveAndWhatIsOwed(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let active = try await Self.header(app, "/partnerships/surabaya-liverpool?lang=en&asOf=2019-12-31")
            #expect(active.contains(#"id="status""#) && active.contains("Status now"))
            #expect(active.contains(#"<span class="badge s-active">active</span>"#))
            #expect(
                active.contains(
                    "Memorandum of Understanding on sister-city cooperation between Surabaya and Liverpool (no end date)"
                ))
            #expect(active.contains(" of 4 — not yet: "))
            #expect(active.contains("The agreement in force states no end date, so renewal cannot be checked."))
            // Years later nothing new is recorded: dormant, and the next step says so.
            let dormant = try await Self.header(app, "/partnerships/surabaya-liverpool?lang=id&asOf=2026-12-01")
            #expect(dormant.contains("s-dormant") && dormant.contains("sepakati kegiatan berikutnya"))
            // A stage the facts contradict is flagged.
            var kitakyushu = try #require(try await app.kembarStore.repository.partnership("surabaya-kitakyushu"))
            kitakyushu.stage = .implementation
            try await app.kembarStore.repository.importDataset(Dataset(partnerships: [kitakyushu]))
            let flagged = try await Self.header(app, "/partnerships/surabaya-kitakyushu?lang=en")
            #expect(flagged.contains("s-exploring"))
            #expect(flagged.contains("none in force") && flagged.contains("none delivered yet"))
            #expect(flagged.contains("the stage is recorded as “implementation” but no binding agreement is signed"))
        }
    }

    @Test func aRecordedStageIsCheckedAgainstTheStatus() {
        #expect(StatusHeader.contradicts(.implementation, .exploring))
        #expect(!StatusHeader.contradicts(.implementation, .active))
        #expect(StatusHeader.contradicts(.exploration, .active))
        #expect(StatusHeader.contradicts(.ended, .active))
        #expect(!StatusHeader.contradicts(.ended, .expired))
    }
}

/// Pages read as a clerk expects: where an activity belongs, empty parts said in words, a DOI to follow.
@Suite struct ReadablePagesTests {
    static func page(_ app: Application, _ path: String) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, path) { res async in
            #expect(res.status == .ok, "\(path)")
            body = res.body.string
        }
        return body
    }

    /// Tags, countries, cities and crosswalks are shown by name, never by their codes.
    @Test func namesNotCodes() async throws {
        try await withKembarApp(.sqlite) { app in
            let activity = try await Self.page(app, "/activities/sbylpl-2018-u14-football-delegation?lang=id")
            #expect(activity.contains("Masyarakat cerdas (Roda Kota Cerdas (Boyd Cohen))"))
            #expect(!activity.contains("cohen-smart-city-wheel:people"))
            let school = try await Self.page(app, "/organisations/st-vincents-school?lang=id")
            #expect(school.contains("<dd>Britania Raya</dd>") && school.contains(">Kota Liverpool</a>"))
            let initiative = try await Self.page(app, "/initiatives/sipaku?lang=en")
            #expect(initiative.contains(#"<dd><a href="/cities/surabaya">Surabaya</a>"#))
            let city = try await Self.page(app, "/cities/surabaya?lang=en")
            #expect(city.contains("<dd>Indonesia · Jawa Timur</dd>"))
            let framework = try await Self.page(app, "/frameworks/cohen-smart-city-wheel?lang=en")
            #expect(
                framework.contains("Cohen&#39;s Smart City Wheel →")
                    || framework.contains("Smart City Wheel (Boyd Cohen) →"))
            #expect(!framework.contains(">cohen-smart-city-wheel → "))
            // What a framework and its indicators are, and their units, in the page's language.
            let u4ssc = try await Self.page(app, "/frameworks/itu-u4ssc-kpis?lang=id")
            #expect(u4ssc.contains("Indikator kinerja utama U4SSC untuk kota cerdas berkelanjutan"))
            #expect(u4ssc.contains("% rumah tangga") && !u4ssc.contains("check flipbook"))
            #expect(u4ssc.contains("(terjemahan Kembar)"))
            // A source's records grouped by kind, titled in the page's language, dated as recorded.
            let paper = try await Self.page(app, "/sources/handayani-zahidi-2024?lang=id")
            #expect(paper.contains(">Kegiatan</h2>") && paper.contains(">Kemitraan</h2>"))
            #expect(paper.contains("Juni 2019 — Sebelas delegasi Surabaya belajar"))
            #expect(paper.contains(#"<a href="/agreements/sbylpl-2018-mou">19 Maret 2018 — "#))
            #expect(paper.contains(">Kota Surabaya – Kota Liverpool</a>") && !paper.contains("1 Januari 2018"))
            #expect(paper.contains("Maret 2023 — Kemiskinan: 10,35 %</a>"))
            #expect(!paper.contains("surabaya.poverty-rate"))
            let surabaya = try await Self.page(app, "/cities/surabaya?lang=id")
            #expect(surabaya.contains("% penduduk di bawah garis kemiskinan") && !surabaya.contains("of inhabitants"))
            #expect(
                surabaya.contains("7,2575° LS, 112,7521° BT")
                    && surabaya.contains("kota pelabuhan, metropolitan, sepak bola"))
            #expect(!surabaya.contains(#"<p class="lead">surabaya</p>"#))
        }
    }

    /// The page and the printable report draw the timeline from the same facts, and its description lists them.
    @Test func thePageAndTheReportShareOneTimeline() async throws {
        try await withKembarApp(.sqlite) { app in
            func desc(_ html: String, _ id: String) -> String? {
                html.components(separatedBy: #"<desc id="\#(id)-desc">"#).dropFirst().first?
                    .components(separatedBy: "</desc>").first
            }
            let page = try await Self.page(app, "/partnerships/surabaya-liverpool?lang=id&asOf=2023-12-31")
            let report = try await Self.page(app, "/partnerships/surabaya-liverpool/report?lang=id&asOf=2023-12-31")
            let shown = try #require(desc(page, "timeline-surabaya-liverpool"))
            #expect(shown == desc(report, "timeline-id"))
            #expect(shown.contains("Juni 2019: Sebelas delegasi Surabaya belajar") && shown.contains("17 Mei 2017"))
            // Drawn again for phones, narrower, from the same facts: it fits a phone without shrinking its text.
            #expect(desc(page, "timeline-surabaya-liverpool-narrow") == shown)
            #expect(
                page.contains(#"<div class="narrow-only"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 "#))
        }
    }

    /// A title recorded in one language only is marked with its language on a page in the other.
    @Test func textInTheOtherLanguageCarriesItsLang() async throws {
        try await withKembarApp(.sqlite) { app in
            let repository = app.kembarStore.repository
            var activity = try #require(try await repository.activity("sbylpl-2018-u14-football-delegation"))
            activity.title = LocalizedText(en: "Only in English")
            try await repository.importDataset(Dataset(activities: [activity]))
            let page = try await Self.page(app, "/activities/sbylpl-2018-u14-football-delegation?lang=id")
            #expect(page.contains(#"<h1 lang="en">Only in English</h1>"#))
            let partnership = try await Self.page(app, "/partnerships/surabaya-liverpool?lang=id")
            #expect(
                partnership.contains(
                    #"lang="en"><a href="/activities/sbylpl-2018-u14-football-delegation">Only in English"#))
            // On an English page it is the page's language: no mark.
            let english = try await Self.page(app, "/activities/sbylpl-2018-u14-football-delegation?lang=en")
            #expect(english.contains("<h1>Only in English</h1>"))
        }
    }

    @Test func emptyPartsBreadcrumbsAndLinks() async throws {
        try await withKembarApp(.sqlite) { app in
            let activity = try await Self.page(app, "/activities/sbylpl-2018-u14-football-delegation?lang=en")
            #expect(
                activity.contains(
                    #"<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Dashboard</a></li><li><a href="/partnerships/surabaya-liverpool">Surabaya – Liverpool</a></li></ol></nav>"#
                ))
            #expect(!activity.contains(#"<p class="lead">sbylpl-2018"#), "no key as the lead")
            // A partnership with nothing recorded says so, without header-only tables or a chart of one year.
            let empty = try await Self.page(app, "/partnerships/surabaya-kitakyushu?lang=id")
            #expect(empty.contains("Belum ada yang tercatat: tidak ada tonggak, perjanjian, atau kegiatan."))
            let records = try #require(
                empty.components(separatedBy: #"<section id="records""#).dropFirst().first?
                    .components(separatedBy: "</section>").first)
            #expect(records.contains("belum ada yang tercatat.") && !records.contains("<thead>"))
            #expect(!empty.contains("timeline-surabaya-kitakyushu"))
            // The index's choices are a form, not an address to edit; its columns are in the page's language.
            let index = try await Self.page(app, "/index?lang=id")
            #expect(index.contains(#"<select id="i-framework" name="framework">"#))
            #expect(index.contains(#"<input type="checkbox" name="city[]" value="surabaya"> Kota Surabaya"#))
            #expect(!index.contains("?cities=a,b"))
            let chosen = try await Self.page(app, "/index?city%5B%5D=surabaya&from=2024&to=2019&lang=id")
            #expect(chosen.contains(#"value="surabaya" checked"#) && chosen.contains("Peringkat median"))
            #expect(
                chosen.contains(#"name="from" type="text" inputmode="numeric" maxlength="4" size="4" value="2019""#))
            let source = try await Self.page(app, "/sources/handayani-zahidi-2024?lang=id")
            #expect(source.contains(#"<a href="https://doi.org/10.22219/jurnalsospol.v10i1.32818">"#))
        }
    }
}

/// Agreements and milestones have pages of their own to read; their titles no longer open an edit form.
@Suite struct AgreementAndMilestonePagesTests {
    @Test(arguments: TestBackend.enabled)
    func agreementsAndMilestonesAreReadOnlyPages(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let partnership = try await ReadablePagesTests.page(app, "/partnerships/surabaya-liverpool?lang=en")
            #expect(partnership.contains(#"href="/agreements/sbylpl-2018-mou""#))
            #expect(partnership.contains(#"href="/milestones/sbylpl-2016-exploration""#))
            #expect(!partnership.contains(#"href="/edit/agreements/"#))
            let mou = try await ReadablePagesTests.page(app, "/agreements/sbylpl-2018-mou?lang=en")
            #expect(
                mou.contains(
                    "<h1>Memorandum of Understanding on sister-city cooperation between Surabaya and Liverpool</h1>"))
            #expect(mou.contains("19 March 2018") && mou.contains("Tri Rismaharini") && mou.contains("Port management"))
            #expect(mou.contains(#"<a href="/partnerships/surabaya-liverpool">Surabaya – Liverpool</a>"#))
            #expect(!mou.contains("/edit/agreements/"), "a public reader gets no edit link")
            let milestone = try await ReadablePagesTests.page(app, "/milestones/sbylpl-2016-exploration?lang=id")
            #expect(milestone.contains("Penjajakan resmi dimulai"))
            try await app.testing().test(.GET, "/agreements/nowhere") { res async in #expect(res.status == .notFound) }
        }
    }
}
