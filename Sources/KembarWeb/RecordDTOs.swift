import KembarCore
import KembarStorage
import Vapor

// What the API shows of each kind of record, nested under the answer that holds it.
//
// Each DTO is the API's contract, not the storage document: a record's key is `key` (as in every other answer), the
// record it belongs to is left out (an agreement nested under its partnership does not repeat the partnership), and
// the names are those of the dataset format (docs/DATASET.md), with the record's stored `version` to send back as
// `If-Match` (a record as `PUT` takes it is at `GET /api/v1/COLLECTION/KEY`). `scripts/make-openapi.py` derives each DTO's schema from the dataset schema by the same two rules, and the
// test suite checks live answers against it field by field; a field renamed in the core is a compile error here,
// not a changed API. Values (texts, dates, tags, sums of money, the vocabularies' words) are the format's own.

/// A record's DTO with its stored version: what a client sends back as `If-Match` to change the record. Made by
/// ``Repository/versioned(_:_:)``, which reads the versions of a whole list at once.
protocol VersionedDTO: Content {
    var key: String { get }
    var version: Int { get set }
}

extension Repository {
    /// `dtos` with the stored version of each (records of `collection`).
    func versioned<D: VersionedDTO>(_ dtos: [D], _ collection: EditableCollection) async throws -> [D] {
        let versions = try await versions(collection, keys: dtos.map(\.key))
        return dtos.map { dto in
            var copy = dto
            copy.version = versions[dto.key] ?? 0
            return copy
        }
    }
}

/// An agreement (letter of intent, MoU, renewal, …) of a partnership.
struct AgreementDTO: VersionedDTO {
    var key: String
    var version = 0
    var kind: Agreement.Kind
    var kindLabel: LocalizedText?
    var title: LocalizedText
    var signed: PartialDate
    var place: String?
    var signatories: [SignatoryDTO]
    var validFrom: PartialDate?
    var validUntil: PartialDate?
    var termYears: Int?
    var fields: [String]
    var purpose: LocalizedText?
    var renews: String?
    var amends: String?
    var document: String?
    var note: String?
    var sources: [String]
    var `internal`: Bool?

    init(_ a: Agreement) {
        key = a.id.rawValue
        kind = a.kind
        kindLabel = a.kindLabel
        title = a.title
        signed = a.signed
        place = a.place
        signatories = a.signatories.map(SignatoryDTO.init)
        validFrom = a.validFrom
        validUntil = a.validUntil
        termYears = a.termYears
        fields = a.fields.map(\.rawValue)
        purpose = a.purpose
        renews = a.renews?.rawValue
        amends = a.amends?.rawValue
        document = a.document
        note = a.note
        sources = a.sources.map(\.rawValue)
        self.internal = a.internal
    }
}

/// Someone who signed an agreement, with the other names sources give for the same place.
struct SignatoryDTO: Content {
    var name: String
    var office: LocalizedText
    var city: String?
    var disputed: Bool?
    var alternatives: [Alternative]
    var sources: [String]

    struct Alternative: Content {
        var name: String
        var office: LocalizedText?
        var sources: [String]
    }

    init(_ s: Signatory) {
        name = s.name
        office = s.office
        city = s.city?.rawValue
        disputed = s.disputed
        alternatives = s.alternatives.map {
            Alternative(name: $0.name, office: $0.office, sources: $0.sources.map(\.rawValue))
        }
        sources = s.sources.map(\.rawValue)
    }
}

/// A dated step of a partnership (first contact, a visit that led to the agreement, a renewal talk, …).
struct MilestoneDTO: VersionedDTO {
    var key: String
    var version = 0
    var kind: Milestone.Kind
    var date: PartialDate
    var end: PartialDate?
    var dateLabel: String?
    var title: LocalizedText
    var description: LocalizedText?
    var organisations: [OrganisationRoleDTO]
    var note: String?
    var sources: [String]
    var `internal`: Bool?

    init(_ m: Milestone) {
        key = m.id.rawValue
        kind = m.kind
        date = m.date
        end = m.end
        dateLabel = m.dateLabel
        title = m.title
        description = m.description
        organisations = m.organisations.map(OrganisationRoleDTO.init)
        note = m.note
        sources = m.sources.map(\.rawValue)
        self.internal = m.internal
    }
}

/// Something done under a partnership.
struct ActivityDTO: VersionedDTO {
    var key: String
    var version = 0
    var kind: Activity.Kind
    var title: LocalizedText
    var description: LocalizedText?
    var start: PartialDate
    var end: PartialDate?
    var dateInferred: Bool?
    var dateLabel: String?
    var durationDays: Int?
    var place: String?
    var travel: Activity.Travel
    var venue: Activity.Venue
    var sessions: Int?
    var organisations: [OrganisationRoleDTO]
    var participants: [ParticipantsDTO]
    var outputs: [LocalizedText]
    var results: [FigureDTO]
    var fields: [String]
    var tags: [FrameworkTag]
    var infrastructure: Infrastructure?
    var status: Activity.Status
    var delivers: [String]
    var cost: Money?
    var note: String?
    var sources: [String]
    var `internal`: Bool?

    init(_ a: Activity) {
        key = a.id.rawValue
        kind = a.kind
        title = a.title
        description = a.description
        start = a.start
        end = a.end
        dateInferred = a.dateInferred
        dateLabel = a.dateLabel
        durationDays = a.durationDays
        place = a.place
        travel = a.travel
        venue = a.venue
        sessions = a.sessions
        organisations = a.organisations.map(OrganisationRoleDTO.init)
        participants = a.participants.map(ParticipantsDTO.init)
        outputs = a.outputs
        results = a.results.map(FigureDTO.init)
        fields = a.fields.map(\.rawValue)
        tags = a.tags
        infrastructure = a.infrastructure
        status = a.status
        delivers = a.delivers.map(\.rawValue)
        cost = a.cost
        note = a.note
        sources = a.sources.map(\.rawValue)
        self.internal = a.internal
    }
}

/// An organisation's part in an activity, milestone or initiative.
struct OrganisationRoleDTO: Content {
    var organisation: String
    var role: OrganisationRole.Role

    init(_ o: OrganisationRole) {
        organisation = o.organisation.rawValue
        role = o.role
    }
}

/// How many people of one role took part.
struct ParticipantsDTO: Content {
    var role: String
    var count: Int
    var approximate: Bool
    var breakdown: [String: Int]

    init(_ p: Participants) {
        role = p.role
        count = p.count
        approximate = p.approximate
        breakdown = p.breakdown
    }
}

/// A number a source gives (an activity's result, an initiative's figure), with the values other sources give.
struct FigureDTO: Content {
    var label: LocalizedText
    var value: Double
    var unit: String?
    var period: PartialDate?
    var periodEnd: PartialDate?
    var approximate: Bool?
    var disputed: Bool?
    var alternatives: [Alternative]
    var note: String?
    var sources: [String]

    struct Alternative: Content {
        var value: Double
        var unit: String?
        var approximate: Bool?
        var note: String?
        var sources: [String]
    }

    init(_ f: Figure) {
        label = f.label
        value = f.value
        unit = f.unit
        period = f.period
        periodEnd = f.periodEnd
        approximate = f.approximate
        disputed = f.disputed
        alternatives = f.alternatives.map {
            Alternative(
                value: $0.value, unit: $0.unit, approximate: $0.approximate, note: $0.note,
                sources: $0.sources.map(\.rawValue))
        }
        note = f.note
        sources = f.sources.map(\.rawValue)
    }
}

/// A recognition a city received (an award, a ranking, a designation), with its dates.
struct RecognitionDTO: Content {
    var title: LocalizedText
    var date: PartialDate?
    var end: PartialDate?
    var sources: [String]

    init(_ r: Recognition) {
        title = r.title
        date = r.date
        end = r.end
        sources = r.sources.map(\.rawValue)
    }
}

/// A step of the national approval procedure a partnership went through, and when.
struct ProcedureStepDTO: Content {
    var step: String
    var date: PartialDate
    var document: String?
    var note: String?
    var sources: [String]

    init(_ p: ProcedureRecord) {
        step = p.step
        date = p.date
        document = p.document
        note = p.note
        sources = p.sources.map(\.rawValue)
    }
}

/// A city's own smart-city programme or service.
struct InitiativeDTO: VersionedDTO {
    var key: String
    var version = 0
    var title: LocalizedText
    var description: LocalizedText?
    var started: PartialDate?
    var organisations: [OrganisationRoleDTO]
    var tags: [FrameworkTag]
    var infrastructure: Infrastructure?
    var figures: [FigureDTO]
    var sources: [String]

    init(_ i: Initiative) {
        key = i.id.rawValue
        title = i.title
        description = i.description
        started = i.started
        organisations = i.organisations.map(OrganisationRoleDTO.init)
        tags = i.tags
        infrastructure = i.infrastructure
        figures = i.figures.map(FigureDTO.init)
        sources = i.sources.map(\.rawValue)
    }
}

/// A value of a framework's indicator for a city in one period.
struct ObservationDTO: VersionedDTO {
    var key: String
    var version = 0
    var indicator: FrameworkTag
    var period: PartialDate
    var value: Double
    var unit: String?
    var approximate: Bool?
    var note: String?
    var sources: [String]

    init(_ o: Observation) {
        key = o.id.rawValue
        indicator = o.indicator
        period = o.period
        value = o.value
        unit = o.unit
        approximate = o.approximate
        note = o.note
        sources = o.sources.map(\.rawValue)
    }
}

/// A source, with its short citation; an interviewee and their office only for signed-in readers.
struct SourceDTO: VersionedDTO {
    var key: String
    var version = 0
    var citation: String
    var kind: Source.Kind
    var authors: [String]
    var title: String
    var container: String?
    var publisher: String?
    var date: PartialDate?
    var url: String?
    var doi: String?
    var accessed: PartialDate?
    var interviewee: String?
    var office: String?
    var note: String?
    var `internal`: Bool?

    init(_ s: Source) {
        key = s.id.rawValue
        citation = s.shortCitation
        kind = s.kind
        authors = s.authors
        title = s.title
        container = s.container
        publisher = s.publisher
        date = s.date
        url = s.url
        doi = s.doi
        accessed = s.accessed
        interviewee = s.interviewee
        office = s.office
        note = s.note
        self.internal = s.internal
    }
}

/// A framework with its tree of dimensions, subdimensions and indicators, and the crosswalks to or from it.
struct FrameworkDTO: Content {
    var key: String
    var name: LocalizedText
    var authors: String?
    var year: Int?
    var version: String?
    var verification: Verification
    var status: String?
    var about: LocalizedText?
    var references: [String]
    var dimensions: [NodeDTO]
    var crosswalks: [CrosswalkDTO]

    init(_ f: Framework, crosswalks: [Crosswalk]) {
        key = f.id.rawValue
        name = f.name
        authors = f.authors
        year = f.year
        version = f.version
        verification = f.verification
        status = f.status
        about = f.about
        references = f.references
        dimensions = f.dimensions.map(NodeDTO.init)
        self.crosswalks = crosswalks.map(CrosswalkDTO.init)
    }

    /// A node of a framework; its key is unique within the framework (`people.inclusive-society`).
    struct NodeDTO: Content {
        var key: String
        var level: NodeLevel
        var name: LocalizedText
        var unit: String?
        var unitName: LocalizedText?
        var direction: Direction?
        var verification: Verification
        var provenance: String?
        var about: LocalizedText?
        var translated: [Language]?
        var children: [NodeDTO]

        init(_ n: FrameworkNode) {
            key = n.id
            level = n.level
            name = n.name
            unit = n.unit
            unitName = n.unitName
            direction = n.direction
            verification = n.verification
            provenance = n.provenance
            about = n.about
            translated = n.translated
            children = n.children.map(NodeDTO.init)
        }
    }
}

/// How the nodes of one framework correspond to another's, and whether a source states it.
struct CrosswalkDTO: Content {
    var key: String
    var from: String
    var to: String
    var sourced: Bool
    var statement: String
    var reference: String?
    var pairs: [Pair]

    struct Pair: Content {
        var from: String
        var to: String
    }

    init(_ c: Crosswalk) {
        key = c.id.rawValue
        from = c.from.rawValue
        to = c.to.rawValue
        sourced = c.sourced
        statement = c.statement
        reference = c.reference
        pairs = c.pairs.map { Pair(from: $0.from, to: $0.to) }
    }
}
