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
            show(TextTable.render(header: header, rows: rows.map { $0.row(lang) }))
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
        guard let slice = try await options.withStore(.existing, { try await $0.repository.dataset(partnership: key) })
        else {
            throw ValidationError("No partnership '\(partnership)'. `kembar partnerships` lists them.")
        }
        if format == .json {
            FileHandle.standardOutput.write(try DatasetCodec.encode(slice))
            return
        }
        show(PartnershipText.render(slice, key: key, lang))
    }
}

/// The terminal rendering of a partnership: everything recorded under it, with the sources its records cite
/// numbered once, in the order they are first cited.
enum PartnershipText {
    static func render(_ slice: Dataset, key: PartnershipKey, _ lang: Language) -> String {
        guard let partnership = slice.partnerships.first(where: { $0.id == key }) else { return "" }
        let cities = Dictionary(uniqueKeysWithValues: slice.cities.map { ($0.id, $0.name.text(lang)) })
        let fields = Dictionary(uniqueKeysWithValues: slice.fields.map { ($0.id, $0.name.text(lang)) })
        let organisations = Dictionary(uniqueKeysWithValues: slice.organisations.map { ($0.id, $0.name.text(lang)) })
        let milestones = slice.milestones.filter { $0.partnership == key }.sorted { $0.date < $1.date }
        let agreements = slice.agreements.filter { $0.partnership == key }.sorted { $0.signed < $1.signed }
        let activities = slice.activities.filter { $0.partnership == key }.sorted { $0.start < $1.start }
        // Only what this partnership's records cite, numbered by first citation: one number per source.
        var numbering = CitationNumbering()
        func cite(_ keys: [SourceKey]) -> String { numbering.cite(keys) }
        var out = ""
        let names = ([partnership.city] + [partnership.partnerCity].compactMap { $0 }).map { cities[$0] ?? $0.rawValue }
        out += names.joined(separator: " – ") + " (\(partnership.id))\n"
        if let name = partnership.name { out += "\(name.text(lang))\n" }
        out +=
            "\(Catalogue.label(.kind, lang)): \(Catalogue.name(partnership.kind, lang)) · "
            + "\(Catalogue.label(.stage, lang)): \(Catalogue.name(partnership.stage, lang))\(cite(partnership.sources))\n"
        if let since = partnership.cooperationSince {
            out += "\(Catalogue.column("cooperation_since", lang)): \(Format.date(since, lang))\n"
        }
        if let rationale = partnership.rationale {
            out += "\(Catalogue.label(.rationale, lang)): \(rationale.text(lang))\n"
        }
        if !partnership.legalBasis.isEmpty {
            let titles = partnership.legalBasis.map { key in
                (slice.sources.first { $0.id == key }?.title ?? key.rawValue) + cite([key])
            }
            out += "\(Catalogue.column("legal_basis", lang)): \(titles.joined(separator: "; "))\n"
        }
        if let note = partnership.note { out += "\(Catalogue.column("note", lang)): \(note)\n" }
        out += "\n\(Catalogue.label(.milestones, lang))\n"
        for milestone in milestones {
            out += "  \(Describe.when(milestone, lang))  \(milestone.title.text(lang))\(cite(milestone.sources))\n"
            if let description = milestone.description { out += "    \(description.text(lang))\n" }
            if let note = milestone.note { out += "    \(Catalogue.column("note", lang)): \(note)\n" }
        }
        out += "\n\(Catalogue.label(.agreements, lang))\n"
        for agreement in agreements {
            out +=
                "  \(Format.date(agreement.signed, lang))  \(Catalogue.name(of: agreement, lang)): "
                + "\(agreement.title.text(lang))\(cite(agreement.sources))\n"
            if !agreement.signatories.isEmpty {
                out +=
                    "    \(Catalogue.label(.signatories, lang)): "
                    + agreement.signatories.map { Describe.signatory($0, cite: cite, lang) }.joined(separator: "; ")
                    + "\n"
            }
            if !agreement.fields.isEmpty {
                out +=
                    "    \(Catalogue.label(.fields, lang)): "
                    + agreement.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ") + "\n"
            }
            if let purpose = agreement.purpose {
                out += "    \(Catalogue.column("purpose", lang)): \(purpose.text(lang))\n"
            }
            out +=
                "    \(Catalogue.label(.validUntil, lang)): "
                + (agreement.endDay.map { Format.date($0.partialDate, lang) } ?? Catalogue.label(.openEnded, lang))
                + "\n"
            if let note = agreement.note { out += "    \(Catalogue.column("note", lang)): \(note)\n" }
        }
        out += "\n\(Catalogue.label(.activities, lang))\n"
        for activity in activities {
            let total = activity.participantTotal
            let status = WebText.term(activity.status.rawValue, lang)
            let counted = activity.status == .completed || activity.status == .ongoing
            let marker =
                counted ? "" : (lang == .en ? " — not counted in the evaluation" : " — tidak dihitung dalam evaluasi")
            out += "  \(Describe.when(activity, lang))  \(activity.title.text(lang))\(cite(activity.sources))\n"
            out += "    \(status)\(marker) · \(Describe.travelAndVenue(activity, lang))\n"
            if !activity.participants.isEmpty {
                out +=
                    "    \(Catalogue.label(.participants, lang)): "
                    + activity.participants.map {
                        "\(Format.count($0.count, approximate: $0.approximate, lang)) \(WebText.role($0.role, count: $0.count, lang))"
                    }.joined(separator: ", ")
                    + " = \(Format.count(total.count, approximate: total.approximate, lang))\n"
            }
            if !activity.organisations.isEmpty {
                out +=
                    "    \(Catalogue.column("organisations", lang)): "
                    + activity.organisations.map {
                        "\(organisations[$0.organisation] ?? $0.organisation.rawValue) "
                            + "(\(WebText.term($0.role.rawValue, lang)))"
                    }.joined(separator: ", ") + "\n"
            }
            if let description = activity.description { out += "    \(description.text(lang))\n" }
            for output in activity.outputs { out += "    \(Catalogue.column("outputs", lang)): \(output.text(lang))\n" }
            for result in activity.results {
                out += "    \(Catalogue.column("results", lang)): \(Describe.figure(result, cite: cite, lang))\n"
            }
            if let note = activity.note { out += "    \(Catalogue.column("note", lang)): \(note)\n" }
        }
        out += "\n\(Catalogue.label(.sources, lang))\n"
        for (index, key) in numbering.order.enumerated() {
            guard let source = slice.sources.first(where: { $0.id == key }) else {
                out += "  [\(index + 1)] \(key)\n"
                continue
            }
            out += "  [\(index + 1)] \(Self.reference(source))" + (source.url.map { " \($0)" } ?? "") + "\n"
        }
        return out
    }

    /// "Handayani & Zahidi (2024). Title." — and, when a source has neither authors nor publisher, "Title (2024)."
    /// rather than the title twice.
    static func reference(_ source: Source) -> String {
        let year = source.date.map { String($0.year) } ?? "n.d."
        if source.authors.isEmpty && source.publisher == nil { return "\(source.title) (\(year))." }
        return "\(source.shortCitation). \(source.title)."
    }
}
