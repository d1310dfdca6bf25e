import KembarCore
import KembarStorage
import Vapor

/// A partnership with its two cities and everything recorded under it.
struct PartnershipDTO: VersionedDTO {
    var key: String
    var version = 0
    var kind: Partnership.Kind
    var name: LocalizedText?
    var stage: Partnership.Stage?
    var cooperationSince: PartialDate?
    var city: CityDTO?
    var partnerCity: CityDTO?
    var partnerOrganisation: String?
    var rationale: LocalizedText?
    var legalBasis: [String]
    var procedure: [ProcedureStepDTO]
    var note: String?
    var sources: [String]
    var `internal`: Bool?
    var agreements: [AgreementDTO]
    var milestones: [MilestoneDTO]
    var activities: [ActivityDTO]

    static func load(_ partnership: Partnership, from repository: Repository) async throws -> PartnershipDTO {
        let keys = [partnership.city] + (partnership.partnerCity.map { [$0] } ?? [])
        let cities = try await repository.versioned(try await repository.cities(keys).map(CityDTO.init), .cities)
        let dto = PartnershipDTO(
            key: partnership.id.rawValue, kind: partnership.kind, name: partnership.name, stage: partnership.stage,
            cooperationSince: partnership.cooperationSince,
            city: cities.first { $0.key == partnership.city.rawValue },
            partnerCity: cities.first { $0.key == partnership.partnerCity?.rawValue },
            partnerOrganisation: partnership.partnerOrganisation?.rawValue,
            rationale: partnership.rationale, legalBasis: partnership.legalBasis.map(\.rawValue),
            procedure: partnership.procedure.map(ProcedureStepDTO.init), note: partnership.note,
            sources: partnership.sources.map(\.rawValue), internal: partnership.internal,
            agreements: try await repository.versioned(
                try await repository.agreements(of: partnership.id).map(AgreementDTO.init), .agreements),
            milestones: try await repository.versioned(
                try await repository.milestones(of: partnership.id).map(MilestoneDTO.init), .milestones),
            activities: try await repository.versioned(
                try await repository.activities(of: partnership.id).map(ActivityDTO.init), .activities))
        return try await repository.versioned([dto], .partnerships)[0]
    }
}

/// A page of partnerships with the selection's counts.
struct PartnershipListDTO: Content {
    var total: Int
    var limit: Int
    var offset: Int
    /// The cursor of the next page (`?cursor=`), when this one was full.
    var next: String?
    var byStatus: [String: Int]
    var byStage: [String: Int]
    var items: [PartnershipSummaryDTO]
}

/// What a list shows of one partnership: its cities, kind, stage, status on the day asked, counts and dates.
struct PartnershipSummaryDTO: Content {
    var key: String
    var kind: String
    var stage: String?
    var cities: [String]
    var title: LocalizedText
    var status: String?
    var alsoApplies: [String]
    var agreements: [AgreementDate]
    var activityCount: Int
    var participants: Int
    var participantsApproximate: Bool
    var lastActivity: String?

    struct AgreementDate: Content {
        var kind: String
        var signed: String
    }

    init(_ row: PartnershipRow) {
        key = row.key
        kind = row.kind
        stage = row.stage
        cities = row.cities
        title = LocalizedText(en: row.titleEnglish, id: row.titleIndonesian)
        status = row.status
        alsoApplies = row.also
        agreements = row.agreements.map { AgreementDate(kind: $0.kind, signed: $0.date) }
        activityCount = row.activityCount
        participants = row.participants
        participantsApproximate = row.participantsApproximate
        lastActivity = row.lastActivity
    }
}

struct CityDTO: VersionedDTO {
    var key: String
    var version = 0
    var name: LocalizedText
    var country: String
    var subdivision: String?
    var adminLevel: City.AdminLevel
    var population: City.Population?
    var coordinates: Coordinates?
    var characteristics: [String]
    var figures: [FigureDTO]
    var recognitions: [RecognitionDTO]
    var organisationIdentifier: String?
    var note: String?
    var sources: [String]

    init(_ city: City) {
        key = city.id.rawValue
        name = city.name
        country = city.country
        subdivision = city.subdivision
        adminLevel = city.adminLevel
        population = city.population
        coordinates = city.coordinates
        characteristics = city.characteristics
        figures = city.figures.map(FigureDTO.init)
        recognitions = city.recognitions.map(RecognitionDTO.init)
        organisationIdentifier = city.organisationIdentifier
        note = city.note
        sources = city.sources.map(\.rawValue)
    }
}

struct CityDetailDTO: Content {
    var city: CityDTO
    var initiatives: [InitiativeDTO]
    var observations: [ObservationDTO]
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

extension PartnershipEvaluation: Content {}
extension CityComparison: Content {}
extension CityProfile: Content {}
extension TagSuggestion: Content {}
