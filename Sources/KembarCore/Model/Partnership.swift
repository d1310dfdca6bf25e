/// The relation between two cities (or a city and a foreign institution).
public struct Partnership: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case sisterCity = "sister-city"
        case friendshipCity = "friendship-city"
        case sisterProvince = "sister-province"
        /// Cooperation of a city with a foreign institution (Indonesian KSDLL); the partner is an organisation.
        case institutionCooperation = "institution-cooperation"
    }

    /// Where the partnership stands in its life, as recorded by people (the evaluation derives its own status).
    public enum Stage: String, Sendable, Codable, CaseIterable {
        case exploration, intent, agreement, implementation, renewal, ended
    }

    public var id: PartnershipKey
    public var kind: Kind
    /// The partnership's own name or programme label ("Green Sister City"), when it has one.
    public var name: LocalizedText?
    /// The first city: the one whose office records the partnership. Directions are seen from here.
    public var city: CityKey
    /// The partner city, for every kind but institution cooperation.
    public var partnerCity: CityKey?
    /// The partner institution, for institution cooperation.
    public var partnerOrganisation: OrganisationKey?
    /// The stage people recorded; `nil` when no source states it (the evaluation derives its own status).
    public var stage: Stage?
    /// When cooperation began, if before the first signed agreement (years of projects before an MoU).
    public var cooperationSince: PartialDate?
    /// Why this partner was chosen.
    public var rationale: LocalizedText?
    /// The laws and regulations the partnership rests on (sources of kind `regulation`).
    public var legalBasis: [SourceKey]
    /// The steps of the national procedure the office recorded as done (others may be shown by agreements,
    /// milestones and activities; see ``ProcedureProgress``).
    public var procedure: [ProcedureRecord]
    public var note: String?
    public var sources: [SourceKey]
    /// Visible to signed-in readers only, with everything recorded under it: `true`, or absent when published.
    public var `internal`: Bool?

    public init(
        id: PartnershipKey, kind: Kind, name: LocalizedText? = nil, city: CityKey, partnerCity: CityKey? = nil,
        partnerOrganisation: OrganisationKey? = nil, stage: Stage?, cooperationSince: PartialDate? = nil,
        rationale: LocalizedText? = nil, legalBasis: [SourceKey] = [], procedure: [ProcedureRecord] = [],
        note: String? = nil, sources: [SourceKey] = [], internal: Bool? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.city = city
        self.partnerCity = partnerCity
        self.partnerOrganisation = partnerOrganisation
        self.stage = stage
        self.cooperationSince = cooperationSince
        self.rationale = rationale
        self.legalBasis = legalBasis
        self.procedure = procedure
        self.note = note
        self.sources = sources
        self.internal = `internal`
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, name, city, partnerCity, partnerOrganisation, stage, cooperationSince, rationale, legalBasis
        case procedure, note, sources, `internal`
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(PartnershipKey.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decodeIfPresent(LocalizedText.self, forKey: .name)
        city = try c.decode(CityKey.self, forKey: .city)
        partnerCity = try c.decodeIfPresent(CityKey.self, forKey: .partnerCity)
        partnerOrganisation = try c.decodeIfPresent(OrganisationKey.self, forKey: .partnerOrganisation)
        stage = try c.decodeIfPresent(Stage.self, forKey: .stage)
        cooperationSince = try c.decodeIfPresent(PartialDate.self, forKey: .cooperationSince)
        rationale = try c.decodeIfPresent(LocalizedText.self, forKey: .rationale)
        legalBasis = try c.decode([SourceKey].self, forKey: .legalBasis)
        procedure = try c.decodeIfPresent([ProcedureRecord].self, forKey: .procedure) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
        sources = try c.decode([SourceKey].self, forKey: .sources)
        `internal` = try c.decodeIfPresent(Bool.self, forKey: .internal)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(city, forKey: .city)
        try c.encodeIfPresent(partnerCity, forKey: .partnerCity)
        try c.encodeIfPresent(partnerOrganisation, forKey: .partnerOrganisation)
        try c.encodeIfPresent(stage, forKey: .stage)
        try c.encodeIfPresent(cooperationSince, forKey: .cooperationSince)
        try c.encodeIfPresent(rationale, forKey: .rationale)
        try c.encode(legalBasis, forKey: .legalBasis)
        // Written only when given, so partnerships without recorded steps keep the documents they had.
        if !procedure.isEmpty { try c.encode(procedure, forKey: .procedure) }
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(sources, forKey: .sources)
        try c.encodeIfPresent(`internal`, forKey: .internal)
    }
}

/// Someone who signed an agreement, and the office they held, with the sources that name them.
///
/// When sources disagree on who signed, the signatory keeps one name and carries the others as ``alternatives``.
public struct Signatory: Hashable, Sendable, Codable {
    /// Another signatory named by other sources for the same place in the agreement.
    public struct Alternative: Hashable, Sendable, Codable {
        public var name: String
        public var office: LocalizedText?
        public var sources: [SourceKey]

        public init(name: String, office: LocalizedText? = nil, sources: [SourceKey] = []) {
            self.name = name
            self.office = office
            self.sources = sources
        }
    }

    public var name: String
    public var office: LocalizedText
    public var city: CityKey?
    /// A source contests the name, whether or not it gives another.
    public var disputed: Bool?
    public var alternatives: [Alternative]
    public var sources: [SourceKey]

    public init(
        name: String, office: LocalizedText, city: CityKey? = nil, disputed: Bool? = nil,
        alternatives: [Alternative] = [], sources: [SourceKey] = []
    ) {
        self.name = name
        self.office = office
        self.city = city
        self.disputed = disputed
        self.alternatives = alternatives
        self.sources = sources
    }

    public var isDisputed: Bool { disputed == true || !alternatives.isEmpty }
    public var allSources: [SourceKey] { sources + alternatives.flatMap(\.sources) }
}

/// A signed document of a partnership.
public struct Agreement: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case letterOfIntent = "letter-of-intent"
        case mou
        case actionPlan = "action-plan"
        case implementingArrangement = "implementing-arrangement"
        case renewal, addendum, termination
        /// The classic European twinning agreement or charter (jumelage, Städtepartnerschaft).
        case twinningAgreement = "twinning-agreement"
        case charter
        case jointDeclaration = "joint-declaration"
        case jointStatement = "joint-statement"
        /// Any other document; ``Agreement/kindLabel`` names it.
        case other
    }

    public var id: AgreementKey
    public var partnership: PartnershipKey
    public var kind: Kind
    /// What the document calls itself, required for kind `other` ("Protocol of friendship").
    public var kindLabel: LocalizedText?
    public var title: LocalizedText
    public var signed: PartialDate
    public var place: String?
    public var signatories: [Signatory]
    /// First day in force; defaults to the signing date.
    public var validFrom: PartialDate?
    /// Last day in force, when the text gives one.
    public var validUntil: PartialDate?
    /// Term in years, when the text gives a term rather than an end date.
    public var termYears: Int?
    public var fields: [FieldKey]
    /// What the agreement states it is for ("to make the cooperation legal and formal").
    public var purpose: LocalizedText?
    /// The agreement this one renews (for renewals).
    public var renews: AgreementKey?
    /// The agreement this one amends (for addenda) or ends (for terminations).
    public var amends: AgreementKey?
    /// Registry number or archive reference of the signed document.
    public var document: String?
    public var note: String?
    public var sources: [SourceKey]
    /// Visible to signed-in readers only (viewers and up): `true`, or absent for a published record.
    public var `internal`: Bool?

    public init(
        id: AgreementKey, partnership: PartnershipKey, kind: Kind, kindLabel: LocalizedText? = nil,
        title: LocalizedText, signed: PartialDate, place: String? = nil, signatories: [Signatory] = [],
        validFrom: PartialDate? = nil, validUntil: PartialDate? = nil, termYears: Int? = nil, fields: [FieldKey] = [],
        purpose: LocalizedText? = nil, renews: AgreementKey? = nil, amends: AgreementKey? = nil,
        document: String? = nil, note: String? = nil, sources: [SourceKey] = [], internal: Bool? = nil
    ) {
        self.id = id
        self.partnership = partnership
        self.kind = kind
        self.kindLabel = kindLabel
        self.title = title
        self.signed = signed
        self.place = place
        self.signatories = signatories
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.termYears = termYears
        self.fields = fields
        self.purpose = purpose
        self.renews = renews
        self.amends = amends
        self.document = document
        self.note = note
        self.sources = sources
        self.internal = `internal`
    }

    /// The last day in force: `validUntil`, else start plus the term, else `nil` (open-ended or unknown).
    public var endDay: Day? {
        if let validUntil { return validUntil.lastDay }
        guard let termYears else { return nil }
        return (validFrom ?? signed).firstDay.adding(months: termYears * 12).adding(days: -1)
    }
}

/// A dated event in a partnership's life that is not an agreement.
public struct Milestone: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case invitation, exploration, visit, meeting, decision, other
    }

    public var id: MilestoneKey
    public var partnership: PartnershipKey
    public var kind: Kind
    public var date: PartialDate
    /// The last day of an event that lasted longer than a day (a two-day conference), when the source gives it.
    public var end: PartialDate?
    /// How the source names the period when it is not a plain date ("FY 2015/16").
    public var dateLabel: String?
    public var title: LocalizedText
    public var description: LocalizedText?
    public var organisations: [OrganisationRole]
    public var note: String?
    public var sources: [SourceKey]
    /// Visible to signed-in readers only (viewers and up): `true`, or absent for a published record.
    public var `internal`: Bool?

    public init(
        id: MilestoneKey, partnership: PartnershipKey, kind: Kind, date: PartialDate, end: PartialDate? = nil,
        dateLabel: String? = nil, title: LocalizedText, description: LocalizedText? = nil,
        organisations: [OrganisationRole] = [], note: String? = nil, sources: [SourceKey] = [], internal: Bool? = nil
    ) {
        self.id = id
        self.partnership = partnership
        self.kind = kind
        self.date = date
        self.end = end
        self.dateLabel = dateLabel
        self.title = title
        self.description = description
        self.organisations = organisations
        self.note = note
        self.sources = sources
        self.internal = `internal`
    }
}
