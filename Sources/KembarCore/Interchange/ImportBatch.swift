import Foundation

/// Several files read for one import, checked together: every problem of every file is reported at once, each
/// located where a person can find it (`activities.csv:7`, `data.json $.cities[2]`, `data.json:3:14`).
///
/// Structure comes first: a JSON file that cannot be read record by record makes the rule check pointless (its
/// records would be missing), so rules are checked only when every JSON file was readable and of a supported format
/// and version. A bad CSV row never hides the problems of the other rows: they are all read and all checked.
///
/// Files may overlap: a record that two files hold with the same key and the same content is imported once. The
/// same key with different content in two files is an error naming both places; within one file a key given twice is
/// an error too (the `key-duplicated` rule).
public struct ImportBatch: Sendable {
    public private(set) var dataset = Dataset()
    /// Problems found while reading (syntax, types, unknown values).
    public private(set) var readingProblems: [Violation] = []
    private var structureBroken = false
    /// Where each record came from, by `collection[index]` in ``dataset``.
    private var origins: [String: String] = [:]
    /// Where each key was first seen, by collection and key: which addition (file) and which index in ``dataset``.
    private var firstSeen: [String: [String: Seen]] = [:]
    private var additions = 0
    /// Records whose key another file holds with other content: left out of ``dataset``, checked on their own.
    private var conflicting = Dataset()
    private var conflictOrigins: [String: String] = [:]
    private var conflicts: [Violation] = []

    private struct Seen: Sendable {
        var addition: Int
        var index: Int
    }

    public init() {}

    /// A batch of one dataset built in memory (records are located by their JSON path).
    public init(_ dataset: Dataset) {
        append(dataset, origin: { "$.\($0)[\($1)]" })
        if dataset.format != Dataset.formatName || dataset.version != Dataset.currentVersion {
            self.dataset.format = dataset.format
            self.dataset.version = dataset.version
        }
    }

    /// Adds a dataset JSON file.
    public mutating func addJSON(_ data: [UInt8], file: String) {
        let fragment: Dataset
        do {
            fragment = try DatasetCodec.decode(Data(data))
        } catch {
            structureBroken = true
            readingProblems += error.violations.map { $0.located(at: Self.locate($0.location, in: file)) }
            return
        }
        // The format and version are checked by the dataset rules; an empty dataset of this file's format and version
        // breaks exactly those.
        var header = Dataset()
        header.format = fragment.format
        header.version = fragment.version
        let unsupported = header.violations()
        guard unsupported.isEmpty else {
            structureBroken = true
            readingProblems += unsupported.map { $0.located(at: Self.locate($0.location, in: file)) }
            return
        }
        append(fragment, origin: { "\(file) $.\($0)[\($1)]" })
    }

    /// Adds a CSV file of activities or observations.
    /// What reading a pair list needs from the database and the bundled data.
    public struct PairListContext: Sendable {
        public var countries: CountryNames
        /// The stored cities places are matched to.
        public var cities: [City]
        /// The source every city and partnership of the list cites (it is added to the import).
        public var source: Source
        public var skipInvalidRows: Bool
        /// The stored partnerships between two cities, by ``PairList/pairKey(_:_:)``: such pairs are left as
        /// recorded.
        public var recordedPairs: [String: PartnershipKey]
        /// A gazetteer new cities are matched against, for their subdivision and population.
        public var places: PlaceMatcher?

        public init(
            countries: CountryNames, cities: [City], source: Source, skipInvalidRows: Bool = false,
            recordedPairs: [String: PartnershipKey] = [:], places: PlaceMatcher? = nil
        ) {
            self.countries = countries
            self.cities = cities
            self.source = source
            self.skipInvalidRows = skipInvalidRows
            self.recordedPairs = recordedPairs
            self.places = places
        }
    }

    /// Finds a list's place in a gazetteer: the same name (or another name) in the same country, near the list's
    /// coordinates.
    public struct PlaceMatcher: Sendable {
        public struct Match: Sendable {
            public var id: Int
            public var subdivision: String?
            public var population: Int

            public init(id: Int, subdivision: String?, population: Int) {
                self.id = id
                self.subdivision = subdivision
                self.population = population
            }
        }

        public var match: @Sendable (_ name: String, _ country: String, _ near: Coordinates) -> Match?
        /// The gazetteer's source, cited by the cities matched; added to the import when not stored yet.
        public var source: Source
        public var sourceStored: Bool
        /// The year a matched population is given for (the gazetteer gives it as current).
        public var year: Int

        public init(
            source: Source, sourceStored: Bool, year: Int,
            match: @escaping @Sendable (_ name: String, _ country: String, _ near: Coordinates) -> Match?
        ) {
            self.match = match
            self.source = source
            self.sourceStored = sourceStored
            self.year = year
        }
    }

    /// Lines of pair lists left out because a country is unknown (only with `skipInvalidRows`).
    public private(set) var skipped: [String] = []
    /// Lines of pair lists whose pair is already a stored partnership, left as recorded.
    public private(set) var recorded: [String] = []

    /// Adds a CSV file of activities, observations or — with `pairs` — twinning links (docs/CSV.md).
    public mutating func addCSV(_ text: String, file: String, pairs: PairListContext? = nil) {
        if let table = try? CSVTable(parsing: text), PairList.isPairList(table.header) {
            guard let pairs else {
                return addUnreadable(
                    file: file,
                    reason:
                        "a list of twinning links is imported with `kembar import`, which matches its places to the stored cities"
                )
            }
            let result = PairList.read(
                table, file: file, countries: pairs.countries, source: pairs.source.id, existing: pairs.cities,
                recordedPairs: pairs.recordedPairs, skipInvalidRows: pairs.skipInvalidRows)
            readingProblems += result.problems
            skipped += result.skipped
            recorded += result.recorded
            var fragment = result.dataset
            fragment.sources = [pairs.source]
            if let places = pairs.places {
                var matched = false
                for i in fragment.cities.indices {
                    let city = fragment.cities[i]
                    guard let name = city.name.en, let near = city.coordinates,
                        let place = places.match(name, city.country, near)
                    else { continue }
                    fragment.cities[i].subdivision = place.subdivision
                    fragment.cities[i].population = City.Population(count: place.population, year: places.year)
                    fragment.cities[i].note = "GeoNames \(place.id): subdivision and population as GeoNames gives them."
                    fragment.cities[i].sources.append(places.source.id)
                    matched = true
                }
                if matched && !places.sourceStored { fragment.sources.append(places.source) }
            }
            append(fragment, origin: { collection, index in "\(file) \(collection)[\(index)]" })
            return
        }
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
        var found = readingProblems + dataset.violations(existing: existing).map { Self.relocate($0, origins) }
        if !conflicts.isEmpty {
            var references = existing
            references.add(dataset)
            found += conflicts
            found += conflicting.violations(existing: references).filter { $0.rule != .keyDuplicated }
                .map { Self.relocate($0, conflictOrigins) }
        }
        return found
    }

    /// `file $.path` for a JSON path, `file:3:14` for a line and column, `file` when there is no location.
    private static func locate(_ location: String, in file: String) -> String {
        if location.isEmpty { return file }
        return location.hasPrefix("$") ? "\(file) \(location)" : "\(file):\(location)"
    }

    /// A violation of the merged dataset placed where its record came from; dataset paths in its detail (`also at
    /// $.activities[0]`) are replaced the same way, so a CSV row is named by its line, never by a JSON path.
    private static func relocate(_ violation: Violation, _ origins: [String: String]) -> Violation {
        var copy = violation
        let path = violation.location.hasPrefix("$.") ? String(violation.location.dropFirst(2)) : ""
        copy.location = origins[path] ?? violation.location
        copy.detail = violation.detail.map { mapPaths($0, origins) }
        return copy
    }

    private static func mapPaths(_ text: String, _ origins: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let marker = rest.range(of: "$.") {
            out += rest[..<marker.lowerBound]
            let nameEnd = rest[marker.upperBound...].firstIndex { !$0.isLetter } ?? rest.endIndex
            if nameEnd < rest.endIndex, rest[nameEnd] == "[", let close = rest[nameEnd...].firstIndex(of: "]") {
                let digits = rest[rest.index(after: nameEnd)..<close]
                let name = rest[marker.upperBound..<nameEnd]
                if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                    let origin = origins["\(name)[\(digits)]"]
                {
                    out += origin
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            out += "$."
            rest = rest[marker.upperBound...]
        }
        return out + rest
    }

    private mutating func append(_ fragment: Dataset, origin: (String, Int) -> String) {
        additions += 1
        let addition = additions
        func add<T: Identifiable & Hashable>(_ name: String, _ collection: WritableKeyPath<Dataset, [T]>)
        where T.ID: CustomStringConvertible {
            for (i, record) in fragment[keyPath: collection].enumerated() {
                let key = record.id.description
                let here = origin(name, i)
                if let first = firstSeen[name]?[key], first.addition != addition {
                    // The same record in another file: imported once.
                    if dataset[keyPath: collection][first.index] == record { continue }
                    let there = origins["\(name)[\(first.index)]"] ?? ""
                    conflicts.append(
                        Violation(
                            location: here, field: "id", value: key, rule: .keyDuplicated,
                            detail: "also at \(there), with different content"))
                    conflictOrigins["\(name)[\(conflicting[keyPath: collection].count)]"] = here
                    conflicting[keyPath: collection].append(record)
                    continue
                }
                let index = dataset[keyPath: collection].count
                if firstSeen[name]?[key] == nil {
                    firstSeen[name, default: [:]][key] = Seen(addition: addition, index: index)
                }
                origins["\(name)[\(index)]"] = here
                dataset[keyPath: collection].append(record)
            }
        }
        add("sources", \.sources)
        add("fields", \.fields)
        add("frameworks", \.frameworks)
        add("crosswalks", \.crosswalks)
        add("cities", \.cities)
        add("organisations", \.organisations)
        add("partnerships", \.partnerships)
        add("agreements", \.agreements)
        add("milestones", \.milestones)
        add("actions", \.actions)
        add("activities", \.activities)
        add("documents", \.documents)
        add("initiatives", \.initiatives)
        add("observations", \.observations)
    }
}
