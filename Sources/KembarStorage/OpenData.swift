import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// What an IATI export covers, and who reports it.
public enum IATIScope: Sendable {
    /// One partnership, reported by its city.
    case partnership(PartnershipKey)
    /// Every partnership of a city, reported by the city.
    case city(CityKey)
    /// Every partnership, reported by the registry's publisher (a ministry: a secondary reporter).
    case all(IATI.Publisher)
}

extension Repository {
    /// The IATI 2.03 activity file of `scope` as a reader may see it (internal records left out for the public),
    /// read a chunk of partnerships at a time.
    ///
    /// - Throws: ``InvalidInput`` naming the city whose organisation identifier IATI needs and is not recorded, or
    ///   the partnership or city that does not exist.
    public func iati(_ scope: IATIScope, today: Day, generated: String, baseURL: String?) async throws -> IATI.Export {
        var query = PartnershipQuery(asOf: today)
        let publisher: IATI.Publisher
        var keys: [String]? = nil
        switch scope {
        case .partnership(let key):
            guard let partnership = try await partnership(key) else { throw Self.unknown("partnership", key.rawValue) }
            publisher = try await reporter(partnership.city)
            // Its status is read among its city's partnerships.
            query.city = partnership.city.rawValue
            keys = [key.rawValue]
        case .city(let key):
            publisher = try await reporter(key)
            query.city = key.rawValue
        case .all(let configured):
            publisher = configured
        }
        var statuses: [PartnershipKey: PartnershipStatus] = [:]
        var selected: [String] = []
        query.sort = .title
        query.limit = 500
        query.offset = 0
        while true {
            let rows = try await partnershipRows(query)
            for row in rows where keys?.contains(row.key) ?? true {
                selected.append(row.key)
                if let status = row.status.flatMap(PartnershipStatus.init) {
                    statuses[PartnershipKey(row.key)] = status
                }
            }
            if rows.count < query.limit || (keys != nil && !selected.isEmpty) { break }
            query.offset += query.limit
        }
        var data = Dataset(fields: try await fields())
        for chunk in selected.sorted().chunked(by: Derived.chunk) {
            let partnerships: [Partnership] = try await records(keys: chunk)
            let shown = partnerships.map(\.id.rawValue)
            func visible<T: StoredEntity>() async throws -> [T] {
                try await children(of: shown, [:], new: []).filter { !$0.markedInternal || !publicReader }
            }
            data.partnerships += partnerships
            data.agreements += try await visible()
            data.activities += try await visible()
            data.documents += try await visible()
        }
        let cityKeys = Set(
            data.partnerships.flatMap { [$0.city.rawValue] + [$0.partnerCity?.rawValue].compactMap { $0 } })
        data.cities = try await records(keys: cityKeys.sorted())
        let named = data.referencedKeys
        data.organisations = try await records(keys: named.filter { $0.kind == .organisation }.map(\.key).sorted())
        data.sources = shown(try await records(keys: data.agreements.flatMap(\.sources).map(\.rawValue).sorted()))
        return IATI.export(
            data, publisher: publisher, statuses: statuses, today: today, generated: generated, baseURL: baseURL)
    }

    /// The city as IATI's reporting organisation: its recorded organisation identifier, or a clear refusal.
    private func reporter(_ key: CityKey) async throws -> IATI.Publisher {
        guard let city = try await city(key) else { throw Self.unknown("city", key.rawValue) }
        guard let ref = city.organisationIdentifier else {
            throw InvalidInput([
                Violation(
                    location: "cities/\(key)", field: "organisationIdentifier", value: "", rule: .valueRequired,
                    detail:
                        "IATI reports activities under the publishing city's organisation identifier: record it on the city (e.g. XI-WIKIDATA-Q123)"
                )
            ])
        }
        return IATI.Publisher(ref: ref, name: city.name)
    }

    private static func unknown(_ kind: String, _ key: String) -> InvalidInput {
        InvalidInput([Violation(field: kind, value: key, rule: .referenceUnknown, detail: "no \(kind) '\(key)'")])
    }
}
