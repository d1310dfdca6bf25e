import Foundation

/// A rule for every indicator (or node) with per-code exceptions.
public struct StepRules<Rule: Sendable & Equatable>: Sendable, Equatable {
    /// The rule used unless an override names the code.
    public var defaultRule: Rule
    /// Exceptions by indicator or node code.
    public var overrides: [String: Rule]

    /// Creates rules from a default and exceptions.
    public init(_ defaultRule: Rule, overrides: [String: Rule] = [:]) {
        self.defaultRule = defaultRule
        self.overrides = overrides
    }

    /// The rule for `code`.
    public func rule(for code: String) -> Rule { overrides[code] ?? defaultRule }
}

/// Unit screening by data availability (COINr `Screen`), applied per period to the raw indicator values.
public struct ScreeningOptions: Sendable, Equatable {
    /// Exclude a unit whose share of available indicators is below this (COINr `dat_thresh`, default 2/3).
    public var minDataAvailability: Double?
    /// Exclude a unit whose share of non-zero values among available ones is below this (COINr default 0.05).
    public var minNonZero: Double?
    /// Units always kept.
    public var forceInclude: Set<String>
    /// Units always excluded.
    public var forceExclude: Set<String>

    /// Creates screening options; COINr's "byNA" rule by default.
    public init(
        minDataAvailability: Double? = 2.0 / 3.0, minNonZero: Double? = nil, forceInclude: Set<String> = [],
        forceExclude: Set<String> = []
    ) {
        self.minDataAvailability = minDataAvailability
        self.minNonZero = minNonZero
        self.forceInclude = forceInclude
        self.forceExclude = forceExclude
    }
}

/// Denomination of an indicator: `x' = x · scale / d` where `d` is another variable of the panel in the same period
/// (COINr `Denominate`). A missing or zero denominator gives a missing value.
public struct Denomination: Sendable, Equatable, Codable {
    /// Code of the denominator variable (e.g. "population").
    public var by: String
    /// Scale factor (default 1; e.g. 1000 for "per thousand").
    public var scale: Double

    /// Creates a denomination rule.
    public init(by: String, scale: Double = 1) {
        self.by = by
        self.scale = scale
    }

    enum CodingKeys: String, CodingKey { case by, scale }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        by = try c.decode(String.self, forKey: .by)
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1
    }
}

/// One imputation method. Methods are chained: each fills what the previous ones left missing.
public enum ImputationMethod: Sendable, Equatable {
    /// The indicator's mean over the units in the same period (COINr `i_mean`).
    case indicatorMean
    /// The indicator's median in the same period (COINr `i_median`).
    case indicatorMedian
    /// The mean over units of the same group (a unit attribute such as a size class) in the same period
    /// (COINr `i_mean_grp`).
    case groupMean(group: String)
    /// The median within the group (COINr `i_median_grp`).
    case groupMedian(group: String)
    /// The unit's latest earlier value, at most `maxPeriods` periods back (nil: no limit) — COINr `impute_panel`
    /// "latest".
    case carryForward(maxPeriods: Int?)
    /// The unit's next later value, at most `maxPeriods` periods ahead.
    case carryBackward(maxPeriods: Int?)
}

/// The whole configuration of an index build: structure plus one rule per step.
public struct IndexConfiguration: Sendable {
    /// The index structure with weights and directions.
    public var structure: IndexStructure
    /// Unit screening; nil means no screening (the default).
    public var screening: ScreeningOptions?
    /// Denominations by indicator code; empty by default.
    public var denomination: [String: Denomination]
    /// Imputation chain per indicator; empty (no imputation) by default, in which case aggregation skips missing
    /// values.
    public var imputation: StepRules<[ImputationMethod]>
    /// Outlier treatment per indicator; COINr's default by default.
    public var treatment: StepRules<TreatmentMethod>
    /// Normalisation per indicator; min-max onto [0, 100] by default.
    public var normalisation: StepRules<NormalisationMethod>
    /// Pool all periods when normalising (COINr's default for panels): scores are comparable over time.
    /// False normalises each period on its own.
    public var pooledNormalisation: Bool
    /// Aggregation method per aggregate node; arithmetic by default.
    public var aggregation: StepRules<AggregationMethod>
    /// Minimum share of available children per aggregate node below which the aggregate is missing (COINr
    /// `dat_thresh`); nil (no threshold) by default.
    public var minAvailability: StepRules<Double?>
    /// What geometric and harmonic means do with zeros.
    public var zeroRule: ZeroRule
    /// Keep every intermediate data set (raw, denominated, imputed, treated) in the result. Turn off for very
    /// large panels to save memory.
    public var keepIntermediate: Bool

    /// Creates a configuration with COINr's defaults for every step.
    public init(
        structure: IndexStructure,
        screening: ScreeningOptions? = nil,
        denomination: [String: Denomination] = [:],
        imputation: StepRules<[ImputationMethod]> = StepRules([]),
        treatment: StepRules<TreatmentMethod> = StepRules(.coinrDefault),
        normalisation: StepRules<NormalisationMethod> = StepRules(.coinrDefault),
        pooledNormalisation: Bool = true,
        aggregation: StepRules<AggregationMethod> = StepRules(.arithmetic),
        minAvailability: StepRules<Double?> = StepRules(nil),
        zeroRule: ZeroRule = .error,
        keepIntermediate: Bool = true
    ) {
        self.structure = structure
        self.screening = screening
        self.denomination = denomination
        self.imputation = imputation
        self.treatment = treatment
        self.normalisation = normalisation
        self.pooledNormalisation = pooledNormalisation
        self.aggregation = aggregation
        self.minAvailability = minAvailability
        self.zeroRule = zeroRule
        self.keepIntermediate = keepIntermediate
    }
}
