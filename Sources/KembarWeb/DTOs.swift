import KembarCore
import KembarStorage
import Vapor

/// A partnership with its two cities and everything recorded under it.
struct PartnershipDTO: Content {
    var key: String
    var kind: Partnership.Kind
    var name: LocalizedText?
    var stage: Partnership.Stage?
    var cooperationSince: PartialDate?
    var city: CityDTO?
    var partnerCity: CityDTO?
    var partnerOrganisation: String?
    var rationale: LocalizedText?
    var sources: [SourceKey]
    var agreements: [Agreement]
    var milestones: [Milestone]
    var activities: [Activity]

    static func load(_ partnership: Partnership, from repository: Repository) async throws -> PartnershipDTO {
        let city = try await repository.city(partnership.city)
        let partner = try await partnership.partnerCity.asyncMap { try await repository.city($0) } ?? nil
        return PartnershipDTO(
            key: partnership.id.rawValue, kind: partnership.kind, name: partnership.name, stage: partnership.stage,
            cooperationSince: partnership.cooperationSince,
            city: city.map(CityDTO.init),
            partnerCity: partner.map(CityDTO.init), partnerOrganisation: partnership.partnerOrganisation?.rawValue,
            rationale: partnership.rationale, sources: partnership.sources,
            agreements: try await repository.agreements(of: partnership.id),
            milestones: try await repository.milestones(of: partnership.id),
            activities: try await repository.activities(of: partnership.id))
    }
}

extension PartnershipDTO {
    /// The partnership from records already loaded for a list.
    init(_ partnership: Partnership, snapshot: Snapshot) {
        self.init(
            key: partnership.id.rawValue, kind: partnership.kind, name: partnership.name, stage: partnership.stage,
            cooperationSince: partnership.cooperationSince, city: snapshot.cities[partnership.city].map(CityDTO.init),
            partnerCity: partnership.partnerCity.flatMap { snapshot.cities[$0] }.map(CityDTO.init),
            partnerOrganisation: partnership.partnerOrganisation?.rawValue, rationale: partnership.rationale,
            sources: partnership.sources, agreements: snapshot.agreements[partnership.id] ?? [],
            milestones: snapshot.milestones[partnership.id] ?? [], activities: snapshot.activities[partnership.id] ?? []
        )
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

struct CityDTO: Content {
    var key: String
    var name: LocalizedText
    var country: String
    var subdivision: String?
    var adminLevel: City.AdminLevel
    var population: City.Population?
    var coordinates: Coordinates?
    var characteristics: [String]
    var sources: [SourceKey]

    init(_ city: City) {
        key = city.id.rawValue
        name = city.name
        country = city.country
        subdivision = city.subdivision
        adminLevel = city.adminLevel
        population = city.population
        coordinates = city.coordinates
        characteristics = city.characteristics
        sources = city.sources
    }
}

struct CityDetailDTO: Content {
    var city: CityDTO
    var initiatives: [Initiative]
    var observations: [Observation]
}

struct FrameworkSummaryDTO: Content {
    var key: String
    var name: LocalizedText
    var verification: Verification
    var dimensions: [String]
    var nodeCount: Int

    init(_ framework: Framework) {
        key = framework.id.rawValue
        name = framework.name
        verification = framework.verification
        dimensions = framework.dimensions.map(\.id)
        nodeCount = framework.nodes.count
    }
}

struct FrameworkDTO: Content {
    var framework: Framework
    var crosswalks: [Crosswalk]
}

struct SourceDTO: Content {
    var key: String
    var citation: String
    var source: Source

    init(_ source: Source) {
        key = source.id.rawValue
        citation = source.shortCitation
        self.source = source
    }
}

extension Framework: Content {}
extension Crosswalk: Content {}
extension Agreement: Content {}
extension Milestone: Content {}
extension Activity: Content {}
extension Initiative: Content {}
extension Observation: Content {}
extension PartnershipEvaluation: Content {}
extension CityComparison: Content {}
extension CityProfile: Content {}
extension TagSuggestion: Content {}
