import Foundation

/// Several files read for one import, checked together: every problem of every file is reported at once, each
/// located where a person can find it (`activities.csv:7`, `data.json $.cities[2]`).
///
/// Structure comes first: a JSON file that cannot be read record by record makes the rule check pointless (its
/// records would be missing), so rules are checked only when every JSON file was readable. A bad CSV row never
/// hides the problems of the other rows: they are all read and all checked.
public struct ImportBatch: Sendable {
    public private(set) var dataset = Dataset()
    /// Problems found while reading (syntax, types, unknown values).
    public private(set) var readingProblems: [Violation] = []
    private var structureBroken = false
    /// Where each record came from, by `collection[index]` in ``dataset``.
    private var origins: [String: String] = [:]

    public init() {}

    /// A batch of one dataset built in memory (records are located by their JSON path).
    public init(_ dataset: Dataset) {
        append(dataset, origin: { "$.\($0)[\($1)]" })
    }

    /// Adds a dataset JSON file.
    public mutating func addJSON(_ data: [UInt8], file: String) {
        do {
            append(try DatasetCodec.decode(Data(data)), origin: { "\(file) $.\($0)[\($1)]" })
        } catch {
            structureBroken = true
            readingProblems += error.violations.map { $0.located(at: "\(file) \($0.location)") }
        }
    }

    /// Adds a CSV file of activities or observations.
    public mutating func addCSV(_ text: String, file: String) {
        let result = RecordCSV.read(text, file: file)
        readingProblems += result.problems
        var lines = result.lines.makeIterator()
        append(result.dataset, origin: { _, _ in lines.next() ?? file })
    }

    /// Records a file that could not be read at all.
    public mutating func addUnreadable(file: String, reason: String) {
        structureBroken = true
        readingProblems.append(Violation(location: file, field: "", value: "", rule: .valueInvalid, detail: reason))
    }

    /// Every problem: reading problems, then — when the files could be read — every broken domain rule, checked
    /// against the files together and `existing` (the keys already stored).
    public func violations(existing: ReferenceIndex) -> [Violation] {
        guard !structureBroken else { return readingProblems }
        return readingProblems
            + dataset.violations(existing: existing).map { violation in
                let path = violation.location.hasPrefix("$.") ? String(violation.location.dropFirst(2)) : ""
                return violation.located(at: origins[path] ?? violation.location)
            }
    }

    private mutating func append(_ fragment: Dataset, origin: (String, Int) -> String) {
        func add<T>(_ name: String, _ mine: inout [T], _ theirs: [T]) {
            for (i, record) in theirs.enumerated() {
                origins["\(name)[\(mine.count)]"] = origin(name, i)
                mine.append(record)
            }
        }
        add("sources", &dataset.sources, fragment.sources)
        add("fields", &dataset.fields, fragment.fields)
        add("frameworks", &dataset.frameworks, fragment.frameworks)
        add("crosswalks", &dataset.crosswalks, fragment.crosswalks)
        add("cities", &dataset.cities, fragment.cities)
        add("organisations", &dataset.organisations, fragment.organisations)
        add("partnerships", &dataset.partnerships, fragment.partnerships)
        add("agreements", &dataset.agreements, fragment.agreements)
        add("milestones", &dataset.milestones, fragment.milestones)
        add("activities", &dataset.activities, fragment.activities)
        add("initiatives", &dataset.initiatives, fragment.initiatives)
        add("observations", &dataset.observations, fragment.observations)
        if fragment.format != Dataset.formatName || fragment.version != Dataset.currentVersion {
            dataset.format = fragment.format
            dataset.version = fragment.version
        }
    }
}
