import Foundation
import Testing

@testable import KembarIndex

@Suite("Spec, CSV and writers")
struct SpecAndCSVTests {
    func example(_ name: String, _ ext: String) throws -> Data {
        try fixtureData(name, ext, subdirectory: "Fixtures/example")
    }

    func specError(_ json: String) -> SpecError? {
        do {
            let spec = try IndexSpec.decode(Data(json.utf8))
            _ = try spec.configuration()
            _ = try spec.uncertaintySpec()
            return nil
        } catch let e as SpecError {
            return e
        } catch {
            return SpecError(path: "?", message: "\(error)")
        }
    }

    @Test func exampleBuildsFromLongAndWideCSV() throws {
        let spec = try example("spec", "json")
        let long = try IndexRunner.build(
            specJSON: spec, dataCSV: String(decoding: try example("data_long", "csv"), as: UTF8.self))
        let wide = try IndexRunner.build(
            specJSON: spec, dataCSV: String(decoding: try example("data_wide", "csv"), as: UTF8.self))
        #expect(long.result.units.sorted() == wide.result.units.sorted())
        #expect(long.result.periods == [2023, 2024])
        for unit in long.result.units {
            for period in [2023, 2024] {
                let a = long.result.score("Index", unit: unit, period: period)
                let b = wide.result.score("Index", unit: unit, period: period)
                #expect(a != nil && a == b, "\(unit) \(period)")
            }
        }
        // MKS has no broadband value in 2024: carried forward from 2023.
        let imputed = try #require(long.result.stages[.imputed])
        #expect(imputed.value("broadband", unit: "MKS", period: 2024) == 58)
        // Goalposts for broadband: (x − 40)/(100 − 40)·100.
        let bsn = try #require(long.result.normalised.value("broadband", unit: "BSN", period: 2023))
        #expect(close(bsn, (97.0 - 40) / 60 * 100))
        // Transit trips are per resident.
        let trips = try #require(long.result.stages[.denominated]?.value("transit_trips", unit: "BDG", period: 2023))
        #expect(close(trips, 4100.0 / 2510))
    }

    @Test func csvCellsAreNeverFormulas() {
        #expect(CSVData.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVData.cell("+62 31") == "'+62 31" && CSVData.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVData.cell("-1") == "'-1" && CSVData.cell("\tx") == "'\tx")
        #expect(CSVData.cell("Surabaya, Jawa Timur") == "\"Surabaya, Jawa Timur\"")
        #expect(CSVData.cell("SBY") == "SBY")
    }

    @Test func exampleUncertaintyAndWriters() throws {
        let spec = try example("spec", "json")
        let data = String(decoding: try example("data_long", "csv"), as: UTF8.self)
        let progress = Counter()
        let (result, ua) = try IndexRunner.uncertainty(specJSON: spec, dataCSV: data) { done, total in
            #expect(done <= total)
            _ = progress.add(1)
        }
        #expect(ua.replications == 1000)
        #expect(progress.add(0) >= 1)
        let csv = ResultWriter.resultsCSV(result)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 16)
        #expect(lines[0].hasPrefix("unit,period,rank,Index,"))
        let json = ResultWriter.resultsJSON(result)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["results"] as? [Any])?.count == 16)
        let uaCSV = ResultWriter.uncertaintyCSV(ua)
        #expect(uaCSV.split(separator: "\n").count == 9)
        let pair = try #require(ua.outranking("SBY", "BSN"))
        let back = try #require(ua.outranking("BSN", "SBY"))
        #expect(close(pair.aOutranksB + back.aOutranksB + pair.tie, 1))
        let uaJSON = ResultWriter.uncertaintyJSON(ua, pairs: [pair])
        #expect((try JSONSerialization.jsonObject(with: Data(uaJSON.utf8)) as? [String: Any]) != nil)
    }

    @Test func specErrorsNameThePathAndRule() {
        let base = #"{"structure": [{"code": "a", "parent": "I"}, {"code": "b", "parent": "I"}, {"code": "I"}]"#
        #expect(specError(base + "}") == nil)
        #expect(
            specError(#"{"structure": [{"code": "a", "parent": "I", "weight": "x"}]}"#)?.path == "$.structure[0].weight"
        )
        #expect(
            specError(#"{"structure": [{"code": "a", "parent": "I", "direction": 2}, {"code": "I"}]}"#)?.path
                == "$.structure[0].direction")
        #expect(specError(#"{"structure": [{"code": "a", "parent": "X"}, {"code": "I"}]}"#)?.path == "$.structure")
        #expect(
            specError(base + #", "normalisation": {"default": {"method": "minMax", "lower": 5, "upper": 1}}}"#)?.path
                == "$.normalisation.default.upper")
        #expect(
            specError(base + #", "normalisation": {"overrides": {"zz": "rank"}}}"#)?.path
                == "$.normalisation.overrides.zz")
        #expect(
            specError(base + #", "normalisation": {"default": "wobble"}}"#)?.path == "$.normalisation.default.method")
        #expect(specError(base + #", "aggregation": {"default": "mean"}}"#)?.path == "$.aggregation.default")
        #expect(
            specError(base + #", "aggregation": {"overrides": {"a": "geometric"}}}"#)?.path
                == "$.aggregation.overrides.a")
        #expect(
            specError(base + #", "imputation": {"default": [{"method": "groupMean"}]}}"#)?.path
                == "$.imputation.default[0].group")
        #expect(
            specError(base + #", "uncertainty": {"mode": "coinr", "poolSize": 1}}"#)?.path
                == "$.uncertainty.poolSize")
        #expect(
            specError(base + #", "uncertainty": {"weightNoise": [{"level": 9, "factor": 0.2}]}}"#)?.path
                == "$.uncertainty.weightNoise[0].level")
        #expect(specError(base + #", "uncertainty": {"seed": 99999999999}}"#)?.path == "$.uncertainty.seed")
        #expect(specError("{ not json")?.path == "$")
        #expect(specError(base + #", "normalization": {}}"#)?.path == "$.normalization")
        #expect(
            specError(base + #", "normalisation": {"default": {"method": "minMax", "uper": 5}}}"#)?.path
                == "$.normalisation.default.uper")
        #expect(specError(#"{"structure": [{"code": "I", "wieght": 2}]}"#)?.path == "$.structure[0].wieght")
    }

    @Test func csvErrorsNameLineColumnAndValue() {
        func error(_ text: String, _ options: CSVOptions = .init()) -> CSVError? {
            do {
                _ = try CSVData.load(text, options: options)
                return nil
            } catch let e as CSVError {
                return e
            } catch {
                return CSVError(line: 0, column: nil, value: nil, message: "\(error)")
            }
        }
        let bad = error("unit,period,a,b\nX,2020,1,2\nY,2020,3,abc\n")
        #expect(bad?.line == 3 && bad?.column == "b" && bad?.value == "abc")
        #expect(error("unit,a\nX,1\nX,2\n")?.line == 3)
        #expect(error("unit,a\nX,1,2\n")?.line == 2)
        #expect(error("name,a\nX,1\n")?.column == "unit")
        #expect(error("unit,indicator,period,value\nX,a,2020,1\nX,a,2021,oops\n")?.value == "oops")
        #expect(error("unit,indicator,period,value\nX,a,20.5,1\n")?.column == "period")
        #expect(error("unit,a\n\"X,1\n")?.message.contains("unterminated") == true)
        #expect(error("") != nil)
        #expect(error("unit,a\nX,NA\nY,\n") == nil)
    }

    @Test func csvQuotedFieldsAndMissingValues() throws {
        let panel = try CSVData.load("unit,\"a\",b\n\"Kota \"\"X\"\", Barat\",1,NA\r\nY,2.5e1,\n")
        #expect(panel.units == ["Kota \"X\", Barat", "Y"])
        #expect(panel.value(unit: "Y", variable: "a", period: 0) == 25)
        #expect(panel.value(unit: "Y", variable: "b", period: 0) == nil)
        let out = ResultWriter.cell(panel.units[0])
        #expect(out == "\"Kota \"\"X\"\", Barat\"")
    }

    @Test func programmaticPanel() throws {
        let panel = try Panel.from(observations: [
            ("A", "x", 2024, 1), ("B", "x", 2024, 2), ("A", "x", 2023, nil), ("B", "y", 2023, 5),
        ])
        #expect(panel.periods == [2023, 2024])
        #expect(panel.units == ["A", "B"])
        #expect(panel.value(unit: "B", variable: "y", period: 2023) == 5)
        #expect(panel.value(unit: "A", variable: "x", period: 2023) == nil)
        #expect(throws: IndexError.self) { try Panel.from(observations: [("A", "x", 1, 1), ("A", "x", 1, 2)]) }
    }
}
