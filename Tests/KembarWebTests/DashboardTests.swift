import FluentSQL
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// The ministry's dashboard: filters, sorting by any column, pages, counts and the stage funnel, in both languages;
/// values from a newer Kembar shown as such.
@Suite struct DashboardTests {
    @Test(arguments: TestBackend.enabled)
    func filtersSortAndTheFunnelFollowTheQuery(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "/?asOf=2023-12-31&sort=last-activity&order=desc") { res async in
                let page = res.body.string
                #expect(res.status == .ok)
                // The sorted column says so and links to the other order; the others sort ascending first.
                #expect(
                    page.contains(
                        #"aria-sort="descending"><a href="/?asOf=2023-12-31&amp;order=asc&amp;sort=last-activity">"#))
                #expect(page.contains(#"<a href="/?asOf=2023-12-31&amp;order=asc&amp;sort=title">"#))
                // Liverpool (last activity 2022) comes before Kitakyushu (none).
                let liverpool = page.firstRange(of: "/partnerships/surabaya-liverpool\">")?.lowerBound
                let kitakyushu = page.firstRange(of: "/partnerships/surabaya-kitakyushu\">")?.lowerBound
                #expect(liverpool != nil && kitakyushu != nil && liverpool! < kitakyushu!)
                // The funnel counts the selection by stage, each a link narrowing to it.
                #expect(page.contains(#"stage=implementation">implementation</a> <span class="number">1</span>"#))
                #expect(page.contains(#"stage=none">not recorded</a> <span class="number">1</span>"#))
                #expect(page.contains(#"status=active">active</a> <span class="number">1</span>"#))
            }
            try await app.testing().test(.GET, "/?status=active&asOf=2023-12-31&lang=id") { res async in
                let page = res.body.string
                #expect(page.contains("surabaya-liverpool") && !page.contains("/partnerships/surabaya-kitakyushu"))
                #expect(page.contains("Tahap dari pilihan ini") && page.contains("(1 / 2)"))
            }
            try await app.testing().test(.GET, "/?country=FR") { res async in
                let page = res.body.string
                #expect(page.contains("No partnership matches these filters."))
                #expect(page.contains(#"<a href="/">Clear the filters</a>"#))
            }
            // Unreadable filters are ignored, never an error (a NUL anywhere in the address is a bad request:
            // OpenDataTests).
            try await app.testing().test(.GET, "/?year=99999999999999999999&sort=nonsense&order=%E2%80%AE&page=-4") {
                res async in
                #expect(res.status == .ok && res.body.string.contains("surabaya-liverpool"))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func valuesAndRecordsFromANewerKembarAreNamedNotErrors(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let sql = try #require(app.kembarStore.database as? any SQLDatabase)
            try await sql.raw("UPDATE partnership_summaries SET stage = 'negotiation' WHERE key = 'surabaya-liverpool'")
                .run()
            try await sql.raw(
                "UPDATE records SET format = 3 WHERE kind = 'activity' AND key = 'sbylpl-2020-trfc-coaching-clinic'"
            )
            .run()
            try await app.testing().test(.GET, "/") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("negotiation (not known to this version)"))
            }
            try await app.testing().test(.GET, "/activities/sbylpl-2020-trfc-coaching-clinic") { res async in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("written by a newer version of Kembar"))
            }
            try await app.testing().test(.GET, "/activities/sbylpl-2020-trfc-coaching-clinic?lang=id") { res async in
                #expect(res.status == .conflict && res.body.string.contains("versi Kembar yang lebih baru"))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aCachedPageIsNeverServedAfterAWrite(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            for path in ["/?asOf=2023-12-31", "/partnerships/surabaya-liverpool?asOf=2023-12-31"] {
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.body.string.contains("Surabaya – Liverpool") && !res.body.string.contains("Merseyside"))
                }
            }
            var liverpool = try #require(try await app.kembarStore.repository.city("liverpool"))
            liverpool.name = LocalizedText(en: "Liverpool, Merseyside")
            try await app.kembarStore.repository.importDataset(Dataset(cities: [liverpool]))
            for path in ["/?asOf=2023-12-31", "/partnerships/surabaya-liverpool?asOf=2023-12-31"] {
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.body.string.contains("Surabaya – Liverpool, Merseyside"), "\(path)")
                }
            }
        }
    }

    @Test func longListsArePagedWithASearch() async throws {
        try await withKembarApp(.sqlite) { app in
            try await app.testing().test(.GET, "/sources?page=2") { res async in
                let page = res.body.string
                #expect(page.contains("rel=\"prev\"") && page.contains("Nothing matches this search."))
            }
            try await app.testing().test(.GET, "/sources?q=badan") { res async in
                let page = res.body.string
                #expect(page.contains("Badan Pusat Statistik") && !page.contains("Handayani"))
                #expect(page.contains(#"<input type="search" name="q" value="badan">"#))
            }
            try await app.testing().test(.GET, "/organisations?q=zzzz") { res async in
                #expect(res.body.string.contains("Nothing matches this search."))
            }
        }
    }
}
