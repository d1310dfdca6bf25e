import KembarCore
import Testing

@testable import KembarReport

@Suite struct FormatTests {
    @Test func datesInBothLanguages() throws {
        let mou = try PartialDate(parsing: "2018-03-19")
        #expect(Format.date(mou, .en) == "19 March 2018")
        #expect(Format.date(mou, .id) == "19 Maret 2018")
        #expect(Format.date(try PartialDate(parsing: "2019-06"), .id) == "Juni 2019")
        #expect(Format.date(try PartialDate(parsing: "2016"), .en) == "2016")
    }

    @Test func numbersInBothLanguages() {
        #expect(Format.decimal(10.35, .id) == "10,35")
        #expect(Format.decimal(10.35, .en) == "10.35")
        #expect(Format.decimal(10.5, .en) == "10.5")
        #expect(Format.decimal(-0.14, .en) == "−0.14")
        #expect(Format.integer(11316, .id) == "11.316")
        #expect(Format.integer(11316, .en) == "11,316")
        #expect(Format.integer(250, .en) == "250")
        #expect(Format.count(250, approximate: true, .en) == "~250")
    }

    @Test func everyRuleHasTwoDistinctMessages() {
        for rule in DomainRule.allCases {
            let en = Catalogue.rule(rule, .en)
            let id = Catalogue.rule(rule, .id)
            #expect(!en.isEmpty && !id.isEmpty && en != id, "\(rule)")
        }
        for label in Catalogue.Label.allCases {
            #expect(Catalogue.label(label, .en) != Catalogue.label(label, .id) || label == .status, "\(label)")
        }
    }

    @Test func describesAViolationCompletely() {
        let violation = Violation(
            location: "activities.csv:3", field: "end", value: "2019-05-31",
            rule: .activityEndsBeforeStart, detail: "starts 2019-06")
        #expect(
            Catalogue.describe(violation, .en)
                == "activities.csv:3 end = \"2019-05-31\": an activity cannot end before it starts [activity-ends-before-start] (starts 2019-06)"
        )
        #expect(Catalogue.describe(violation, .id).contains("kegiatan tidak dapat berakhir sebelum dimulai"))
    }
}
