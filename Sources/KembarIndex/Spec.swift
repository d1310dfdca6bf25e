import Foundation

/// An error in an index specification, naming the JSON path (e.g. `$.normalisation.overrides.PM25.upper`) and the
/// rule that was broken.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the offending value.
    public var path: String
    /// The rule that was broken.
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// A method given either as a bare name (`"rank"`) or as an object with a `method` name and parameters
/// (`{"method": "minMax", "lower": 1, "upper": 100}`). Used by normalisation, treatment and imputation.
public struct MethodSpec: Sendable, Codable, Equatable {
    public var method: String
    public var lower: Double?
    public var upper: Double?
    public var mean: Double?
    public var sd: Double?
    public var scale: Double?
    public var truncate: Bool?
    public var target: Double?
    public var capAtOne: Bool?
    public var group: String?
    public var maxPeriods: Int?
    public var winsorisationLimit: Int?
    public var skewThreshold: Double?
    public var kurtosisThreshold: Double?
    public var forceWinsorise: Bool?
    public var combine: Bool?

    /// A method with no parameters.
    public init(method: String) { self.method = method }

    enum CodingKeys: String, CodingKey {
        case method, lower, upper, mean, sd, scale, truncate, target, capAtOne, group, maxPeriods
        case winsorisationLimit, skewThreshold, kurtosisThreshold, forceWinsorise, combine
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            self.init(method: name)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(method: try c.decode(String.self, forKey: .method))
        lower = try c.decodeIfPresent(Double.self, forKey: .lower)
        upper = try c.decodeIfPresent(Double.self, forKey: .upper)
        mean = try c.decodeIfPresent(Double.self, forKey: .mean)
        sd = try c.decodeIfPresent(Double.self, forKey: .sd)
        scale = try c.decodeIfPresent(Double.self, forKey: .scale)
        truncate = try c.decodeIfPresent(Bool.self, forKey: .truncate)
        target = try c.decodeIfPresent(Double.self, forKey: .target)
        capAtOne = try c.decodeIfPresent(Bool.self, forKey: .capAtOne)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        maxPeriods = try c.decodeIfPresent(Int.self, forKey: .maxPeriods)
        winsorisationLimit = try c.decodeIfPresent(Int.self, forKey: .winsorisationLimit)
        skewThreshold = try c.decodeIfPresent(Double.self, forKey: .skewThreshold)
        kurtosisThreshold = try c.decodeIfPresent(Double.self, forKey: .kurtosisThreshold)
        forceWinsorise = try c.decodeIfPresent(Bool.self, forKey: .forceWinsorise)
        combine = try c.decodeIfPresent(Bool.self, forKey: .combine)
    }
}

/// The JSON specification of an index build (and optionally of its uncertainty analysis). Every section except
/// `structure` is optional and defaults to COINr's defaults. See docs/INDEX.md for the format with examples.
public struct IndexSpec: Sendable, Codable, Equatable {
    /// Reading the data file.
    public struct DataSection: Sendable, Codable, Equatable {
        public var unitColumn: String?
        public var periodColumn: String?
        public var groupColumns: [String]?
        public var ignoreColumns: [String]?
    }

    /// Unit screening.
    public struct ScreeningSection: Sendable, Codable, Equatable {
        public var minDataAvailability: Double?
        public var minNonZero: Double?
        public var forceInclude: [String]?
        public var forceExclude: [String]?
    }

    /// Imputation: a chain of methods by default, with per-indicator chains.
    public struct ImputationSection: Sendable, Codable, Equatable {
        public var `default`: [MethodSpec]?
        public var overrides: [String: [MethodSpec]]?
    }

    /// Treatment or normalisation: a default method with per-indicator methods.
    public struct MethodSection: Sendable, Codable, Equatable {
        public var `default`: MethodSpec?
        public var overrides: [String: MethodSpec]?
        /// Normalisation only: pool all periods (default true).
        public var pooled: Bool?
    }

    /// Aggregation per node.
    public struct AggregationSection: Sendable, Codable, Equatable {
        public var `default`: String?
        public var overrides: [String: String]?
        public var minAvailability: Double?
        public var minAvailabilityOverrides: [String: Double]?
        public var zeroRule: String?
    }

    /// One weight-noise rule: `level` or `node`, and `factor`.
    public struct NoiseSection: Sendable, Codable, Equatable {
        public var level: Int?
        public var node: String?
        public var factor: Double
    }

    /// Uncertainty analysis.
    public struct UncertaintySection: Sendable, Codable, Equatable {
        public var replications: Int?
        public var seed: Int?
        public var mode: String?
        public var poolSize: Int?
        public var weightNoise: [NoiseSection]?
        public var normalisationAlternatives: [MethodSpec]?
        public var aggregationAlternatives: [String]?
        public var period: Int?
        public var target: String?
    }

    public var name: String?
    public var structure: [IndexNode]
    public var data: DataSection?
    public var screening: ScreeningSection?
    public var denomination: [String: Denomination]?
    public var imputation: ImputationSection?
    public var treatment: MethodSection?
    public var normalisation: MethodSection?
    public var aggregation: AggregationSection?
    public var keepIntermediate: Bool?
    public var uncertainty: UncertaintySection?

    /// Decodes a specification from JSON; type errors and unknown keys (e.g. a misspelt section) name the JSON path.
    public static func decode(_ data: Data) throws -> IndexSpec {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SpecError(path: "$", message: "not valid JSON")
        }
        guard tree is [String: Any] else { throw SpecError(path: "$", message: "must be a JSON object") }
        try checkKeys(tree, schema: keySchema, path: "$")
        do {
            return try JSONDecoder().decode(IndexSpec.self, from: data)
        } catch let error as DecodingError {
            throw SpecError.from(error)
        } catch {
            throw SpecError(path: "$", message: "not valid JSON: \(error.localizedDescription)")
        }
    }

    /// Options for reading the data file.
    public var csvOptions: CSVOptions {
        var o = CSVOptions()
        if let d = data {
            if let u = d.unitColumn { o.unitColumn = u }
            if let p = d.periodColumn { o.periodColumn = p }
            o.groupColumns = Set(d.groupColumns ?? [])
            o.ignoreColumns = Set(d.ignoreColumns ?? [])
        }
        return o
    }

    /// Validates the specification and turns it into a pipeline configuration.
    public func configuration() throws -> IndexConfiguration {
        guard !structure.isEmpty else { throw SpecError(path: "$.structure", message: "must list at least one node") }
        for (i, n) in structure.enumerated() {
            let path = "$.structure[\(i)]"
            if n.code.trimmingCharacters(in: .whitespaces).isEmpty {
                throw SpecError(path: path + ".code", message: "must not be empty")
            }
            if !(n.weight.isFinite && n.weight >= 0) {
                throw SpecError(path: path + ".weight", message: "must be a number ≥ 0 (got \(n.weight))")
            }
            if n.direction != 1 && n.direction != -1 {
                throw SpecError(path: path + ".direction", message: "must be 1 or -1 (got \(n.direction))")
            }
        }
        let s: IndexStructure
        do {
            s = try IndexStructure(nodes: structure)
        } catch let IndexError.invalidStructure(message) {
            throw SpecError(path: "$.structure", message: message)
        }
        let indicatorCodes = Set(s.indicators.map { s.nodes[$0].code })
        let nodeCodes = Set(s.nodes.map(\.code))
        func checkIndicator(_ code: String, _ path: String) throws {
            guard indicatorCodes.contains(code) else {
                throw SpecError(path: path, message: "'\(code)' is not an indicator (a leaf) of the structure")
            }
        }
        var config = IndexConfiguration(structure: s)

        if let sc = screening {
            for (v, name) in [(sc.minDataAvailability, "minDataAvailability"), (sc.minNonZero, "minNonZero")] {
                if let v, !(0...1).contains(v) {
                    throw SpecError(path: "$.screening.\(name)", message: "must be between 0 and 1")
                }
            }
            config.screening = ScreeningOptions(
                minDataAvailability: sc.minDataAvailability, minNonZero: sc.minNonZero,
                forceInclude: Set(sc.forceInclude ?? []), forceExclude: Set(sc.forceExclude ?? []))
        }
        for (code, d) in denomination ?? [:] {
            try checkIndicator(code, "$.denomination.\(code)")
            if d.by.isEmpty { throw SpecError(path: "$.denomination.\(code).by", message: "must name a variable") }
            if !(d.scale.isFinite && d.scale != 0) {
                throw SpecError(path: "$.denomination.\(code).scale", message: "must be a non-zero number")
            }
        }
        config.denomination = denomination ?? [:]

        if let imp = imputation {
            let chain = try (imp.default ?? []).enumerated().map {
                try Self.imputationMethod($1, path: "$.imputation.default[\($0)]")
            }
            var overrides: [String: [ImputationMethod]] = [:]
            for (code, list) in imp.overrides ?? [:] {
                try checkIndicator(code, "$.imputation.overrides.\(code)")
                overrides[code] = try list.enumerated().map {
                    try Self.imputationMethod($1, path: "$.imputation.overrides.\(code)[\($0)]")
                }
            }
            config.imputation = StepRules(chain, overrides: overrides)
        }
        if let t = treatment {
            let d = try t.default.map { try Self.treatmentMethod($0, path: "$.treatment.default") } ?? .coinrDefault
            var overrides: [String: TreatmentMethod] = [:]
            for (code, m) in t.overrides ?? [:] {
                try checkIndicator(code, "$.treatment.overrides.\(code)")
                overrides[code] = try Self.treatmentMethod(m, path: "$.treatment.overrides.\(code)")
            }
            config.treatment = StepRules(d, overrides: overrides)
        }
        if let n = normalisation {
            let d =
                try n.default.map { try Self.normalisationMethod($0, path: "$.normalisation.default") }
                ?? .coinrDefault
            var overrides: [String: NormalisationMethod] = [:]
            for (code, m) in n.overrides ?? [:] {
                try checkIndicator(code, "$.normalisation.overrides.\(code)")
                overrides[code] = try Self.normalisationMethod(m, path: "$.normalisation.overrides.\(code)")
            }
            config.normalisation = StepRules(d, overrides: overrides)
            config.pooledNormalisation = n.pooled ?? true
        }
        if let a = aggregation {
            let d = try a.default.map { try Self.aggregationMethod($0, path: "$.aggregation.default") } ?? .arithmetic
            var overrides: [String: AggregationMethod] = [:]
            for (code, m) in a.overrides ?? [:] {
                guard nodeCodes.contains(code), !indicatorCodes.contains(code) else {
                    throw SpecError(path: "$.aggregation.overrides.\(code)", message: "'\(code)' is not an aggregate")
                }
                overrides[code] = try Self.aggregationMethod(m, path: "$.aggregation.overrides.\(code)")
            }
            config.aggregation = StepRules(d, overrides: overrides)
            if let t = a.minAvailability, !(0...1).contains(t) {
                throw SpecError(path: "$.aggregation.minAvailability", message: "must be between 0 and 1")
            }
            var thresholds: [String: Double?] = [:]
            for (code, t) in a.minAvailabilityOverrides ?? [:] {
                guard nodeCodes.contains(code) else {
                    throw SpecError(path: "$.aggregation.minAvailabilityOverrides.\(code)", message: "unknown node")
                }
                guard (0...1).contains(t) else {
                    throw SpecError(
                        path: "$.aggregation.minAvailabilityOverrides.\(code)", message: "must be between 0 and 1")
                }
                thresholds[code] = t
            }
            config.minAvailability = StepRules(a.minAvailability, overrides: thresholds)
            if let z = a.zeroRule {
                guard let rule = ZeroRule(rawValue: z) else {
                    throw SpecError(path: "$.aggregation.zeroRule", message: "must be 'error' or 'zero' (got '\(z)')")
                }
                config.zeroRule = rule
            }
        }
        config.keepIntermediate = keepIntermediate ?? true
        return config
    }

    /// Validates the `uncertainty` section (defaults if absent) against the structure.
    public func uncertaintySpec() throws -> UncertaintySpec {
        let s: IndexStructure
        do {
            s = try IndexStructure(nodes: structure)
        } catch let IndexError.invalidStructure(message) {
            throw SpecError(path: "$.structure", message: message)
        }
        let u = uncertainty ?? UncertaintySection()
        var spec = UncertaintySpec()
        if let n = u.replications {
            guard (1...10_000_000).contains(n) else {
                throw SpecError(path: "$.uncertainty.replications", message: "must be between 1 and 10000000")
            }
            spec.replications = n
        }
        if let seed = u.seed {
            guard let s32 = Int32(exactly: seed) else {
                throw SpecError(path: "$.uncertainty.seed", message: "must fit in a 32-bit signed integer, as in R")
            }
            spec.seed = s32
        }
        switch u.mode ?? "direct" {
        case "direct": spec.mode = .direct
        case "coinr":
            let pool = u.poolSize ?? 100
            guard pool >= 2 else {
                throw SpecError(path: "$.uncertainty.poolSize", message: "must be at least 2 (R's cut() needs 2 bins)")
            }
            spec.mode = .coinr(poolSize: pool)
        case let other:
            throw SpecError(path: "$.uncertainty.mode", message: "must be 'direct' or 'coinr' (got '\(other)')")
        }
        let noise = u.weightNoise ?? []
        spec.weightNoise = []
        if u.weightNoise == nil {
            // Default: ±25 % on the weights of every aggregate level, like COINr's vignette.
            spec.weightNoise = s.maxLevel >= 2 ? (2...s.maxLevel).map { WeightNoise(.level($0), factor: 0.25) } : []
        } else {
            for (i, n) in noise.enumerated() {
                let path = "$.uncertainty.weightNoise[\(i)]"
                guard n.factor.isFinite, n.factor >= 0 else {
                    throw SpecError(path: path + ".factor", message: "must be a number ≥ 0")
                }
                switch (n.level, n.node) {
                case (let l?, nil):
                    guard (1...s.maxLevel).contains(l) else {
                        throw SpecError(path: path + ".level", message: "must be between 1 and \(s.maxLevel)")
                    }
                    spec.weightNoise.append(WeightNoise(.level(l), factor: n.factor))
                case (nil, let code?):
                    guard s.index(of: code) != nil else {
                        throw SpecError(path: path + ".node", message: "unknown node '\(code)'")
                    }
                    spec.weightNoise.append(WeightNoise(.node(code), factor: n.factor))
                default:
                    throw SpecError(path: path, message: "give exactly one of 'level' or 'node'")
                }
            }
        }
        spec.normalisationAlternatives = try (u.normalisationAlternatives ?? []).enumerated().map {
            try Self.normalisationMethod($1, path: "$.uncertainty.normalisationAlternatives[\($0)]")
        }
        spec.aggregationAlternatives = try (u.aggregationAlternatives ?? []).enumerated().map {
            try Self.aggregationMethod($1, path: "$.uncertainty.aggregationAlternatives[\($0)]")
        }
        spec.period = u.period
        if let t = u.target {
            guard let i = s.index(of: t), !s.children[i].isEmpty else {
                throw SpecError(path: "$.uncertainty.target", message: "'\(t)' is not an aggregate of the structure")
            }
            spec.target = t
        }
        return spec
    }

    /// Allowed keys per object: `.object` lists keys with their nested schemas; `.map` is an object with free keys
    /// (codes) whose values follow one schema; `.array` applies a schema to every element; `.any` accepts anything.
    indirect enum KeySchema: Sendable {
        case object([String: KeySchema])
        case map(KeySchema)
        case array(KeySchema)
        case method
        case any
    }

    static let methodKeys: Set<String> = [
        "method", "lower", "upper", "mean", "sd", "scale", "truncate", "target", "capAtOne", "group", "maxPeriods",
        "winsorisationLimit", "skewThreshold", "kurtosisThreshold", "forceWinsorise", "combine",
    ]

    static let keySchema: KeySchema = .object([
        "name": .any,
        "structure": .array(.object(["code": .any, "name": .any, "parent": .any, "weight": .any, "direction": .any])),
        "data": .object(["unitColumn": .any, "periodColumn": .any, "groupColumns": .any, "ignoreColumns": .any]),
        "screening": .object([
            "minDataAvailability": .any, "minNonZero": .any, "forceInclude": .any, "forceExclude": .any,
        ]),
        "denomination": .map(.object(["by": .any, "scale": .any])),
        "imputation": .object(["default": .array(.method), "overrides": .map(.array(.method))]),
        "treatment": .object(["default": .method, "overrides": .map(.method)]),
        "normalisation": .object(["default": .method, "overrides": .map(.method), "pooled": .any]),
        "aggregation": .object([
            "default": .any, "overrides": .any, "minAvailability": .any, "minAvailabilityOverrides": .any,
            "zeroRule": .any,
        ]),
        "keepIntermediate": .any,
        "uncertainty": .object([
            "replications": .any, "seed": .any, "mode": .any, "poolSize": .any,
            "weightNoise": .array(.object(["level": .any, "node": .any, "factor": .any])),
            "normalisationAlternatives": .array(.method), "aggregationAlternatives": .any, "period": .any,
            "target": .any,
        ]),
    ])

    static func checkKeys(_ value: Any, schema: KeySchema, path: String) throws {
        switch schema {
        case .any:
            return
        case .method:
            guard let object = value as? [String: Any] else { return }
            for key in object.keys.sorted() where !methodKeys.contains(key) {
                throw SpecError(
                    path: "\(path).\(key)",
                    message: "unknown key; a method takes: \(methodKeys.sorted().joined(separator: ", "))")
            }
        case .object(let fields):
            guard let object = value as? [String: Any] else { return }
            for key in object.keys.sorted() {
                guard let sub = fields[key] else {
                    throw SpecError(
                        path: "\(path).\(key)",
                        message: "unknown key; expected one of: \(fields.keys.sorted().joined(separator: ", "))")
                }
                if let v = object[key] { try checkKeys(v, schema: sub, path: "\(path).\(key)") }
            }
        case .map(let sub):
            guard let object = value as? [String: Any] else { return }
            for (key, v) in object { try checkKeys(v, schema: sub, path: "\(path).\(key)") }
        case .array(let sub):
            guard let items = value as? [Any] else { return }
            for (i, v) in items.enumerated() { try checkKeys(v, schema: sub, path: "\(path)[\(i)]") }
        }
    }

    static func imputationMethod(_ m: MethodSpec, path: String) throws -> ImputationMethod {
        func group() throws -> String {
            guard let g = m.group, !g.isEmpty else {
                throw SpecError(path: path + ".group", message: "'\(m.method)' needs the name of a group column")
            }
            return g
        }
        func limit() throws -> Int? {
            if let k = m.maxPeriods, k < 1 {
                throw SpecError(path: path + ".maxPeriods", message: "must be at least 1")
            }
            return m.maxPeriods
        }
        switch m.method {
        case "indicatorMean": return .indicatorMean
        case "indicatorMedian": return .indicatorMedian
        case "groupMean": return .groupMean(group: try group())
        case "groupMedian": return .groupMedian(group: try group())
        case "carryForward": return .carryForward(maxPeriods: try limit())
        case "carryBackward": return .carryBackward(maxPeriods: try limit())
        default:
            throw SpecError(
                path: path + ".method",
                message: "unknown imputation '\(m.method)'; use indicatorMean, indicatorMedian, groupMean, "
                    + "groupMedian, carryForward or carryBackward")
        }
    }

    static func treatmentMethod(_ m: MethodSpec, path: String) throws -> TreatmentMethod {
        switch m.method {
        case "none": return .none
        case "winsoriseThenLog", "coinrDefault":
            var p = TreatmentParameters()
            if let v = m.winsorisationLimit {
                guard v >= 0 else { throw SpecError(path: path + ".winsorisationLimit", message: "must be ≥ 0") }
                p.winsorisationLimit = v
            }
            if let v = m.skewThreshold {
                guard v.isFinite, v > 0 else { throw SpecError(path: path + ".skewThreshold", message: "must be > 0") }
                p.skewThreshold = v
            }
            if let v = m.kurtosisThreshold {
                guard v.isFinite else { throw SpecError(path: path + ".kurtosisThreshold", message: "must be finite") }
                p.kurtosisThreshold = v
            }
            p.forceWinsorise = m.forceWinsorise ?? false
            p.combine = m.combine ?? false
            return .winsoriseThenLog(p)
        default:
            throw SpecError(
                path: path + ".method", message: "unknown treatment '\(m.method)'; use winsoriseThenLog or none")
        }
    }

    static func normalisationMethod(_ m: MethodSpec, path: String) throws -> NormalisationMethod {
        func need(_ v: Double?, _ name: String) throws -> Double {
            guard let v else { throw SpecError(path: path + ".\(name)", message: "'\(m.method)' needs '\(name)'") }
            guard v.isFinite else { throw SpecError(path: path + ".\(name)", message: "must be finite") }
            return v
        }
        switch m.method {
        case "none": return .none
        case "minMax":
            let l = m.lower ?? 0
            let u = m.upper ?? 100
            guard l < u else { throw SpecError(path: path + ".upper", message: "must be greater than lower") }
            return .minMax(lower: l, upper: u)
        case "zScore":
            let sd = m.sd ?? 1
            guard sd > 0 else { throw SpecError(path: path + ".sd", message: "must be > 0") }
            return .zScore(mean: m.mean ?? 0, sd: sd)
        case "rank": return .rank
        case "percentileRank": return .percentileRank
        case "borda": return .borda
        case "goalposts":
            let l = try need(m.lower, "lower")
            let u = try need(m.upper, "upper")
            guard l < u else {
                throw SpecError(
                    path: path + ".upper",
                    message: "must be greater than lower (give goalposts in raw units; direction flips them)")
            }
            let scale = m.scale ?? 100
            guard scale > 0 else { throw SpecError(path: path + ".scale", message: "must be > 0") }
            return .goalposts(lower: l, upper: u, scale: scale, truncate: m.truncate ?? true)
        case "distanceToTarget":
            let t = try need(m.target, "target")
            let scale = m.scale ?? 1
            guard scale > 0 else { throw SpecError(path: path + ".scale", message: "must be > 0") }
            return .distanceToTarget(target: t, capAtOne: m.capAtOne ?? true, scale: scale)
        default:
            throw SpecError(
                path: path + ".method",
                message: "unknown normalisation '\(m.method)'; use minMax, zScore, rank, percentileRank, borda, "
                    + "goalposts, distanceToTarget or none")
        }
    }

    static func aggregationMethod(_ name: String, path: String) throws -> AggregationMethod {
        guard let m = AggregationMethod(rawValue: name) else {
            throw SpecError(
                path: path, message: "unknown aggregation '\(name)'; use arithmetic, geometric, harmonic or median")
        }
        return m
    }
}

extension SpecError {
    static func from(_ error: DecodingError) -> SpecError {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("$") { p, k in
                if let i = k.intValue { return p + "[\(i)]" }
                return p + "." + k.stringValue
            }
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            return SpecError(path: path(ctx.codingPath), message: "expected \(type): \(ctx.debugDescription)")
        case .valueNotFound(let type, let ctx):
            return SpecError(path: path(ctx.codingPath), message: "missing value of type \(type)")
        case .keyNotFound(let key, let ctx):
            return SpecError(path: path(ctx.codingPath + [key]), message: "required key is missing")
        case .dataCorrupted(let ctx):
            return SpecError(path: path(ctx.codingPath), message: "not valid JSON: \(ctx.debugDescription)")
        @unknown default:
            return SpecError(path: "$", message: "could not decode the specification")
        }
    }
}
