import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// The IATI 2.03 export, validated with `xmllint --schema` against the official schema: the founding case, a city,
/// and a registry of a thousand partnerships.
@Suite struct IATITests {
    static let today = Day(year: 2026, month: 12, day: 1)
    /// An illustrative identifier in the form IATI allows (a Wikidata item), for tests only.
    static let surabayaRef = "XI-WIKIDATA-Q0000001"

    /// `xmllint`'s verdict on `xml`: `nil` when it validates, else its messages.
    static func schemaErrors(_ xml: String) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-iati-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("activities.xml")
        try Data(xml.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = [
            "--noout", "--nonet", "--schema", sharedFixture("iati/iati-activities-schema.xsd"), file.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : output
    }

    @Test(arguments: TestBackend.enabled)
    func theFoundingCaseExportsAsValidIATI(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            // Without the publishing city's identifier, the export says what to record.
            do {
                _ = try await repository.iati(
                    .partnership("surabaya-liverpool"), today: Self.today, generated: "2026-12-01T00:00:00Z",
                    baseURL: nil)
                Issue.record("exported without an identifier")
            } catch let error as InvalidInput {
                #expect(error.violations.map(\.field) == ["organisationIdentifier"])
                #expect(error.violations.first?.location == "cities/surabaya")
            }
            var surabaya = try #require(try await repository.city("surabaya"))
            surabaya.organisationIdentifier = Self.surabayaRef
            try await repository.importBatch(ImportBatch(Dataset(cities: [surabaya])))
            let export = try await repository.iati(
                .partnership("surabaya-liverpool"), today: Self.today, generated: "2026-12-01T00:00:00Z",
                baseURL: "https://kembar.example.org")
            #expect(try Self.schemaErrors(export.xml) == nil)
            // The check bites: an element out of the schema is refused.
            #expect(try Self.schemaErrors(export.xml.replacingOccurrences(of: "activity-status", with: "state")) != nil)
            let xml = export.xml
            let activities = try await repository.activities(of: "surabaya-liverpool")
            #expect(export.activities == 1 + activities.count)
            #expect(xml.contains("<iati-identifier>\(Self.surabayaRef)-surabaya-liverpool</iati-identifier>"))
            #expect(xml.contains("<reporting-org ref=\"\(Self.surabayaRef)\" type=\"11\">"))
            // The MoU of 19 March 2018 starts it and is its A09 document; Liverpool takes part without an identifier.
            #expect(xml.contains("<activity-date iso-date=\"2018-03-19\" type=\"2\"/>"))
            #expect(
                xml.contains(
                    "<document-link format=\"text/html\" url=\"https://kembar.example.org/agreements/sbylpl-2018-mou\">"
                ))
            #expect(xml.contains("<category code=\"A09\"/><document-date iso-date=\"2018-03-19\"/>"))
            #expect(xml.contains("<participating-org role=\"2\" type=\"11\"><narrative>Liverpool</narrative>"))
            // Each activity is a child with its participants counted as an output.
            #expect(xml.components(separatedBy: "hierarchy=\"2\"").count - 1 == activities.count)
            #expect(xml.contains("<narrative>Participants</narrative><narrative xml:lang=\"id\">Peserta</narrative>"))
            let city = try await repository.iati(
                .city("surabaya"), today: Self.today, generated: "2026-12-01T00:00:00Z", baseURL: nil)
            #expect(try Self.schemaErrors(city.xml) == nil)
            // Surabaya–Kitakyushu has no date at all: left out, and the file says so.
            #expect(city.undated == ["surabaya-kitakyushu"] && !city.xml.contains("-surabaya-kitakyushu</iati"))
            #expect(
                city.xml.contains(
                    "<!-- Not exported, no date to start from (IATI requires one): surabaya-kitakyushu -->"))
        }
    }

    /// A registry of `count` partnerships among 200 cities, each with an MoU (some open-ended, some ended, one
    /// terminated), and activities with participants, results, organisations and costs.
    static func registry(_ count: Int) -> Dataset {
        var data = Dataset()
        let countries = ["ID", "GB", "JP", "DE", "NL", "KR", "AU", "US"]
        data.cities = (0..<200).map { i in
            City(
                id: CityKey("city-\(i)"), name: LocalizedText(en: "City \(i) & Co", id: "Kota \(i)"),
                country: countries[i % countries.count], adminLevel: .city,
                organisationIdentifier: i % 3 == 0 ? "XI-WIKIDATA-Q\(1000 + i)" : nil)
        }
        data.organisations = [
            Organisation(id: "school-1", name: LocalizedText(en: "School <One>"), kind: .school, country: "GB"),
            Organisation(id: "club-1", name: LocalizedText(en: "Club One"), kind: .club, country: "GB"),
        ]
        for i in 0..<count {
            let key = PartnershipKey("p-\(i)")
            let year = 1990 + i % 36
            data.partnerships.append(
                Partnership(
                    id: key, kind: .sisterCity, city: CityKey("city-\(i % 200)"),
                    partnerCity: CityKey("city-\((i * 7 + 1) % 200 == i % 200 ? (i + 1) % 200 : (i * 7 + 1) % 200)"),
                    stage: .implementation))
            data.agreements.append(
                Agreement(
                    id: AgreementKey("p-\(i)-mou"), partnership: key, kind: .mou,
                    title: LocalizedText(en: "MoU \(i)", id: "Nota Kesepahaman \(i)"),
                    signed: try! PartialDate(parsing: i % 5 == 0 ? "\(year)" : "\(year)-03-19"),
                    validUntil: i % 4 == 0 ? try! PartialDate(parsing: "\(year + 5)-03-18") : nil,
                    fields: i % 2 == 0 ? ["smart-city", "hr-development"] : []))
            if i % 97 == 0 {
                data.agreements.append(
                    Agreement(
                        id: AgreementKey("p-\(i)-end"), partnership: key, kind: .termination,
                        title: LocalizedText(en: "Termination"), signed: try! PartialDate(parsing: "\(year + 2)-01-01"))
                )
            }
            for j in 0..<(i % 3) {
                data.activities.append(
                    Activity(
                        id: ActivityKey("p-\(i)-a\(j)"), partnership: key, kind: .training,
                        title: LocalizedText(en: "Training \(j)", id: "Pelatihan \(j)"),
                        start: try! PartialDate(parsing: "\(year + j)-0\(j + 1)-10"),
                        end: try! PartialDate(parsing: "\(year + j)-0\(j + 1)-20"), travel: .fromCity,
                        venue: .partnerCity,
                        organisations: [
                            OrganisationRole(organisation: "school-1", role: .organiser),
                            OrganisationRole(organisation: "club-1", role: .participant),
                        ],
                        participants: [Participants(role: "pupils", count: 10 + j)],
                        results: [Figure(label: LocalizedText(en: "Coaches trained"), value: 2.5)],
                        fields: j == 0 ? ["port-management"] : [], status: year + j > 2026 ? .planned : .completed,
                        cost: j == 1 ? Money(amount: 125_000_000, currency: "IDR") : nil))
            }
        }
        return data
    }

    @Test(arguments: TestBackend.enabled)
    func aThousandPartnershipsExportAsValidIATI(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: false)
            let data = Self.registry(1000)
            try await store.repository.importBatch(ImportBatch(data))
            let publisher = IATI.Publisher(
                ref: "XI-IATI-KEMBAR", name: LocalizedText(en: "Ministry", id: "Kementerian"), type: "10",
                secondary: true)
            let export = try await store.repository.iati(
                .all(publisher), today: Self.today, generated: "2026-12-01T00:00:00Z",
                baseURL: "https://kembar.example.org")
            #expect(export.undated.isEmpty)
            #expect(export.activities == 1000 + data.activities.count)
            #expect(try Self.schemaErrors(export.xml) == nil)
            #expect(export.xml.contains("secondary-reporter=\"1\""))
            // A year-only signing is written as its first day with the year as recorded.
            #expect(
                export.xml.contains("<activity-date iso-date=\"1990-01-01\" type=\"2\"><narrative>1990</narrative>"))
            #expect(export.xml.contains("percentage=\"50.00\""))
            #expect(export.xml.contains("<value value-date=\"1993-02-20\">125000000</value>"))
        }
    }
}
