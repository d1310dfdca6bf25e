import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Open data: GeoJSON of cities and partnerships, and IATI 2.03 activity files, for a partnership, a city or
/// everything.
struct OpenDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let geo = routes.grouped("api", "v1", "geojson")
        geo.get("partnerships", use: partnerships)
        geo.get("cities", use: cities)
        let iati = routes.grouped("api", "v1", "iati")
        iati.get("partnerships", ":key", use: iatiPartnership)
        iati.get("cities", ":key", use: iatiCity)
        iati.get("all", use: iatiAll)
        routes.get("export", "partnerships.csv", use: partnershipsCSV)
        routes.get("partnerships", ":key", "activities.csv", use: activitiesCSV)
        routes.get("cities", ":key", "observations.csv", use: observationsCSV)
    }

    /// The dashboard's selection (its filters and sort) as CSV, every row of it: what the list shows of each
    /// partnership, read from the summaries 500 rows at a time.
    func partnershipsCSV(req: Request) async throws -> Response {
        var query = DashboardFilters(req).query(asOf: req.asOf, language: req.language)
        query.limit = 500
        query.offset = 0
        var rows: [[String]] = []
        while true {
            let page = try await req.repository.partnershipRows(query)
            rows += page.map { row in
                [
                    row.key, row.titleEnglish, row.titleIndonesian, row.kind, row.stage ?? "", row.status ?? "",
                    row.cities.first ?? "", row.cities.count > 1 ? row.cities[1] : "",
                    row.agreements.map { "\($0.kind) \($0.date)" }.joined(separator: "; "), String(row.agreementCount),
                    String(row.activityCount), String(row.participants), row.lastActivity ?? "",
                ]
            }
            if page.count < query.limit { break }
            query.offset += query.limit
        }
        let header = [
            "key", "title_en", "title_id", "kind", "stage", "status_\(query.asOf)", "city", "partner_city",
            "agreements", "agreement_count", "activity_count", "participants", "last_activity",
        ]
        return Self.csv(CSVTable.renderSafe(header: header, rows: rows), name: "kembar-partnerships")
    }

    /// A partnership's activities in the columns the importer reads.
    func activitiesCSV(req: Request) async throws -> Response {
        let key = PartnershipKey(try req.parameters.require("key"))
        guard try await req.repository.partnership(key) != nil else { throw Abort(.notFound) }
        let activities = try await req.repository.activities(of: key)
        return Self.csv(RecordCSV.encode(activities), name: "kembar-\(key)-activities")
    }

    /// A city's observations in the columns the importer reads.
    func observationsCSV(req: Request) async throws -> Response {
        let key = CityKey(try req.parameters.require("key"))
        guard try await req.repository.city(key) != nil else { throw Abort(.notFound) }
        let observations = try await req.repository.observations(of: key)
        return Self.csv(RecordCSV.encode(observations), name: "kembar-\(key)-observations")
    }

    static func csv(_ text: String, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.contentDisposition = .init(.attachment, filename: name + ".csv")
        return response
    }

    /// `GET /api/v1/iati/partnerships/KEY`: the partnership and its activities, reported by its city.
    func iatiPartnership(req: Request) async throws -> Response {
        try await Self.iati(req, .partnership(PartnershipKey(try req.parameters.require("key"))))
    }

    /// `GET /api/v1/iati/cities/KEY`: every partnership of the city, reported by the city.
    func iatiCity(req: Request) async throws -> Response {
        try await Self.iati(req, .city(CityKey(try req.parameters.require("key"))))
    }

    /// `GET /api/v1/iati/all`: every partnership, reported by the registry's publisher (`KEMBAR_IATI_PUBLISHER`).
    func iatiAll(req: Request) async throws -> Response {
        guard let publisher = req.application.access.iatiPublisher else {
            throw Abort(.conflict, reason: MapText.iatiPublisherMissing(req.language))
        }
        return try await Self.iati(req, .all(publisher))
    }

    static func iati(_ req: Request, _ scope: IATIScope) async throws -> Response {
        let export: IATI.Export
        do {
            export = try await req.repository.iati(
                scope, today: Day.today(), generated: Self.timestamp(), baseURL: req.publicBase)
        } catch let error as InvalidInput {
            if error.violations.contains(where: { $0.rule == .referenceUnknown }) { throw Abort(.notFound) }
            let city = error.violations.first?.location.replacingOccurrences(of: "cities/", with: "") ?? ""
            throw Abort(.conflict, reason: MapText.iatiIdentifierMissing(city, req.language))
        }
        let response = Response(status: .ok, body: .init(string: export.xml))
        response.headers.replaceOrAdd(name: .contentType, value: "application/xml; charset=utf-8")
        response.headers.contentDisposition = .init(.inline, filename: "kembar-iati.xml")
        return response
    }

    /// Now, to the second, as IATI's `xsd:dateTime` in UTC.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Partnership lines with the dashboard's filters (`city`, `country`, `province`, `kind`, `stage`, `status`,
    /// `field`, `year`, `q`, `asOf`): every partnership selected whose two cities have coordinates.
    func partnerships(req: Request) async throws -> Response {
        let asOf = req.asOf
        let links = try await req.repository.mapLinks(DashboardFilters(req).query(asOf: asOf, language: req.language))
        let base = req.publicBase ?? ""
        let features = links.map { link in
            GeoJSON.Feature(
                id: link.key, geometry: GeoJSON.line(link.from, link.to),
                properties: PartnershipProperties(
                    key: link.key, url: base + "/partnerships/" + link.key,
                    title: LocalizedText(en: link.titleEnglish, id: link.titleIndonesian), kind: link.kind,
                    stage: link.stage, status: link.status, statusOn: asOf.description,
                    cities: [link.cities.0, link.cities.1],
                    agreements: link.agreements.map { .init(kind: $0.kind, signed: $0.date) },
                    lastActivity: link.lastActivity))
        }
        return try Self.geoJSON(GeoJSON.FeatureCollection(features: features), name: "kembar-partnerships")
    }

    /// City points: `?city=KEY` (the city and its partner cities), `?country=CC`, or every city with coordinates.
    func cities(req: Request) async throws -> Response {
        let filters = DashboardFilters(req)
        let places: [CityPlace]
        if !filters.city.isEmpty {
            var query = PartnershipQuery(asOf: req.asOf)
            query.city = filters.city
            let links = try await req.repository.mapLinks(query)
            places = try await req.repository.cityPlaces(
                keys: [filters.city] + links.flatMap { [$0.cities.0, $0.cities.1] })
        } else if !filters.country.isEmpty {
            places = try await req.repository.cityPlaces(country: filters.country)
        } else {
            places = try await req.repository.cityPlaces()
        }
        let base = req.publicBase ?? ""
        let features = places.map { place in
            GeoJSON.Feature(
                id: place.key, geometry: GeoJSON.point(place.coordinates),
                properties: CityProperties(
                    key: place.key, url: base + "/cities/" + place.key, name: place.name, country: place.country))
        }
        return try Self.geoJSON(GeoJSON.FeatureCollection(features: features), name: "kembar-cities")
    }

    static func geoJSON(_ value: some Encodable, name: String) throws -> Response {
        let response = Response(status: .ok, body: .init(data: try JSONEncoder.api.encode(value)))
        response.headers.replaceOrAdd(name: .contentType, value: "application/geo+json; charset=utf-8")
        response.headers.contentDisposition = .init(.inline, filename: name + ".geojson")
        return response
    }

    struct PartnershipProperties: Encodable, Sendable {
        var key: String
        var url: String
        var title: LocalizedText
        var kind: String
        var stage: String?
        var status: String?
        /// The day the status is judged on.
        var statusOn: String
        var cities: [String]
        var agreements: [AgreementDate]
        var lastActivity: String?

        struct AgreementDate: Encodable, Sendable {
            var kind: String
            var signed: String
        }
    }

    struct CityProperties: Encodable, Sendable {
        var key: String
        var url: String
        var name: String
        var country: String
    }
}
