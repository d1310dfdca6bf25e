/// A whole Kembar dataset: what `kembar export` writes and `kembar import` reads (format `kembar-dataset`).
///
/// Collections are flat and cross-reference each other by key, so any part can be imported into a database that
/// already holds the rest. See `docs/DATASET.md` and `docs/kembar-dataset.schema.json`.
public struct Dataset: Hashable, Sendable, Codable {
    public static let formatName = "kembar-dataset"
    public static let currentVersion = 2
    /// Versions this Kembar reads; older ones are upgraded as they are read (docs/DATASET.md, "Versions").
    public static let readableVersions = 1...currentVersion

    public var format: String
    public var version: Int
    public var sources: [Source]
    public var fields: [Field]
    public var frameworks: [Framework]
    public var crosswalks: [Crosswalk]
    public var cities: [City]
    public var organisations: [Organisation]
    public var partnerships: [Partnership]
    public var agreements: [Agreement]
    public var milestones: [Milestone]
    /// Planned actions: the action plans of agreements and partnerships, with their targets.
    public var actions: [PlannedAction]
    public var activities: [Activity]
    /// Descriptions of files attached to agreements, milestones and activities (the bytes travel in backups only).
    public var documents: [AttachedDocument]
    public var initiatives: [Initiative]
    public var observations: [Observation]

    public init(
        sources: [Source] = [], fields: [Field] = [], frameworks: [Framework] = [], crosswalks: [Crosswalk] = [],
        cities: [City] = [], organisations: [Organisation] = [], partnerships: [Partnership] = [],
        agreements: [Agreement] = [], milestones: [Milestone] = [], actions: [PlannedAction] = [],
        activities: [Activity] = [], documents: [AttachedDocument] = [], initiatives: [Initiative] = [],
        observations: [Observation] = []
    ) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.sources = sources
        self.fields = fields
        self.frameworks = frameworks
        self.crosswalks = crosswalks
        self.cities = cities
        self.organisations = organisations
        self.partnerships = partnerships
        self.agreements = agreements
        self.milestones = milestones
        self.actions = actions
        self.activities = activities
        self.documents = documents
        self.initiatives = initiatives
        self.observations = observations
    }

    /// Number of records of every kind together.
    public var recordCount: Int {
        sources.count + fields.count + frameworks.count + crosswalks.count + cities.count + organisations.count
            + partnerships.count + agreements.count + milestones.count + actions.count + activities.count
            + documents.count
            + initiatives.count
            + observations.count
    }

    /// The same dataset with every collection sorted by key, so equal databases export byte-identical files.
    public var canonical: Dataset {
        var copy = self
        copy.sources.sort { $0.id < $1.id }
        copy.fields.sort { $0.id < $1.id }
        copy.frameworks.sort { $0.id < $1.id }
        copy.crosswalks.sort { $0.id < $1.id }
        copy.cities.sort { $0.id < $1.id }
        copy.organisations.sort { $0.id < $1.id }
        copy.partnerships.sort { $0.id < $1.id }
        copy.agreements.sort { $0.id < $1.id }
        copy.milestones.sort { $0.id < $1.id }
        copy.actions.sort { $0.id < $1.id }
        copy.activities.sort { $0.id < $1.id }
        copy.documents.sort { $0.id < $1.id }
        copy.initiatives.sort { $0.id < $1.id }
        copy.observations.sort { $0.id < $1.id }
        return copy
    }

    /// Adds `other`'s records, replacing records of this dataset that have the same key (an upsert).
    public mutating func merge(_ other: Dataset) {
        func upsert<T: Identifiable>(_ mine: inout [T], _ theirs: [T]) {
            let replaced = Set(theirs.map(\.id))
            mine = mine.filter { !replaced.contains($0.id) } + theirs
        }
        upsert(&sources, other.sources)
        upsert(&fields, other.fields)
        upsert(&frameworks, other.frameworks)
        upsert(&crosswalks, other.crosswalks)
        upsert(&cities, other.cities)
        upsert(&organisations, other.organisations)
        upsert(&partnerships, other.partnerships)
        upsert(&agreements, other.agreements)
        upsert(&milestones, other.milestones)
        upsert(&actions, other.actions)
        upsert(&activities, other.activities)
        upsert(&documents, other.documents)
        upsert(&initiatives, other.initiatives)
        upsert(&observations, other.observations)
    }

    /// The part of the dataset about one partnership: the partnership, its agreements, milestones and activities,
    /// its cities with their initiatives and observations, and every organisation, field, framework, crosswalk and
    /// source these refer to.
    public func slice(partnership key: PartnershipKey) -> Dataset? {
        guard let partnership = partnerships.first(where: { $0.id == key }) else { return nil }
        let cityKeys = Set([partnership.city] + [partnership.partnerCity].compactMap { $0 })
        var slice = Dataset(partnerships: [partnership])
        slice.agreements = agreements.filter { $0.partnership == key }
        slice.milestones = milestones.filter { $0.partnership == key }
        slice.actions = actions.filter { $0.partnership == key }
        slice.activities = activities.filter { $0.partnership == key }
        slice.documents = documents.filter { $0.partnership == key }
        slice.cities = cities.filter { cityKeys.contains($0.id) }
        slice.initiatives = initiatives.filter { cityKeys.contains($0.city) }
        slice.observations = observations.filter { cityKeys.contains($0.city) }
        var organisationKeys = Set(slice.activities.flatMap { $0.organisations.map(\.organisation) })
        organisationKeys.formUnion(slice.milestones.flatMap { $0.organisations.map(\.organisation) })
        organisationKeys.formUnion(slice.initiatives.flatMap { $0.organisations.map(\.organisation) })
        organisationKeys.formUnion(slice.actions.flatMap { $0.responsibleCity + $0.responsiblePartner })
        if let partner = partnership.partnerOrganisation { organisationKeys.insert(partner) }
        slice.organisations = organisations.filter { organisationKeys.contains($0.id) }
        let fieldKeys = Set(
            slice.agreements.flatMap(\.fields) + slice.actions.flatMap(\.fields) + slice.activities.flatMap(\.fields))
        slice.fields = fields.filter { fieldKeys.contains($0.id) }
        let frameworkKeys = Set(
            slice.activities.flatMap { $0.tags.map(\.framework) }
                + slice.actions.flatMap { $0.tags.map(\.framework) }
                + slice.initiatives.flatMap { $0.tags.map(\.framework) }
                + slice.observations.map(\.indicator.framework))
        slice.frameworks = frameworks.filter { frameworkKeys.contains($0.id) }
        slice.crosswalks = crosswalks.filter { frameworkKeys.contains($0.from) && frameworkKeys.contains($0.to) }
        let sourceKeys = slice.referencedSources
        slice.sources = sources.filter { sourceKeys.contains($0.id) }
        return slice
    }

    /// Every source key any record of this dataset cites.
    public var referencedSources: Set<SourceKey> {
        var keys = Set<SourceKey>()
        keys.formUnion(cities.flatMap(\.citedSources))
        keys.formUnion(organisations.flatMap(\.sources))
        keys.formUnion(partnerships.flatMap(\.citedSources))
        keys.formUnion(agreements.flatMap(\.citedSources))
        keys.formUnion(milestones.flatMap(\.sources))
        keys.formUnion(actions.flatMap(\.citedSources))
        keys.formUnion(activities.flatMap(\.citedSources))
        keys.formUnion(initiatives.flatMap(\.citedSources))
        keys.formUnion(observations.flatMap(\.sources))
        return keys
    }
}

// Every source a record cites, in the order it cites them: its own, then those of its parts (figures, signatories,
// alternatives, legal basis). One definition, so a report's numbering and a slice's sources agree.
extension City {
    public var citedSources: [SourceKey] {
        sources + figures.flatMap(\.allSources) + recognitions.flatMap(\.sources)
    }
}

extension Partnership {
    public var citedSources: [SourceKey] { sources + legalBasis + procedure.flatMap(\.sources) }
}

extension Agreement {
    public var citedSources: [SourceKey] { sources + signatories.flatMap(\.allSources) }
}

extension Activity {
    public var citedSources: [SourceKey] { sources + results.flatMap(\.allSources) }
}

extension Initiative {
    public var citedSources: [SourceKey] { sources + figures.flatMap(\.allSources) }
}
