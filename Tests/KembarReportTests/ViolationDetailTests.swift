import Foundation
import KembarCore
import KembarReport
import Testing

/// Under `--lang id` every error message is Indonesian, the detail included: a corpus of bad files and records is
/// read, and no detail may keep an English word Kembar itself wrote.
@Suite struct ViolationDetailTests {
    static let jsonInputs: [String] = [
        #"{"format": "kembar-dataset", "version": 2, "cities": [{"id": "a",},]}"#,
        #"{"format": "kembar-dataset", "version": 2, // comment"#,
        #"{"format": "kembar-dataset", "version": 2, "cities": [{"id": "a", "id": "b"}]}"#,
        #"{"format": "kembar-dataset", "version": 2, "activites": []}"#,
        #"{"format": "kembar-dataset", "version": 2, "milestones": null}"#,
        #"{"format": "kembar-dataset", "version": 9}"#,
        #"{"format": "iati", "version": 2}"#,
        #"[1, 2]"#,
        #""#,
        #"{"format": "kembar-dataset", "version": 2, "cities": [{"id": 'a'}]}"#,
        #"{"format": "kembar-dataset", "version": 2, "cities": [{"id": "a", "name": {"en": "A"}, "country": "ID", "adminLevel": "town", "population": {"count": 1e30, "year": 2.5}, "sorces": [], "note": null}]}"#,
        #"{"format": "kembar-dataset", "version": 2, "activities": [{"id": "x", "partnership": "p", "kind": "lecture", "title": {"en": "x"}, "start": "2019-13", "travel": "boat", "venue": "online", "status": "completed", "partcipants": [], "participants": [{"role": "pupil", "count": "ten"}, null]}]}"#,
        #"{"format": "kembar-dataset", "version": 2, "sources": [{"id": "s", "kind": "news", "title": "t", "date": "2019-02-30"}, {"id": "t", "kind": "news", "title": "t", "date": "20190"}]}"#,
        #"{"format": "kembar-dataset", "version": 2, "cities": [NaN, 01, +1, -x, 1., 1e, "\x", "\u12", "open"#,
        #"{"format": "kembar-dataset", "version": 2, "cities": [TRUE]}"#,
    ]

    static let csvInputs: [String] = [
        "key,partnership,kind,title_en,start,travel,venue,status,participants,organisations,tags,bogus,status\n"
            + "a,p,lecture,,2019-02-30,boat,online,completed,pupil=ten,x:king,nocolon,1,completed\n",
        "key,partnership,kind,start\n\"a\"b,p\n",
        "city,indicator,period,value,population\nsurabaya,x,2023,abc,1\n",
        "name,age\nx,1\n",
        "key,partnership,title_en,budget_currency,budget_funding,targets\nx,p,X,IDR,APBD,\n",
        "key,partnership,kind,title_en,start,travel,venue,status,cost_amount\na,p,training,A,2020,none,online,completed,5\n",
        "key,partnership,kind,title_en,start,travel,venue,status,cost_currency\na,p,training,A,2020,none,online,completed,IDR\n",
    ]

    /// Records breaking each domain rule.
    static func brokenRecords() throws -> Dataset {
        let date = { (text: String) in try PartialDate(parsing: text) }
        var data = Dataset(
            sources: [Source(id: "Bad Key", kind: .news, title: " ", url: "javascript:alert(1)")],
            cities: [
                City(
                    id: "c", name: LocalizedText(), country: "idn", subdivision: "GB-XX", adminLevel: .city,
                    population: .init(count: -1, year: 2020), coordinates: Coordinates(latitude: 100, longitude: 200),
                    figures: [
                        Figure(
                            label: LocalizedText(en: "x"), value: .nan, period: try date("2020"),
                            periodEnd: try date("2019"), alternatives: [Figure.Alternative(value: 1)])
                    ])
            ],
            organisations: [
                Organisation(id: "o", name: LocalizedText(en: "o"), kind: .consulate, country: "ID", represents: "x")
            ],
            partnerships: [
                Partnership(id: "p", kind: .sisterCity, city: "c", partnerCity: "c", stage: nil),
                Partnership(id: "q", kind: .institutionCooperation, city: "c", stage: nil),
            ],
            agreements: [
                Agreement(
                    id: "g", partnership: "p", kind: .other, title: LocalizedText(en: "g"), signed: try date("2020"),
                    validFrom: try date("2021"), validUntil: try date("2019"), termYears: 500, renews: "g",
                    amends: "nowhere")
            ],
            activities: [
                Activity(
                    id: "a", partnership: "p", kind: .training, title: LocalizedText(en: "a"), start: try date("2020"),
                    end: try date("2019"), durationDays: 0, travel: .none, venue: .online, sessions: 0,
                    participants: [Participants(role: "pupil", count: -1, breakdown: ["girls": 5])],
                    tags: [FrameworkTag(framework: "nothing", node: "x")], status: .completed,
                    delivers: ["elsewhere"], cost: Money(amount: -5, currency: "rp"))
            ])
        data.agreements.append(
            Agreement(
                id: "q-mou", partnership: "q", kind: .mou, title: LocalizedText(en: "q"), signed: try date("2020")))
        data.actions = [
            PlannedAction(
                id: "elsewhere", partnership: "q", agreement: "g", title: LocalizedText(en: "x"),
                budget: Budget(amount: 2e16, currency: "IDR"),
                targets: [
                    Target(
                        id: "Bad Key", indicator: LocalizedText(), measure: .results, value: -1, date: try date("2020")),
                    Target(
                        id: "t", indicator: LocalizedText(en: "t"), measure: .participants, value: -2,
                        date: try date("2020")),
                ])
        ]
        data.observations = [
            Observation(
                id: "o1", city: "c", indicator: FrameworkTag(framework: "f", node: "n"), period: try date("2020"),
                value: 1),
            Observation(
                id: "o2", city: "c", indicator: FrameworkTag(framework: "f", node: "n"), period: try date("2020"),
                value: 2),
        ]
        return data
    }

    /// Words of Kembar's own English details; an Indonesian detail containing one was not translated.
    static let english = [
        "the ", " is ", "expected", "must", "unknown", " field", "column", "allowed", "give ", "need", "one of",
        "at most", "starts", "signed", "valid from", "required", "missing", "never", "after", "before", " file",
        "line", "with", "number", "digit", "string", "quote", "comma", "leave", "instead", "twice", "known",
        "belongs", "refer", "does not", "outside", "e.g.", "letters", "characters", "object", "array", "also at",
    ]

    @Test("every detail of a corpus of bad input is Indonesian under --lang id")
    func everyDetailTranslated() throws {
        var violations: [Violation] = []
        for (i, text) in Self.jsonInputs.enumerated() {
            var batch = ImportBatch()
            batch.addJSON(Array(text.utf8), file: "f\(i).json")
            violations += batch.violations(existing: ReferenceIndex())
        }
        for (i, text) in Self.csvInputs.enumerated() {
            var batch = ImportBatch()
            batch.addCSV(text, file: "f\(i).csv")
            violations += batch.violations(existing: ReferenceIndex())
        }
        violations += try Self.brokenRecords().violations()
        let details = Set(violations.compactMap(\.detail))
        #expect(details.count > 45, "the corpus should exercise many kinds of detail")
        var untranslated: [String] = []
        for detail in details {
            let indonesian = Catalogue.detail(detail, .id)
            // Values a detail quotes or lists (field names, keys) are written as they are; only Kembar's words count.
            let words = (indonesian.components(separatedBy: "Yang dikenal:").first ?? "")
                .replacingOccurrences(of: #"'[^']*'"#, with: "", options: .regularExpression)
            if Self.english.contains(where: { words.lowercased().contains($0) }) {
                untranslated.append("\(detail) → \(indonesian)")
            }
        }
        #expect(untranslated.isEmpty, "\(untranslated.sorted().joined(separator: "\n"))")
        // The English text is left exactly as the core wrote it.
        #expect(details.allSatisfy { Catalogue.detail($0, .en) == $0 })
    }

    @Test("a described violation is wholly Indonesian")
    func describedInIndonesian() {
        let violation = Violation(
            location: "a.csv:3", field: "end", value: "2019", rule: .activityEndsBeforeStart, detail: "starts 2020")
        #expect(
            Catalogue.describe(violation, .id)
                == "a.csv:3 end = \"2019\": kegiatan tidak dapat berakhir sebelum dimulai [activity-ends-before-start] "
                + "(dimulai 2020)")
    }
}

/// Numbers from stored data or computations never trap the code that draws or formats them.
@Suite struct HostileNumberTests {
    @Test("huge and non-finite numbers are written, never converted to a trapping Int")
    func formatting() {
        #expect(Format.decimal(1e19, .en) == "1e+19")
        #expect(Format.decimal(-1e19, .id) == "-1e+19")
        #expect(Format.decimal(1e14, digits: 6, .en) == "1e+14")
        #expect(Format.decimal(.nan, .en) == "—" && Format.decimal(.infinity, .id) == "—")
        #expect(Format.decimal(10.35, .id) == "10,35")
    }

    @Test("a rank chart with NaN or absurd ranks draws them as missing")
    func rankChart() {
        let svg = Charts.rankIntervals(
            [
                .init(label: "A", nominal: .nan, median: .nan, low: .nan, high: .nan),
                .init(label: "B", nominal: 1, median: 1, low: 1, high: 1e300),
                .init(label: "C", nominal: 2, median: 2, low: 1, high: 3),
            ], title: "t", description: "d", id: "r")
        #expect(svg.contains(">—</text>"))
        #expect(!svg.contains("nan"))
        #expect(svg.contains("C: 2 [1–3]"))
    }
}
