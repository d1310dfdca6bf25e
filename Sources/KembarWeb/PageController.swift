import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The reading pages. Each handler loads what it shows in a fixed number of queries, builds a page model, renders.
struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: dashboard)
        routes.get("partnerships", ":key", use: partnership)
        routes.get("cities", use: cities)
        routes.get("cities", ":key", use: city)
        routes.get("activities", ":key", use: activity)
        routes.get("initiatives", ":key", use: initiative)
        routes.get("organisations", use: organisations)
        routes.get("organisations", ":key", use: organisation)
        routes.get("sources", use: sources)
        routes.get("sources", ":key", use: source)
        routes.get("frameworks", use: frameworks)
        routes.get("frameworks", ":key", use: framework)
    }

    // MARK: Dashboard

    func dashboard(req: Request) async throws -> View {
        let language = req.language
        let snapshot = try await Snapshot.load(req.repository)
        let filters = DashboardFilters(req)
        let asOf = req.asOf
        var rows: [DashboardPage.Row] = []
        var attention: [Link] = []
        for partnership in snapshot.partnerships {
            let finding = snapshot.status(partnership.id, asOf: asOf)
            let status: PartnershipStatus? = finding.status
            let agreements = snapshot.agreements[partnership.id] ?? []
            let activities = snapshot.activities[partnership.id] ?? []
            let name = snapshot.title(of: partnership, language)
            for condition in [finding.reason] + finding.alsoApplies {
                if condition.status == .renewalDue || condition.status == .dormant {
                    attention.append(
                        Link(
                            href: "/partnerships/\(partnership.id)",
                            label:
                                "\(Catalogue.page(condition.status == .dormant ? .dormant : .mouEnding, language)): \(name)"
                        ))
                }
            }
            for ongoing in finding.ongoingWithoutEnd {
                let title =
                    activities.first { $0.id == ongoing.activity }?.title.text(language) ?? ongoing.activity.rawValue
                attention.append(
                    Link(
                        href: "/activities/\(ongoing.activity)",
                        label: "\(Catalogue.ongoingNoUpdate(since: Format.date(ongoing.since, language), language)): "
                            + "\(title) (\(name))"))
            }
            guard filters.matches(partnership, name: name, status: status, snapshot: snapshot) else { continue }
            rows.append(
                DashboardPage.Row(
                    href: "/partnerships/\(partnership.id)", title: name, key: partnership.id.rawValue,
                    kind: Catalogue.name(partnership.kind, language),
                    status: status.map { WebText.status($0, language) } ?? "—",
                    statusCode: status?.rawValue ?? "unknown",
                    agreements: agreements.map {
                        "\(WebText.short($0.kind, language)) \(Format.date($0.signed, language))"
                    }
                    .joined(separator: " · "),
                    activities: activities.count,
                    participants: Format.count(
                        activities.reduce(0) { $0 + $1.participantTotal.count },
                        approximate: activities.contains { $0.participantTotal.approximate }, language)))
        }
        for activity in snapshot.allActivities where activity.sources.isEmpty {
            attention.append(
                Link(
                    href: "/activities/\(activity.id)",
                    label: "\(Catalogue.page(.missingSources, language)): \(activity.title.text(language))"))
        }
        for activity in snapshot.allActivities where activity.participants.isEmpty && activity.kind != .publication {
            attention.append(
                Link(
                    href: "/activities/\(activity.id)",
                    label: "\(Catalogue.page(.missingParticipants, language)): \(activity.title.text(language))"))
        }
        // Bounded pages: at most `pageSize` rows and attention items are rendered, whatever the registry holds.
        let pageSize = DashboardPage.pageSize
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        let current = min(max(req.query[Int.self, at: "page"] ?? 1, 1), pages)
        let shown = Array(rows.dropFirst((current - 1) * pageSize).prefix(pageSize))
        func pageLink(_ number: Int, _ label: String) -> Link {
            var items = (req.url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") }.map(String.init)
            items.append("page=\(number)")
            return Link(href: "/?" + items.joined(separator: "&"), label: label)
        }
        let attentionShown = Array(attention.prefix(pageSize))
        let page = DashboardPage(
            chrome: Chrome(req, title: Catalogue.label(.home, language), section: "/"),
            heading: Catalogue.label(.home, language), intro: Catalogue.label(.founding, language),
            listHeading: Catalogue.label(.partnershipsHeading, language), filters: filters.form(snapshot, language),
            filterLabel: Catalogue.page(.filter, language),
            columns: [
                Catalogue.label(.partnership, language), Catalogue.label(.kind, language),
                Catalogue.label(.status, language),
                Catalogue.label(.agreements, language), Catalogue.label(.activities, language),
                Catalogue.label(.participants, language),
            ],
            labels: [
                "kind": Catalogue.label(.kind, language), "status": Catalogue.label(.status, language),
                "agreements": Catalogue.label(.agreements, language),
                "activities": Catalogue.label(.activities, language),
                "participants": Catalogue.label(.participants, language),
            ],
            rows: shown, empty: Catalogue.label(.noPartnerships, language),
            pageInfo: rows.count > pageSize
                ? WebText.pageRange(
                    from: (current - 1) * pageSize + 1, to: (current - 1) * pageSize + shown.count, of: rows.count,
                    language) : nil,
            previous: current > 1 ? pageLink(current - 1, WebText.previous(language)) : nil,
            next: current < pages ? pageLink(current + 1, WebText.next(language)) : nil,
            attentionHeading: Catalogue.page(.attention, language), attention: attentionShown,
            attentionMore: attention.count > attentionShown.count
                ? WebText.andMore(attention.count - attentionShown.count, language) : nil,
            noAttention: Catalogue.page(.noAttention, language),
            newPartnership: Link(
                href: "/new/partnerships",
                label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("partnerships", language))"),
            count: rows.count, total: snapshot.partnerships.count)
        return try await req.view.render("dashboard", page)
    }

    // MARK: Partnership

    func partnership(req: Request) async throws -> View {
        let key = PartnershipKey(try req.parameters.require("key"))
        guard let slice = try await req.repository.dataset(partnership: key),
            let partnership = slice.partnerships.first
        else { throw Abort(.notFound) }
        let page = try await PartnershipPage.build(req, partnership: partnership, slice: slice)
        return try await req.view.render("page", page)
    }

    // MARK: Cities

    func cities(req: Request) async throws -> View {
        let language = req.language
        let cities = try await req.repository.cities()
        let table = Table(
            caption: Catalogue.page(.cities, language),
            columns: [
                Catalogue.column("name", language), Catalogue.page(.country, language),
                Catalogue.column("admin_level", language),
            ],
            rows: cities.map { city in
                [
                    Cell(text: city.name.text(language), href: "/cities/\(city.id)"), Cell(text: city.country),
                    Cell(text: WebText.term(city.adminLevel.rawValue, language)),
                ]
            })
        return try await req.view.render(
            "page",
            GenericPage(
                chrome: Chrome(req, title: Catalogue.page(.cities, language), section: "/cities"),
                heading: Catalogue.page(.cities, language), lead: nil,
                actions: writeLinks(req, new: .cities),
                sections: [Section(id: "list", heading: Catalogue.page(.cities, language), tables: [table])]))
    }

    func city(req: Request) async throws -> View {
        let key = CityKey(try req.parameters.require("key"))
        guard let city = try await req.repository.city(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await CityPage.build(req, city: city))
    }

    // MARK: Records

    func activity(req: Request) async throws -> View {
        let key = ActivityKey(try req.parameters.require("key"))
        guard let activity = try await req.repository.activity(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.activity(req, activity))
    }

    func initiative(req: Request) async throws -> View {
        let key = InitiativeKey(try req.parameters.require("key"))
        guard let initiative = try await req.repository.initiative(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.initiative(req, initiative))
    }

    func organisations(req: Request) async throws -> View {
        let language = req.language
        let organisations = try await req.repository.organisations()
        let table = Table(
            caption: Catalogue.page(.organisations, language),
            columns: [
                Catalogue.column("name", language), Catalogue.column("kind", language),
                Catalogue.page(.country, language),
            ],
            rows: organisations.map {
                [
                    Cell(text: $0.name.text(language), href: "/organisations/\($0.id)"), Cell(text: $0.kind.rawValue),
                    Cell(text: $0.country),
                ]
            })
        return try await req.view.render(
            "page",
            GenericPage(
                chrome: Chrome(req, title: Catalogue.page(.organisations, language), section: "/organisations"),
                heading: Catalogue.page(.organisations, language), lead: nil,
                actions: writeLinks(req, new: .organisations),
                sections: [Section(id: "list", heading: Catalogue.page(.organisations, language), tables: [table])]))
    }

    func organisation(req: Request) async throws -> View {
        let key = OrganisationKey(try req.parameters.require("key"))
        guard let organisation = try await req.repository.organisation(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.organisation(req, organisation))
    }

    func sources(req: Request) async throws -> View {
        let language = req.language
        let sources = try await req.repository.sources().sorted { $0.shortCitation < $1.shortCitation }
        let table = Table(
            caption: Catalogue.page(.sources, language),
            columns: [
                Catalogue.column("authors", language), Catalogue.column("title", language),
                Catalogue.column("kind", language),
            ],
            rows: sources.map {
                [
                    Cell(text: $0.shortCitation), Cell(text: $0.title, href: "/sources/\($0.id)"),
                    Cell(text: WebText.term($0.kind.rawValue, language)),
                ]
            })
        return try await req.view.render(
            "page",
            GenericPage(
                chrome: Chrome(req, title: Catalogue.page(.sources, language), section: "/sources"),
                heading: Catalogue.page(.sources, language), lead: nil, actions: writeLinks(req, new: .sources),
                sections: [Section(id: "list", heading: Catalogue.page(.sources, language), tables: [table])]))
    }

    func source(req: Request) async throws -> View {
        let key = SourceKey(try req.parameters.require("key"))
        guard let source = try await req.repository.source(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.source(req, source))
    }

    func frameworks(req: Request) async throws -> View {
        let language = req.language
        let frameworks = try await req.repository.frameworks()
        let table = Table(
            caption: Catalogue.page(.frameworks, language),
            columns: [
                Catalogue.column("name", language), Catalogue.page(.verification, language), WebText.nodes(language),
            ],
            rows: frameworks.map {
                [
                    Cell(text: $0.name.text(language), href: "/frameworks/\($0.id)"),
                    Cell(text: WebText.verification($0.verification, language), badge: "v-\($0.verification.rawValue)"),
                    Cell(text: String($0.nodes.count), numeric: true),
                ]
            })
        return try await req.view.render(
            "page",
            GenericPage(
                chrome: Chrome(req, title: Catalogue.page(.frameworks, language), section: "/frameworks"),
                heading: Catalogue.page(.frameworks, language), lead: nil, actions: [],
                sections: [Section(id: "list", heading: Catalogue.page(.frameworks, language), tables: [table])]))
    }

    func framework(req: Request) async throws -> View {
        let key = FrameworkKey(try req.parameters.require("key"))
        guard let framework = try await req.repository.framework(key) else { throw Abort(.notFound) }
        let crosswalks = try await req.repository.crosswalks().filter { $0.from == key || $0.to == key }
        return try await req.view.render("page", RecordPages.framework(req, framework, crosswalks: crosswalks))
    }
}

/// "New …" links, shown only when the server accepts writes.
func writeLinks(_ req: Request, new collection: EditableCollection) -> [Link] {
    guard req.application.kembarWritesAllowed else { return [] }
    return [
        Link(
            href: "/new/\(collection.rawValue)",
            label: "\(Catalogue.page(.newRecord, req.language)): \(Catalogue.entity(collection.rawValue, req.language))"
        )
    ]
}

/// What the dashboard shows.
struct DashboardPage: Encodable {
    struct Row: Encodable {
        var href: String
        var title: String
        var key: String
        var kind: String
        var status: String
        var statusCode: String
        var agreements: String
        var activities: Int
        var participants: String
    }

    var chrome: Chrome
    var heading: String
    var intro: String
    var listHeading: String
    var filters: [FilterField]
    var filterLabel: String
    var columns: [String]
    var labels: [String: String]
    /// Rows rendered per page; a registry of 25,000 partnerships is 500 pages, never one 13 MB page.
    static let pageSize = 50

    var rows: [Row]
    var empty: String
    /// "51–100 of 24,743", when there is more than one page.
    var pageInfo: String?
    var previous: Link?
    var next: Link?
    var attentionHeading: String
    var attention: [Link]
    var attentionMore: String?
    var noAttention: String
    var newPartnership: Link
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

/// The dashboard's filters, read from the query string.
struct DashboardFilters {
    var q: String
    var city: String
    var country: String
    var kind: String
    var field: String
    var status: String
    var year: String

    init(_ req: Request) {
        func read(_ name: String) -> String {
            (req.query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespaces)
        }
        q = read("q")
        city = read("city")
        country = read("country")
        kind = read("kind")
        field = read("field")
        status = read("status")
        year = read("year")
    }

    func matches(_ p: Partnership, name: String, status: PartnershipStatus?, snapshot: Snapshot) -> Bool {
        let cities = [p.city] + [p.partnerCity].compactMap { $0 }
        if !q.isEmpty, !(name + " " + p.id.rawValue).localizedCaseInsensitiveContains(q) { return false }
        if !city.isEmpty, !cities.contains(CityKey(city)) { return false }
        if !country.isEmpty, !cities.contains(where: { snapshot.cities[$0]?.country == country.uppercased() }) {
            return false
        }
        if !kind.isEmpty, p.kind.rawValue != kind { return false }
        if !self.status.isEmpty, status?.rawValue != self.status { return false }
        let agreements = snapshot.agreements[p.id] ?? []
        let activities = snapshot.activities[p.id] ?? []
        if !field.isEmpty,
            !(agreements.contains { $0.fields.contains(FieldKey(field)) }
                || activities.contains { $0.fields.contains(FieldKey(field)) })
        {
            return false
        }
        if let year = Int(year),
            !(activities.contains { $0.start.year == year } || agreements.contains { $0.signed.year == year })
        {
            return false
        }
        return true
    }

    func form(_ snapshot: Snapshot, _ language: Language) -> [FilterField] {
        func options(_ pairs: [(String, String)], selected: String) -> [FilterField.Option] {
            [FilterField.Option(value: "", label: "— \(Catalogue.page(.all, language)) —", selected: selected.isEmpty)]
                + pairs.map { FilterField.Option(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        let countries = Set(snapshot.cities.values.map(\.country)).sorted()
        let years = Set(snapshot.allActivities.map(\.start.year)).sorted()
        return [
            FilterField(name: "q", label: Catalogue.page(.search, language), value: q, options: nil),
            // A choice list of a few hundred cities at most; a registry's thousands are typed (the city's key).
            FilterField(
                name: "city", label: Catalogue.column("city", language), value: city,
                options: snapshot.cities.count > 200
                    ? nil
                    : options(
                        snapshot.cities.values.sorted { $0.id < $1.id }.map {
                            ($0.id.rawValue, $0.name.text(language))
                        },
                        selected: city)),
            FilterField(
                name: "country", label: Catalogue.page(.country, language), value: country,
                options: options(countries.map { ($0, $0) }, selected: country)),
            FilterField(
                name: "kind", label: Catalogue.label(.kind, language), value: kind,
                options: options(
                    Partnership.Kind.allCases.map { ($0.rawValue, Catalogue.name($0, language)) }, selected: kind)),
            FilterField(
                name: "field", label: Catalogue.page(.field, language), value: field,
                options: options(snapshot.fields.map { ($0.id.rawValue, $0.name.text(language)) }, selected: field)),
            FilterField(
                name: "status", label: Catalogue.label(.status, language), value: status,
                options: options(
                    PartnershipStatus.allCases.map { ($0.rawValue, WebText.status($0, language)) }, selected: status)),
            FilterField(
                name: "year", label: Catalogue.page(.year, language), value: year,
                options: options(years.map { (String($0), String($0)) }, selected: year)),
        ]
    }
}
