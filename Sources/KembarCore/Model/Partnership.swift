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
    /// The first city: the one whose office records the partnership. Directions are seen from here.
    public var city: CityKey
    /// The partner city, for every kind but institution cooperation.
    public var partnerCity: CityKey?
    /// The partner institution, for institution cooperation.
    public var partnerOrganisation: OrganisationKey?
    public var stage: Stage
    /// Why this partner was chosen.
    public var rationale: LocalizedText?
    public var sources: [SourceKey]

    public init(
        id: PartnershipKey, kind: Kind, city: CityKey, partnerCity: CityKey? = nil,
        partnerOrganisation: OrganisationKey? = nil, stage: Stage, rationale: LocalizedText? = nil,
        sources: [SourceKey] = []
    ) {
        self.id = id
        self.kind = kind
        self.city = city
        self.partnerCity = partnerCity
        self.partnerOrganisation = partnerOrganisation
        self.stage = stage
        self.rationale = rationale
        self.sources = sources
    }
}

/// Someone who signed an agreement, and the office they held.
public struct Signatory: Hashable, Sendable, Codable {
    public var name: String
    public var office: LocalizedText
    public var city: CityKey?

    public init(name: String, office: LocalizedText, city: CityKey? = nil) {
        self.name = name
        self.office = office
        self.city = city
    }
}

/// A signed document of a partnership.
public struct Agreement: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case letterOfIntent = "letter-of-intent"
        case mou
        case actionPlan = "action-plan"
        case implementingArrangement = "implementing-arrangement"
        case renewal, addendum, termination
    }

    public var id: AgreementKey
    public var partnership: PartnershipKey
    public var kind: Kind
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
    /// The agreement this one renews (for renewals).
    public var renews: AgreementKey?
    /// The agreement this one amends (for addenda) or ends (for terminations).
    public var amends: AgreementKey?
    /// Registry number or archive reference of the signed document.
    public var document: String?
    public var sources: [SourceKey]

    public init(
        id: AgreementKey, partnership: PartnershipKey, kind: Kind, title: LocalizedText, signed: PartialDate,
        place: String? = nil, signatories: [Signatory] = [], validFrom: PartialDate? = nil,
        validUntil: PartialDate? = nil, termYears: Int? = nil, fields: [FieldKey] = [], renews: AgreementKey? = nil,
        amends: AgreementKey? = nil, document: String? = nil, sources: [SourceKey] = []
    ) {
        self.id = id
        self.partnership = partnership
        self.kind = kind
        self.title = title
        self.signed = signed
        self.place = place
        self.signatories = signatories
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.termYears = termYears
        self.fields = fields
        self.renews = renews
        self.amends = amends
        self.document = document
        self.sources = sources
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
    public var title: LocalizedText
    public var description: LocalizedText?
    public var organisations: [OrganisationRole]
    public var sources: [SourceKey]

    public init(
        id: MilestoneKey, partnership: PartnershipKey, kind: Kind, date: PartialDate, title: LocalizedText,
        description: LocalizedText? = nil, organisations: [OrganisationRole] = [], sources: [SourceKey] = []
    ) {
        self.id = id
        self.partnership = partnership
        self.kind = kind
        self.date = date
        self.title = title
        self.description = description
        self.organisations = organisations
        self.sources = sources
    }
}
