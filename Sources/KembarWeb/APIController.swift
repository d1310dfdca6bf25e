import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Read endpoints under `/api/v1`. Each handler decodes, asks the repository, encodes a DTO.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("partnerships", use: partnerships)
        api.get("partnerships", ":key", use: partnership)
        api.get("cities", use: cities)
        api.get("cities", ":key", use: city)
        api.get("frameworks", use: frameworks)
        api.get("frameworks", ":key", use: framework)
        api.get("sources", use: sources)
        api.get("sources", ":key", use: source)
        api.get("partnerships", ":key", "evaluation", use: evaluation)
        api.get("partnerships", ":key", "comparison", use: comparison)
        api.get("cities", ":key", "profile", use: profile)
        api.get("suggest-tags", use: suggestTags)
        api.get("openapi.json", use: openAPI)
    }

    /// The OpenAPI 3.1 description of every endpoint under `/api/v1` (`Public/openapi.json`, checked with
    /// openapi-spec-validator and fuzzed with schemathesis in the test suite).
    func openAPI(req: Request) async throws -> Response {
        guard let document = Self.document else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: document))
        response.headers.contentType = .json
        return response
    }

    static let document: Data? = Bundle.module.url(
        forResource: "openapi", withExtension: "json", subdirectory: "Public"
    ).flatMap { try? Data(contentsOf: $0) }

    /// The evaluation of a partnership: `?framework=` (default Cohen's wheel), `?asOf=YYYY-MM-DD` (default today).
    func evaluation(req: Request) async throws -> PartnershipEvaluation {
        try await req.evaluationReport().evaluation
    }

    func comparison(req: Request) async throws -> CityComparison {
        guard let comparison = try await req.evaluationReport().comparison else {
            throw Abort(.notFound, reason: "This partnership has no partner city.")
        }
        return comparison
    }

    func profile(req: Request) async throws -> CityProfile {
        let key = CityKey(try req.parameters.require("key"))
        guard let city = try await req.repository.city(key) else { throw Abort(.notFound, reason: "No city '\(key)'.") }
        let data = Dataset(
            cities: [city], initiatives: try await req.repository.initiatives(of: key),
            observations: try await req.repository.observations(of: key))
        let library = try await req.repository.frameworkLibrary()
        return try Evaluator.profile(
            data, city: key, framework: try req.chosenFramework(in: library), library: library, asOf: req.asOf)
    }

    func suggestTags(req: Request) async throws -> [TagSuggestion] {
        guard let text = req.query[String.self, at: "text"], !text.isEmpty else {
            throw Abort(.badRequest, reason: "Give the text to tag as ?text=…")
        }
        return TagSuggester().suggest(text: text)
    }

    /// A page of partnerships (`?limit=`, at most 500, default 100; `?cursor=` from the last page's `next`, or
    /// `?offset=`), with the dashboard's filters (`q`, `city`, `country`, `province`, `kind`, `stage`, `status`,
    /// `field`, `year`, `sort`, `order`, `asOf`): their summaries, answered from the summary table. A partnership's
    /// records are at `/partnerships/KEY`.
    func partnerships(req: Request) async throws -> PartnershipListDTO {
        var query = DashboardFilters(req).query(asOf: req.asOf, language: req.language)
        (query.limit, query.offset) = req.pageWindow
        query.after = try req.cursor
        let list = try await Self.refusingForeignCursors(req) { try await req.repository.partnershipList(query) }
        let next = list.rows.count == query.limit ? list.rows.last.map { ListCursor(after: $0, of: query).token } : nil
        return PartnershipListDTO(
            total: list.total, limit: query.limit, offset: query.after == nil ? query.offset : 0, next: next,
            byStatus: list.byStatus, byStage: list.byStage, items: list.rows.map(PartnershipSummaryDTO.init))
    }

    /// Runs `body`, a cursor made for another sort or list being a bad request.
    static func refusingForeignCursors<T>(_ req: Request, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch is ListCursor.Invalid {
            throw Abort(.badRequest, reason: WebText.cursorInvalid(req.language))
        }
    }

    func partnership(req: Request) async throws -> PartnershipDTO {
        let key = try req.parameters.require("key")
        guard let partnership = try await req.repository.partnership(PartnershipKey(key)) else {
            throw Abort(.notFound, reason: "No partnership '\(key)'.")
        }
        return try await PartnershipDTO.load(partnership, from: req.repository)
    }

    /// A page of cities in name order (`?q=`, `?limit=` at most 500, `?cursor=` or `?offset=`).
    func cities(req: Request) async throws -> PageDTO<CityDTO> {
        try await Self.page(req, read: req.repository.citiesPage, CityDTO.init, .cities)
    }

    /// A page of a list in name order: `?q=` words in the name, the window and the cursor of the request.
    static func page<Item: Sendable, DTO: VersionedDTO>(
        _ req: Request,
        read: (_ text: String, _ limit: Int, _ offset: Int, _ after: ListCursor?) async throws -> RecordPage<Item>,
        _ dto: (Item) -> DTO, _ collection: EditableCollection
    ) async throws -> PageDTO<DTO> {
        let (limit, offset) = req.pageWindow
        let after = try req.cursor
        let page = try await refusingForeignCursors(req) {
            try await read(req.query[String.self, at: "q"] ?? "", limit, offset, after)
        }
        return PageDTO(
            total: page.total, limit: limit, offset: after == nil ? offset : 0, next: page.next?.token,
            items: try await req.repository.versioned(page.items.map(dto), collection))
    }

    func city(req: Request) async throws -> CityDetailDTO {
        let key = try req.parameters.require("key")
        guard let city = try await req.repository.city(CityKey(key)) else {
            throw Abort(.notFound, reason: "No city '\(key)'.")
        }
        let repository = req.repository
        return CityDetailDTO(
            city: try await repository.versioned([CityDTO(city)], .cities)[0],
            initiatives: try await repository.versioned(
                try await repository.initiatives(of: city.id).map(InitiativeDTO.init), .initiatives),
            observations: try await repository.versioned(
                try await repository.observations(of: city.id).map(ObservationDTO.init), .observations))
    }

    func frameworks(req: Request) async throws -> [FrameworkSummaryDTO] {
        try await req.repository.frameworks().map(FrameworkSummaryDTO.init)
    }

    func framework(req: Request) async throws -> FrameworkDTO {
        let key = try req.parameters.require("key")
        guard let framework = try await req.repository.framework(FrameworkKey(key)) else {
            throw Abort(.notFound, reason: "No framework '\(key)'.")
        }
        let crosswalks = try await req.repository.crosswalks().filter {
            $0.from == framework.id || $0.to == framework.id
        }
        return FrameworkDTO(framework, crosswalks: crosswalks)
    }

    /// A page of sources in citation order (`?q=`, `?limit=` at most 500, `?cursor=` or `?offset=`).
    func sources(req: Request) async throws -> PageDTO<SourceDTO> {
        try await Self.page(req, read: req.repository.sourcesPage, SourceDTO.init, .sources)
    }

    func source(req: Request) async throws -> SourceDTO {
        let key = try req.parameters.require("key")
        guard let source = try await req.repository.source(SourceKey(key)) else {
            throw Abort(.notFound, reason: "No source '\(key)'.")
        }
        return try await req.repository.versioned([SourceDTO(source)], .sources)[0]
    }
}

extension Request {
    /// `?cursor=`: the `next` of an earlier page; `nil` without one, a bad request for anything Kembar did not give.
    var cursor: ListCursor? {
        get throws {
            guard let token = query[String.self, at: "cursor"], !token.isEmpty else { return nil }
            guard let cursor = ListCursor(token: token) else {
                throw Abort(.badRequest, reason: WebText.cursorInvalid(language))
            }
            return cursor
        }
    }

    /// `?limit=` (1–500, default 100) and `?offset=` (from 0) of a paged endpoint; out-of-range values are clamped.
    var pageWindow: (limit: Int, offset: Int) {
        (
            max(1, min(query[Int.self, at: "limit"] ?? 100, 500)),
            max(0, min(query[Int.self, at: "offset"] ?? 0, 100_000_000))
        )
    }
}

/// One page of a list endpoint.
struct PageDTO<Item: Content>: Content {
    var total: Int
    var limit: Int
    var offset: Int
    /// The cursor of the next page (`?cursor=`), when this one was full.
    var next: String?
    var items: [Item]
}
