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

    /// Direction seen from the partnership's first city: outbound goes to the partner, inbound comes from it.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case inbound, outbound, online, hybrid
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
    /// Length in days when the source states it but not the dates ("six weeks" = 42).
    public var durationDays: Int?
    public var place: String?
    public var mode: Mode
    /// Number of sessions, for programmes run in several sittings.
    public var sessions: Int?
    public var organisations: [OrganisationRole]
    public var participants: [Participants]
    public var outputs: [LocalizedText]
    public var fields: [FieldKey]
    public var tags: [FrameworkTag]
    public var infrastructure: Infrastructure?
    public var status: Status
    public var sources: [SourceKey]

    public init(
        id: ActivityKey, partnership: PartnershipKey, kind: Kind, title: LocalizedText,
        description: LocalizedText? = nil, start: PartialDate, end: PartialDate? = nil, durationDays: Int? = nil,
        place: String? = nil, mode: Mode, sessions: Int? = nil, organisations: [OrganisationRole] = [],
        participants: [Participants] = [], outputs: [LocalizedText] = [], fields: [FieldKey] = [],
        tags: [FrameworkTag] = [], infrastructure: Infrastructure? = nil, status: Status, sources: [SourceKey] = []
    ) {
        self.id = id
        self.partnership = partnership
        self.kind = kind
        self.title = title
        self.description = description
        self.start = start
        self.end = end
        self.durationDays = durationDays
        self.place = place
        self.mode = mode
        self.sessions = sessions
        self.organisations = organisations
        self.participants = participants
        self.outputs = outputs
        self.fields = fields
        self.tags = tags
        self.infrastructure = infrastructure
        self.status = status
        self.sources = sources
    }

    /// Everyone reached, and whether any part of the count is approximate.
    public var participantTotal: (count: Int, approximate: Bool) {
        (participants.reduce(0) { $0 + $1.count }, participants.contains { $0.approximate })
    }
}

/// A city's own smart-city programme or service, not tied to a partnership.
public struct Initiative: Hashable, Sendable, Codable, Identifiable {
    /// A figure the source gives about the initiative (e.g. complaints received in a year).
    public struct Figure: Hashable, Sendable, Codable {
        public var label: LocalizedText
        public var value: Double
        public var unit: String?
        public var period: PartialDate?
        public var approximate: Bool?
        public var sources: [SourceKey]

        public init(
            label: LocalizedText, value: Double, unit: String? = nil, period: PartialDate? = nil,
            approximate: Bool? = nil, sources: [SourceKey] = []
        ) {
            self.label = label
            self.value = value
            self.unit = unit
            self.period = period
            self.approximate = approximate
            self.sources = sources
        }
    }

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
