import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// Pages read with a cursor: the rows after the last one in every sort and direction, the same rows as one long
/// list, and not moved by a row added before them.
@Suite struct CursorTests {
    @Test(arguments: TestBackend.enabled)
    func cursorsWalkEverySortOnceInOrder(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let text = try String(contentsOfFile: sharedFixture("twin-links-indonesia.csv"), encoding: .utf8)
            var batch = ImportBatch()
            batch.addCSV(
                text, file: "links.csv",
                pairs: try await store.repository.pairListContext(forCSV: text, file: "links.csv"))
            try await store.repository.importBatch(batch)
            let repository = store.repository
            for sort in PartnershipQuery.Sort.allCases {
                for descending in [false, true] {
                    var query = PartnershipQuery(asOf: Day(year: 2023, month: 12, day: 31))
                    query.sort = sort
                    query.descending = descending
                    query.limit = 500
                    let whole = try await repository.partnershipRows(query).map(\.key)
                    #expect(whole.count > 90)
                    query.limit = 7
                    var walked: [String] = []
                    while true {
                        let page = try await repository.partnershipRows(query)
                        walked += page.map(\.key)
                        guard page.count == query.limit, let last = page.last else { break }
                        query.after = ListCursor(after: last, of: query)
                    }
                    #expect(walked == whole, "\(sort) \(descending ? "desc" : "asc")")
                }
            }
            // A cursor made for one sort is refused for another.
            var byTitle = PartnershipQuery(asOf: Day(year: 2023, month: 12, day: 31))
            byTitle.limit = 3
            let first = try await repository.partnershipRows(byTitle)
            var byKind = byTitle
            byKind.sort = .kind
            byKind.after = ListCursor(after: try #require(first.last), of: byTitle)
            await #expect(throws: ListCursor.Invalid.self) { try await repository.partnershipRows(byKind) }
            // Cities in name order: the same rows by cursor as by one long page, and a city added before the cursor
            // does not move the next page.
            let all = try await repository.citiesPage(limit: 500).items.map(\.id)
            var walked: [CityKey] = []
            var after: ListCursor? = nil
            repeat {
                let page = try await repository.citiesPage(limit: 9, after: after)
                walked += page.items.map(\.id)
                after = page.next
            } while after != nil
            #expect(walked == all)
            let firstPage = try await repository.citiesPage(limit: 9)
            let expected = try await repository.citiesPage(limit: 9, after: firstPage.next).items.map(\.id)
            try await repository.importBatch(
                ImportBatch(
                    Dataset(cities: [
                        City(id: "aaa", name: LocalizedText(en: "Aaa"), country: "ID", adminLevel: .city)
                    ])))
            #expect(try await repository.citiesPage(limit: 9, after: firstPage.next).items.map(\.id) == expected)
            #expect(ListCursor(token: firstPage.next?.token ?? "") == firstPage.next)
            #expect(ListCursor(token: "not a cursor") == nil && ListCursor(token: "e30") == nil)
        }
    }
}
