import Foundation
import KembarCore
import Testing

/// The founding case (Handayani & Zahidi 2024) as of 2023-12-31: the evaluation must say what the paper concludes.
@Suite struct FoundingEvaluationTests {
    let evaluation: PartnershipEvaluation

    init() throws {
        evaluation = try Evaluator.evaluate(
            try Bundled.founding(), partnership: "surabaya-liverpool", framework: "cohen-smart-city-wheel",
            library: try Bundled.library(), asOf: day("2023-12-31"))
    }

    @Test("everything delivered falls under smart people")
    func onlySmartPeople() throws {
        #expect(evaluation.dimensionsReached.map(\.node) == ["people"])
        #expect(evaluation.dimensions.map(\.node).count == 6)
        let people = try #require(evaluation.dimensions.first { $0.node == "people" })
        #expect(people.reach == Reach(activities: 8, participants: 712, approximate: true, activitiesWithoutCount: 2))
        #expect(people.first == ymd("2018") && people.last == ymd("2022-09-02"))
        #expect(
            people.evidence.count == 8 && people.evidence.allSatisfy { $0.sources.contains("handayani-zahidi-2024") })
        #expect(people.subdimensions.map(\.node) == ["people.21st-century-education", "people.inclusive-society"])
        #expect(evaluation.unplaced.isEmpty && evaluation.unmappedTags.isEmpty)
        #expect(evaluation.notCounted.isEmpty)
    }

    @Test("participants by role keep the approximate flag")
    func rolesAndPersonDays() throws {
        let people = try #require(evaluation.dimensions.first { $0.node == "people" })
        let teachers = try #require(people.roles.first { $0.role == "teacher" })
        #expect(teachers.count == 2 + 3 + 237 + 200 && teachers.approximate)
        let pupils = try #require(people.roles.first { $0.role == "pupil" })
        #expect(pupils.count == 17 && !pupils.approximate)
        // 42 days × 11 people (six-week study) + 1 day × ~237 + 1 day × ~200 (webinars); the rest lack a length
        // (year-only dates) or a participant count.
        #expect(people.personDays.value == 899 && people.personDays.approximate)
        #expect(people.personDays.notComputable.count == 5)
    }

    @Test("soft infrastructure only")
    func softOnly() {
        #expect(evaluation.infrastructure.soft.activities == 8)
        #expect(evaluation.infrastructure.hard.activities == 0)
        #expect(evaluation.infrastructure.unspecified.activities == 0)
    }

    /// The paper: the programmes served "baik … smart city maupun pengembangan sdm", and the smart-city field "telah
    /// dilaksanakan melalui program pengembangan smart people" — two fields of four, the other two undelivered.
    @Test("two MoU fields of four implemented (smart city through smart people, and HR); the other two named")
    func mouImplementation() {
        let mou = evaluation.mou
        #expect(mou.basis == .inForce && mou.agreements == ["sbylpl-2018-mou"])
        #expect(mou.agreed == ["smart-city", "creative-economy", "port-management", "hr-development"])
        #expect(mou.implemented == ["smart-city", "hr-development"])
        #expect(mou.undelivered == ["creative-economy", "port-management"])
        #expect(mou.ratio == 0.5)
        #expect(mou.activitiesPerField["hr-development"] == 8 && mou.activitiesPerField["smart-city"] == 8)
        // Everything came after the MoU: nothing is set apart as pre-agreement work.
        #expect(mou.beforeAgreement.activities.isEmpty)
    }

    @Test("activities and participants per year match the paper")
    func perYear() {
        let byYear = Dictionary(uniqueKeysWithValues: evaluation.years.map { ($0.year, $0.reach) })
        #expect(evaluation.years.map(\.year) == Array(2017...2023))
        #expect(byYear[2018] == Reach(activities: 1, participants: 12))
        #expect(byYear[2019] == Reach(activities: 2, participants: 13))
        #expect(byYear[2020] == Reach(activities: 2, participants: 250, approximate: true, activitiesWithoutCount: 1))
        #expect(byYear[2021] == Reach())
        #expect(byYear[2022] == Reach(activities: 3, participants: 437, approximate: true, activitiesWithoutCount: 1))
    }

    @Test("status, reciprocity, continuity and key elements")
    func statusAndElements() {
        #expect(evaluation.status.status == .active)
        #expect(evaluation.status.endDateUnknown)
        #expect(evaluation.status.reason.date == ymd("2022-09-02"))
        // Three delegations went to Liverpool, one came to Surabaya, three sessions were online and the book was
        // posted: nobody carried it.
        #expect(evaluation.reciprocity.toPartner.activities == 3)
        #expect(evaluation.reciprocity.fromPartner.activities == 1)
        #expect(evaluation.reciprocity.joint.activities == 3)
        #expect(evaluation.reciprocity.remote.activities == 1)
        #expect(evaluation.continuity.since == 2017 && evaluation.continuity.yearsInSpan == 7)
        #expect(evaluation.continuity.activeYears == [2018, 2019, 2020, 2022])
        #expect(evaluation.continuity.longestGap == Continuity.Gap(from: 2017, to: 2017))
        let judgements = evaluation.keyElements.map(\.judgement)
        #expect(judgements == [.met, .met, .met, .met, .partlyMet])
        // The paper reports outputs and participants but no quantified result: results are partly met.
        #expect(evaluation.keyElement(.results)?.branch == "outputs-only")
        #expect(evaluation.multiDimensional.isEmpty && evaluation.status.ongoingWithoutEnd.isEmpty)
    }

    @Test("the evaluation survives a JSON round trip")
    func codable() throws {
        let data = try JSONEncoder().encode(evaluation)
        #expect(try JSONDecoder().decode(PartnershipEvaluation.self, from: data) == evaluation)
    }

    @Test("the settings' official roles are written sorted, so one evaluation is always the same bytes")
    func officialRolesInOrder() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(EvaluationSettings())) as? [String: Any]
        let roles = try #require(json?["officialRoles"] as? [String])
        #expect(roles == ["civil-servant", "delegate", "diplomat", "mayor", "official", "staff"])
    }

    @Test("against Kominfo through the crosswalk everything is smart society")
    func kominfo() throws {
        let kominfo = try Evaluator.evaluate(
            try Bundled.founding(), partnership: "surabaya-liverpool",
            framework: "id-kominfo-gerakan-menuju-100-smart-city", library: try Bundled.library(),
            asOf: day("2023-12-31"))
        #expect(kominfo.dimensionsReached.map(\.node) == ["society"])
        #expect(kominfo.dimensionsReached.first?.reach.activities == 8)
        #expect(kominfo.crosswalksUsed == ["kembar-cohen-to-kominfo"])
        // The Amalia tags have no crosswalk to Kominfo: listed with the reason, though other tags place every activity.
        let amaliaPeople = FrameworkTag(framework: "amalia-2023-six-indicators", node: "people")
        let amalia = try #require(kominfo.unmappedTags.first { $0.tag == amaliaPeople })
        #expect(amalia.reason == .noCrosswalk && amalia.activities.count == 8 && amalia.activitiesLeftUnplaced.isEmpty)
        #expect(kominfo.unplaced.isEmpty)
        // Cohen's mobility maps onto Kominfo's sub-dimension living.mobility, so transport initiatives are Smart Living.
        let living = try #require(kominfo.dimensions.first { $0.node == "living" })
        #expect(living.initiatives.contains { $0.key == "bus-suroboyo-signal-priority" })
    }

    @Test("unknown partnership or framework is an error")
    func errors() throws {
        #expect(throws: EvaluationError.unknownPartnership("nowhere")) {
            try Evaluator.evaluate(
                try Bundled.founding(), partnership: "nowhere", framework: "cohen-smart-city-wheel",
                library: try Bundled.library(), asOf: day("2023-12-31"))
        }
        #expect(throws: EvaluationError.unknownFramework("nothing")) {
            try Evaluator.evaluate(
                try Bundled.founding(), partnership: "surabaya-liverpool", framework: "nothing",
                library: try Bundled.library(), asOf: day("2023-12-31"))
        }
    }
}

@Suite struct CrosswalkTests {
    @Test("a sub-dimension maps through its nearest mapped ancestor")
    func ancestor() throws {
        let library = try Bundled.library()
        let kominfo = try #require(library.framework("id-kominfo-gerakan-menuju-100-smart-city"))
        let resolver = TagResolver(target: kominfo, library: library)
        let tag = FrameworkTag(framework: "cohen-smart-city-wheel", node: "people.inclusive-society")
        #expect(try resolver.resolve(tag).get() == ["society"])
    }

    @Test("identity, unknown node, missing crosswalk and a node outside a partial crosswalk")
    func failures() throws {
        let library = try Bundled.library()
        let kominfo = try #require(library.framework("id-kominfo-gerakan-menuju-100-smart-city"))
        let resolver = TagResolver(target: kominfo, library: library)
        #expect(try resolver.resolve(FrameworkTag(framework: kominfo.id, node: "branding")).get() == ["branding"])
        #expect(resolver.resolve(FrameworkTag(framework: kominfo.id, node: "nope")) == .failure(.init(.unknownNode)))
        #expect(
            resolver.resolve(FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC")) == .failure(.init(.noCrosswalk)))
        // The sourced Giffinger → Kominfo crosswalk names only economy.4 and economy.6.
        let giffinger = FrameworkTag(framework: "giffinger-2007-european-smart-cities", node: "economy.4")
        #expect(try resolver.resolve(giffinger).get() == ["society"])
        let people = FrameworkTag(framework: "giffinger-2007-european-smart-cities", node: "people.1")
        #expect(resolver.resolve(people) == .failure(.init(.notInCrosswalk)))
    }

    @Test("an activity no tag places is listed as unplaced, with its tag")
    func unplacedActivity() throws {
        let data = Synthetic.dataset(
            agreements: [Synthetic.agreement("mou", signed: "2020-01-01")],
            activities: [
                Synthetic.activity("a1", "2021-02-01", tags: [FrameworkTag(framework: "itu-u4ssc-kpis", node: "SC")])
            ])
        let evaluation = try Synthetic.evaluate(data, asOf: "2021-12-31")
        #expect(evaluation.unplaced == ["a1"])
        #expect(evaluation.unmappedTags.first?.activitiesLeftUnplaced == ["a1"])
        #expect(evaluation.dimensionsReached.isEmpty)
        #expect(evaluation.delivered.activities == 1)
    }
}

@Suite struct StatusShortcutTests {
    @Test func statusAloneEqualsTheFullEvaluations() throws {
        let data = try Bundled.founding()
        let library = try Bundled.library()
        for day in [
            Day(year: 2016, month: 6, day: 1), Day(year: 2019, month: 1, day: 1), Day(year: 2023, month: 12, day: 31),
            Day(year: 2026, month: 11, day: 29),
        ] {
            let full = try Evaluator.evaluate(
                data, partnership: "surabaya-liverpool", framework: "cohen-smart-city-wheel", library: library,
                asOf: day)
            #expect(Evaluator.status(data, partnership: "surabaya-liverpool", asOf: day) == full.status)
        }
    }
}
