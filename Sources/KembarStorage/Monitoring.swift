import FluentKit
import FluentSQL
import Foundation
import KembarCore

extension Repository {
    /// Everything a city's monitoring report reads: the city's partnerships with their agreements, milestones,
    /// planned actions and activities, the cities and organisations they name, and the fields — a query per kind for
    /// the city's partnerships, never the whole database.
    public func cityRecords(_ city: CityKey) async throws -> Dataset {
        let keys = try await partnerships(ofCities: [city.rawValue]).sorted()
        var data = Dataset()
        data.partnerships = try await records(keys: keys)
        let shown = data.partnerships.map(\.id.rawValue)
        // A public reader does not see children marked internal (their internal partnerships are already left out).
        func visible<T: StoredEntity>() async throws -> [T] {
            try await children(of: shown, [:], new: []).filter { !$0.markedInternal || !publicReader }
        }
        data.agreements = try await visible()
        data.milestones = try await visible()
        data.actions = try await visible()
        data.activities = try await visible()
        let cityKeys = Set(
            [city.rawValue]
                + data.partnerships.flatMap { [$0.city.rawValue] + [$0.partnerCity?.rawValue].compactMap { $0 } })
        data.cities = try await records(keys: cityKeys.sorted())
        data.organisations = try await records(
            keys: Set(data.partnerships.compactMap(\.partnerOrganisation?.rawValue)).sorted())
        data.fields = try await all()
        return data
    }

    /// The ministry's overview of the partnerships of a country or province (or all) on `asOf`, from the summaries:
    /// the counts by stage and status, and per first city the partnerships and their statuses, the `limit` cities
    /// with the most first.
    public func overview(
        country: String?, province: String?, asOf: Day, limit: Int = 100
    ) async throws
        -> RegistryOverview
    {
        var query = PartnershipQuery(asOf: asOf)
        query.country = country ?? ""
        query.subdivision = province ?? ""
        let counts = try await partnershipCounts(query)
        let sql = try self.sql
        var conditions = Self.conditions(query)
        // A city counts its own partnerships: those it records (the first city) in the country or province asked.
        if let country { conditions.append("s.country1 = \(bind: country.uppercased())") }
        if let province { conditions.append("s.subdivision1 = \(bind: province.uppercased())") }
        var perCity: [String: [String: Int]] = [:]
        for row in try await sql.raw(
            "SELECT s.city1 AS city, t.status AS status, COUNT(*) AS n " + Self.summaryJoin(asOf: asOf)
                + summaryWhere(conditions) + " GROUP BY s.city1, t.status"
        ).all() {
            let city = try row.decode(column: "city", as: String.self)
            perCity[city, default: [:]][try row.decode(column: "status", as: String?.self) ?? "none", default: 0] +=
                try row.decode(column: "n", as: Int.self)
        }
        let totals = perCity.mapValues { $0.values.reduce(0, +) }
        let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let shown = ranked.prefix(max(0, min(limit, 1000)))
        let cities: [City] = try await records(keys: shown.map(\.key).sorted())
        let names = Dictionary(cities.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })
        let scopeName =
            province.flatMap { (try? Bundled.subdivisions())?[$0.uppercased()] }
            ?? country.flatMap { code in
                (try? Bundled.countries())?.countries.first { $0.code == code.uppercased() }?.name
            }
        return RegistryOverview(
            country: country?.uppercased(), province: province?.uppercased(), scopeName: scopeName,
            asOf: asOf.partialDate,
            total: counts.total, byStage: counts.byStage, byStatus: counts.byStatus,
            cities: shown.map { key, count in
                RegistryOverview.CityLine(
                    city: CityKey(key), name: names[key] ?? LocalizedText(en: key), partnerships: count,
                    byStatus: perCity[key] ?? [:])
            }, moreCities: ranked.count > shown.count)
    }
}
