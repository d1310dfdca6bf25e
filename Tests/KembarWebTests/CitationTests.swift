import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// One numbering per document: the partnership page and the evaluation embedded in it never give two numbers to one
/// source, nor one number to two sources.
@Suite struct CitationTests {
    @Test(arguments: TestBackend.enabled)
    func thePageAndItsEvaluationShareOneNumbering(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=en") { res async throws in
                let page = res.body.string
                // The sources section: "[n] Author (year). Title." once per source, numbered 1…N without gaps.
                let listed = Self.matches(#"\[(\d+)\] [^<]+"#, in: page).compactMap { Int($0[1]) }
                #expect(!listed.isEmpty)
                #expect(listed == Array(1...listed.count), "each source exactly once, numbered in order")
                // Every activity is cited with the same numbers in the activities table and in the evaluation's
                // evidence lists.
                let data = try #require(try await app.kembarStore.repository.dataset(partnership: "surabaya-liverpool"))
                var compared = 0
                for activity in data.activities {
                    let title = NSRegularExpression.escapedPattern(for: Self.escape(activity.title.text(.en)))
                    let citations = Set(Self.matches(title + #" (\[[\d, ]+\])"#, in: page).map { $0[1] })
                    #expect(citations.count == 1, "\(activity.id) is cited as \(citations.sorted())")
                    compared += Self.matches(title + #" (\[[\d, ]+\])"#, in: page).count
                }
                #expect(compared >= 2 * data.activities.count, "the table and the evaluation both cite each activity")
                let highest = Self.matches(#"\[([\d, ]+)\]"#, in: page).flatMap {
                    $0[1].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                }.max()
                #expect((highest ?? 0) <= listed.count, "no citation beyond the listed sources")
            }
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { i in
                Range(match.range(at: i), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }
}

/// A stored value at the edge of what a Double holds must not trap any page that shows it.
@Suite struct HostileValueTests {
    @Test(arguments: TestBackend.enabled)
    func aHugeObservationLeavesEveryPageStanding(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let huge = Observation(
                id: "surabaya.huge", city: "surabaya",
                indicator: FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC:SH:SI:3C"),
                period: try PartialDate(parsing: "2024"), value: 1e19)
            let tiny = Observation(
                id: "liverpool.tiny", city: "liverpool",
                indicator: FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC:SH:SI:3C"),
                period: try PartialDate(parsing: "2024"), value: -1e300)
            try await app.kembarStore.repository.importDataset(Dataset(observations: [huge, tiny]))
            for path in [
                "/cities/surabaya", "/cities/liverpool", "/index", "/index?from=2024&to=2020",
                "/partnerships/surabaya-liverpool", "/partnerships/surabaya-liverpool/report?format=md",
                "/api/v1/cities/surabaya/profile",
            ] {
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.status == .ok, "\(path)")
                }
            }
            try await app.testing().test(.GET, "/cities/surabaya?lang=en") { res async in
                #expect(res.body.string.contains("1e+19"))
            }
        }
    }
}

/// Two editors with the same form open: the second save is refused with who changed the record, and nothing typed
/// is lost.
@Suite struct StaleEditTests {
    @Test(arguments: TestBackend.enabled)
    func aStaleEditIsRefusedWithItsAuthorAndTheInputKept(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let path = "/edit/activities/sbylpl-2020-trfc-coaching-clinic?lang=en"
            try await app.testing().test(.GET, path, beforeRequest: { req in admin.sign(&req) }) { res async in
                #expect(res.body.string.contains(#"name="_version" value="1""#))
            }
            var form = try #require(
                try await app.kembarStore.repository.formValues(.activities, key: "sbylpl-2020-trfc-coaching-clinic"))
            form["_version"] = "1"
            // Meanwhile another editor saves the record.
            var theirs = form
            theirs["note"] = "Changed by Budi."
            theirs.removeValue(forKey: "_version")
            try await app.kembarStore.repository.save(
                .activities, values: theirs, creating: false, as: WriteContext(actor: "budi", channel: .form),
                basedOn: 1)
            var mine = form
            mine["title_en"] = "My better title"
            try await app.testing().test(
                .POST, path,
                beforeRequest: { req in
                    try req.content.encode(admin.form(mine), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                let page = res.body.string
                #expect(page.contains("Not saved: budi changed this record"))
                #expect(page.contains("My better title"), "what the user typed is kept")
                #expect(page.contains(#"name="_version" value="2""#), "a second save is a deliberate one")
                #expect(page.contains("Note"), "the differing field is named")
            }
            let stored = try await app.kembarStore.repository.activity("sbylpl-2020-trfc-coaching-clinic")
            #expect(stored?.note == "Changed by Budi." && stored?.title.en != "My better title")
            mine["_version"] = "2"
            try await app.testing().test(
                .POST, path,
                beforeRequest: { req in
                    try req.content.encode(admin.form(mine), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .seeOther || res.status == .found)
            }
            #expect(
                try await app.kembarStore.repository.activity("sbylpl-2020-trfc-coaching-clinic")?.title.en
                    == "My better title")
        }
    }
}

/// The dashboard renders a bounded page whatever the registry holds.
@Suite struct DashboardPagingTests {
    @Test(arguments: TestBackend.enabled)
    func aLargeRegistryIsPagedFiftyAtATime(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            var batch = ImportBatch()
            let text = try String(contentsOfFile: sharedFixture("twin-links-indonesia.csv"), encoding: .utf8)
            batch.addCSV(
                text, file: "links.csv",
                pairs: try await app.kembarStore.repository.pairListContext(forCSV: text, file: "links.csv"))
            try await app.kembarStore.repository.importBatch(batch)
            let total = try await app.kembarStore.repository.partnerships().count
            #expect(total > 60)
            func rows(_ page: String) -> Int { page.components(separatedBy: "<th scope=\"row\">").count - 1 }
            try await app.testing().test(.GET, "/?lang=en") { res async in
                let page = res.body.string
                #expect(rows(page) == 50)
                #expect(page.contains("1–50 of \(total)"))
                #expect(page.contains(#"href="/?lang=en&amp;page=2" rel="next""#))
            }
            try await app.testing().test(.GET, "/?lang=id&page=2") { res async in
                let page = res.body.string
                #expect(rows(page) == total - 50)
                #expect(page.contains("51–\(total) dari \(total)") && page.contains(#"rel="prev""#))
            }
            for hostile in ["999", "-5", "0", "x"] {
                try await app.testing().test(.GET, "/?page=\(hostile)") { res async in
                    #expect(res.status == .ok && rows(res.body.string) > 0, "page=\(hostile)")
                }
            }
        }
    }
}
