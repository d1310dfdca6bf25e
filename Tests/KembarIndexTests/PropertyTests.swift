import Foundation
import Testing

@testable import KembarIndex

/// Deterministic pseudo-random data for property tests.
struct TestData {
    var rng: RRandom

    init(seed: Int32) { rng = RRandom(seed: seed) }

    mutating func column(_ n: Int, missing: Double = 0.1, ties: Bool = false) -> [Double] {
        (0..<n).map { _ in
            if rng.unifRand() < missing { return .nan }
            let x = rng.unifRand() * 100 - 20
            return ties ? x.rounded() : x
        }
    }
}

@Suite("Properties")
struct PropertyTests {
    @Test func toleranceHelperCanFail() {
        #expect(!close(1, 1 + 1e-6))
        #expect(!close(.nan, 0))
        #expect(close(1, 1 + 1e-12))
    }

    @Test(arguments: 1...20)
    func minMaxStaysInRange(seed: Int32) {
        var d = TestData(seed: seed)
        let x = d.column(30)
        for (l, u) in [(0.0, 100.0), (1, 100), (-5, 5)] {
            for dir in [1, -1] {
                let y = Normalisation.normalise(x, direction: dir, method: .minMax(lower: l, upper: u))
                let v = y.filter { !$0.isNaN }
                #expect(v.allSatisfy { $0 >= l - 1e-12 && $0 <= u + 1e-12 })
                #expect(close(v.min() ?? .nan, l) && close(v.max() ?? .nan, u))
                #expect(y.indices.allSatisfy { y[$0].isNaN == x[$0].isNaN })
            }
        }
    }

    @Test(arguments: 1...20)
    func directionReversesOrder(seed: Int32) {
        var d = TestData(seed: seed)
        let x = d.column(25, missing: 0)
        let up = Normalisation.normalise(x, direction: 1, method: .coinrDefault)
        let down = Normalisation.normalise(x, direction: -1, method: .coinrDefault)
        for i in x.indices {
            #expect(close(up[i] + down[i], 100))
        }
    }

    @Test(arguments: 1...20)
    func ranksArePermutationsUpToTies(seed: Int32) {
        var d = TestData(seed: seed)
        let x = d.column(40, missing: 0.1, ties: true)
        let r = Stats.rankDescending(x)
        let present = x.indices.filter { !x[$0].isNaN }
        for i in present {
            // Competition ranking: 1 + number of strictly better scores.
            let better = present.filter { x[$0] > x[i] }.count
            #expect(r[i] == Double(better + 1))
        }
        #expect(x.indices.allSatisfy { x[$0].isNaN == r[$0].isNaN })
        // Breaking ties by order gives exactly 1...n.
        let sortedRanks = present.map { r[$0] }.sorted()
        #expect(sortedRanks.first == 1)
        #expect(sortedRanks.allSatisfy { $0 >= 1 && $0 <= Double(present.count) })
    }

    @Test(arguments: AggregationMethod.allCases)
    func equalChildrenAggregateToTheChild(method: AggregationMethod) throws {
        var d = TestData(seed: 11)
        for _ in 0..<20 {
            let v = d.rng.unifRand() * 90 + 1
            let w = (0..<4).map { _ in d.rng.unifRand() + 0.1 }
            let y = try Aggregation.aggregate([v, v, v, v], weights: w, method: method)
            #expect(close(y, v))
        }
    }

    @Test(arguments: AggregationMethod.allCases)
    func aggregateLiesBetweenChildren(method: AggregationMethod) throws {
        var d = TestData(seed: 5)
        for _ in 0..<30 {
            let x = (0..<5).map { _ in d.rng.unifRand() * 99 + 1 }
            let w = (0..<5).map { _ in d.rng.unifRand() + 0.05 }
            let y = try Aggregation.aggregate(x, weights: w, method: method)
            #expect(y >= (x.min() ?? 0) - 1e-9 && y <= (x.max() ?? 0) + 1e-9)
        }
        #expect(try Aggregation.aggregate([Double.nan, .nan], weights: [1, 1], method: method).isNaN)
    }

    @Test func harmonicLeGeometricLeArithmetic() throws {
        var d = TestData(seed: 9)
        for _ in 0..<30 {
            let x = (0..<6).map { _ in d.rng.unifRand() * 99 + 1 }
            let w = (0..<6).map { _ in d.rng.unifRand() + 0.05 }
            let h = try Aggregation.aggregate(x, weights: w, method: .harmonic)
            let g = try Aggregation.aggregate(x, weights: w, method: .geometric)
            let a = try Aggregation.aggregate(x, weights: w, method: .arithmetic)
            #expect(h <= g + 1e-9 && g <= a + 1e-9)
        }
    }

    @Test func effectiveWeightsSumToOnePerLevel() throws {
        let s = try Golden.structure()
        let eff = s.effectiveWeights()
        for level in 1...s.maxLevel {
            let total = s.nodes.indices.filter { s.levels[$0] == level }.map { eff[$0] }.reduce(0, +)
            #expect(close(total, 1))
        }
    }

    @Test func minimumAvailabilityRule() throws {
        let nodes = [
            IndexNode(code: "a", parent: "G"), IndexNode(code: "b", parent: "G"), IndexNode(code: "c", parent: "G"),
            IndexNode(code: "G", parent: nil),
        ]
        let panel = try Panel.from(observations: [
            ("U1", "a", 0, 10), ("U1", "b", 0, nil), ("U1", "c", 0, nil),
            ("U2", "a", 0, 20), ("U2", "b", 0, 30), ("U2", "c", 0, nil),
            ("U3", "a", 0, 40), ("U3", "b", 0, 50), ("U3", "c", 0, 60),
        ])
        var config = IndexConfiguration(
            structure: try IndexStructure(nodes: nodes), treatment: StepRules(.none), normalisation: StepRules(.none),
            minAvailability: StepRules(0.5))
        var r = try IndexPipeline.run(panel: panel, configuration: config)
        #expect(r.score("G", unit: "U1", period: 0) == nil)
        #expect(r.score("G", unit: "U2", period: 0) == 25)
        #expect(r.score("G", unit: "U3", period: 0) == 50)
        #expect(r.rank("G", unit: "U3", period: 0) == 1)
        #expect(r.rank("G", unit: "U1", period: 0) == nil)
        config.minAvailability = StepRules(nil)
        r = try IndexPipeline.run(panel: panel, configuration: config)
        #expect(r.score("G", unit: "U1", period: 0) == 10)
    }

    @Test func invalidStructuresAreRejected() {
        #expect(throws: IndexError.self) { try IndexStructure(nodes: []) }
        #expect(throws: IndexError.self) {
            try IndexStructure(nodes: [IndexNode(code: "a", parent: "b"), IndexNode(code: "b", parent: "a")])
        }
        #expect(throws: IndexError.self) {
            try IndexStructure(nodes: [IndexNode(code: "a", parent: nil), IndexNode(code: "b", parent: nil)])
        }
        #expect(throws: IndexError.self) {
            try IndexStructure(nodes: [
                IndexNode(code: "a", parent: "I", weight: -1), IndexNode(code: "I", parent: nil),
            ])
        }
        #expect(throws: IndexError.self) {
            try IndexStructure(nodes: [
                IndexNode(code: "a", parent: "I", weight: 0), IndexNode(code: "I", parent: nil),
            ])
        }
    }

    @Test func missingIndicatorAndZeroGeometricAreErrorsNotCrashes() throws {
        let s = try IndexStructure(nodes: [
            IndexNode(code: "a", parent: "I"), IndexNode(code: "b", parent: "I"),
            IndexNode(code: "I", parent: nil),
        ])
        let onlyA = try Panel.from(observations: [("U", "a", 0, 1)])
        #expect(throws: IndexError.self) {
            try IndexPipeline.run(panel: onlyA, configuration: IndexConfiguration(structure: s))
        }
        let panel = try Panel.from(observations: [
            ("U", "a", 0, 1), ("U", "b", 0, 2), ("V", "a", 0, 3), ("V", "b", 0, 4),
        ])
        let geo = IndexConfiguration(structure: s, aggregation: StepRules(.geometric))
        #expect(throws: IndexError.self) { try IndexPipeline.run(panel: panel, configuration: geo) }
        var zero = geo
        zero.zeroRule = .zero
        let r = try IndexPipeline.run(panel: panel, configuration: zero)
        #expect(r.score("I", unit: "U", period: 0) == 0)
    }

    @Test func imputationMethods() throws {
        let s = try IndexStructure(nodes: [IndexNode(code: "a", parent: "I"), IndexNode(code: "I", parent: nil)])
        let panel = try Panel.from(
            observations: [
                ("U1", "a", 2020, 1), ("U2", "a", 2020, 3), ("U3", "a", 2020, 8), ("U4", "a", 2020, nil),
                ("U1", "a", 2021, nil), ("U2", "a", 2021, 4), ("U3", "a", 2021, 10), ("U4", "a", 2021, 6),
            ], groups: ["g": ["U1": "x", "U2": "x", "U3": "y", "U4": "y"]])
        func imputed(_ chain: [ImputationMethod]) throws -> DataMatrix {
            let c = IndexConfiguration(structure: s, imputation: StepRules(chain), treatment: StepRules(.none))
            return try #require(try IndexPipeline.run(panel: panel, configuration: c).stages[.imputed])
        }
        #expect(try imputed([.indicatorMean]).value("a", unit: "U4", period: 2020) == 4)
        #expect(try imputed([.indicatorMedian]).value("a", unit: "U1", period: 2021) == 6)
        #expect(try imputed([.groupMean(group: "g")]).value("a", unit: "U4", period: 2020) == 8)
        #expect(try imputed([.groupMean(group: "g")]).value("a", unit: "U1", period: 2021) == 4)
        #expect(try imputed([.carryForward(maxPeriods: nil)]).value("a", unit: "U1", period: 2021) == 1)
        #expect(try imputed([.carryForward(maxPeriods: nil)]).value("a", unit: "U4", period: 2020) == nil)
        #expect(try imputed([.carryBackward(maxPeriods: 1)]).value("a", unit: "U4", period: 2020) == 6)
    }

    @Test func screeningExcludesSparseUnits() throws {
        let s = try IndexStructure(nodes: [
            IndexNode(code: "a", parent: "I"), IndexNode(code: "b", parent: "I"),
            IndexNode(code: "c", parent: "I"), IndexNode(code: "I", parent: nil),
        ])
        let panel = try Panel.from(observations: [
            ("U1", "a", 0, 1), ("U1", "b", 0, 2), ("U1", "c", 0, 3),
            ("U2", "a", 0, 4), ("U2", "b", 0, nil), ("U2", "c", 0, nil),
            ("U3", "a", 0, 7), ("U3", "b", 0, 8), ("U3", "c", 0, 9),
        ])
        let config = IndexConfiguration(
            structure: s, screening: ScreeningOptions(), imputation: StepRules([.indicatorMean]))
        let r = try IndexPipeline.run(panel: panel, configuration: config)
        #expect(r.score("I", unit: "U2", period: 0) == nil)
        #expect(r.screening.first { $0.unit == "U2" }?.included == false)
        #expect(r.score("I", unit: "U1", period: 0) != nil)
    }
}
