import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// Maps and GeoJSON read cities' positions from their records' columns: kept current by every write and a restore,
/// and joined to the partnership summaries with the dashboard's filters.
@Suite struct MapTests {
    @Test(arguments: TestBackend.enabled)
    func linksFollowTheCitiesPositionsThroughWritesAndARestore(backend: TestBackend) async throws {
        let backup = try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            let today = Day(year: 2026, month: 1, day: 1)
            let all = try await repository.mapLinks(PartnershipQuery(asOf: today))
            #expect(all.map(\.key) == ["surabaya-kitakyushu", "surabaya-liverpool"])
            let liverpool = try #require(all.last)
            #expect(liverpool.cities == ("surabaya", "liverpool"))
            #expect(liverpool.from == Coordinates(latitude: -7.2575, longitude: 112.7521))
            #expect(liverpool.to == Coordinates(latitude: 53.4084, longitude: -2.9916))
            #expect(liverpool.agreements.map(\.kind).contains("mou"))
            #expect(liverpool.status != nil)
            // The dashboard's filters: a country, a city, a partnership alone.
            var british = PartnershipQuery(asOf: today)
            british.country = "gb"
            #expect(try await repository.mapLinks(british).map(\.key) == ["surabaya-liverpool"])
            #expect(
                try await repository.mapLinks(PartnershipQuery(asOf: today), key: "surabaya-kitakyushu").map(\.key)
                    == ["surabaya-kitakyushu"])
            #expect(try await repository.cityPlaces(country: "JP").map(\.key) == ["kitakyushu"])
            #expect(try await repository.cityPlaces().count == 3)

            // Moving a city moves its lines; a city without coordinates takes its lines off the map.
            var kitakyushu = try #require(try await repository.city("kitakyushu"))
            kitakyushu.coordinates = Coordinates(latitude: 33.9, longitude: 130.9)
            try await repository.importBatch(ImportBatch(Dataset(cities: [kitakyushu])))
            #expect(
                try await repository.mapLinks(PartnershipQuery(asOf: today)).first?.to
                    == Coordinates(latitude: 33.9, longitude: 130.9))
            var liverpoolCity = try #require(try await repository.city("liverpool"))
            liverpoolCity.coordinates = nil
            try await repository.importBatch(ImportBatch(Dataset(cities: [liverpoolCity])))
            #expect(try await repository.mapLinks(PartnershipQuery(asOf: today)).map(\.key) == ["surabaya-kitakyushu"])
            #expect(try await repository.cityPlaces().map(\.key) == ["kitakyushu", "surabaya"])
            // A new city is placed as it is created.
            let medan = City(
                id: "medan", name: LocalizedText(en: "Medan", id: "Medan"), country: "ID", adminLevel: .city,
                coordinates: Coordinates(latitude: 3.58, longitude: 98.67))
            try await repository.importBatch(ImportBatch(Dataset(cities: [medan])))
            #expect(try await repository.cityPlaces(country: "ID").map(\.name) == ["Medan", "Surabaya"])
            return try await repository.backup()
        }
        try await withTestStore(backend) { store in
            try await store.repository.restore(backup)
            #expect(try await store.repository.cityPlaces().map(\.key) == ["kitakyushu", "medan", "surabaya"])
        }
    }

    @Test func aLineAcrossTheAntimeridianIsSplitThere() throws {
        let tokyo = Coordinates(latitude: 35.7, longitude: 139.7)
        let sanFrancisco = Coordinates(latitude: 37.8, longitude: -122.4)
        guard case .multiLineString(let parts) = GeoJSON.line(tokyo, sanFrancisco) else {
            Issue.record("not split")
            return
        }
        #expect(parts.count == 2 && parts[0].first == [139.7, 35.7] && parts[1].last == [-122.4, 37.8])
        #expect(parts[0].last?.first == 180 && parts[1].first?.first == -180)
        #expect(parts[0].last?.last == parts[1].first?.last)
        let latitude = try #require(parts[0].last?.last)
        #expect(latitude > 35.7 && latitude < 37.8)
        #expect(
            GeoJSON.line(
                Coordinates(latitude: -7.26, longitude: 112.75), Coordinates(latitude: 53.41, longitude: -2.99))
                == .lineString([[112.75, -7.26], [-2.99, 53.41]]))
    }
}
