import Foundation
import KembarCore
import Testing

/// Lists of twinning links: places become cities, pairs become partnerships, countries are never guessed.
@Suite struct PairListTests {
    static func countries() throws -> CountryNames {
        let url = Bundled.url("countries.json")
        return try JSONDecoder().decode(CountryNames.self, from: try Data(contentsOf: url))
    }

    static let header = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"

    func read(_ rows: String, existing: [City] = [], skip: Bool = false) throws -> PairList.Result {
        let table = try CSVTable(parsing: Self.header + rows)
        return PairList.read(
            table, file: "links.csv", countries: try Self.countries(), source: "links", existing: existing,
            skipInvalidRows: skip)
    }

    @Test("country names as sources write them resolve to ISO codes; unknown ones are reported, not guessed")
    func countryNames() throws {
        let names = try Self.countries()
        #expect(names.match("England") == .code("GB") && names.match("Scotland, United Kingdom") == .code("GB"))
        #expect(names.match("Réunion, France") == .code("RE") && names.match("Brandenburg, Germany") == .code("DE"))
        #expect(names.match("Türkiye") == .code("TR") && names.match("Turkey") == .code("TR"))
        #expect(names.match("ivory coast") == .code("CI") && names.match("Indonesia") == .code("ID"))
        #expect(names.match("Kosovo") == .code("XK"))
        for unknown in ["Northern Cyprus", "Madagaskar", "in Italy", "", "Island"] {
            #expect(names.match(unknown) == .unknown, "\(unknown)")
        }
        #expect(names.name("ID")?.id == "Indonesia" && names.name("DE")?.id == "Jerman")
    }

    @Test("same-named places in one country are kept apart by their coordinates; one place spelt two ways is one")
    func namesakes() throws {
        let result = try read(
            """
            Springfield,United States,39.80,-89.64,Berat,Albania,40.70,19.96
            Springfield,United States,42.10,-72.59,Berat,Albania,40.71,19.95
            La Ferté-Macé,France,48.59,-0.36,Ludlow,England,52.37,-2.72
            La Ferte Mace,France,48.60,-0.35,Berat,Albania,40.70,19.96

            """)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let keys = Set(result.dataset.cities.map(\.id.rawValue))
        #expect(
            keys == [
                "springfield-us-39.8n-89.6w", "springfield-us-42.1n-72.6w", "berat-al", "la-ferte-mace-fr", "ludlow-gb",
            ])
        #expect(result.dataset.partnerships.count == 4)
        #expect(result.dataset.partnerships.allSatisfy { $0.stage == .agreement && $0.kind == .sisterCity })
        #expect(result.dataset.partnerships.allSatisfy { $0.sources == ["links"] })
        #expect(
            result.dataset.violations(
                existing: ReferenceIndex(Dataset(sources: [Source(id: "links", kind: .dataset, title: "l")]))
            ).isEmpty)
    }

    @Test("a pair listed twice, in either order, is one partnership; places match stored cities")
    func storedCitiesAndDuplicates() throws {
        let surabaya = City(
            id: "surabaya", name: LocalizedText(en: "Surabaya", id: "Kota Surabaya"), country: "ID", adminLevel: .city,
            coordinates: Coordinates(latitude: -7.2575, longitude: 112.7521))
        let result = try read(
            """
            Surabaya,Indonesia,-7.25,112.75,Liverpool,England,53.41,-2.99
            Liverpool,"England, United Kingdom",53.40,-2.98,Surabaya,Indonesia,-7.26,112.76

            """, existing: [surabaya])
        #expect(result.dataset.cities.map(\.id) == ["liverpool-gb"], "Surabaya is the stored city")
        #expect(result.dataset.partnerships.map(\.id.rawValue) == ["surabaya.liverpool-gb"])
    }

    @Test("unknown countries and self-pairs refuse the file, or are left out and listed when asked")
    func invalidRows() throws {
        let rows = """
            Kyrenia,Northern Cyprus,35.34,33.32,Berat,Albania,40.70,19.96
            Stryi,Ukraine,49.25,23.85,Stryi,Ukraine,49.25,23.85
            Berat,Albania,40.70,19.96,Fermo,Italy,43.16,13.72

            """
        let refused = try read(rows)
        #expect(refused.problems.map(\.rule) == [.countryCodeInvalid, .partnershipWithItself])
        #expect(refused.problems[0].location == "links.csv:2" && refused.problems[0].value == "Northern Cyprus")
        let skipped = try read(rows, skip: true)
        #expect(skipped.problems.isEmpty && skipped.skipped == ["links.csv:2", "links.csv:3"])
        #expect(skipped.dataset.partnerships.map(\.id.rawValue) == ["berat-al.fermo-it"])
    }

    @Test("bad coordinates are named, never trapped")
    func coordinates() throws {
        let result = try read("A,France,91,0,B,France,x,0\n")
        #expect(result.problems.map(\.field) == ["lat1", "lat2"])
    }
}
