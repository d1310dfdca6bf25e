import KembarCore
import Testing

@Suite struct CityProfileTests {
    @Test("Surabaya's initiatives per Cohen dimension, poverty falling (better), full coverage")
    func surabaya() throws {
        let profile = try Evaluator.profile(
            try Bundled.founding(), city: "surabaya", framework: "cohen-smart-city-wheel",
            library: try Bundled.library())
        let counts = Dictionary(uniqueKeysWithValues: profile.dimensions.map { ($0.node, $0.initiatives.count) })
        #expect(counts == ["government": 4, "people": 2, "living": 2, "mobility": 3, "economy": 2, "environment": 2])
        #expect(profile.uncovered.isEmpty && profile.covered.count == 6)
        let poverty = try #require(profile.indicators.first)
        #expect(poverty.indicator == FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC:SH:SI:3C"))
        #expect(poverty.series.map(\.value) == [10.65, 10.49, 10.35])
        #expect(poverty.latest?.period == ymd("2023-03") && poverty.latest?.sources.contains("bps-jatim-2023") == true)
        #expect(poverty.trend == .falling && poverty.assessment == .better)
        #expect(abs((poverty.change ?? 0) + 0.14) < 1e-9)
        // No crosswalk leads from the U4SSC KPIs to Cohen's wheel, so the indicator has no dimension.
        #expect(poverty.dimension == nil)
    }

    @Test("an as-of date leaves later observations out")
    func asOf() throws {
        let profile = try Evaluator.profile(
            try Bundled.founding(), city: "surabaya", framework: "cohen-smart-city-wheel",
            library: try Bundled.library(), asOf: day("2022-12-31"))
        #expect(profile.indicators.first?.series.count == 2)
    }

    @Test("Liverpool has nothing recorded: every dimension uncovered")
    func liverpool() throws {
        let profile = try Evaluator.profile(
            try Bundled.founding(), city: "liverpool", framework: "cohen-smart-city-wheel",
            library: try Bundled.library())
        #expect(profile.covered.isEmpty && profile.uncovered.count == 6 && profile.indicators.isEmpty)
    }

    @Test("comparison: initiatives and hosted activities per dimension")
    func comparison() throws {
        let comparison = try Evaluator.compare(
            try Bundled.founding(), partnership: "surabaya-liverpool", framework: "cohen-smart-city-wheel",
            library: try Bundled.library(), asOf: day("2023-12-31"))
        let people = try #require(comparison.rows.first { $0.node == "people" })
        #expect(people.initiatives == 2 && people.partnerInitiatives == 0)
        // Held in Surabaya: the coaching clinic; in Liverpool: three delegations; online or by post: four.
        #expect(people.hostedByCity == 1 && people.hostedByPartner == 3 && people.joint == 4)
        #expect(comparison.rows.filter { $0.node != "people" }.allSatisfy { $0.hostedByCity + $0.hostedByPartner == 0 })
        #expect(comparison.sharedIndicators.isEmpty)
        #expect(comparison.onlyCity == [FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC:SH:SI:3C")])
        #expect(comparison.partner?.city == "liverpool")
    }

    @Test("shared indicators compare the latest values")
    func shared() throws {
        var data = Synthetic.dataset(agreements: [])
        let tag = FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC:SH:SI:3C")
        data.observations = [
            Observation(id: "a1", city: "alpha", indicator: tag, period: ymd("2020"), value: 12),
            Observation(id: "a2", city: "alpha", indicator: tag, period: ymd("2021"), value: 11),
            Observation(id: "b1", city: "beta", indicator: tag, period: ymd("2021"), value: 15),
        ]
        let comparison = try Evaluator.compare(
            data, partnership: Synthetic.key, framework: Synthetic.cohen, library: try Bundled.library(),
            asOf: day("2022-01-01"))
        #expect(comparison.sharedIndicators.count == 1)
        #expect(
            comparison.sharedIndicators.first?.city.value == 11
                && comparison.sharedIndicators.first?.partner.value == 15)
        #expect(comparison.city.indicators.first?.assessment == .better)
        #expect(comparison.partner?.indicators.first?.trend == .single)
    }
}
