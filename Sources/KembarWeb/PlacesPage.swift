import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// "Find a place": the gazetteer searched by any name of a place, each match a link to a new city's form with its
/// country, subdivision, position and population filled in and GeoNames as its source.
enum PlacesPage {
    static let shown = 30

    static func build(_ req: Request) -> GenericPage {
        let language = req.language
        let text = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        let country = String((req.query[String.self, at: "country"] ?? "").prefix(2))
        let places = Gazetteer.shared.search(text, country: country, limit: shown)
        var section = Section(id: "places", heading: Catalogue.page(.search, language))
        section.search = SearchBox(req)
        section.paragraphs = [PlaceText.explain(language)]
        if !text.isBlank {
            if places.isEmpty { section.paragraphs.append(PlaceText.noneFound(text, language)) }
            section.tables = [
                Table(
                    caption: PlaceText.matches(text, language),
                    columns: [
                        Catalogue.column("name", language), PlaceText.otherNames(language),
                        Catalogue.column("subdivision", language), Catalogue.page(.country, language),
                        Catalogue.column("population", language), Catalogue.page(.position, language),
                    ],
                    rows: places.map { place in
                        [
                            Cell(text: place.name, href: newCity(place)),
                            Cell(text: place.alternates.prefix(4).joined(separator: ", ")),
                            Cell(text: place.subdivision.map { CountryNaming.subdivision($0, language) } ?? "—"),
                            Cell(text: CountryNaming.name(place.country, language)),
                            Cell(text: Format.integer(place.population, language), numeric: true),
                            Cell(
                                text: Format.position(
                                    latitude: place.coordinates.latitude, longitude: place.coordinates.longitude,
                                    language)),
                        ]
                    })
            ]
        }
        section.links = [Link(href: "/new/cities", label: PlaceText.byHand(language))]
        let title = PlaceText.heading(language)
        return GenericPage(
            chrome: Chrome(req, title: title, section: "/cities"), heading: title, lead: nil, actions: [],
            sections: [section], breadcrumb: [Link(href: "/cities", label: Catalogue.page(.cities, language))])
    }

    /// The new city's form with what the gazetteer knows: GeoNames gives the population as current, so its year is
    /// the year it was read; the note keeps the GeoNames id.
    static func newCity(_ place: Gazetteer.Place) -> String {
        var components = URLComponents()
        components.path = "/new/cities"
        let c = place.coordinates
        var items: [(String, String)] = [
            ("name_en", place.name), ("name_id", place.name), ("country", place.country), ("admin_level", "city"),
            ("latitude", String(c.latitude)), ("longitude", String(c.longitude)),
            ("population", String(place.population)), ("population_year", String(Day.today().year)),
            ("sources", Bundled.geonamesSource.id.rawValue),
            ("note", "GeoNames \(place.geonamesID): position and population as GeoNames gives them."),
        ]
        if let subdivision = place.subdivision { items.append(("subdivision", subdivision)) }
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? "/new/cities"
    }
}

/// The words of the place finder.
enum PlaceText {
    static func heading(_ l: Language) -> String { l == .en ? "Find a place" : "Cari tempat" }

    static func explain(_ l: Language) -> String {
        l == .en
            ? "Search the places of 15,000 people or more by any of their names (Surabaya, Soerabaja; Den Haag, The Hague). Choosing one opens a new city with its country, subdivision, position and population filled in, GeoNames cited as the source. Places: GeoNames, CC BY 4.0."
            : "Cari tempat berpenduduk 15.000 jiwa atau lebih dengan nama apa pun (Surabaya, Soerabaja; Den Haag, The Hague). Memilih satu membuka formulir kota baru dengan negara, subdivisi, posisi dan jumlah penduduk sudah terisi, dengan GeoNames sebagai sumber. Data tempat: GeoNames, CC BY 4.0."
    }

    static func matches(_ text: String, _ l: Language) -> String {
        l == .en ? "Places named “\(text)”" : "Tempat bernama “\(text)”"
    }

    static func noneFound(_ text: String, _ l: Language) -> String {
        l == .en
            ? "No place of 15,000 people or more is named “\(text)”. Smaller places can be recorded by hand."
            : "Tidak ada tempat berpenduduk 15.000 jiwa atau lebih yang bernama “\(text)”. Tempat yang lebih kecil dapat dicatat secara manual."
    }

    static func otherNames(_ l: Language) -> String { l == .en ? "Other names" : "Nama lain" }
    static func byHand(_ l: Language) -> String { l == .en ? "Record a city by hand" : "Catat kota secara manual" }
    static func findInGazetteer(_ l: Language) -> String {
        l == .en
            ? "Find the place in the gazetteer: country, subdivision, position and population filled in"
            : "Cari tempat di gazetir: negara, subdivisi, posisi dan jumlah penduduk terisi otomatis"
    }
}
