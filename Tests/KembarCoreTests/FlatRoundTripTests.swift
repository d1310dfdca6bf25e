import Foundation
import KembarCore
import Testing

/// The web forms and CSV files are the records' flat forms: writing a record to its flat form and reading it back must
/// give the same record, or an edit through a form would silently drop what the form does not show.
@Suite struct FlatRoundTripTests {
    func roundTrips<T: FlatCodable & Equatable>(_ records: [T]) {
        for record in records {
            let values = record.flat
            #expect(
                Set(values.keys).isSubset(of: Set(T.columns.map(\.name))), "\(T.collection): a value without a column")
            do {
                let back = try T.read(values)
                #expect(back == record, "\(T.collection): \(values)")
            } catch {
                Issue.record("\(T.collection) did not read back: \(error.violations) from \(values)")
            }
        }
    }

    @Test("every bundled record survives its flat form")
    func bundled() throws {
        let data = try Bundled.founding()
        roundTrips(data.sources)
        roundTrips(data.fields)
        roundTrips(data.cities)
        roundTrips(data.organisations)
        roundTrips(data.partnerships)
        roundTrips(data.agreements)
        roundTrips(data.milestones)
        roundTrips(data.activities)
        roundTrips(data.initiatives)
        roundTrips(data.observations)
    }

    @Test("the green-sister-city fixture survives its flat form")
    func fixture() throws {
        let data = try DatasetCodec.decode(try Data(contentsOf: sharedFixtureURL("green-sister-city.json")))
        roundTrips(data.cities)
        roundTrips(data.organisations)
        roundTrips(data.partnerships)
        roundTrips(data.agreements)
        roundTrips(data.milestones)
        roundTrips(data.activities)
    }

    @Test("generated records with every field survive their flat form", arguments: 1...40)
    func generated(seed: UInt64) throws {
        var g = Generator(seed: seed)
        roundTrips([g.activity()])
        roundTrips([g.agreement()])
        roundTrips([g.partnership()])
        roundTrips([g.city()])
        roundTrips([g.milestone()])
        roundTrips([g.organisation()])
        roundTrips([g.initiative()])
        roundTrips([g.source()])
        roundTrips([g.observation()])
    }

    @Test("an output given in one language only stays one output, aligned with the others")
    func partlyTranslatedOutputs() throws {
        var g = Generator(seed: 7)
        var activity = g.activity()
        activity.outputs = [
            LocalizedText(en: "A book"), LocalizedText(id: "Modul"), LocalizedText(en: "Two; three", id: "Dua; tiga"),
        ]
        let back = try Activity.read(activity.flat)
        #expect(back.outputs == activity.outputs)
    }

    @Test("a participant breakdown survives the form")
    func breakdown() throws {
        var g = Generator(seed: 8)
        var activity = g.activity()
        activity.participants = [Participants(role: "pupil", count: 10, breakdown: ["girls": 4, "boys": 6])]
        #expect(activity.flat["participants"] == "pupil=10[boys=6, girls=4]")
        #expect(try Activity.read(activity.flat).participants == activity.participants)
    }

    @Test("a disputed signatory keeps both names and their sources")
    func disputedSignatory() throws {
        var g = Generator(seed: 9)
        var agreement = g.agreement()
        agreement.signatories = [
            Signatory(
                name: "Sri Lestari", office: LocalizedText(en: "Mayor"), city: "a", disputed: true,
                alternatives: [
                    Signatory.Alternative(name: "Budi", office: LocalizedText(id: "Wakil"), sources: ["n2"])
                ],
                sources: ["n1"])
        ]
        #expect(agreement.flat["signatories"] == "Sri Lestari | Mayor |  | a | n1 | disputed; or Budi |  | Wakil | n2")
        #expect(try Agreement.read(agreement.flat) == agreement)
    }

    @Test("a version-1 mode column still reads as travel and venue")
    func legacyMode() throws {
        var g = Generator(seed: 10)
        var values = g.activity().flat
        values["travel"] = ""
        values["venue"] = ""
        values["mode"] = "inbound"
        let activity = try Activity.read(values)
        #expect(activity.travel == .fromPartner && activity.venue == .firstCity)
    }
}

/// Records with random, valid values in every field (deterministic per seed).
struct Generator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func bool() -> Bool { next() % 2 == 0 }
    mutating func maybe<T>(_ make: (inout Generator) -> T) -> T? { bool() ? make(&self) : nil }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func pickCase<T: CaseIterable>(_ type: T.Type) -> T { pick(Array(T.allCases)) }

    static let words = [
        "pelatihan", "guru", "sekolah", "sampah", "kompos", "port", "harbour", "youth", "club", "Liverpool",
        "Surabaya", "teachers", "a;b", "back\\slash", "über", "Kota", "50 %", "x=y", "one, two",
    ]

    mutating func words(_ count: Int) -> String { (0..<count).map { _ in pick(Self.words) }.joined(separator: " ") }
    mutating func text() -> LocalizedText {
        switch int(0...2) {
        case 0: LocalizedText(en: words(3))
        case 1: LocalizedText(id: words(3))
        default: LocalizedText(en: words(2), id: words(4))
        }
    }
    mutating func key(_ prefix: String) -> String { "\(prefix)-\(int(1...9999))" }
    mutating func date() -> PartialDate {
        let year = int(1960...2030)
        switch int(0...2) {
        case 0: return try! PartialDate(year: year)
        case 1: return try! PartialDate(year: year, month: int(1...12))
        default: return try! PartialDate(year: year, month: int(1...12), day: int(1...28))
        }
    }
    mutating func sources() -> [SourceKey] { (0..<int(0...3)).map { _ in SourceKey(key("src")) } }
    mutating func number() -> Double { pick([0, 1, -32, 10.35, 11316, 0.1, 1e-7, 123_456.789]) }

    mutating func figure() -> Figure {
        Figure(
            label: text(), value: number(), unit: maybe { $0.pick(["%", "t", "people"]) }, period: maybe { $0.date() },
            approximate: maybe { _ in true }, disputed: maybe { _ in true },
            alternatives: (0..<int(0...2)).map { _ in
                Figure.Alternative(value: number(), note: maybe { $0.words(2) }, sources: [SourceKey(key("src"))])
            }, note: maybe { $0.words(5) }, sources: sources())
    }

    mutating func activity() -> Activity {
        let start = date()
        return Activity(
            id: ActivityKey(key("act")), partnership: PartnershipKey(key("p")), kind: pickCase(Activity.Kind.self),
            title: text(), description: maybe { $0.text() }, start: start, end: maybe { _ in start },
            dateInferred: maybe { _ in true }, dateLabel: maybe { $0.pick(["FY 2015/16", "musim 2019"]) },
            durationDays: maybe { $0.int(1...400) }, place: maybe { $0.words(2) },
            travel: pickCase(Activity.Travel.self), venue: pickCase(Activity.Venue.self),
            sessions: maybe { $0.int(1...50) },
            organisations: (0..<int(0...3)).map { _ in
                OrganisationRole(organisation: OrganisationKey(key("org")), role: pickCase(OrganisationRole.Role.self))
            },
            participants: (0..<int(0...3)).map { i in
                Participants(
                    role: ["pupil", "teacher", "coach-or-sports-teacher"][i], count: int(0...500), approximate: bool(),
                    breakdown: bool() ? ["girls": int(0...0)] : [:])
            }, outputs: (0..<int(0...3)).map { _ in text() }, results: (0..<int(0...2)).map { _ in figure() },
            fields: (0..<int(0...3)).map { _ in FieldKey(key("field")) },
            tags: (0..<int(0...2)).map { _ in
                FrameworkTag(framework: "itu-u4ssc-kpis", node: pick(["SC:SH:SI:3C", "EC:ICT:ICT:1C"]))
            }, infrastructure: maybe { $0.pickCase(Infrastructure.self) }, status: pickCase(Activity.Status.self),
            note: maybe { $0.words(6) }, sources: sources())
    }

    mutating func signatory() -> Signatory {
        Signatory(
            name: pick(["Tri Rismaharini", "Joe Anderson", "Hana Mori"]), office: text(),
            city: maybe { CityKey($0.key("city")) }, disputed: maybe { _ in true },
            alternatives: (0..<int(0...2)).map { _ in
                Signatory.Alternative(
                    name: pick(["Budi Santoso", "Whisnu Sakti"]), office: maybe { $0.text() },
                    sources: [SourceKey(key("src"))])
            }, sources: sources())
    }

    mutating func agreement() -> Agreement {
        let kind = pickCase(Agreement.Kind.self)
        return Agreement(
            id: AgreementKey(key("agr")), partnership: PartnershipKey(key("p")), kind: kind,
            kindLabel: kind == .other || bool() ? text() : nil, title: text(), signed: date(),
            place: maybe { $0.words(2) }, signatories: (0..<int(0...3)).map { _ in signatory() },
            validFrom: maybe { $0.date() }, validUntil: maybe { $0.date() }, termYears: maybe { $0.int(1...20) },
            fields: (0..<int(0...4)).map { _ in FieldKey(key("field")) }, purpose: maybe { $0.text() },
            renews: maybe { AgreementKey($0.key("agr")) }, amends: maybe { AgreementKey($0.key("agr")) },
            document: maybe { $0.words(1) }, note: maybe { $0.words(4) }, sources: sources())
    }

    mutating func partnership() -> Partnership {
        Partnership(
            id: PartnershipKey(key("p")), kind: pickCase(Partnership.Kind.self), name: maybe { $0.text() },
            city: CityKey(key("city")), partnerCity: maybe { CityKey($0.key("city")) },
            partnerOrganisation: maybe { OrganisationKey($0.key("org")) },
            stage: maybe { $0.pickCase(Partnership.Stage.self) }, cooperationSince: maybe { $0.date() },
            rationale: maybe { $0.text() }, legalBasis: sources(), note: maybe { $0.words(3) }, sources: sources())
    }

    mutating func city() -> City {
        City(
            id: CityKey(key("city")), name: text(), country: pick(["ID", "GB", "JP"]),
            subdivision: nil, adminLevel: pickCase(City.AdminLevel.self),
            population: maybe { City.Population(count: $0.int(0...3_000_000), year: $0.int(1990...2024)) },
            coordinates: maybe {
                Coordinates(latitude: Double($0.int(-900...900)) / 10, longitude: Double($0.int(-1800...1800)) / 10)
            }, characteristics: (0..<int(0...3)).map { _ in pick(["port", "metropolitan", "capital"]) },
            figures: (0..<int(0...2)).map { _ in figure() },
            recognitions: (0..<int(0...2)).map { _ in
                Recognition(title: text(), date: maybe { $0.date() }, sources: sources())
            }, note: maybe { $0.words(3) }, sources: sources())
    }

    mutating func milestone() -> Milestone {
        let date = date()
        return Milestone(
            id: MilestoneKey(key("m")), partnership: PartnershipKey(key("p")), kind: pickCase(Milestone.Kind.self),
            date: date, end: maybe { _ in date }, dateLabel: maybe { $0.words(1) }, title: text(),
            description: maybe { $0.text() },
            organisations: (0..<int(0...2)).map { _ in
                OrganisationRole(organisation: OrganisationKey(key("org")), role: pickCase(OrganisationRole.Role.self))
            }, note: maybe { $0.words(2) }, sources: sources())
    }

    mutating func organisation() -> Organisation {
        Organisation(
            id: OrganisationKey(key("org")), name: text(), kind: pickCase(Organisation.Kind.self),
            country: pick(["ID", "GB"]), city: maybe { CityKey($0.key("city")) }, place: maybe { $0.words(2) },
            represents: maybe { $0.pick(["GB", "JP"]) }, identifiers: bool() ? ["iati": "GB-GOV-1"] : [:],
            sources: sources())
    }

    mutating func initiative() -> Initiative {
        Initiative(
            id: InitiativeKey(key("ini")), city: CityKey(key("city")), title: text(), description: maybe { $0.text() },
            started: maybe { $0.date() },
            organisations: (0..<int(0...2)).map { _ in
                OrganisationRole(organisation: OrganisationKey(key("org")), role: pickCase(OrganisationRole.Role.self))
            }, tags: [], infrastructure: maybe { $0.pickCase(Infrastructure.self) },
            figures: (0..<int(0...3)).map { _ in figure() }, sources: sources())
    }

    mutating func source() -> Source {
        Source(
            id: SourceKey(key("src")), kind: pickCase(Source.Kind.self),
            authors: (0..<int(0...3)).map { _ in words(2) },
            title: words(4), container: maybe { $0.words(2) }, publisher: maybe { $0.words(2) },
            date: maybe { $0.date() }, url: maybe { _ in "https://example.org/a" }, doi: maybe { _ in "10.1/x" },
            accessed: maybe { $0.date() }, interviewee: maybe { $0.words(2) }, office: maybe { $0.words(2) },
            note: maybe { $0.words(4) })
    }

    mutating func observation() -> Observation {
        Observation(
            id: ObservationKey(key("obs")), city: CityKey(key("city")),
            indicator: FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC:SH:SI:3C"), period: date(), value: number(),
            unit: maybe { _ in "%" }, approximate: maybe { _ in true }, note: maybe { $0.words(3) }, sources: sources())
    }
}

/// A file of `Tests/Fixtures/`, shared by every test target.
func sharedFixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/\(name)")
}
