import Foundation

/// Reads and writes the Kembar dataset JSON format.
public enum DatasetCodec {
    /// Writes `dataset` canonically: collections sorted by key, object keys sorted, pretty-printed, so that equal
    /// datasets give byte-identical files.
    public static func encode(_ dataset: Dataset) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(dataset.canonical)
        data.append(0x0A)
        return data
    }

    /// Reads a dataset, reporting every record that cannot be read (not only the first), each by JSON path.
    ///
    /// Structure is checked here (types, required fields, enum values, date forms); domain rules are checked by
    /// ``Dataset/violations(existing:)``.
    public static func decode(_ data: Data) throws(InvalidInput) -> Dataset {
        let top: Any
        do {
            top = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw InvalidInput([
                Violation(
                    location: "$", field: "", value: "", rule: .valueInvalid,
                    detail: "not valid JSON: \(describe(error))")
            ])
        }
        guard let object = top as? [String: Any] else {
            throw InvalidInput([
                Violation(
                    location: "$", field: "", value: "", rule: .valueInvalid,
                    detail: "the top level must be a JSON object")
            ])
        }
        var problems: [Violation] = []
        var dataset = Dataset()
        if let format = object["format"] as? String {
            dataset.format = format
        } else {
            problems.append(
                Violation(
                    location: "$", field: "format", value: "\(object["format"] ?? "")",
                    rule: .formatUnsupported, detail: "expected \"\(Dataset.formatName)\""))
        }
        if let version = object["version"] as? Int {
            dataset.version = version
        } else {
            problems.append(
                Violation(
                    location: "$", field: "version", value: "\(object["version"] ?? "")",
                    rule: .formatUnsupported, detail: "expected \(Dataset.currentVersion)"))
        }
        let known: Set<String> = [
            "format", "version", "sources", "fields", "frameworks", "crosswalks", "cities", "organisations",
            "partnerships", "agreements", "milestones", "activities", "initiatives", "observations",
        ]
        for name in object.keys.sorted() where !known.contains(name) {
            problems.append(
                Violation(
                    location: "$", field: name, value: "", rule: .valueInvalid,
                    detail: "unknown collection"))
        }
        func read<T: Decodable>(_ name: String, _ type: T.Type) -> [T] {
            guard let raw = object[name] else { return [] }
            guard let items = raw as? [Any] else {
                problems.append(
                    Violation(
                        location: "$", field: name, value: "", rule: .valueInvalid,
                        detail: "must be an array"))
                return []
            }
            var records: [T] = []
            for (i, item) in items.enumerated() {
                do {
                    let itemData = try JSONSerialization.data(withJSONObject: item, options: [.fragmentsAllowed])
                    records.append(try JSONDecoder().decode(T.self, from: itemData))
                } catch {
                    problems.append(violation(for: error, at: "$.\(name)[\(i)]"))
                }
            }
            return records
        }
        dataset.sources = read("sources", Source.self)
        dataset.fields = read("fields", Field.self)
        dataset.frameworks = read("frameworks", Framework.self)
        dataset.crosswalks = read("crosswalks", Crosswalk.self)
        dataset.cities = read("cities", City.self)
        dataset.organisations = read("organisations", Organisation.self)
        dataset.partnerships = read("partnerships", Partnership.self)
        dataset.agreements = read("agreements", Agreement.self)
        dataset.milestones = read("milestones", Milestone.self)
        dataset.activities = read("activities", Activity.self)
        dataset.initiatives = read("initiatives", Initiative.self)
        dataset.observations = read("observations", Observation.self)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        return dataset
    }

    /// Turns a decoding error into a violation located at `path` plus the error's coding path.
    static func violation(for error: any Error, at path: String) -> Violation {
        guard let error = error as? DecodingError else {
            return Violation(location: path, field: "", value: "", rule: .valueInvalid, detail: describe(error))
        }
        func field(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return Violation(
                location: path, field: field(context.codingPath + [key]), value: "",
                rule: .valueInvalid, detail: "required field is missing")
        case .typeMismatch(let type, let context):
            return Violation(
                location: path, field: field(context.codingPath), value: "", rule: .valueInvalid,
                detail: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return Violation(
                location: path, field: field(context.codingPath), value: "null", rule: .valueInvalid,
                detail: "expected \(typeName(type))")
        case .dataCorrupted(let context):
            return Violation(
                location: path, field: field(context.codingPath), value: "", rule: .valueInvalid,
                detail: context.debugDescription)
        @unknown default:
            return Violation(location: path, field: "", value: "", rule: .valueInvalid, detail: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
}
