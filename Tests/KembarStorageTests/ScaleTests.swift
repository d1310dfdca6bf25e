import FluentSQL
import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing

/// Lists answered in SQL from the summaries, kept up to date by every write; unreadable records named; concurrent
/// writers never leave a dangling reference.
@Suite struct ScaleTests {
    /// The founding case plus the 94 real Indonesian links of the world list.
    func registry(_ store: KembarStore) async throws {
        try await store.prepare(loadDemo: true)
        var batch = ImportBatch()
        let text = try String(contentsOfFile: sharedFixture("twin-links-indonesia.csv"), encoding: .utf8)
        batch.addCSV(
            text, file: "twin-links-indonesia.csv",
            pairs: try await store.repository.pairListContext(forCSV: text, file: "twin-links-indonesia.csv"))
        try await store.repository.importBatch(batch)
    }

    static let day = Day(year: 2023, month: 12, day: 31)

    @Test(arguments: TestBackend.enabled)
    func pagesCoverTheSelectionOnceInOrderWithItsCounts(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await registry(store)
            let repository = store.repository
            var query = PartnershipQuery(asOf: Self.day)
            query.country = "id"
            query.limit = 1000
            let whole = try await repository.partnershipList(query)
            #expect(whole.total > 90 && whole.rows.count == whole.total)
            #expect(whole.byStatus.values.reduce(0, +) == whole.total)
            #expect(whole.byStage.values.reduce(0, +) == whole.total)
            // The links are at stage agreement; the founding case is at implementation, Kitakyushu has none (the
            // list's pairs of both were left as recorded).
            #expect(whole.byStage["agreement"] == whole.total - 2 && whole.byStage["implementation"] == 1)
            #expect(whole.byStage["none"] == 1)
            #expect(whole.rows.map(\.titleEnglish) == whole.rows.map(\.titleEnglish).sorted())
            // Pages of 7 in either direction give the same rows, each once.
            for descending in [false, true] {
                var paged: [String] = []
                query.descending = descending
                query.limit = 7
                query.offset = 0
                while true {
                    let page = try await repository.partnershipList(query)
                    #expect(page.total == whole.total)
                    paged += page.rows.map(\.key)
                    if page.rows.count < 7 { break }
                    query.offset += 7
                }
                let expected = whole.rows.map(\.key)
                #expect(paged == (descending ? expected.reversed() : expected))
            }
            // Filters narrow in SQL: a city, a text, a stage, a status, a year, a field.
            var surabaya = PartnershipQuery(asOf: Self.day)
            surabaya.city = "surabaya"
            let ofSurabaya = try await repository.partnershipList(surabaya)
            #expect(ofSurabaya.total >= 10 && ofSurabaya.rows.allSatisfy { $0.cities.contains("surabaya") })
            var text = PartnershipQuery(asOf: Self.day)
            text.text = "LIVERPOOL"
            #expect(try await repository.partnershipList(text).rows.map(\.key) == ["surabaya-liverpool"])
            text.text = "%"
            #expect(try await repository.partnershipList(text).total == 0)
            var active = PartnershipQuery(asOf: Self.day)
            active.status = "active"
            active.year = 2022
            active.field = "hr-development"
            #expect(try await repository.partnershipList(active).rows.map(\.key) == ["surabaya-liverpool"])
            var none = PartnershipQuery(asOf: Self.day)
            none.stage = "none"
            #expect(try await repository.partnershipList(none).rows.allSatisfy { $0.stage == nil })
            // Sorting by status or last activity puts rows without a value last, the same on both backends.
            var byLast = PartnershipQuery(asOf: Self.day)
            byLast.sort = .lastActivity
            byLast.descending = true
            byLast.limit = 3
            let latest = try await repository.partnershipList(byLast).rows
            #expect(latest.first?.key == "surabaya-liverpool" && latest.first?.lastActivity == "2022-09-02")
        }
    }

    /// The unfiltered counts and the attention list come from indexes without the status join; on every day they
    /// equal what the rows themselves say.
    @Test(arguments: TestBackend.enabled)
    func indexedCountsAndAttentionAgreeWithTheRows(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await registry(store)
            let repository = store.repository
            for day in [Day(year: 2015, month: 1, day: 1), Self.day, Day(year: 2026, month: 12, day: 1)] {
                var query = PartnershipQuery(asOf: day)
                query.limit = 1000
                let all = try await repository.partnershipList(query)
                #expect(all.rows.count == all.total && all.total > 90)
                #expect(all.byStatus == Dictionary(grouping: all.rows, by: { $0.status ?? "none" }).mapValues(\.count))
                #expect(all.byStage == Dictionary(grouping: all.rows, by: { $0.stage ?? "none" }).mapValues(\.count))
                let needing = all.rows.filter { row in
                    ["dormant", "renewal-due"].contains(row.status ?? "")
                        || row.also.contains { ["dormant", "renewal-due"].contains($0) } || row.ongoingWithoutEnd > 0
                        || row.activitiesWithoutSources > 0 || row.activitiesWithoutParticipants > 0
                }
                let attention = try await repository.partnershipsNeedingAttention(asOf: day, limit: 1000)
                #expect(attention.total == needing.count && !needing.isEmpty)
                #expect(Set(attention.rows.map(\.key)) == Set(needing.map(\.key)))
                #expect(attention.rows.map(\.titleEnglish) == attention.rows.map(\.titleEnglish).sorted())
                // The title-index walk used when most partnerships need attention gives the same page.
                for limit in [5, 1000] {
                    let walked = try await repository.partnershipsNeedingAttention(
                        asOf: day, limit: limit, sortingAtMost: 0)
                    let sorted = try await repository.partnershipsNeedingAttention(asOf: day, limit: limit)
                    #expect(walked.rows.map(\.key) == sorted.rows.map(\.key) && walked.total == sorted.total)
                }
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theStoredStatusIsTheEvaluatorsOnEveryDay(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let slice = try #require(try await store.repository.dataset(partnership: "surabaya-liverpool"))
            for year in 2014...2027 {
                for month in [1, 3, 6, 9, 12] {
                    let day = Day(year: year, month: month, day: month == 3 ? 19 : 1)
                    let row = try #require(try await store.repository.partnershipRow("surabaya-liverpool", asOf: day))
                    let finding = Evaluator.status(slice, partnership: "surabaya-liverpool", asOf: day)
                    #expect(row.status == finding.status.rawValue, "\(day)")
                    #expect(row.also == finding.alsoApplies.map(\.status.rawValue), "\(day)")
                }
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func everyWriteKeepsTheSummaryCurrent(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            func row() async throws -> PartnershipRow {
                try #require(try await repository.partnershipRow("surabaya-liverpool", asOf: Self.day))
            }
            #expect(try await row().activityCount == 8)
            var clinic = try #require(try await repository.activity("sbylpl-2022-09-02-sightbox-book"))
            clinic.id = "sbylpl-2025-follow-up"
            clinic.start = try PartialDate(parsing: "2025-05")
            try await repository.importDataset(Dataset(activities: [clinic]))
            #expect(try await row().activityCount == 9)
            #expect(try await row().lastActivity == "2025-05")
            // Moving an activity to another partnership changes both summaries.
            clinic.partnership = "surabaya-kitakyushu"
            clinic.delivers = []  // The planned action it delivered belongs to the partnership it leaves.
            try await repository.importDataset(Dataset(activities: [clinic]))
            #expect(try await row().activityCount == 8)
            #expect(try await repository.partnershipRow("surabaya-kitakyushu", asOf: Self.day)?.activityCount == 1)
            try await repository.delete(.activities, key: "sbylpl-2025-follow-up")
            #expect(try await repository.partnershipRow("surabaya-kitakyushu", asOf: Self.day)?.activityCount == 0)
            // Renaming a city renames its partnerships in the list.
            var liverpool = try #require(try await repository.city("liverpool"))
            liverpool.name = LocalizedText(en: "City of Liverpool", id: "Kota Liverpool")
            try await repository.importDataset(Dataset(cities: [liverpool]))
            #expect(try await row().titleEnglish == "Surabaya – City of Liverpool")
            #expect(try await row().titleIndonesian == "Kota Surabaya – Kota Liverpool")
            // Deleting the partnership takes its row with it.
            try await repository.delete(.partnerships, key: "surabaya-liverpool")
            #expect(try await repository.partnershipRow("surabaya-liverpool", asOf: Self.day) == nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aRecordFromANewerKembarIsNamedNeverMisread(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let sql = try #require(store.database as? any SQLDatabase)
            // A newer server added an activity kind and wrote a document of a newer format.
            let document = try #require(
                try await sql.raw(
                    "SELECT document FROM records WHERE kind = 'activity' AND key = 'sbylpl-2022-09-02-sightbox-book'"
                ).first()?.decode(column: "document", as: String.self))
            let newer = document.replacingOccurrences(of: #""kind":"publication""#, with: #""kind":"hackathon""#)
            #expect(newer != document)
            try await sql.raw(
                "UPDATE records SET document = \(bind: newer) WHERE kind = 'activity' AND key = 'sbylpl-2022-09-02-sightbox-book'"
            ).run()
            await #expect(throws: UnreadableRecord.self) {
                _ = try await store.repository.activity("sbylpl-2022-09-02-sightbox-book")
            }
            do {
                _ = try await store.repository.activity("sbylpl-2022-09-02-sightbox-book")
            } catch let error as UnreadableRecord {
                #expect(error.key == "sbylpl-2022-09-02-sightbox-book" && error.detail.contains("kind"))
            }
            try await sql.raw("UPDATE records SET format = 3 WHERE kind = 'city' AND key = 'liverpool'").run()
            do {
                _ = try await store.repository.city("liverpool")
                Issue.record("a format-3 document was read")
            } catch let error as UnreadableRecord {
                #expect(error.format == 3 && error.detail.contains("version 3"))
            }
            // The list still answers: it reads the summaries, which keep raw values.
            try await sql.raw("UPDATE partnership_summaries SET stage = 'negotiation' WHERE key = 'surabaya-liverpool'")
                .run()
            var query = PartnershipQuery(asOf: Self.day)
            query.stage = "negotiation"
            #expect(try await store.repository.partnershipList(query).rows.map(\.key) == ["surabaya-liverpool"])
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aDeleteAndASaveThatRefersToItNeverLeaveADanglingKey(backend: TestBackend) async throws {
        try await withTwoStores(backend) { first, second in
            try await first.prepare(loadDemo: true)
            let template = try #require(try await first.repository.activity("sbylpl-2020-trfc-coaching-clinic"))
            for round in 0..<6 {
                let organisation = Organisation(
                    id: OrganisationKey("club-\(round)"), name: LocalizedText(en: "Club \(round)"), kind: .club,
                    country: "GB")
                try await first.repository.importDataset(Dataset(organisations: [organisation]))
                var draft = template
                draft.id = ActivityKey("with-club-\(round)")
                draft.organisations = [OrganisationRole(organisation: organisation.id, role: .partner)]
                let activity = draft
                async let saved: Bool = {
                    do {
                        try await second.repository.importDataset(Dataset(activities: [activity]))
                        return true
                    } catch is InvalidInput { return false }
                }()
                async let deleted: Bool = {
                    do {
                        try await first.repository.delete(.organisations, key: organisation.id.rawValue)
                        return true
                    } catch is InvalidInput { return false }
                }()
                let (wasSaved, wasDeleted) = try await (saved, deleted)
                // Exactly one wins: the save (and the delete is refused, naming it) or the delete (and the save is
                // refused for an unknown organisation).
                #expect(wasSaved != wasDeleted, "round \(round)")
                let stored = try await first.repository.organisation(organisation.id)
                let activityStored = try await first.repository.activity(activity.id)
                #expect((stored != nil) == (activityStored != nil), "round \(round)")
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func referrersAndPagedListsComeFromTheLinks(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            let supporting = try await repository.referrerNames(to: .source, "handayani-zahidi-2024", limit: 5)
            #expect(supporting.total > 20 && supporting.items.count == 5)
            let trfc = try await repository.referrerNames(to: .organisation, "tranmere-rovers-fc", from: "activity")
            #expect(trfc.total >= 2 && trfc.items.allSatisfy { $0.kind == "activity" && $0.label != nil })
            let cities = try await repository.citiesPage(matching: "sura", limit: 10)
            #expect(cities.items.map(\.id) == ["surabaya"] && cities.total == 1)
            let all = try await repository.sourcesPage(limit: 10, offset: 20)
            #expect(all.total == 28 && all.items.count == 8)
            // A delete of a cited source is refused, naming who cites it, from the links.
            await #expect(throws: InvalidInput.self) {
                try await repository.delete(.organisations, key: "tranmere-rovers-fc")
            }
        }
    }
}
