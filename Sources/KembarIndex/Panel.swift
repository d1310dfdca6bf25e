import Foundation

/// A panel of data: units (e.g. cities) × numeric variables (indicators, denominators) × periods (e.g. years), with
/// missing values stored as `Double.nan`, plus categorical unit attributes ("groups", e.g. a size class) used by group
/// imputation.
///
/// Storage is one contiguous array laid out period-major, then variable, then unit, so that every (variable, period)
/// column is contiguous: the pipeline works column by column.
public struct Panel: Sendable, Equatable {
    /// Unit codes, in first-seen order.
    public let units: [String]
    /// Numeric variable codes, in first-seen order.
    public let variables: [String]
    /// Periods, ascending.
    public let periods: [Int]
    /// Values at `(periodIndex * variables.count + variableIndex) * units.count + unitIndex`; NaN is missing.
    public internal(set) var values: [Double]
    /// Categorical attributes per unit: name → value per unit (nil when unknown).
    public internal(set) var groups: [String: [String?]]

    let unitIndex: [String: Int]
    let variableIndex: [String: Int]
    let periodIndex: [Int: Int]

    /// Creates a panel from its parts; `values` must have `units.count * variables.count * periods.count` entries.
    public init(
        units: [String], variables: [String], periods: [Int], values: [Double], groups: [String: [String?]] = [:]
    ) throws {
        guard Set(units).count == units.count else { throw IndexError.invalidData("unit codes are not unique") }
        guard Set(variables).count == variables.count else {
            throw IndexError.invalidData("variable codes are not unique")
        }
        guard Set(periods).count == periods.count else { throw IndexError.invalidData("periods are not unique") }
        guard values.count == units.count * variables.count * periods.count else {
            throw IndexError.invalidData(
                "expected \(units.count * variables.count * periods.count) values, got \(values.count)")
        }
        for (name, column) in groups where column.count != units.count {
            throw IndexError.invalidData("group '\(name)' has \(column.count) entries for \(units.count) units")
        }
        let order = periods.indices.sorted { periods[$0] < periods[$1] }
        if order != Array(periods.indices) {
            // Keep periods ascending so that carry-forward imputation and "latest period" are well defined.
            var sorted = [Double](repeating: .nan, count: values.count)
            let block = units.count * variables.count
            for (newP, oldP) in order.enumerated() {
                sorted.replaceSubrange(
                    newP * block..<(newP + 1) * block, with: values[oldP * block..<(oldP + 1) * block])
            }
            self.values = sorted
            self.periods = order.map { periods[$0] }
        } else {
            self.values = values
            self.periods = periods
        }
        self.units = units
        self.variables = variables
        self.groups = groups
        self.unitIndex = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
        self.variableIndex = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        self.periodIndex = Dictionary(uniqueKeysWithValues: self.periods.enumerated().map { ($1, $0) })
    }

    /// Builds a panel from observations `(unit, indicator, period, value)`; `nil` or NaN values are missing. Units
    /// and indicators keep their first-seen order; a repeated (unit, indicator, period) is an error.
    public static func from(
        observations: [(unit: String, indicator: String, period: Int, value: Double?)],
        groups: [String: [String: String]] = [:]
    ) throws -> Panel {
        var builder = PanelBuilder()
        for o in observations {
            try builder.add(unit: o.unit, variable: o.indicator, period: o.period, value: o.value)
        }
        for (name, byUnit) in groups {
            for (unit, value) in byUnit { try builder.setGroup(unit: unit, name: name, value: value) }
        }
        return try builder.build()
    }

    /// The value of `variable` for `unit` in `period`, or nil when missing or unknown.
    public func value(unit: String, variable: String, period: Int) -> Double? {
        guard let u = unitIndex[unit], let v = variableIndex[variable], let p = periodIndex[period] else { return nil }
        let x = values[(p * variables.count + v) * units.count + u]
        return x.isNaN ? nil : x
    }

    /// The column of `variable` in period index `p` (one value per unit).
    public func column(_ variable: Int, period p: Int) -> ArraySlice<Double> {
        let start = (p * variables.count + variable) * units.count
        return values[start..<start + units.count]
    }

    /// Index of a variable code, if present.
    public func index(ofVariable code: String) -> Int? { variableIndex[code] }
    /// Index of a unit code, if present.
    public func index(ofUnit code: String) -> Int? { unitIndex[code] }
    /// Index of a period, if present.
    public func index(ofPeriod period: Int) -> Int? { periodIndex[period] }

    /// Raw size of the numeric values in bytes (8 per cell), the yardstick for memory use.
    public var rawByteCount: Int { values.count * MemoryLayout<Double>.stride }
}

/// Incremental construction of a ``Panel`` from observations in any order.
public struct PanelBuilder: Sendable {
    private var units: [String] = []
    private var unitIndex: [String: Int] = [:]
    private var variables: [String] = []
    private var variableIndex: [String: Int] = [:]
    private var periodSet: Set<Int> = []
    private var cells: [Key: Double] = [:]
    private var groupValues: [String: [String: String]] = [:]

    private struct Key: Hashable, Sendable {
        let unit: Int
        let variable: Int
        let period: Int
    }

    /// Creates an empty builder.
    public init() {}

    /// Registers a unit even if it has no observations (its values are then all missing).
    public mutating func addUnit(_ unit: String) {
        if unitIndex[unit] == nil {
            unitIndex[unit] = units.count
            units.append(unit)
        }
    }

    /// Adds one observation. A second value for the same (unit, variable, period) throws.
    public mutating func add(unit: String, variable: String, period: Int, value: Double?) throws {
        addUnit(unit)
        if variableIndex[variable] == nil {
            variableIndex[variable] = variables.count
            variables.append(variable)
        }
        periodSet.insert(period)
        let key = Key(unit: unitIndex[unit] ?? 0, variable: variableIndex[variable] ?? 0, period: period)
        if cells[key] != nil {
            throw IndexError.invalidData("duplicate value for unit '\(unit)', variable '\(variable)', period \(period)")
        }
        cells[key] = value ?? .nan
    }

    /// Sets a categorical attribute of a unit; a conflicting second value throws.
    public mutating func setGroup(unit: String, name: String, value: String) throws {
        addUnit(unit)
        if let old = groupValues[name, default: [:]][unit], old != value {
            throw IndexError.invalidData("unit '\(unit)' has two values for group '\(name)': '\(old)' and '\(value)'")
        }
        groupValues[name, default: [:]][unit] = value
    }

    /// The panel; cells never given are missing. A builder with units but no period gets the single period 0.
    public func build() throws -> Panel {
        let periods = periodSet.isEmpty ? [0] : periodSet.sorted()
        let pIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        var values = [Double](repeating: .nan, count: units.count * variables.count * periods.count)
        for (key, v) in cells {
            guard let p = pIndex[key.period] else { continue }
            values[(p * variables.count + key.variable) * units.count + key.unit] = v
        }
        var groups: [String: [String?]] = [:]
        for (name, byUnit) in groupValues {
            groups[name] = units.map { byUnit[$0] }
        }
        return try Panel(units: units, variables: variables, periods: periods, values: values, groups: groups)
    }
}

/// Errors thrown by KembarIndex. Messages name the offending item so that a user can fix the input.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Data that cannot be used (duplicates, unknown codes, wrong sizes).
    case invalidData(String)
    /// An index structure that is not a valid tree.
    case invalidStructure(String)
    /// A step configuration that cannot be applied.
    case invalidConfiguration(String)
    /// A computation that is undefined for the data, e.g. a geometric mean over a zero.
    case computation(String)

    public var description: String {
        switch self {
        case .invalidData(let m): return "invalid data: \(m)"
        case .invalidStructure(let m): return "invalid index structure: \(m)"
        case .invalidConfiguration(let m): return "invalid configuration: \(m)"
        case .computation(let m): return "computation failed: \(m)"
        }
    }
}
