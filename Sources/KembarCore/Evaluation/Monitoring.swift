/// Monitoring and evaluation ("monev") of action plans: what was planned, what was delivered and how far each target
/// has come, as of a day. A pure function of the planned actions and the activities that deliver them; every rule is
/// written out in docs/EVALUATION.md ("Plans and targets").
public enum Monitoring {
    /// How far the share achieved may lag the share of the target's time that has passed before the target is at
    /// risk: a quarter of the way.
    public static let paceTolerance = 0.25

    /// The progress of `actions` (one partnership's, or several) from the activities that deliver them, as of `asOf`.
    /// Only completed and ongoing activities started by `asOf` count, as in the evaluation; for a target only the
    /// completed ones, and results dated after `asOf` wait.
    public static func progress(actions: [PlannedAction], activities: [Activity], asOf: Day) -> PlanProgress {
        let delivering = activities.filter { Evaluator.isDelivered($0, asOf: asOf) }.sorted(by: Evaluator.chronological)
        var byAction: [ActionKey: [Activity]] = [:]
        for activity in delivering {
            for action in Set(activity.delivers) { byAction[action, default: []].append(activity) }
        }
        func order(_ action: PlannedAction) -> Int { (action.start ?? action.end)?.firstDay.ordinal ?? Int.max }
        let ordered = actions.sorted { (order($0), $0.id) < (order($1), $1.id) }
        let progress = ordered.map { action in
            ActionProgress.of(action, delivered: byAction[action.id] ?? [], asOf: asOf)
        }
        // An activity delivering two actions spent its money once.
        let planned = Set(actions.map(\.id))
        let spending = delivering.filter { !planned.isDisjoint(with: $0.delivers) }
        return PlanProgress(
            asOf: asOf.partialDate, actions: progress, spent: totals(spending.compactMap(\.cost)),
            activitiesWithoutCost: spending.filter { $0.cost == nil }.count)
    }

    /// A target's progress from the completed activities that deliver its action.
    public static func progress(
        of target: Target, action: PlannedAction, delivered: [Activity], asOf: Day
    )
        -> TargetProgress
    {
        let completed = delivered.filter { $0.status == .completed }
        var gained = 0.0
        var approximate = false
        var counted: [ActivityKey] = []
        var sources: [SourceKey] = []
        for activity in completed {
            var part = 0.0
            switch target.measure {
            case .participants:
                let roles = Set(target.roles.map { $0.lowercased() })
                let groups = activity.participants.filter { roles.isEmpty || roles.contains($0.role.lowercased()) }
                guard !groups.isEmpty else { continue }
                part = Double(groups.reduce(0) { $0 + $1.count })
                approximate = approximate || groups.contains(where: \.approximate)
                sources += activity.sources
            case .activities:
                part = 1
                sources += activity.sources
            case .results:
                let unit = target.unit.map(normalised)
                let results = activity.results.filter { result in
                    result.unit.map(normalised) == unit && (result.period?.firstDay ?? activity.start.firstDay) <= asOf
                }
                guard !results.isEmpty else { continue }
                part = results.reduce(0) { $0 + $1.value }
                approximate = approximate || results.contains { $0.approximate == true }
                sources += results.flatMap(\.sources).isEmpty ? activity.sources : results.flatMap(\.sources)
            }
            gained += part
            counted.append(activity.id)
        }
        let baseline = target.baseline ?? 0
        let achieved = baseline + gained
        let status: TargetProgress.Status
        var share: Double?
        var expected: Double?
        if let value = target.value {
            let rising = value >= baseline
            let met = rising ? achieved >= value : achieved <= value
            share = value == baseline ? 1 : (achieved - baseline) / (value - baseline)
            let due = target.date.lastDay
            if let start = (action.start ?? action.end).map(\.firstDay), start < due {
                let elapsed = Double(asOf.ordinal - start.ordinal) / Double(due.ordinal - start.ordinal)
                expected = min(1, max(0, elapsed))
            }
            if met {
                status = .met
            } else if asOf > due {
                status = .missed
            } else if let expected, let share, share < expected - paceTolerance {
                status = .atRisk
            } else {
                status = .onTrack
            }
        } else {
            status = .open
        }
        return TargetProgress(
            action: action.id, target: target, achieved: achieved, approximate: approximate, share: share,
            expectedShare: expected, status: status, activities: counted, sources: TagResolver.unique(sources))
    }

    /// The first day on which one of the actions' targets is at risk or missed, counting everything delivered so far
    /// (`nil` when every target with a value is met, or none has one): what a list of partnerships keeps to say,
    /// on any later day, "targets need attention" without evaluating the plans again. On that day the status rule
    /// above gives at risk (the share lags the time passed by more than the tolerance) or missed (the date passed).
    public static func attentionDay(actions: [PlannedAction], activities: [Activity]) -> Day? {
        let end = Day(year: 9999, month: 12, day: 31)
        let delivering = activities.filter { Evaluator.isDelivered($0, asOf: end) }
        var first: Int?
        for action in actions {
            let delivered = delivering.filter { $0.delivers.contains(action.id) }
            for target in action.targets {
                let progress = progress(of: target, action: action, delivered: delivered, asOf: end)
                guard progress.status != .met, progress.status != .open, let share = progress.share else { continue }
                let due = target.date.lastDay.ordinal
                var day = due + 1
                if let start = (action.start ?? action.end)?.firstDay.ordinal, start < due {
                    let threshold = (share + paceTolerance) * Double(due - start)
                    if threshold < Double(due - start) {
                        day = min(day, start + Int(max(-1, threshold).rounded(.down)) + 1)
                    }
                }
                first = min(first ?? day, day)
            }
        }
        return first.map(Day.init(ordinal:))
    }

    static func normalised(_ unit: String) -> String { unit.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Amounts added up per currency, in currency order; amounts in different currencies are never added together.
    static func totals(_ amounts: [Money]) -> [Money] {
        var sums: [String: Double] = [:]
        for money in amounts { sums[money.currency, default: 0] += money.amount }
        return sums.keys.sorted().map { Money(amount: sums[$0] ?? 0, currency: $0) }
    }
}

/// One target's progress.
public struct TargetProgress: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// The value is reached.
        case met
        /// Not reached yet, and not further behind the share of time passed than ``Monitoring/paceTolerance``.
        case onTrack = "on-track"
        /// Behind: the share achieved lags the share of time passed by more than the tolerance.
        case atRisk = "at-risk"
        /// The target date has passed without the value being reached.
        case missed
        /// The plan gives no value: achieved is counted, not judged.
        case open
    }

    public var action: ActionKey
    public var target: Target
    /// Baseline plus what the counted activities added.
    public var achieved: Double
    /// Some counted figure is approximate.
    public var approximate: Bool
    /// (achieved − baseline) / (value − baseline); `nil` without a value. May pass 1 or fall below 0.
    public var share: Double?
    /// The share of the time from the action's start to the target date that has passed, when both are known.
    public var expectedShare: Double?
    public var status: Status
    /// The activities behind the figure.
    public var activities: [ActivityKey]
    public var sources: [SourceKey]
}

/// One planned action's delivery, spending and targets.
public struct ActionProgress: Hashable, Sendable, Codable {
    public var action: ActionKey
    public var title: LocalizedText
    public var agreement: AgreementKey?
    public var fields: [FieldKey]
    public var start: PartialDate?
    public var end: PartialDate?
    public var budget: Budget?
    /// Completed and ongoing activities delivering the action, by the day.
    public var activities: [ActivityKey]
    /// Delivered: at least one completed activity delivers it.
    public var delivered: Bool
    /// What its activities cost, per currency.
    public var spent: [Money]
    public var targets: [TargetProgress]

    static func of(_ action: PlannedAction, delivered: [Activity], asOf: Day) -> ActionProgress {
        ActionProgress(
            action: action.id, title: action.title, agreement: action.agreement, fields: action.fields,
            start: action.start, end: action.end, budget: action.budget, activities: delivered.map(\.id),
            delivered: delivered.contains { $0.status == .completed },
            spent: Monitoring.totals(delivered.compactMap(\.cost)),
            targets: action.targets.map {
                Monitoring.progress(of: $0, action: action, delivered: delivered, asOf: asOf)
            })
    }
}

/// Planned and delivered actions of one field.
public struct FieldDelivery: Hashable, Sendable, Codable {
    public var field: FieldKey
    public var planned: [ActionKey]
    public var delivered: [ActionKey]
}

/// Budget planned and spent in one currency.
public struct BudgetLine: Hashable, Sendable, Codable {
    public var currency: String
    public var planned: Double
    public var spent: Double

    public init(currency: String, planned: Double, spent: Double) {
        self.currency = currency
        self.planned = planned
        self.spent = spent
    }
}

/// The progress of a set of planned actions (a partnership's plans, or a city's).
public struct PlanProgress: Hashable, Sendable, Codable {
    public var asOf: PartialDate
    public var actions: [ActionProgress]
    /// What the delivering activities cost, per currency, each activity once.
    public var spent: [Money]
    /// Delivering activities with no recorded cost, each once (so `spent` may be short).
    public var activitiesWithoutCost: Int

    public init(asOf: PartialDate, actions: [ActionProgress], spent: [Money], activitiesWithoutCost: Int = 0) {
        self.asOf = asOf
        self.actions = actions
        self.spent = spent
        self.activitiesWithoutCost = activitiesWithoutCost
    }

    public var isEmpty: Bool { actions.isEmpty }
    public var targets: [TargetProgress] { actions.flatMap(\.targets) }
    public var deliveredCount: Int { actions.filter(\.delivered).count }

    /// Per field the actions planned for it and those delivered, in the order fields first appear.
    public var fields: [FieldDelivery] {
        TagResolver.unique(actions.flatMap(\.fields)).map { field in
            let planned = actions.filter { $0.fields.contains(field) }
            return FieldDelivery(
                field: field, planned: planned.map(\.action), delivered: planned.filter(\.delivered).map(\.action))
        }
    }

    /// Fields with a plan and nothing delivered: named so nobody has to infer them.
    public var plannedNotDelivered: [FieldKey] { fields.filter(\.delivered.isEmpty).map(\.field) }

    /// Budget planned and spent, per currency.
    public var budget: [BudgetLine] {
        let planned = Monitoring.totals(actions.compactMap { $0.budget?.money })
        let currencies = Set(planned.map(\.currency) + spent.map(\.currency)).sorted()
        return currencies.map { currency in
            BudgetLine(
                currency: currency, planned: planned.first { $0.currency == currency }?.amount ?? 0,
                spent: spent.first { $0.currency == currency }?.amount ?? 0)
        }
    }

    /// Targets per status.
    public func count(_ status: TargetProgress.Status) -> Int { targets.filter { $0.status == status }.count }
}
