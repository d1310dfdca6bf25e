import Foundation
import Testing

@testable import KembarIndex

/// COINr's ASEM example (51 countries × 49 indicators, 4 levels): Denominate → Impute (GDP-group mean) → Treat →
/// Normalise → Aggregate, compared stage by stage with COINr's exported data sets.
enum ASEM {
    static let groups: Set<String> = ["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"]

    static func text(_ name: String) throws -> String { try fixtureText(name, "csv", subdirectory: "Fixtures/asem") }

    static func panel() throws -> Panel {
        try CSVData.loadWide(
            try text("asem_idata"),
            options: CSVOptions(
                unitColumn: "uCode", periodColumn: "Time", groupColumns: groups, ignoreColumns: ["uName"]))
    }

    /// Structure and denominations from COINr's iMeta table.
    static func metadata() throws -> (IndexStructure, [String: Denomination]) {
        let rows = try CSVData.parse(try text("asem_imeta"))
        let header = rows[0].fields
        func col(_ n: String) -> Int { header.firstIndex(of: n) ?? 0 }
        var nodes: [IndexNode] = []
        var denominations: [String: Denomination] = [:]
        for row in rows.dropFirst() {
            let f = row.fields
            let type = f[col("Type")]
            guard type == "Indicator" || type == "Aggregate" else { continue }
            let parent = f[col("Parent")]
            nodes.append(
                IndexNode(
                    code: f[col("iCode")], parent: parent == "NA" ? nil : parent,
                    weight: Double(f[col("Weight")]) ?? 1, direction: Int(f[col("Direction")]) ?? 1))
            let d = f[col("Denominator")]
            if type == "Indicator" && d != "NA" && !d.isEmpty { denominations[f[col("iCode")]] = Denomination(by: d) }
        }
        return (try IndexStructure(nodes: nodes), denominations)
    }

    static func configuration() throws -> IndexConfiguration {
        let (structure, denominations) = try metadata()
        return IndexConfiguration(
            structure: structure, denomination: denominations,
            imputation: StepRules([.groupMean(group: "GDP_group")]))
    }

    /// A COINr export as unit → code → value.
    static func table(_ name: String) throws -> [String: [String: Double]] {
        let rows = try CSVData.parse(try text(name))
        let header = rows[0].fields
        var out: [String: [String: Double]] = [:]
        for row in rows.dropFirst() {
            var values: [String: Double] = [:]
            for (k, h) in header.enumerated() where k > 0 { values[h] = Double(row.fields[k]) ?? .nan }
            out[row.fields[0]] = values
        }
        return out
    }
}

@Suite("COINr ASEM example")
struct ASEMTests {
    func compare(_ matrix: DataMatrix, with name: String, codes: [String]? = nil) throws {
        let expected = try ASEM.table(name)
        #expect(expected.count == 51)
        var checked = 0
        for code in codes ?? matrix.codes {
            let column = try #require(matrix.column(code, period: 2018), "\(code)")
            let want = matrix.units.map { expected[$0]?[code] ?? -.infinity }
            expectClose(column, want, "\(name) \(code)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func everyStageMatchesCOINr() throws {
        let result = try IndexPipeline.run(panel: try ASEM.panel(), configuration: try ASEM.configuration())
        #expect(result.units.count == 51)
        #expect(result.structure.indicators.count == 49)
        #expect(result.structure.maxLevel == 4)
        try compare(try #require(result.stages[.raw]), with: "asem_raw")
        try compare(try #require(result.stages[.denominated]), with: "asem_denominated")
        try compare(try #require(result.stages[.imputed]), with: "asem_imputed")
        try compare(try #require(result.stages[.treated]), with: "asem_treated")
        try compare(result.normalised, with: "asem_normalised")
        try compare(result.aggregated, with: "asem_aggregated")
    }

    @Test func treatmentDecisionsAreRecorded() throws {
        let result = try IndexPipeline.run(panel: try ASEM.panel(), configuration: try ASEM.configuration())
        let winsorised = result.treatment.filter { $0.status == .winsorised }.map(\.indicator)
        #expect(
            Set(winsorised) == [
                "Flights", "Bord", "Gas", "Services", "FDI", "ForPort", "CostImpEx", "Tariff", "StMob", "CultServ",
                "Forest", "Poverty", "NGOs", "FemLab", "PubDebt",
            ])
        #expect(result.treatment.first { $0.indicator == "ForPort" }?.winsorisedCount == 5)
        #expect(result.treatment.count == 49)
    }

    @Test func ranksMatchCOINrResults() throws {
        let result = try IndexPipeline.run(panel: try ASEM.panel(), configuration: try ASEM.configuration())
        let rows = try CSVData.parse(try ASEM.text("asem_results"))
        let header = rows[0].fields
        let rankCol = try #require(header.firstIndex(of: "Rank"))
        var n = 0
        for row in rows.dropFirst() {
            let unit = row.fields[0]
            #expect(result.rank("Index", unit: unit, period: 2018) == Int(row.fields[rankCol]), "\(unit)")
            n += 1
        }
        #expect(n == 51)
    }

    @Test func uncertaintyIsReproducibleAndScheduleIndependent() throws {
        let config = try ASEM.configuration()
        let panel = try ASEM.panel()
        let spec = UncertaintySpec(
            replications: 300, seed: 42, weightNoise: [WeightNoise(.level(2), factor: 0.25)], mode: .direct)
        let a = try Uncertainty.run(panel: panel, configuration: config, spec: spec)
        let b = try Uncertainty.run(panel: panel, configuration: config, spec: spec)
        #expect(a.ranks == b.ranks)
        #expect(a.q05.indices.allSatisfy { a.q05[$0] <= a.medianRank[$0] && a.medianRank[$0] <= a.q95[$0] })
        var other = spec
        other.seed = 43
        let c = try Uncertainty.run(panel: panel, configuration: config, spec: other)
        #expect(a.ranks != c.ranks)
    }
}
