/// The defaults an evaluation uses; every one is documented in docs/EVALUATION.md.
public struct EvaluationSettings: Hashable, Sendable, Codable {
    /// A partnership with no delivered activity for this many months reads as dormant.
    public var dormantAfterMonths: Int
    /// An agreement ending within this many days reads as renewal due.
    public var renewalWindowDays: Int
    /// Commitment and continuity is met when at least this share of the years since the first agreement saw an
    /// activity.
    public var continuityShare: Double
    /// Results are met when at least this share of the agreed fields has a completed activity.
    public var resultsShare: Double
    /// Participant roles that stand for government rather than the community.
    public var officialRoles: Set<String>

    public init(
        dormantAfterMonths: Int = 24, renewalWindowDays: Int = 180, continuityShare: Double = 0.5,
        resultsShare: Double = 0.5,
        officialRoles: Set<String> = ["official", "mayor", "staff", "civil-servant", "delegate", "diplomat"]
    ) {
        self.dormantAfterMonths = dormantAfterMonths
        self.renewalWindowDays = renewalWindowDays
        self.continuityShare = continuityShare
        self.resultsShare = resultsShare
        self.officialRoles = officialRoles
    }

    private enum CodingKeys: String, CodingKey {
        case dormantAfterMonths, renewalWindowDays, continuityShare, resultsShare, officialRoles
    }

    /// Writes the official roles sorted: a set's order changes from one run to the next, and the same evaluation
    /// must be the same bytes (the API's ETag, reports compared by digest).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dormantAfterMonths, forKey: .dormantAfterMonths)
        try c.encode(renewalWindowDays, forKey: .renewalWindowDays)
        try c.encode(continuityShare, forKey: .continuityShare)
        try c.encode(resultsShare, forKey: .resultsShare)
        try c.encode(officialRoles.sorted(), forKey: .officialRoles)
    }
}

/// How many activities and people something reached.
public struct Reach: Hashable, Sendable, Codable {
    public var activities: Int
    /// People counted across the activities that give a count.
    public var participants: Int
    /// Some count is approximate ("around 250"); the total must be shown as approximate.
    public var approximate: Bool
    /// Activities that give no participant count, so the total is a lower bound when this is not zero.
    public var activitiesWithoutCount: Int

    public init(activities: Int = 0, participants: Int = 0, approximate: Bool = false, activitiesWithoutCount: Int = 0)
    {
        self.activities = activities
        self.participants = participants
        self.approximate = approximate
        self.activitiesWithoutCount = activitiesWithoutCount
    }

    mutating func add(_ activity: Activity) {
        activities += 1
        if activity.participants.isEmpty {
            activitiesWithoutCount += 1
        } else {
            let total = activity.participantTotal
            participants += total.count
            approximate = approximate || total.approximate
        }
    }

    static func of(_ activities: [Activity]) -> Reach {
        var reach = Reach()
        for activity in activities { reach.add(activity) }
        return reach
    }
}

/// People of one role reached, summed over activities.
public struct RoleCount: Hashable, Sendable, Codable {
    public var role: String
    public var count: Int
    public var approximate: Bool

    public init(role: String, count: Int, approximate: Bool) {
        self.role = role
        self.count = count
        self.approximate = approximate
    }
}

/// Person-days: for each activity its length in days times the people it reached, where both are known.
public struct PersonDays: Hashable, Sendable, Codable {
    /// The sum over the activities where it could be computed; `nil` when it could be computed for none.
    public var value: Int?
    public var approximate: Bool
    /// Activities whose length or participant count is unknown, so they are left out of ``value``.
    public var notComputable: [ActivityKey]

    public init(value: Int?, approximate: Bool, notComputable: [ActivityKey]) {
        self.value = value
        self.approximate = approximate
        self.notComputable = notComputable
    }
}

/// An activity or initiative that supports a finding, with its sources.
public struct Evidence: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case activity, initiative }

    public var kind: Kind
    public var key: String
    public var title: LocalizedText
    public var date: PartialDate?
    /// For initiatives: the city that runs it.
    public var city: CityKey?
    public var sources: [SourceKey]

    public init(
        kind: Kind, key: String, title: LocalizedText, date: PartialDate?, city: CityKey? = nil,
        sources: [SourceKey]
    ) {
        self.kind = kind
        self.key = key
        self.title = title
        self.date = date
        self.city = city
        self.sources = sources
    }
}

/// What the cooperation delivered under one dimension (or sub-dimension) of the framework.
public struct DimensionFinding: Hashable, Sendable, Codable {
    public var node: String
    public var name: LocalizedText
    public var level: NodeLevel
    public var reach: Reach
    public var roles: [RoleCount]
    public var personDays: PersonDays
    public var first: PartialDate?
    public var last: PartialDate?
    /// The delivered activities placed here, oldest first.
    public var evidence: [Evidence]
    /// Both cities' own initiatives placed here (context, not cooperation).
    public var initiatives: [Evidence]
    /// Sub-dimensions that at least one delivered activity reaches (only for dimensions).
    public var subdimensions: [DimensionFinding]

    public init(
        node: String, name: LocalizedText, level: NodeLevel, reach: Reach, roles: [RoleCount],
        personDays: PersonDays, first: PartialDate?, last: PartialDate?, evidence: [Evidence],
        initiatives: [Evidence], subdimensions: [DimensionFinding]
    ) {
        self.node = node
        self.name = name
        self.level = level
        self.reach = reach
        self.roles = roles
        self.personDays = personDays
        self.first = first
        self.last = last
        self.evidence = evidence
        self.initiatives = initiatives
        self.subdimensions = subdimensions
    }
}

/// A tag that could not be placed in the evaluation's framework — listed, never dropped.
public struct UnmappedTag: Hashable, Sendable, Codable {
    public var tag: FrameworkTag
    public var reason: UnmappedReason
    public var activities: [ActivityKey]
    public var initiatives: [InitiativeKey]
    /// Activities carrying this tag that no other tag places either.
    public var activitiesLeftUnplaced: [ActivityKey]

    public init(
        tag: FrameworkTag, reason: UnmappedReason, activities: [ActivityKey], initiatives: [InitiativeKey],
        activitiesLeftUnplaced: [ActivityKey]
    ) {
        self.tag = tag
        self.reason = reason
        self.activities = activities
        self.initiatives = initiatives
        self.activitiesLeftUnplaced = activitiesLeftUnplaced
    }
}

/// Fields named in the agreements compared with fields where something was completed.
public struct MoUImplementation: Hashable, Sendable, Codable {
    /// Which agreements the agreed fields come from.
    public enum Basis: String, Hashable, Sendable, Codable {
        /// Agreements in force on the evaluation date.
        case inForce = "in-force"
        /// No agreement is in force, so every agreement ever signed.
        case everSigned = "ever-signed"
        /// No agreement names a field.
        case none
    }

    public var basis: Basis
    public var agreements: [AgreementKey]
    public var agreed: [FieldKey]
    /// Agreed fields with at least one completed activity.
    public var implemented: [FieldKey]
    /// Agreed fields with no completed activity: named so nobody has to infer them.
    public var undelivered: [FieldKey]
    /// Fields of completed activities that no agreement names.
    public var outsideAgreement: [FieldKey]
    /// Completed activities per agreed field, by field key, counting only those on or after the field was agreed.
    public var activitiesPerField: [String: Int]
    /// Completed activities that ended before the first agreement was signed: shown apart, never counted as
    /// implementing it.
    public var beforeAgreement: PreAgreementWork

    public init(
        basis: Basis, agreements: [AgreementKey], agreed: [FieldKey], implemented: [FieldKey],
        undelivered: [FieldKey], outsideAgreement: [FieldKey], activitiesPerField: [String: Int],
        beforeAgreement: PreAgreementWork = PreAgreementWork()
    ) {
        self.basis = basis
        self.agreements = agreements
        self.agreed = agreed
        self.implemented = implemented
        self.undelivered = undelivered
        self.outsideAgreement = outsideAgreement
        self.activitiesPerField = activitiesPerField
        self.beforeAgreement = beforeAgreement
    }

    /// Implemented over agreed, e.g. 1/4 = 0.25; `nil` when no field was agreed.
    public var ratio: Double? { agreed.isEmpty ? nil : Double(implemented.count) / Double(agreed.count) }
}

/// Cooperation before the first agreement with fields was signed (e.g. years of projects before an MoU).
public struct PreAgreementWork: Hashable, Sendable, Codable {
    /// The signing date of the first agreement the work came before.
    public var signed: PartialDate?
    public var activities: [ActivityKey]
    /// The fields those activities served.
    public var fields: [FieldKey]
    public var reach: Reach

    public init(
        signed: PartialDate? = nil, activities: [ActivityKey] = [], fields: [FieldKey] = [], reach: Reach = Reach()
    ) {
        self.signed = signed
        self.activities = activities
        self.fields = fields
        self.reach = reach
    }
}

/// Soft versus hard infrastructure, by activities and participants.
public struct InfrastructureSplit: Hashable, Sendable, Codable {
    public var soft: Reach
    public var hard: Reach
    /// Activities whose infrastructure is not recorded.
    public var unspecified: Reach

    public init(soft: Reach, hard: Reach, unspecified: Reach) {
        self.soft = soft
        self.hard = hard
        self.unspecified = unspecified
    }
}

/// Activities and participants by who travelled, seen from the partnership's first city.
public struct Reciprocity: Hashable, Sendable, Codable {
    /// People of the first city travelled to the partner (travel `from-city` or `both-ways`).
    public var toPartner: Reach
    /// People of the partner travelled to the first city (travel `from-partner` or `both-ways`).
    public var fromPartner: Reach
    /// Nobody travelled, and the cities met online or in a hybrid session: joint.
    public var joint: Reach
    /// Nobody travelled and nobody met: work exchanged at a distance (a book posted, a report sent).
    public var remote: Reach

    public init(toPartner: Reach, fromPartner: Reach, joint: Reach, remote: Reach = Reach()) {
        self.toPartner = toPartner
        self.fromPartner = fromPartner
        self.joint = joint
        self.remote = remote
    }

    static func of(_ activities: [Activity]) -> Reciprocity {
        let nobody = activities.filter { $0.travel == .none }
        return Reciprocity(
            toPartner: .of(activities.filter { $0.travel == .fromCity || $0.travel == .bothWays }),
            fromPartner: .of(activities.filter { $0.travel == .fromPartner || $0.travel == .bothWays }),
            joint: .of(nobody.filter { $0.venue == .online || $0.venue == .hybrid }),
            remote: .of(nobody.filter { $0.venue != .online && $0.venue != .hybrid }))
    }
}

/// Years with activity since the first agreement.
public struct Continuity: Hashable, Sendable, Codable {
    /// A run of calendar years without any delivered activity.
    public struct Gap: Hashable, Sendable, Codable {
        public var from: Int
        public var to: Int
        public var years: Int { to - from + 1 }
        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    /// The year the cooperation began: the earliest of its recorded start, first activity and first agreement;
    /// `nil` when none is recorded.
    public var since: Int?
    /// That beginning at the source's precision.
    public var start: PartialDate?
    /// Up to and including the year of the evaluation date.
    public var until: Int
    public var activeYears: [Int]
    /// The longest run of years without activity inside the span (the earliest when several are as long).
    public var longestGap: Gap?

    public init(since: Int?, until: Int, activeYears: [Int], longestGap: Gap?, start: PartialDate? = nil) {
        self.since = since
        self.start = start
        self.until = until
        self.activeYears = activeYears
        self.longestGap = longestGap
    }

    /// Years in the span, `since` to `until` inclusive.
    public var yearsInSpan: Int { since.map { max(0, until - $0 + 1) } ?? 0 }
    /// Active years over years in the span; `nil` without a first agreement.
    public var share: Double? { yearsInSpan == 0 ? nil : Double(activeYears.count) / Double(yearsInSpan) }
}

/// Activities and participants of one calendar year.
public struct YearFigures: Hashable, Sendable, Codable {
    public var year: Int
    /// Activities that started in the year, with their participants (each activity is counted in one year only).
    public var reach: Reach
    /// Activities that started earlier and were still running in the year (a programme spanning years).
    public var continuing: Int

    public init(year: Int, reach: Reach, continuing: Int = 0) {
        self.year = year
        self.reach = reach
        self.continuing = continuing
    }

    /// Nothing started or ran in the year.
    public var isSilent: Bool { reach.activities == 0 && continuing == 0 }
}

/// Where the partnership stands on the evaluation date.
public enum PartnershipStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// No binding agreement yet: only milestones or a letter of intent.
    case exploring
    /// An agreement in force and recent activity.
    case active
    /// An agreement in force but no delivered activity for the dormancy period.
    case dormant
    /// The agreement in force ends within the renewal window and no renewal is recorded.
    case renewalDue = "renewal-due"
    /// Every binding agreement has ended.
    case expired
    /// A termination was signed.
    case terminated
}

/// Why a status applies: the facts, so reports can state them in either language.
public struct StatusReason: Hashable, Sendable, Codable {
    public var status: PartnershipStatus
    /// The agreement the reason is about (the one in force, expired or terminating).
    public var agreement: AgreementKey?
    /// The relevant day: agreement end, termination date, last activity, or the day dormancy started.
    public var date: PartialDate?
    /// Days from the evaluation date to the agreement's end (renewal due), or since the last activity (dormant).
    public var days: Int?
    /// Months of the dormancy period or days of the renewal window used.
    public var threshold: Int?

    public init(
        status: PartnershipStatus, agreement: AgreementKey? = nil, date: PartialDate? = nil, days: Int? = nil,
        threshold: Int? = nil
    ) {
        self.status = status
        self.agreement = agreement
        self.date = date
        self.days = days
        self.threshold = threshold
    }
}

/// An activity recorded as ongoing with no end: it should be updated (ended, or given an end date).
public struct OngoingActivity: Hashable, Sendable, Codable {
    public var activity: ActivityKey
    /// Its start: the last thing known about it.
    public var since: PartialDate

    public init(activity: ActivityKey, since: PartialDate) {
        self.activity = activity
        self.since = since
    }
}

/// The status with its reason, plus any other condition that also holds (e.g. dormant and renewal due).
public struct StatusFinding: Hashable, Sendable, Codable {
    public var status: PartnershipStatus
    public var reason: StatusReason
    public var alsoApplies: [StatusReason]
    /// No agreement in force states an end, so renewal cannot be checked.
    public var endDateUnknown: Bool
    /// Ongoing activities with no end date: "ongoing, no update since …".
    public var ongoingWithoutEnd: [OngoingActivity]

    public init(
        status: PartnershipStatus, reason: StatusReason, alsoApplies: [StatusReason], endDateUnknown: Bool,
        ongoingWithoutEnd: [OngoingActivity] = []
    ) {
        self.status = status
        self.reason = reason
        self.alsoApplies = alsoApplies
        self.endDateUnknown = endDateUnknown
        self.ongoingWithoutEnd = ongoingWithoutEnd
    }
}

/// The five UNDP key elements of city-to-city cooperation.
public enum KeyElement: String, Hashable, Sendable, Codable, CaseIterable {
    case legalAgreement = "legal-agreement"
    case communityParticipation = "community-participation"
    case commitmentContinuity = "commitment-continuity"
    case reciprocity
    case results
}

/// How far the data shows a key element to be met.
public enum Judgement: String, Hashable, Sendable, Codable, CaseIterable {
    case met, partlyMet = "partly-met", notMet = "not-met", notEnoughData = "not-enough-data"
}

/// One key element judged, with the rule branch that decided it and the figures it used.
public struct KeyElementFinding: Hashable, Sendable, Codable {
    public var element: KeyElement
    public var judgement: Judgement
    /// The branch of the element's rule that applied, e.g. `binding-in-force`, `only-intent`; reports phrase it.
    public var branch: String
    /// The figures the rule compared, by name (`activeYears`, `yearsInSpan`, `implemented`, …).
    public var figures: [String: Int]

    public init(element: KeyElement, judgement: Judgement, branch: String, figures: [String: Int] = [:]) {
        self.element = element
        self.judgement = judgement
        self.branch = branch
        self.figures = figures
    }
}

/// The evaluation of one partnership against one framework on one day: what the CLI, API, pages and reports show.
public struct PartnershipEvaluation: Hashable, Sendable, Codable {
    public var partnership: PartnershipKey
    public var city: CityKey
    public var partnerCity: CityKey?
    public var partnerOrganisation: OrganisationKey?
    public var framework: FrameworkKey
    public var frameworkName: LocalizedText
    /// Crosswalks used to place tags stored against other frameworks.
    public var crosswalksUsed: [CrosswalkKey]
    public var asOf: PartialDate
    public var settings: EvaluationSettings

    public var status: StatusFinding
    /// Delivered (completed or ongoing, started by the evaluation date) activities, with participants.
    public var delivered: Reach
    /// Planned or cancelled activities, and activities starting after the evaluation date: not counted anywhere.
    public var notCounted: [ActivityKey]
    /// Every dimension of the framework, in the framework's order, including those nothing reached.
    public var dimensions: [DimensionFinding]
    /// Delivered activities that no tag places in the framework.
    public var unplaced: [ActivityKey]
    public var unmappedTags: [UnmappedTag]
    public var mou: MoUImplementation
    public var infrastructure: InfrastructureSplit
    public var reciprocity: Reciprocity
    public var continuity: Continuity
    public var years: [YearFigures]
    public var keyElements: [KeyElementFinding]
    /// Delivered activities placed under more than one dimension, so counted in each: the dimensions' counts add up
    /// to more than the distinct activities in ``delivered``.
    public var multiDimensional: [ActivityKey]
    /// The partnership's action plans: planned vs delivered actions per field, targets, budget (empty without a plan).
    public var plan: PlanProgress

    public init(
        partnership: PartnershipKey, city: CityKey, partnerCity: CityKey?, partnerOrganisation: OrganisationKey?,
        framework: FrameworkKey, frameworkName: LocalizedText, crosswalksUsed: [CrosswalkKey], asOf: PartialDate,
        settings: EvaluationSettings, status: StatusFinding, delivered: Reach, notCounted: [ActivityKey],
        dimensions: [DimensionFinding], unplaced: [ActivityKey], unmappedTags: [UnmappedTag], mou: MoUImplementation,
        infrastructure: InfrastructureSplit, reciprocity: Reciprocity, continuity: Continuity, years: [YearFigures],
        keyElements: [KeyElementFinding], multiDimensional: [ActivityKey] = [],
        plan: PlanProgress? = nil
    ) {
        self.partnership = partnership
        self.city = city
        self.partnerCity = partnerCity
        self.partnerOrganisation = partnerOrganisation
        self.framework = framework
        self.frameworkName = frameworkName
        self.crosswalksUsed = crosswalksUsed
        self.asOf = asOf
        self.settings = settings
        self.status = status
        self.delivered = delivered
        self.notCounted = notCounted
        self.dimensions = dimensions
        self.unplaced = unplaced
        self.unmappedTags = unmappedTags
        self.mou = mou
        self.infrastructure = infrastructure
        self.reciprocity = reciprocity
        self.continuity = continuity
        self.years = years
        self.keyElements = keyElements
        self.multiDimensional = multiDimensional
        self.plan = plan ?? PlanProgress(asOf: asOf, actions: [], spent: [])
    }

    /// Dimensions at least one delivered activity reaches, in the framework's order.
    public var dimensionsReached: [DimensionFinding] { dimensions.filter { $0.reach.activities > 0 } }

    /// The finding for one key element.
    public func keyElement(_ element: KeyElement) -> KeyElementFinding? { keyElements.first { $0.element == element } }
}

/// Why a partnership cannot be evaluated.
public enum EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownPartnership(PartnershipKey)
    case unknownFramework(FrameworkKey)
    case unknownCity(CityKey)

    public var description: String {
        switch self {
        case .unknownPartnership(let key): "no partnership '\(key)' in the data"
        case .unknownFramework(let key): "no framework '\(key)' in the library"
        case .unknownCity(let key): "no city '\(key)' in the data"
        }
    }
}
