import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage

/// What evaluation commands share: the partnership, the framework, the date, the language.
struct EvaluationOptions: ParsableArguments {
    @Argument(help: "The partnership's key (see `kembar partnerships`).") var partnership: String
    @Option(help: "Framework to evaluate against (default: Cohen's Smart City Wheel).")
    var framework: String = "cohen-smart-city-wheel"
    @Option(name: .customLong("as-of"), help: "Evaluation date, YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @Option(help: "Language: en or id.") var lang: Language = .en

    func day() throws -> Day {
        guard let asOf else { return Day.today() }
        do { return try PartialDate(parsing: asOf).lastDay } catch {
            throw ValidationError("--as-of '\(asOf)': \(error)")
        }
    }

    /// Loads the partnership's facts and the framework library, and builds the report (evaluation + comparison).
    func report(_ database: DatabaseOptions) async throws -> EvaluationReport {
        let key = PartnershipKey(partnership)
        let (slice, library) = try await database.withStore { store in
            guard let slice = try await store.repository.dataset(partnership: key) else {
                throw ValidationError("No partnership '\(partnership)'. `kembar partnerships` lists them.")
            }
            return (slice, try await store.repository.frameworkLibrary())
        }
        guard library.framework(FrameworkKey(framework)) != nil else {
            throw ValidationError(
                "No framework '\(framework)'. Frameworks: "
                    + library.frameworks.map(\.id.rawValue).joined(separator: ", "))
        }
        do {
            return try EvaluationReport.make(
                slice, partnership: key, framework: FrameworkKey(framework), library: library, asOf: try day())
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Evaluate a partnership: status, MoU implementation, dimensions, reciprocity, continuity, UNDP elements.",
        discussion: """
            A pure computation from the recorded facts, a framework and a date (docs/EVALUATION.md). Tags stored \
            against another framework are placed through the bundled crosswalks; tags that do not map are listed. \
            --format json prints the whole evaluation.
            """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var evaluation: EvaluationOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() async throws {
        let report = try await evaluation.report(options)
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report.evaluation) + Data("\n".utf8))
        } else {
            show(EvaluationText.render(report.evaluation, data: report.data, evaluation.lang))
        }
    }
}

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the two cities of a partnership per dimension: initiatives, shared indicators, activities.",
        discussion: "--format json prints the whole comparison.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var evaluation: EvaluationOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() async throws {
        let report = try await evaluation.report(options)
        guard let comparison = report.comparison else { throw ValidationError("This partnership has no partner city.") }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(comparison) + Data("\n".utf8))
            return
        }
        let lang = evaluation.lang
        let names = Dictionary(uniqueKeysWithValues: report.data.cities.map { ($0.id, $0.name.text(lang)) })
        let first = names[comparison.city.city] ?? comparison.city.city.rawValue
        let second = comparison.partner.map { names[$0.city] ?? $0.city.rawValue } ?? "—"
        let header = [
            ReportStrings.heading(.dimensions, lang), "\(Catalogue.page(.initiatives, lang)): \(first)",
            "\(Catalogue.page(.initiatives, lang)): \(second)", "\(Catalogue.label(.activities, lang)) → \(second)",
            "\(Catalogue.label(.activities, lang)) → \(first)", "⇄",
        ]
        let rows = comparison.rows.map { row in
            [
                row.name.text(lang), String(row.initiatives), String(row.partnerInitiatives),
                String(row.hostedByPartner),
                String(row.hostedByCity), String(row.joint),
            ]
        }
        show(TextTable.render(header: header, rows: rows))
    }
}

struct SuggestTags: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest-tags",
        abstract: "Propose smart-city dimension tags for a text, with the words that matched and a confidence.",
        discussion: "Reads Indonesian and English, with Indonesian affixes (pendidikan, mendidik → didik), and "
            + "proposes a sub-dimension where the words point to one. --framework translates the suggestions into "
            + "another bundled framework through the bundled crosswalks. "
            + "A person confirms a suggestion; nothing is stored. Precision and recall: docs/TAGGING.md.")

    @Argument(help: "Title and description of an activity or initiative.") var text: String
    @Option(help: "Framework to suggest tags in: any bundled framework (default: Cohen's Smart City Wheel).")
    var framework: String = "cohen-smart-city-wheel"
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let suggester = TagSuggester()
        let key = FrameworkKey(framework)
        let suggestions: [TagSuggestion]
        if key == suggester.lexicon.framework {
            suggestions = suggester.suggest(text: text)
        } else {
            let library = FrameworkLibrary(try Bundled.frameworks())
            do {
                suggestions = try suggester.suggest(text: text, framework: key, library: library)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(suggestions) + Data("\n".utf8))
            return
        }
        guard !suggestions.isEmpty else {
            if key != suggester.lexicon.framework && !suggester.suggest(text: text).isEmpty {
                return print(
                    "No tag suggested in \(framework): no bundled crosswalk places the suggested dimensions there.")
            }
            return print("No dimension suggested: no lexicon word matched.")
        }
        show(
            TextTable.render(
                header: ["tag", "sub-dimension", "confidence", "matched words"],
                rows: suggestions.map { s in
                    [
                        s.tag.description, s.subdimension?.tag.node ?? "—", String(format: "%.2f", s.confidence),
                        s.matches.map { $0.word == $0.term ? $0.word : "\($0.word) (\($0.term))" }.joined(
                            separator: ", "),
                    ]
                }))
    }
}

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write a partnership's evaluation report, a city office's monitoring report, or a ministry's overview.",
        discussion: """
            kembar report PARTNERSHIP: summary, timeline, agreements and their validity, per-dimension findings, MoU \
            implementation, plans and targets, UNDP key elements, the two-city comparison and numbered sources \
            (html, md or json).
            kembar report --city surabaya --period 2025: every partnership of the city with status, stage, \
            procedure step, activities, plans, targets at risk, agreements expiring, dormant partnerships and budget \
            (html, md, csv — the partnership table — or json). A period is a year, a month, a day or FROM..TO.
            kembar report --country ID [--province ID-JI]: the ministry's overview — stage funnel, shares active, \
            dormant and expiring, and per city (html, md, csv or json).
            All in Indonesian or English; HTML is self-contained and prints on A4.
            """)

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "The partnership's key (see `kembar partnerships`); leave out with --city or --country.")
    var partnership: String?
    @Option(help: "Framework to evaluate against (default: Cohen's Smart City Wheel).")
    var framework: String = "cohen-smart-city-wheel"
    @Option(name: .customLong("as-of"), help: "Evaluation date, YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @Option(help: "Language: en or id.") var lang: Language = .en
    @Option(help: "A city's monitoring report: the city's key.") var city: String?
    @Option(help: "The period of a city's report: 2025, 2025-06, or FROM..TO (default: the current year).")
    var period: String?
    @Option(help: "A ministry's overview of a country (ISO 3166-1, e.g. ID).") var country: String?
    @Option(help: "…or of a province (ISO 3166-2, e.g. ID-JI).") var province: String?
    @Option(help: "html, md, json, or csv for a city's report or an overview.") var format: String = "html"
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "The office publishing the report, printed in each page's margin (default: KEMBAR_OFFICE).")
    var office: String?

    func validate() throws {
        let kinds = [partnership != nil, city != nil, country != nil || province != nil].filter { $0 }.count
        guard kinds == 1 else {
            throw ValidationError("Give a partnership, or --city (with --period), or --country / --province.")
        }
        if partnership != nil, ReportFormat(rawValue: format) == nil {
            throw ValidationError("--format for a partnership's report: html, md or json.")
        }
        if partnership == nil, MonevFormat(rawValue: format) == nil {
            throw ValidationError("--format: html, md, csv or json.")
        }
        if let period, (try? MonitoringPeriod(parsing: period)) == nil {
            throw ValidationError("--period '\(period)': a year (2025), a month (2025-06), a day or FROM..TO.")
        }
    }

    func run() async throws {
        let frame = PrintFrame(office: try office ?? KembarSettings.fromEnvironment().office)
        let text: String
        if let partnership {
            var arguments = [partnership, "--framework", framework, "--lang", lang.rawValue]
            if let asOf { arguments += ["--as-of", asOf] }
            let evaluation = try EvaluationOptions.parse(arguments)
            text = try await evaluation.report(options).render(
                ReportFormat(rawValue: format) ?? .html, lang, frame: frame)
        } else if let city {
            let period =
                try period.map(MonitoringPeriod.init(parsing:))
                ?? MonitoringPeriod(
                    from: try PartialDate(year: Day.today().year), to: try PartialDate(year: Day.today().year))
            let data = try await options.withStore { store in
                guard try await store.repository.city(CityKey(city)) != nil else {
                    throw ValidationError("No city '\(city)'.")
                }
                return try await store.repository.cityRecords(CityKey(city))
            }
            let procedure = Bundled.procedure(country: data.cities.first { $0.id.rawValue == city }?.country)
            let report = Monitoring.officeReport(data, city: CityKey(city), period: period, procedure: procedure)
            text = try OfficeReportDocument(report: report, data: data, procedure: procedure)
                .render(MonevFormat(rawValue: format) ?? .html, lang, frame: frame)
        } else {
            let day = try asOf.map { try PartialDate(parsing: $0).lastDay } ?? Day.today()
            let overview = try await options.withStore { store in
                try await store.repository.overview(country: country, province: province, asOf: day)
            }
            text = try OverviewDocument(overview: overview).render(
                MonevFormat(rawValue: format) ?? .html, lang, frame: frame)
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            printError("Wrote \(output).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// The terminal rendering of an evaluation.
enum EvaluationText {
    static func render(_ e: PartnershipEvaluation, data: Dataset, _ lang: Language) -> String {
        let fields = Dictionary(uniqueKeysWithValues: data.fields.map { ($0.id, $0.name.text(lang)) })
        let agreement = e.status.reason.agreement.flatMap { key in
            data.agreements.first { $0.id == key }?.title.text(lang)
        }
        var out =
            ReportStrings.subtitle(framework: e.frameworkName.text(lang), asOf: Format.date(e.asOf, lang), lang) + "\n"
        out +=
            ReportStrings.statusSentence(
                status: ReportStrings.status(e.status.status, lang), asOf: Format.date(e.asOf, lang),
                reason: ReportStrings.reason(e.status.reason, agreement: agreement, lang), lang) + "\n\n"
        out += ReportStrings.heading(.dimensions, lang) + "\n"
        out += TextTable.render(
            header: ["", Catalogue.label(.activities, lang), Catalogue.label(.participants, lang), "person-days"],
            rows: e.dimensions.map { d in
                [
                    d.name.text(lang), String(d.reach.activities),
                    Format.count(d.reach.participants, approximate: d.reach.approximate, lang),
                    d.personDays.value.map { Format.count($0, approximate: d.personDays.approximate, lang) } ?? "—",
                ]
            })
        out +=
            "\n" + ReportStrings.heading(.mou, lang) + ": "
            + ReportStrings.ratio(e.mou.implemented.count, e.mou.agreed.count) + " — "
            + e.mou.implemented.map { fields[$0] ?? $0.rawValue }.joined(separator: ", ") + "\n"
        if !e.mou.undelivered.isEmpty {
            out += ReportStrings.undelivered(e.mou.undelivered.map { fields[$0] ?? $0.rawValue }, lang) + "\n"
        }
        out += "\n" + ReportStrings.heading(.years, lang) + "\n"
        out += TextTable.render(
            header: [
                Catalogue.page(.year, lang), Catalogue.label(.activities, lang), Catalogue.label(.participants, lang),
            ],
            rows: e.years.map {
                [
                    String($0.year), String($0.reach.activities),
                    Format.count($0.reach.participants, approximate: $0.reach.approximate, lang),
                ]
            })
        out +=
            "\n" + ReportStrings.heading(.infrastructure, lang)
            + ": soft \(e.infrastructure.soft.activities), hard \(e.infrastructure.hard.activities), —  \(e.infrastructure.unspecified.activities)\n"
        out +=
            ReportStrings.heading(.reciprocity, lang)
            + ": → \(e.reciprocity.toPartner.activities), ← \(e.reciprocity.fromPartner.activities), ⇄ \(e.reciprocity.joint.activities), ✉ \(e.reciprocity.remote.activities)\n"
        out +=
            ReportStrings.heading(.continuity, lang) + ": "
            + e.continuity.activeYears.map(String.init).joined(separator: ", ")
            + (e.continuity.longestGap.map { " · " + ReportStrings.gapSentence($0, lang) } ?? "") + "\n\n"
        out += ReportStrings.heading(.keyElements, lang) + "\n"
        out += TextTable.render(
            header: ["", "", ""],
            rows: e.keyElements.map {
                [
                    ReportStrings.element($0.element, lang), ReportStrings.judgement($0.judgement, lang),
                    ReportStrings.finding($0, lang),
                ]
            })
        if !e.unmappedTags.isEmpty {
            out +=
                "\n" + ReportStrings.heading(.unmapped, lang) + ": "
                + e.unmappedTags.map(\.tag.description).joined(separator: ", ") + "\n"
        }
        return out
    }
}
