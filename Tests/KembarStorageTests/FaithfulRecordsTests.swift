import Foundation
import KembarCore
import KembarReport
import KembarTestSupport
import Testing

@testable import KembarStorage

/// A partnership with fifteen years of projects before its MoU, a disputed signatory and a quantified result,
/// written from docs/DATASET.md alone (Tests/Fixtures/green-sister-city.json).
@Suite struct FaithfulRecordsTests {
    static let key: PartnershipKey = "lestari-midori"

    @Test(arguments: TestBackend.enabled)
    func importsWithNoLossFieldForField(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: false)
            let input = try fixture("green-sister-city.json")
            let summary = try await store.repository.importDataset(try DatasetCodec.decode(input))
            #expect(summary.inserted == 25 && summary.updated == 0)
            // Every field of every record of the file comes back out of the database exactly as written.
            let exported = try DatasetCodec.encode(try await store.repository.dataset())
            let given = try #require(try JSONSerialization.jsonObject(with: input) as? [String: Any])
            let back = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
            var compared = 0
            for (collection, items) in given {
                guard let records = items as? [[String: Any]] else { continue }
                let stored = Dictionary(
                    ((back[collection] as? [[String: Any]]) ?? []).map { ($0["id"] as? String ?? "", $0) },
                    uniquingKeysWith: { a, _ in a })
                for record in records {
                    let id = record["id"] as? String ?? ""
                    let out = try #require(stored[id], "\(collection)/\(id) was not stored")
                    for (field, value) in record {
                        #expect(
                            Self.json(out[field]) == Self.json(value), "\(collection)/\(id).\(field) changed on the way"
                        )
                        compared += 1
                    }
                }
            }
            #expect(compared > 150)
        }
    }

    /// Canonical JSON of a value with defaults left out (empty lists and maps, `false`), which a file may write or
    /// omit: what is compared is content, and no content may be lost.
    static func json(_ value: Any?) -> String {
        func strip(_ value: Any) -> Any? {
            if let object = value as? [String: Any] {
                let kept = object.compactMapValues(strip)
                return kept.isEmpty ? nil : kept
            }
            if let array = value as? [Any] { return array.isEmpty ? nil : array.map { strip($0) ?? [String: Any]() } }
            if let flag = value as? Bool, flag == false, !(value is NSNumber && (value as! NSNumber) != 0) {
                return nil
            }
            return value
        }
        guard let value = value.flatMap(strip),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "absent" }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: TestBackend.enabled)
    func evaluatesWithPreAgreementWorkApartAndTheResultUsed(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: false)
            try await store.repository.importDataset(try DatasetCodec.decode(try fixture("green-sister-city.json")))
            let slice = try #require(try await store.repository.dataset(partnership: Self.key))
            let library = try await store.repository.frameworkLibrary()
            let asOf = Day(year: 2023, month: 12, day: 31)
            let evaluation = try Evaluator.evaluate(
                slice, partnership: Self.key, framework: "cohen-smart-city-wheel", library: library, asOf: asOf)

            // Fifteen years of work before the MoU of 12 November 2019 are shown apart, never as implementing it.
            let before = evaluation.mou.beforeAgreement
            #expect(before.activities.count == 7 && before.signed?.description == "2019-11-12")
            #expect(before.fields == ["waste-management", "composting"])
            #expect(evaluation.mou.implemented == ["waste-management", "composting"])
            #expect(evaluation.mou.activitiesPerField == ["waste-management": 1, "composting": 1])
            // Continuity runs from the cooperation's real beginning, 2004, not from the MoU.
            #expect(evaluation.continuity.since == 2004 && evaluation.continuity.yearsInSpan == 20)
            // A programme spanning years keeps each of them active (2012–2013 study, 2020–2021 programme).
            #expect(
                evaluation.continuity.activeYears == [2004, 2006, 2008, 2010, 2012, 2013, 2015, 2018, 2020, 2021])
            // The quantified result decides the results element; the planned study is not counted.
            let results = try #require(evaluation.keyElement(.results))
            #expect(results.judgement == .met && results.branch == "quantified-results")
            #expect(evaluation.notCounted == ["lm-2025-biogas-study"])
            #expect(evaluation.status.status == .active)
            // A joint study in a third city took people of both sides: it counts in both directions.
            #expect(
                evaluation.reciprocity.toPartner.activities == 3 && evaluation.reciprocity.fromPartner.activities == 4)
            #expect(evaluation.reciprocity.remote.activities == 2)

            let report = EvaluationReport(evaluation: evaluation, comparison: nil, data: slice)
            let english = report.markdown(.en)
            #expect(english.contains("Before the agreement (signed 12 November 2019): 7 activities"))
            #expect(english.contains("Sri Lestari (Mayor of Bandar Lestari)"))
            #expect(english.contains("— disputed: other sources name Budi Santoso (Vice-mayor of Bandar Lestari)"))
            #expect(english.contains("Household waste sent to landfill: −32 % (2020–2021)"))
            #expect(english.contains("— disputed: other sources give −20 % (city-wide, not only the pilot districts)"))
            #expect(english.contains("not counted (planned or cancelled)"))
            #expect(english.contains("2012–2013 (FY 2012/13)"))
            #expect(english.contains("Friendship protocol"))
            let indonesian = report.markdown(.id)
            #expect(indonesian.contains("Sebelum perjanjian (ditandatangani 12 November 2019): 7 kegiatan"))
            #expect(indonesian.contains("diperselisihkan"))
            // Silent years collapse: 2005 is one row, never a run of zeros down the page.
            #expect(english.contains("| 2005 | 0 | — | — |"))
            #expect(english.contains("| 2021 | 0 | — | 1 |"))
            #expect(english.contains("| 2022–2023 | 0 | — | — |"))
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aDryRunListsEveryChangeAndWritesNothing(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let before = try DatasetCodec.encode(try await store.repository.dataset())
            var clinic = try #require(try await store.repository.activity("sbylpl-2020-trfc-coaching-clinic"))
            clinic.participants = [Participants(role: "coach", count: 20)]
            clinic.note = "Count from the club's own report."
            var fresh = clinic
            fresh.id = "sbylpl-2023-follow-up"
            let summary = try await store.repository.importBatch(
                ImportBatch(Dataset(activities: [clinic, fresh])), dryRun: true)
            #expect(summary.dryRun && summary.inserted == 1 && summary.updated == 1)
            let change = try #require(summary.changes.first { $0.action == .change })
            #expect(change.key == "sbylpl-2020-trfc-coaching-clinic")
            #expect(change.fields.map(\.path) == ["note", "participants"])
            #expect(change.fields[0].before == nil && change.fields[0].after == "\"Count from the club's own report.\"")
            #expect(summary.replaced == ["activities/sbylpl-2020-trfc-coaching-clinic"])
            #expect(try DatasetCodec.encode(try await store.repository.dataset()) == before)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func mergeAddsWhatTheFileGivesAndReplaceSaysWhatItReplaced(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let stored = try #require(try await store.repository.activity("sbylpl-2019-st-vincents-teacher-visit"))
            var partial = stored
            partial.outputs = [LocalizedText(en: "A report to the education office")]
            partial.tags = []
            partial.description = nil
            let merged = try await store.repository.importBatch(
                ImportBatch(Dataset(activities: [partial])), mode: .merge)
            #expect(merged.updated == 1 && merged.replaced.isEmpty)
            let after = try #require(try await store.repository.activity("sbylpl-2019-st-vincents-teacher-visit"))
            // The stored outputs, tags and description are kept; the new output is added after them.
            #expect(after.outputs == stored.outputs + partial.outputs)
            #expect(after.tags == stored.tags && after.description == stored.description)
            // Replacing (the default) takes the file's record whole and names it.
            let replaced = try await store.repository.importBatch(ImportBatch(Dataset(activities: [partial])))
            #expect(replaced.replaced == ["activities/sbylpl-2019-st-vincents-teacher-visit"])
            #expect(try await store.repository.activity("sbylpl-2019-st-vincents-teacher-visit") == partial)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aMergedRecordIsCheckedAgain(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            var activity = try #require(try await store.repository.activity("sbylpl-2019-st-vincents-teacher-visit"))
            activity.end = try PartialDate(parsing: "2019-12")
            try await store.repository.importDataset(Dataset(activities: [activity]))
            // The file moves the start to 2020 and gives no end; merged, the stored end lies before the new start.
            var more = activity
            more.start = try PartialDate(parsing: "2020")
            more.end = nil
            do {
                try await store.repository.importBatch(ImportBatch(Dataset(activities: [more])), mode: .merge)
                Issue.record("a merged record breaking a rule must be refused")
            } catch let error as InvalidInput {
                #expect(error.violations.contains { $0.location.contains("after merging with the stored record") })
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func anImportIntoAnEmptyDatabaseSaysToSeedIt(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let activity = Activity(
                id: "x", partnership: "surabaya-liverpool", kind: .training, title: LocalizedText(en: "x"),
                start: try PartialDate(parsing: "2020"), travel: .none, venue: .online, status: .completed)
            await #expect(throws: Repository.EmptyDatabase.self) {
                try await store.repository.importDataset(Dataset(activities: [activity]))
            }
            #expect(try await store.repository.isEmpty())
        }
    }
}

/// The real Indonesian links of the world list (Tests/Fixtures/twin-links-indonesia.csv, from ../shared/data).
@Suite struct PairListImportTests {
    func batch(_ store: KembarStore) async throws -> ImportBatch {
        var batch = ImportBatch()
        let text = try String(contentsOfFile: sharedFixture("twin-links-indonesia.csv"), encoding: .utf8)
        batch.addCSV(
            text, file: "twin-links-indonesia.csv",
            pairs: try await store.repository.pairListContext(
                forCSV: text, file: "twin-links-indonesia.csv", source: nil))
        return batch
    }

    @Test(arguments: TestBackend.enabled)
    func placesMatchStoredCitiesAndReimportChangesNothing(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let first = try await store.repository.importBatch(try await batch(store))
            #expect(first.inserted > 100 && first.updated == 0)
            // Surabaya's links attach to the stored Surabaya; Liverpool too, by name, country and distance.
            let partnerships = try await store.repository.partnerships()
            let surabaya = partnerships.filter { $0.city == "surabaya" || $0.partnerCity == "surabaya" }
            #expect(surabaya.count >= 10)
            #expect(try await store.repository.cities().filter { $0.name.en == "Surabaya" }.count == 1)
            // The list's Surabaya–Liverpool is the founding partnership, left as recorded (not a second one, and not
            // replaced by a bare link).
            #expect(!partnerships.contains { $0.id == "liverpool.surabaya" || $0.id == "surabaya.liverpool" })
            #expect(try await store.repository.partnership("surabaya-liverpool")?.stage == .implementation)
            // Again: the places are now stored cities and the pairs stored partnerships — nothing is written.
            let second = try await batch(store)
            #expect(second.recorded.count > 90)
            let again = try await store.repository.importBatch(second)
            #expect(again.inserted == 0 && again.updated == 0)
            #expect(try await store.repository.partnerships().count == partnerships.count)
        }
    }

    /// A short list is matched against the stored cities of its own countries, not against every city stored.
    @Test(arguments: TestBackend.enabled)
    func aListReadsOnlyTheCitiesOfItsCountries(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let text = """
                city1,country1,lat1,lng1,city2,country2,lat2,lng2
                Surabaya,Indonesia,-7.2575,112.7521,Busan,"Korea, Republic of",35.1796,129.0756
                """
            let context = try #require(try await store.repository.pairListContext(forCSV: text, file: "links.csv"))
            #expect(Set(context.cities.map(\.country)) == ["ID"])
            #expect(context.cities.contains { $0.id == "surabaya" })
            #expect(try await store.repository.cities().contains { $0.country == "GB" })
            var batch = ImportBatch()
            batch.addCSV(text, file: "links.csv", pairs: context)
            #expect(batch.dataset.cities.map(\.id.rawValue) == ["busan-kr"])
            #expect(batch.dataset.partnerships.first.map { [$0.city, $0.partnerCity] } == ["surabaya", "busan-kr"])
        }
    }
}
