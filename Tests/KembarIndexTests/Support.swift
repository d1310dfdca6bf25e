import Foundation
import Testing

@testable import KembarIndex

/// Loads a fixture file from the test bundle's `Fixtures` folder.
func fixtureData(_ name: String, _ ext: String, subdirectory: String = "Fixtures") throws -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: subdirectory) else {
        throw IndexError.invalidData("fixture \(subdirectory)/\(name).\(ext) not found")
    }
    return try Data(contentsOf: url)
}

func fixtureText(_ name: String, _ ext: String, subdirectory: String = "Fixtures") throws -> String {
    String(decoding: try fixtureData(name, ext, subdirectory: subdirectory), as: UTF8.self)
}

/// A fixture JSON file as nested Foundation objects.
func fixtureJSON(_ name: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: try fixtureData(name, "json"))
    guard let dict = object as? [String: Any] else { throw IndexError.invalidData("\(name).json is not an object") }
    return dict
}

/// A JSON number or null as a Double (null → NaN).
func num(_ any: Any?) -> Double {
    if let n = any as? NSNumber { return n.doubleValue }
    return .nan
}

/// Whether two numbers agree to 1e-9 relative (1e-12 absolute near zero); NaN only equals NaN.
func close(_ a: Double, _ b: Double, rel: Double = 1e-9) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    let d = abs(a - b)
    return d <= 1e-12 || d <= rel * max(abs(a), abs(b))
}

/// Expects every element to be close, reporting the first mismatch with `label`.
func expectClose(
    _ got: [Double], _ expected: [Double], _ label: String, rel: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        got.count == expected.count, "\(label): count \(got.count) vs \(expected.count)",
        sourceLocation: sourceLocation)
    for i in 0..<min(got.count, expected.count) where !close(got[i], expected[i], rel: rel) {
        Issue.record("\(label)[\(i)]: got \(got[i]), expected \(expected[i])", sourceLocation: sourceLocation)
        return
    }
}

/// The golden worked example: 10 cities, 6 indicators, 3 dimensions (the data of make_golden.R).
enum Golden {
    static let units = ["AMS", "BDG", "BKK", "JKT", "KUL", "MNL", "SBY", "SEL", "SGP", "TYO"]
    static let indicators = ["PM25", "GREEN", "TRANSIT", "COMMUTE", "BROADBAND", "EGOV"]

    static let nodes: [IndexNode] = [
        IndexNode(code: "PM25", parent: "ENV", weight: 2, direction: -1),
        IndexNode(code: "GREEN", parent: "ENV"),
        IndexNode(code: "TRANSIT", parent: "MOB"),
        IndexNode(code: "COMMUTE", parent: "MOB", direction: -1),
        IndexNode(code: "BROADBAND", parent: "DIG"),
        IndexNode(code: "EGOV", parent: "DIG"),
        IndexNode(code: "ENV", parent: "Index"),
        IndexNode(code: "MOB", parent: "Index"),
        IndexNode(code: "DIG", parent: "Index", weight: 2),
        IndexNode(code: "Index", parent: nil),
    ]

    static func structure() throws -> IndexStructure { try IndexStructure(nodes: nodes) }

    static func json() throws -> [String: Any] { try fixtureJSON("golden") }

    /// Rows of a data-frame fixture as dictionaries.
    static func rows(_ g: [String: Any], _ key: String) -> [[String: Any]] { g[key] as? [[String: Any]] ?? [] }

    /// One column of a data-frame fixture, in the order of `units` (rows matched by uCode when present).
    static func column(_ rows: [[String: Any]], _ code: String, units: [String] = Golden.units) -> [Double] {
        if rows.first?["uCode"] != nil {
            return units.map { u in num(rows.first { ($0["uCode"] as? String) == u }?[code]) }
        }
        return rows.map { num($0[code]) }
    }

    static func panel() throws -> Panel {
        let g = try json()
        let raw = rows(g, "raw")
        var obs: [(unit: String, indicator: String, period: Int, value: Double?)] = []
        for row in raw {
            let u = row["uCode"] as? String ?? "?"
            for ind in indicators {
                let v = num(row[ind])
                obs.append((u, ind, 0, v.isNaN ? nil : v))
            }
        }
        return try Panel.from(observations: obs)
    }
}
