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
