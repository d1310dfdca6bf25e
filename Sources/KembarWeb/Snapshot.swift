import KembarCore
import KembarReport
import KembarStorage

/// Everything list pages need, loaded in one query per kind — never one query per row.
struct Snapshot {
    var partnerships: [Partnership]
    var cities: [CityKey: City]
    var fields: [Field]
    var agreements: [PartnershipKey: [Agreement]]
    var milestones: [PartnershipKey: [Milestone]]
    var activities: [PartnershipKey: [Activity]]
    var allActivities: [Activity]

    static func load(_ repository: Repository) async throws -> Snapshot {
        let activities = try await repository.allActivities()
        return Snapshot(
            partnerships: try await repository.partnerships(),
            cities: Dictionary(uniqueKeysWithValues: try await repository.cities().map { ($0.id, $0) }),
            fields: try await repository.fields(),
            agreements: Dictionary(grouping: try await repository.allAgreements(), by: \.partnership),
            milestones: Dictionary(grouping: try await repository.allMilestones(), by: \.partnership),
            activities: Dictionary(grouping: activities, by: \.partnership), allActivities: activities)
    }

    /// "Surabaya – Liverpool".
    func title(of partnership: Partnership, _ language: Language) -> String {
        ([partnership.city] + [partnership.partnerCity].compactMap { $0 })
            .map { cities[$0]?.name.text(language) ?? $0.rawValue }.joined(separator: " – ")
    }

    /// The partnership's status on `asOf`, with its reason.
    func status(_ key: PartnershipKey, asOf: Day) -> StatusFinding {
        Evaluator.status(
            Dataset(
                agreements: agreements[key] ?? [], milestones: milestones[key] ?? [], activities: activities[key] ?? []),
            partnership: key, asOf: asOf)
    }
}

enum WebDefaults {
    /// The framework pages evaluate against unless the reader picks another (Cohen's wheel, as the founding paper).
    static let framework: FrameworkKey = "cohen-smart-city-wheel"
}
