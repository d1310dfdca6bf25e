import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// The bundled gazetteer (GeoNames places of 15,000 or more) and the ISO code lists codes are checked against.
@Suite struct GazetteerTests {
    @Test func placesAreFoundByAnyOfTheirNamesLargestFirst() throws {
        let gazetteer = Gazetteer.shared
        #expect(gazetteer.places.count > 30_000)
        let surabaya = try #require(gazetteer.search("surabaya").first)
        #expect(surabaya.geonamesID == 1_625_822 && surabaya.country == "ID" && surabaya.subdivision == "ID-JI")
        #expect(surabaya.population > 2_000_000)
        #expect(abs(surabaya.coordinates.latitude + 7.25) < 0.1 && abs(surabaya.coordinates.longitude - 112.75) < 0.1)
        // Another name, in another language or an old spelling, finds the same place; accents and case aside.
        #expect(gazetteer.search("Soerabaja").first?.geonamesID == 1_625_822)
        #expect(gazetteer.search("kairo").first?.country == "EG")
        #expect(gazetteer.search("den haag").first?.country == "NL")
        #expect(gazetteer.search("MÜNCHEN").first?.subdivision == "DE-BY")
        // Namesakes: the larger first, a country narrows.
        let liverpools = gazetteer.search("Liverpool")
        #expect(liverpools.first?.country == "GB" && liverpools.contains { $0.country == "AU" })
        #expect(gazetteer.search("Liverpool", country: "au").map(\.country) == ["AU"])
        // A prefix finds places as the name is typed; nothing is found for nothing.
        #expect(gazetteer.search("Kitaky").contains { $0.country == "JP" && $0.subdivision == "JP-40" })
        #expect(gazetteer.search("   ").isEmpty && gazetteer.search("zzzzqx").isEmpty)
        #expect(gazetteer.search("a", limit: 5).count == 5)
    }

    @Test(arguments: TestBackend.enabled)
    func countryAndSubdivisionCodesMustExist(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: false)
            func city(_ country: String, _ subdivision: String?) -> City {
                City(
                    id: "malang", name: LocalizedText(en: "Malang", id: "Malang"), country: country,
                    subdivision: subdivision, adminLevel: .city)
            }
            for (country, subdivision, field) in [("QQ", nil, "country"), ("ID", "ID-ZZ", "subdivision")] {
                do {
                    try await store.repository.importBatch(ImportBatch(Dataset(cities: [city(country, subdivision)])))
                    Issue.record("\(country) \(subdivision ?? "") accepted")
                } catch let error as InvalidInput {
                    #expect(error.violations.map(\.field) == [field])
                    #expect(error.violations.first?.detail?.contains("has this code") == true)
                }
            }
            try await store.repository.importBatch(ImportBatch(Dataset(cities: [city("ID", "ID-JI")])))
            try await store.repository.importBatch(ImportBatch(Dataset(cities: [city("XK", nil)])))
            #expect(try await store.repository.city("malang")?.country == "XK")
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aListsPlacesAreMatchedToTheGazetteer(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: false)
            let text = try String(contentsOfFile: sharedFixture("twin-links-indonesia.csv"), encoding: .utf8)
            var batch = ImportBatch()
            batch.addCSV(
                text, file: "twin-links-indonesia.csv",
                pairs: try await store.repository.pairListContext(forCSV: text, file: "twin-links-indonesia.csv"))
            try await store.repository.importBatch(batch)
            // Bandung is found by name in Indonesia near the list's position: its province and population come
            // with it, GeoNames cited beside the list.
            let bandung = try #require(try await store.repository.city("bandung-id"))
            #expect(bandung.subdivision == "ID-JB" && (bandung.population?.count ?? 0) > 1_000_000)
            #expect(bandung.sources.map(\.rawValue).contains("geonames") && bandung.sources.count == 2)
            #expect(bandung.note?.hasPrefix("GeoNames ") == true)
            #expect(bandung.coordinates == Coordinates(latitude: -6.9218, longitude: 107.6071), "the list's own")
            #expect(try await store.repository.source("geonames")?.url == "https://www.geonames.org/")
            // Brisbane and Semarang too; most of the list's places are found.
            let cities = try await store.repository.cityPlaces().count
            var placed = 0
            for place in try await store.repository.cityPlaces() {
                if try await store.repository.city(CityKey(place.key))?.subdivision != nil { placed += 1 }
            }
            #expect(placed * 10 >= cities * 7, "\(placed) of \(cities)")
        }
    }
}
