import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The dashboard: query (filters from the URL) → one page of partnership summaries with the selection's counts,
/// the stage funnel and what needs attention, all answered in SQL → page model.
enum Dashboard {
    static func build(_ req: Request) async throws -> DashboardPage {
        let language = req.language
        let filters = DashboardFilters(req)
        let pageSize = DashboardPage.pageSize
        var query = filters.query(asOf: req.asOf, language: language)
        query.limit = pageSize
        let repository = req.repository
        // What the page counts over the whole selection is computed once per change to the database (the latest
        // change sequence is one indexed read) and shared by every request until the next write anywhere; the
        // page's rows are one indexed query.
        let sequence = try await repository.latestSequence()
        let selection = [
            filters.q, filters.city, filters.country, filters.province, filters.kind, filters.stage,
            filters.field, filters.status, String(query.year ?? 0), filters.stuck, String(query.stuckMonths),
        ].joined(separator: "\u{1}")
        let unsorted = query
        let aggregates = try await req.application.computations.value(
            for: "dashboard|\(selection)|\(req.asOf)|\(sequence)"
        ) {
            // Independent reads, run at once (PostgreSQL gives each its connection; SQLite queues them). Without
            // filters the selection is every partnership, so its count is the total.
            async let counts = repository.partnershipCounts(unsorted)
            async let attention = repository.partnershipsNeedingAttention(asOf: unsorted.asOf, limit: pageSize)
            async let places = repository.partnershipPlaces()
            async let cityChoices = repository.cityChoices(limit: 200)
            let selection = try await counts
            return DashboardAggregates(
                counts: selection, attention: try await attention, places: try await places,
                cityChoices: try await cityChoices,
                overall: filters.isEmpty ? selection.total : try await repository.partnershipCount())
        }
        let pages = max(1, (aggregates.counts.total + pageSize - 1) / pageSize)
        // A page past the end shows the last one.
        let current = min(max(1, min(req.query[Int.self, at: "page"] ?? 1, 1_000_000)), pages)
        query.offset = (current - 1) * pageSize
        let list = PartnershipList(
            rows: aggregates.counts.total == 0 ? [] : try await repository.partnershipRows(query),
            total: aggregates.counts.total, byStatus: aggregates.counts.byStatus,
            byStage: aggregates.counts.byStage)
        let attention = aggregates.attention
        let places = aggregates.places
        let cityChoices = aggregates.cityChoices
        let fields = try await repository.fields()
        let overall = aggregates.overall
        let shown = list.rows.count
        return DashboardPage(
            chrome: Chrome(req, title: Catalogue.label(.home, language), section: "/"),
            heading: Catalogue.label(.home, language), intro: Catalogue.label(.founding, language),
            listHeading: Catalogue.label(.partnershipsHeading, language),
            filters: filters.form(
                places: places, cities: cityChoices, fields: fields, language),
            filterLabel: Catalogue.page(.filter, language),
            columns: filters.columns(req, language),
            labels: [
                "kind": Catalogue.label(.kind, language), "status": Catalogue.label(.status, language),
                "stage": WebText.stageLabel(language), "lastActivity": WebText.lastActivity(language),
                "agreements": Catalogue.label(.agreements, language),
                "activities": Catalogue.label(.activities, language),
                "participants": Catalogue.label(.participants, language),
            ],
            rows: list.rows.map { row(req, $0) },
            empty: filters.isEmpty ? Catalogue.label(.noPartnerships, language) : WebText.noMatch(language),
            clearFilters: filters.isEmpty ? nil : Link(href: "/", label: WebText.clearFilters(language)),
            pageInfo: list.total > pageSize
                ? WebText.pageRange(
                    from: query.offset + 1, to: query.offset + shown, of: list.total, language) : nil,
            previous: current > 1
                ? Link(href: req.url(setting: ["page": String(current - 1)]), label: WebText.previous(language)) : nil,
            next: current < pages
                ? Link(href: req.url(setting: ["page": String(current + 1)]), label: WebText.next(language)) : nil,
            funnelHeading: WebText.funnel(language),
            funnel: funnel(req, list, language),
            overview: Link(
                href: "/overview?"
                    + [("country", filters.country), ("province", filters.province)].filter { !$0.1.isEmpty }
                    .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" }
                    .joined() + "lang=\(language.rawValue)", label: WebText.overviewLink(language)),
            statusCounts: statusCounts(req, list, language),
            attentionHeading: Catalogue.page(.attention, language),
            attention: attention.rows.flatMap { needs($0, asOf: req.asOf, language) },
            attentionMore: attention.total > attention.rows.count
                ? WebText.andMore(attention.total - attention.rows.count, language) : nil,
            noAttention: Catalogue.page(.noAttention, language),
            newPartnership: Link(
                href: "/new/partnerships",
                label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("partnerships", language))"),
            downloads: [
                Link(href: "/map?" + MapPage.selectionQuery(req), label: MapText.showOnMap(language)),
                Link(
                    href: "/export/partnerships.csv?" + MapPage.selectionQuery(req),
                    label: MapText.csvSelection(language)),
            ],
            count: list.total, total: overall)
    }

    static func row(_ req: Request, _ row: PartnershipRow) -> DashboardPage.Row {
        let language = req.language
        return DashboardPage.Row(
            href: "/partnerships/\(row.key)", title: row.title(language), key: row.key,
            kind: Partnership.Kind(rawValue: row.kind).map { Catalogue.name($0, language) }
                ?? WebText.unknownValue(row.kind, language),
            stage: stage(row.stage, language),
            status: status(row.status, language), statusCode: row.status ?? "unknown",
            agreements: row.agreements.map { agreement in
                let kind =
                    Agreement.Kind(rawValue: agreement.kind).map { WebText.short($0, language) }
                    ?? WebText.unknownValue(agreement.kind, language)
                let date = (try? PartialDate(parsing: agreement.date)).map { Format.date($0, language) }
                return "\(kind) \(date ?? agreement.date)"
            }
            .joined(separator: " · "),
            activities: row.activityCount,
            participants: Format.count(row.participants, approximate: row.participantsApproximate, language),
            lastActivity: row.lastActivity.flatMap { try? PartialDate(parsing: $0) }.map { Format.date($0, language) }
                ?? "—")
    }

    static func status(_ raw: String?, _ language: Language) -> String {
        guard let raw else { return "—" }
        return PartnershipStatus(rawValue: raw).map { WebText.status($0, language) }
            ?? WebText.unknownValue(raw, language)
    }

    static func stage(_ raw: String?, _ language: Language) -> String {
        guard let raw else { return Catalogue.name(nil as Partnership.Stage?, language) }
        return Partnership.Stage(rawValue: raw).map { Catalogue.name($0, language) }
            ?? WebText.unknownValue(raw, language)
    }

    /// exploring → letter of intent → agreement → implementation → renewal → ended, with the stageless last; each
    /// a link that narrows the list to it.
    static func funnel(_ req: Request, _ list: PartnershipList, _ language: Language) -> [DashboardPage.Count] {
        (Partnership.Stage.allCases.map(\.rawValue) + ["none"]).map { raw in
            DashboardPage.Count(
                label: raw == "none" ? stage(nil, language) : stage(raw, language),
                count: list.byStage[raw] ?? 0, href: req.url(setting: ["stage": raw, "page": nil]),
                share: list.total == 0 ? 0 : Int((Double(list.byStage[raw] ?? 0) / Double(list.total) * 100).rounded()))
        }
            + list.byStage.keys.filter { key in key != "none" && Partnership.Stage(rawValue: key) == nil }.sorted().map
        {
            DashboardPage.Count(
                label: WebText.unknownValue($0, language), count: list.byStage[$0] ?? 0,
                href: req.url(setting: ["stage": $0, "page": nil]), share: 0)
        }
    }

    static func statusCounts(_ req: Request, _ list: PartnershipList, _ language: Language) -> [DashboardPage.Count] {
        list.byStatus.sorted { $0.key < $1.key }.map { raw, count in
            DashboardPage.Count(
                label: status(raw, language), count: count, href: req.url(setting: ["status": raw, "page": nil]),
                share: list.total == 0 ? 0 : Int((Double(count) / Double(list.total) * 100).rounded()))
        }
    }

    /// The attention items of one partnership.
    static func needs(_ row: PartnershipRow, asOf: Day, _ language: Language) -> [Link] {
        let name = row.title(language)
        let href = "/partnerships/\(row.key)"
        var items: [Link] = []
        for condition in [row.status].compactMap({ $0 }) + row.also {
            if condition == PartnershipStatus.dormant.rawValue {
                items.append(Link(href: href, label: "\(Catalogue.page(.dormant, language)): \(name)"))
            } else if condition == PartnershipStatus.renewalDue.rawValue {
                items.append(Link(href: href, label: "\(Catalogue.page(.mouEnding, language)): \(name)"))
            }
        }
        if row.ongoingWithoutEnd > 0 {
            items.append(Link(href: href, label: WebText.ongoingWithoutEnd(row.ongoingWithoutEnd, name, language)))
        }
        if row.activitiesWithoutSources > 0 {
            items.append(
                Link(
                    href: href,
                    label: "\(Catalogue.page(.missingSources, language)): \(row.activitiesWithoutSources) · \(name)"))
        }
        if let day = row.targetsAttention, day <= asOf.description {
            items.append(Link(href: href, label: WebText.targetsBehind(name, language)))
        }
        if let step = row.procedureStep, row.procedureNext != nil, let since = row.procedureSince,
            since < asOf.adding(months: -Repository.stuckMonths).description
        {
            let stepName = Bundled.procedures().flatMap(\.steps).first { $0.id == step }?.name.text(language) ?? step
            let date = (try? PartialDate(parsing: since)).map { Format.date($0, language) } ?? since
            items.append(Link(href: href, label: WebText.stuckSince(stepName, date, name, language)))
        }
        if row.activitiesWithoutParticipants > 0 {
            items.append(
                Link(
                    href: href,
                    label:
                        "\(Catalogue.page(.missingParticipants, language)): \(row.activitiesWithoutParticipants) · \(name)"
                ))
        }
        return items
    }
}

/// What the dashboard counts over the whole selection, kept per change sequence.
struct DashboardAggregates: Sendable {
    var counts: (total: Int, byStatus: [String: Int], byStage: [String: Int])
    var attention: (rows: [PartnershipRow], total: Int)
    var places: (countries: [String], subdivisions: [String])
    var cityChoices: [(key: String, label: String)]?
    var overall: Int
}

/// What the dashboard shows.
struct DashboardPage: Encodable {
    struct Row: Encodable {
        var href: String
        var title: String
        var key: String
        var kind: String
        var stage: String
        var status: String
        var statusCode: String
        var agreements: String
        var activities: Int
        var participants: String
        var lastActivity: String
    }

    /// A column heading that sorts the list by it; `sort` is the ARIA state of the column sorted by.
    struct Column: Encodable {
        var label: String
        var href: String
        var sort: String?
    }

    /// A count of the selection (a stage of the funnel, a status), linking to the list narrowed to it.
    struct Count: Encodable {
        var label: String
        var count: Int
        var href: String
        /// Percent of the selection, for the bar.
        var share: Int
    }

    var chrome: Chrome
    var heading: String
    var intro: String
    var listHeading: String
    var filters: [FilterField]
    var filterLabel: String
    var columns: [Column]
    var labels: [String: String]
    /// Rows rendered per page; a registry of 25,000 partnerships is 500 pages, never one 13 MB page.
    static let pageSize = 50

    var rows: [Row]
    var empty: String
    var clearFilters: Link?
    /// "51–100 of 24,743", when there is more than one page.
    var pageInfo: String?
    var previous: Link?
    var next: Link?
    var funnelHeading: String
    var funnel: [Count]
    /// The ministry's printable overview of the selection's country or province.
    var overview: Link
    var statusCounts: [Count]
    var attentionHeading: String
    var attention: [Link]
    var attentionMore: String?
    var noAttention: String
    var newPartnership: Link
    /// The selection as CSV and on the map.
    var downloads: [Link] = []
    var count: Int
    var total: Int
}

struct FilterField: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    var name: String
    var label: String
    var value: String
    var options: [Option]?
}

/// The dashboard's filters and sort, read from the query string (anything unreadable is ignored, never an error).
struct DashboardFilters {
    var q: String
    var city: String
    var country: String
    var province: String
    var kind: String
    var stage: String
    var field: String
    var status: String
    var year: String
    /// Stuck at a step of the national procedure for more than `months` months.
    var stuck: String
    var months: String
    var sort: PartnershipQuery.Sort
    var descending: Bool

    init(_ req: Request) {
        func read(_ name: String) -> String {
            String((req.query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
        }
        q = read("q")
        city = read("city")
        country = read("country")
        province = read("province")
        kind = read("kind")
        stage = read("stage")
        field = read("field")
        status = read("status")
        year = read("year")
        stuck = read("stuck")
        months = read("months")
        sort = PartnershipQuery.Sort(rawValue: read("sort")) ?? .title
        descending = read("order") == "desc"
    }

    var isEmpty: Bool {
        [q, city, country, province, kind, stage, field, status, year, stuck].allSatisfy(\.isEmpty)
    }

    func query(asOf: Day, language: Language) -> PartnershipQuery {
        var query = PartnershipQuery(asOf: asOf)
        query.text = q
        query.city = city
        query.country = country
        query.subdivision = province
        query.kind = kind
        query.stage = stage
        query.field = field
        query.status = status
        query.year = Int(year).flatMap { (1...9999).contains($0) ? $0 : nil }
        query.stuckAt = stuck
        query.stuckMonths = Int(months).flatMap { (0...1200).contains($0) ? $0 : nil } ?? 6
        query.sort = sort
        query.descending = descending
        query.language = language
        return query
    }

    /// The table's headings, each a link sorting by it (again: the other way round).
    func columns(_ req: Request, _ language: Language) -> [DashboardPage.Column] {
        Self.headings(language).map { label, sort in
            let current = sort == self.sort
            let order = current && !descending ? "desc" : "asc"
            return DashboardPage.Column(
                label: label, href: req.url(setting: ["sort": sort.rawValue, "order": order, "page": nil]),
                sort: current ? (descending ? "descending" : "ascending") : nil)
        }
    }

    func form(
        places: (countries: [String], subdivisions: [String]), cities: [(key: String, label: String)]?,
        fields: [Field], _ language: Language
    ) -> [FilterField] {
        func options(_ pairs: [(String, String)], selected: String) -> [FilterField.Option] {
            [FilterField.Option(value: "", label: "— \(Catalogue.page(.all, language)) —", selected: selected.isEmpty)]
                + pairs.map { FilterField.Option(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        return [
            FilterField(name: "q", label: Catalogue.page(.search, language), value: q, options: nil),
            // A choice list of a few hundred cities at most; a registry's thousands are typed (the city's key).
            FilterField(
                name: "city", label: Catalogue.column("city", language), value: city,
                options: cities.map { options($0.map { ($0.key, $0.label) }, selected: city) }),
            FilterField(
                name: "country", label: Catalogue.page(.country, language), value: country,
                options: options(
                    places.countries.map { ($0, CountryNaming.name($0, language)) }.sorted { $0.1 < $1.1 },
                    selected: country)),
            FilterField(
                name: "province", label: WebText.province(language), value: province,
                options: places.subdivisions.count > 300
                    ? nil
                    : options(
                        places.subdivisions.map { ($0, "\(CountryNaming.subdivision($0, language)) (\($0))") }
                            .sorted { $0.1 < $1.1 }, selected: province)),
            FilterField(
                name: "kind", label: Catalogue.label(.kind, language), value: kind,
                options: options(
                    Partnership.Kind.allCases.map { ($0.rawValue, Catalogue.name($0, language)) }, selected: kind)),
            FilterField(
                name: "stage", label: WebText.stageLabel(language), value: stage,
                options: options(
                    Partnership.Stage.allCases.map { ($0.rawValue, Catalogue.name($0, language)) }
                        + [("none", Catalogue.name(nil as Partnership.Stage?, language))], selected: stage)),
            FilterField(
                name: "field", label: Catalogue.page(.field, language), value: field,
                options: options(fields.map { ($0.id.rawValue, $0.name.text(language)) }, selected: field)),
            FilterField(
                name: "status", label: Catalogue.label(.status, language), value: status,
                options: options(
                    PartnershipStatus.allCases.map { ($0.rawValue, WebText.status($0, language)) }, selected: status)),
            FilterField(name: "year", label: Catalogue.page(.year, language), value: year, options: nil),
            FilterField(
                name: "stuck", label: WebText.stuckAt(language), value: stuck,
                options: options(
                    Bundled.procedures().flatMap(\.steps).map { ($0.id, $0.name.text(language)) }, selected: stuck)),
            FilterField(name: "months", label: WebText.stuckMonths(language), value: months, options: nil),
            FilterField(
                name: "sort", label: WebText.sortBy(language), value: sort.rawValue,
                options: Self.headings(language).map {
                    FilterField.Option(value: $0.1.rawValue, label: $0.0, selected: $0.1 == sort)
                }),
            FilterField(
                name: "order", label: WebText.order(language), value: descending ? "desc" : "asc",
                options: [
                    FilterField.Option(value: "asc", label: WebText.ascending(language), selected: !descending),
                    FilterField.Option(value: "desc", label: WebText.descending(language), selected: descending),
                ]),
        ]
    }

    /// The columns the list sorts by, with their headings.
    static func headings(_ language: Language) -> [(String, PartnershipQuery.Sort)] {
        [
            (Catalogue.label(.partnership, language), .title), (Catalogue.label(.kind, language), .kind),
            (WebText.stageLabel(language), .stage), (Catalogue.label(.status, language), .status),
            (Catalogue.label(.agreements, language), .agreements),
            (Catalogue.label(.activities, language), .activities),
            (Catalogue.label(.participants, language), .participants),
            (WebText.lastActivity(language), .lastActivity),
        ]
    }
}

extension Request {
    /// This page's address with some query items set (or, for `nil`, removed); the others kept.
    func url(setting changes: [String: String?]) -> String {
        var components = URLComponents()
        components.path = url.path
        var items = (URLComponents(string: url.string)?.queryItems ?? []).filter { changes[$0.name] == nil }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { items.append(URLQueryItem(name: name, value: value)) }
        }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? url.path
    }
}
