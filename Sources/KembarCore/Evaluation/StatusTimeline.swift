/// One stretch of days on which a partnership's status stays the same.
public struct StatusSpan: Equatable, Sendable {
    /// First day of the stretch; nil = since forever.
    public var from: Day?
    /// First day after the stretch (exclusive); nil = for ever after.
    public var until: Day?
    public var status: PartnershipStatus
    /// The other conditions that also apply on those days (finding.alsoApplies statuses), in the finding's order.
    public var also: [PartnershipStatus]

    public init(from: Day?, until: Day?, status: PartnershipStatus, also: [PartnershipStatus] = []) {
        self.from = from
        self.until = until
        self.status = status
        self.also = also
    }

    /// Whether `day` falls in the stretch: `from <= day < until`, an absent bound being no bound.
    public func contains(_ day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day < $0 } ?? true)
    }
}

extension Evaluator {
    /// Every stretch of the status of `partnership` over all days, in order, covering every day exactly once,
    /// adjacent spans always differing in status or also.
    ///
    /// For every day `d`, the span containing `d` has the `status` of
    /// ``status(_:partnership:asOf:settings:)`` on `d`, and `also` equal to its `alsoApplies` statuses. The timeline
    /// is that function evaluated once before the first candidate day and once on each candidate day, equal
    /// neighbours merged; the cost is the number of candidates (about three per activity and six per agreement)
    /// times one status, itself linear in the activities (some 3 ms for 100 activities and four agreements in a
    /// release build).
    ///
    /// Why the candidates are exact. The status depends on the evaluation day `d` only through these tests, each of
    /// which, as `d` grows, turns from false to true (or true to false) once, on a day listed here:
    /// - an agreement is signed by `d` (`signed.firstDay <= d`): its signing day, which also decides the
    ///   termination and whether a later binding agreement restarts the partnership;
    /// - an agreement has started (`startDay <= d`): its start day;
    /// - an agreement is still in force (`d <= endDay`): the day after its end;
    /// - its end falls within the renewal window (`endDay − d <= renewalWindowDays`): that many days before the
    ///   end (the renewal test uses the latest end among the agreements in force, which is one of these ends);
    /// - a completed or ongoing activity is delivered (`start.firstDay <= d`): its first day;
    /// - an ongoing activity's last day is clamped to the evaluation day (`min(lastDay, d)`): the clamp stops on the
    ///   day after its last day, which is added as a candidate. It turns out never to be needed for the status (only
    ///   for the reason's figures): while clamped the activity counts as `d` itself, and `d < d.adding(months: −N)`
    ///   is false for every `d` when `N >= 0` (true for every `d` when `N < 0`), so `min(lastDay, d)` passes the
    ///   dormancy test exactly when `lastDay` does, whose threshold is below;
    /// - the dormancy test `reference < d.adding(months: −N)`, for each fixed reference the rule can use (an
    ///   activity's last day, an agreement's start day): `d.adding(months: −N)` never decreases as `d` grows, so the
    ///   test turns true once, on the first day on which it holds. `Day.adding(months:)` clamps to month ends
    ///   (31 March − 1 month = 28 February), so that day is not simply `reference + N months` + 1 (28 February
    ///   with a one-month period turns dormant on 1 April, not 29 March): it is found by stepping from the
    ///   approximation, backwards while the test already holds the day before, then forwards until it holds —
    ///   exact, and a few steps at most.
    ///
    /// The reference itself is the largest of these values for the delivered activities, or the first binding
    /// agreement's start when none is delivered; between two candidates the set of delivered activities and of
    /// started, in-force and clamped ones is fixed, so the outcome is too. Milestone dates do not change the status
    /// (only the reason of an exploring one), but they are added as candidates all the same, at no risk.
    public static func statusTimeline(
        _ data: Dataset, partnership key: PartnershipKey, settings: EvaluationSettings = .init()
    ) -> [StatusSpan] {
        let agreements = data.agreements.filter { $0.partnership == key }
        let milestones = data.milestones.filter { $0.partnership == key }
        // The activities `status(_:partnership:asOf:settings:)` can count, in its order. Ordered by start (first day
        // first), those delivered on a day are always a prefix of this list.
        let countable = data.activities.filter {
            $0.partnership == key && ($0.status == .completed || $0.status == .ongoing)
        }
        .sorted(by: chronological)
        let months = settings.dormantAfterMonths

        var candidates: [Day] = []
        candidates.reserveCapacity(agreements.count * 6 + countable.count * 3 + milestones.count)
        for agreement in agreements {
            let start = startDay(agreement)
            candidates += [agreement.signed.firstDay, start, firstDormantDay(after: start, months: months)]
            if let end = agreement.endDay {
                candidates += [end.adding(days: 1), end.adding(days: -settings.renewalWindowDays)]
            }
        }
        for activity in countable {
            let last = lastDay(of: activity)
            candidates += [activity.start.firstDay, firstDormantDay(after: last, months: months)]
            if activity.status == .ongoing { candidates.append(last.adding(days: 1)) }
        }
        candidates += milestones.map(\.date.firstDay)
        candidates = Array(Set(candidates)).sorted()

        // The same inputs `status(_:partnership:asOf:settings:)` gives the rule, with the delivered prefix grown as
        // the days advance rather than filtered, sorted and copied again on each (the days only increase).
        var delivered: [Activity] = []
        delivered.reserveCapacity(countable.count)
        func finding(on day: Day) -> StatusFinding {
            while delivered.count < countable.count && countable[delivered.count].start.firstDay <= day {
                delivered.append(countable[delivered.count])
            }
            return status(
                agreements: agreements.filter { $0.signed.firstDay <= day }, milestones: milestones,
                delivered: delivered, asOf: day, settings: settings)
        }

        var spans: [StatusSpan] = []
        func record(_ finding: StatusFinding, from: Day?) {
            let also = finding.alsoApplies.map(\.status)
            if let last = spans.last, last.status == finding.status, last.also == also { return }
            if !spans.isEmpty { spans[spans.count - 1].until = from }
            spans.append(StatusSpan(from: from, until: nil, status: finding.status, also: also))
        }
        record(finding(on: candidates.first?.adding(days: -1) ?? Day(year: 2000, month: 1, day: 1)), from: nil)
        for day in candidates { record(finding(on: day), from: day) }
        return spans
    }

    /// The first day `d` on which `reference < d.adding(months: -months)`, the dormancy test, holds.
    static func firstDormantDay(after reference: Day, months: Int) -> Day {
        func holds(_ day: Day) -> Bool { reference < day.adding(months: -months) }
        var day = reference.adding(months: months)
        while holds(day.adding(days: -1)) { day = day.adding(days: -1) }
        while !holds(day) { day = day.adding(days: 1) }
        return day
    }
}
