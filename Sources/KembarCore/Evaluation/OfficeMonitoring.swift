/// The period a monitoring report covers: a year, a month, a day, or a range of them (`2025`, `2025-01..2025-06`).
public struct MonitoringPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    public var from: PartialDate
    public var to: PartialDate

    public init(from: PartialDate, to: PartialDate) {
        self.from = from
        self.to = to
    }

    /// Reads `2025`, `2025-06`, `2025-06-30` or two of them joined by `..`; `nil` with the reason otherwise.
    public init(parsing text: String) throws {
        let parts = text.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count) else { throw DateError.malformed(text) }
        let from = try PartialDate(parsing: parts[0])
        let to = try parts.count == 2 ? PartialDate(parsing: parts[1]) : from
        guard from.firstDay <= to.lastDay else { throw DateError.malformed(text) }
        self.init(from: from, to: to)
    }

    public var firstDay: Day { from.firstDay }
    public var lastDay: Day { to.lastDay }
    public var description: String { from == to ? from.description : "\(from)..\(to)" }
}

/// One partnership in an office's monitoring report: where it stands at the period's end, what it did in the period,
/// and its plan.
public struct PartnershipMonitoring: Hashable, Sendable, Codable {
    public var partnership: PartnershipKey
    public var partnerCity: CityKey?
    public var partnerOrganisation: OrganisationKey?
    public var stage: Partnership.Stage?
    /// The status on the period's last day.
    public var status: StatusFinding
    /// An agreement ends within the renewal window after the period, or has ended.
    public var expiring: Bool
    /// The end of the agreement the status rests on, when it has one.
    public var agreementEnds: PartialDate?
    /// Activities delivered within the period, and the people they reached.
    public var activities: Int
    public var participants: Int
    public var participantsApproximate: Bool
    /// The partnership's plans as of the period's last day.
    public var plan: PlanProgress
    /// The latest step of the national procedure done, and the next.
    public var procedureStep: String?
    public var procedureNext: String?
}

/// A city office's monitoring report ("laporan monev") for a period: every partnership of the city, with status,
/// stage, what was planned, delivered and achieved, targets at risk, agreements expiring and budget.
public struct OfficeReport: Hashable, Sendable, Codable {
    public var city: CityKey
    public var period: MonitoringPeriod
    public var partnerships: [PartnershipMonitoring]

    /// Partnerships per status at the period's end.
    public func count(_ status: PartnershipStatus) -> Int { partnerships.filter { $0.status.status == status }.count }
    public var expiring: [PartnershipMonitoring] { partnerships.filter(\.expiring) }
    public var dormant: [PartnershipMonitoring] { partnerships.filter { $0.status.status == .dormant } }
    public var activities: Int { partnerships.reduce(0) { $0 + $1.activities } }
    public var participants: Int { partnerships.reduce(0) { $0 + $1.participants } }
    /// Targets at risk or missed, with their partnership.
    public var targetsAtRisk: [(partnership: PartnershipKey, target: TargetProgress)] {
        partnerships.flatMap { monitoring in
            monitoring.plan.targets.filter { $0.status == .atRisk || $0.status == .missed }.map {
                (monitoring.partnership, $0)
            }
        }
    }
    /// Budget planned and spent per currency, over every partnership.
    public var budget: [BudgetLine] {
        var lines: [String: BudgetLine] = [:]
        for line in partnerships.flatMap(\.plan.budget) {
            lines[line.currency, default: BudgetLine(currency: line.currency, planned: 0, spent: 0)].planned +=
                line.planned
            lines[line.currency]?.spent += line.spent
        }
        return lines.keys.sorted().compactMap { lines[$0] }
    }
}

extension Monitoring {
    /// The monitoring report of `city` for `period`: every partnership in `data` with the city as either city, as of
    /// the period's last day. A pure function of the records, the procedure of the city's country and the settings.
    public static func officeReport(
        _ data: Dataset, city: CityKey, period: MonitoringPeriod, procedure: Procedure? = nil,
        settings: EvaluationSettings = .init()
    ) -> OfficeReport {
        let asOf = period.lastDay
        let partnerships = data.partnerships.filter { $0.city == city || $0.partnerCity == city }
            .sorted { $0.id < $1.id }
        let agreementsBy = Dictionary(grouping: data.agreements, by: \.partnership)
        let milestonesBy = Dictionary(grouping: data.milestones, by: \.partnership)
        let activitiesBy = Dictionary(grouping: data.activities, by: \.partnership)
        let actionsBy = Dictionary(grouping: data.actions, by: \.partnership)
        let rows = partnerships.map { partnership -> PartnershipMonitoring in
            let key = partnership.id
            let agreements = agreementsBy[key] ?? []
            let milestones = milestonesBy[key] ?? []
            let activities = activitiesBy[key] ?? []
            let status = Evaluator.status(
                Dataset(agreements: agreements, milestones: milestones, activities: activities), partnership: key,
                asOf: asOf, settings: settings)
            let inPeriod = activities.filter { activity in
                Evaluator.isDelivered(activity, asOf: asOf) && Evaluator.lastDay(of: activity) >= period.firstDay
            }
            var people = 0
            var approximate = false
            for activity in inPeriod {
                let total = activity.participantTotal
                let (sum, overflow) = people.addingReportingOverflow(total.count)
                people = overflow ? Int.max : sum
                approximate = approximate || total.approximate
            }
            let ends = [status.reason.agreement].compactMap { $0 } + status.alsoApplies.compactMap(\.agreement)
            let end = ends.compactMap { key in agreements.first { $0.id == key }?.endDay }.min()
            let statuses = [status.status] + status.alsoApplies.map(\.status)
            let steps = procedure.map {
                ProcedureProgress.of(
                    $0, partnership: partnership, agreements: agreements, milestones: milestones,
                    activities: activities)
            }
            return PartnershipMonitoring(
                partnership: key, partnerCity: partnership.city == city ? partnership.partnerCity : partnership.city,
                partnerOrganisation: partnership.partnerOrganisation, stage: partnership.stage, status: status,
                expiring: statuses.contains(.renewalDue) || statuses.contains(.expired),
                agreementEnds: end?.partialDate,
                activities: inPeriod.count, participants: people, participantsApproximate: approximate,
                plan: progress(actions: actionsBy[key] ?? [], activities: activities, asOf: asOf),
                procedureStep: steps?.current?.step.id, procedureNext: steps?.next?.step.id)
        }
        return OfficeReport(city: city, period: period, partnerships: rows)
    }
}

/// A ministry's overview of many partnerships (a country, a province, everything) on a day, at aggregate level: the
/// stage funnel, how many are active, dormant and expiring, and the same per city. Filled from the summaries in SQL.
public struct RegistryOverview: Hashable, Sendable, Codable {
    public struct CityLine: Hashable, Sendable, Codable {
        public var city: CityKey
        public var name: LocalizedText
        public var partnerships: Int
        public var byStatus: [String: Int]

        public init(city: CityKey, name: LocalizedText, partnerships: Int, byStatus: [String: Int]) {
            self.city = city
            self.name = name
            self.partnerships = partnerships
            self.byStatus = byStatus
        }
    }

    /// What the overview covers: an ISO 3166-1 country, an ISO 3166-2 province, or nothing for everything.
    public var country: String?
    public var province: String?
    /// The country's or province's name, when known.
    public var scopeName: LocalizedText?
    public var asOf: PartialDate
    public var total: Int
    /// Partnerships per stage as recorded (`none` for no stage), and per status on the day (`none`: no status).
    public var byStage: [String: Int]
    public var byStatus: [String: Int]
    /// The first cities, most partnerships first.
    public var cities: [CityLine]
    /// More cities than `cities` lists.
    public var moreCities: Bool

    public init(
        country: String?, province: String?, scopeName: LocalizedText? = nil, asOf: PartialDate, total: Int,
        byStage: [String: Int],
        byStatus: [String: Int], cities: [CityLine], moreCities: Bool
    ) {
        self.country = country
        self.province = province
        self.scopeName = scopeName
        self.asOf = asOf
        self.total = total
        self.byStage = byStage
        self.byStatus = byStatus
        self.cities = cities
        self.moreCities = moreCities
    }

    /// The share of the partnerships with `status` (0 when there are none).
    public func share(_ status: PartnershipStatus) -> Double {
        total == 0 ? 0 : Double(byStatus[status.rawValue] ?? 0) / Double(total)
    }
}
