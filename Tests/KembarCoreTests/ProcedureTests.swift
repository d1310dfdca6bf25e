import Foundation
import KembarCore
import Testing

/// The national procedure checklist: the founding case against Indonesia's bundled procedure, and the rules.
@Suite struct ProcedureTests {
    static func indonesia() throws -> Procedure {
        struct File: Decodable { var procedures: [Procedure] }
        let file = try JSONDecoder().decode(File.self, from: try Data(contentsOf: Bundled.url("procedures.json")))
        return try #require(file.procedures.first { $0.country == "ID" })
    }

    @Test("Indonesia's procedure has the steps of PP 28/2018 and Permendagri 25/2020, in order")
    func bundled() throws {
        let procedure = try Self.indonesia()
        #expect(
            procedure.steps.map(\.id) == [
                "exploration", "letter-of-intent", "cooperation-plan", "dprd-approval", "kemendagri-facilitation",
                "inter-ministerial-meeting", "full-power", "signing", "implementation", "monitoring-evaluation",
                "renewal",
            ])
        for step in procedure.steps {
            #expect(step.name.en != nil && step.name.id != nil && step.proof.en != nil && step.proof.id != nil)
        }
        #expect(procedure.provenance.count >= 3)
    }

    @Test("founding case: exploration, LoI, signing and implementation shown by its records; next, monitoring")
    func founding() throws {
        let data = try Bundled.founding()
        let partnership = try #require(data.partnerships.first { $0.id == "surabaya-liverpool" })
        func progress(_ partnership: Partnership) throws -> ProcedureProgress {
            ProcedureProgress.of(
                try Self.indonesia(), partnership: partnership,
                agreements: data.agreements.filter { $0.partnership == partnership.id },
                milestones: data.milestones.filter { $0.partnership == partnership.id },
                activities: data.activities.filter { $0.partnership == partnership.id })
        }
        let found = try progress(partnership)
        let states = Dictionary(uniqueKeysWithValues: found.steps.map { ($0.step.id, $0) })
        #expect(
            states["exploration"]?.date == ymd("2016")
                && states["exploration"]?.proof == .milestone("sbylpl-2016-exploration"))
        #expect(states["letter-of-intent"]?.proof == .agreement("sbylpl-2017-loi"))
        #expect(
            states["signing"]?.date == ymd("2018-03-19") && states["signing"]?.proof == .agreement("sbylpl-2018-mou"))
        #expect(states["implementation"]?.proof == .activity("sbylpl-2018-u14-football-delegation"))
        // The paper reports neither the plan, the council's approval nor the ministries' steps: not recorded.
        for step in [
            "cooperation-plan", "dprd-approval", "kemendagri-facilitation", "inter-ministerial-meeting", "full-power",
        ] {
            #expect(states[step]?.state == .notRecorded, "\(step)")
        }
        #expect(found.current?.step.id == "implementation" && found.next?.step.id == "monitoring-evaluation")
        #expect(states["renewal"]?.state == .later)

        // Recording a step: its date and document are the proof, and it is no longer missing.
        var recorded = partnership
        recorded.procedure = [
            ProcedureRecord(step: "dprd-approval", date: ymd("2017-11"), document: "Keputusan DPRD 172/2017"),
            ProcedureRecord(step: "monitoring-evaluation", date: ymd("2025-12-08"), sources: ["handayani-zahidi-2024"]),
        ]
        let after = try progress(recorded)
        #expect(after.steps.first { $0.step.id == "dprd-approval" }?.state == .done)
        #expect(after.current?.step.id == "monitoring-evaluation" && after.next?.step.id == "renewal")
        #expect(try Partnership.read(recorded.flat) == recorded)
        // A step the procedure does not have, or recorded twice, is refused.
        var wrong = recorded
        wrong.procedure.append(ProcedureRecord(step: "dprd-approval", date: ymd("2018")))
        wrong.procedure.append(ProcedureRecord(step: "blessing", date: ymd("2018")))
        var references = ReferenceIndex(data)
        references.procedureSteps = Set(try Self.indonesia().steps.map(\.id))
        let rules = wrong.violations(references: references).map { "\($0.field) \($0.rule.rawValue)" }
        #expect(rules == ["procedure[2].step key-duplicated", "procedure[3].step reference-unknown"])
    }

    @Test("a step shown by no record and none recorded: the first step is next")
    func nothingYet() throws {
        let partnership = Partnership(id: "a-b", kind: .sisterCity, city: "a", partnerCity: "b", stage: nil)
        let progress = ProcedureProgress.of(
            try Self.indonesia(), partnership: partnership, agreements: [], milestones: [], activities: [])
        #expect(progress.current == nil && progress.next?.step.id == "exploration")
        #expect(progress.steps.dropFirst().allSatisfy { $0.state == .later })
    }
}
