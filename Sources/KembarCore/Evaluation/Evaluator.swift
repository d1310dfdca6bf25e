/// Computes ``PartnershipEvaluation``s: a pure function of the recorded facts, a framework and a day.
///
/// Every rule and default is written out in docs/EVALUATION.md, with the founding case as the worked example.
public enum Evaluator {
    /// Evaluates one partnership against one framework as of a day.
    ///
    /// - Parameters:
    ///   - data: the partnership's facts, usually `repository.dataset(partnership:)` or `Dataset.slice(partnership:)`;
    ///     its frameworks and crosswalks are added to `library`.
    ///   - partnership: the partnership to evaluate.
    ///   - framework: the framework to evaluate against; tags stored against others are placed through crosswalks.
    ///   - library: every framework and crosswalk available (the bundled ones).
    ///   - asOf: the evaluation date; nothing after it counts, and statuses are judged on it.
    ///   - settings: the thresholds; the defaults are the documented ones.
    /// - Throws: ``EvaluationError`` when the partnership or the framework is unknown.
    public static func evaluate(
        _ data: Dataset, partnership key: PartnershipKey, framework frameworkKey: FrameworkKey,
        library: FrameworkLibrary, asOf: Day, settings: EvaluationSettings = .init()
    ) throws(EvaluationError) -> PartnershipEvaluation {
        guard let partnership = data.partnerships.first(where: { $0.id == key }) else {
            throw .unknownPartnership(key)
        }
        let library = library.adding(FrameworkLibrary(data))
        guard let framework = library.framework(frameworkKey) else { throw .unknownFramework(frameworkKey) }
        let resolver = TagResolver(target: framework, library: library)

        let all = data.activities.filter { $0.partnership == key }.sorted(by: chronological)
        let delivered = all.filter { isDelivered($0, asOf: asOf) }
        let notCounted = all.filter { !isDelivered($0, asOf: asOf) }.map(\.id)
        let cityKeys = [partnership.city] + [partnership.partnerCity].compactMap { $0 }
        let initiatives = data.initiatives.filter { cityKeys.contains($0.city) }.sorted { $0.id < $1.id }

        let placement = Placement(
            activities: delivered, initiatives: initiatives, framework: framework, resolver: resolver)
        let agreements = data.agreements.filter { $0.partnership == key && $0.signed.firstDay <= asOf }
        let mou = implementation(agreements: agreements, delivered: delivered, asOf: asOf)
        let status = status(
            agreements: agreements, milestones: data.milestones.filter { $0.partnership == key },
            delivered: delivered, asOf: asOf, settings: settings)
        let start = cooperationStart(partnership: partnership, agreements: agreements, delivered: delivered)
        let continuity = continuity(start: start, delivered: delivered, asOf: asOf)
        let reciprocity = Reciprocity.of(delivered)
        let elements = keyElements(
            agreements: agreements, delivered: delivered, organisations: data.organisations, status: status,
            start: start, continuity: continuity, reciprocity: reciprocity, mou: mou, asOf: asOf, settings: settings)

        let usedFrameworks = Set((delivered.flatMap(\.tags) + initiatives.flatMap(\.tags)).map(\.framework))
        let crosswalksUsed = usedFrameworks.sorted().flatMap { resolver.crosswalks(from: $0).map(\.id) }

        return PartnershipEvaluation(
            partnership: key, city: partnership.city, partnerCity: partnership.partnerCity,
            partnerOrganisation: partnership.partnerOrganisation, framework: framework.id,
            frameworkName: framework.name, crosswalksUsed: crosswalksUsed, asOf: asOf.partialDate, settings: settings,
            status: status, delivered: .of(delivered), notCounted: notCounted,
            dimensions: placement.findings(), unplaced: placement.unplaced, unmappedTags: placement.unmapped,
            mou: mou,
            infrastructure: InfrastructureSplit(
                soft: .of(delivered.filter { $0.infrastructure == .soft }),
                hard: .of(delivered.filter { $0.infrastructure == .hard }),
                unspecified: .of(delivered.filter { $0.infrastructure == nil })),
            reciprocity: reciprocity, continuity: continuity,
            years: years(delivered: delivered, since: continuity.since, asOf: asOf), keyElements: elements,
            multiDimensional: placement.multiDimensional,
            plan: Monitoring.progress(
                actions: data.actions.filter { $0.partnership == key }, activities: all, asOf: asOf))
    }

    // MARK: - Which activities count

    /// Completed or ongoing, and started by the evaluation date. Planned and cancelled work delivered nothing.
    /// The status alone, with its reason: what a list of many partnerships needs, without the rest of the
    /// evaluation. Equal to `evaluate(…).status` for the same facts, date and settings.
    public static func status(
        _ data: Dataset, partnership key: PartnershipKey, asOf: Day, settings: EvaluationSettings = .init()
    ) -> StatusFinding {
        let delivered = data.activities.filter { $0.partnership == key && isDelivered($0, asOf: asOf) }
            .sorted(by: chronological)
        return status(
            agreements: data.agreements.filter { $0.partnership == key && $0.signed.firstDay <= asOf },
            milestones: data.milestones.filter { $0.partnership == key }, delivered: delivered, asOf: asOf,
            settings: settings)
    }

    /// Delivered activities that are ongoing with no end date: they keep the partnership's status only at their start,
    /// so they are flagged for an update.
    static func ongoingWithoutEnd(_ delivered: [Activity]) -> [OngoingActivity] {
        // By index, so that no activity is copied (the status timeline calls this once per candidate day).
        var found: [OngoingActivity] = []
        for index in delivered.indices where delivered[index].status == .ongoing && delivered[index].end == nil {
            found.append(OngoingActivity(activity: delivered[index].id, since: delivered[index].start))
        }
        return found
    }

    static func isDelivered(_ activity: Activity, asOf: Day) -> Bool {
        (activity.status == .completed || activity.status == .ongoing) && activity.start.firstDay <= asOf
    }

    static func chronological(_ a: Activity, _ b: Activity) -> Bool {
        a.start != b.start ? a.start < b.start : a.id < b.id
    }

    /// The last day an activity can have taken place; for a year-only date that is 31 December, which favours
    /// the partnership when judging dormancy rather than inventing an earlier day. An ongoing activity with an end
    /// keeps the partnership active through its end, but never past the evaluation day.
    static func lastDay(of activity: Activity, asOf: Day) -> Day {
        let day = lastDay(of: activity)
        return activity.status == .ongoing ? min(day, asOf) : day
    }

    /// The activity's last date as the source gives it (its end, else its start), at the source's precision.
    static func lastDate(of activity: Activity) -> PartialDate { activity.end ?? activity.start }

    /// The last calendar year an activity ran in, as its end gives it (never past the evaluation year).
    static func lastYear(of activity: Activity, asOf: Day) -> Int {
        max(activity.start.year, min(activity.end?.year ?? activity.start.year, asOf.year))
    }

    static func lastDay(of activity: Activity) -> Day {
        if let end = activity.end { return end.lastDay }
        if let duration = activity.durationDays, activity.start.precision == .day {
            return activity.start.firstDay.adding(days: duration - 1)
        }
        return activity.start.lastDay
    }

    /// Length in days: the stated duration, else end − start + 1 when both are known to the day, else one day for
    /// an activity recorded on a single day without an end; `nil` otherwise.
    static func days(of activity: Activity) -> Int? {
        if let duration = activity.durationDays { return duration }
        if let end = activity.end {
            guard activity.start.precision == .day, end.precision == .day else { return nil }
            return end.firstDay.ordinal - activity.start.firstDay.ordinal + 1
        }
        return activity.start.precision == .day ? 1 : nil
    }

    static func personDays(_ activities: [Activity]) -> PersonDays {
        var total = 0
        var computed = 0
        var approximate = false
        var missing: [ActivityKey] = []
        for activity in activities {
            guard let days = days(of: activity), !activity.participants.isEmpty else {
                missing.append(activity.id)
                continue
            }
            let people = activity.participantTotal
            total += days * people.count
            approximate = approximate || people.approximate
            computed += 1
        }
        return PersonDays(value: computed == 0 ? nil : total, approximate: approximate, notComputable: missing)
    }

    static func roles(_ activities: [Activity]) -> [RoleCount] {
        var counts: [String: RoleCount] = [:]
        for participants in activities.flatMap(\.participants) {
            var entry = counts[participants.role] ?? RoleCount(role: participants.role, count: 0, approximate: false)
            entry.count += participants.count
            entry.approximate = entry.approximate || participants.approximate
            counts[participants.role] = entry
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.role < $1.role }
    }

    static func evidence(_ activity: Activity) -> Evidence {
        Evidence(
            kind: .activity, key: activity.id.rawValue, title: activity.title, date: activity.start,
            sources: activity.sources)
    }

    static func evidence(_ initiative: Initiative) -> Evidence {
        Evidence(
            kind: .initiative, key: initiative.id.rawValue, title: initiative.title, date: initiative.started,
            city: initiative.city, sources: initiative.sources)
    }

    static func finding(
        _ node: FrameworkNode, activities: [Activity], initiatives: [Initiative], subdimensions: [DimensionFinding]
    ) -> DimensionFinding {
        DimensionFinding(
            node: node.id, name: node.name, level: node.level, reach: .of(activities), roles: roles(activities),
            personDays: personDays(activities), first: activities.map(\.start).min(),
            last: activities.map { $0.end ?? $0.start }.max(), evidence: activities.map(evidence),
            initiatives: initiatives.map(evidence), subdimensions: subdimensions)
    }

    // MARK: - Placement in the framework

    /// Where each activity and initiative falls in the target framework, and which tags fall nowhere.
    struct Placement {
        let framework: Framework
        var activityNodes: [(Activity, Set<String>)] = []
        var initiativeNodes: [(Initiative, Set<String>)] = []
        var unmapped: [UnmappedTag] = []
        var unplaced: [ActivityKey] = []

        init(activities: [Activity], initiatives: [Initiative], framework: Framework, resolver: TagResolver) {
            self.framework = framework
            var failures: [FrameworkTag: UnmappedTag] = [:]
            // Few distinct tags recur across many records: resolve each once.
            var resolved: [FrameworkTag: Result<[String], UnmappedFailure>] = [:]
            func resolve(_ tag: FrameworkTag) -> Result<[String], UnmappedFailure> {
                if let known = resolved[tag] { return known }
                let result = resolver.resolve(tag)
                resolved[tag] = result
                return result
            }
            for activity in activities {
                var nodes = Set<String>()
                for tag in activity.tags {
                    switch resolve(tag) {
                    case .success(let targets): nodes.formUnion(targets)
                    case .failure(let failure):
                        failures[tag, default: Self.empty(tag, failure.reason)].activities.append(activity.id)
                    }
                }
                if nodes.isEmpty {
                    unplaced.append(activity.id)
                    for tag in activity.tags { failures[tag]?.activitiesLeftUnplaced.append(activity.id) }
                }
                activityNodes.append((activity, nodes))
            }
            for initiative in initiatives {
                var nodes = Set<String>()
                for tag in initiative.tags {
                    switch resolve(tag) {
                    case .success(let targets): nodes.formUnion(targets)
                    case .failure(let failure):
                        failures[tag, default: Self.empty(tag, failure.reason)].initiatives.append(initiative.id)
                    }
                }
                initiativeNodes.append((initiative, nodes))
            }
            unmapped = failures.values.sorted { $0.tag < $1.tag }
        }

        static func empty(_ tag: FrameworkTag, _ reason: UnmappedReason) -> UnmappedTag {
            UnmappedTag(tag: tag, reason: reason, activities: [], initiatives: [], activitiesLeftUnplaced: [])
        }

        /// Whether any of `nodes` lies at or below `target`.
        func reaches(_ nodes: Set<String>, _ target: FrameworkNode) -> Bool {
            !nodes.isDisjoint(with: Set(target.flattened.map(\.id)))
        }

        /// Delivered activities placed under more than one dimension: counted once in each.
        var multiDimensional: [ActivityKey] {
            activityNodes.filter { _, nodes in framework.dimensions.filter { reaches(nodes, $0) }.count > 1 }
                .map(\.0.id)
        }

        func findings() -> [DimensionFinding] {
            framework.dimensions.map { dimension in
                let subs = dimension.children.compactMap { child -> DimensionFinding? in
                    let below = Set(child.flattened.map(\.id))
                    let acts = activityNodes.filter { !$0.1.isDisjoint(with: below) }.map(\.0)
                    guard !acts.isEmpty else { return nil }
                    let inits = initiativeNodes.filter { !$0.1.isDisjoint(with: below) }.map(\.0)
                    return Evaluator.finding(child, activities: acts, initiatives: inits, subdimensions: [])
                }
                let below = Set(dimension.flattened.map(\.id))
                return Evaluator.finding(
                    dimension, activities: activityNodes.filter { !$0.1.isDisjoint(with: below) }.map(\.0),
                    initiatives: initiativeNodes.filter { !$0.1.isDisjoint(with: below) }.map(\.0), subdimensions: subs)
            }
        }
    }

    // MARK: - Agreements

    /// Agreements that bind the parties to cooperate. A letter of intent or a joint statement only states the wish to;
    /// a document of kind `other` is not assumed to bind.
    static func isBinding(_ agreement: Agreement) -> Bool {
        switch agreement.kind {
        case .letterOfIntent, .jointStatement, .termination, .other: false
        case .mou, .actionPlan, .implementingArrangement, .renewal, .addendum, .twinningAgreement, .charter,
            .jointDeclaration:
            true
        }
    }

    /// Kinds that found or renew the partnership itself, and so carry its term.
    static let foundingKinds: Set<Agreement.Kind> = [.mou, .renewal, .twinningAgreement, .charter, .jointDeclaration]

    static func startDay(_ agreement: Agreement) -> Day { (agreement.validFrom ?? agreement.signed).firstDay }

    /// The termination in effect on the day, unless a binding agreement was signed after it (a restart).
    static func termination(_ agreements: [Agreement]) -> Agreement? {
        guard let last = agreements.filter({ $0.kind == .termination }).max(by: { $0.signed < $1.signed }) else {
            return nil
        }
        let restarted = agreements.contains { isBinding($0) && last.signed < $0.signed }
        return restarted ? nil : last
    }

    /// Agreements that carry the partnership's term: MoUs, twinning agreements, charters, joint declarations and
    /// renewals, or, if there are none, every binding one.
    static func termCarriers(_ agreements: [Agreement]) -> [Agreement] {
        let main = agreements.filter { foundingKinds.contains($0.kind) }
        return main.isEmpty ? agreements.filter(isBinding) : main
    }

    /// The binding agreements of `agreements` in force on `asOf` — none after a termination — in signing order:
    /// what a partnership page's status header names.
    public static func bindingInForce(_ agreements: [Agreement], asOf: Day) -> [Agreement] {
        let signed = agreements.filter { $0.signed.firstDay <= asOf }
        guard termination(signed) == nil else { return [] }
        return signed.filter { isBinding($0) && inForce($0, asOf: asOf) }.sorted {
            ($0.signed, $0.id) < ($1.signed, $1.id)
        }
    }

    static func inForce(_ agreement: Agreement, asOf: Day) -> Bool {
        guard agreement.kind != .termination, startDay(agreement) <= asOf else { return false }
        guard let end = agreement.endDay else { return true }
        return asOf <= end
    }

    static func implementation(agreements: [Agreement], delivered: [Activity], asOf: Day) -> MoUImplementation {
        let ended = termination(agreements) != nil
        let current = ended ? [] : agreements.filter { inForce($0, asOf: asOf) && !$0.fields.isEmpty }
        let basis: MoUImplementation.Basis
        let chosen: [Agreement]
        if !current.isEmpty {
            (basis, chosen) = (.inForce, current)
        } else if agreements.contains(where: { !$0.fields.isEmpty }) {
            (basis, chosen) = (.everSigned, agreements.filter { !$0.fields.isEmpty })
        } else {
            (basis, chosen) = (.none, [])
        }
        let ordered = chosen.sorted { $0.signed < $1.signed }
        let agreed = TagResolver.unique(ordered.flatMap(\.fields))
        // Work done before an agreement was signed did not implement it: an activity counts for a field when it may
        // have taken place on or after the signing of the first agreement naming the field (its last possible day is
        // not earlier).
        let completed = delivered.filter { $0.status == .completed }
        var signedFor: [FieldKey: Day] = [:]
        for agreement in ordered {
            for field in agreement.fields where signedFor[field] == nil { signedFor[field] = agreement.signed.firstDay }
        }
        var perField: [String: Int] = [:]
        for field in agreed {
            guard let day = signedFor[field] else { continue }
            perField[field.rawValue] =
                completed.filter { $0.fields.contains(field) && lastDay(of: $0) >= day }.count
        }
        let implemented = agreed.filter { (perField[$0.rawValue] ?? 0) > 0 }
        let firstSigning = ordered.first?.signed.firstDay
        let before = firstSigning.map { day in completed.filter { lastDay(of: $0) < day } } ?? []
        let after = completed.filter { activity in !before.contains { $0.id == activity.id } }
        let outside = TagResolver.unique(after.flatMap(\.fields)).filter { !agreed.contains($0) }
        return MoUImplementation(
            basis: basis, agreements: chosen.map(\.id), agreed: agreed, implemented: implemented,
            undelivered: agreed.filter { !implemented.contains($0) }, outsideAgreement: outside,
            activitiesPerField: perField,
            beforeAgreement: PreAgreementWork(
                signed: ordered.first?.signed, activities: before.map(\.id),
                fields: TagResolver.unique(before.flatMap(\.fields)), reach: .of(before)))
    }

    // MARK: - Status

    static func status(
        agreements: [Agreement], milestones: [Milestone], delivered: [Activity], asOf: Day,
        settings: EvaluationSettings
    ) -> StatusFinding {
        let ongoing = ongoingWithoutEnd(delivered)
        if let termination = termination(agreements) {
            let reason = StatusReason(status: .terminated, agreement: termination.id, date: termination.signed)
            return StatusFinding(status: .terminated, reason: reason, alsoApplies: [], endDateUnknown: false)
        }
        let carriers = termCarriers(agreements)
        let started = carriers.filter { startDay($0) <= asOf }
        if started.isEmpty {
            // Only milestones or a letter of intent: the partnership is still being explored.
            let intent = agreements.filter { $0.kind == .letterOfIntent }.max { $0.signed < $1.signed }
            let lastMilestone = milestones.filter { $0.date.firstDay <= asOf }.map(\.date).max()
            let reason = StatusReason(
                status: .exploring, agreement: intent?.id, date: intent?.signed ?? lastMilestone)
            return StatusFinding(
                status: .exploring, reason: reason, alsoApplies: [], endDateUnknown: false, ongoingWithoutEnd: ongoing)
        }
        let current = started.filter { inForce($0, asOf: asOf) }
        if current.isEmpty {
            let last = started.max { ($0.endDay ?? asOf) < ($1.endDay ?? asOf) }
            let reason = StatusReason(status: .expired, agreement: last?.id, date: last?.endDay?.partialDate)
            return StatusFinding(
                status: .expired, reason: reason, alsoApplies: [], endDateUnknown: false, ongoingWithoutEnd: ongoing)
        }

        var reasons: [StatusReason] = []
        let openEnded = current.contains { $0.endDay == nil }
        let ends = current.compactMap { agreement in agreement.endDay.map { (agreement, $0) } }
        if !openEnded, let (longest, end) = ends.max(by: { $0.1 < $1.1 }) {
            let left = end.ordinal - asOf.ordinal
            if left <= settings.renewalWindowDays {
                reasons.append(
                    StatusReason(
                        status: .renewalDue, agreement: longest.id, date: end.partialDate, days: left,
                        threshold: settings.renewalWindowDays))
            }
        }
        // The most recent activity: its last possible day judges dormancy, its own date (at the source's precision)
        // is what sentences say ("in February 2016", never a day the source did not give).
        var latest: (day: Day, date: PartialDate)?
        for index in delivered.indices {
            let day = lastDay(of: delivered[index], asOf: asOf)
            if latest.map({ $0.day < day }) ?? true { latest = (day, lastDate(of: delivered[index])) }
        }
        // `started` and `current` are not empty here, so the minimum and maximum exist.
        let firstBinding = started.min { startDay($0) < startDay($1) } ?? current[0]
        let reference = latest?.day ?? startDay(firstBinding)
        let newest = current.max { $0.signed < $1.signed } ?? current[0]
        if reference < asOf.adding(months: -settings.dormantAfterMonths) {
            reasons.append(
                StatusReason(
                    status: .dormant, agreement: latest == nil ? firstBinding.id : nil,
                    date: latest?.date ?? firstBinding.validFrom ?? firstBinding.signed,
                    days: asOf.ordinal - reference.ordinal, threshold: settings.dormantAfterMonths))
        }
        guard let first = reasons.first else {
            let reason = StatusReason(
                status: .active, agreement: newest.id, date: latest?.date,
                days: latest.map { asOf.ordinal - $0.day.ordinal }, threshold: settings.dormantAfterMonths)
            return StatusFinding(
                status: .active, reason: reason, alsoApplies: [], endDateUnknown: openEnded, ongoingWithoutEnd: ongoing)
        }
        return StatusFinding(
            status: first.status, reason: first, alsoApplies: Array(reasons.dropFirst()), endDateUnknown: openEnded,
            ongoingWithoutEnd: ongoing)
    }

    // MARK: - Continuity and years

    /// When the cooperation really began: the earliest of its recorded start (`cooperationSince`), its first delivered
    /// activity and its first agreement — not only the first signed agreement, so years of projects before an MoU
    /// count.
    static func cooperationStart(
        partnership: Partnership, agreements: [Agreement], delivered: [Activity]
    )
        -> PartialDate?
    {
        ([partnership.cooperationSince].compactMap { $0 } + delivered.map(\.start) + agreements.map(\.signed)).min()
    }

    static func continuity(start: PartialDate?, delivered: [Activity], asOf: Day) -> Continuity {
        let since = start?.year
        // A programme spanning years keeps each of its years active.
        let spans = delivered.flatMap { activity in Array(activity.start.year...lastYear(of: activity, asOf: asOf)) }
        let years = Set(spans).filter { year in since.map { year >= $0 } ?? true }.sorted()
        var gap: Continuity.Gap?
        if let since {
            var runStart: Int?
            for year in since...max(since, asOf.year) {
                if years.contains(year) {
                    runStart = nil
                } else {
                    let start = runStart ?? year
                    runStart = start
                    if year - start + 1 > (gap?.years ?? 0) { gap = .init(from: start, to: year) }
                }
            }
        }
        return Continuity(since: since, until: asOf.year, activeYears: years, longestGap: gap, start: start)
    }

    /// Every year from the first agreement (or first activity, if earlier) to the evaluation year, zeros included,
    /// so a silent year shows as silent.
    static func years(delivered: [Activity], since: Int?, asOf: Day) -> [YearFigures] {
        let first = ([since].compactMap { $0 } + delivered.map(\.start.year)).min()
        guard let first, first <= asOf.year else { return [] }
        return (first...asOf.year).map { year in
            YearFigures(
                year: year, reach: .of(delivered.filter { $0.start.year == year }),
                continuing: delivered.filter { $0.start.year < year && year <= lastYear(of: $0, asOf: asOf) }.count)
        }
    }

    // MARK: - UNDP key elements

    static func keyElements(
        agreements: [Agreement], delivered: [Activity], organisations: [Organisation], status: StatusFinding,
        start: PartialDate?, continuity: Continuity, reciprocity: Reciprocity, mou: MoUImplementation, asOf: Day,
        settings: EvaluationSettings
    ) -> [KeyElementFinding] {
        [
            legalAgreement(agreements: agreements, status: status, asOf: asOf),
            community(delivered: delivered, organisations: organisations, settings: settings),
            commitment(
                agreements: agreements, start: start, continuity: continuity, status: status, asOf: asOf,
                settings: settings),
            reciprocityElement(delivered: delivered, reciprocity: reciprocity),
            results(delivered: delivered, mou: mou, settings: settings),
        ]
    }

    static func legalAgreement(agreements: [Agreement], status: StatusFinding, asOf: Day) -> KeyElementFinding {
        let binding = agreements.filter(isBinding)
        let current = binding.filter { inForce($0, asOf: asOf) }
        let figures = ["binding": binding.count, "inForce": current.count]
        if status.status == .terminated {
            return .init(element: .legalAgreement, judgement: .notMet, branch: "terminated", figures: figures)
        }
        if !current.isEmpty {
            return .init(element: .legalAgreement, judgement: .met, branch: "binding-in-force", figures: figures)
        }
        if !binding.isEmpty {
            return .init(element: .legalAgreement, judgement: .partlyMet, branch: "binding-ended", figures: figures)
        }
        if agreements.contains(where: { $0.kind == .letterOfIntent }) {
            return .init(element: .legalAgreement, judgement: .partlyMet, branch: "only-intent", figures: figures)
        }
        return .init(element: .legalAgreement, judgement: .notMet, branch: "none-recorded", figures: figures)
    }

    /// Organisation kinds that stand for the community rather than a government.
    static let communityKinds: Set<Organisation.Kind> = [.school, .university, .club, .ngo, .company]

    static func community(
        delivered: [Activity], organisations: [Organisation], settings: EvaluationSettings
    ) -> KeyElementFinding {
        guard !delivered.isEmpty else {
            return .init(element: .communityParticipation, judgement: .notEnoughData, branch: "no-activity")
        }
        let kinds = Dictionary(organisations.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var people = 0
        var withCommunity = 0
        var communityOrganisations = Set<OrganisationKey>()
        for activity in delivered {
            let members = activity.participants.filter { !settings.officialRoles.contains($0.role) }
            let orgs = activity.organisations.map(\.organisation).filter {
                kinds[$0].map(communityKinds.contains) ?? false
            }
            people += members.reduce(0) { $0 + $1.count }
            communityOrganisations.formUnion(orgs)
            if !members.isEmpty || !orgs.isEmpty { withCommunity += 1 }
        }
        let recorded = delivered.filter { !$0.participants.isEmpty || !$0.organisations.isEmpty }.count
        let figures = [
            "activities": delivered.count, "activitiesWithCommunity": withCommunity, "communityPeople": people,
            "communityOrganisations": communityOrganisations.count, "activitiesWithRecord": recorded,
        ]
        if recorded == 0 {
            return .init(
                element: .communityParticipation, judgement: .notEnoughData, branch: "nothing-recorded",
                figures: figures)
        }
        if withCommunity > 0 {
            return .init(
                element: .communityParticipation, judgement: .met, branch: "community-took-part", figures: figures)
        }
        return .init(element: .communityParticipation, judgement: .notMet, branch: "officials-only", figures: figures)
    }

    static func commitment(
        agreements: [Agreement], start: PartialDate?, continuity: Continuity, status: StatusFinding, asOf: Day,
        settings: EvaluationSettings
    ) -> KeyElementFinding {
        var figures = ["activeYears": continuity.activeYears.count, "yearsInSpan": continuity.yearsInSpan]
        if let gap = continuity.longestGap { figures["longestGap"] = gap.years }
        guard !agreements.isEmpty, let first = start?.firstDay else {
            return .init(element: .commitmentContinuity, judgement: .notEnoughData, branch: "no-agreement")
        }
        if asOf.ordinal - first.ordinal < 365 {
            return .init(
                element: .commitmentContinuity, judgement: .notEnoughData, branch: "too-early", figures: figures)
        }
        if continuity.activeYears.isEmpty {
            return .init(element: .commitmentContinuity, judgement: .notMet, branch: "no-activity", figures: figures)
        }
        let lapsed: Set<PartnershipStatus> = [.dormant, .expired, .terminated]
        if (continuity.share ?? 0) >= settings.continuityShare && !lapsed.contains(status.status) {
            return .init(element: .commitmentContinuity, judgement: .met, branch: "regular", figures: figures)
        }
        let branch = lapsed.contains(status.status) ? "lapsed" : "irregular"
        return .init(element: .commitmentContinuity, judgement: .partlyMet, branch: branch, figures: figures)
    }

    static func reciprocityElement(delivered: [Activity], reciprocity: Reciprocity) -> KeyElementFinding {
        let to = reciprocity.toPartner.activities
        let from = reciprocity.fromPartner.activities
        let joint = reciprocity.joint.activities
        let figures = ["toPartner": to, "fromPartner": from, "joint": joint, "remote": reciprocity.remote.activities]
        if delivered.count < 2 {
            return .init(
                element: .reciprocity, judgement: .notEnoughData, branch: "too-few-activities", figures: figures)
        }
        if to > 0 && from > 0 {
            return .init(element: .reciprocity, judgement: .met, branch: "both-directions", figures: figures)
        }
        if joint > 0 {
            let branch = to + from > 0 ? "one-direction-and-joint" : "joint-only"
            return .init(element: .reciprocity, judgement: .partlyMet, branch: branch, figures: figures)
        }
        return .init(element: .reciprocity, judgement: .notMet, branch: "one-direction", figures: figures)
    }

    static func results(
        delivered: [Activity], mou: MoUImplementation, settings: EvaluationSettings
    )
        -> KeyElementFinding
    {
        let completed = delivered.filter { $0.status == .completed }
        // Quantified results ("waste volume −32 %") are evidence of outcomes; outputs and people reached only show
        // that something was done.
        let quantified = completed.filter { !$0.results.isEmpty }
        let withOutputs = completed.filter { !$0.outputs.isEmpty || !$0.participants.isEmpty }
        let figures = [
            "completed": completed.count, "withQuantifiedResults": quantified.count,
            "quantifiedResults": quantified.reduce(0) { $0 + $1.results.count }, "withOutputs": withOutputs.count,
            "implemented": mou.implemented.count, "agreed": mou.agreed.count,
        ]
        if completed.isEmpty {
            return .init(element: .results, judgement: .notMet, branch: "nothing-completed", figures: figures)
        }
        if quantified.isEmpty {
            if withOutputs.isEmpty {
                return .init(
                    element: .results, judgement: .notEnoughData, branch: "no-results-recorded", figures: figures)
            }
            return .init(element: .results, judgement: .partlyMet, branch: "outputs-only", figures: figures)
        }
        if let ratio = mou.ratio, ratio < settings.resultsShare {
            return .init(element: .results, judgement: .partlyMet, branch: "few-fields-delivered", figures: figures)
        }
        return .init(element: .results, judgement: .met, branch: "quantified-results", figures: figures)
    }
}
