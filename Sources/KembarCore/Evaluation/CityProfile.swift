/// One value of an indicator series.
public struct ObservationPoint: Hashable, Sendable, Codable {
    public var period: PartialDate
    public var value: Double
    public var approximate: Bool
    public var note: String?
    public var sources: [SourceKey]

    public init(period: PartialDate, value: Double, approximate: Bool, note: String?, sources: [SourceKey]) {
        self.period = period
        self.value = value
        self.approximate = approximate
        self.note = note
        self.sources = sources
    }

    init(_ observation: Observation) {
        self.init(
            period: observation.period, value: observation.value, approximate: observation.approximate ?? false,
            note: observation.note, sources: observation.sources)
    }
}

/// Which way an indicator moved between its last two observations.
public enum Trend: String, Hashable, Sendable, Codable, CaseIterable {
    case rising, falling, steady
    /// Only one observation: no trend.
    case single
}

/// Whether the movement is good news, given the indicator's direction.
public enum Assessment: String, Hashable, Sendable, Codable, CaseIterable {
    case better, worse, unchanged
    /// One observation, or the framework gives no direction for the indicator.
    case unknown
}

/// A city's observations of one indicator: the series, the latest value, its trend and source.
public struct IndicatorTrend: Hashable, Sendable, Codable {
    public var indicator: FrameworkTag
    public var name: LocalizedText?
    public var unit: String?
    /// The unit in words in both languages, when the framework gives it.
    public var unitName: LocalizedText?
    public var direction: Direction?
    /// The dimension of the profile's framework the indicator maps to, when a crosswalk places it.
    public var dimension: String?
    /// Oldest first.
    public var series: [ObservationPoint]
    public var trend: Trend
    public var assessment: Assessment

    public init(
        indicator: FrameworkTag, name: LocalizedText?, unit: String?, direction: Direction?, dimension: String?,
        series: [ObservationPoint], trend: Trend, assessment: Assessment, unitName: LocalizedText? = nil
    ) {
        self.unitName = unitName
        self.indicator = indicator
        self.name = name
        self.unit = unit
        self.direction = direction
        self.dimension = dimension
        self.series = series
        self.trend = trend
        self.assessment = assessment
    }

    /// The most recent observation (a series is never empty).
    public var latest: ObservationPoint? { series.last }
    /// Latest minus the one before; `nil` with a single observation.
    public var change: Double? {
        series.count < 2 ? nil : series[series.count - 1].value - series[series.count - 2].value
    }
}

/// A city's own initiatives under one dimension.
public struct ProfileDimension: Hashable, Sendable, Codable {
    public var node: String
    public var name: LocalizedText
    public var initiatives: [Evidence]
    /// Indicators of the city that map to this dimension.
    public var indicators: [FrameworkTag]

    public init(node: String, name: LocalizedText, initiatives: [Evidence], indicators: [FrameworkTag]) {
        self.node = node
        self.name = name
        self.initiatives = initiatives
        self.indicators = indicators
    }

    /// Whether anything recorded supports the dimension.
    public var hasEvidence: Bool { !initiatives.isEmpty || !indicators.isEmpty }
}

/// What Kembar knows of one city's smart-city progress, against one framework.
public struct CityProfile: Hashable, Sendable, Codable {
    public var city: CityKey
    public var name: LocalizedText
    public var framework: FrameworkKey
    public var frameworkName: LocalizedText
    /// Every dimension of the framework, in its order.
    public var dimensions: [ProfileDimension]
    public var indicators: [IndicatorTrend]
    public var unmappedTags: [UnmappedTag]

    public init(
        city: CityKey, name: LocalizedText, framework: FrameworkKey, frameworkName: LocalizedText,
        dimensions: [ProfileDimension], indicators: [IndicatorTrend], unmappedTags: [UnmappedTag]
    ) {
        self.city = city
        self.name = name
        self.framework = framework
        self.frameworkName = frameworkName
        self.dimensions = dimensions
        self.indicators = indicators
        self.unmappedTags = unmappedTags
    }

    /// Dimensions with at least one initiative or indicator.
    public var covered: [String] { dimensions.filter(\.hasEvidence).map(\.node) }
    /// Dimensions with no evidence at all: gaps in the record, not necessarily in the city.
    public var uncovered: [String] { dimensions.filter { !$0.hasEvidence }.map(\.node) }
}

/// The two cities side by side in one dimension.
public struct ComparisonRow: Hashable, Sendable, Codable {
    public var node: String
    public var name: LocalizedText
    public var initiatives: Int
    public var partnerInitiatives: Int
    /// Delivered cooperation activities held in the first city (venue `first-city`).
    public var hostedByCity: Int
    /// Delivered cooperation activities held in the partner city (venue `partner-city`).
    public var hostedByPartner: Int
    /// Held elsewhere, online, hybrid or at a distance (by post).
    public var joint: Int

    public init(
        node: String, name: LocalizedText, initiatives: Int, partnerInitiatives: Int, hostedByCity: Int,
        hostedByPartner: Int, joint: Int
    ) {
        self.node = node
        self.name = name
        self.initiatives = initiatives
        self.partnerInitiatives = partnerInitiatives
        self.hostedByCity = hostedByCity
        self.hostedByPartner = hostedByPartner
        self.joint = joint
    }
}

/// The latest value of an indicator both cities observe.
public struct SharedIndicator: Hashable, Sendable, Codable {
    public var indicator: FrameworkTag
    public var name: LocalizedText?
    public var unit: String?
    public var direction: Direction?
    public var city: ObservationPoint
    public var partner: ObservationPoint

    public init(
        indicator: FrameworkTag, name: LocalizedText?, unit: String?, direction: Direction?, city: ObservationPoint,
        partner: ObservationPoint
    ) {
        self.indicator = indicator
        self.name = name
        self.unit = unit
        self.direction = direction
        self.city = city
        self.partner = partner
    }
}

/// A partnership's two cities compared per dimension, the way the founding paper compares Surabaya and Liverpool.
public struct CityComparison: Hashable, Sendable, Codable {
    public var partnership: PartnershipKey
    public var framework: FrameworkKey
    public var frameworkName: LocalizedText
    public var city: CityProfile
    /// `nil` for cooperation with a foreign institution, which has no city profile.
    public var partner: CityProfile?
    public var rows: [ComparisonRow]
    public var sharedIndicators: [SharedIndicator]
    /// Indicators only the first city observes.
    public var onlyCity: [FrameworkTag]
    /// Indicators only the partner observes.
    public var onlyPartner: [FrameworkTag]

    public init(
        partnership: PartnershipKey, framework: FrameworkKey, frameworkName: LocalizedText, city: CityProfile,
        partner: CityProfile?, rows: [ComparisonRow], sharedIndicators: [SharedIndicator], onlyCity: [FrameworkTag],
        onlyPartner: [FrameworkTag]
    ) {
        self.partnership = partnership
        self.framework = framework
        self.frameworkName = frameworkName
        self.city = city
        self.partner = partner
        self.rows = rows
        self.sharedIndicators = sharedIndicators
        self.onlyCity = onlyCity
        self.onlyPartner = onlyPartner
    }
}

extension Evaluator {
    /// A city's profile: initiatives per dimension, each indicator's series with trend and source, coverage.
    ///
    /// - Parameters:
    ///   - asOf: observations after this day are left out; `nil` keeps them all.
    /// - Throws: ``EvaluationError`` when the city or the framework is unknown.
    public static func profile(
        _ data: Dataset, city key: CityKey, framework frameworkKey: FrameworkKey, library: FrameworkLibrary,
        asOf: Day? = nil
    ) throws(EvaluationError) -> CityProfile {
        guard let city = data.cities.first(where: { $0.id == key }) else { throw .unknownCity(key) }
        let library = library.adding(FrameworkLibrary(data))
        guard let framework = library.framework(frameworkKey) else { throw .unknownFramework(frameworkKey) }
        let resolver = TagResolver(target: framework, library: library)
        let initiatives = data.initiatives.filter { $0.city == key }.sorted { $0.id < $1.id }
        let placement = Placement(activities: [], initiatives: initiatives, framework: framework, resolver: resolver)

        let observations = data.observations.filter { observation in
            observation.city == key && (asOf.map { observation.period.firstDay <= $0 } ?? true)
        }
        let indicators = Set(observations.map(\.indicator)).sorted().map { tag in
            trend(
                tag, observations: observations.filter { $0.indicator == tag }, library: library,
                framework: framework, resolver: resolver)
        }
        let dimensions = framework.dimensions.map { dimension in
            ProfileDimension(
                node: dimension.id, name: dimension.name,
                initiatives: placement.initiativeNodes.filter { placement.reaches($0.1, dimension) }.map {
                    evidence($0.0)
                }, indicators: indicators.filter { $0.dimension == dimension.id }.map(\.indicator))
        }
        return CityProfile(
            city: key, name: city.name, framework: framework.id, frameworkName: framework.name,
            dimensions: dimensions, indicators: indicators, unmappedTags: placement.unmapped)
    }

    static func trend(
        _ tag: FrameworkTag, observations: [Observation], library: FrameworkLibrary, framework: Framework,
        resolver: TagResolver
    ) -> IndicatorTrend {
        let node = library.framework(tag.framework)?.node(tag.node)
        let series = observations.sorted { $0.period < $1.period }.map(ObservationPoint.init)
        var trend = Trend.single
        var assessment = Assessment.unknown
        if series.count >= 2 {
            let change = series[series.count - 1].value - series[series.count - 2].value
            trend = change > 0 ? .rising : change < 0 ? .falling : .steady
            switch (trend, node?.direction) {
            case (.steady, _): assessment = .unchanged
            case (.rising, .higherIsBetter?), (.falling, .lowerIsBetter?): assessment = .better
            case (.rising, .lowerIsBetter?), (.falling, .higherIsBetter?): assessment = .worse
            default: assessment = .unknown
            }
        }
        let dimension = (try? resolver.resolve(tag).get())?.compactMap { framework.dimension(containing: $0)?.id }.first
        return IndicatorTrend(
            indicator: tag, name: node?.name, unit: node?.unit ?? observations.first?.unit, direction: node?.direction,
            dimension: dimension, series: series, trend: trend, assessment: assessment,
            unitName: node?.unit == nil ? nil : node?.unitName)
    }

    /// The two cities of a partnership side by side per dimension: initiatives, shared indicators, activities hosted.
    ///
    /// - Throws: ``EvaluationError`` when the partnership, a city or the framework is unknown.
    public static func compare(
        _ data: Dataset, partnership key: PartnershipKey, framework frameworkKey: FrameworkKey,
        library: FrameworkLibrary, asOf: Day
    ) throws(EvaluationError) -> CityComparison {
        guard let partnership = data.partnerships.first(where: { $0.id == key }) else {
            throw .unknownPartnership(key)
        }
        let first = try profile(data, city: partnership.city, framework: frameworkKey, library: library, asOf: asOf)
        var partner: CityProfile?
        if let other = partnership.partnerCity {
            partner = try profile(data, city: other, framework: frameworkKey, library: library, asOf: asOf)
        }
        let library = library.adding(FrameworkLibrary(data))
        guard let framework = library.framework(frameworkKey) else { throw .unknownFramework(frameworkKey) }
        let resolver = TagResolver(target: framework, library: library)
        let delivered = data.activities.filter { $0.partnership == key && isDelivered($0, asOf: asOf) }
        let placement = Placement(activities: delivered, initiatives: [], framework: framework, resolver: resolver)

        let rows = framework.dimensions.enumerated().map { index, dimension in
            let acts = placement.activityNodes.filter { placement.reaches($0.1, dimension) }.map(\.0)
            return ComparisonRow(
                node: dimension.id, name: dimension.name, initiatives: first.dimensions[index].initiatives.count,
                partnerInitiatives: partner?.dimensions[index].initiatives.count ?? 0,
                hostedByCity: acts.filter { $0.venue == .firstCity }.count,
                hostedByPartner: acts.filter { $0.venue == .partnerCity }.count,
                joint: acts.filter { $0.venue != .firstCity && $0.venue != .partnerCity }.count)
        }
        let mine = Dictionary(first.indicators.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let theirs = Dictionary((partner?.indicators ?? []).map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let shared = mine.keys.filter { theirs[$0] != nil }.sorted().compactMap { tag -> SharedIndicator? in
            guard let a = mine[tag], let b = theirs[tag], let x = a.latest, let y = b.latest else { return nil }
            return SharedIndicator(
                indicator: tag, name: a.name, unit: a.unit, direction: a.direction, city: x, partner: y)
        }
        return CityComparison(
            partnership: key, framework: framework.id, frameworkName: framework.name, city: first, partner: partner,
            rows: rows, sharedIndicators: shared, onlyCity: mine.keys.filter { theirs[$0] == nil }.sorted(),
            onlyPartner: theirs.keys.filter { mine[$0] == nil }.sorted())
    }
}
