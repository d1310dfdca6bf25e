import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The pages of action plans: a planned action with its targets' progress, and the partnership page's plan table.
extension RecordPages {
    /// A planned action: what, when, who, budget and spending, each target's progress as of the page's day (with the
    /// chart the report draws) and the activities delivering it.
    static func action(_ req: Request, _ action: PlannedAction) async throws -> GenericPage {
        let language = req.language
        let asOf = req.asOf
        let activities = try await req.repository.activities(of: action.partnership)
        let plan = Monitoring.progress(actions: [action], activities: activities, asOf: asOf)
        let progress = plan.actions.first
        let sources = SourceNumbers(try await req.repository.sources(Set(action.citedSources)))
        let organisations = Dictionary(
            uniqueKeysWithValues: try await req.repository.organisations(
                Set(action.responsibleCity + action.responsiblePartner)
            ).map { ($0.id, $0.name.text(language)) })
        let fields = Dictionary(
            uniqueKeysWithValues: try await req.repository.fields().map { ($0.id, $0.name.text(language)) })
        let (partnership, breadcrumb) = try await under(req, action.partnership)
        var facts = [
            Fact(
                label: Catalogue.label(.partnership, language), value: partnership,
                href: "/partnerships/\(action.partnership)")
        ]
        if action.internal == true { facts.insert(internalFact(language), at: 0) }
        if let key = action.agreement {
            let agreement = try await req.repository.agreement(key)
            facts.append(
                Fact(
                    label: Catalogue.column("agreement", language),
                    value: agreement.map { "\($0.title.text(language)) (\(Format.date($0.signed, language)))" }
                        ?? key.rawValue, href: "/agreements/\(key)"))
        }
        let period = [action.start, action.end].compactMap { $0 }.map { Format.date($0, language) }
        facts.append(
            Fact(
                label: MonevStrings.column(.period, language),
                value: period.isEmpty ? "—" : period.joined(separator: " – ")))
        facts.append(
            Fact(
                label: Catalogue.column("fields", language),
                value: action.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ")))
        if !action.tags.isEmpty {
            facts.append(
                Fact(
                    label: Catalogue.column("tags", language),
                    value: try await tagNames(action.tags, req.repository, language)))
        }
        for (column, keys) in [
            ("responsible_city", action.responsibleCity), ("responsible_partner", action.responsiblePartner),
        ]
        where !keys.isEmpty {
            facts.append(
                Fact(
                    label: Catalogue.column(column, language),
                    value: keys.map { organisations[$0] ?? $0.rawValue }.joined(separator: "; ")))
        }
        if let budget = action.budget {
            facts.append(
                Fact(
                    label: Catalogue.column("budget_amount", language),
                    value: PlanText.money(budget.money, language) + (budget.funding.map { " (\($0))" } ?? "")))
        }
        if let progress, !progress.spent.isEmpty {
            facts.append(
                Fact(
                    label: MonevStrings.column(.spent, language),
                    value: progress.spent.map { PlanText.money($0, language) }.joined(separator: "; ")))
        }
        facts.append(
            Fact(
                label: MonevStrings.column(.delivered, language),
                value: progress?.delivered == true ? WebText.yes(language) : WebText.no(language)))
        if let note = action.note { facts.append(Fact(label: Catalogue.column("note", language), value: note)) }
        var main = Section(id: "action", heading: Catalogue.page(.summary, language), facts: facts)
        if let description = action.description {
            main.paragraphs = [description.text(language) + sources.cite(action.sources)]
        }
        var sections = [main]
        if let progress {
            sections.append(PlanText.targetsSection(progress.targets, sources: sources, language))
            let delivering = activities.filter { progress.activities.contains($0.id) }
            sections.append(
                Section(
                    id: "delivering", heading: MonevStrings.deliveringHeading(language),
                    paragraphs: delivering.isEmpty ? [MonevStrings.nothingDelivering(language)] : [],
                    tables: delivering.isEmpty
                        ? []
                        : [
                            Table(
                                caption: MonevStrings.deliveringHeading(language),
                                columns: [
                                    Catalogue.column("start", language), Catalogue.column("title", language),
                                    Catalogue.column("participants", language), Catalogue.column("status", language),
                                ],
                                rows: delivering.map { a in
                                    let total = a.participantTotal
                                    return [
                                        Cell(text: Describe.when(a, language)),
                                        Cell(
                                            text: a.title.text(language), href: "/activities/\(a.id)",
                                            lang: a.title.lang(on: language)),
                                        Cell(
                                            text: a.participants.isEmpty
                                                ? "—"
                                                : Format.count(total.count, approximate: total.approximate, language),
                                            numeric: true),
                                        Cell(text: WebText.term(a.status.rawValue, language)),
                                    ]
                                })
                        ]))
        }
        sections.append(sources.section(language))
        return GenericPage(
            chrome: Chrome(req, title: action.title.text(language), section: "/"),
            heading: action.title.text(language), lead: MonevStrings.column(.action, language),
            actions: editActions(req, .actions, action.id.rawValue), sections: sections,
            headingLang: action.title.lang(on: language), breadcrumb: breadcrumb)
    }
}

/// Words and pieces of the plan pages.
enum PlanText {
    static func money(_ money: Money, _ language: Language) -> String {
        "\(money.currency) \(Format.decimal(money.amount, language))"
    }

    /// Each target's progress in a table, with the chart of the shares achieved.
    static func targetsSection(_ targets: [TargetProgress], sources: SourceNumbers, _ language: Language) -> Section {
        var section = Section(id: "targets", heading: MonevStrings.targetsHeading(language))
        guard !targets.isEmpty else {
            section.paragraphs = [MonevStrings.noTargets(language)]
            return section
        }
        section.tables = [
            Table(
                caption: MonevStrings.targetsHeading(language),
                columns: [
                    MonevStrings.column(.target, language), MonevStrings.column(.achieved, language),
                    MonevStrings.column(.targetValue, language), MonevStrings.column(.by, language),
                    MonevStrings.column(.share, language), MonevStrings.column(.status, language),
                ],
                rows: targets.map { progress in
                    let target = progress.target
                    return [
                        Cell(
                            text: target.indicator.text(language) + sources.cite(target.sources),
                            lang: target.indicator.lang(on: language)),
                        Cell(
                            text: MonevStrings.figure(
                                progress.achieved, target, approximate: progress.approximate, language),
                            numeric: true),
                        Cell(
                            text: target.value.map { MonevStrings.figure($0, target, language) } ?? "—", numeric: true),
                        Cell(text: Format.date(target.date, language)),
                        Cell(text: progress.share.map { MonevStrings.percent($0, language) } ?? "—", numeric: true),
                        Cell(
                            text: MonevStrings.status(progress.status, language),
                            badge: "target-\(progress.status.rawValue)"),
                    ]
                })
        ]
        let bars = MonevStrings.bars(targets, language)
        if !bars.isEmpty {
            // Drawn for wide screens and for phones, so that on a phone it fits without shrinking its text.
            func chart(_ id: String, _ width: Double) -> String {
                Charts.targetProgress(
                    bars, title: MonevStrings.progressTitle(language),
                    description: MonevStrings.progressDescription(targets, language), id: id, width: width)
            }
            section.charts = [
                "<div class=\"wide-only\">" + chart("targets-chart", 560) + "</div><div class=\"narrow-only\">"
                    + chart("targets-chart-narrow", PartnershipPage.narrowChart) + "</div>"
            ]
            section.paragraphs = [MonevStrings.progressCaption(language)]
        }
        return section
    }

    /// The partnership page's table of planned actions, each with its fields, period, targets and delivery.
    static func table(_ plan: PlanProgress, fields: [FieldKey: String], _ language: Language) -> Table {
        Table(
            caption: MonevStrings.column(.planned, language),
            columns: [
                MonevStrings.column(.action, language), Catalogue.column("fields", language),
                MonevStrings.column(.period, language), Catalogue.column("targets", language),
                MonevStrings.column(.delivered, language),
            ],
            rows: plan.actions.map { action in
                let period = [action.start, action.end].compactMap { $0 }.map { Format.date($0, language) }
                return [
                    Cell(
                        text: action.title.text(language), href: "/actions/\(action.action)",
                        lang: action.title.lang(on: language)),
                    Cell(text: action.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ")),
                    Cell(text: period.isEmpty ? "—" : period.joined(separator: " – ")),
                    Cell(
                        text: action.targets.isEmpty
                            ? "—"
                            : action.targets.map {
                                "\($0.target.indicator.text(language)): \(MonevStrings.status($0.status, language))"
                            }.joined(separator: "; ")),
                    Cell(
                        text: action.delivered ? WebText.yes(language) : WebText.no(language),
                        badge: action.delivered ? "target-met" : "target-at-risk"),
                ]
            })
    }
}

/// The partnership page's checklist of the national procedure: each step with its state, date and proof, and the
/// next step.
enum ProcedureSection {
    static func build(
        _ partnership: Partnership, slice: Dataset, sources: SourceNumbers, _ language: Language
    ) -> Section? {
        let country = slice.cities.first { $0.id == partnership.city }?.country
        guard let procedure = Bundled.procedure(country: country) else { return nil }
        let progress = ProcedureProgress.of(
            procedure, partnership: partnership, agreements: slice.agreements, milestones: slice.milestones,
            activities: slice.activities)
        var section = Section(id: "procedure", heading: MonevStrings.procedureHeading(language))
        section.paragraphs = [MonevStrings.procedureLead(progress, language)]
        section.tables = [
            Table(
                caption: procedure.name.text(language),
                columns: [
                    MonevStrings.procedureColumn("step", language), MonevStrings.procedureColumn("state", language),
                    MonevStrings.procedureColumn("date", language), MonevStrings.procedureColumn("proof", language),
                ],
                rows: progress.steps.map { state in
                    [
                        Cell(text: state.step.name.text(language)),
                        Cell(
                            text: MonevStrings.procedureState(state.state, language),
                            badge: "procedure-\(state.state.rawValue)"),
                        Cell(text: state.date.map { Format.date($0, language) } ?? "—"),
                        proof(state, slice: slice, sources: sources, language),
                    ]
                })
        ]
        return section
    }

    static func proof(
        _ state: ProcedureProgress.StepState, slice: Dataset, sources: SourceNumbers, _ language: Language
    ) -> Cell {
        switch state.proof {
        case .recorded(let record):
            let text = [record.document, record.note].compactMap { $0 }.joined(separator: " — ")
            return Cell(text: (text.isEmpty ? state.step.proof.text(language) : text) + sources.cite(record.sources))
        case .agreement(let key):
            let title = slice.agreements.first { $0.id == key }?.title.text(language) ?? key.rawValue
            return Cell(text: title, href: "/agreements/\(key)")
        case .milestone(let key):
            let title = slice.milestones.first { $0.id == key }?.title.text(language) ?? key.rawValue
            return Cell(text: title, href: "/milestones/\(key)")
        case .activity(let key):
            let title = slice.activities.first { $0.id == key }?.title.text(language) ?? key.rawValue
            return Cell(text: title, href: "/activities/\(key)")
        case nil:
            return Cell(text: MonevStrings.proofExpected(state.step.proof.text(language), language))
        }
    }
}
