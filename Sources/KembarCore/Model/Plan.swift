/// An amount of money in one currency. Amounts in different currencies are never added together.
public struct Money: Hashable, Sendable, Codable {
    public var amount: Double
    /// ISO 4217 code: three upper-case letters (`IDR`, `GBP`).
    public var currency: String

    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

/// What a planned action may spend, and where the money comes from.
public struct Budget: Hashable, Sendable, Codable {
    public var amount: Double
    /// ISO 4217 code: three upper-case letters.
    public var currency: String
    /// Where the money comes from, in words ("APBD Kota Surabaya", "British Council grant").
    public var funding: String?

    public init(amount: Double, currency: String, funding: String? = nil) {
        self.amount = amount
        self.currency = currency
        self.funding = funding
    }

    public var money: Money { Money(amount: amount, currency: currency) }
}

/// What a planned action aims to reach by a date, and how Kembar counts what was achieved.
public struct Target: Hashable, Sendable, Codable {
    /// What counts towards the target, from the completed activities that deliver its action.
    public enum Measure: String, Sendable, Codable, CaseIterable {
        /// People reached, of the given roles (all roles when none is given).
        case participants
        /// Completed activities.
        case activities
        /// The activities' structured results whose unit is the target's unit, added up.
        case results
    }

    /// The target's key within its action (`teachers-trained`).
    public var id: String
    /// What is measured, as the plan names it ("Inclusive-school teachers trained").
    public var indicator: LocalizedText
    public var unit: String?
    public var measure: Measure
    /// The participant roles counted, for measure `participants`; empty counts everyone.
    public var roles: [String]
    /// Where the count stood when the plan was made; achieved figures are added to it. Zero when absent.
    public var baseline: Double?
    /// The value to reach; `nil` when the plan leaves it open (progress is then counted but not judged).
    public var value: Double?
    /// When the value should be reached.
    public var date: PartialDate
    public var note: String?
    public var sources: [SourceKey]

    public init(
        id: String, indicator: LocalizedText, unit: String? = nil, measure: Measure, roles: [String] = [],
        baseline: Double? = nil, value: Double?, date: PartialDate, note: String? = nil, sources: [SourceKey] = []
    ) {
        self.id = id
        self.indicator = indicator
        self.unit = unit
        self.measure = measure
        self.roles = roles
        self.baseline = baseline
        self.value = value
        self.date = date
        self.note = note
        self.sources = sources
    }

    private enum CodingKeys: String, CodingKey {
        case id, indicator, unit, measure, roles, baseline, value, date, note, sources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        indicator = try c.decode(LocalizedText.self, forKey: .indicator)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        measure = try c.decode(Measure.self, forKey: .measure)
        roles = try c.decodeIfPresent([String].self, forKey: .roles) ?? []
        baseline = try c.decodeIfPresent(Double.self, forKey: .baseline)
        value = try c.decodeIfPresent(Double.self, forKey: .value)
        date = try c.decode(PartialDate.self, forKey: .date)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        sources = try c.decodeIfPresent([SourceKey].self, forKey: .sources) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(indicator, forKey: .indicator)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encode(measure, forKey: .measure)
        if !roles.isEmpty { try c.encode(roles, forKey: .roles) }
        try c.encodeIfPresent(baseline, forKey: .baseline)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(note, forKey: .note)
        if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
    }
}

/// One planned action of a partnership's action plan: what the cities mean to do, for which fields, when, by whom,
/// with what budget, and the targets it aims at. The action plan of an agreement is the set of planned actions that
/// name it; actions without an agreement belong to the partnership's own plan. Activities name the actions they
/// deliver.
public struct PlannedAction: Hashable, Sendable, Codable, Identifiable {
    public var id: ActionKey
    public var partnership: PartnershipKey
    /// The agreement whose plan this action belongs to (an MoU, an action plan), of the same partnership.
    public var agreement: AgreementKey?
    public var title: LocalizedText
    public var description: LocalizedText?
    public var fields: [FieldKey]
    /// The framework nodes the action aims at.
    public var tags: [FrameworkTag]
    /// The period the action is planned for.
    public var start: PartialDate?
    public var end: PartialDate?
    /// Organisations responsible on the first city's side.
    public var responsibleCity: [OrganisationKey]
    /// Organisations responsible on the partner's side.
    public var responsiblePartner: [OrganisationKey]
    public var budget: Budget?
    public var targets: [Target]
    public var note: String?
    public var sources: [SourceKey]
    /// Visible to signed-in readers only (viewers and up): `true`, or absent for a published record.
    public var `internal`: Bool?

    public init(
        id: ActionKey, partnership: PartnershipKey, agreement: AgreementKey? = nil, title: LocalizedText,
        description: LocalizedText? = nil, fields: [FieldKey] = [], tags: [FrameworkTag] = [],
        start: PartialDate? = nil, end: PartialDate? = nil, responsibleCity: [OrganisationKey] = [],
        responsiblePartner: [OrganisationKey] = [], budget: Budget? = nil, targets: [Target] = [],
        note: String? = nil, sources: [SourceKey] = [], internal: Bool? = nil
    ) {
        self.id = id
        self.partnership = partnership
        self.agreement = agreement
        self.title = title
        self.description = description
        self.fields = fields
        self.tags = tags
        self.start = start
        self.end = end
        self.responsibleCity = responsibleCity
        self.responsiblePartner = responsiblePartner
        self.budget = budget
        self.targets = targets
        self.note = note
        self.sources = sources
        self.internal = `internal`
    }

    public var citedSources: [SourceKey] { sources + targets.flatMap(\.sources) }

    private enum CodingKeys: String, CodingKey {
        case id, partnership, agreement, title, description, fields, tags, start, end, responsibleCity
        case responsiblePartner, budget, targets, note, sources, `internal`
    }

    /// Lists may be left out of a file (a plan written by hand names what it has); they are written out whole.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ActionKey.self, forKey: .id)
        partnership = try c.decode(PartnershipKey.self, forKey: .partnership)
        agreement = try c.decodeIfPresent(AgreementKey.self, forKey: .agreement)
        title = try c.decode(LocalizedText.self, forKey: .title)
        description = try c.decodeIfPresent(LocalizedText.self, forKey: .description)
        fields = try c.decodeIfPresent([FieldKey].self, forKey: .fields) ?? []
        tags = try c.decodeIfPresent([FrameworkTag].self, forKey: .tags) ?? []
        start = try c.decodeIfPresent(PartialDate.self, forKey: .start)
        end = try c.decodeIfPresent(PartialDate.self, forKey: .end)
        responsibleCity = try c.decodeIfPresent([OrganisationKey].self, forKey: .responsibleCity) ?? []
        responsiblePartner = try c.decodeIfPresent([OrganisationKey].self, forKey: .responsiblePartner) ?? []
        budget = try c.decodeIfPresent(Budget.self, forKey: .budget)
        targets = try c.decodeIfPresent([Target].self, forKey: .targets) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
        sources = try c.decodeIfPresent([SourceKey].self, forKey: .sources) ?? []
        `internal` = try c.decodeIfPresent(Bool.self, forKey: .internal)
    }
}
