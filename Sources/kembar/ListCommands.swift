import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

struct Partnerships: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the partnerships in the database.",
        discussion: "The table shows each partnership's key (what other commands take), its cities, kind, stage, "
            + "number of agreements and activities. --format json prints the partnership records.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: "Language of the table: en or id.") var lang: Language = .en

    func run() async throws {
        let rows: [PartnershipSummary] = try await options.withStore { store in
            let repository = store.repository
            let cities = Dictionary(uniqueKeysWithValues: try await repository.cities().map { ($0.id, $0) })
            var rows: [PartnershipSummary] = []
            for partnership in try await repository.partnerships() {
                rows.append(
                    PartnershipSummary(
                        partnership: partnership, cities: cities,
                        agreements: try await repository.agreements(of: partnership.id),
                        activityCount: try await repository.activities(of: partnership.id).count))
            }
            return rows
        }
        switch format {
        case .json:
            print(
                String(
                    decoding: try DatasetCodec.encode(Dataset(partnerships: rows.map(\.partnership))), as: UTF8.self),
                terminator: "")
        case .table:
            let header = [Catalogue.Label.partnership, .cities, .kind, .stage, .agreements, .activities]
                .map { Catalogue.label($0, lang) }
            print(TextTable.render(header: header, rows: rows.map { $0.row(lang) }), terminator: "")
        }
    }
}

/// One line of `kembar partnerships`.
struct PartnershipSummary {
    var partnership: Partnership
    var cities: [CityKey: City]
    var agreements: [Agreement]
    var activityCount: Int

    func row(_ language: Language) -> [String] {
        let names = [partnership.city] + [partnership.partnerCity].compactMap { $0 }
        let agreementText = agreements.map {
            "\($0.kind == .mou ? "MoU" : $0.kind == .letterOfIntent ? "LoI" : Catalogue.name($0.kind, language)) "
                + $0.signed.description
        }.joined(separator: ", ")
        return [
            partnership.id.rawValue,
            names.map { cities[$0]?.name.text(language) ?? $0.rawValue }.joined(separator: " – "),
            Catalogue.name(partnership.kind, language), Catalogue.name(partnership.stage, language),
            agreementText.isEmpty ? "—" : agreementText, String(activityCount),
        ]
    }
}

/// Plain-text tables for the terminal.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }
}

struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one partnership: its cities, rationale, milestones, agreements and activities.",
        discussion: "Give the partnership's key, as `kembar partnerships` lists it (e.g. surabaya-liverpool). "
            + "--format json prints the partnership's slice of the database in the dataset format.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: "Language: en or id.") var lang: Language = .en
    @Argument(help: "The partnership's key.") var partnership: String

    func run() async throws {
        let key = PartnershipKey(partnership)
        guard let slice = try await options.withStore({ try await $0.repository.dataset(partnership: key) }) else {
            throw ValidationError("No partnership '\(partnership)'. `kembar partnerships` lists them.")
        }
        if format == .json {
            FileHandle.standardOutput.write(try DatasetCodec.encode(slice))
            return
        }
        print(PartnershipText.render(slice, key: key, lang), terminator: "")
    }
}

/// The terminal rendering of a partnership.
enum PartnershipText {
    static func render(_ slice: Dataset, key: PartnershipKey, _ lang: Language) -> String {
        guard let partnership = slice.partnerships.first(where: { $0.id == key }) else { return "" }
        let cities = Dictionary(uniqueKeysWithValues: slice.cities.map { ($0.id, $0.name.text(lang)) })
        let fields = Dictionary(uniqueKeysWithValues: slice.fields.map { ($0.id, $0.name.text(lang)) })
        let sourceNumbers = Dictionary(
            uniqueKeysWithValues: slice.sources.sorted { $0.shortCitation < $1.shortCitation }.enumerated()
                .map { ($1.id, $0 + 1) })
        func cite(_ keys: [SourceKey]) -> String {
            keys.isEmpty
                ? "" : " [" + keys.compactMap { sourceNumbers[$0].map(String.init) }.joined(separator: ", ") + "]"
        }
        var out = ""
        let names = ([partnership.city] + [partnership.partnerCity].compactMap { $0 }).map { cities[$0] ?? $0.rawValue }
        out += names.joined(separator: " – ") + " (\(partnership.id))\n"
        out +=
            "\(Catalogue.label(.kind, lang)): \(Catalogue.name(partnership.kind, lang)) · "
            + "\(Catalogue.label(.stage, lang)): \(Catalogue.name(partnership.stage, lang))\n"
        if let rationale = partnership.rationale {
            out += "\(Catalogue.label(.rationale, lang)): \(rationale.text(lang))\(cite(partnership.sources))\n"
        }
        out += "\n\(Catalogue.label(.milestones, lang))\n"
        for milestone in slice.milestones.sorted(by: { $0.date < $1.date }) {
            out += "  \(Format.date(milestone.date, lang))  \(milestone.title.text(lang))\(cite(milestone.sources))\n"
        }
        out += "\n\(Catalogue.label(.agreements, lang))\n"
        for agreement in slice.agreements.sorted(by: { $0.signed < $1.signed }) {
            out +=
                "  \(Format.date(agreement.signed, lang))  \(Catalogue.name(agreement.kind, lang)): "
                + "\(agreement.title.text(lang))\(cite(agreement.sources))\n"
            if !agreement.signatories.isEmpty {
                out +=
                    "    \(Catalogue.label(.signatories, lang)): "
                    + agreement.signatories.map { "\($0.name) (\($0.office.text(lang)))" }.joined(separator: "; ")
                    + "\n"
            }
            if !agreement.fields.isEmpty {
                out +=
                    "    \(Catalogue.label(.fields, lang)): "
                    + agreement.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ") + "\n"
            }
            out +=
                "    \(Catalogue.label(.validUntil, lang)): "
                + (agreement.endDay.map { Format.date($0.partialDate, lang) } ?? Catalogue.label(.openEnded, lang))
                + "\n"
        }
        out += "\n\(Catalogue.label(.activities, lang))\n"
        for activity in slice.activities.sorted(by: { $0.start < $1.start }) {
            let total = activity.participantTotal
            let people =
                activity.participants.isEmpty
                ? ""
                : " · "
                    + activity.participants.map {
                        "\(Format.count($0.count, approximate: $0.approximate, lang)) \($0.role)"
                    }.joined(separator: ", ") + " = \(Format.count(total.count, approximate: total.approximate, lang))"
            out += "  \(Format.date(activity.start, lang))  \(activity.title.text(lang))\(cite(activity.sources))\n"
            out += "    \(Catalogue.name(activity.mode, lang))\(people)\n"
        }
        out += "\n\(Catalogue.label(.sources, lang))\n"
        for source in slice.sources.sorted(by: { $0.shortCitation < $1.shortCitation }) {
            out +=
                "  [\(sourceNumbers[source.id]!)] \(source.shortCitation). \(source.title)."
                + (source.url.map { " \($0)" } ?? "") + "\n"
        }
        return out
    }
}
