import Foundation
import Testing

@testable import KembarCore

@Suite struct CSVTests {
    @Test func parsesQuotesCommasAndLineBreaks() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"she said \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n"
        let table = try CSVTable(parsing: text)
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.cells) == [["1", "x, y", "she said \"hi\""], ["2", "two\nlines", ""]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func renderRoundTrips() throws {
        let rows = [["1", "x, y", "q\"uote"], ["2", "multi\nline", ""]]
        let table = try CSVTable(parsing: CSVTable.render(header: ["a", "b", "c"], rows: rows))
        #expect(table.rows.map(\.cells) == rows)
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: InvalidInput.self) { try CSVTable(parsing: "a,b\n1,\"open\n") }
    }

    @Test func readsActivitiesWithApproximateCounts() throws {
        let text = """
            key,partnership,kind,title_en,start,end,mode,status,participants,organisations,tags,fields,sources
            sby-2020-online,surabaya-liverpool,training,Online training,2020,,online,completed,coach=~250,tranmere-rovers-fc:trainer,cohen-smart-city-wheel:people,hr-development,handayani-zahidi-2024

            """
        let data = try RecordCSV.decode(text, file: "a.csv")
        let activity = try #require(data.activities.first)
        #expect(activity.participants == [Participants(role: "coach", count: 250, approximate: true)])
        #expect(activity.tags == [FrameworkTag(framework: "cohen-smart-city-wheel", node: "people")])
        #expect(activity.organisations == [OrganisationRole(organisation: "tranmere-rovers-fc", role: .trainer)])
        #expect(RecordCSV.encode(data.activities).contains("coach=~250"))
    }

    @Test func reportsEveryBadCellWithItsLine() throws {
        let text = """
            key,partnership,kind,title_en,start,end,mode,status,participants
            ok-row,p,training,Fine,2020,,online,completed,pupil=3
            bad-row,p,lecture,,2020-02-30,,by-boat,completed,pupil=three
            """
        do {
            _ = try RecordCSV.decode(text, file: "activities.csv")
            Issue.record("a bad row must fail the file")
        } catch {
            #expect(error.violations.map(\.location) == Array(repeating: "activities.csv:3", count: 5))
            #expect(error.violations.map(\.field) == ["kind", "title_en", "start", "mode", "participants"])
            #expect(error.violations[2].detail == "day 30 does not exist in that month")
        }
    }

    @Test func readsObservationsWithDecimalCommaAndDerivedKeys() throws {
        let text = "city,indicator,period,value,unit\nsurabaya,itu-u4ssc-kpis:SC:SH:SI:3C,2023-03,\"10,35\",%\n"
        let data = try RecordCSV.decode(text, file: "obs.csv")
        let observation = try #require(data.observations.first)
        #expect(observation.value == 10.35)
        #expect(observation.indicator.node == "SC:SH:SI:3C")
        #expect(observation.id.rawValue == "surabaya.itu-u4ssc-kpis.sc-sh-si-3c.2023-03")
        #expect(observation.id.isWellFormed)
    }

    @Test func unknownHeaderIsRejected() {
        #expect(throws: InvalidInput.self) { try RecordCSV.decode("name,age\nx,1\n", file: "people.csv") }
    }

    @Test func aColumnNamedTwiceIsRefusedAndEveryRowStillChecked() {
        let text = "city,indicator,period,value,Period \nsurabaya,f:n,2023,1,2024\nsurabaya,f:n,2023-13,x,2023\n"
        let result = RecordCSV.read(text, file: "obs.csv")
        #expect(
            result.problems == [
                Violation(
                    location: "obs.csv:1", field: "period", value: "period", rule: .fieldDuplicated,
                    detail: "the column is named twice, as columns 3 and 5"),
                Violation(
                    location: "obs.csv:3", field: "period", value: "2023-13", rule: .valueInvalid,
                    detail: "month 13 is outside 1–12"),
                Violation(
                    location: "obs.csv:3", field: "value", value: "x", rule: .valueInvalid, detail: "a finite number"),
            ])
        #expect(throws: InvalidInput.self) { try RecordCSV.decode(text, file: "obs.csv") }
    }

    @Test func everyFoundingRecordSurvivesItsFlatForm() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KembarStorage/Bundled/founding.json")
        let data = try DatasetCodec.decode(try Data(contentsOf: url))
        func check<T: FlatCodable & Equatable>(_ records: [T]) throws {
            for record in records { #expect(try T.read(record.flat) == record) }
        }
        try check(data.activities)
        try check(data.observations)
        try check(data.cities)
        try check(data.organisations)
        try check(data.partnerships)
        try check(data.agreements)
        try check(data.milestones)
        try check(data.sources)
        try check(data.fields)
        try check(data.initiatives.filter { $0.figures.isEmpty })
    }

    @Test func formErrorsNameTheirColumn() {
        #expect(Activity.column(for: "participants[0].count") == "participants")
        #expect(Activity.column(for: "title") == "title_en")
        #expect(Activity.column(for: "end") == "end")
        #expect(Activity.column(for: "id") == "key")
        do {
            _ = try City.read([
                "key": "bogor", "name_id": "Kota Bogor", "country": "ID", "admin_level": "city", "latitude": "-6.6",
            ])
            Issue.record("longitude missing must fail")
        } catch {
            #expect(error.violations.map(\.field) == ["longitude"])
        }
    }
}
