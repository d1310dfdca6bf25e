import Testing

@testable import KembarCore

@Suite struct PartialDateTests {
    @Test(arguments: [("2018", PartialDate.Precision.year), ("2019-06", .month), ("2022-06-28", .day)])
    func parsesEachPrecision(text: String, precision: PartialDate.Precision) throws {
        let date = try PartialDate(parsing: text)
        #expect(date.precision == precision)
        #expect(date.description == text)
    }

    @Test(arguments: ["2018-13", "2019-02-29", "18", "2018-6", "2018-06-1", "2018/06/01", "", "２０１８"])
    func rejectsMalformedDates(text: String) {
        #expect(throws: DateError.self) { try PartialDate(parsing: text) }
    }

    @Test func leapDayExistsOnlyInLeapYears() throws {
        #expect(try PartialDate(parsing: "2020-02-29").lastDay == Day(year: 2020, month: 2, day: 29))
        #expect(throws: DateError.dayOutOfRange(29)) { try PartialDate(parsing: "2100-02-29") }
    }

    @Test func boundsOfAYearAndAMonth() throws {
        let year = try PartialDate(parsing: "2019")
        #expect(year.firstDay == Day(year: 2019, month: 1, day: 1))
        #expect(year.lastDay == Day(year: 2019, month: 12, day: 31))
        #expect(try PartialDate(parsing: "2019-06").lastDay == Day(year: 2019, month: 6, day: 30))
    }

    @Test func ordersByFirstDayThenPrecision() throws {
        let dates = try ["2019-06", "2019", "2018-03-19", "2019-01-01"].map(PartialDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["2018-03-19", "2019", "2019-01-01", "2019-06"])
    }

    @Test func dayOrdinalsRoundTripAndCountDays() {
        let mou = Day(year: 2018, month: 3, day: 19)
        #expect(Day(ordinal: mou.ordinal) == mou)
        #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(Day(year: 2023, month: 12, day: 31).ordinal - mou.ordinal == 2113)
        #expect(mou.adding(days: 365) == Day(year: 2019, month: 3, day: 19))
        #expect(Day(year: 2023, month: 3, day: 31).adding(months: 1) == Day(year: 2023, month: 4, day: 30))
    }

    @Test func arithmeticPastTheLastYearDoesNotCrash() throws {
        // A long term added to a late signing ends after 9999; it must still print, not trap.
        let mou = Agreement(
            id: "late", partnership: "p", kind: .mou, title: LocalizedText(en: "Late"),
            signed: try PartialDate(parsing: "9999-06-01"), termYears: 5)
        let end = try #require(mou.endDay)
        #expect(end.partialDate.description == "10004-05-31")
    }
}

@Suite struct KeyTests {
    @Test(arguments: ["surabaya", "surabaya-liverpool", "sbylpl-2019-06-visit", "surabaya.poverty-rate.2023-03"])
    func acceptsSlugs(text: String) { #expect(Key<City>(text).isWellFormed) }

    @Test(arguments: ["", "Surabaya", "sby liverpool", "-sby", "sby-", "sby--lpl", "sby_lpl", "kota/sby"])
    func rejectsOtherText(text: String) { #expect(!Key<City>(text).isWellFormed) }
}
