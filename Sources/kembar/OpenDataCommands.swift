import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage

struct IATICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iati",
        abstract: "Write an IATI 2.03 activity file: one partnership, a city's partnerships, or all of them.",
        discussion: """
            A partnership is a parent activity, each of its activities a child (docs/OPENDATA.md gives the mapping \
            field by field). A partnership or city file is reported by the city under its organisation identifier \
            (record it on the city: `organisationIdentifier`, e.g. XI-WIKIDATA-Q123); the whole registry is reported \
            by the publisher given with --publisher or KEMBAR_IATI_PUBLISHER, as a secondary reporter. Links to \
            agreements and documents point at --base-url (default KEMBAR_PUBLIC_URL); without one, agreements link \
            to their sources' web addresses. Partnerships with no date at all are left out and named.
            """)

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "A partnership's key.") var partnership: String?
    @Option(help: "Every partnership of this city.") var city: String?
    @Flag(help: "Every partnership in the database.") var all = false
    @Option(help: "Who publishes the whole registry: an IATI organisation identifier and a name.") var publisher:
        String?
    @Option(help: "The server's public address, for links to agreements' and documents' pages.") var baseURL: String?
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let settings = try KembarSettings.fromEnvironment()
        let scope: IATIScope
        switch (partnership, city, all) {
        case (let key?, nil, false): scope = .partnership(PartnershipKey(key))
        case (nil, let key?, false): scope = .city(CityKey(key))
        case (nil, nil, true):
            guard let chosen = try publisher.map(KembarSettings.iatiPublisher) ?? settings.iatiPublisher else {
                throw ValidationError(
                    "The whole registry needs its publisher: --publisher \"XI-IATI-EXAMPLE Kementerian\" or KEMBAR_IATI_PUBLISHER."
                )
            }
            scope = .all(chosen)
        default: throw ValidationError("Give one of: a partnership's key, --city KEY, or --all.")
        }
        let base = baseURL ?? settings.publicURL?.absoluteString
        let formatter = ISO8601DateFormatter()
        let export: IATI.Export
        do {
            export = try await options.withStore { store in
                try await store.repository.iati(
                    scope, today: Day.today(), generated: formatter.string(from: Date()),
                    baseURL: base.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
            }
        } catch let error as InvalidInput {
            guard let problem = error.violations.first else { throw error }
            if problem.rule == .referenceUnknown { throw ValidationError("No \(problem.field) '\(problem.value)'.") }
            throw ValidationError(
                MapText.iatiIdentifierMissing(problem.location.replacingOccurrences(of: "cities/", with: ""), .en))
        }
        if !export.undated.isEmpty {
            printError(
                "Left out, with no date to start from (IATI requires one): "
                    + export.undated.map(\.rawValue).joined(separator: ", "))
        }
        try write(Data(export.xml.utf8), to: output, saying: "Wrote \(export.activities) IATI activities")
    }
}
