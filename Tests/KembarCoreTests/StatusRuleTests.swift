import KembarCore
import Testing

/// Every status the evaluation can give, each with its reason.
@Suite struct StatusRuleTests {
    typealias S = Synthetic

    @Test("no activity for 24 months reads as dormant, with the last activity as the reason")
    func dormant() throws {
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2015-01-01")],
            activities: [S.activity("a1", "2019-03-01"), S.activity("a2", "2020-05-10")])
        let evaluation = try S.evaluate(data, asOf: "2023-01-01")
        #expect(evaluation.status.status == .dormant)
        #expect(evaluation.status.reason.date == ymd("2020-05-10"))
        #expect(evaluation.status.reason.days == day("2023-01-01").ordinal - day("2020-05-10").ordinal)
        #expect(evaluation.status.reason.threshold == 24)
        // One day short of 24 months is still active.
        #expect(try S.evaluate(data, asOf: "2022-05-10").status.status == .active)
        #expect(try S.evaluate(data, asOf: "2022-05-11").status.status == .dormant)
    }

    @Test("an MoU with no activity at all since signing reads as dormant, the MoU named")
    func dormantWithoutActivity() throws {
        let data = S.dataset(agreements: [S.agreement("mou", signed: "2019-01-01")])
        let evaluation = try S.evaluate(data, asOf: "2022-01-01")
        #expect(evaluation.status.status == .dormant && evaluation.status.reason.agreement == "mou")
        #expect(evaluation.status.reason.date == ymd("2019-01-01"))
    }

    @Test("the dormancy period is a setting")
    func dormantSetting() throws {
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2015-01-01")], activities: [S.activity("a1", "2021-06-01")])
        #expect(try S.evaluate(data, asOf: "2022-12-31").status.status == .active)
        let strict = EvaluationSettings(dormantAfterMonths: 12)
        #expect(try S.evaluate(data, asOf: "2022-12-31", settings: strict).status.status == .dormant)
    }

    @Test("an MoU ending in 90 days reads as renewal due, with the days left")
    func renewalDue() throws {
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2019-04-01", until: "2024-03-31")],
            activities: [S.activity("a1", "2023-10-01")])
        let evaluation = try S.evaluate(data, asOf: "2024-01-01")
        #expect(evaluation.status.status == .renewalDue)
        #expect(evaluation.status.reason.days == 90 && evaluation.status.reason.agreement == "mou")
        #expect(evaluation.status.reason.date == ymd("2024-03-31"))
        #expect(evaluation.status.reason.threshold == 180)
        // 181 days ahead is outside the window.
        #expect(try S.evaluate(data, asOf: "2023-10-02").status.status == .active)
    }

    @Test("a term in years gives the end day; a renewal in force clears renewal due")
    func termAndRenewal() throws {
        let mou = S.agreement("mou", signed: "2019-03-19", term: 5)
        let data = S.dataset(agreements: [mou], activities: [S.activity("a1", "2023-06-01")])
        let due = try S.evaluate(data, asOf: "2023-12-31")
        #expect(due.status.status == .renewalDue && due.status.reason.date == ymd("2024-03-18"))
        let renewal = S.agreement("renewal", .renewal, signed: "2023-12-01", term: 5, renews: "mou")
        let renewed = S.dataset(agreements: [mou, renewal], activities: [S.activity("a1", "2023-06-01")])
        #expect(try S.evaluate(renewed, asOf: "2023-12-31").status.status == .active)
    }

    @Test("dormant and renewal due together: renewal due first, dormant also applies")
    func both() throws {
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2019-04-01", until: "2024-03-31")],
            activities: [S.activity("a1", "2019-10-01")])
        let evaluation = try S.evaluate(data, asOf: "2024-01-01")
        #expect(evaluation.status.status == .renewalDue)
        #expect(evaluation.status.alsoApplies.map(\.status) == [.dormant])
    }

    @Test("every agreement past its end reads as expired")
    func expired() throws {
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2016-01-01", until: "2020-12-31")],
            activities: [S.activity("a1", "2020-06-01")])
        let evaluation = try S.evaluate(data, asOf: "2021-06-01")
        #expect(evaluation.status.status == .expired)
        #expect(evaluation.status.reason.agreement == "mou" && evaluation.status.reason.date == ymd("2020-12-31"))
        #expect(evaluation.mou.basis == .everSigned)
    }

    @Test("a termination reads as terminated")
    func terminated() throws {
        let data = S.dataset(
            agreements: [
                S.agreement("mou", signed: "2016-01-01"),
                S.agreement("end", .termination, signed: "2021-01-15", fields: [], amends: "mou"),
            ],
            activities: [S.activity("a1", "2020-06-01")])
        let evaluation = try S.evaluate(data, asOf: "2022-01-01")
        #expect(evaluation.status.status == .terminated)
        #expect(evaluation.status.reason.agreement == "end" && evaluation.status.reason.date == ymd("2021-01-15"))
        // Before the termination was signed it did not count.
        #expect(try S.evaluate(data, asOf: "2020-12-31").status.status == .active)
    }

    @Test("only milestones or a letter of intent reads as exploring")
    func exploring() throws {
        let milestone = Milestone(
            id: "visit", partnership: S.key, kind: .exploration, date: ymd("2016"), title: LocalizedText(en: "Visit"))
        let onlyMilestone = S.dataset(agreements: [], milestones: [milestone])
        let first = try S.evaluate(onlyMilestone, asOf: "2017-01-01")
        #expect(first.status.status == .exploring && first.status.reason.date == ymd("2016"))
        let intent = S.dataset(
            agreements: [S.agreement("loi", .letterOfIntent, signed: "2017-05-17", fields: [])], milestones: [milestone]
        )
        let second = try S.evaluate(intent, asOf: "2017-12-31")
        #expect(second.status.status == .exploring && second.status.reason.agreement == "loi")
        // An MoU signed after the evaluation date does not count yet.
        let later = S.dataset(agreements: [S.agreement("mou", signed: "2018-03-19")])
        #expect(try S.evaluate(later, asOf: "2018-01-01").status.status == .exploring)
    }

    @Test("planned, cancelled and future activities are not counted")
    func notCounted() throws {
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2020-01-01")],
            activities: [
                S.activity("done", "2020-06-01"), S.activity("plan", "2020-07-01", status: .planned),
                S.activity("off", "2020-08-01", status: .cancelled), S.activity("future", "2021-03-01"),
            ])
        let evaluation = try S.evaluate(data, asOf: "2020-12-31")
        #expect(evaluation.delivered.activities == 1)
        #expect(Set(evaluation.notCounted) == ["plan", "off", "future"])
    }
}

/// Each branch of each UNDP key-element rule.
@Suite struct KeyElementRuleTests {
    typealias S = Synthetic

    func element(_ element: KeyElement, _ data: Dataset, asOf: String) throws -> KeyElementFinding {
        try #require(try S.evaluate(data, asOf: asOf).keyElement(element))
    }

    @Test("legal agreement: in force, ended, intent only, none, terminated")
    func legalAgreement() throws {
        let inForce = S.dataset(agreements: [S.agreement("mou", signed: "2018-01-01")])
        #expect(try element(.legalAgreement, inForce, asOf: "2019-01-01").judgement == .met)
        let ended = S.dataset(agreements: [S.agreement("mou", signed: "2010-01-01", until: "2014-12-31")])
        #expect(try element(.legalAgreement, ended, asOf: "2019-01-01").branch == "binding-ended")
        #expect(try element(.legalAgreement, ended, asOf: "2019-01-01").judgement == .partlyMet)
        let intent = S.dataset(agreements: [S.agreement("loi", .letterOfIntent, signed: "2018-01-01")])
        #expect(try element(.legalAgreement, intent, asOf: "2019-01-01").branch == "only-intent")
        let none = S.dataset(agreements: [])
        #expect(try element(.legalAgreement, none, asOf: "2019-01-01").judgement == .notMet)
        let terminated = S.dataset(agreements: [
            S.agreement("mou", signed: "2010-01-01"), S.agreement("end", .termination, signed: "2015-01-01"),
        ])
        #expect(try element(.legalAgreement, terminated, asOf: "2019-01-01").branch == "terminated")
    }

    @Test("community participation: community, officials only, nothing recorded, no activity")
    func community() throws {
        let mou = [S.agreement("mou", signed: "2018-01-01")]
        let pupils = S.dataset(agreements: mou, activities: [S.activity("a", "2018-05-01")])
        #expect(try element(.communityParticipation, pupils, asOf: "2019-01-01").judgement == .met)
        let officials = S.dataset(
            agreements: mou,
            activities: [S.activity("a", "2018-05-01", participants: [Participants(role: "official", count: 4)])])
        #expect(try element(.communityParticipation, officials, asOf: "2019-01-01").judgement == .notMet)
        let school = Organisation(id: "school", name: LocalizedText(en: "School"), kind: .school, country: "GB")
        let viaSchool = S.dataset(
            agreements: mou,
            activities: [
                S.activity(
                    "a", "2018-05-01", participants: [],
                    organisations: [OrganisationRole(organisation: "school", role: .host)])
            ], organisations: [school])
        #expect(try element(.communityParticipation, viaSchool, asOf: "2019-01-01").judgement == .met)
        let blank = S.dataset(agreements: mou, activities: [S.activity("a", "2018-05-01", participants: [])])
        #expect(try element(.communityParticipation, blank, asOf: "2019-01-01").branch == "nothing-recorded")
        let idle = S.dataset(agreements: mou)
        #expect(try element(.communityParticipation, idle, asOf: "2019-01-01").judgement == .notEnoughData)
    }

    @Test("commitment and continuity: regular, irregular, lapsed, no activity, too early")
    func commitment() throws {
        let mou = [S.agreement("mou", signed: "2018-01-01")]
        let regular = S.dataset(
            agreements: mou, activities: ["2018", "2019", "2021"].map { S.activity("a\($0)", "\($0)-05-01") })
        let met = try element(.commitmentContinuity, regular, asOf: "2021-12-31")
        #expect(met.judgement == .met && met.figures["activeYears"] == 3 && met.figures["yearsInSpan"] == 4)
        let sparse = S.dataset(agreements: mou, activities: [S.activity("a", "2021-05-01")])
        #expect(try element(.commitmentContinuity, sparse, asOf: "2022-12-31").branch == "irregular")
        let lapsed = S.dataset(agreements: mou, activities: [S.activity("a", "2018-05-01")])
        #expect(try element(.commitmentContinuity, lapsed, asOf: "2020-12-31").branch == "lapsed")
        let idle = S.dataset(agreements: mou)
        #expect(try element(.commitmentContinuity, idle, asOf: "2019-06-01").judgement == .notMet)
        #expect(try element(.commitmentContinuity, idle, asOf: "2018-06-01").judgement == .notEnoughData)
    }

    @Test("reciprocity: both directions, one and joint, joint only, one direction, too few")
    func reciprocity() throws {
        let mou = [S.agreement("mou", signed: "2018-01-01")]
        func judged(_ modes: [Activity.LegacyMode]) throws -> KeyElementFinding {
            let acts = modes.enumerated().map {
                S.activity("a\($0.offset)", "2018-0\($0.offset + 2)-01", mode: $0.element)
            }
            return try element(.reciprocity, S.dataset(agreements: mou, activities: acts), asOf: "2018-12-31")
        }
        #expect(try judged([.outbound, .inbound]).judgement == .met)
        #expect(try judged([.outbound, .online]).branch == "one-direction-and-joint")
        #expect(try judged([.online, .hybrid]).branch == "joint-only")
        #expect(try judged([.outbound, .outbound]).judgement == .notMet)
        #expect(try judged([.outbound]).judgement == .notEnoughData)
    }

    @Test("results: quantified results, few fields, outputs only, nothing recorded, nothing completed")
    func results() throws {
        let waste = Figure(label: LocalizedText(en: "Waste volume"), value: -32, unit: "%", sources: ["paper"])
        func quantified(_ id: String) -> Activity {
            var activity = S.activity(id, "2018-05-01")
            activity.results = [waste]
            return activity
        }
        let two = [S.agreement("mou", signed: "2018-01-01", fields: ["education", "port"])]
        let half = S.dataset(agreements: two, activities: [quantified("a")])
        let met = try element(.results, half, asOf: "2018-12-31")
        #expect(met.judgement == .met && met.branch == "quantified-results" && met.figures["quantifiedResults"] == 1)
        let four = [S.agreement("mou", signed: "2018-01-01", fields: ["education", "port", "economy", "city"])]
        let quarter = S.dataset(agreements: four, activities: [quantified("a")])
        #expect(try element(.results, quarter, asOf: "2018-12-31").branch == "few-fields-delivered")
        let noFields = S.dataset(
            agreements: [S.agreement("mou", signed: "2018-01-01", fields: [])], activities: [quantified("a")])
        #expect(try element(.results, noFields, asOf: "2018-12-31").judgement == .met)
        let blank = S.dataset(agreements: two, activities: [S.activity("a", "2018-05-01", participants: [])])
        #expect(try element(.results, blank, asOf: "2018-12-31").judgement == .notEnoughData)
        // Outputs or participants without a quantified result show something was done, not what it achieved.
        let withOutput = S.dataset(
            agreements: two,
            activities: [S.activity("a", "2018-05-01", participants: [], outputs: [LocalizedText(en: "A book")])])
        let outputs = try element(.results, withOutput, asOf: "2018-12-31")
        #expect(outputs.judgement == .partlyMet && outputs.branch == "outputs-only")
        let ongoing = S.dataset(agreements: two, activities: [S.activity("a", "2018-05-01", status: .ongoing)])
        #expect(try element(.results, ongoing, asOf: "2018-12-31").branch == "nothing-completed")
    }
}
