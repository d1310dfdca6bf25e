/// What a list of partnerships shows and filters by, computed from one partnership's records: the storage keeps it
/// beside the records and brings it up to date in every write, so a list of 25,000 partnerships is a query, not
/// 25,000 evaluations.
public struct PartnershipSummary: Equatable, Sendable {
    public var partnership: PartnershipKey
    /// The partnership's kind and stage as stored (raw values, so a newer server's values survive an older one).
    public var kind: String
    public var stage: String?
    /// The two cities (one for a cooperation with an institution), their countries and subdivisions.
    public var cities: [CityKey]
    public var countries: [String]
    public var subdivisions: [String]
    /// "Surabaya – Liverpool", by language.
    public var titleEnglish: String
    public var titleIndonesian: String
    public var agreementCount: Int
    public var milestoneCount: Int
    public var activityCount: Int
    /// Participants of every activity, and whether any count is approximate.
    public var participants: Int
    public var participantsApproximate: Bool
    /// Each agreement's kind and signing date, in signing order (what the list's "agreements" column reads).
    public var agreements: [Signed]
    /// The latest delivered (completed or ongoing) activity: its last day, for sorting, and its date as recorded.
    public var lastActivityDay: Day?
    public var lastActivity: PartialDate?
    /// Years with an activity or a signed agreement, and fields named by an agreement or an activity.
    public var years: [Int]
    public var fields: [FieldKey]
    /// Activities that need attention: without a source, without participants (publications aside), ongoing
    /// without an end.
    public var activitiesWithoutSources: Int
    public var activitiesWithoutParticipants: Int
    public var ongoingWithoutEnd: Int
    /// The status on every day.
    public var timeline: [StatusSpan]
    /// The partnership is marked internal: only signed-in readers list it.
    public var `internal`: Bool
    /// The latest step of the national procedure done, since when, and the next step (for "stuck at a step").
    public var procedureStep: String?
    /// At the date's precision (`2018`, `2018-03`): its text sorts before every day of the period it names.
    public var procedureSince: PartialDate?
    public var procedureNext: String?
    /// The first day a target of its plans is at risk or missed, with what is delivered so far (see
    /// ``Monitoring/attentionDay(actions:activities:)``).
    public var targetsAttention: Day?

    /// The summary of `partnership`, from its agreements, milestones and activities and the cities it names
    /// (`cities` may hold others; a missing city is named by its key).
    public init(
        _ partnership: Partnership, cities: [CityKey: City], agreements: [Agreement], milestones: [Milestone],
        activities: [Activity], actions: [PlannedAction] = [], procedure: Procedure? = nil,
        settings: EvaluationSettings = .init()
    ) {
        self.partnership = partnership.id
        kind = partnership.kind.rawValue
        stage = partnership.stage?.rawValue
        `internal` = partnership.internal == true
        let keys = [partnership.city] + [partnership.partnerCity].compactMap { $0 }
        self.cities = keys
        let known = keys.compactMap { cities[$0] }
        countries = known.map(\.country)
        subdivisions = known.compactMap(\.subdivision)
        func title(_ language: Language) -> String {
            keys.map { cities[$0]?.name.text(language) ?? $0.rawValue }.joined(separator: " – ")
        }
        titleEnglish = title(.en)
        titleIndonesian = title(.id)
        agreementCount = agreements.count
        milestoneCount = milestones.count
        activityCount = activities.count
        var total = 0
        var approximate = false
        for activity in activities {
            let people = activity.participantTotal
            let (sum, overflow) = total.addingReportingOverflow(people.count)
            total = overflow ? Int.max : sum
            approximate = approximate || people.approximate
        }
        participants = total
        participantsApproximate = approximate
        self.agreements = agreements.sorted { $0.signed != $1.signed ? $0.signed < $1.signed : $0.id < $1.id }
            .map { Signed(kind: $0.kind, date: $0.signed) }
        let delivered = activities.filter { $0.status == .completed || $0.status == .ongoing }
        let latest = delivered.max { Evaluator.lastDay(of: $0) < Evaluator.lastDay(of: $1) }
        lastActivityDay = latest.map { Evaluator.lastDay(of: $0) }
        lastActivity = latest.map { Evaluator.lastDate(of: $0) }
        years = Set(activities.map(\.start.year) + agreements.map(\.signed.year)).sorted()
        fields = Set(agreements.flatMap(\.fields) + activities.flatMap(\.fields)).sorted()
        activitiesWithoutSources = activities.filter { $0.sources.isEmpty }.count
        activitiesWithoutParticipants = activities.filter { $0.participants.isEmpty && $0.kind != .publication }.count
        ongoingWithoutEnd = activities.filter { $0.status == .ongoing && $0.end == nil }.count
        targetsAttention = Monitoring.attentionDay(actions: actions, activities: activities)
        if let procedure {
            let progress = ProcedureProgress.of(
                procedure, partnership: partnership, agreements: agreements, milestones: milestones,
                activities: activities)
            procedureStep = progress.current?.step.id
            procedureSince = progress.current?.date
            procedureNext = progress.next?.step.id
        }
        timeline = Evaluator.statusTimeline(
            Dataset(agreements: agreements, milestones: milestones, activities: activities),
            partnership: partnership.id, settings: settings)
    }

    /// An agreement's kind and the day it was signed.
    public struct Signed: Hashable, Sendable {
        public var kind: Agreement.Kind
        public var date: PartialDate
        public init(kind: Agreement.Kind, date: PartialDate) {
            self.kind = kind
            self.date = date
        }
    }

    /// The title in `language`.
    public func title(_ language: Language) -> String { language == .en ? titleEnglish : titleIndonesian }
}
