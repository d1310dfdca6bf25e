import Foundation
import Testing

@testable import KembarCore

/// A small valid dataset each test breaks in one way.
func sampleDataset() throws -> Dataset {
    Dataset(
        sources: [Source(id: "paper", kind: .article, title: "A paper")],
        fields: [Field(id: "hr-development", name: LocalizedText(en: "HR development"))],
        frameworks: [
            Framework(
                id: "wheel", name: LocalizedText(en: "Wheel"), verification: .verified,
                dimensions: [
                    FrameworkNode(
                        id: "people", level: .dimension, name: LocalizedText(en: "People"), verification: .verified,
                        children: [
                            FrameworkNode(
                                id: "people.poverty", level: .indicator, name: LocalizedText(en: "Poverty"),
                                direction: .lowerIsBetter, verification: .verified)
                        ])
                ])
        ],
        cities: [
            City(id: "surabaya", name: LocalizedText(en: "Surabaya"), country: "ID", adminLevel: .city),
            City(id: "liverpool", name: LocalizedText(en: "Liverpool"), country: "GB", adminLevel: .city),
        ],
        partnerships: [
            Partnership(id: "sby-lpl", kind: .sisterCity, city: "surabaya", partnerCity: "liverpool", stage: .agreement)
        ],
        agreements: [
            Agreement(
                id: "mou", partnership: "sby-lpl", kind: .mou, title: LocalizedText(en: "MoU"),
                signed: try PartialDate(parsing: "2018-03-19"), fields: ["hr-development"], sources: ["paper"])
        ],
        activities: [
            Activity(
                id: "visit", partnership: "sby-lpl", kind: .delegationVisit, title: LocalizedText(id: "Kunjungan"),
                start: try PartialDate(parsing: "2019-06"), travel: .fromCity, venue: .partnerCity,
                participants: [Participants(role: "teacher", count: 3)], fields: ["hr-development"],
                tags: [FrameworkTag(framework: "wheel", node: "people")], status: .completed, sources: ["paper"])
        ],
        observations: [
            Observation(
                id: "sby-poverty-2023", city: "surabaya",
                indicator: FrameworkTag(framework: "wheel", node: "people.poverty"),
                period: try PartialDate(parsing: "2023-03"), value: 10.35)
        ])
}

@Suite struct ValidationTests {
    @Test func sampleIsValid() throws {
        #expect(try sampleDataset().violations().isEmpty)
    }

    @Test func activityEndingBeforeItStarts() throws {
        var data = try sampleDataset()
        data.activities[0].end = try PartialDate(parsing: "2019-05-31")
        #expect(
            data.violations() == [
                Violation(
                    location: "$.activities[0]", field: "end", value: "2019-05-31", rule: .activityEndsBeforeStart,
                    detail: "starts 2019-06")
            ])
    }

    @Test func activityEndingInTheMonthItStartsIsFine() throws {
        var data = try sampleDataset()
        data.activities[0].end = try PartialDate(parsing: "2019-06-02")
        #expect(data.violations().isEmpty)
    }

    @Test func agreementValidUntilBeforeSigning() throws {
        var data = try sampleDataset()
        data.agreements[0].validUntil = try PartialDate(parsing: "2017-12-31")
        #expect(data.violations().map(\.rule) == [.agreementEndsBeforeSigning])
        #expect(data.violations().first?.field == "validUntil")
    }

    @Test func participantCountBelowZero() throws {
        var data = try sampleDataset()
        data.activities[0].participants = [Participants(role: "pupil", count: -1)]
        #expect(
            data.violations() == [
                Violation(
                    location: "$.activities[0]", field: "participants[0].count", value: "-1",
                    rule: .participantCountNegative)
            ])
    }

    @Test func hostileNumbersAreRefusedNotTrapped() throws {
        var data = try sampleDataset()
        data.activities[0].participants = [
            Participants(role: "pupil", count: Int.max, breakdown: ["a": Int.max, "b": Int.max])
        ]
        data.activities[0].durationDays = Int.max
        data.agreements[0].termYears = Int.max
        let rules = Set(data.violations().map(\.rule))
        #expect(rules == [.valueOutOfRange])
    }

    @Test func breakdownLargerThanCount() throws {
        var data = try sampleDataset()
        data.activities[0].participants = [Participants(role: "pupil", count: 3, breakdown: ["female": 2, "male": 2])]
        #expect(data.violations().map(\.rule) == [.breakdownExceedsCount])
    }

    @Test func partnershipOfACityWithItself() throws {
        var data = try sampleDataset()
        data.partnerships[0].partnerCity = "surabaya"
        #expect(data.violations().map(\.rule) == [.partnershipWithItself])
    }

    @Test func institutionCooperationNeedsAnOrganisation() throws {
        var data = try sampleDataset()
        data.partnerships[0].kind = .institutionCooperation
        let rules = data.violations().map(\.rule)
        #expect(rules == [.partnerMissing])
    }

    @Test func unknownReferencesAreNamed() throws {
        var data = try sampleDataset()
        data.activities[0].partnership = "sby-tokyo"
        data.activities[0].tags = [FrameworkTag(framework: "wheel", node: "robots")]
        data.activities[0].sources = ["nowhere"]
        let found = data.violations()
        #expect(found.map(\.field) == ["partnership", "tags[0]", "sources[0]"])
        #expect(found.allSatisfy { $0.rule == .referenceUnknown })
        #expect(found[1].detail == "framework 'wheel' has no node 'robots'")
    }

    @Test func referencesMayPointToStoredRecords() throws {
        var data = try sampleDataset()
        let activity = data.activities[0]
        var stored = ReferenceIndex(data)
        data = Dataset(activities: [activity])
        #expect(!data.violations().isEmpty)
        stored.observationSlots = [:]
        #expect(data.violations(existing: stored).isEmpty)
    }

    @Test func duplicateKeysAndObservationSlots() throws {
        var data = try sampleDataset()
        data.cities.append(data.cities[0])
        var copy = data.observations[0]
        copy.id = "another-key"
        data.observations.append(copy)
        let found = data.violations()
        #expect(found.map(\.rule) == [.keyDuplicated, .observationDuplicated])
        #expect(found[0].location == "$.cities[2]")
        #expect(found[0].detail == "also at $.cities[0]")
    }

    @Test func malformedKeysAndCodes() throws {
        var data = try sampleDataset()
        data.cities[0].id = "Kota Surabaya"
        data.cities[1].country = "UK1"
        data.cities[1].subdivision = "ID-JI"
        data.cities[1].coordinates = Coordinates(latitude: 91, longitude: 0)
        let rules = data.violations().map(\.rule)
        #expect(rules.contains(.keyMalformed))
        #expect(rules.contains(.countryCodeInvalid))
        #expect(rules.contains(.subdivisionCodeInvalid))
        #expect(rules.contains(.coordinatesOutOfRange))
    }

    @Test func renewalMustLinkAnAgreementOfTheSamePartnership() throws {
        var data = try sampleDataset()
        data.agreements.append(
            Agreement(
                id: "renewal", partnership: "sby-lpl", kind: .renewal, title: LocalizedText(en: "Renewal"),
                signed: try PartialDate(parsing: "2023-03-19"), renews: "mou"))
        #expect(data.violations().isEmpty)
        data.agreements[1].renews = "renewal"
        #expect(data.violations().map(\.rule) == [.agreementLinkInvalid])
    }

    @Test func agreementEndFromTerm() throws {
        let mou = Agreement(
            id: "mou", partnership: "p", kind: .mou, title: LocalizedText(en: "MoU"),
            signed: try PartialDate(parsing: "2018-03-19"), termYears: 5)
        #expect(mou.endDay == Day(year: 2023, month: 3, day: 18))
    }
}

@Suite struct DatasetCodecTests {
    @Test func externalDatasetReadsAndRoundTrips() throws {
        // The fixture is shared with the storage and CLI tests: Tests/Fixtures/external-dataset.json.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/external-dataset.json")
        let dataset = try DatasetCodec.decode(try Data(contentsOf: url))
        #expect(dataset.violations().isEmpty)
        #expect(dataset.recordCount == 12)
        #expect(dataset.activities[0].participants[0].breakdown == ["female": 7, "male": 5])
        #expect(dataset.agreements[0].endDay == Day(year: 1964, month: 12, day: 31))
        let again = try DatasetCodec.decode(try DatasetCodec.encode(dataset))
        #expect(again == dataset.canonical)
        #expect(try DatasetCodec.encode(again) == DatasetCodec.encode(dataset))
    }

    @Test func reportsEveryBrokenRecordAtOnce() throws {
        let text = """
            {"format": "kembar-dataset", "version": 1, "extra": [],
             "cities": [{"id": "a", "name": {"en": "A"}, "country": "ID", "adminLevel": "village"},
                        {"id": "b", "name": {"en": "B"}, "country": "ID"}],
             "activities": [{"id": "x", "partnership": "p", "kind": "training", "title": {"en": "T"},
                             "start": "2019-13", "mode": "online", "status": "completed"}]}
            """
        #expect(throws: InvalidInput.self) { try DatasetCodec.decode(Data(text.utf8)) }
        do {
            _ = try DatasetCodec.decode(Data(text.utf8))
        } catch {
            #expect(error.violations.map(\.location) == ["$", "$.cities[0]", "$.cities[1]", "$.activities[0]"])
            #expect(error.violations.map(\.field) == ["extra", "adminLevel", "adminLevel", "start"])
            #expect(error.violations[2].detail == "required field is missing")
            #expect(error.violations[3].detail == "month 13 is outside 1–12")
        }
    }

    @Test func sourceLinksAreWebAddressesOnly() {
        for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x"] {
            let source = Source(id: "s", kind: .web, title: "t", url: url)
            #expect(source.violations(references: ReferenceIndex()).map(\.field) == ["url"], "\(url)")
        }
        #expect(
            Source(id: "s", kind: .web, title: "t", url: "HTTPS://x.org").violations(references: ReferenceIndex())
                .isEmpty)
    }

    @Test func rejectsWrongFormatAndBrokenJSON() throws {
        let foreign = try DatasetCodec.decode(Data(#"{"format": "iati", "version": 3}"#.utf8))
        #expect(foreign.violations().map(\.field) == ["format", "version"])
        #expect(foreign.violations().allSatisfy { $0.rule == .formatUnsupported })
        #expect(throws: InvalidInput.self) { try DatasetCodec.decode(Data("{ nope".utf8)) }
        #expect(throws: InvalidInput.self) { try DatasetCodec.decode(Data("[]".utf8)) }
    }

    @Test func blankTextIsWhatTrimmingWouldEmpty() {
        let samples = [
            "", " ", "\t\n\r", "\u{00A0}", "\u{3000}\u{2028}", "\u{85}", " a ", "\u{200B}", "kota\u{00A0}", "\u{FEFF}",
        ]
        for text in samples {
            #expect(
                text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(text.debugDescription)"
            )
        }
        #expect(LocalizedText(en: " \n", id: "Kota").text(.en) == "Kota")
    }

    @Test func everyTextIsBoundedAndHoldsNoControlCharacters() throws {
        var data = try sampleDataset()
        #expect(data.violations().isEmpty)
        data.sources[0].title = "Tab\tand\nline breaks are fine"
        #expect(data.violations().isEmpty)
        data.sources[0].title = "Red \u{1B}[31mtext"
        data.sources[0].note = String(repeating: "a", count: TextRules.maximumLength + 1)
        data.fields[0].name = LocalizedText(en: "ok", id: "nul\u{0}")
        let found = data.violations()
        #expect(found.map(\.rule) == [.controlCharacter, .textTooLong, .controlCharacter])
        #expect(found.map(\.field) == ["title", "note", "name.id"])
        #expect(found.map(\.location) == ["$.sources[0]", "$.sources[0]", "$.fields[0]"])
        #expect(found[0].value == "Red \u{FFFD}[31mtext", "the control character is not echoed back")
    }
}
