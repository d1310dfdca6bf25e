import Foundation
import KembarTestSupport
import Testing

@Suite struct IndexCLITests {
    static let examples = URL(fileURLWithPath: sharedFixture("x")).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/examples/index")

    @Test func buildsTheDocumentedExample() throws {
        let spec = Self.examples.appendingPathComponent("spec.json").path
        let wide = try CLI.run([
            "index", "build", "--spec", spec, "--data", Self.examples.appendingPathComponent("data_wide.csv").path,
        ])
        let long = try CLI.run([
            "index", "build", "--spec", spec, "--data", Self.examples.appendingPathComponent("data_long.csv").path,
        ])
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(long.status == 0, "\(long.stderr)")
        let rows = long.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("unit,period,rank,Index") == true)
        #expect(rows.contains { $0.hasPrefix("BRS,2024,1,") })
        #expect(rows.count == 17)  // header + 8 cities × 2 years
    }

    @Test func uncertaintyReportsIntervalsAndPairs() throws {
        let spec = Self.examples.appendingPathComponent("spec.json").path
        let data = Self.examples.appendingPathComponent("data_long.csv").path
        let result = try CLI.run(["index", "uncertainty", "--spec", spec, "--data", data, "--pair", "BRS,SBY"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("unit,period,nominal_score,nominal_rank,median_rank,q05_rank,q95_rank"))
        #expect(result.stderr.contains("100% (1000/1000)"))
        #expect(result.stderr.contains("P(BRS ranks above SBY) = 1.000"))
        let again = try CLI.run(["index", "uncertainty", "--spec", spec, "--data", data, "--quiet"])
        #expect(again.stdout == result.stdout)
        #expect(again.stderr.isEmpty)
    }

    @Test func badInputIsNamed() throws {
        let spec = Self.examples.appendingPathComponent("spec.json").path
        let csv = sharedFixture("activities-good.csv")
        let result = try CLI.run(["index", "build", "--spec", spec, "--data", csv])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error:"))
        let missing = try CLI.run(["index", "build", "--spec", "/nonexistent/spec.json", "--data", csv])
        #expect(missing.stderr.contains("Cannot read input"))
    }

    @Test func buildsFromStoredObservations() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let result = try CLI.run(["index", "stored", "--framework", "itu-u4ssc-kpis", "--database", url])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("SC:SH:SI:3C"))
            #expect(result.stdout.contains("surabaya,2023,"))
            let none = try CLI.run([
                "index", "stored", "--framework", "itu-u4ssc-kpis", "--from", "2030", "--database", url,
            ])
            #expect(none.status != 0)
            #expect(none.stderr.contains("No observations"))
        }
    }
}
