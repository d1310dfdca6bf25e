import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Maps of partnerships: the map page (the world, or the dashboard's selection: a city, a country, a kind…) and the
/// maps on city and partnership pages. Query (the summaries joined to the cities' place columns) → lines and
/// points → one SVG.
enum MapPage {
    static func build(_ req: Request) async throws -> GenericPage {
        let language = req.language
        let filters = DashboardFilters(req)
        let query = filters.query(asOf: req.asOf, language: language)
        let repository = req.repository
        let links = try await repository.mapLinks(query)
        let total = try await repository.partnershipCounts(query).total
        var place = MapText.world(language)
        var points: [MapPoint] = []
        var focus: [Coordinates] = []
        if !filters.city.isEmpty, let city = try await repository.city(CityKey(filters.city)) {
            place = city.name.text(language)
            points = try await ends(of: links, and: filters.city, repository)
            focus = points.map(\.coordinates)
        } else if !filters.country.isEmpty {
            place = CountryNaming.name(filters.country.uppercased(), language)
            let cities = try await repository.cityPlaces(country: filters.country)
            points = cities.map { MapPoint($0.coordinates, name: $0.name, labelled: false, href: "/cities/\($0.key)") }
            focus = points.map(\.coordinates)
        } else if links.count <= WorldMap.linkedLineLimit {
            points = try await ends(of: links, repository)
        }
        let title = filters.isEmpty ? MapText.worldTitle(language) : MapText.mapOf(place, language)
        let description = MapText.drawn(links.count, of: total, cities: points.count, language)
        var section = Section(id: "map", heading: MapText.partnershipsMap(language))
        section.charts = [
            WorldMap.svg(
                lines: lines(links, language), points: points, legend: MapText.legend(language), title: title,
                description: description, id: "map", focus: focus,
                highlight: filters.country.isEmpty ? nil : filters.country.uppercased())
        ]
        section.paragraphs = [description, MapText.baseMapCredit(language)]
        let selection = selectionQuery(req)
        var downloads = Section(id: "downloads", heading: MapText.downloads(language))
        downloads.links = [
            Link(href: "/?" + selection, label: MapText.onDashboard(language)),
            Link(href: "/api/v1/geojson/partnerships?" + selection, label: MapText.geojsonPartnerships(language)),
            Link(href: "/api/v1/geojson/cities?" + selection, label: MapText.geojsonCities(language)),
        ]
        return GenericPage(
            chrome: Chrome(req, title: title, section: "/map"), heading: title, lead: nil, actions: [],
            sections: [section, downloads])
    }

    /// The partnerships as lines: linked to their pages, named in `language`, coloured by status.
    static func lines(_ links: [MapLink], _ language: Language) -> [MapLine] {
        links.map { link in
            MapLine(
                from: link.from, to: link.to, group: MapGroup(status: link.status.flatMap(PartnershipStatus.init)),
                href: "/partnerships/\(link.key)", label: link.title(language))
        }
    }

    /// Above this many cities on a map, they are named in their tooltips only, not beside their dots.
    static let labelledPoints = 40

    /// The cities at the ends of the lines (and `city`, when given), linked to their pages.
    static func ends(
        of links: [MapLink], and city: String? = nil, _ repository: Repository
    ) async throws -> [MapPoint] {
        let keys = [city].compactMap { $0 } + links.flatMap { [$0.cities.0, $0.cities.1] }
        let places = try await repository.cityPlaces(keys: keys)
        return places.map {
            MapPoint(
                $0.coordinates, name: $0.name, labelled: places.count <= labelledPoints, href: "/cities/\($0.key)")
        }
    }

    /// The request's filters as a query string (without the language and the page), for the same selection
    /// elsewhere.
    static func selectionQuery(_ req: Request) -> String {
        var components = URLComponents()
        components.queryItems = (URLComponents(string: req.url.string)?.queryItems ?? []).filter {
            !["lang", "page"].contains($0.name)
        }
        return components.percentEncodedQuery ?? ""
    }

    /// The map of one city's partnerships (all of them, not a page), for its page.
    static func city(_ req: Request, _ city: City) async throws -> String? {
        guard city.coordinates != nil else { return nil }
        var query = PartnershipQuery(asOf: req.asOf)
        query.city = city.id.rawValue
        let links = try await req.repository.mapLinks(query)
        let total = try await req.repository.partnershipCounts(query).total
        let points = try await ends(of: links, and: city.id.rawValue, req.repository)
        let language = req.language
        return WorldMap.svg(
            lines: lines(links, language), points: points, legend: MapText.legend(language),
            title: MapText.mapOf(city.name.text(language), language),
            description: MapText.drawn(links.count, of: total, cities: points.count, language), id: "city-map",
            focus: points.map(\.coordinates))
    }

    /// The map of a partnership: its two cities and the line between them.
    static func partnership(_ req: Request, _ key: PartnershipKey) async throws -> String? {
        let links = try await req.repository.mapLinks(PartnershipQuery(asOf: req.asOf), key: key.rawValue)
        guard let link = links.first else { return nil }
        let language = req.language
        let points = try await ends(of: links, req.repository)
        return WorldMap.svg(
            lines: lines(links, language), points: points, legend: MapText.legend(language),
            title: MapText.mapOf(link.title(language), language),
            description: MapText.drawn(1, of: 1, cities: points.count, language), id: "partnership-map",
            focus: points.map(\.coordinates))
    }
}
