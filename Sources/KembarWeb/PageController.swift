import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The reading pages. Each handler loads what it shows in a fixed number of queries, builds a page model, renders.
struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: dashboard)
        routes.get("map", use: map)
        routes.get("partnerships", ":key", use: partnership)
        routes.get("cities", use: cities)
        routes.get("places", use: places)
        routes.get("cities", ":key", use: city)
        routes.get("activities", ":key", use: activity)
        routes.get("agreements", ":key", use: agreement)
        routes.get("milestones", ":key", use: milestone)
        routes.get("actions", ":key", use: action)
        routes.get("initiatives", ":key", use: initiative)
        routes.get("organisations", use: organisations)
        routes.get("organisations", ":key", use: organisation)
        routes.get("sources", use: sources)
        routes.get("sources", ":key", use: source)
        routes.get("frameworks", use: frameworks)
        routes.get("frameworks", ":key", use: framework)
    }

    // MARK: Dashboard

    /// The dashboard: rendered once per change to the database and address (query and language included), then
    /// served from the page cache until the next write anywhere.
    func dashboard(req: Request) async throws -> Response {
        try await req.cachedPage("dashboard") {
            try await req.view.render("dashboard", try await Dashboard.build(req)).data
        }
    }

    /// The map of the dashboard's selection (the world without filters), cached like the dashboard.
    func map(req: Request) async throws -> Response {
        try await req.cachedPage("map") { try await req.view.render("page", try await MapPage.build(req)).data }
    }

    // MARK: Partnership

    /// A partnership's page, with its whole evaluation: rendered once per change to the database and address
    /// (query and language included), then served from the page cache until the next write anywhere.
    func partnership(req: Request) async throws -> Response {
        let key = PartnershipKey(try req.parameters.require("key"))
        return try await req.cachedPage("partnership|\(key)") {
            guard let slice = try await req.repository.dataset(partnership: key),
                let partnership = slice.partnerships.first
            else { throw Abort(.notFound) }
            let page = try await PartnershipPage.build(req, partnership: partnership, slice: slice)
            return try await req.view.render("page", page).data
        }
    }

    // MARK: Cities

    func cities(req: Request) async throws -> View {
        let language = req.language
        let offset = Pager.offset(req, size: Self.listSize)
        let page = try await req.repository.citiesPage(
            matching: req.query[String.self, at: "q"] ?? "", limit: Self.listSize, offset: offset)
        let table = Table(
            caption: Catalogue.page(.cities, language),
            columns: [
                Catalogue.column("name", language), Catalogue.page(.country, language),
                Catalogue.column("admin_level", language),
            ],
            rows: page.items.map { city in
                [
                    Cell(text: city.name.text(language), href: "/cities/\(city.id)"), Cell(text: city.country),
                    Cell(text: WebText.term(city.adminLevel.rawValue, language)),
                ]
            })
        return try await list(
            req, title: Catalogue.page(.cities, language), section: "/cities", new: .cities,
            table: table, offset: offset, page: page)
    }

    /// The gazetteer's search: a place to make a new city from.
    func places(req: Request) async throws -> View {
        try await req.view.render("page", PlacesPage.build(req))
    }

    /// Rows per page of the lists of cities, organisations and sources.
    static let listSize = 50

    /// A list page: a search box, one page of the table, the pager.
    func list<T>(
        _ req: Request, title: String, section: String, new: EditableCollection, table: Table, offset: Int,
        page: RecordPage<T>
    ) async throws -> View {
        var list = Section(id: "list", heading: title, tables: page.items.isEmpty ? [] : [table])
        list.search = SearchBox(req)
        list.pager = Pager(req, offset: offset, shown: page.items.count, total: page.total, size: Self.listSize)
        if page.items.isEmpty { list.paragraphs = [WebText.nothingMatches(req.language)] }
        return try await req.view.render(
            "page",
            GenericPage(
                chrome: Chrome(req, title: title, section: section), heading: title, lead: nil,
                actions: writeLinks(req, new: new), sections: [list]))
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

    func agreement(req: Request) async throws -> View {
        guard let agreement = try await req.repository.agreement(AgreementKey(try req.parameters.require("key")))
        else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.agreement(req, agreement))
    }

    func milestone(req: Request) async throws -> View {
        guard let milestone = try await req.repository.milestone(MilestoneKey(try req.parameters.require("key")))
        else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.milestone(req, milestone))
    }

    func action(req: Request) async throws -> View {
        guard let action = try await req.repository.action(ActionKey(try req.parameters.require("key")))
        else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.action(req, action))
    }

    func initiative(req: Request) async throws -> View {
        let key = InitiativeKey(try req.parameters.require("key"))
        guard let initiative = try await req.repository.initiative(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.initiative(req, initiative))
    }

    func organisations(req: Request) async throws -> View {
        let language = req.language
        let offset = Pager.offset(req, size: Self.listSize)
        let page = try await req.repository.organisationsPage(
            matching: req.query[String.self, at: "q"] ?? "", limit: Self.listSize, offset: offset)
        let table = Table(
            caption: Catalogue.page(.organisations, language),
            columns: [
                Catalogue.column("name", language), Catalogue.column("kind", language),
                Catalogue.page(.country, language),
            ],
            rows: page.items.map {
                [
                    Cell(text: $0.name.text(language), href: "/organisations/\($0.id)"),
                    Cell(text: WebText.term($0.kind.rawValue, language)), Cell(text: $0.country),
                ]
            })
        return try await list(
            req, title: Catalogue.page(.organisations, language), section: "/organisations", new: .organisations,
            table: table, offset: offset, page: page)
    }

    func organisation(req: Request) async throws -> View {
        let key = OrganisationKey(try req.parameters.require("key"))
        guard let organisation = try await req.repository.organisation(key) else { throw Abort(.notFound) }
        return try await req.view.render("page", try await RecordPages.organisation(req, organisation))
    }

    func sources(req: Request) async throws -> View {
        let language = req.language
        let offset = Pager.offset(req, size: Self.listSize)
        let page = try await req.repository.sourcesPage(
            matching: req.query[String.self, at: "q"] ?? "", limit: Self.listSize, offset: offset)
        let table = Table(
            caption: Catalogue.page(.sources, language),
            columns: [
                Catalogue.column("authors", language), Catalogue.column("title", language),
                Catalogue.column("kind", language),
            ],
            rows: page.items.map {
                [
                    Cell(text: $0.shortCitation), Cell(text: $0.title, href: "/sources/\($0.id)"),
                    Cell(text: WebText.term($0.kind.rawValue, language)),
                ]
            })
        return try await list(
            req, title: Catalogue.page(.sources, language), section: "/sources", new: .sources, table: table,
            offset: offset, page: page)
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
        // The names of the frameworks the crosswalks lead to, reading only those.
        let names = try await req.repository.frameworks(crosswalks.flatMap { [$0.from, $0.to] }).mapValues(\.name)
        return try await req.view.render(
            "page", RecordPages.framework(req, framework, crosswalks: crosswalks, names: names))
    }
}

/// "New …" links, shown only when the server accepts writes.
func writeLinks(_ req: Request, new collection: EditableCollection) -> [Link] {
    guard req.mayWrite else { return [] }
    return [
        Link(
            href: "/new/\(collection.rawValue)",
            label: "\(Catalogue.page(.newRecord, req.language)): \(Catalogue.entity(collection.rawValue, req.language))"
        )
    ]
}
