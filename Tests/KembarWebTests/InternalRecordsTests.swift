import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Records marked internal: a public reader finds them on no page, in no list, count or API answer, and cannot open
/// them; signed-in readers see them, marked as internal.
@Suite struct InternalRecordsTests {
    /// Every text of the hidden records holds this word, which nothing else in the founding dataset does.
    static let marker = "zzhidden"

    /// An internal partnership of Liverpool and Kitakyushu with an activity and a milestone under it (not marked
    /// themselves), and in Surabaya–Liverpool an internal activity citing an internal source, cited too by a published
    /// milestone.
    static func hidden() throws -> Dataset {
        let memo = Source(
            id: "port-memo-2024", kind: .report, title: "Zzhidden memo on the port visit", internal: true)
        let partnership = Partnership(
            id: "liverpool-kitakyushu-zzhidden", kind: .friendshipCity, name: LocalizedText(en: "Zzhidden exploration"),
            city: "liverpool", partnerCity: "kitakyushu", stage: .exploration, internal: true)
        func activity(_ key: String, _ partnership: PartnershipKey, internal: Bool?) throws -> Activity {
            Activity(
                id: ActivityKey(key), partnership: partnership, kind: .meeting,
                title: LocalizedText(en: "Zzhidden talks \(key)"), start: try PartialDate(year: 2024, month: 5),
                travel: .none,
                venue: .online, participants: [Participants(role: "official", count: 4)], status: .completed,
                sources: ["port-memo-2024"], internal: `internal`)
        }
        return Dataset(
            sources: [memo], partnerships: [partnership],
            milestones: [
                Milestone(
                    id: "zzhidden-first-call", partnership: partnership.id, kind: .meeting,
                    date: try PartialDate(year: 2024, month: 4),
                    title: LocalizedText(en: "Zzhidden first call")),
                Milestone(
                    id: "port-memo-read", partnership: "surabaya-liverpool", kind: .meeting,
                    date: try PartialDate(year: 2024, month: 6),
                    title: LocalizedText(en: "Port memo read"), sources: ["port-memo-2024"]),
            ],
            activities: [
                try activity("zzhidden-lk-call", partnership.id, internal: nil),
                try activity("zzhidden-sl-visit", "surabaya-liverpool", internal: true),
            ])
    }

    /// Every page and API answer a public reader can reach from the entry points by following links.
    static func publicCrawl(_ app: Application) async throws -> [String: String] {
        var queue = [
            "/", "/cities", "/organisations", "/sources", "/frameworks", "/index", "/?q=zzhidden", "/?lang=id",
            "/api/v1/partnerships", "/api/v1/sources", "/api/v1/cities", "/api/v1/partnerships?q=zzhidden",
            "/api/v1/cities/liverpool/profile", "/api/v1/cities/kitakyushu/profile",
            "/api/v1/partnerships/surabaya-liverpool", "/api/v1/partnerships/surabaya-liverpool/evaluation",
            "/partnerships/surabaya-liverpool/export.json",
        ]
        var seen = Set(queue)
        // Lists link to endless sortings and filters of themselves: a few of each page's variants are read.
        var variants: [String: Int] = [:]
        var bodies: [String: String] = [:]
        let skipped = ["/login", "/new/", "/edit/", "/delete/", "/import", "/history/", "/setup", "/account", "/users"]
        while let path = queue.first, bodies.count < 1000 {
            queue.removeFirst()
            try await app.testing().test(.GET, path) { res async in
                #expect(res.status.code < 500, "\(path)")
                bodies[path] = res.body.string
            }
            for link in (bodies[path] ?? "").components(separatedBy: "href=\"").dropFirst() {
                guard var target = link.components(separatedBy: "\"").first, target.hasPrefix("/") else { continue }
                target = target.components(separatedBy: "#")[0].replacingOccurrences(of: "&amp;", with: "&")
                let page = target.components(separatedBy: "?")[0]
                guard !skipped.contains(where: target.hasPrefix), !target.hasPrefix("/static"),
                    variants[page, default: 0] < 3, seen.insert(target).inserted
                else { continue }
                variants[page, default: 0] += 1
                queue.append(target)
            }
        }
        return bodies
    }

    @Test(arguments: TestBackend.enabled)
    func publicReadersNeverSeeInternalRecords(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            let before = try await repository.forPublic().partnershipCounts(
                PartnershipQuery(asOf: Day(year: 2026, month: 12, day: 1)))
            try await repository.importDataset(Self.hidden())

            let bodies = try await Self.publicCrawl(app)
            #expect(bodies.count > 100 && bodies.count < 1000, "\(bodies.count) pages: every reachable one")
            // (A search for the word shows it in its own search box and links.)
            let leaks = bodies.filter { path, body in
                body.lowercased().replacingOccurrences(of: "value=\"\(Self.marker)\"", with: "")
                    .replacingOccurrences(of: "q=\(Self.marker)", with: "").contains(Self.marker)
            }.keys.sorted()
            #expect(leaks == [], "pages showing an internal record")
            // The page of the published milestone citing the internal source is there, without the source.
            #expect(bodies["/partnerships/surabaya-liverpool"]?.contains("Port memo read") == true)
            for path in [
                "/partnerships/liverpool-kitakyushu-zzhidden", "/activities/zzhidden-lk-call",
                "/activities/zzhidden-sl-visit", "/sources/port-memo-2024",
                "/api/v1/partnerships/liverpool-kitakyushu-zzhidden", "/api/v1/sources/port-memo-2024",
                "/partnerships/liverpool-kitakyushu-zzhidden/report",
                "/partnerships/liverpool-kitakyushu-zzhidden/export.json",
            ] {
                try await app.testing().test(.GET, path) { res async in #expect(res.status == .notFound, "\(path)") }
            }
            // Counts: the public dashboard counts what it lists.
            let publicCounts = try await repository.forPublic().partnershipCounts(
                PartnershipQuery(asOf: Day(year: 2026, month: 12, day: 1)))
            let allCounts = try await repository.partnershipCounts(
                PartnershipQuery(asOf: Day(year: 2026, month: 12, day: 1)))
            #expect(publicCounts.total == before.total && allCounts.total == before.total + 1)
            #expect(publicCounts.byStage == before.byStage && publicCounts.byStatus == before.byStatus)
            var inLiverpool = PartnershipQuery(asOf: Day(year: 2026, month: 12, day: 1))
            inLiverpool.city = "liverpool"
            #expect(
                try await repository.forPublic().partnershipList(inLiverpool).rows.map(\.key) == ["surabaya-liverpool"])
            // The published partnership's counts leave out its internal activity, for every reader.
            let row = try #require(
                try await repository.partnershipRow("surabaya-liverpool", asOf: Day(year: 2026, month: 12, day: 1)))
            let original = try #require(try await repository.activities(of: "surabaya-liverpool"))
            #expect(row.activityCount == original.count - 1)

            // Signed in, a viewer sees them, marked as internal.
            let viewer = try await signIn(app, roles: [.viewer], email: "analyst@kemendagri.go.id")
            for (path, text) in [
                (
                    "/partnerships/liverpool-kitakyushu-zzhidden?lang=en",
                    "Internal: only signed-in readers see this record"
                ),
                ("/partnerships/surabaya-liverpool?lang=en", "Zzhidden talks zzhidden-sl-visit (internal)"),
                ("/activities/zzhidden-lk-call", "Zzhidden talks"),
                ("/sources/port-memo-2024?lang=id", "Internal: hanya"),
                ("/?q=zzhidden", "liverpool-kitakyushu-zzhidden"),
                ("/api/v1/sources/port-memo-2024", "Zzhidden memo"),
            ] {
                try await app.testing().test(.GET, path, beforeRequest: { req in viewer.sign(&req) }) { res async in
                    #expect(res.status == .ok, "\(path)")
                    #expect(res.body.string.contains(text), "\(path)")
                }
            }
        }
    }

    /// Publishing a partnership shows what is recorded under it, except what is marked internal itself; marking it
    /// internal again hides all of it, and a restore keeps the marks.
    @Test(arguments: TestBackend.enabled)
    func marksFollowThePartnershipAndSurviveARestore(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            var dataset = try Self.hidden()
            dataset.activities.append(
                Activity(
                    id: "zzhidden-lk-own", partnership: "liverpool-kitakyushu-zzhidden", kind: .meeting,
                    title: LocalizedText(en: "Own mark"), start: try PartialDate(year: 2024, month: 7), travel: .none,
                    venue: .online,
                    status: .completed, internal: true))
            try await repository.importDataset(dataset)
            let reader = repository.forPublic()
            func shown() async throws -> [String] {
                try await reader.activities(["zzhidden-lk-call", "zzhidden-lk-own", "zzhidden-sl-visit"]).map(
                    \.id.rawValue)
            }
            #expect(try await shown() == [])
            #expect(try await reader.referrers(to: .source, "port-memo-2024").total == 1)
            #expect(try await repository.referrers(to: .source, "port-memo-2024").total == 3)

            var published = try #require(try await repository.partnership("liverpool-kitakyushu-zzhidden"))
            published.internal = nil
            try await repository.importDataset(Dataset(partnerships: [published]))
            #expect(try await shown() == ["zzhidden-lk-call"])
            #expect(try await reader.partnership("liverpool-kitakyushu-zzhidden") != nil)
            #expect(try await reader.referrers(to: .source, "port-memo-2024").total == 2)
            #expect(try await reader.milestones(of: "liverpool-kitakyushu-zzhidden").count == 1)

            published.internal = true
            try await repository.importDataset(Dataset(partnerships: [published]))
            #expect(try await shown() == [])
            #expect(try await reader.milestones(of: "liverpool-kitakyushu-zzhidden").isEmpty)

            // A backup restored into an empty database hides the same records.
            let backup = try await app.kembarStore.repository.backup()
            try await withTestStore(backend) { restored in
                try await restored.repository.restore(backup)
                let again = restored.repository.forPublic()
                #expect(
                    try await again.activities(["zzhidden-lk-call", "zzhidden-lk-own", "zzhidden-sl-visit"]).isEmpty)
                #expect(try await again.source("port-memo-2024") == nil)
                #expect(try await restored.repository.source("port-memo-2024") != nil)
                #expect(try await again.referrers(to: .source, "port-memo-2024").total == 1)
            }
        }
    }
}
