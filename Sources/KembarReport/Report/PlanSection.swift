import KembarCore

/// The report's "Plans and targets": planned vs delivered actions per field, every target's progress, the
/// planned-versus-delivered timeline and the budget — the monitoring half of monev, beside the evaluation.
extension ReportBuilder {
    typealias M = MonevStrings

    mutating func plan(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.plan, language)))
        let plan = evaluation.plan
        guard !plan.isEmpty else {
            document.add(.paragraph(M.noPlan(language)))
            return
        }
        planSentences(&document)
        // Fields in the order the agreements name them, then any other.
        let agreed = evaluation.mou.agreed
        let ordered = plan.fields.sorted { a, b in
            (agreed.firstIndex(of: a.field) ?? agreed.count) < (agreed.firstIndex(of: b.field) ?? agreed.count)
        }
        document.add(
            .table(
                header: [S.column(.field, language), M.column(.planned, language), M.column(.delivered, language)],
                rows: ordered.map { field in
                    [fieldName(field.field), String(field.planned.count), String(field.delivered.count)]
                }))
        document.add(.heading(level: 3, text: M.column(.planned, language)))
        actionsTable(&document, plan)
        document.add(.heading(level: 3, text: M.targetsHeading(language)))
        targetsTable(&document, plan)
        let rows = timelineRows(plan)
        if !rows.isEmpty {
            document.add(
                .figure(
                    svg: Charts.planTimeline(
                        rows, asOf: evaluation.asOf.lastDay, asOfLabel: date(evaluation.asOf),
                        title: M.timelineTitle(language), description: M.timelineDescription(plan, language),
                        id: "plan-timeline", width: 560),
                    caption: M.timelineCaption(language)))
        }
        budget(&document, plan)
    }

    /// What was planned and delivered, in the summary and at the head of the section.
    mutating func planSentences(_ document: inout Document) {
        let plan = evaluation.plan
        guard !plan.isEmpty else { return }
        document.add(
            .lead(
                M.delivered(plan.deliveredCount, of: plan.actions.count, language) + " "
                    + M.targetCounts(plan, language)))
        let notDelivered = plan.plannedNotDelivered
        if !notDelivered.isEmpty {
            document.add(.paragraph(M.plannedNotDelivered(notDelivered.map(fieldName), language)))
        }
        let unplanned = evaluation.mou.agreed.filter { field in !plan.fields.contains { $0.field == field } }
        if !unplanned.isEmpty { document.add(.paragraph(M.agreedWithoutPlan(unplanned.map(fieldName), language))) }
    }

    func actionName(_ key: ActionKey) -> String {
        data.actions.first { $0.id == key }?.title.text(language) ?? key.rawValue
    }

    mutating func actionsTable(_ document: inout Document, _ plan: PlanProgress) {
        var rows: [[String]] = []
        for action in plan.actions {
            let period = [action.start, action.end].compactMap { $0 }.map { date($0) }.joined(separator: " – ")
            let source = data.actions.first { $0.id == action.action }
            rows.append([
                action.title.text(language) + cite(source?.sources ?? []),
                action.fields.map(fieldName).joined(separator: "; "), period.isEmpty ? "—" : period,
                String(action.activities.count), action.delivered ? S.yes(language) : S.no(language),
            ])
        }
        document.add(
            .table(
                header: [
                    M.column(.action, language), S.column(.field, language), M.column(.period, language),
                    S.column(.activities, language), M.column(.delivered, language),
                ], rows: rows))
    }

    mutating func targetsTable(_ document: inout Document, _ plan: PlanProgress) {
        let targets = plan.targets
        guard !targets.isEmpty else {
            document.add(.paragraph(M.noTargets(language)))
            return
        }
        var rows: [[String]] = []
        for progress in targets {
            let target = progress.target
            rows.append([
                target.indicator.text(language) + cite(target.sources), actionName(progress.action),
                M.figure(progress.achieved, target, approximate: progress.approximate, language),
                target.value.map { M.figure($0, target, language) } ?? "—", date(target.date),
                progress.share.map { M.percent($0, language) } ?? "—", M.status(progress.status, language),
            ])
        }
        document.add(
            .table(
                header: [
                    M.column(.target, language), M.column(.action, language), M.column(.achieved, language),
                    M.column(.targetValue, language), M.column(.by, language), M.column(.share, language),
                    M.column(.status, language),
                ], rows: rows))
        let bars = M.bars(targets, language)
        if !bars.isEmpty {
            document.add(
                .figure(
                    svg: Charts.targetProgress(
                        bars, title: M.progressTitle(language), description: M.progressDescription(targets, language),
                        id: "target-progress"),
                    caption: M.progressCaption(language)))
        }
        let atRisk = targets.filter { $0.status == .atRisk || $0.status == .missed }
        if !atRisk.isEmpty {
            document.add(
                .list(
                    atRisk.map {
                        M.attention(
                            $0.target.indicator.text(language), status: M.status($0.status, language),
                            by: date($0.target.date), language)
                    }))
        }
    }

    func timelineRows(_ plan: PlanProgress) -> [PlanTimelineRow] {
        let activities = Dictionary(data.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return plan.actions.map { action in
            let planned: ClosedRange<Day>? =
                switch (action.start, action.end) {
                case (let start?, let end?): start.firstDay...max(start.firstDay, end.lastDay)
                case (let start?, nil): start.firstDay...start.lastDay
                case (nil, let end?): end.firstDay...end.lastDay
                default: nil
                }
            return PlanTimelineRow(
                label: action.title.text(language), planned: planned,
                delivered: action.activities.compactMap { key in
                    // A year-only date sits in the middle of its year, as on the partnership timeline.
                    activities[key].map {
                        .init(
                            day: Day(ordinal: ($0.start.firstDay.ordinal + $0.start.lastDay.ordinal) / 2),
                            label: "\(date($0.start)): \($0.title.text(language))")
                    }
                },
                targets: action.targets.map {
                    .init(
                        day: $0.target.date.lastDay,
                        label: "\(date($0.target.date)): \($0.target.indicator.text(language))")
                })
        }
    }

    mutating func budget(_ document: inout Document, _ plan: PlanProgress) {
        let lines = plan.budget
        guard !lines.isEmpty else {
            document.add(.note(M.noBudget(language)))
            return
        }
        document.add(
            .table(
                header: [M.column(.currency, language), M.column(.budget, language), M.column(.spent, language)],
                rows: lines.map {
                    [$0.currency, Format.decimal($0.planned, language), Format.decimal($0.spent, language)]
                }))
        if plan.activitiesWithoutCost > 0 { document.add(.note(M.withoutCost(plan.activitiesWithoutCost, language))) }
    }
}
