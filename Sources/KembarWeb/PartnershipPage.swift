import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The partnership page: summary, timeline, agreements, activities, evaluation, comparison, sources.
enum PartnershipPage {
    /// The width of a chart drawn for phones: a 360 px screen less the page's margins (312 px), with room to spare.
    static let narrowChart = 300.0
    /// The width of a chart drawn for wider screens: fits a tablet's column (757 px at 820).
    static let wideChart = 720.0

    static func build(_ req: Request, partnership: Partnership, slice: Dataset) async throws -> GenericPage {
        let language = req.language
        let cities = Dictionary(uniqueKeysWithValues: slice.cities.map { ($0.id, $0) })
        let fields = Dictionary(uniqueKeysWithValues: slice.fields.map { ($0.id, $0.name.text(language)) })
        let title = ([partnership.city] + [partnership.partnerCity].compactMap { $0 })
            .map { cities[$0]?.name.text(language) ?? $0.rawValue }.joined(separator: " – ")
        let sources = SourceNumbers(slice.sources)
        let asOf = req.asOf

        var summary = Section(id: "summary", heading: Catalogue.page(.summary, language))
        for city in [partnership.city] + [partnership.partnerCity].compactMap({ $0 }) {
            summary.facts.append(
                Fact(
                    label: Catalogue.column("city", language),
                    value: cities[city]?.name.text(language) ?? city.rawValue,
                    href: "/cities/\(city)"))
        }
        summary.facts.append(
            Fact(label: Catalogue.label(.kind, language), value: Catalogue.name(partnership.kind, language)))
        if let name = partnership.name {
            summary.facts.insert(Fact(label: Catalogue.column("name", language), value: name.text(language)), at: 0)
        }
        summary.facts.append(
            Fact(label: Catalogue.label(.stage, language), value: Catalogue.name(partnership.stage, language)))
        if let since = partnership.cooperationSince {
            summary.facts.append(
                Fact(label: Catalogue.column("cooperation_since", language), value: Format.date(since, language)))
        }
        if !partnership.legalBasis.isEmpty {
            let titles = partnership.legalBasis.map { key in
                (slice.sources.first { $0.id == key }?.title ?? key.rawValue) + sources.cite([key])
            }
            summary.facts.append(
                Fact(label: Catalogue.column("legal_basis", language), value: titles.joined(separator: "; ")))
        }
        if let note = partnership.note {
            summary.facts.append(Fact(label: Catalogue.column("note", language), value: note))
        }
        if partnership.internal == true {
            summary.facts.insert(RecordPages.internalFact(language), at: 0)
        }
        if let rationale = partnership.rationale {
            summary.facts.append(
                Fact(
                    label: Catalogue.label(.rationale, language),
                    value: rationale.text(language) + sources.cite(partnership.sources)))
        }
        if let map = try await MapPage.partnership(req, partnership.id) { summary.charts.append(map) }

        let library = try await req.repository.frameworkLibrary()
        let report = try EvaluationReport.make(
            slice, partnership: partnership.id, framework: try req.chosenFramework(in: library), library: library,
            asOf: asOf)
        var timeline = Section(id: "timeline", heading: Catalogue.page(.timeline, language))
        if slice.milestones.isEmpty && slice.agreements.isEmpty && slice.activities.isEmpty {
            // A chart of nothing (one lone year) reads as broken: say it instead.
            timeline.paragraphs.append(WebText.nothingOnTheTimeline(language))
        } else {
            // The report's chart, from the same facts: what the page and the printout show is one picture.
            // Drawn twice, for wide screens and for phones, so that on a phone it fits without shrinking its text.
            timeline.charts.append(
                "<div class=\"wide-only\">"
                    + report.timeline(language, id: "timeline-\(partnership.id)", width: Self.wideChart) + "</div>"
                    + "<div class=\"narrow-only\">"
                    + report.timeline(language, id: "timeline-\(partnership.id)-narrow", width: Self.narrowChart)
                    + "</div>")
        }

        let agreements = Table(
            caption: Catalogue.page(.agreementsTable, language),
            columns: [
                Catalogue.column("signed", language), Catalogue.column("kind", language),
                Catalogue.column("title", language),
                Catalogue.column("signatories", language), Catalogue.column("fields", language),
                Catalogue.column("valid_until", language),
            ],
            rows: slice.agreements.map { a in
                [
                    Cell(text: Format.date(a.signed, language)),
                    Cell(text: a.kindLabel?.text(language) ?? WebText.short(a.kind, language)),
                    Cell(
                        text: a.title.text(language) + WebText.internalMark(a.internal, language)
                            + sources.cite(a.sources),
                        href: "/agreements/\(a.id)", lang: a.internal == true ? nil : a.title.lang(on: language)),
                    Cell(
                        text: a.signatories.map { Describe.signatory($0, cite: sources.cite, language) }
                            .joined(separator: "; ")),
                    Cell(text: a.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ")),
                    Cell(
                        text: a.endDay.map { Format.date($0.partialDate, language) }
                            ?? Catalogue.label(.openEnded, language)),
                ]
            })
        let milestones = Table(
            caption: Catalogue.label(.milestones, language),
            columns: [
                Catalogue.column("date", language), Catalogue.column("kind", language),
                Catalogue.column("title", language),
            ],
            rows: slice.milestones.map { m in
                [
                    Cell(text: Describe.when(m, language)), Cell(text: Catalogue.name(m.kind, language)),
                    Cell(
                        text: m.title.text(language) + WebText.internalMark(m.internal, language)
                            + sources.cite(m.sources),
                        href: "/milestones/\(m.id)", lang: m.internal == true ? nil : m.title.lang(on: language)),
                ]
            })
        let activities = Table(
            caption: Catalogue.page(.activitiesTable, language),
            columns: [
                Catalogue.column("start", language), Catalogue.column("title", language),
                Catalogue.column("travel", language),
                Catalogue.column("participants", language), Catalogue.column("status", language),
            ],
            rows: slice.activities.map { a in
                let total = a.participantTotal
                return [
                    Cell(text: Describe.when(a, language)),
                    Cell(
                        text: a.title.text(language) + WebText.internalMark(a.internal, language)
                            + sources.cite(a.sources), href: "/activities/\(a.id)",
                        lang: a.internal == true ? nil : a.title.lang(on: language)),
                    Cell(text: Describe.travelAndVenue(a, language)),
                    Cell(
                        text: a.participants.isEmpty
                            ? "—" : Format.count(total.count, approximate: total.approximate, language), numeric: true),
                    Cell(text: WebText.term(a.status.rawValue, language)),
                ]
            })
        let plan = report.evaluation.plan
        let records = Section(
            id: "records", heading: Catalogue.label(.agreements, language),
            tables: [agreements, milestones] + (plan.isEmpty ? [] : [PlanText.table(plan, fields: fields, language)])
                + [activities])

        var sections = [
            StatusHeader.section(partnership, evaluation: report.evaluation, slice: slice, asOf: asOf, language),
            summary,
        ]
        if let procedure = ProcedureSection.build(partnership, slice: slice, sources: sources, language) {
            sections.append(procedure)
        }
        sections += [timeline, records]
        sections += EvaluationSections.build(
            req, partnership: partnership, report: report, library: library, numbering: sources.ordered.map(\.id))
        sections.append(sources.section(language))

        var actions: [Link] = [
            Link(
                href: "/partnerships/\(partnership.id)/report?lang=\(language.rawValue)",
                label: Catalogue.page(.report, language)),
            Link(
                href: "/partnerships/\(partnership.id)/export.json",
                label: "\(Catalogue.page(.exports, language)) (JSON)"),
            Link(
                href: "/partnerships/\(partnership.id)/activities.csv",
                label: "\(Catalogue.entity("activities", language)) (CSV)"),
            Link(href: "/api/v1/iati/partnerships/\(partnership.id)", label: MapText.iatiDownload(language)),
        ]
        if req.mayWrite {
            actions += [
                Link(
                    href: "/new/activities?partnership=\(partnership.id)",
                    label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("activities", language))"),
                Link(
                    href: "/new/agreements?partnership=\(partnership.id)",
                    label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("agreements", language))"),
                Link(
                    href: "/new/milestones?partnership=\(partnership.id)",
                    label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("milestones", language))"),
                Link(
                    href: "/new/actions?partnership=\(partnership.id)",
                    label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("actions", language))"),
                Link(href: "/edit/partnerships/\(partnership.id)", label: Catalogue.page(.edit, language)),
                Link(href: "/delete/partnerships/\(partnership.id)", label: Catalogue.page(.delete, language)),
            ]
        }
        if let history = RecordPages.historyAction(req, .partnerships, partnership.id.rawValue) {
            actions.append(history)
        }
        return GenericPage(
            chrome: Chrome(req, title: title, section: "/"), heading: title,
            lead: Catalogue.name(partnership.kind, language), actions: actions,
            sections: sections)
    }

}

/// Numbers a page's sources [1], [2], … in citation order, and lists them.
struct SourceNumbers {
    let ordered: [Source]
    let numbers: [SourceKey: Int]

    init(_ sources: [Source]) {
        ordered = sources.sorted { ($0.shortCitation, $0.title) < ($1.shortCitation, $1.title) }
        numbers = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0 + 1) })
    }

    /// " [3, 7]" for the given sources, or "" when none.
    func cite(_ keys: [SourceKey]) -> String {
        let found = keys.compactMap { numbers[$0] }.sorted()
        return found.isEmpty ? "" : " [" + found.map(String.init).joined(separator: ", ") + "]"
    }

    func section(_ language: Language) -> Section {
        Section(
            id: "sources", heading: Catalogue.label(.sources, language),
            links: ordered.map {
                Link(href: "/sources/\($0.id)", label: "[\(numbers[$0.id]!)] \($0.shortCitation). \($0.title).")
            })
    }
}
