import Foundation
import KembarCore

extension Day {
    /// Today in UTC: the one reading of the clock, taken by the programs (CLI, web) and handed to the pure core.
    public static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
