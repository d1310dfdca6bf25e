import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Open data on the web: the map, GeoJSON, IATI files, CSV downloads that the importer reads back, and the place
/// finder a new city starts from.
@Suite struct OpenDataTests {
    static func fetch(_ app: Application, _ path: String) async throws -> (HTTPStatus, HTTPHeaders, String) {
        var result: (HTTPStatus, HTTPHeaders, String) = (.internalServerError, [:], "")
        try await app.testing().test(.GET, path) { res async in result = (res.status, res.headers, res.body.string) }
        return result
    }

    @Test(arguments: TestBackend.enabled)
    func mapsAndGeoJSONShowTheFoundingCase(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let (status, _, page) = try await Self.fetch(app, "/map?lang=id")
            #expect(status == .ok)
            #expect(page.contains("class=\"kembar-map\"") && page.contains("2 dari 2 kerja sama digambar"))
            #expect(page.contains("<a href=\"/partnerships/surabaya-liverpool\">"))
            let city = try await Self.fetch(app, "/cities/surabaya?lang=en").2
            #expect(city.contains("id=\"city-map-title\"") && city.contains("aria-label=\"Liverpool\""))
            #expect(try await Self.fetch(app, "/partnerships/surabaya-liverpool").2.contains("id=\"partnership-map"))

            let (geoStatus, headers, body) = try await Self.fetch(app, "/api/v1/geojson/partnerships?country=GB")
            #expect(geoStatus == .ok && headers.first(name: .contentType)?.hasPrefix("application/geo+json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let features = try #require(json["features"] as? [[String: Any]])
            #expect(json["type"] as? String == "FeatureCollection" && features.count == 1)
            let geometry = try #require(features.first?["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "LineString")
            #expect((geometry["coordinates"] as? [[Double]])?.first == [112.7521, -7.2575])
            let properties = try #require(features.first?["properties"] as? [String: Any])
            #expect(
                properties["key"] as? String == "surabaya-liverpool" && properties["kind"] as? String == "sister-city")
            let cities = try await Self.fetch(app, "/api/v1/geojson/cities?city=surabaya").2
            #expect(cities.components(separatedBy: "\"Point\"").count - 1 == 3)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func iatiFilesSayWhatTheyNeed(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let (status, _, body) = try await Self.fetch(app, "/api/v1/iati/partnerships/surabaya-liverpool?lang=id")
            #expect(status == .conflict && body.contains("kota 'surabaya' belum memilikinya"))
            #expect(try await Self.fetch(app, "/api/v1/iati/all").0 == .conflict)
            #expect(try await Self.fetch(app, "/api/v1/iati/cities/atlantis").0 == .notFound)
            var surabaya = try #require(try await app.kembarStore.repository.city("surabaya"))
            surabaya.organisationIdentifier = "XI-WIKIDATA-Q0000001"
            try await app.kembarStore.repository.importBatch(ImportBatch(Dataset(cities: [surabaya])))
            let (okStatus, headers, xml) = try await Self.fetch(app, "/api/v1/iati/cities/surabaya")
            #expect(okStatus == .ok && headers.first(name: .contentType)?.hasPrefix("application/xml") == true)
            #expect(xml.hasPrefix("<?xml") && xml.contains("<iati-identifier>XI-WIKIDATA-Q0000001-surabaya-liverpool"))
        }
    }

    @Test(arguments: TestBackend.enabled)
    func csvDownloadsReadBackAsTheyWere(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            // A title a spreadsheet would run is written safe, and reads back as it was typed.
            var activities = try await repository.activities(of: "surabaya-liverpool")
            activities[0].title = LocalizedText(en: "=HYPERLINK(\"http://x\")", id: "-Pelatihan")
            try await repository.importBatch(ImportBatch(Dataset(activities: [activities[0]])))
            let (status, headers, csv) = try await Self.fetch(app, "/partnerships/surabaya-liverpool/activities.csv")
            #expect(status == .ok && headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.contains("'=HYPERLINK") && csv.contains("'-Pelatihan") && !csv.contains(",=HYPERLINK"))
            let back = try RecordCSV.decode(csv, file: "activities.csv")
            #expect(back.activities == (try await repository.activities(of: "surabaya-liverpool")))
            let observations = try await Self.fetch(app, "/cities/surabaya/observations.csv").2
            #expect(
                try RecordCSV.decode(observations, file: "o.csv").observations
                    == (try await repository.observations(of: "surabaya")))
            let selection = try await Self.fetch(app, "/export/partnerships.csv?country=GB").2
            let table = try CSVTable(parsing: selection)
            #expect(table.header.first == "key" && table.rows.map { $0.cells[0] } == ["surabaya-liverpool"])
            #expect(try await Self.fetch(app, "/partnerships/nothing/activities.csv").0 == .notFound)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aPlaceFoundByAnotherNameOpensAFilledCityForm(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let page = try await Self.fetch(app, "/places?q=Soerabaja&lang=id").2
            #expect(page.contains("Jawa Timur") && page.contains("Indonesia"))
            let link = try #require(page.firstMatch(of: /href="(\/new\/cities\?[^"]*)"/).map { String($0.1) })
            let admin = try await signIn(app)
            let form = try await get(app, link.replacingOccurrences(of: "&amp;", with: "&"), as: admin)
            var values = PlanTests.submitted(form)
            #expect(
                values["country"] == "ID" && values["subdivision"] == "ID-JI" && values["sources.0.key"] == "geonames")
            values["name_en"] = "Surabaya (GeoNames)"
            let response = try await post(app, "/new/cities", admin.form(values), as: admin)
            #expect(response.status == .seeOther)
            let city = try #require(try await app.kembarStore.repository.city("surabaya-geonames"))
            #expect(city.population?.count ?? 0 > 2_000_000 && city.sources == ["geonames"])
            #expect(try await app.kembarStore.repository.source("geonames") != nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func anUnchangedAnswerIsNotSentAgain(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            var tag = ""
            try await app.testing().test(.GET, "/api/v1/partnerships") { res async in
                tag = res.headers.first(name: .eTag) ?? ""
            }
            #expect(tag.hasPrefix("\"") && tag.count == 34)
            try await app.testing().test(
                .GET, "/api/v1/partnerships", headers: ["If-None-Match": "\"other\", \(tag)"]
            ) { res async in
                #expect(res.status == .notModified && res.body.readableBytes == 0)
                #expect(res.headers.first(name: .eTag) == tag)
            }
            // A change to what the answer shows is a new tag, and the whole answer again.
            var city = try #require(try await app.kembarStore.repository.city("liverpool"))
            city.name = LocalizedText(en: "Liverpool City", id: "Kota Liverpool")
            try await app.kembarStore.repository.importBatch(ImportBatch(Dataset(cities: [city])))
            try await app.testing().test(.GET, "/api/v1/cities/liverpool", headers: ["If-None-Match": tag]) {
                res async in
                #expect(res.status == .ok && res.headers.first(name: .eTag) != tag)
            }
            // Pages are not tagged: they carry a form token.
            try await app.testing().test(.GET, "/map") { res async in #expect(res.headers.first(name: .eTag) == nil) }
        }
    }

    /// Every API route is in the OpenAPI document, and every path of the document is a route.
    @Test func theOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        try await withKembarApp(.sqlite) { app in
            var body = ""
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res async in body = res.body.string }
            let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            var documented = Set<String>()
            for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
                for method in item.keys { documented.insert(method.uppercased() + " " + path) }
            }
            let routes = app.routes.all.map { route in
                route.method.rawValue + " /"
                    + route.path.map { component in
                        switch component {
                        case .parameter(let name): "{\(name)}"
                        default: component.description
                        }
                    }.joined(separator: "/")
            }.filter { $0.contains(" /api/") }
            // The write routes take the collection as a parameter; the document names each collection's.
            let expanded = Set(
                routes.flatMap { route in
                    route.contains("{collection}")
                        ? EditableCollection.allCases.map {
                            route.replacingOccurrences(of: "{collection}", with: $0.rawValue)
                        } : [route]
                })
            #expect(
                expanded == documented,
                "undocumented: \(expanded.subtracting(documented)), gone: \(documented.subtracting(expanded))")
        }
    }

    /// Found by schemathesis on PostgreSQL: a NUL in a filter reached the database, which refuses it in any string.
    @Test(arguments: TestBackend.enabled)
    func aNulInTheAddressIsABadRequest(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            for path in [
                "/api/v1/partnerships?country=JP&province=%C2%87%00", "/api/v1/cities?q=a%00b", "/?q=%00",
                "/api/v1/geojson/cities?country=%00", "/api/v1/sources/x%00y",
            ] {
                try await app.testing().test(.GET, path) { res async in
                    #expect(res.status == .badRequest, "\(path)")
                }
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func listsArePagedByCursor(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            func page(_ path: String) async throws -> (HTTPStatus, [String: Any]) {
                let (status, _, body) = try await Self.fetch(app, path)
                return (status, (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:])
            }
            var keys: [String] = []
            var path = "/api/v1/cities?limit=1"
            while true {
                let (status, json) = try await page(path)
                #expect(status == .ok)
                keys += (json["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
                guard let next = json["next"] as? String else { break }
                path = "/api/v1/cities?limit=1&cursor=\(next)"
            }
            #expect(keys == ["kitakyushu", "liverpool", "surabaya"])
            let (_, first) = try await page("/api/v1/partnerships?limit=1&sort=title")
            let next = try #require(first["next"] as? String)
            let (_, second) = try await page("/api/v1/partnerships?limit=1&sort=title&cursor=\(next)")
            // Two partnerships: the second page is full, so it has a next, which is empty and has none.
            let last = try #require(second["next"] as? String)
            let (_, third) = try await page("/api/v1/partnerships?limit=1&sort=title&cursor=\(last)")
            #expect((second["items"] as? [[String: Any]])?.count == 1)
            #expect((third["items"] as? [[String: Any]])?.isEmpty == true && third["next"] == nil)
            // A cursor Kembar did not give, or gave for another sort or list, is a bad request that says so.
            for wrong in [
                "/api/v1/partnerships?limit=1&sort=kind&cursor=\(next)", "/api/v1/cities?cursor=\(next)",
                "/api/v1/sources?cursor=bm9wZQ",
            ] {
                let (status, problem) = try await page(wrong)
                #expect(status == .badRequest && (problem["detail"] as? String)?.contains("cursor") == true, "\(wrong)")
            }
        }
    }
}
