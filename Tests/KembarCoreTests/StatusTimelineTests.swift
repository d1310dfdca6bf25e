import Testing

@testable import KembarCore

/// The status timeline must agree with `Evaluator.status` on every day.
@Suite struct StatusTimelineTests {
    typealias S = Synthetic

    /// SplitMix64: a tiny, seeded, deterministic generator, so a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
        mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    /// Random small partnerships: every kind of agreement, every activity status, dates of every precision (month
    /// ends favoured, where `Day.adding(months:)` clamps), and now and then unusual settings.
    struct Generator {
        var random: SplitMix64

        mutating func date(near year: Int) -> PartialDate {
            let y = year + random.int(-3...3)
            switch random.int(0...9) {
            case 0...1: return try! PartialDate(year: y)
            case 2...3: return try! PartialDate(year: y, month: random.int(1...12))
            default:
                let month = random.int(1...12)
                let last = PartialDate.daysIn(month: month, year: y)
                let day = random.chance(35) ? random.int(max(1, last - 3)...last) : random.int(1...last)
                return try! PartialDate(year: y, month: month, day: day)
            }
        }

        mutating func partnership() -> (Dataset, EvaluationSettings) {
            let year = random.int(2008...2020)
            var agreements: [Agreement] = []
            for index in 0..<random.int(0...4) {
                let kind = random.pick([
                    Agreement.Kind.mou, .mou, .renewal, .letterOfIntent, .termination, .twinningAgreement, .charter,
                    .actionPlan, .implementingArrangement, .addendum, .jointStatement, .jointDeclaration, .other,
                ])
                let signed = date(near: year)
                var until: PartialDate?
                var term: Int?
                switch random.int(0...2) {
                case 0: until = date(near: signed.year + random.int(1...5))
                case 1: term = random.int(1...5)
                default: break
                }
                agreements.append(
                    Agreement(
                        id: AgreementKey("g\(index)"), partnership: S.key, kind: kind,
                        title: LocalizedText(en: "g\(index)"), signed: signed,
                        validFrom: random.chance(20) ? date(near: signed.year) : nil, validUntil: until,
                        termYears: term, renews: kind == .renewal ? "g0" : nil))
            }
            var activities: [Activity] = []
            for index in 0..<random.int(0...8) {
                let start = date(near: year + random.int(0...3))
                activities.append(
                    Activity(
                        id: ActivityKey("a\(index)"), partnership: S.key, kind: .exchange,
                        title: LocalizedText(en: "a\(index)"), start: start,
                        end: random.chance(40) ? date(near: start.year + random.int(0...2)) : nil,
                        durationDays: random.chance(30) ? random.int(1...400) : nil, travel: .fromCity,
                        venue: .partnerCity,
                        status: random.pick([.completed, .completed, .ongoing, .ongoing, .planned, .cancelled])))
            }
            // Another partnership's activity, which must not count.
            activities.append(
                Activity(
                    id: "elsewhere", partnership: "gamma-delta", kind: .exchange, title: LocalizedText(en: "x"),
                    start: date(near: year), travel: .none, venue: .online, status: .completed))
            let milestones = (0..<random.int(0...3)).map { index in
                Milestone(
                    id: MilestoneKey("m\(index)"), partnership: S.key, kind: .visit, date: date(near: year),
                    title: LocalizedText(en: "m\(index)"))
            }
            let settings =
                random.chance(25)
                ? EvaluationSettings(
                    dormantAfterMonths: random.pick([0, 1, 3, 12, 13, 36]),
                    renewalWindowDays: random.pick([0, 1, 30, 365]))
                : EvaluationSettings()
            return (S.dataset(agreements: agreements, activities: activities, milestones: milestones), settings)
        }
    }

    /// Every date in the data, as first and last days.
    static func dataDays(_ data: Dataset) -> [Day] {
        let dates =
            data.agreements.flatMap { [$0.signed, $0.validFrom, $0.validUntil].compactMap { $0 } }
            + data.agreements.compactMap(\.endDay).map(\.partialDate)
            + data.activities.flatMap { [$0.start, $0.end].compactMap { $0 } } + data.milestones.map(\.date)
        return dates.flatMap { [$0.firstDay, $0.lastDay] } + data.activities.map(Evaluator.lastDay(of:))
    }

    /// Spans are ordered, contiguous from the first day to the last, and merged.
    static func checkShape(_ spans: [StatusSpan], _ label: String) {
        #expect(spans.first?.from == nil && spans.last?.until == nil, "\(label): open at both ends")
        for (span, next) in zip(spans, spans.dropFirst()) {
            #expect(
                span.until != nil && span.until == next.from, "\(label): contiguous at \(String(describing: next.from))"
            )
            if let from = span.from, let until = span.until { #expect(from < until, "\(label): ordered") }
            #expect(span.status != next.status || span.also != next.also, "\(label): merged")
        }
    }

    /// The days to check, as ordinals in order: every day from `first` to `last` when `everyDay`; otherwise every
    /// tenth day, and every day within four of a span boundary, of a date in the data, or of such a date moved by the
    /// dormancy period or back by the renewal window (where `Day.adding(months:)` clamps, the change can be four days
    /// away from the plain month shift).
    static func daysToCheck(
        _ spans: [StatusSpan], _ data: Dataset, settings: EvaluationSettings, from first: Day, to last: Day,
        everyDay: Bool
    ) -> [Int] {
        let range = first.ordinal...last.ordinal
        guard !everyDay else { return Array(range) }
        let known = dataDays(data)
        let anchors =
            spans.compactMap(\.from) + known
            + known.map { $0.adding(months: settings.dormantAfterMonths) }
            + known.map { $0.adding(days: -settings.renewalWindowDays) }
        var days = Set(stride(from: first.ordinal, through: last.ordinal, by: 10))
        for anchor in anchors { days.formUnion((anchor.ordinal - 4...anchor.ordinal + 4).filter(range.contains)) }
        return days.sorted()
    }

    /// Checks the guarantee on each of `ordinals` (in order), walking the spans alongside.
    static func check(
        _ spans: [StatusSpan], _ data: Dataset, settings: EvaluationSettings, on ordinals: [Int], _ label: String
    ) {
        var index = 0
        var failures = 0
        for ordinal in ordinals {
            let day = Day(ordinal: ordinal)
            while index < spans.count - 1 && !spans[index].contains(day) { index += 1 }
            let span = spans[index]
            let finding = Evaluator.status(data, partnership: S.key, asOf: day, settings: settings)
            if !span.contains(day) || span.status != finding.status
                || span.also != finding.alsoApplies.map(\.status)
            {
                failures += 1
                if failures <= 3 {
                    Issue.record(
                        "\(label) on \(day): span \(span), status \(finding.status) also \(finding.alsoApplies.map(\.status))"
                    )
                }
            }
        }
    }

    /// The seeds of the random partnerships: four batches of 75, checked in parallel.
    static let seeds: [UInt64] = [0x4B45_4D42_4152, 0x5354_4154_5553, 0x5449_4D45_4C49, 0x4E45_5350_414E]

    static func partnerships(seed: UInt64) -> [(Dataset, EvaluationSettings)] {
        var generator = Generator(random: SplitMix64(state: seed))
        return (0..<75).map { _ in generator.partnership() }
    }

    /// 75 random partnerships a seed, over their data's dates ± 4 years: every day of it for one in fifteen, a dense
    /// sample for the others (every day of all 300, some 1.8 million, takes 25 s in a debug build).
    @Test(
        "on the days of random partnerships the timeline gives the status Evaluator.status gives",
        arguments: seeds)
    func randomPartnerships(seed: UInt64) {
        var days = 0
        var spans = 0
        for (run, (data, settings)) in Self.partnerships(seed: seed).enumerated() {
            let timeline = Evaluator.statusTimeline(data, partnership: S.key, settings: settings)
            let label = "seed \(seed) partnership \(run)"
            Self.checkShape(timeline, label)
            guard !timeline.isEmpty else { continue }
            let known = Self.dataDays(data)
            let first = (known.min() ?? Day(year: 2015, month: 1, day: 1)).adding(months: -48)
            let last = (known.max() ?? Day(year: 2015, month: 1, day: 1)).adding(months: 48)
            let ordinals = Self.daysToCheck(
                timeline, data, settings: settings, from: first, to: last, everyDay: run % 15 == 0)
            Self.check(timeline, data, settings: settings, on: ordinals, label)
            days += ordinals.count
            spans += timeline.count
        }
        // Enough days and changes that the comparison was not trivial.
        #expect(days > 50_000 && spans > 200)
    }

    @Test("every status the rule gives appears in the random timelines")
    func everyStatusAppears() {
        var seen = Set<PartnershipStatus>()
        var also = Set<PartnershipStatus>()
        for (data, settings) in Self.seeds.flatMap(Self.partnerships) {
            let timeline = Evaluator.statusTimeline(data, partnership: S.key, settings: settings)
            seen.formUnion(timeline.map(\.status))
            also.formUnion(timeline.flatMap(\.also))
        }
        #expect(seen == Set(PartnershipStatus.allCases))
        #expect(also.contains(.dormant))
    }

    @Test("dormancy starts on the exact day, month-end clamping included")
    func clampedDormancy() throws {
        // 28 February 2021 with a one-month period: 29–31 March minus a month are all 28 February, so dormancy
        // starts on 1 April.
        let data = S.dataset(
            agreements: [S.agreement("mou", signed: "2020-01-01")], activities: [S.activity("a", "2021-02-28")])
        let settings = EvaluationSettings(dormantAfterMonths: 1)
        let timeline = Evaluator.statusTimeline(data, partnership: S.key, settings: settings)
        let dormant = try #require(timeline.first { $0.status == .dormant && $0.from! > day("2021-01-01") })
        #expect(dormant.from == day("2021-04-01"))
        #expect(
            Evaluator.status(data, partnership: S.key, asOf: day("2021-03-31"), settings: settings).status == .active)
    }

    @Test("an ongoing activity keeps the partnership active until its last day, then dormancy counts from it")
    func ongoingClamp() {
        var ongoing = S.activity("a", "2019-05-01", status: .ongoing)
        ongoing.end = ymd("2020-06")
        let data = S.dataset(agreements: [S.agreement("mou", signed: "2019-01-01")], activities: [ongoing])
        let timeline = Evaluator.statusTimeline(data, partnership: S.key)
        #expect(
            timeline == [
                StatusSpan(from: nil, until: day("2019-01-01"), status: .exploring),
                StatusSpan(from: day("2019-01-01"), until: day("2022-07-01"), status: .active),
                StatusSpan(from: day("2022-07-01"), until: nil, status: .dormant),
            ])
    }

    @Test("the founding case: exploring before the MoU of 19 March 2018, and the status of 2023-12-31")
    func founding() throws {
        let data = try Bundled.founding()
        let key: PartnershipKey = "surabaya-liverpool"
        let timeline = Evaluator.statusTimeline(data, partnership: key)
        Self.checkShape(timeline, key.rawValue)
        let beforeMoU = try #require(timeline.first { $0.contains(day("2018-03-18")) })
        #expect(beforeMoU.status == .exploring && beforeMoU.from == nil && beforeMoU.until == day("2018-03-19"))
        let end2023 = try #require(timeline.first { $0.contains(day("2023-12-31")) })
        let finding = Evaluator.status(data, partnership: key, asOf: day("2023-12-31"))
        #expect(end2023.status == finding.status && end2023.also == finding.alsoApplies.map(\.status))
        #expect(end2023.status == .active)
    }
}
