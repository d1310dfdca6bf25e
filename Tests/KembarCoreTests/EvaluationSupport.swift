import Foundation
import KembarCore

/// The bundled data, read from the source tree so tests see exactly what ships.
enum Bundled {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KembarStorage/Bundled/\(name)")
    }

    static func load(_ name: String) throws -> Dataset {
        try DatasetCodec.decode(try Data(contentsOf: url(name)))
    }

    static func founding() throws -> Dataset { try load("founding.json") }
    static func library() throws -> FrameworkLibrary { FrameworkLibrary(try load("frameworks.json")) }
}

/// A `PartialDate` from text; test data is written by hand, so a bad literal is a bug in the test.
func ymd(_ text: String) -> PartialDate { try! PartialDate(parsing: text) }
func day(_ text: String) -> Day { ymd(text).firstDay }

/// Small made-up partnerships for the status and key-element rules.
enum Synthetic {
    static let key: PartnershipKey = "alpha-beta"
    static let cohen: FrameworkKey = "cohen-smart-city-wheel"

    static func dataset(
        agreements: [Agreement], activities: [Activity] = [], milestones: [Milestone] = [],
        organisations: [Organisation] = []
    ) -> Dataset {
        Dataset(
            cities: [
                City(id: "alpha", name: LocalizedText(en: "Alpha"), country: "ID", adminLevel: .city),
                City(id: "beta", name: LocalizedText(en: "Beta"), country: "GB", adminLevel: .city),
            ],
            organisations: organisations,
            partnerships: [
                Partnership(id: key, kind: .sisterCity, city: "alpha", partnerCity: "beta", stage: .agreement)
            ],
            agreements: agreements, milestones: milestones, activities: activities)
    }

    static func agreement(
        _ id: String, _ kind: Agreement.Kind = .mou, signed: String, until: String? = nil, term: Int? = nil,
        fields: [FieldKey] = ["education"], amends: AgreementKey? = nil, renews: AgreementKey? = nil
    ) -> Agreement {
        Agreement(
            id: AgreementKey(id), partnership: key, kind: kind, title: LocalizedText(en: id), signed: ymd(signed),
            validUntil: until.map(ymd), termYears: term, fields: fields, renews: renews, amends: amends)
    }

    static func activity(
        _ id: String, _ start: String, mode: Activity.LegacyMode = .outbound,
        participants: [Participants] = [Participants(role: "pupil", count: 5)], status: Activity.Status = .completed,
        fields: [FieldKey] = ["education"], tags: [FrameworkTag] = [FrameworkTag(framework: cohen, node: "people")],
        outputs: [LocalizedText] = [], organisations: [OrganisationRole] = []
    ) -> Activity {
        Activity(
            id: ActivityKey(id), partnership: key, kind: .exchange, title: LocalizedText(en: id), start: ymd(start),
            travel: mode.travel, venue: mode.venue, organisations: organisations, participants: participants,
            outputs: outputs, fields: fields,
            tags: tags, infrastructure: .soft, status: status)
    }

    static func evaluate(
        _ data: Dataset, asOf: String, settings: EvaluationSettings = .init()
    ) throws
        -> PartnershipEvaluation
    {
        try Evaluator.evaluate(
            data, partnership: key, framework: cohen, library: try Bundled.library(), asOf: day(asOf),
            settings: settings)
    }
}
