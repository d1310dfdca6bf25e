import KembarCore
import KembarIndex
import KembarReport
import Vapor

/// The index page: a composite index built from stored observations for a framework, cities and years; the ranked
/// table with uncertainty intervals; and, for a partnership, the probability that one city outranks the other.
struct IndexController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("index", use: page)
    }

    func page(req: Request) async throws -> View {
        let language = req.language
        let repository = req.repository
        let frameworks = try await repository.frameworks()
        let usable = try await repository.frameworksObserved(frameworks.map(\.id))
            .compactMap { key in frameworks.first { $0.id == key } }
        let chosen =
            req.query[String.self, at: "framework"].flatMap { key in usable.first { $0.id.rawValue == key } }
            ?? usable.first
        // Cities from the form's checkboxes (`city[]`) or a link's `cities=a,b`.
        let checked = (try? req.query.get([String].self, at: "city")) ?? []
        let wanted = (checked + (req.query[String.self, at: "cities"] ?? "").split(separator: ",").map(String.init))
            .prefix(500).map { CityKey($0) }
        // Years in either order: `from=2024&to=2020` means 2020–2024, never an invalid range.
        let from = req.query[Int.self, at: "from"]
        let to = req.query[Int.self, at: "to"]
        let years: ClosedRange<Int>? =
            from == nil && to == nil
            ? nil : min(from ?? Int.min, to ?? Int.max)...max(from ?? Int.min, to ?? Int.max)
        var sections: [Section] = []
        var help = Section(id: "choose", heading: Catalogue.page(.index, language))
        help.paragraphs = [IndexText.explanation(language)]
        if let framework = chosen {
            // The choices are a form: the framework, the cities observed in it, the years.
            let all = try await StoredIndex.cachedRanks(req, framework: framework, cities: [], years: nil)
            let observed = try await repository.cities((all?.units ?? []).map { CityKey($0) })
            help.html = IndexText.form(
                frameworks: usable.map { ($0.id.rawValue, $0.name.text(language)) }, chosen: framework.id.rawValue,
                cities: observed.map { ($0.id.rawValue, $0.name.text(language)) }
                    .sorted { $0.1.localizedCompare($1.1) == .orderedAscending },
                wanted: Set(wanted.map(\.rawValue)), from: from.map { min($0, to ?? $0) },
                to: to.map { max($0, from ?? $0) }, language)
        }
        sections.append(help)
        if let framework = chosen {
            if let ua = try await StoredIndex.cachedRanks(req, framework: framework, cities: wanted, years: years) {
                let cities = Dictionary(
                    uniqueKeysWithValues: try await repository.cities(ua.units.map { CityKey($0) }).map { ($0.id, $0) })
                let rows = ua.units.indices.sorted { ua.nominalRank[$0] < ua.nominalRank[$1] }.map { i in
                    Charts.RankInterval(
                        label: cities[CityKey(ua.units[i])]?.name.text(language) ?? ua.units[i],
                        nominal: ua.nominalRank[i],
                        median: ua.medianRank[i], low: ua.q05[i], high: ua.q95[i])
                }
                var ranked = Section(id: "ranks", heading: "\(framework.name.text(language)) — \(ua.period)")
                ranked.tables = [
                    Table(
                        caption: Catalogue.page(.rank, language),
                        columns: [
                            Catalogue.column("city", language), Catalogue.page(.rank, language),
                            IndexText.medianRank(language), Catalogue.page(.interval, language),
                            IndexText.score(language),
                        ],
                        rows: ua.units.indices.sorted { ua.nominalRank[$0] < ua.nominalRank[$1] }.map { i in
                            [
                                Cell(
                                    text: cities[CityKey(ua.units[i])]?.name.text(language) ?? ua.units[i],
                                    href: "/cities/\(ua.units[i])"),
                                Cell(text: Format.decimal(ua.nominalRank[i], digits: 0, language), numeric: true),
                                Cell(text: Format.decimal(ua.medianRank[i], digits: 1, language), numeric: true),
                                Cell(
                                    text:
                                        "\(Format.decimal(ua.q05[i], digits: 0, language))–\(Format.decimal(ua.q95[i], digits: 0, language))",
                                    numeric: true),
                                Cell(text: Format.decimal(ua.nominalScore[i], digits: 2, language), numeric: true),
                            ]
                        })
                ]
                ranked.charts = [
                    Charts.rankIntervals(
                        rows, title: Catalogue.page(.interval, language),
                        description: rows.map { "\($0.label): \(Format.decimal($0.nominal, digits: 0, language))" }
                            .joined(separator: "; "),
                        id: "rank-intervals")
                ]
                for partnership in try await repository.partnerships(among: ua.units, asOf: req.asOf, limit: 50) {
                    guard partnership.cities.count == 2,
                        let pair = ua.outranking(partnership.cities[0], partnership.cities[1])
                    else { continue }
                    ranked.paragraphs.append(
                        IndexText.pair(
                            cities[CityKey(partnership.cities[0])]?.name.text(language) ?? partnership.cities[0],
                            cities[CityKey(partnership.cities[1])]?.name.text(language) ?? partnership.cities[1],
                            pair.aOutranksB, pair.runs, language))
                }
                if ua.units.count < 2 { ranked.paragraphs.append(IndexText.oneCity(language)) }
                sections.append(ranked)
            }
        }
        return try await req.view.render(
            "page",
            GenericPage(
                chrome: Chrome(req, title: Catalogue.page(.index, language), section: "/index"),
                heading: Catalogue.page(.index, language), lead: chosen?.name.text(language), actions: [],
                sections: sections))
    }
}

enum IndexText {
    static func explanation(_ language: Language) -> String {
        language == .en
            ? "A composite index of the stored observations of one framework, built as COINr builds it (min-max 0–100, arithmetic means, equal weights). The interval shows the 5th–95th percentile of each city's rank over 500 runs with every aggregate weight varied by ±25 %."
            : "Indeks komposit dari observasi tersimpan untuk satu kerangka, dibangun seperti COINr (min-maks 0–100, rata-rata aritmetika, bobot setara). Interval menunjukkan persentil ke-5–95 peringkat tiap kota dalam 500 ulangan dengan setiap bobot agregat divariasikan ±25 %."
    }

    static func medianRank(_ language: Language) -> String { language == .en ? "Median rank" : "Peringkat median" }
    static func score(_ language: Language) -> String { language == .en ? "Score" : "Skor" }

    /// The index's choices as a GET form (no address to edit by hand): framework, cities (none ticked: all), years.
    static func form(
        frameworks: [(String, String)], chosen: String, cities: [(String, String)], wanted: Set<String>, from: Int?,
        to: Int?, _ language: Language
    ) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let en = language == .en
        var html = "<form class=\"index-choices\" method=\"get\" action=\"/index\">"
        html += "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">"
        html +=
            "<p><label for=\"i-framework\">\(en ? "Framework" : "Kerangka")</label> <select id=\"i-framework\" name=\"framework\">"
        for (key, name) in frameworks {
            html += "<option value=\"\(escape(key))\"\(key == chosen ? " selected" : "")>\(escape(name))</option>"
        }
        html += "</select></p>"
        if !cities.isEmpty {
            html +=
                "<fieldset class=\"checks\"><legend>\(en ? "Cities (none ticked: all)" : "Kota (tanpa centang: semua)")</legend>"
            for (key, name) in cities {
                html +=
                    "<label class=\"check\"><input type=\"checkbox\" name=\"city[]\" value=\"\(escape(key))\""
                    + (wanted.contains(key) ? " checked" : "") + "> \(escape(name))</label>"
            }
            html += "</fieldset>"
        }
        html +=
            "<p><label for=\"i-from\">\(en ? "From year" : "Dari tahun")</label> <input id=\"i-from\" name=\"from\" type=\"text\" inputmode=\"numeric\" maxlength=\"4\" size=\"4\" value=\"\(from.map(String.init) ?? "")\"> "
        html +=
            "<label for=\"i-to\">\(en ? "to" : "sampai")</label> <input id=\"i-to\" name=\"to\" type=\"text\" inputmode=\"numeric\" maxlength=\"4\" size=\"4\" value=\"\(to.map(String.init) ?? "")\"></p>"
        html +=
            "<p><button type=\"submit\" id=\"index-show\">\(en ? "Show the index" : "Tampilkan indeks")</button></p></form>"
        return html
    }

    static func pair(_ a: String, _ b: String, _ p: Double, _ runs: Int, _ language: Language) -> String {
        let share = Format.decimal(p * 100, digits: 0, language)
        return language == .en
            ? "\(a) ranks above \(b) in \(share) % of \(runs) runs."
            : "\(a) berperingkat di atas \(b) pada \(share) % dari \(runs) ulangan."
    }

    static func oneCity(_ language: Language) -> String {
        language == .en
            ? "Only one city has observations of this framework, so it ranks first by construction: add observations of other cities to compare."
            : "Hanya satu kota yang memiliki observasi kerangka ini, sehingga otomatis berperingkat pertama: tambahkan observasi kota lain untuk membandingkan."
    }
}

/// The index the web shows: stored observations of one framework, COINr's default steps, and 500 seeded runs with
/// every aggregate weight varied by ±25 % for the rank intervals. One implementation for the index and city pages.
enum StoredIndex {
    /// The ranks of the stored observations of `framework` (of `cities`, all when empty; in `years`, all when
    /// `nil`), computed once per version of the observations — on the thread pool, never on a request's event loop —
    /// and shared by concurrent requests. `nil` when nothing is observed.
    static func cachedRanks(
        _ req: Request, framework: Framework, cities: [CityKey], years: ClosedRange<Int>?
    ) async throws -> UncertaintyResult? {
        let repository = req.repository
        let version = try await repository.latestSequence(ofKinds: ["observation", "framework"])
        let key =
            "\(framework.id)|\(cities.map(\.rawValue).joined(separator: ","))|\(years.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "")|\(version)"
        let pool = req.application.threadPool
        return try await req.application.computations.value(for: key) {
            let observations = try await repository.observations(framework: framework.id, cities: cities).filter {
                years?.contains($0.period.year) ?? true
            }
            guard !observations.isEmpty else { return nil }
            return try await pool.runIfActive { try ranks(framework: framework, observations: observations) }
        }
    }

    static func ranks(framework: Framework, observations: [Observation]) throws -> UncertaintyResult {
        let input = try ObservationIndex(framework: framework, observations: observations)
        let configuration = IndexConfiguration(structure: input.structure)
        let result = try IndexPipeline.run(panel: input.panel, configuration: configuration)
        let levels = input.structure.maxLevel
        let noise = levels >= 2 ? (2...levels).map { WeightNoise(.level($0), factor: 0.25) } : []
        return try Uncertainty.run(
            nominal: result, configuration: configuration,
            spec: UncertaintySpec(replications: 500, seed: 1, weightNoise: noise))
    }
}
