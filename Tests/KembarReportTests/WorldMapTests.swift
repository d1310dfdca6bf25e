import Foundation
import KembarCore
import Testing

@testable import KembarReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The map: Natural Earth's countries under great-circle lines, one SVG that stays light at world scale.
@Suite struct WorldMapTests {
    /// `count` links between pseudo-random places (a fixed linear congruential sequence: the same every run).
    static func links(_ count: Int) -> [MapLine] {
        var state: UInt64 = 2018
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { i in
            MapLine(
                from: Coordinates(latitude: next() * 120 - 50, longitude: next() * 360 - 180),
                to: Coordinates(latitude: next() * 120 - 50, longitude: next() * 360 - 180),
                group: MapGroup.allCases[i % MapGroup.allCases.count], href: "/partnerships/p\(i)", label: "P \(i)")
        }
    }

    static func wellFormed(_ svg: String) -> Bool { XMLParser(data: Data(svg.utf8)).parse() }

    @Test func theBaseMapHoldsNaturalEarthsCountries() {
        let countries = BaseMap.shared.countries
        #expect(countries.count == 177)
        #expect(Set(["ID", "GB", "JP", "FR", "NO", "XK"]).isSubset(of: Set(countries.map(\.code))))
        #expect(countries.first { $0.code == "ID" }.map { $0.rings.count > 5 } == true)
    }

    @Test func twentyFiveThousandLinksStayOneLightImage() {
        let svg = WorldMap.svg(
            lines: Self.links(25_000), points: [], legend: MapText.legend(.en), title: "World", description: "All",
            id: "world")
        #expect(svg.utf8.count < 900_000, "\(svg.utf8.count) bytes")
        #expect(Self.wellFormed(svg))
        // Too many to link one by one: one path per colour, whole units, no tooltips.
        #expect(svg.components(separatedBy: "<path").count - 1 == MapGroup.allCases.count + 1)
        #expect(!svg.contains("<a ") && !svg.contains("<title>P "))
        #expect(svg.contains("viewBox=\"0 0 1000 394\""))
    }

    @Test func aFewLinksAreLinkedAndTheViewFitsThePlacesInFocus() {
        let surabaya = Coordinates(latitude: -7.2575, longitude: 112.7521)
        let kitakyushu = Coordinates(latitude: 33.8834, longitude: 130.8751)
        let svg = WorldMap.svg(
            lines: [MapLine(from: surabaya, to: kitakyushu, group: .active, href: "/partnerships/a&b", label: "S–K")],
            points: [MapPoint(surabaya, name: "Surabaya <Jawa Timur>", href: "/cities/surabaya")],
            legend: MapText.legend(.id),
            title: "Peta", description: "Satu", id: "m", focus: [surabaya, kitakyushu], highlight: "ID")
        #expect(Self.wellFormed(svg))
        #expect(svg.contains("<a href=\"/partnerships/a&amp;b\">") && svg.contains("<title>S–K</title>"))
        #expect(svg.contains("Surabaya &lt;Jawa Timur&gt;</text>") && svg.contains("aktif"))
        #expect(svg.contains("<a href=\"/cities/surabaya\" aria-label=\"Surabaya &lt;Jawa Timur&gt;\">"))
        // Zoomed on East Asia: the world's other rings are left out, and Indonesia is shaded.
        let world = WorldMap.svg(lines: [], points: [], legend: [:], title: "", description: "", id: "w")
        #expect(svg.utf8.count < world.utf8.count)
        #expect(svg.contains("fill=\"#b8c7d6\""))
        let box = svg.firstMatch(of: /viewBox="([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+)"/)
        let x = box.flatMap { Double($0.1) } ?? 0
        let width = box.flatMap { Double($0.3) } ?? 0
        #expect(x > 700 && x < 800 && width < 250, "a box around 112°–131° E")
    }

    @Test func aLineAcrossThePacificLeavesOneEdgeAndEntersTheOther() {
        let line = MapLine(
            from: Coordinates(latitude: 35.7, longitude: 139.7), to: Coordinates(latitude: 37.8, longitude: -122.4),
            group: .active)
        let d = WorldMap.curve(line, WorldMap.View(focus: []))
        #expect(d.components(separatedBy: "M").count == 3 && d.contains(" 1000 ") && d.contains("M0 "), "\(d)")
        // Surabaya–Liverpool does not cross: one curve.
        let europe = MapLine(
            from: Coordinates(latitude: -7.26, longitude: 112.75), to: Coordinates(latitude: 53.41, longitude: -2.99),
            group: .active)
        #expect(WorldMap.curve(europe, WorldMap.View(focus: [])).contains("Q"))
    }
}
