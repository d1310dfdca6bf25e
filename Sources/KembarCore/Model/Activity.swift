/// A reference to a node (dimension, sub-dimension or indicator) of an indicator framework.
public struct FrameworkTag: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var framework: FrameworkKey
    public var node: String

    public init(framework: FrameworkKey, node: String) {
        self.framework = framework
        self.node = node
    }

    /// Parses `framework:node`, e.g. `cohen-smart-city-wheel:people`.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let framework = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        let node = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !framework.isEmpty, !node.isEmpty else { return nil }
        self.init(framework: FrameworkKey(framework), node: node)
    }

    public var description: String { "\(framework.rawValue):\(node)" }
    public static func < (lhs: FrameworkTag, rhs: FrameworkTag) -> Bool { lhs.description < rhs.description }
}

/// Soft infrastructure is people, inclusion and participation; hard infrastructure is technology and ICT.
public enum Infrastructure: String, Sendable, Codable, CaseIterable {
    case soft, hard
}

/// An organisation's part in an activity or milestone.
public struct OrganisationRole: Hashable, Sendable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case organiser, host, trainer, sender, selector, funder, participant, recipient, proposer, partner
    }

    public var organisation: OrganisationKey
    public var role: Role

    public init(organisation: OrganisationKey, role: Role) {
        self.organisation = organisation
        self.role = role
    }
}

/// How many people of one role took part.
public struct Participants: Hashable, Sendable, Codable {
    /// The role, a lower-case word: `pupil`, `teacher`, `coach`, `official`, `parent`, …
    public var role: String
    public var count: Int
    /// The source gives the number as approximate ("around 250"); never shown without that flag.
    public var approximate: Bool
    /// Optional breakdown of the count (e.g. by gender or school); the parts need not cover the whole.
    public var breakdown: [String: Int]

    public init(role: String, count: Int, approximate: Bool = false, breakdown: [String: Int] = [:]) {
        self.role = role
        self.count = count
        self.approximate = approximate
        self.breakdown = breakdown
    }

    private enum CodingKeys: String, CodingKey { case role, count, approximate, breakdown }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(String.self, forKey: .role)
        count = try container.decode(Int.self, forKey: .count)
        approximate = try container.decodeIfPresent(Bool.self, forKey: .approximate) ?? false
        breakdown = try container.decode([String: Int].self, forKey: .breakdown)
    }
}

/// Something done under a partnership: a visit, a training, a webinar, a publication.
public struct Activity: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case delegationVisit = "delegation-visit"
        case training, webinar
        case coachingClinic = "coaching-clinic"
        case exchange, publication, meeting, event, other
    }

    /// Who travelled, seen from the partnership's first city. Where it took place is ``Venue``.
    public enum Travel: String, Sendable, Codable, CaseIterable {
        /// People of the first city went to the partner (outbound).
        case fromCity = "from-city"
        /// People of the partner came to the first city (inbound).
        case fromPartner = "from-partner"
        /// People of both cities travelled (e.g. a joint meeting in a third place, or an exchange both ways).
        case bothWays = "both-ways"
        /// Nobody travelled: online work, something sent by post, work done at home.
        case none
    }

    /// Where the activity took place: in one of the two cities, elsewhere, online, both, or at a distance.
    public enum Venue: String, Sendable, Codable, CaseIterable {
        case firstCity = "first-city"
        case partnerCity = "partner-city"
        /// In person, in a third place (a conference abroad).
        case elsewhere
        case online, hybrid
        /// By post or otherwise at a distance without a meeting (a book sent, a report exchanged).
        case remote
    }

    /// The single `mode` of dataset version 1, read from old files and documents and split into travel and venue.
    public enum LegacyMode: String, Sendable, Codable, CaseIterable {
        case inbound, outbound, online, hybrid

        public var travel: Travel {
            switch self {
            case .inbound: .fromPartner
            case .outbound: .fromCity
            case .online, .hybrid: .none
            }
        }

        public var venue: Venue {
            switch self {
            case .inbound: .firstCity
            case .outbound: .partnerCity
            case .online: .online
            case .hybrid: .hybrid
            }
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case planned, ongoing, completed, cancelled
    }

    public var id: ActivityKey
    public var partnership: PartnershipKey
    public var kind: Kind
    public var title: LocalizedText
    public var description: LocalizedText?
    public var start: PartialDate
    public var end: PartialDate?
    /// The source gives no date; ``start`` is inferred (from the order of events) and must be shown as such.
    public var dateInferred: Bool?
    /// How the source names the period when it is not a plain date, e.g. "FY 2015/16" for 2015-04 to 2016-03.
    public var dateLabel: String?
    /// Length in days when the source states it but not the dates ("six weeks" = 42).
    public var durationDays: Int?
    /// Where it took place, in words: a city, a school, a hall.
    public var place: String?
    public var travel: Travel
    public var venue: Venue
    /// Number of sessions, for programmes run in several sittings.
    public var sessions: Int?
    public var organisations: [OrganisationRole]
    public var participants: [Participants]
    public var outputs: [LocalizedText]
    /// Quantified outcomes ("waste volume −32 %"), each with its own sources.
    public var results: [Figure]
    public var fields: [FieldKey]
    public var tags: [FrameworkTag]
    public var infrastructure: Infrastructure?
    public var status: Status
    /// The planned actions (of its partnership's action plans) this activity delivers.
    public var delivers: [ActionKey]
    /// What the activity cost, when recorded.
    public var cost: Money?
    /// Anything a reader should know that has no field of its own.
    public var note: String?
    public var sources: [SourceKey]
    /// Visible to signed-in readers only (viewers and up): `true`, or absent for a published record.
    public var `internal`: Bool?

    public init(
        id: ActivityKey, partnership: PartnershipKey, kind: Kind, title: LocalizedText,
        description: LocalizedText? = nil, start: PartialDate, end: PartialDate? = nil, dateInferred: Bool? = nil,
        dateLabel: String? = nil, durationDays: Int? = nil, place: String? = nil, travel: Travel, venue: Venue,
        sessions: Int? = nil, organisations: [OrganisationRole] = [], participants: [Participants] = [],
        outputs: [LocalizedText] = [], results: [Figure] = [], fields: [FieldKey] = [], tags: [FrameworkTag] = [],
        infrastructure: Infrastructure? = nil, status: Status, delivers: [ActionKey] = [], cost: Money? = nil,
        note: String? = nil, sources: [SourceKey] = [], internal: Bool? = nil
    ) {
        self.id = id
        self.partnership = partnership
        self.kind = kind
        self.title = title
        self.description = description
        self.start = start
        self.end = end
        self.dateInferred = dateInferred
        self.dateLabel = dateLabel
        self.durationDays = durationDays
        self.place = place
        self.travel = travel
        self.venue = venue
        self.sessions = sessions
        self.organisations = organisations
        self.participants = participants
        self.outputs = outputs
        self.results = results
        self.fields = fields
        self.tags = tags
        self.infrastructure = infrastructure
        self.status = status
        self.delivers = delivers
        self.cost = cost
        self.note = note
        self.sources = sources
        self.internal = `internal`
    }

    private enum CodingKeys: String, CodingKey {
        case id, partnership, kind, title, description, start, end, dateInferred, dateLabel, durationDays, place
        case travel, venue, sessions, organisations, participants, outputs, results, fields, tags, infrastructure
        case status, delivers, cost, note, sources, `internal`
        /// Version 1's single mode, read when `travel` and `venue` are absent.
        case mode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ActivityKey.self, forKey: .id)
        partnership = try c.decode(PartnershipKey.self, forKey: .partnership)
        kind = try c.decode(Kind.self, forKey: .kind)
        title = try c.decode(LocalizedText.self, forKey: .title)
        description = try c.decodeIfPresent(LocalizedText.self, forKey: .description)
        start = try c.decode(PartialDate.self, forKey: .start)
        end = try c.decodeIfPresent(PartialDate.self, forKey: .end)
        dateInferred = try c.decodeIfPresent(Bool.self, forKey: .dateInferred)
        dateLabel = try c.decodeIfPresent(String.self, forKey: .dateLabel)
        durationDays = try c.decodeIfPresent(Int.self, forKey: .durationDays)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        if let legacy = try c.decodeIfPresent(LegacyMode.self, forKey: .mode) {
            travel = try c.decodeIfPresent(Travel.self, forKey: .travel) ?? legacy.travel
            venue = try c.decodeIfPresent(Venue.self, forKey: .venue) ?? legacy.venue
        } else {
            travel = try c.decode(Travel.self, forKey: .travel)
            venue = try c.decode(Venue.self, forKey: .venue)
        }
        sessions = try c.decodeIfPresent(Int.self, forKey: .sessions)
        organisations = try c.decode([OrganisationRole].self, forKey: .organisations)
        participants = try c.decode([Participants].self, forKey: .participants)
        outputs = try c.decode([LocalizedText].self, forKey: .outputs)
        results = try c.decode([Figure].self, forKey: .results)
        fields = try c.decode([FieldKey].self, forKey: .fields)
        tags = try c.decode([FrameworkTag].self, forKey: .tags)
        infrastructure = try c.decodeIfPresent(Infrastructure.self, forKey: .infrastructure)
        status = try c.decode(Status.self, forKey: .status)
        delivers = try c.decodeIfPresent([ActionKey].self, forKey: .delivers) ?? []
        cost = try c.decodeIfPresent(Money.self, forKey: .cost)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        sources = try c.decode([SourceKey].self, forKey: .sources)
        `internal` = try c.decodeIfPresent(Bool.self, forKey: .internal)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(partnership, forKey: .partnership)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
        try c.encodeIfPresent(dateInferred, forKey: .dateInferred)
        try c.encodeIfPresent(dateLabel, forKey: .dateLabel)
        try c.encodeIfPresent(durationDays, forKey: .durationDays)
        try c.encodeIfPresent(place, forKey: .place)
        try c.encode(travel, forKey: .travel)
        try c.encode(venue, forKey: .venue)
        try c.encodeIfPresent(sessions, forKey: .sessions)
        try c.encode(organisations, forKey: .organisations)
        try c.encode(participants, forKey: .participants)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(results, forKey: .results)
        try c.encode(fields, forKey: .fields)
        try c.encode(tags, forKey: .tags)
        try c.encodeIfPresent(infrastructure, forKey: .infrastructure)
        try c.encode(status, forKey: .status)
        // Written only when given, so records without a plan keep the documents they had.
        if !delivers.isEmpty { try c.encode(delivers, forKey: .delivers) }
        try c.encodeIfPresent(cost, forKey: .cost)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(sources, forKey: .sources)
        try c.encodeIfPresent(`internal`, forKey: .internal)
    }

    /// Everyone reached, and whether any part of the count is approximate.
    public var participantTotal: (count: Int, approximate: Bool) {
        (participants.reduce(0) { $0 + $1.count }, participants.contains { $0.approximate })
    }
}

/// A city's own smart-city programme or service, not tied to a partnership.
public struct Initiative: Hashable, Sendable, Codable, Identifiable {
    public typealias Figure = KembarCore.Figure

    public var id: InitiativeKey
    public var city: CityKey
    public var title: LocalizedText
    public var description: LocalizedText?
    public var started: PartialDate?
    public var organisations: [OrganisationRole]
    public var tags: [FrameworkTag]
    public var infrastructure: Infrastructure?
    public var figures: [Figure]
    public var sources: [SourceKey]

    public init(
        id: InitiativeKey, city: CityKey, title: LocalizedText, description: LocalizedText? = nil,
        started: PartialDate? = nil, organisations: [OrganisationRole] = [], tags: [FrameworkTag] = [],
        infrastructure: Infrastructure? = nil, figures: [Figure] = [], sources: [SourceKey] = []
    ) {
        self.id = id
        self.city = city
        self.title = title
        self.description = description
        self.started = started
        self.organisations = organisations
        self.tags = tags
        self.infrastructure = infrastructure
        self.figures = figures
        self.sources = sources
    }
}

/// A number a source gives: an initiative's figure ("complaints received in 2021: 11,316"), an activity's result
/// ("waste volume −32 %"), a city's figure ("sister cities: 14").
///
/// When sources disagree, the figure keeps its value and carries the others as ``alternatives``, each with its own
/// sources: shown as disputed, never merged.
public struct Figure: Hashable, Sendable, Codable {
    /// Another value for the same figure, given by other sources.
    public struct Alternative: Hashable, Sendable, Codable {
        public var value: Double
        public var unit: String?
        public var approximate: Bool?
        public var note: String?
        public var sources: [SourceKey]

        public init(
            value: Double, unit: String? = nil, approximate: Bool? = nil, note: String? = nil,
            sources: [SourceKey] = []
        ) {
            self.value = value
            self.unit = unit
            self.approximate = approximate
            self.note = note
            self.sources = sources
        }
    }

    public var label: LocalizedText
    public var value: Double
    public var unit: String?
    /// When the figure holds: a day, month or year, or the start of a range ending at ``periodEnd``.
    public var period: PartialDate?
    public var periodEnd: PartialDate?
    public var approximate: Bool?
    /// A source contests the value, whether or not it gives another.
    public var disputed: Bool?
    public var alternatives: [Alternative]
    public var note: String?
    public var sources: [SourceKey]

    public init(
        label: LocalizedText, value: Double, unit: String? = nil, period: PartialDate? = nil,
        periodEnd: PartialDate? = nil, approximate: Bool? = nil, disputed: Bool? = nil,
        alternatives: [Alternative] = [], note: String? = nil, sources: [SourceKey] = []
    ) {
        self.label = label
        self.value = value
        self.unit = unit
        self.period = period
        self.periodEnd = periodEnd
        self.approximate = approximate
        self.disputed = disputed
        self.alternatives = alternatives
        self.note = note
        self.sources = sources
    }

    /// Marked disputed, or given other values by other sources.
    public var isDisputed: Bool { disputed == true || !alternatives.isEmpty }

    /// Every source the figure and its alternatives cite.
    public var allSources: [SourceKey] { sources + alternatives.flatMap(\.sources) }
}
