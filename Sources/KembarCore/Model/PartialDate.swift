/// A calendar date known to a day, a month or only a year, as sources give it.
///
/// Written `2018`, `2019-06` or `2022-06-28`. Kembar never invents precision: an activity "in 2019" stays a
/// year, and evaluations that need a day use ``firstDay`` and ``lastDay`` explicitly.
public struct PartialDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: String, Sendable, Codable, Comparable, CaseIterable {
        case year, month, day
        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date, or throws ``DateError`` when the parts do not form a real date.
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws {
        guard (1000...9999).contains(year) else { throw DateError.yearOutOfRange(year) }
        if let month, !(1...12).contains(month) { throw DateError.monthOutOfRange(month) }
        if let day {
            guard let month else { throw DateError.dayWithoutMonth }
            guard (1...Self.daysIn(month: month, year: year)).contains(day) else {
                throw DateError.dayOutOfRange(day)
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from parts already known to be valid (a ``Day``'s), without the year-range check.
    fileprivate init(unchecked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
            zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { throw DateError.malformed(text) }
        let numbers = parts.map { Int($0)! }
        try self.init(
            year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// The first day the date can mean (1 January for a year, the 1st for a month).
    public var firstDay: Day { Day(year: year, month: month ?? 1, day: day ?? 1) }
    /// The last day the date can mean (31 December for a year, the month's last day for a month).
    public var lastDay: Day {
        let m = month ?? 12
        return Day(year: year, month: m, day: day ?? Self.daysIn(month: m, year: year))
    }

    /// Orders by first possible day, then by precision (a year sorts before its months and days).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.firstDay != rhs.firstDay { return lhs.firstDay < rhs.firstDay }
        return lhs.precision < rhs.precision
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Why a date could not be read.
public enum DateError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case yearOutOfRange(Int)
    case monthOutOfRange(Int)
    case dayOutOfRange(Int)
    case dayWithoutMonth

    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        case .yearOutOfRange(let year): "year \(year) is outside 1000–9999"
        case .monthOutOfRange(let month): "month \(month) is outside 1–12"
        case .dayOutOfRange(let day): "day \(day) does not exist in that month"
        case .dayWithoutMonth: "a day needs a month"
        }
    }
}

/// A whole calendar day (proleptic Gregorian), used for arithmetic on dates: durations, windows, ages.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm; no calendar object needed.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day `months` later, clamped to the month's last day (31 March + 1 month = 30 April).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, PartialDate.daysIn(month: m, year: y)))
    }

    /// The day as a day-precision date. Days come from valid dates or from arithmetic on them, so the parts are
    /// always a real date; the year may pass 9999 (e.g. a long term added to a late signing), which is kept as is.
    public var partialDate: PartialDate { PartialDate(unchecked: year, month: month, day: day) }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
