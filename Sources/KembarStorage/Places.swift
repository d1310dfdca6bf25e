import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// A partnership drawn on a map: its two cities' positions, with what a map or a GeoJSON feature says of it.
public struct MapLink: Sendable {
    public var key: String
    public var kind: String
    public var stage: String?
    /// The status on the query's day.
    public var status: String?
    public var cities: (String, String)
    public var titleEnglish: String
    public var titleIndonesian: String
    public var from: Coordinates
    public var to: Coordinates
    /// Each agreement's kind and signing date, in signing order.
    public var agreements: [(kind: String, date: String)]
    public var lastActivity: String?

    public func title(_ language: Language) -> String { language == .en ? titleEnglish : titleIndonesian }
}

/// A city's position as its record's columns hold it (migration 013): no document decoded.
public struct CityPlace: Sendable, Equatable {
    public var key: String
    /// The English name (or the only one), as lists sort by.
    public var name: String
    public var country: String
    public var coordinates: Coordinates
}

extension Repository {
    /// Files the cities' countries and coordinates in their records' columns (in the write's transaction).
    func writePlaces(_ cities: [City]) async throws {
        let sql = try self.sql
        for city in cities {
            try await sql.raw(
                """
                UPDATE \(ident: EntityRecord.schema) SET country = \(bind: city.country), \
                latitude = \(bind: city.coordinates?.latitude), longitude = \(bind: city.coordinates?.longitude) \
                WHERE kind = \(bind: EntityKind.city.rawValue) AND key = \(bind: city.id.rawValue)
                """
            ).run()
        }
    }

    /// Sets every city record's place columns from its document, a chunk at a time (migration 013, a restore).
    func refillPlaces() async throws {
        var after = ""
        while true {
            let batch = try await EntityRecord.query(on: database).filter(\.$kind == EntityKind.city.rawValue)
                .filter(\.$key > after).sort(\.$key).limit(Derived.chunk).all()
            guard let last = batch.last else { break }
            try await writePlaces(try batch.map { try DocumentCoding.decode(City.self, $0) })
            after = last.key
        }
    }

    /// Every partnership `query` selects (its filters; not its page) — or only the one keyed `key` — whose two
    /// cities have coordinates, in key order: one indexed join of the summaries with the cities' place columns.
    public func mapLinks(_ query: PartnershipQuery, key: String? = nil) async throws -> [MapLink] {
        let sql = try self.sql
        let city = EntityKind.city.rawValue
        var located: [SQLQueryString] = ["c1.latitude IS NOT NULL", "c2.latitude IS NOT NULL"]
        if let key { located.append("s.key = \(bind: key)") }
        let rows = try await sql.raw(
            "SELECT s.key, s.kind, s.stage, s.city1, s.city2, s.title_en, s.title_id, s.agreements, s.last_activity, t.status AS status_now, "
                + "c1.latitude AS lat1, c1.longitude AS lon1, c2.latitude AS lat2, c2.longitude AS lon2 "
                + Self.summaryJoin(asOf: query.asOf, status: query.status)
                + " JOIN \(ident: EntityRecord.schema) c1 ON c1.kind = \(bind: city) AND c1.key = s.city1"
                + publicOnly("c1")
                + " JOIN \(ident: EntityRecord.schema) c2 ON c2.kind = \(bind: city) AND c2.key = s.city2"
                + publicOnly("c2")
                + summaryWhere(Self.conditions(query) + located) + " ORDER BY s.key"
        ).all()
        return try rows.map { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
            func number(_ column: String) throws -> Double { try row.decode(column: column, as: Double.self) }
            return MapLink(
                key: try text("key"), kind: try text("kind"), stage: try optional("stage"),
                status: try optional("status_now"), cities: (try text("city1"), try text("city2")),
                titleEnglish: try text("title_en"), titleIndonesian: try text("title_id"),
                from: Coordinates(latitude: try number("lat1"), longitude: try number("lon1")),
                to: Coordinates(latitude: try number("lat2"), longitude: try number("lon2")),
                agreements: Self.agreementDates(try text("agreements")), lastActivity: try optional("last_activity"))
        }
    }

    /// The cities with coordinates, in key order: those of `country` (ISO 3166-1) or those named by `keys`, or all.
    public func cityPlaces(country: String? = nil, keys: [String]? = nil) async throws -> [CityPlace] {
        let sql = try self.sql
        var found: [CityPlace] = []
        func read(_ condition: SQLQueryString) async throws {
            let rows = try await sql.raw(
                "SELECT key, label, country, latitude, longitude FROM \(ident: EntityRecord.schema) WHERE kind = "
                    + "\(bind: EntityKind.city.rawValue) AND latitude IS NOT NULL" + condition + publicOnly()
                    + " ORDER BY key"
            ).all()
            for row in rows {
                let key = try row.decode(column: "key", as: String.self)
                found.append(
                    CityPlace(
                        key: key, name: try row.decode(column: "label", as: String?.self) ?? key,
                        country: try row.decode(column: "country", as: String?.self) ?? "",
                        coordinates: Coordinates(
                            latitude: try row.decode(column: "latitude", as: Double.self),
                            longitude: try row.decode(column: "longitude", as: Double.self))))
            }
        }
        if let keys {
            for chunk in Set(keys).sorted().chunked(by: Derived.chunk) {
                try await read(" AND key IN (\(binds: chunk))")
            }
        } else if let country {
            try await read(" AND country = \(bind: country.uppercased())")
        } else {
            try await read("")
        }
        return found
    }

    /// The stored cities of these countries (ISO 3166-1 codes), in key order: the only ones a list of links between
    /// places of those countries can name, found by the indexed country column rather than by reading every city.
    public func cities(inCountries codes: some Collection<String>) async throws -> [City] {
        let sql = try self.sql
        var keys: [String] = []
        for chunk in Set(codes.map { $0.uppercased() }).sorted().chunked(by: Derived.chunk) {
            let rows = try await sql.raw(
                "SELECT key FROM \(ident: EntityRecord.schema) WHERE kind = \(bind: EntityKind.city.rawValue)"
                    + " AND country IN (\(binds: chunk))"
            ).all()
            keys += try rows.map { try $0.decode(column: "key", as: String.self) }
        }
        return try await cities(keys.map { CityKey($0) })
    }
}
