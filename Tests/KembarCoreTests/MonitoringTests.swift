import Foundation
import KembarCore
import Testing

/// Plans, targets and their progress: the founding case's plan as the golden case, then every rule on small plans.
@Suite struct MonitoringTests {
    typealias S = Synthetic

    static func action(
        _ id: String, fields: [FieldKey] = ["education"], start: String? = "2020-01-01", end: String? = "2021-12-31",
        budget: Budget? = nil, targets: [Target] = []
    ) -> PlannedAction {
        PlannedAction(
            id: ActionKey(id), partnership: S.key, title: LocalizedText(en: id), fields: fields,
            start: start.map(ymd), end: end.map(ymd), budget: budget, targets: targets)
    }

    static func target(
        _ measure: Target.Measure = .participants, value: Double?, by date: String = "2021-12-31",
        baseline: Double? = nil, roles: [String] = [], unit: String? = nil
    ) -> Target {
        Target(
            id: "t", indicator: LocalizedText(en: "target"), unit: unit, measure: measure, roles: roles,
            baseline: baseline, value: value, date: ymd(date))
    }

    static func delivering(
        _ id: String, _ start: String, _ action: String, pupils: Int = 5, status: Activity.Status = .completed,
        cost: Money? = nil, results: [Figure] = []
    ) -> Activity {
        var activity = S.activity(id, start, participants: [Participants(role: "pupil", count: pupils)], status: status)
        activity.delivers = [ActionKey(action)]
        activity.cost = cost
        activity.results = results
        return activity
    }

    @Test("the founding plan: HR development and smart city delivered, creative economy and port management not")
    func foundingPlan() throws {
        let data = try Bundled.founding()
        let evaluation = try Evaluator.evaluate(
            data, partnership: "surabaya-liverpool", framework: "cohen-smart-city-wheel",
            library: try Bundled.library(), asOf: day("2023-12-31"))
        let plan = evaluation.plan
        #expect(plan.actions.count == 4)
        #expect(plan.deliveredCount == 2)
        #expect(Set(plan.plannedNotDelivered) == ["creative-economy", "port-management"])
        let delivered = Set(plan.fields.filter { !$0.delivered.isEmpty }.map(\.field))
        #expect(delivered == ["smart-city", "hr-development"])
        // Every field of the MoU has a planned action with at least one target.
        let mou = try #require(data.agreements.first { $0.id == "sbylpl-2018-mou" })
        for field in mou.fields {
            let actions = data.actions.filter { $0.fields.contains(field) && $0.agreement == mou.id }
            #expect(!actions.isEmpty && actions.allSatisfy { !$0.targets.isEmpty }, "\(field)")
        }
        func progress(_ id: String) throws -> TargetProgress {
            try #require(plan.targets.first { $0.target.id == id })
        }
        // Ten young players went to Liverpool in 2018: the target they restate is met.
        let footballers = try progress("young-footballers")
        #expect(footballers.achieved == 10 && footballers.status == .met && footballers.share == 1)
        #expect(footballers.activities == ["sbylpl-2018-u14-football-delegation"])
        // Teachers: 2 + 3 at St Vincent's, ~237 and ~200 at the two webinars; the paper leaves the target open.
        let teachers = try progress("teachers-trained")
        #expect(teachers.achieved == 442 && teachers.approximate && teachers.status == .open && teachers.share == nil)
        #expect(teachers.activities.count == 4)
        // One coach in 2018, ~250 coaches and sports teachers online in 2020.
        #expect(try progress("coaches-trained").achieved == 251)
        #expect(try progress("creative-economy-activities").achieved == 0)
        #expect(try progress("port-management-activities").activities.isEmpty)
    }

    @Test("a participant target counts the roles it names, from completed activities delivering its action")
    func participants() {
        let plan = [Self.action("a", targets: [Self.target(value: 20, roles: ["pupil"])])]
        var teachers = Self.delivering("x2", "2020-06-01", "a")
        teachers.participants = [Participants(role: "teacher", count: 40)]
        let activities = [
            Self.delivering("x1", "2020-03-01", "a", pupils: 8),
            teachers,
            Self.delivering("x3", "2020-07-01", "a", pupils: 50, status: .planned),
            Self.delivering("x4", "2020-08-01", "other", pupils: 50),
        ]
        let progress = Monitoring.progress(actions: plan, activities: activities, asOf: day("2021-01-01"))
        let target = progress.targets[0]
        #expect(target.achieved == 8)
        #expect(target.activities == ["x1"])
        #expect(target.share == 0.4)
    }

    @Test("on track, at risk, met and missed follow the value and the share of time passed")
    func statuses() {
        // Two years for 100 pupils; 10 pupils after a year is behind the pace by more than a quarter.
        let plan = [Self.action("a", targets: [Self.target(value: 100)])]
        let slow = [Self.delivering("x1", "2020-02-01", "a", pupils: 10)]
        func status(_ activities: [Activity], _ asOf: String) -> TargetProgress.Status {
            Monitoring.progress(actions: plan, activities: activities, asOf: day(asOf)).targets[0].status
        }
        #expect(status(slow, "2020-03-01") == .onTrack)
        #expect(status(slow, "2021-01-01") == .atRisk)
        #expect(status(slow, "2022-01-01") == .missed)
        let steady = slow + [Self.delivering("x2", "2020-11-01", "a", pupils: 30)]
        #expect(status(steady, "2021-01-01") == .onTrack)
        let done = steady + [Self.delivering("x3", "2021-06-01", "a", pupils: 60)]
        #expect(status(done, "2021-07-01") == .met)
        #expect(status(done, "2030-01-01") == .met)
        // The boundary: exactly a quarter behind the pace is still on track.
        let expected = Monitoring.progress(actions: plan, activities: [], asOf: day("2020-07-01")).targets[0]
        let pace = try! #require(expected.expectedShare)
        let needed = Int(((pace - Monitoring.paceTolerance) * 100).rounded(.up))
        #expect(status([Self.delivering("x", "2020-02-01", "a", pupils: needed)], "2020-07-01") == .onTrack)
        #expect(status([Self.delivering("x", "2020-02-01", "a", pupils: needed - 2)], "2020-07-01") == .atRisk)
    }

    @Test("a falling target (from a baseline down to a value) is met when the achieved figure reaches it")
    func fallingTarget() {
        let target = Self.target(.results, value: 60, baseline: 100, unit: "%")
        let plan = [Self.action("a", targets: [target])]
        let result = Figure(label: LocalizedText(en: "waste"), value: -45, unit: "%")
        let activities = [Self.delivering("x1", "2020-03-01", "a", results: [result])]
        let progress = Monitoring.progress(actions: plan, activities: activities, asOf: day("2021-01-01"))
        #expect(progress.targets[0].achieved == 55)
        #expect(progress.targets[0].status == .met)
        #expect(progress.targets[0].share == 1.125)
    }

    @Test("results count only when their unit is the target's, and not before the day")
    func resultUnits() {
        let plan = [Self.action("a", targets: [Self.target(.results, value: 1000, unit: "trees")])]
        let results = [
            Figure(label: LocalizedText(en: "planted"), value: 300, unit: "Trees "),
            Figure(label: LocalizedText(en: "area"), value: 5, unit: "ha"),
            Figure(label: LocalizedText(en: "later"), value: 700, unit: "trees", period: ymd("2022")),
        ]
        let activities = [Self.delivering("x1", "2020-03-01", "a", results: results)]
        #expect(
            Monitoring.progress(actions: plan, activities: activities, asOf: day("2021-06-01")).targets[0].achieved
                == 300)
        #expect(
            Monitoring.progress(actions: plan, activities: activities, asOf: day("2022-06-01")).targets[0].achieved
                == 1000)
    }

    @Test("budget planned and spent per currency, an activity delivering two actions spent once")
    func budget() {
        let plan = [
            Self.action("a", budget: Budget(amount: 100_000_000, currency: "IDR", funding: "APBD")),
            Self.action("b", budget: Budget(amount: 5_000, currency: "GBP")),
        ]
        var both = Self.delivering("x1", "2020-03-01", "a", cost: Money(amount: 40_000_000, currency: "IDR"))
        both.delivers = ["a", "b"]
        let activities = [
            both, Self.delivering("x2", "2020-04-01", "b", cost: Money(amount: 1_200, currency: "GBP")),
            Self.delivering("x3", "2020-05-01", "b"),
        ]
        let progress = Monitoring.progress(actions: plan, activities: activities, asOf: day("2021-01-01"))
        #expect(
            progress.budget == [
                BudgetLine(currency: "GBP", planned: 5_000, spent: 1_200),
                BudgetLine(currency: "IDR", planned: 100_000_000, spent: 40_000_000),
            ])
        #expect(progress.activitiesWithoutCost == 1)
        #expect(progress.deliveredCount == 2)
    }

    @Test("planned vs delivered per field names the fields with a plan and nothing delivered")
    func plannedNotDelivered() {
        let plan = [
            Self.action("a", fields: ["education"]), Self.action("b", fields: ["port"]),
            Self.action("c", fields: ["education", "culture"]),
        ]
        let activities = [
            Self.delivering("x1", "2020-03-01", "a"), Self.delivering("x2", "2020-03-01", "b", status: .ongoing),
        ]
        let progress = Monitoring.progress(actions: plan, activities: activities, asOf: day("2021-01-01"))
        #expect(progress.fields.map(\.field) == ["education", "port", "culture"])
        #expect(progress.fields[0].planned == ["a", "c"] && progress.fields[0].delivered == ["a"])
        // Ongoing work is delivering but has delivered nothing yet.
        #expect(progress.plannedNotDelivered == ["port", "culture"])
        #expect(progress.actions.first { $0.action == "b" }?.activities == ["x2"])
    }

    @Test("property: achieved never depends on activities that do not deliver the action or lie after the day")
    func property() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let value = Double(Int.random(in: 1...500, using: &generator))
            let plan = [Self.action("a", targets: [Self.target(value: value)])]
            let counted = (0..<Int.random(in: 0...6, using: &generator)).map {
                Self.delivering(
                    "c\($0)", "2020-0\(Int.random(in: 1...9, using: &generator))-01", "a",
                    pupils: Int.random(in: 0...50, using: &generator))
            }
            let noise = (0..<Int.random(in: 0...6, using: &generator)).map {
                $0 % 2 == 0
                    ? Self.delivering("n\($0)", "2020-05-01", "elsewhere", pupils: 99)
                    : Self.delivering("n\($0)", "2025-05-01", "a", pupils: 99)
            }
            let asOf = day("2021-01-01")
            let clean = Monitoring.progress(actions: plan, activities: counted, asOf: asOf).targets[0]
            let noisy = Monitoring.progress(actions: plan, activities: counted + noise, asOf: asOf).targets[0]
            #expect(clean.achieved == noisy.achieved && clean.status == noisy.status)
            #expect(clean.achieved == Double(counted.reduce(0) { $0 + $1.participants[0].count }))
            #expect((clean.status == .met) == (clean.achieved >= value))
        }
    }

    @Test("rules: currency, amounts, target keys, units for results, and links within the partnership")
    func rules() {
        var action = Self.action(
            "a", budget: Budget(amount: -1, currency: "rupiah"),
            targets: [
                Self.target(.results, value: .infinity), Self.target(value: -3),
            ])
        action.agreement = "elsewhere-mou"
        var references = ReferenceIndex(S.dataset(agreements: [S.agreement("mou", signed: "2019-01-01")]))
        references.fields = ["education"]
        references.agreements["elsewhere-mou"] = "other-partnership"
        let rules = action.violations(references: references).map { "\($0.field) \($0.rule.rawValue)" }
        #expect(rules.contains("budget.amount amount-negative"))
        #expect(rules.contains("budget.currency currency-code-invalid"))
        #expect(rules.contains("targets[0].value value-not-finite"))
        #expect(rules.contains("targets[0].unit value-required"))
        #expect(rules.contains("targets[1].id key-duplicated"))
        #expect(rules.contains("targets[1].value amount-negative"))
        #expect(rules.contains("agreement plan-link-invalid"))
        var activity = S.activity("x", "2020-01-01")
        activity.delivers = ["missing", "theirs"]
        activity.cost = Money(amount: 10, currency: "IDR")
        references.actions["theirs"] = "other-partnership"
        let activityRules = activity.violations(references: references).map { "\($0.field) \($0.rule.rawValue)" }
            .filter { $0.hasPrefix("delivers") || $0.hasPrefix("cost") }
        #expect(activityRules == ["delivers[0] reference-unknown", "delivers[1] plan-link-invalid"])
    }

    @Test("plans round-trip through the dataset format and the flat form")
    func roundTrip() throws {
        let data = try Bundled.founding()
        let decoded = try DatasetCodec.decode(try DatasetCodec.encode(data))
        #expect(decoded.actions == data.actions.sorted { $0.id < $1.id })
        for action in data.actions { #expect(try PlannedAction.read(action.flat) == action) }
        for activity in data.activities { #expect(try Activity.read(activity.flat) == activity) }
        var costly = data.activities[0]
        costly.cost = Money(amount: 1_250_000.5, currency: "IDR")
        #expect(try Activity.read(costly.flat) == costly)
        var budgeted = data.actions[0]
        budgeted.budget = Budget(amount: 75_000_000, currency: "IDR", funding: "APBD Kota Surabaya")
        #expect(try PlannedAction.read(budgeted.flat) == budgeted)
        // A currency without an amount, or funding without a budget, is refused beside the field.
        var values = budgeted.flat
        values["budget_amount"] = ""
        #expect(throws: InvalidInput.self) { try PlannedAction.read(values) }
    }

    @Test("planned actions and the activities delivering them come in from CSV, told apart by their columns")
    func csv() throws {
        let plans = """
            key,partnership,agreement,title_en,start,end,fields,budget_amount,budget_currency,budget_funding,targets
            sby-port-plan,surabaya-liverpool,sbylpl-2018-mou,Port staff exchange,2025,2026,port-management,"150000000",IDR,APBD,"[{""id"": ""officers"", ""indicator"": {""en"": ""Officers trained""}, ""measure"": ""participants"", ""value"": 20, ""date"": ""2026""}]"

            """
        let read = try RecordCSV.decode(plans, file: "plans.csv")
        #expect(read.actions.count == 1 && read.activities.isEmpty)
        let action = try #require(read.actions.first)
        #expect(action.budget == Budget(amount: 150_000_000, currency: "IDR", funding: "APBD"))
        #expect(action.targets.map(\.value) == [20] && action.targets[0].measure == .participants)
        #expect(try RecordCSV.decode(RecordCSV.encode([action]), file: "again.csv").actions == [action])
        let activities = """
            key,partnership,kind,title_en,start,travel,venue,status,delivers,cost_amount,cost_currency
            sby-port-visit,surabaya-liverpool,training,Port visit,2025-05,from-city,partner-city,completed,sby-port-plan,"40000000",idr

            """
        let activity = try #require(try RecordCSV.decode(activities, file: "a.csv").activities.first)
        #expect(activity.delivers == ["sby-port-plan"] && activity.cost == Money(amount: 40_000_000, currency: "IDR"))
        // A cost without its currency is named, with the row.
        let half = activities.replacingOccurrences(of: ",idr", with: ",")
        #expect(throws: InvalidInput.self) { try RecordCSV.decode(half, file: "a.csv") }
        do {
            _ = try RecordCSV.decode(half, file: "a.csv")
        } catch {
            #expect(error.violations.map(\.location) == ["a.csv:2"] && error.violations[0].field == "cost_currency")
        }
    }

    @Test("the office's report: Surabaya's partnerships as of a period's end, with what the period delivered")
    func officeReport() throws {
        let data = try Bundled.founding()
        let evaluation = try MonitoringPeriod(parsing: "2018..2023")
        let report = Monitoring.officeReport(
            data, city: "surabaya", period: evaluation, procedure: try ProcedureTests.indonesia())
        #expect(report.partnerships.map(\.partnership) == ["surabaya-kitakyushu", "surabaya-liverpool"])
        let liverpool = try #require(report.partnerships.last)
        #expect(liverpool.status.status == .active && liverpool.activities == 8 && liverpool.participants == 712)
        #expect(liverpool.participantsApproximate && liverpool.plan.deliveredCount == 2)
        #expect(liverpool.procedureStep == "implementation" && liverpool.procedureNext == "monitoring-evaluation")
        #expect(report.count(.active) == 1 && report.count(.exploring) == 1 && report.dormant.isEmpty)
        // In 2025 nothing was delivered: the partnership is dormant and the period counts no activity.
        let later = Monitoring.officeReport(data, city: "surabaya", period: try MonitoringPeriod(parsing: "2025"))
        #expect(later.partnerships.last?.status.status == .dormant && later.activities == 0)
        #expect(later.dormant.map(\.partnership) == ["surabaya-liverpool"])
        // Liverpool's report holds the same partnership, seen from the other side.
        #expect(
            Monitoring.officeReport(data, city: "liverpool", period: evaluation).partnerships.map(\.partnerCity) == [
                "surabaya"
            ])
        #expect(throws: (any Error).self) { try MonitoringPeriod(parsing: "2025..2024") }
        #expect(throws: (any Error).self) { try MonitoringPeriod(parsing: "2025-13") }
    }

    @Test("reminders: agreements ending, renewal lead time, planned actions and targets; iCalendar text per RFC 5545")
    func reminders() throws {
        var data = try Bundled.founding()
        // The founding MoU states no end; a renewal of five years from 2023 gives one.
        data.agreements.append(
            Agreement(
                id: "sbylpl-2023-renewal", partnership: "surabaya-liverpool", kind: .renewal,
                title: LocalizedText(en: "Renewed MoU, Surabaya–Liverpool; second period"), signed: ymd("2023-03-19"),
                termYears: 5, renews: "sbylpl-2018-mou"))
        let reminders = Reminders.of(data, city: "surabaya")
        let ends = try #require(reminders.first { $0.kind == .agreementEnds })
        #expect(ends.day == day("2028-03-18") && ends.record == "sbylpl-2023-renewal")
        let renew = try #require(reminders.first { $0.kind == .renewalDue })
        #expect(renew.day == day("2027-09-18") && renew.ends == day("2028-03-18"))
        #expect(
            Reminders.of(data, city: "surabaya", leadMonths: 3).first { $0.kind == .renewalDue }?.day
                == day("2027-12-18"))
        // The MoU it renews has no end of its own; five planned actions' periods and five targets.
        #expect(reminders.filter { $0.kind == .targetDue }.count == 5)
        #expect(reminders.filter { $0.kind == .actionStarts }.count == 4)
        #expect(reminders.map(\.day) == reminders.map(\.day).sorted())
        #expect(Reminders.of(data, city: "kitakyushu").isEmpty)
        // A terminated partnership reminds of nothing about its agreements.
        data.agreements.append(
            Agreement(
                id: "sbylpl-2025-end", partnership: "surabaya-liverpool", kind: .termination,
                title: LocalizedText(en: "End"), signed: ymd("2025")))
        #expect(!Reminders.of(data, city: "surabaya").contains { $0.kind == .agreementEnds })

        let text = ICalendar.calendar(
            name: "Kembar: Surabaya", stamp: Date(timeIntervalSince1970: 1_764_547_200),
            events: [
                ICalendar.Event(
                    uid: "renewal-due-x@kembar", day: day("2027-09-18"),
                    summary: "Renew the agreement with Liverpool; see notes, please",
                    description: String(repeating: "Sekolah inklusi — ", count: 10) + "\nnext line")
            ])
        let lines = text.components(separatedBy: "\r\n")
        #expect(text.hasSuffix("END:VCALENDAR\r\n") && lines.first == "BEGIN:VCALENDAR")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("DTSTART;VALUE=DATE:20270918") && lines.contains("DTEND;VALUE=DATE:20270919"))
        #expect(lines.contains("DTSTAMP:20251201T000000Z"))
        #expect(lines.contains("SUMMARY:Renew the agreement with Liverpool\\; see notes\\, please"))
        // Folded lines join back into the escaped description, with its line break as \n.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("— \\nnext line"))
    }

    @Test("property: the attention day is the first day the status rule gives at risk or missed")
    func attentionDay() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<150 {
            let value = Double(Int.random(in: 1...200, using: &generator))
            let plan = [
                Self.action(
                    "a", start: "2020-01-01", end: "2022-12-31", targets: [Self.target(value: value, by: "2022-12-31")])
            ]
            let activities = (0..<Int.random(in: 0...4, using: &generator)).map {
                Self.delivering(
                    "x\($0)", "2020-0\(Int.random(in: 1...3, using: &generator))-01", "a",
                    pupils: Int.random(in: 0...80, using: &generator))
            }
            let attention = Monitoring.attentionDay(actions: plan, activities: activities)
            var day = Day(year: 2020, month: 4, day: 1)
            while day < Day(year: 2023, month: 3, day: 1) {
                let status = Monitoring.progress(actions: plan, activities: activities, asOf: day).targets[0].status
                let behind = status == .atRisk || status == .missed
                #expect(
                    behind == (attention.map { $0 <= day } ?? false),
                    "\(day) \(status) \(String(describing: attention))")
                day = day.adding(days: 17)
            }
        }
    }
}
