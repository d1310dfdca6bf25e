import Foundation
import KembarCore

/// The formats `kembar report` writes.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case html
    case markdown = "md"
    case json
}

/// The evaluation and comparison as one JSON document (`--format json`).
public struct ReportDocument: Hashable, Sendable, Codable {
    public var evaluation: PartnershipEvaluation
    public var comparison: CityComparison?

    public init(evaluation: PartnershipEvaluation, comparison: CityComparison?) {
        self.evaluation = evaluation
        self.comparison = comparison
    }
}

/// A complete evaluation report of one partnership: summary, timeline, agreements and validity, per-dimension
/// findings, MoU implementation, UNDP key elements, the two-city comparison and numbered sources.
public struct EvaluationReport: Sendable {
    public var evaluation: PartnershipEvaluation
    public var comparison: CityComparison?
    /// The facts the evaluation was computed from (names, agreements, milestones, sources).
    public var data: Dataset

    public init(evaluation: PartnershipEvaluation, comparison: CityComparison?, data: Dataset) {
        self.evaluation = evaluation
        self.comparison = comparison
        self.data = data
    }

    /// Evaluates and compares in one call: what the CLI's `report` and the web's report page need.
    ///
    /// - Parameters:
    ///   - data: the partnership's slice (`repository.dataset(partnership:)`).
    ///   - library: every framework and crosswalk (the bundled ones).
    /// - Throws: ``EvaluationError`` when the partnership, a city or the framework is unknown.
    public static func make(
        _ data: Dataset, partnership: PartnershipKey, framework: FrameworkKey, library: FrameworkLibrary, asOf: Day,
        settings: EvaluationSettings = .init()
    ) throws(EvaluationError) -> EvaluationReport {
        let evaluation = try Evaluator.evaluate(
            data, partnership: partnership, framework: framework, library: library, asOf: asOf, settings: settings)
        let comparison = try Evaluator.compare(
            data, partnership: partnership, framework: framework, library: library, asOf: asOf)
        return EvaluationReport(evaluation: evaluation, comparison: comparison, data: data)
    }

    /// The report in `format`; `language` is ignored for JSON, whose values carry both languages.
    public func render(_ format: ReportFormat, _ language: Language, frame: PrintFrame = PrintFrame()) throws -> String
    {
        switch format {
        case .html: return html(language, frame: frame)
        case .markdown: return markdown(language)
        case .json: return try json()
        }
    }

    /// A self-contained HTML page with inline SVG charts and A4 print CSS.
    public func html(_ language: Language, frame: PrintFrame = PrintFrame()) -> String {
        build(language).html(frame)
    }

    public func markdown(_ language: Language) -> String { build(language).markdown() }

    /// The evaluation's findings as an HTML fragment for a page that shows the timeline, the agreements and the
    /// sources itself (the web app's partnership page): everything else of the report, headings one level down.
    ///
    /// - Parameter numbering: the page's source numbers, in order; the fragment cites with the same numbers, so a page
    ///   never gives two numbers to one source. Sources the page did not number are numbered after them.
    public func fragment(_ language: Language, numbering: [SourceKey] = []) -> String {
        let omitted: [ReportStrings.Heading] = [.timeline, .agreements, .activities, .sources]
        var builder = ReportBuilder(report: self, language: language)
        builder.numbering = CitationNumbering(order: numbering)
        return builder.build().fragment(omitting: Set(omitted.map { ReportStrings.heading($0, language) }))
    }

    /// The partnership's timeline chart, as the report draws it, for a page.
    public func timeline(_ language: Language, id: String, width: Double = 760) -> String {
        ReportBuilder(report: self, language: language).timelineChart(id: id, width: width)
    }

    /// Pretty-printed JSON with sorted keys, so equal evaluations give identical text.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes = try encoder.encode(ReportDocument(evaluation: evaluation, comparison: comparison))
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }

    func build(_ language: Language) -> Document {
        var builder = ReportBuilder(report: self, language: language)
        return builder.build()
    }
}

/// Writes the report's blocks, numbering sources in the order they are first cited.
struct ReportBuilder {
    let report: EvaluationReport
    let language: Language
    var numbering = CitationNumbering()

    init(report: EvaluationReport, language: Language) {
        self.report = report
        self.language = language
    }

    var evaluation: PartnershipEvaluation { report.evaluation }
    var data: Dataset { report.data }
    typealias S = ReportStrings

    // MARK: Names

    func cityName(_ key: CityKey?) -> String {
        guard let key else { return "?" }
        return data.cities.first { $0.id == key }?.name.text(language) ?? key.rawValue
    }

    var partnerName: String {
        if let city = evaluation.partnerCity { return cityName(city) }
        if let organisation = evaluation.partnerOrganisation {
            return data.organisations.first { $0.id == organisation }?.name.text(language) ?? organisation.rawValue
        }
        return "?"
    }

    /// City names as used in running text: "Surabaya" rather than "Kota Surabaya", which reads oddly mid-sentence.
    func shortCityName(_ key: CityKey?) -> String {
        guard let key else { return "?" }
        return data.cities.first { $0.id == key }?.name.text(.en) ?? key.rawValue
    }

    func fieldName(_ key: FieldKey) -> String {
        data.fields.first { $0.id == key }?.name.text(language) ?? key.rawValue
    }

    func dimensionName(_ finding: DimensionFinding) -> String { finding.name.text(language) }

    func agreementName(_ key: AgreementKey?) -> String? {
        guard let key, let agreement = data.agreements.first(where: { $0.id == key }) else { return nil }
        let kind = Catalogue.name(of: agreement, language)
        let date = Format.date(agreement.signed, language)
        return S.pick(language, "the \(kind) of \(date)", "\(kind) tanggal \(date)")
    }

    /// The people reached; "—" when activities took place but none gives a count (unknown is not zero).
    func people(_ reach: Reach) -> String {
        if reach.activities > 0 && reach.activitiesWithoutCount == reach.activities { return "—" }
        return Format.count(reach.participants, approximate: reach.approximate, language)
    }

    func date(_ value: PartialDate?) -> String { value.map { Format.date($0, language) } ?? "—" }

    /// " [1, 2]" for the given sources, numbering new ones.
    mutating func cite(_ keys: [SourceKey]) -> String { numbering.cite(keys) }

    // MARK: Build

    mutating func build() -> Document {
        let kind = data.partnerships.first { $0.id == evaluation.partnership }.map { Catalogue.name($0.kind, language) }
        var document = Document(
            language: language,
            title: S.title(
                city: shortCityName(evaluation.city), partner: shortPartnerName, kind: kind ?? "", language),
            subtitle: S.subtitle(
                framework: evaluation.frameworkName.text(language), asOf: date(evaluation.asOf), language))
        summary(&document)
        timeline(&document)
        agreements(&document)
        activities(&document)
        years(&document)
        dimensions(&document)
        mou(&document)
        plan(&document)
        infrastructureAndDirections(&document)
        continuity(&document)
        keyElements(&document)
        comparison(&document)
        unmapped(&document)
        sources(&document)
        return document
    }

    var shortPartnerName: String {
        evaluation.partnerCity.map(shortCityName) ?? partnerName
    }

    mutating func summary(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.summary, language)))
        let status = evaluation.status
        document.add(
            .lead(
                S.statusSentence(
                    status: S.status(status.status, language), asOf: date(evaluation.asOf),
                    reason: S.reason(status.reason, agreement: agreementName(status.reason.agreement), language),
                    language)))
        for other in status.alsoApplies {
            document.add(
                .paragraph(
                    S.alsoApplies(
                        S.status(other.status, language),
                        reason: S.reason(other, agreement: agreementName(other.agreement), language), language)))
        }
        if status.endDateUnknown { document.add(.paragraph(S.endDateUnknown(language))) }
        for ongoing in status.ongoingWithoutEnd {
            let title =
                data.activities.first { $0.id == ongoing.activity }?.title.text(language) ?? ongoing.activity.rawValue
            document.add(.paragraph(S.ongoingWithoutEnd(title: title, since: ongoing.since, language)))
        }

        let reached = evaluation.dimensionsReached
        let delivered = evaluation.delivered
        if delivered.activities == 0 {
            document.add(.lead(S.nothingDelivered(language)))
        } else if reached.count == 1, evaluation.unplaced.isEmpty, let only = reached.first {
            document.add(.lead(S.allUnder(count: delivered.activities, dimension: dimensionName(only), language)))
        } else if !reached.isEmpty {
            let names = reached.map { "\(dimensionName($0)) (\($0.reach.activities))" }
            document.add(.lead(S.spread(count: delivered.activities, dimensions: names, language)))
        }
        if !evaluation.unplaced.isEmpty { document.add(.paragraph(S.unplaced(evaluation.unplaced.count, language))) }
        if !evaluation.multiDimensional.isEmpty {
            document.add(
                .paragraph(
                    S.multiDimensional(
                        count: evaluation.multiDimensional.count, delivered: delivered.activities, language)))
        }
        let split = evaluation.infrastructure
        if delivered.activities > 0 {
            if split.soft.activities == delivered.activities {
                document.add(.lead(S.allSoft(language)))
            } else if split.hard.activities == delivered.activities {
                document.add(.lead(S.allHard(language)))
            } else {
                document.add(
                    .paragraph(
                        S.infrastructureMix(
                            soft: split.soft.activities, hard: split.hard.activities,
                            unspecified: split.unspecified.activities, language)))
            }
            document.add(
                .paragraph(
                    S.reached(people: people(delivered), withoutCount: delivered.activitiesWithoutCount, language)))
            let active = evaluation.years.filter { $0.reach.activities > 0 }.map {
                S.yearFigures(year: $0.year, activities: $0.reach.activities, people: people($0.reach), language)
            }
            document.add(.lead(S.perYear(active, language)))
        }
        mouSentences(&document, lead: true)
        planSentences(&document)
        let counts = Judgement.allCases.compactMap { judgement -> String? in
            let n = evaluation.keyElements.filter { $0.judgement == judgement }.count
            return n == 0 ? nil : "\(n) \(S.judgement(judgement, language))"
        }
        document.add(.paragraph(S.heading(.keyElements, language) + ": " + counts.joined(separator: ", ") + "."))
    }

    mutating func mouSentences(_ document: inout Document, lead: Bool) {
        let mou = evaluation.mou
        guard !mou.agreed.isEmpty else {
            document.add(.paragraph(S.noFieldsAgreed(language)))
            return
        }
        let sentence = S.mouSentence(
            agreed: mou.agreed.count, implemented: mou.implemented.map(fieldName),
            ratio: S.ratio(mou.implemented.count, mou.agreed.count), language)
        document.add(lead ? .lead(sentence) : .paragraph(sentence))
        if !mou.undelivered.isEmpty {
            let line = S.undelivered(mou.undelivered.map(fieldName), language)
            document.add(lead ? .lead(line) : .paragraph(line))
        }
        let before = mou.beforeAgreement
        if !before.activities.isEmpty, let signed = before.signed {
            document.add(
                .paragraph(
                    S.beforeAgreement(
                        count: before.activities.count, signed: date(signed), fields: before.fields.map(fieldName),
                        language)))
        }
    }

    /// The timeline chart: milestones, agreements with their validity (a letter of intent as a mark), activities
    /// sized by participants, up to the evaluation date. The web page draws the same chart from the same facts.
    func timelineChart(id: String, width: Double = 760) -> String {
        let asOf = evaluation.asOf.firstDay
        let milestones = data.milestones.filter { $0.partnership == evaluation.partnership }.sorted {
            $0.date < $1.date
        }
        let agreements = data.agreements.filter { $0.partnership == evaluation.partnership }.sorted {
            $0.signed < $1.signed
        }
        let activities = data.activities.filter { $0.partnership == evaluation.partnership }.sorted {
            $0.start < $1.start
        }
        var items: [Timeline.Item] = []
        for milestone in milestones where milestone.date.firstDay <= asOf {
            items.append(
                .init(
                    kind: .milestone, label: "\(date(milestone.date)): \(milestone.title.text(language))",
                    from: milestone.date.firstDay, to: milestone.date.lastDay))
        }
        for agreement in agreements where agreement.signed.firstDay <= asOf {
            let start = (agreement.validFrom ?? agreement.signed).firstDay
            let end = agreement.endDay
            let until = end.map { Format.date($0.partialDate, language) } ?? S.openEnded(language)
            // A letter of intent has no validity period: draw it as a short mark at its signing.
            let isMark = agreement.kind == .letterOfIntent || agreement.kind == .termination
            items.append(
                .init(
                    kind: .agreement,
                    label: "\(Catalogue.name(agreement.kind, language)): \(date(agreement.signed)) – \(until)",
                    shortLabel: Catalogue.name(agreement.kind, language), from: start,
                    to: isMark ? start : end.map { min($0, asOf) }, openEnded: !isMark && end == nil))
        }
        for activity in activities where evaluation.notCounted.contains(activity.id) == false {
            let total = activity.participantTotal
            let count =
                activity.participants.isEmpty
                ? "" : " — " + Format.count(total.count, approximate: total.approximate, language)
            items.append(
                .init(
                    kind: .activity, label: "\(date(activity.start)): \(activity.title.text(language))\(count)",
                    from: activity.start.firstDay, to: activity.end?.lastDay ?? activity.start.lastDay,
                    size: Double(total.count)))
        }
        let first = items.map(\.from).min() ?? asOf
        return Charts.timeline(
            Timeline(
                from: first, to: asOf, asOfLabel: S.asOfMark(date(evaluation.asOf), language),
                laneLabels: .init(
                    milestones: Catalogue.label(.milestones, language),
                    agreements: Catalogue.label(.agreements, language),
                    activities: Catalogue.label(.activities, language),
                    sizes: Catalogue.label(.participants, language)), items: items),
            title: S.chartTimelineTitle(language), description: items.map(\.label).joined(separator: "; "),
            id: id, width: width)
    }

    mutating func timeline(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.timeline, language)))
        let asOf = evaluation.asOf.firstDay
        let milestones = data.milestones.filter { $0.partnership == evaluation.partnership }.sorted {
            $0.date < $1.date
        }
        document.add(
            .figure(svg: timelineChart(id: "timeline-\(language.rawValue)"), caption: S.chartTimelineTitle(language)))
        guard !milestones.isEmpty else { return }
        var rows: [[String]] = []
        for milestone in milestones where milestone.date.firstDay <= asOf {
            rows.append([
                Describe.when(milestone, language), Catalogue.name(milestone.kind, language),
                milestone.title.text(language) + cite(milestone.sources),
            ])
        }
        document.add(
            .table(
                header: [
                    Catalogue.label(.date, language), Catalogue.label(.kind, language),
                    Catalogue.label(.title, language),
                ], rows: rows))
    }

    mutating func agreements(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.agreements, language)))
        let asOf = evaluation.asOf.firstDay
        let agreements = data.agreements.filter {
            $0.partnership == evaluation.partnership && $0.signed.firstDay <= asOf
        }.sorted { $0.signed < $1.signed }
        var rows: [[String]] = []
        for agreement in agreements {
            let inForce =
                agreement.kind != .termination && evaluation.status.status != .terminated
                && (agreement.validFrom ?? agreement.signed).firstDay <= asOf
                && (agreement.endDay.map { asOf <= $0 } ?? true)
            // A letter of intent states a wish and a termination an end: neither has a period of validity.
            let hasValidity = agreement.kind != .letterOfIntent && agreement.kind != .termination
            rows.append([
                Catalogue.name(of: agreement, language), date(agreement.signed),
                hasValidity ? date(agreement.validFrom ?? agreement.signed) : "—",
                hasValidity
                    ? agreement.endDay.map { Format.date($0.partialDate, language) }
                        ?? Catalogue.label(.openEnded, language) : "—",
                hasValidity ? (inForce ? S.yes(language) : S.no(language)) : "—",
                agreement.fields.map(fieldName).joined(separator: "; ") + cite(agreement.sources),
            ])
        }
        document.add(
            .table(
                header: [
                    S.column(.kind, language), Catalogue.label(.signed, language), S.column(.validFrom, language),
                    S.column(.validUntil, language), S.column(.inForce, language), Catalogue.label(.fields, language),
                ], rows: rows))
        for agreement in agreements where !agreement.signatories.isEmpty || agreement.purpose != nil {
            var facts: [String] = []
            if !agreement.signatories.isEmpty {
                facts.append(
                    S.column(.signatories, language) + ": "
                        + agreement.signatories.map { Describe.signatory($0, cite: { cite($0) }, language) }
                        .joined(separator: "; "))
            }
            if let purpose = agreement.purpose {
                facts.append(S.column(.purpose, language) + ": " + purpose.text(language))
            }
            document.add(
                .paragraph(
                    "\(Catalogue.name(of: agreement, language)) (\(date(agreement.signed))) — "
                        + S.sentences(facts)))
        }
    }

    /// Every activity recorded, as the facts give it: dates at their precision, status, who travelled and where,
    /// participants, outputs, results and the description; planned and cancelled ones are marked as not counted.
    mutating func activities(_ document: inout Document) {
        let activities = data.activities.filter { $0.partnership == evaluation.partnership }.sorted {
            $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id
        }
        guard !activities.isEmpty else { return }
        document.add(.heading(level: 2, text: S.heading(.activities, language)))
        var items: [String] = []
        for activity in activities {
            var parts = [
                "\(Describe.when(activity, language)) — \(activity.title.text(language))" + cite(activity.sources)
            ]
            var status = WebText.term(activity.status.rawValue, language)
            if evaluation.notCounted.contains(activity.id) { status += " — " + S.notCounted(language) }
            parts.append(status + "; " + Describe.travelAndVenue(activity, language))
            if !activity.participants.isEmpty {
                parts.append(
                    activity.participants.map {
                        Format.count($0.count, approximate: $0.approximate, language) + " "
                            + S.role($0.role, count: $0.count, language)
                    }.joined(separator: ", "))
            }
            if let description = activity.description { parts.append(description.text(language)) }
            if !activity.outputs.isEmpty {
                parts.append(
                    Catalogue.column("outputs", language) + ": "
                        + activity.outputs.map { $0.text(language) }.joined(separator: "; "))
            }
            for result in activity.results {
                parts.append(
                    Catalogue.column("results", language) + ": " + Describe.figure(result, cite: { cite($0) }, language)
                )
            }
            if let note = activity.note { parts.append(Catalogue.column("note", language) + ": " + note) }
            items.append(S.sentences(parts))
        }
        document.add(.list(items))
    }

    /// No completed activity: tables and charts of counts would be all zeros, so each section says so instead.
    var nothingCompleted: Bool {
        let split = evaluation.infrastructure
        return split.soft.activities + split.hard.activities + split.unspecified.activities == 0
    }

    mutating func years(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.years, language)))
        guard !nothingCompleted else { return document.add(.paragraph(S.nothingCompleted(.years, language))) }
        // Runs of silent years collapse into one row ("2003–2011: 0"), so seventy years stay a short table.
        var rows: [[String]] = []
        var silent: (from: Int, to: Int)?
        func flush() {
            if let run = silent { rows.append([S.yearRun(run.from, run.to), "0", "—", "—"]) }
            silent = nil
        }
        for year in evaluation.years {
            if year.isSilent {
                silent = (silent?.from ?? year.year, year.year)
                continue
            }
            flush()
            rows.append([
                String(year.year), String(year.reach.activities),
                year.reach.activities == 0 ? "—" : people(year.reach),
                year.continuing == 0 ? "—" : String(year.continuing),
            ])
        }
        flush()
        document.add(
            .table(
                header: [
                    S.column(.year, language), S.column(.activities, language), S.column(.participants, language),
                    S.column(.continuing, language),
                ],
                rows: rows))
        if evaluation.years.contains(where: { $0.reach.approximate }) {
            document.add(.note("~ = " + Catalogue.label(.approximate, language)))
        }
    }

    mutating func dimensions(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.dimensions, language)))
        guard !nothingCompleted else { return document.add(.paragraph(S.nothingCompleted(.dimensions, language))) }
        let wheel = evaluation.dimensions.map {
            ChartDatum(
                label: dimensionName($0), value: Double($0.reach.activities), display: String($0.reach.activities))
        }
        document.add(
            .figure(
                svg: Charts.wheel(
                    wheel, title: S.chartWheelTitle(language),
                    description: wheel.map { "\($0.label): \($0.display)" }.joined(separator: "; "),
                    id: "wheel-\(language.rawValue)"), caption: S.chartWheelTitle(language)))
        let bars = evaluation.dimensions.map {
            ChartDatum(label: dimensionName($0), value: Double($0.reach.participants), display: people($0.reach))
        }
        document.add(
            .figure(
                svg: Charts.bars(
                    bars, title: S.chartBarsTitle(language),
                    description: bars.map { "\($0.label): \($0.display)" }.joined(separator: "; "),
                    id: "bars-\(language.rawValue)"), caption: S.chartBarsTitle(language)))
        let rows = evaluation.dimensions.map { finding in
            [
                dimensionName(finding), String(finding.reach.activities), people(finding.reach),
                finding.personDays.value.map { Format.count($0, approximate: finding.personDays.approximate, language) }
                    ?? "—", date(finding.first), date(finding.last),
            ]
        }
        document.add(
            .table(
                header: [
                    S.column(.dimension, language), S.column(.activities, language),
                    S.column(.participants, language), S.column(.personDays, language), S.column(.first, language),
                    S.column(.last, language),
                ], rows: rows))
        for finding in evaluation.dimensionsReached {
            document.add(.heading(level: 3, text: dimensionName(finding)))
            let roles = finding.roles.map {
                "\(Format.count($0.count, approximate: $0.approximate, language)) \(S.role($0.role, count: $0.count, language))"
            }
            if !roles.isEmpty {
                document.add(.paragraph(S.column(.roles, language) + ": " + roles.joined(separator: ", ") + "."))
            }
            if let value = finding.personDays.value {
                var line = S.column(.personDays, language) + ": "
                line += Format.count(value, approximate: finding.personDays.approximate, language)
                if !finding.personDays.notComputable.isEmpty {
                    line += "; " + S.personDaysNote(finding.personDays.notComputable.count, language)
                }
                document.add(.paragraph(line + "."))
            } else {
                document.add(
                    .paragraph(
                        S.column(.personDays, language) + ": "
                            + S.personDaysNote(finding.personDays.notComputable.count, language) + "."))
            }
            if !finding.subdimensions.isEmpty {
                let subs = finding.subdimensions.map {
                    "\($0.name.text(language)) (\(S.activities($0.reach.activities, language)))"
                }
                document.add(.paragraph(S.column(.subdimensions, language) + ": " + subs.joined(separator: ", ") + "."))
            }
            var items: [String] = []
            for evidence in finding.evidence {
                items.append("\(date(evidence.date)) — \(evidence.title.text(language))" + cite(evidence.sources))
            }
            document.add(.list(items))
        }
    }

    mutating func mou(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.mou, language)))
        let mou = evaluation.mou
        document.add(.note(S.mouBasis(mou.basis, language)))
        mouSentences(&document, lead: false)
        guard !mou.agreed.isEmpty else { return }
        let rows = mou.agreed.map { field in
            [
                fieldName(field), String(mou.activitiesPerField[field.rawValue] ?? 0),
                mou.implemented.contains(field) ? S.yes(language) : S.no(language),
            ]
        }
        document.add(
            .table(
                header: [
                    S.column(.field, language), S.column(.completed, language), S.column(.implemented, language),
                ], rows: rows))
        if !mou.outsideAgreement.isEmpty {
            document.add(.paragraph(S.outsideAgreement(mou.outsideAgreement.map(fieldName), language)))
        }
    }

    mutating func infrastructureAndDirections(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.infrastructure, language)))
        guard !nothingCompleted else {
            document.add(.paragraph(S.nothingCompleted(.infrastructure, language)))
            document.add(.heading(level: 2, text: S.heading(.reciprocity, language)))
            return document.add(.paragraph(S.nothingCompleted(.reciprocity, language)))
        }
        let split = evaluation.infrastructure
        let infraRows: [(Infrastructure?, Reach)] = [
            (.soft, split.soft), (.hard, split.hard), (nil, split.unspecified),
        ]
        document.add(
            .table(
                header: [
                    S.column(.kind, language), S.column(.activities, language), S.column(.participants, language),
                ],
                rows: infraRows.map { [S.infrastructure($0.0, language), String($0.1.activities), people($0.1)] }))
        document.add(.heading(level: 2, text: S.heading(.reciprocity, language)))
        let r = evaluation.reciprocity
        let rows: [(String, Reach)] = [
            (S.toPartner(partner: shortPartnerName, language), r.toPartner),
            (S.fromPartner(partner: shortPartnerName, language), r.fromPartner), (S.joint(language), r.joint),
            (S.remote(language), r.remote),
        ]
        document.add(
            .table(
                header: [
                    S.column(.direction, language), S.column(.activities, language), S.column(.participants, language),
                ], rows: rows.map { [$0.0, String($0.1.activities), people($0.1)] }))
    }

    mutating func continuity(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.continuity, language)))
        let continuity = evaluation.continuity
        guard let since = continuity.since else {
            document.add(.paragraph(S.noAgreementForContinuity(language)))
            return
        }
        document.add(
            .paragraph(
                S.continuitySentence(
                    active: continuity.activeYears.count, span: continuity.yearsInSpan, since: since,
                    years: continuity.activeYears.map(String.init).joined(separator: ", "), language)))
        if let gap = continuity.longestGap { document.add(.paragraph(S.gapSentence(gap, language))) }
    }

    mutating func keyElements(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.keyElements, language)))
        let rows = evaluation.keyElements.map { finding in
            [
                S.element(finding.element, language), S.judgement(finding.judgement, language),
                S.finding(finding, language), S.rule(finding.element, evaluation.settings, language),
            ]
        }
        document.add(
            .table(
                header: [
                    S.column(.element, language), S.column(.judgement, language), S.column(.finding, language),
                    S.column(.rule, language),
                ], rows: rows))
    }

    mutating func comparison(_ document: inout Document) {
        guard let comparison = report.comparison else { return }
        document.add(.heading(level: 2, text: S.heading(.comparison, language)))
        let city = shortCityName(comparison.city.city)
        let partner = comparison.partner.map { shortCityName($0.city) } ?? partnerName
        let rows = comparison.rows.map { row in
            [
                row.name.text(language), String(row.initiatives), String(row.partnerInitiatives),
                String(row.hostedByCity), String(row.hostedByPartner), String(row.joint),
            ]
        }
        let initiatives = S.column(.initiatives, language)
        let held = S.column(.hostedInCity, language)
        document.add(
            .table(
                header: [
                    S.column(.dimension, language), "\(city): \(initiatives)", "\(partner): \(initiatives)",
                    "\(S.column(.activities, language)) \(held) \(city)",
                    "\(S.column(.activities, language)) \(held) \(partner)", S.column(.joint, language),
                ], rows: rows))
        for profile in [comparison.city] + [comparison.partner].compactMap({ $0 }) {
            let name = shortCityName(profile.city)
            if profile.covered.isEmpty {
                document.add(.paragraph(S.nothingRecorded(city: name, language)))
                continue
            }
            guard !profile.indicators.isEmpty else { continue }
            document.add(.heading(level: 3, text: "\(S.heading(.indicators, language)): \(name)"))
            var rows: [[String]] = []
            for indicator in profile.indicators {
                guard let latest = indicator.latest else { continue }
                let label = indicator.name?.text(language) ?? indicator.indicator.node
                let value =
                    (latest.approximate ? "~" : "") + Format.decimal(latest.value, language)
                    + ((indicator.unitName?.text(language) ?? indicator.unit).map { " \($0)" } ?? "")
                rows.append([
                    label + " (\(indicator.indicator.node))", "\(value) (\(date(latest.period)))",
                    S.trend(indicator.trend, indicator.assessment, language) + cite(latest.sources),
                ])
            }
            document.add(
                .table(
                    header: [S.column(.indicator, language), S.column(.latest, language), S.column(.trend, language)],
                    rows: rows))
            for (index, indicator) in profile.indicators.enumerated() where indicator.series.count > 1 {
                let points = indicator.series.map {
                    ChartDatum(label: date($0.period), value: $0.value, display: Format.decimal($0.value, language))
                }
                let title = "\(name): \(indicator.name?.text(language) ?? indicator.indicator.node)"
                document.add(
                    .figure(
                        svg: Charts.trend(
                            points, title: title,
                            description: points.map { "\($0.label): \($0.display)" }.joined(separator: "; "),
                            id: "trend-\(language.rawValue)-\(profile.city.rawValue)-\(index)"), caption: title))
            }
        }
        if comparison.sharedIndicators.isEmpty {
            document.add(.paragraph(S.noSharedIndicators(language)))
        } else {
            var rows: [[String]] = []
            for shared in comparison.sharedIndicators {
                rows.append([
                    shared.name?.text(language) ?? shared.indicator.node,
                    Format.decimal(shared.city.value, language) + " (\(date(shared.city.period)))"
                        + cite(shared.city.sources),
                    Format.decimal(shared.partner.value, language) + " (\(date(shared.partner.period)))"
                        + cite(shared.partner.sources),
                ])
            }
            document.add(.table(header: [S.column(.indicator, language), city, partner], rows: rows))
        }
    }

    mutating func unmapped(_ document: inout Document) {
        guard !evaluation.unmappedTags.isEmpty else { return }
        document.add(.heading(level: 2, text: S.heading(.unmapped, language)))
        document.add(
            .list(
                evaluation.unmappedTags.map {
                    S.unmappedLine(
                        tag: $0.tag.description, reason: S.unmappedNote($0.reason, language),
                        activities: $0.activities.count, initiatives: $0.initiatives.count,
                        unplaced: $0.activitiesLeftUnplaced.count, language)
                }))
    }

    mutating func sources(_ document: inout Document) {
        document.add(.heading(level: 2, text: S.heading(.sources, language)))
        document.add(
            .numbered(
                numbering.order.map { key in
                    data.sources.first { $0.id == key }.map(citation) ?? key.rawValue
                }))
        document.add(.note(S.computedBy(language)))
    }

    /// A full reference: authors (year). Title. Container. Publisher. URL (accessed …).
    func citation(_ source: Source) -> String {
        var parts: [String] = []
        let who = source.authors.isEmpty ? (source.publisher ?? "") : source.authors.joined(separator: "; ")
        let year = source.date.map { String($0.year) } ?? "n.d."
        parts.append(who.isEmpty ? "(\(year))" : "\(who) (\(year))")
        parts.append(source.title)
        if source.kind == .interview, let person = source.interviewee {
            parts.append(
                S.pick(language, "Interview with ", "Wawancara dengan ") + person
                    + (source.office.map { ", \($0)" } ?? ""))
        }
        if let container = source.container { parts.append(container) }
        if let publisher = source.publisher, !source.authors.isEmpty { parts.append(publisher) }
        if let doi = source.doi {
            parts.append("https://doi.org/\(doi)")
        } else if let url = source.url {
            let accessed = source.accessed.map { S.pick(language, " (accessed ", " (diakses ") + date($0) + ")" }
            parts.append(url + (accessed ?? ""))
        }
        return parts.joined(separator: ". ")
    }
}

/// One numbering of sources per document: each source gets a number when first cited and keeps it.
public struct CitationNumbering: Sendable {
    /// The sources in the order they were first cited; number `i + 1` is `order[i]`.
    public var order: [SourceKey]

    public init(order: [SourceKey] = []) { self.order = order }

    /// " [1, 2]" for the given sources (each number once), numbering new ones; "" for none.
    public mutating func cite(_ keys: [SourceKey]) -> String {
        guard !keys.isEmpty else { return "" }
        var numbers: [Int] = []
        for key in keys {
            if let index = order.firstIndex(of: key) {
                numbers.append(index + 1)
            } else {
                order.append(key)
                numbers.append(order.count)
            }
        }
        return " [" + OrderedUnique.of(numbers).map(String.init).joined(separator: ", ") + "]"
    }
}

/// Order-keeping de-duplication, shared by the report's citation numbering.
enum OrderedUnique {
    static func of<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
