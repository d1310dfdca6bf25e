import Foundation

/// A codes × units × periods table of numbers (NaN = missing), laid out like ``Panel``: period, then code, then unit.
public struct DataMatrix: Sendable, Equatable {
    /// Column codes (indicators or aggregates).
    public let codes: [String]
    /// Unit codes.
    public let units: [String]
    /// Periods, ascending.
    public let periods: [Int]
    /// Values at `(periodIndex * codes.count + codeIndex) * units.count + unitIndex`.
    public internal(set) var values: [Double]
    let codeIndex: [String: Int]

    init(codes: [String], units: [String], periods: [Int], values: [Double]) {
        self.codes = codes
        self.units = units
        self.periods = periods
        self.values = values
        self.codeIndex = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The value for `code`, `unit` and `period`, or nil when missing or unknown.
    public func value(_ code: String, unit: String, period: Int) -> Double? {
        guard let c = codeIndex[code], let u = units.firstIndex(of: unit), let p = periods.firstIndex(of: period)
        else { return nil }
        let v = values[(p * codes.count + c) * units.count + u]
        return v.isNaN ? nil : v
    }

    /// The column of `code` in `period` (one value per unit, NaN when missing); nil if unknown.
    public func column(_ code: String, period: Int) -> [Double]? {
        guard let c = codeIndex[code], let p = periods.firstIndex(of: period) else { return nil }
        return column(index: c, periodIndex: p)
    }

    func column(index c: Int, periodIndex p: Int) -> [Double] {
        let start = (p * codes.count + c) * units.count
        return Array(values[start..<start + units.count])
    }
}
