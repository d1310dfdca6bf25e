import KembarCore
import KembarReport

/// The first thing a partnership page says: whether it is alive and what is owed — the status with its reason, the
/// stage as recorded (flagged when the facts contradict it), the last activity, the agreement in force and its end,
/// the agreed fields implemented, and what needs attention. Built from the evaluation and the page's records alone,
/// so it is testable without HTTP.
enum StatusHeader {
    static func section(
        _ partnership: Partnership, evaluation: PartnershipEvaluation, slice: Dataset, asOf: Day, _ language: Language
    ) -> Section {
        let finding = evaluation.status
        let inForce = Evaluator.bindingInForce(slice.agreements.filter { $0.partnership == partnership.id }, asOf: asOf)
        let titles = Dictionary(
            slice.agreements.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { first, _ in first })
        var section = Section(id: "status", heading: WebText.statusNow(language))
        section.facts.append(
            Fact(
                label: WebText.statusLabel(language), value: WebText.status(finding.status, language),
                badge: "s-" + finding.status.rawValue,
                detail: ReportStrings.reason(
                    finding.reason, agreement: finding.reason.agreement.flatMap { titles[$0] }, language)))
        var attention: [String] = []
        let stage = Catalogue.name(partnership.stage, language)
        if let recorded = partnership.stage, contradicts(recorded, finding.status) {
            attention.append(WebText.stageContradiction(stage: stage, status: finding.status, language))
        }
        section.facts.append(Fact(label: WebText.stageRecorded(language), value: stage))
        let delivered = slice.activities.filter {
            $0.partnership == partnership.id && ($0.status == .completed || $0.status == .ongoing)
                && $0.start.firstDay <= asOf
        }
        if let last = delivered.max(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            section.facts.append(
                Fact(
                    label: WebText.lastActivity(language),
                    value: "\(Format.date(last.start, language)) · \(last.title.text(language))",
                    href: "/activities/\(last.id)"))
        } else {
            section.facts.append(Fact(label: WebText.lastActivity(language), value: WebText.noActivityYet(language)))
        }
        section.facts.append(
            Fact(
                label: WebText.agreementInForce(language),
                value: inForce.isEmpty
                    ? WebText.noAgreementInForce(language)
                    : inForce.map { agreement in
                        "\(agreement.title.text(language)) ("
                            + (agreement.endDay.map { WebText.until(Format.date($0.partialDate, language), language) }
                                ?? WebText.openEnded(language)) + ")"
                    }.joined(separator: "; ")))
        let fields = Dictionary(
            slice.fields.map { ($0.id, $0.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        let mou = evaluation.mou
        section.facts.append(
            Fact(
                label: WebText.fieldsImplemented(language),
                value: mou.agreed.isEmpty
                    ? WebText.noFieldsAgreed(language)
                    : WebText.fieldsOf(
                        mou.implemented.count, mou.agreed.count,
                        missing: mou.undelivered.map { fields[$0] ?? $0.rawValue }, language)))
        switch finding.status {
        case .renewalDue: attention.append(WebText.renewalToPlan(language))
        case .dormant: attention.append(WebText.dormantRevive(language))
        default: break
        }
        if finding.endDateUnknown { attention.append(ReportStrings.endDateUnknown(language)) }
        if !finding.ongoingWithoutEnd.isEmpty {
            attention.append(WebText.ongoingWithoutEnd(finding.ongoingWithoutEnd.count, language))
        }
        let unsourced = delivered.filter { $0.sources.isEmpty }.count
        if unsourced > 0 { attention.append(WebText.withoutSources(unsourced, language)) }
        let uncounted = delivered.filter { $0.participants.isEmpty && $0.kind != .publication }.count
        if uncounted > 0 { attention.append(WebText.withoutParticipants(uncounted, language)) }
        section.facts.append(
            Fact(
                label: WebText.needsAttention(language),
                value: attention.isEmpty ? WebText.nothingNeedsAttention(language) : "", items: attention))
        return section
    }

    /// Whether the stage people recorded says something the agreements contradict.
    static func contradicts(_ stage: Partnership.Stage, _ status: PartnershipStatus) -> Bool {
        switch stage {
        case .agreement, .implementation, .renewal: status == .exploring
        case .exploration, .intent: [.active, .dormant, .renewalDue].contains(status)
        case .ended: status == .active
        }
    }
}
