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
}
