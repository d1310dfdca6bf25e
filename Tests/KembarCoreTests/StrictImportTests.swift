import Foundation
import Testing

@testable import KembarCore

/// Import never loses data silently: strict JSON, unknown fields, nulls, every problem of a record, numbers that
/// do not fit, and records that several files hold.
@Suite struct StrictImportTests {
    /// A dataset file holding `collections` (JSON members, without the braces).
    static func dataset(_ collections: String) -> String {
        #"{"format": "kembar-dataset", "version": 1, "# + collections + "}"
    }

    static let activity = """
        {"id": "a1", "partnership": "p", "kind": "training", "title": {"en": "T"}, "start": "2019", "mode": "online", \
        "status": "completed", "participants": [{"role": "pupil", "count": 10}]}
        """

    /// An activity with `extra` members added at its top level (`"x": 1, `), and `replacing` applied.
    static func activity(adding extra: String = "", replacing changes: [(String, String)] = []) -> String {
        var text = activity.replacingOccurrences(of: #"{"id": "a1""#, with: #"{"# + extra + #""id": "a1""#)
        for (old, new) in changes { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    static func problems(_ text: String) -> [Violation] {
        do {
            _ = try DatasetCodec.decode(Data(text.utf8))
            return []
        } catch {
            return error.violations
        }
    }

    static func repository(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(path)
    }

    // MARK: - Strict JSON

    @Test func aTrailingCommaIsRefusedWithItsLineAndColumn() {
        let text = "{\"format\": \"kembar-dataset\", \"version\": 1,\n  \"cities\": [],\n}"
        #expect(
            Self.problems(text) == [
                Violation(
                    location: "2:15", field: "", value: ",", rule: .syntaxInvalid,
                    detail: "not valid JSON: a comma before '}' (trailing commas are not allowed)")
            ])
        #expect(Self.problems(Self.dataset(#""cities": [1, 2,]"#)).first?.detail?.contains("before ']'") == true)
    }

    @Test(arguments: [
        (#"{"a": 1} // note"#, "comments are not allowed in JSON", "//"),
        (#"{"a": /* x */ 1}"#, "comments are not allowed in JSON", "/*"),
        (#"{"a": NaN}"#, "NaN and Infinity are not JSON numbers", "NaN"),
        (#"{"a": -Infinity}"#, "NaN and Infinity are not JSON numbers", "-Infinity"),
        (#"{"a": 012}"#, "a number cannot have leading zeros", "012"),
        ("{\"a\": \"tab\there\"}", "a control character inside a string must be escaped", "U+0009"),
        ("{\"a\": \"two\nlines\"}", "a line break inside a string (write it as \\n, or close the string)", ""),
        (#"{'a': 1}"#, "field names need double quotes, not single quotes", "'"),
        (#"{"a": True}"#, "write true, false and null in lower case", "True"),
        (#"{"a": yes}"#, "a text value needs double quotes", "yes"),
        (#"{"a": "\ud800"}"#, "a \\u escape of a high surrogate needs a low surrogate after it", ""),
        (#"{"a": 1} {"b": 2}"#, "expected the end of the file after the JSON value", "{"),
        (#"{"a": [1, 2"#, "the array opened on line 1 is never closed", ""),
        ("", "the file is empty", ""),
    ])
    func nonStandardJSONIsRefused(text: String, message: String, found: String) throws {
        let problems = Self.problems(text)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.detail == "not valid JSON: \(message)")
        #expect(problem.value == found)
        #expect(problem.location.split(separator: ":").count == 2, "line:column, got \(problem.location)")
    }

    @Test func invalidUTF8IsRefused() {
        // "Café" saved as Latin-1.
        let bytes =
            Array(Self.dataset(#""sources": [{"id": "s", "kind": "web", "title": "Caf"#).utf8) + [0xE9]
            + Array(#""}]"#.utf8)
        do {
            _ = try DatasetCodec.decode(Data(bytes))
            Issue.record("invalid UTF-8 must be refused")
        } catch {
            #expect(error.violations.map(\.detail) == ["not valid JSON: invalid UTF-8 (save the file as UTF-8)"])
            #expect(error.violations.map(\.value) == ["0xE9"])
        }
        // An overlong encoding of '/' and an encoded surrogate are not UTF-8 either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
            #expect(throws: InvalidInput.self) {
                try DatasetCodec.decode(Data(Array(#"{"a": ""#.utf8) + bad + [0x22, 0x7D]))
            }
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let problems = Self.problems(text)
        #expect(problems.map(\.detail) == ["not valid JSON: arrays and objects nest deeper than 512 levels"])
        #expect(problems.map(\.location) == ["1:513"])
        #expect(
            Self.problems(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).map(\.detail) == [
                "the top level must be a JSON object"
            ])
    }

    @Test func theDeepestNestingAllowedStillDecodes() throws {
        // Framework nodes are the one recursive structure: two levels of JSON per node, up to the parser's limit.
        func node(_ depth: Int) -> String {
            let children = depth == 0 ? "" : #", "children": [\#(node(depth - 1))]"#
            return
                #"{"id": "n\#(depth)", "level": "dimension", "name": {"en": "N"}, "verification": "verified"\#(children)}"#
        }
        func framework(_ depth: Int) -> String {
            let text = #"{"id": "f", "name": {"en": "F"}, "verification": "verified", "dimensions": [\#(node(depth))]}"#
            return Self.dataset(#""frameworks": [\#(text)]"#)
        }
        let data = try DatasetCodec.decode(Data(framework(253).utf8))
        #expect(data.frameworks[0].nodes.count == 254)
        #expect(
            Self.problems(framework(254)).map(\.detail) == [
                "not valid JSON: arrays and objects nest deeper than 512 levels"
            ])
    }

    @Test func aKeyGivenTwiceNamesTheObjectAndTheKey() {
        let text = Self.dataset(
            """
            "activities": [\(Self.activity(replacing: [(#""count": 10"#, #""count": 10, "count": 12"#)]))],
            "cities": [],
            "cities": []
            """)
        #expect(
            Self.problems(text) == [
                Violation(
                    location: "$.activities[0]", field: "participants[0].count", value: "", rule: .fieldDuplicated,
                    detail: "given twice in the same object, on lines 1 and 1"),
                Violation(
                    location: "$", field: "cities", value: "", rule: .fieldDuplicated,
                    detail: "given twice in the same object, on lines 2 and 3"),
            ])
    }

    // MARK: - Unknown fields and null

    @Test func anUnknownFieldOfARecordIsRefused() throws {
        let problems = Self.problems(
            Self.dataset(#""activities": [\#(Self.activity(adding: #""partcipants": [], "#))]"#))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.location == "$.activities[0]")
        #expect(problem.field == "partcipants")
        #expect(problem.value == "[]")
        #expect(problem.rule == .fieldUnknown)
        let detail = try #require(problem.detail)
        #expect(detail.hasPrefix("unknown field; did you mean 'participants'? Known fields: id, partnership, kind, "))
        #expect(detail.contains("status"))
    }

    @Test func unknownFieldsAreFoundAtAnyDepth() {
        let text = Self.dataset(
            """
            "activities": [\(Self.activity(replacing: [(#""role": "pupil""#, #""role": "pupil", "rol": "x""#)]))],
            "agreements": [{"id": "m", "partnership": "p", "kind": "mou", "title": {"en": "MoU", "fr": "PE"},
              "signed": "2018", "signatories": [{"name": "A", "office": {"en": "Mayor"}},
                                                {"name": "B", "office": {"en": "Mayor"}, "tilte": "Dr"}]}],
            "initiatives": [{"id": "i", "city": "c", "title": {"en": "I"},
              "figures": [{"label": {"en": "Complaints"}, "value": 3, "unti": "complaints"}]}]
            """)
        let problems = Self.problems(text)
        #expect(
            problems.map { "\($0.location) \($0.field)" } == [
                "$.agreements[0] title.fr", "$.agreements[0] signatories[1].tilte",
                "$.activities[0] participants[0].rol",
                "$.initiatives[0] figures[0].unti",
            ])
        #expect(problems.allSatisfy { $0.detail?.hasPrefix("unknown field") == true })
        #expect(problems[0].detail == "unknown field; known fields: en, id")
        #expect(problems[2].detail?.hasPrefix("unknown field; did you mean 'role'?") == true)
        #expect(problems[3].detail?.hasPrefix("unknown field; did you mean 'unit'?") == true)
    }

    @Test func anUnknownCollectionNamesTheKnownOnes() {
        let problems = Self.problems(Self.dataset(#""activites": []"#))
        #expect(problems.map(\.field) == ["activites"])
        #expect(
            problems.first?.detail?.hasPrefix("unknown collection; did you mean 'activities'? Known collections: ")
                == true)
    }

    @Test func nullIsRefusedEverywhere() {
        let text = Self.dataset(
            """
            "activities": [\(Self.activity(adding: #""end": null, "#, replacing: [(#""start": "2019""#, #""start": null"#)]))],
            "sources": [{"id": "s", "kind": "web", "title": "T", "authors": ["A", null]}],
            "milestones": null
            """)
        let problems = Self.problems(text)
        #expect(
            problems == [
                Violation(
                    location: "$.sources[0]", field: "authors[1]", value: "null", rule: .nullNotAllowed,
                    detail: "expected a string, not null"),
                Violation(
                    location: "$", field: "milestones", value: "null", rule: .nullNotAllowed,
                    detail: "leave the collection out instead of null"),
                Violation(
                    location: "$.activities[0]", field: "start", value: "null", rule: .nullNotAllowed,
                    detail: "expected a string, not null"),
                Violation(
                    location: "$.activities[0]", field: "end", value: "null", rule: .nullNotAllowed,
                    detail: "leave the field out instead of null"),
            ])
    }

    // MARK: - Every problem of a record

    @Test func aBadEnumerationValueListsTheAllowedOnes() {
        let text = Self.dataset(
            #""activities": [\#(Self.activity(replacing: [(#""kind": "training""#, #""kind": "lecture""#)]))]"#)
        let allowed = Activity.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(
            Self.problems(text) == [
                Violation(
                    location: "$.activities[0]", field: "kind", value: "lecture", rule: .valueInvalid,
                    detail: "one of \(allowed)")
            ])
        #expect(allowed.hasPrefix("delegation-visit, training, webinar"))
    }

    @Test func everyProblemOfARecordIsReported() {
        let activity = Self.activity(
            adding: #""sessions": "two", "#,
            replacing: [
                (#""partnership": "p", "#, ""), (#""kind": "training""#, #""kind": 7"#),
                (#""start": "2019""#, #""start": "2019-13""#), (#""mode": "online""#, #""mode": "by-boat""#),
                (#""count": 10"#, #""count": "ten""#), (#""title": {"en": "T"}"#, #""title": "T""#),
            ])
        let problems = Self.problems(Self.dataset(#""activities": [\#(activity)]"#))
        #expect(problems.allSatisfy { $0.location == "$.activities[0]" && $0.rule == .valueInvalid })
        let found = Dictionary(problems.map { ($0.field, "\($0.value) | \($0.detail ?? "")") }, uniquingKeysWith: +)
        #expect(
            found == [
                "partnership": " | required field is missing",
                "kind": "7 | one of " + Activity.Kind.allCases.map(\.rawValue).joined(separator: ", "),
                "title": "T | expected an object, found a string",
                "start": "2019-13 | month 13 is outside 1–12",
                "mode": "by-boat | one of " + Activity.LegacyMode.allCases.map(\.rawValue).joined(separator: ", "),
                "sessions": "two | expected an integer, found a string",
                "participants[0].count": "ten | expected an integer, found a string",
            ])
    }

    @Test func aMissingRequiredFieldIsReportedOnce() {
        let city = #"{"id": "c", "country": "ID"}"#
        let problems = Self.problems(Self.dataset(#""cities": [\#(city)]"#))
        #expect(problems.map(\.field) == ["name", "adminLevel"])
        #expect(problems.allSatisfy { $0.detail == "required field is missing" })
    }

    @Test(arguments: [
        ("1e30", "expected an integer from -9223372036854775808 to 9223372036854775807"),
        ("99999999999999999999", "expected an integer from -9223372036854775808 to 9223372036854775807"),
        ("-9223372036854775809", "expected an integer from -9223372036854775808 to 9223372036854775807"),
        ("2.5", "expected an integer"),
        ("1e400", "expected an integer from -9223372036854775808 to 9223372036854775807"),
    ])
    func aNumberThatDoesNotFitIsNamedNeverTrapped(number: String, detail: String) {
        let city = """
            {"id": "c", "name": {"en": "C"}, "country": "ID", "adminLevel": "city", \
            "population": {"count": \(number), "year": 2020}}
            """
        #expect(
            Self.problems(Self.dataset(#""cities": [\#(city)]"#)) == [
                Violation(
                    location: "$.cities[0]", field: "population.count", value: number, rule: .valueInvalid,
                    detail: detail)
            ])
    }

    @Test func numbersThatFitAreReadExactly() throws {
        let city = """
            {"id": "c", "name": {"en": "C"}, "country": "ID", "adminLevel": "city", \
            "population": {"count": 9223372036854775807, "year": 2.02e3}, "coordinates": {"latitude": -7.2575, \
            "longitude": 1e2}}
            """
        let data = try DatasetCodec.decode(Data(Self.dataset(#""cities": [\#(city)]"#).utf8))
        #expect(data.cities[0].population == City.Population(count: Int.max, year: 2020))
        #expect(data.cities[0].coordinates == Coordinates(latitude: -7.2575, longitude: 100))
        let huge =
            #"{"id": "o", "city": "c", "indicator": {"framework": "f", "node": "n"}, "period": "2020", "value": 1e999}"#
        #expect(
            Self.problems(Self.dataset(#""observations": [\#(huge)]"#)).map(\.detail) == ["the number is too large"])
    }

    @Test func aValueOutsideADatasetIsReadAsStrictly() {
        // What a CSV cell holding JSON (a list of figures, of participants) can be read with.
        let text = #"[{"role": "pupil", "count": 3}, {"role": "coach", "count": 1, "cuont": 2, "role": "x"}]"#
        let (value, problems) = DatasetCodec.decodeValue([Participants].self, from: Data(text.utf8))
        #expect(value == nil)
        #expect(problems.map(\.field) == ["[1].role", "[1].cuont"])
        #expect(problems.map(\.location) == ["", ""])
        #expect(problems[1].detail?.hasPrefix("unknown field; did you mean 'count'?") == true)
        let good = DatasetCodec.decodeValue([Participants].self, from: Data(#"[{"role": "pupil", "count": 3}]"#.utf8))
        #expect(good.value == [Participants(role: "pupil", count: 3)])
        #expect(good.problems.isEmpty)
    }

    // MARK: - Valid data still reads

    @Test(arguments: [
        "Sources/KembarStorage/Bundled/founding.json", "Sources/KembarStorage/Bundled/frameworks.json",
        "Tests/Fixtures/external-dataset.json", "Tests/Fixtures/bad-dataset.json",
    ])
    func validDatasetsDecodeWithoutAProblem(path: String) throws {
        let data = try Data(contentsOf: Self.repository(path))
        let dataset = try DatasetCodec.decode(data)
        #expect(dataset.recordCount > 0)
        // The strict reader reads what JSONDecoder reads: export and import agree record for record.
        #expect(try DatasetCodec.decode(try DatasetCodec.encode(dataset)) == dataset.canonical)
    }

    @Test func anExportReadsBackUnchanged() throws {
        let data = try DatasetCodec.decode(
            try Data(contentsOf: Self.repository("Tests/Fixtures/external-dataset.json")))
        #expect(data.violations().isEmpty)
        let exported = try DatasetCodec.encode(data)
        #expect(try DatasetCodec.encode(try DatasetCodec.decode(exported)) == exported)
    }

    // MARK: - Several files

    static let observation =
        #"{"id": "o1", "city": "c", "indicator": {"framework": "f", "node": "n"}, "period": "2020", "value": 1.5}"#
    static let csvHeader = "key,city,indicator,period,value\n"
    static let csvRow = "o1,c,f:n,2020,1.5\n"
    static var stored: ReferenceIndex {
        var index = ReferenceIndex()
        index.cities = ["c"]
        index.frameworkNodes = ["f": ["n"]]
        return index
    }

    @Test func theSameRecordInTwoFilesIsImportedOnce() {
        var batch = ImportBatch()
        let json = Array(Self.dataset(#""observations": [\#(Self.observation)]"#).utf8)
        batch.addJSON(json, file: "a.json")
        batch.addCSV(Self.csvHeader + Self.csvRow, file: "b.csv")
        batch.addJSON(json, file: "c.json")
        #expect(batch.readingProblems.isEmpty)
        #expect(batch.dataset.observations.count == 1)
        #expect(batch.violations(existing: Self.stored).isEmpty)
    }

    @Test func theSameKeyWithOtherContentNamesBothFiles() {
        var batch = ImportBatch()
        batch.addJSON(Array(Self.dataset(#""observations": [\#(Self.observation)]"#).utf8), file: "a.json")
        batch.addCSV(Self.csvHeader + "o2,c,f:n,2021,3\n" + "o1,c,f:n,2020,2.5\n", file: "b.csv")
        #expect(batch.dataset.observations.map(\.id) == ["o1", "o2"])
        #expect(
            batch.violations(existing: Self.stored) == [
                Violation(
                    location: "b.csv:3", field: "id", value: "o1", rule: .keyDuplicated,
                    detail: "also at a.json $.observations[0], with different content")
            ])
    }

    @Test func aDuplicateInACSVNamesItsLine() {
        var batch = ImportBatch()
        batch.addCSV(Self.csvHeader + Self.csvRow + Self.csvRow, file: "b.csv")
        let found = batch.violations(existing: Self.stored)
        #expect(
            found == [
                Violation(
                    location: "b.csv:3", field: "id", value: "o1", rule: .keyDuplicated, detail: "also at b.csv:2"),
                Violation(
                    location: "b.csv:3", field: "period", value: "2020", rule: .observationDuplicated,
                    detail: "same city, indicator and period as b.csv:2"),
            ])
    }

    @Test func everyProblemOfAJSONFileNamesTheFile() {
        var batch = ImportBatch()
        batch.addJSON(Array(#"{"format": "iati", "version": 99}"#.utf8), file: "foreign.json")
        batch.addJSON(Array("{\"format\": \"kembar-dataset\",\n \"version\": 1,}".utf8), file: "broken.json")
        batch.addJSON(Array(Self.dataset(#""cities": [{"id": "c"}]"#).utf8), file: "bad.json")
        let found = batch.violations(existing: ReferenceIndex())
        #expect(
            found.map { "\($0.location) \($0.field)" } == [
                "foreign.json $ format", "foreign.json $ version", "broken.json:2:14 ", "bad.json $.cities[0] name",
                "bad.json $.cities[0] country", "bad.json $.cities[0] adminLevel",
            ])
        #expect(found.prefix(2).allSatisfy { $0.rule == .formatUnsupported })
    }
}
