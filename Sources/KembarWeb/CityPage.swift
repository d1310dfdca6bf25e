import KembarCore
import KembarIndex
import KembarReport
import KembarStorage
import Vapor

/// A city: profile, map position, partnerships, initiatives per dimension, observations with trend lines, coverage.
enum CityPage {
    /// Partnerships listed per page.
    static let partnershipsShown = 100

    static func build(_ req: Request, city: City) async throws -> GenericPage {
        let language = req.language
        let repository = req.repository
        let initiatives = try await repository.initiatives(of: city.id)
        let observations = try await repository.observations(of: city.id)
        let library = try await repository.frameworkLibrary()
        let sources = SourceNumbers(
            try await repository.sources(
                Set(city.citedSources + initiatives.flatMap(\.citedSources) + observations.flatMap(\.sources))))
        // The city's partnerships, a page at a time (a capital may have hundreds), from their summaries.
        var query = PartnershipQuery(asOf: req.asOf)
        query.city = city.id.rawValue
        query.language = language
        query.limit = Self.partnershipsShown
        query.offset = Pager.offset(req, size: Self.partnershipsShown)
        let partnerships = try await repository.partnershipList(query)
        let framework = try req.chosenFramework(in: library)
        let data = Dataset(cities: [city], initiatives: initiatives, observations: observations)
        let profile = try Evaluator.profile(data, city: city.id, framework: framework, library: library, asOf: req.asOf)

        var summary = Section(id: "profile", heading: Catalogue.page(.summary, language))
        summary.facts = [
            Fact(
                label: Catalogue.page(.country, language),
                value: CountryNaming.name(city.country, language)
                    + (city.subdivision.map { " · \(CountryNaming.subdivision($0, language))" } ?? "")),
            Fact(
                label: Catalogue.column("admin_level", language),
                value: WebText.term(city.adminLevel.rawValue, language)),
        ]
        if let population = city.population {
            summary.facts.append(
                Fact(
                    label: Catalogue.column("population", language),
                    value: "\(Format.integer(population.count, language)) (\(population.year))"))
        }
        if !city.characteristics.isEmpty {
            summary.facts.append(
                Fact(
                    label: Catalogue.column("characteristics", language),
                    value: city.characteristics.map { WebText.characteristic($0, language) }.joined(separator: ", ")))
        }
        if let coordinates = city.coordinates {
            summary.facts.append(
                Fact(
                    label: Catalogue.page(.position, language),
                    value:
                        Format.position(latitude: coordinates.latitude, longitude: coordinates.longitude, language)
                ))
        }
        for figure in city.figures {
            summary.facts.append(
                Fact(
                    label: Catalogue.column("figures", language),
                    value: Describe.figure(figure, cite: sources.cite, language)))
        }
        for recognition in city.recognitions {
            let when = recognition.date.map { Describe.when($0, end: recognition.end, language) + ": " } ?? ""
            summary.facts.append(
                Fact(
                    label: Catalogue.column("recognitions", language),
                    value: when + recognition.title.text(language) + sources.cite(recognition.sources)))
        }
        if let note = city.note { summary.facts.append(Fact(label: Catalogue.column("note", language), value: note)) }
        if !city.sources.isEmpty {
            summary.paragraphs.append(Catalogue.label(.sources, language) + ":" + sources.cite(city.sources))
        }

        var partnershipSection = Section(
            id: "partnerships", heading: Catalogue.page(.partnerships, language),
            links: partnerships.rows.map { p in Link(href: "/partnerships/\(p.key)", label: p.title(language)) })
        partnershipSection.pager = Pager(
            req, offset: query.offset, shown: partnerships.rows.count, total: partnerships.total,
            size: Self.partnershipsShown)
        if let map = try await MapPage.city(req, city) {
            partnershipSection.charts.append(map)
        }

        var initiativeSection = Section(
            id: "initiatives",
            heading: "\(Catalogue.page(.initiatives, language)) — \(profile.frameworkName.text(language))")
        initiativeSection.tables = [
            Table(
                caption: Catalogue.page(.coverage, language),
                columns: [
                    Catalogue.column("name", language), Catalogue.page(.initiatives, language),
                    Catalogue.page(.observations, language),
                ],
                rows: profile.dimensions.map { d in
                    [
                        Cell(text: d.name.text(language)),
                        Cell(
                            text: d.initiatives.isEmpty
                                ? "—" : d.initiatives.map { $0.title.text(language) }.joined(separator: "; ")),
                        Cell(text: d.indicators.isEmpty ? "—" : String(d.indicators.count), numeric: true),
                    ]
                })
        ]
        initiativeSection.links = initiatives.map {
            Link(href: "/initiatives/\($0.id)", label: $0.title.text(language) + sources.cite($0.sources))
        }

        var observationSection = Section(id: "observations", heading: Catalogue.page(.observations, language))
        observationSection.tables = [
            Table(
                caption: Catalogue.page(.observations, language),
                columns: [
                    Catalogue.column("indicator", language), Catalogue.page(.latest, language),
                    Catalogue.page(.trend, language),
                ],
                rows: profile.indicators.map { trend in
                    let latest = trend.series.last
                    return [
                        Cell(text: trend.name?.text(language) ?? trend.indicator.description),
                        Cell(
                            text: latest.map {
                                "\(Format.decimal($0.value, language)) \(trend.unitName?.text(language) ?? trend.unit ?? "") (\(Format.date($0.period, language)))"
                            } ?? "—"),
                        Cell(text: ReportStrings.trend(trend.trend, trend.assessment, language)),
                    ]
                })
        ]
        for trend in profile.indicators where trend.series.count >= 2 {
            observationSection.charts.append(
                Charts.trend(
                    trend.series.map {
                        ChartDatum(
                            label: Format.date($0.period, language), value: $0.value,
                            display: Format.decimal($0.value, language))
                    },
                    title: trend.name?.text(language) ?? trend.indicator.description,
                    description: trend.series.map {
                        "\(Format.date($0.period, language)): \(Format.decimal($0.value, language))"
                    }.joined(separator: "; "),
                    id: "trend-\(trend.indicator.node.filter { $0.isLetter || $0.isNumber })"))
        }
        for observation in observations where observation.note != nil {
            observationSection.paragraphs.append(
                "\(Format.date(observation.period, language)): \(observation.note!)\(sources.cite(observation.sources))"
            )
        }

        // The city's rank where an index can be built: a framework with observations of this and other cities.
        for framework in try await repository.frameworks()
        where observations.contains(where: { $0.indicator.framework == framework.id }) {
            guard let ua = try? await StoredIndex.cachedRanks(req, framework: framework, cities: [], years: nil),
                ua.units.count >= 2, let i = ua.units.firstIndex(of: city.id.rawValue)
            else { continue }
            observationSection.facts.append(
                Fact(
                    label: "\(Catalogue.page(.rank, language)) — \(framework.name.text(language)) (\(ua.period))",
                    value: "\(Format.decimal(ua.nominalRank[i], digits: 0, language)) / \(ua.units.count) · "
                        + "\(Catalogue.page(.interval, language)) \(Format.decimal(ua.q05[i], digits: 0, language))–"
                        + "\(Format.decimal(ua.q95[i], digits: 0, language))",
                    href: "/index?framework=\(framework.id)"))
        }

        if req.account != nil {
            summary.facts.append(
                Fact(
                    label: WebText.calendarFeed(language),
                    value: "/calendar/\(city.id).ics?token=TOKEN&lang=\(language.rawValue)",
                    detail: WebText.calendarHint(language)))
        }
        var actions: [Link] = [
            Link(
                href: "/cities/\(city.id)/report?period=\(req.asOf.year)&lang=\(language.rawValue)",
                label: WebText.monevReport(language))
        ]
        if req.mayWrite {
            actions += [
                Link(
                    href: "/new/initiatives?city=\(city.id)",
                    label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("initiatives", language))"),
                Link(
                    href: "/new/observations?city=\(city.id)",
                    label: "\(Catalogue.page(.newRecord, language)): \(Catalogue.entity("observations", language))"),
                Link(href: "/edit/cities/\(city.id)", label: Catalogue.page(.edit, language)),
                Link(href: "/delete/cities/\(city.id)", label: Catalogue.page(.delete, language)),
            ]
        }
        if let history = RecordPages.historyAction(req, .cities, city.id.rawValue) { actions.append(history) }
        actions += [
            Link(href: "/map?city=\(city.id)", label: Catalogue.page(.map, language)),
            Link(
                href: "/cities/\(city.id)/observations.csv",
                label: "\(Catalogue.entity("observations", language)) (CSV)"),
        ]
        if city.organisationIdentifier != nil {
            actions.append(Link(href: "/api/v1/iati/cities/\(city.id)", label: MapText.iatiDownload(language)))
        }
        return GenericPage(
            chrome: Chrome(req, title: city.name.text(language), section: "/cities"), heading: city.name.text(language),
            lead: nil, actions: actions,
            sections: [summary, partnershipSection, initiativeSection, observationSection, sources.section(language)])
    }
}

/// A city's position on a small world frame (equirectangular, graticule every 30°) — no map tiles needed.
