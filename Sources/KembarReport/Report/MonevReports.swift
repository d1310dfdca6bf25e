import Foundation
import KembarCore

/// The formats of the office's monitoring report and the ministry's overview: a printable document, Markdown, or
/// the main table as CSV.
public enum MonevFormat: String, CaseIterable, Sendable {
    case html
    case markdown = "md"
    case csv
    case json
}

/// The office's monitoring and evaluation report ("laporan monev") for a period, in either language: every
/// partnership of the city with status, stage, procedure, activities, plans, targets at risk, agreements expiring,
/// dormant partnerships and budget. Drawn from ``OfficeReport`` and the records it was computed from (for names).
public struct OfficeReportDocument: Sendable {
    public var report: OfficeReport
    /// The records the report was computed from: cities, organisations, fields, partnerships, plans.
    public var data: Dataset
    public var procedure: Procedure?

    public init(report: OfficeReport, data: Dataset, procedure: Procedure?) {
        self.report = report
        self.data = data
        self.procedure = procedure
    }

    typealias M = MonevStrings
    typealias S = ReportStrings

    public func render(_ format: MonevFormat, _ language: Language, frame: PrintFrame = PrintFrame()) throws -> String {
        switch format {
        case .html: return document(language).html(frame)
        case .markdown: return document(language).markdown()
        case .csv: return Self.csv(header: header(language), rows: rows(language))
        case .json: return try Self.json(report)
        }
    }

    func name(_ city: CityKey?) -> String {
        guard let city else { return "—" }
        return data.cities.first { $0.id == city }?.name.text(.en) ?? city.rawValue
    }

    func partner(_ row: PartnershipMonitoring, _ language: Language) -> String {
        if let city = row.partnerCity { return name(city) }
        if let organisation = row.partnerOrganisation {
            return data.organisations.first { $0.id == organisation }?.name.text(language) ?? organisation.rawValue
        }
        return "—"
    }

    func step(_ id: String?, _ language: Language) -> String {
        guard let id else { return "—" }
        return procedure?.steps.first { $0.id == id }?.name.text(language) ?? id
    }

    func fieldName(_ key: FieldKey, _ language: Language) -> String {
        data.fields.first { $0.id == key }?.name.text(language) ?? key.rawValue
    }

    func header(_ l: Language) -> [String] {
        [
            M.partnerColumn(l), S.column(.kind, l), M.column(.status, l), WebText.stageLabel(l), M.latestStep(l),
            M.nextStep(l), S.column(.activities, l), S.column(.participants, l), M.column(.planned, l),
            M.column(.delivered, l), M.atRiskColumn(l), M.agreementEnds(l),
        ]
    }

    func rows(_ l: Language) -> [[String]] {
        report.partnerships.map { row in
            let kind = data.partnerships.first { $0.id == row.partnership }.map { Catalogue.name($0.kind, l) } ?? ""
            return [
                partner(row, l), kind, S.status(row.status.status, l), Catalogue.name(row.stage, l),
                step(row.procedureStep, l), step(row.procedureNext, l), String(row.activities),
                Format.count(row.participants, approximate: row.participantsApproximate, l),
                String(row.plan.actions.count), String(row.plan.deliveredCount),
                String(row.plan.count(.atRisk) + row.plan.count(.missed)),
                row.agreementEnds.map { Format.date($0, l) } ?? "—",
            ]
        }
    }

    func document(_ l: Language) -> Document {
        let city = name(report.city)
        let period = M.period(report.period, l)
        var document = Document(
            language: l, title: M.officeTitle(city: city, period: period, l),
            subtitle: M.officeSubtitle(asOf: Format.date(report.period.lastDay.partialDate, l), l))
        document.add(.heading(level: 2, text: S.heading(.summary, l)))
        let statuses = PartnershipStatus.allCases.compactMap { status -> String? in
            let count = report.count(status)
            return count == 0 ? nil : "\(count) \(S.status(status, l))"
        }
        document.add(
            .lead(
                M.officeLead(
                    partnerships: report.partnerships.count, statuses: statuses, activities: report.activities,
                    participants: report.participants, period: period, l)))
        let planned = report.partnerships.reduce(0) { $0 + $1.plan.actions.count }
        let delivered = report.partnerships.reduce(0) { $0 + $1.plan.deliveredCount }
        if planned > 0 { document.add(.paragraph(M.delivered(delivered, of: planned, l))) }
        document.add(.heading(level: 2, text: M.partnershipsHeading(l)))
        document.add(.table(header: header(l), rows: rows(l)))

        document.add(.heading(level: 2, text: M.column(.planned, l)))
        var planRows: [[String]] = []
        for row in report.partnerships {
            for action in row.plan.actions {
                planRows.append([
                    partner(row, l), action.title.text(l),
                    action.fields.map { fieldName($0, l) }.joined(separator: "; "),
                    String(action.activities.count), action.delivered ? S.yes(l) : S.no(l),
                ])
            }
        }
        if planRows.isEmpty {
            document.add(.paragraph(M.noPlans(l)))
        } else {
            document.add(
                .table(
                    header: [
                        M.partnerColumn(l), M.column(.action, l), S.column(.field, l), S.column(.activities, l),
                        M.column(.delivered, l),
                    ], rows: planRows))
            let notDelivered = report.partnerships.compactMap { row -> String? in
                let fields = row.plan.plannedNotDelivered
                return fields.isEmpty
                    ? nil : "\(partner(row, l)): \(fields.map { fieldName($0, l) }.joined(separator: ", "))"
            }
            if !notDelivered.isEmpty {
                document.add(.paragraph(M.plannedNotDelivered(notDelivered, l)))
            }
        }

        document.add(.heading(level: 2, text: M.targetsHeading(l)))
        let targets = report.partnerships.flatMap { row in row.plan.targets.map { (row, $0) } }
        if targets.isEmpty {
            document.add(.paragraph(M.noTargets(l)))
        } else {
            document.add(
                .table(
                    header: [
                        M.partnerColumn(l), M.column(.target, l), M.column(.achieved, l), M.column(.targetValue, l),
                        M.column(.by, l), M.column(.share, l), M.column(.status, l),
                    ],
                    rows: targets.map { row, progress in
                        let target = progress.target
                        return [
                            partner(row, l), target.indicator.text(l),
                            M.figure(progress.achieved, target, approximate: progress.approximate, l),
                            target.value.map { M.figure($0, target, l) } ?? "—", Format.date(target.date, l),
                            progress.share.map { M.percent($0, l) } ?? "—", M.status(progress.status, l),
                        ]
                    }))
        }
        let atRisk = report.targetsAtRisk
        if !atRisk.isEmpty {
            document.add(
                .list(
                    atRisk.map { key, progress in
                        let row = report.partnerships.first { $0.partnership == key }
                        return "\(row.map { partner($0, l) } ?? key.rawValue) — "
                            + M.attention(
                                progress.target.indicator.text(l), status: M.status(progress.status, l),
                                by: Format.date(progress.target.date, l), l)
                    }))
        }

        document.add(.heading(level: 2, text: M.attentionHeading(l)))
        var attention: [String] = []
        for row in report.expiring {
            attention.append(
                M.expiring(partner(row, l), ends: row.agreementEnds.map { Format.date($0, l) }, l))
        }
        for row in report.dormant {
            attention.append(
                M.dormant(
                    partner(row, l), since: row.status.reason.date.map { Format.date($0, l) }, l))
        }
        document.add(attention.isEmpty ? .paragraph(M.nothingNeedsAttention(l)) : .list(attention))

        document.add(.heading(level: 2, text: M.budgetHeading(l)))
        let budget = report.budget
        if budget.isEmpty {
            document.add(.paragraph(M.noBudget(l)))
        } else {
            document.add(
                .table(
                    header: [M.column(.currency, l), M.column(.budget, l), M.column(.spent, l)],
                    rows: budget.map { [$0.currency, Format.decimal($0.planned, l), Format.decimal($0.spent, l)] }))
        }
        return document
    }

    /// RFC 4180 CSV with a byte-order mark; a cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab
    /// or a carriage return first) is prefixed with `'` so it is shown, never run.
    static func csv(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + CSVTable.renderSafe(header: header, rows: rows)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// The ministry's overview of a country's or a province's partnerships: the stage funnel, the shares active, dormant
/// and expiring, and the same per city.
public struct OverviewDocument: Sendable {
    public var overview: RegistryOverview

    public init(overview: RegistryOverview) { self.overview = overview }

    typealias M = MonevStrings
    typealias S = ReportStrings

    public func render(_ format: MonevFormat, _ language: Language, frame: PrintFrame = PrintFrame()) throws -> String {
        switch format {
        case .html: return document(language).html(frame)
        case .markdown: return document(language).markdown()
        case .csv: return OfficeReportDocument.csv(header: cityHeader(language), rows: cityRows(language))
        case .json: return try OfficeReportDocument.json(overview)
        }
    }

    static let shown: [PartnershipStatus] = [.active, .dormant, .renewalDue, .expired, .exploring, .terminated]

    func cityHeader(_ l: Language) -> [String] {
        [Catalogue.column("city", l), M.partnershipsHeading(l)] + Self.shown.map { S.status($0, l) }
    }

    func cityRows(_ l: Language) -> [[String]] {
        overview.cities.map { line in
            [line.name.text(l), String(line.partnerships)] + Self.shown.map { String(line.byStatus[$0.rawValue] ?? 0) }
        }
    }

    func document(_ l: Language) -> Document {
        let code = M.scope(country: overview.country, province: overview.province, l)
        let scope = overview.scopeName.map { "\($0.text(l)) (\(code))" } ?? code
        var document = Document(
            language: l, title: M.overviewTitle(scope, l),
            subtitle: M.officeSubtitle(asOf: Format.date(overview.asOf, l), l))
        document.add(.heading(level: 2, text: S.heading(.summary, l)))
        document.add(
            .lead(
                M.overviewLead(
                    total: overview.total, active: M.percent(overview.share(.active), l),
                    dormant: M.percent(overview.share(.dormant), l),
                    expiring: M.percent(overview.share(.renewalDue), l),
                    expired: M.percent(overview.share(.expired), l),
                    l)))
        document.add(.heading(level: 2, text: M.funnelHeading(l)))
        let stages = Partnership.Stage.allCases.map(\.rawValue) + ["none"]
        document.add(
            .table(
                header: [WebText.stageLabel(l), M.partnershipsHeading(l)],
                rows: stages.map { raw in
                    [Catalogue.name(Partnership.Stage(rawValue: raw), l), String(overview.byStage[raw] ?? 0)]
                }))
        document.add(.heading(level: 2, text: M.column(.status, l)))
        document.add(
            .table(
                header: [M.column(.status, l), M.partnershipsHeading(l), M.shareColumn(l)],
                rows: Self.shown.map { status in
                    [
                        S.status(status, l), String(overview.byStatus[status.rawValue] ?? 0),
                        M.percent(overview.share(status), l),
                    ]
                }))
        document.add(.heading(level: 2, text: M.citiesHeading(l)))
        document.add(.table(header: cityHeader(l), rows: cityRows(l)))
        if overview.moreCities { document.add(.note(M.moreCities(l))) }
        return document
    }
}
