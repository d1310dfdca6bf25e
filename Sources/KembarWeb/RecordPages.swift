import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Detail pages of single records: activity, initiative, organisation, source, framework.
enum RecordPages {
    static func activity(_ req: Request, _ a: Activity) async throws -> GenericPage {
        let language = req.language
        let cited = Set(a.citedSources)
        let sources = SourceNumbers(try await req.repository.sources(cited))
        let organisations = Dictionary(
            uniqueKeysWithValues: try await req.repository.organisations(Set(a.organisations.map(\.organisation)))
                .map { ($0.id, $0.name.text(language)) })
        let fields = Dictionary(
            uniqueKeysWithValues: try await req.repository.fields().map { ($0.id, $0.name.text(language)) })
        let (partnership, breadcrumb) = try await under(req, a.partnership)
        var facts: [Fact] = [
            Fact(
                label: Catalogue.label(.partnership, language), value: partnership,
                href: "/partnerships/\(a.partnership)"),
            Fact(label: Catalogue.column("kind", language), value: WebText.term(a.kind.rawValue, language)),
            Fact(label: Catalogue.column("date", language), value: Describe.when(a, language)),
        ]
        if a.internal == true { facts.insert(internalFact(language), at: 0) }
        if let days = a.durationDays {
            facts.append(Fact(label: Catalogue.column("duration_days", language), value: String(days)))
        }
        if let place = a.place { facts.append(Fact(label: Catalogue.column("place", language), value: place)) }
        facts.append(Fact(label: Catalogue.column("travel", language), value: Catalogue.name(a.travel, language)))
        facts.append(Fact(label: Catalogue.column("venue", language), value: Catalogue.name(a.venue, language)))
        if let sessions = a.sessions {
            facts.append(Fact(label: Catalogue.column("sessions", language), value: String(sessions)))
        }
        let total = a.participantTotal
        facts.append(
            Fact(
                label: Catalogue.column("participants", language),
                value: a.participants.isEmpty
                    ? "—"
                    : a.participants.map {
                        "\(Format.count($0.count, approximate: $0.approximate, language)) \(WebText.role($0.role, count: $0.count, language))"
                    }
                    .joined(separator: ", ")
                        + " = \(Format.count(total.count, approximate: total.approximate, language))"))
        facts += organisationFacts(a.organisations, names: organisations, language)
        if !a.outputs.isEmpty {
            facts.append(
                Fact(
                    label: Catalogue.column("outputs", language),
                    value: a.outputs.map { $0.text(language) }.joined(separator: "; ")))
        }
        for result in a.results {
            facts.append(
                Fact(
                    label: Catalogue.column("results", language),
                    value: Describe.figure(result, cite: sources.cite, language)))
        }
        facts.append(
            Fact(
                label: Catalogue.column("fields", language),
                value: a.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ")))
        facts.append(
            Fact(label: Catalogue.column("tags", language), value: try await tagNames(a.tags, req.repository, language))
        )
        facts.append(
            Fact(
                label: Catalogue.column("infrastructure", language),
                value: a.infrastructure.map { WebText.term($0.rawValue, language) } ?? "—"))
        facts.append(
            Fact(label: Catalogue.column("status", language), value: WebText.term(a.status.rawValue, language)))
        if !a.delivers.isEmpty {
            let plans = try await req.repository.actions(of: a.partnership)
            facts.append(
                Fact(
                    label: Catalogue.column("delivers", language),
                    value: a.delivers.map { key in plans.first { $0.id == key }?.title.text(language) ?? key.rawValue }
                        .joined(separator: "; "),
                    href: a.delivers.count == 1 ? "/actions/\(a.delivers[0])" : nil))
        }
        if let cost = a.cost {
            facts.append(Fact(label: Catalogue.column("cost_amount", language), value: PlanText.money(cost, language)))
        }
        if let note = a.note { facts.append(Fact(label: Catalogue.column("note", language), value: note)) }
        var main = Section(id: "activity", heading: Catalogue.page(.summary, language), facts: facts)
        if let description = a.description { main.paragraphs = [description.text(language) + sources.cite(a.sources)] }
        return GenericPage(
            chrome: Chrome(req, title: a.title.text(language), section: "/"), heading: a.title.text(language),
            lead: WebText.term(a.kind.rawValue, language),
            actions: editActions(req, .activities, a.id.rawValue),
            sections: [
                main,
                try await DocumentsSection.build(
                    req, attachedTo: .activity, key: a.id.rawValue, partnership: a.partnership),
                sources.section(language),
            ],
            headingLang: a.title.lang(on: language),
            breadcrumb: breadcrumb)
    }

    /// The partnership a record is under, by its cities' names, and the breadcrumb to it.
    static func under(_ req: Request, _ key: PartnershipKey) async throws -> (name: String, breadcrumb: [Link]) {
        let name = try await req.repository.partnershipRow(key, asOf: req.asOf)?.title(req.language) ?? key.rawValue
        return (
            name,
            [
                Link(href: "/", label: Catalogue.page(.dashboard, req.language)),
                Link(href: "/partnerships/\(key)", label: name),
            ]
        )
    }

    static func agreement(_ req: Request, _ a: Agreement) async throws -> GenericPage {
        let language = req.language
        let sources = SourceNumbers(
            try await req.repository.sources(Set(a.sources + a.signatories.flatMap(\.allSources))))
        let fields = Dictionary(
            uniqueKeysWithValues: try await req.repository.fields().map { ($0.id, $0.name.text(language)) })
        let partnership = try await under(req, a.partnership)
        var facts = [
            Fact(
                label: Catalogue.label(.partnership, language), value: partnership.name,
                href: "/partnerships/\(a.partnership)"),
            Fact(
                label: Catalogue.column("kind", language),
                value: a.kindLabel?.text(language) ?? Catalogue.name(a.kind, language)),
            Fact(label: Catalogue.column("signed", language), value: Format.date(a.signed, language)),
        ]
        if a.internal == true { facts.insert(internalFact(language), at: 0) }
        if let place = a.place { facts.append(Fact(label: Catalogue.column("place", language), value: place)) }
        if !a.signatories.isEmpty {
            facts.append(
                Fact(
                    label: Catalogue.column("signatories", language),
                    value: a.signatories.map { Describe.signatory($0, cite: sources.cite, language) }
                        .joined(separator: "; ")))
        }
        if let from = a.validFrom {
            facts.append(Fact(label: Catalogue.column("valid_from", language), value: Format.date(from, language)))
        }
        facts.append(
            Fact(
                label: Catalogue.column("valid_until", language),
                value: a.endDay.map { Format.date($0.partialDate, language) } ?? Catalogue.label(.openEnded, language)))
        if !a.fields.isEmpty {
            facts.append(
                Fact(
                    label: Catalogue.column("fields", language),
                    value: a.fields.map { fields[$0] ?? $0.rawValue }.joined(separator: "; ")))
        }
        for (column, other) in [("renews", a.renews), ("amends", a.amends)] {
            if let other {
                facts.append(
                    Fact(label: Catalogue.column(column, language), value: other.rawValue, href: "/agreements/\(other)")
                )
            }
        }
        if let document = a.document {
            facts.append(Fact(label: Catalogue.column("document", language), value: document))
        }
        if let note = a.note { facts.append(Fact(label: Catalogue.column("note", language), value: note)) }
        var main = Section(id: "agreement", heading: Catalogue.page(.summary, language), facts: facts)
        if let purpose = a.purpose { main.paragraphs = [purpose.text(language) + sources.cite(a.sources)] }
        return GenericPage(
            chrome: Chrome(req, title: a.title.text(language), section: "/"), heading: a.title.text(language),
            lead: Catalogue.name(a.kind, language) + sources.cite(a.sources),
            actions: editActions(req, .agreements, a.id.rawValue),
            sections: [
                main,
                try await DocumentsSection.build(
                    req, attachedTo: .agreement, key: a.id.rawValue, partnership: a.partnership),
                sources.section(language),
            ],
            headingLang: a.title.lang(on: language),
            breadcrumb: partnership.breadcrumb)
    }

    static func milestone(_ req: Request, _ m: Milestone) async throws -> GenericPage {
        let language = req.language
        let sources = SourceNumbers(try await req.repository.sources(Set(m.sources)))
        let organisations = Dictionary(
            uniqueKeysWithValues: try await req.repository.organisations(Set(m.organisations.map(\.organisation)))
                .map { ($0.id, $0.name.text(language)) })
        let partnership = try await under(req, m.partnership)
        var facts = [
            Fact(
                label: Catalogue.label(.partnership, language), value: partnership.name,
                href: "/partnerships/\(m.partnership)"),
            Fact(label: Catalogue.column("kind", language), value: Catalogue.name(m.kind, language)),
            Fact(label: Catalogue.column("date", language), value: Describe.when(m, language)),
        ]
        if m.internal == true { facts.insert(internalFact(language), at: 0) }
        facts += organisationFacts(m.organisations, names: organisations, language)
        if let note = m.note { facts.append(Fact(label: Catalogue.column("note", language), value: note)) }
        var main = Section(id: "milestone", heading: Catalogue.page(.summary, language), facts: facts)
        if let description = m.description { main.paragraphs = [description.text(language) + sources.cite(m.sources)] }
        return GenericPage(
            chrome: Chrome(req, title: m.title.text(language), section: "/"), heading: m.title.text(language),
            lead: Catalogue.name(m.kind, language),
            actions: editActions(req, .milestones, m.id.rawValue),
            sections: [
                main,
                try await DocumentsSection.build(
                    req, attachedTo: .milestone, key: m.id.rawValue, partnership: m.partnership),
                sources.section(language),
            ],
            headingLang: m.title.lang(on: language),
            breadcrumb: partnership.breadcrumb)
    }

    static func initiative(_ req: Request, _ i: Initiative) async throws -> GenericPage {
        let language = req.language
        let sources = SourceNumbers(try await req.repository.sources(Set(i.citedSources)))
        var facts: [Fact] = [
            Fact(
                label: Catalogue.column("city", language),
                value: try await req.repository.city(i.city)?.name.text(language) ?? i.city.rawValue,
                href: "/cities/\(i.city)")
        ]
        if let started = i.started {
            facts.append(Fact(label: Catalogue.column("started", language), value: Format.date(started, language)))
        }
        facts.append(
            Fact(label: Catalogue.column("tags", language), value: try await tagNames(i.tags, req.repository, language))
        )
        facts.append(
            Fact(
                label: Catalogue.column("infrastructure", language),
                value: i.infrastructure.map { WebText.term($0.rawValue, language) } ?? "—"))
        for figure in i.figures {
            facts.append(
                Fact(
                    label: figure.label.text(language)
                        + (figure.period.map { " (\(Format.date($0, language)))" } ?? ""),
                    value:
                        "\(Format.decimal(figure.value, language)) \(figure.unit ?? "")\(sources.cite(figure.sources))")
            )
        }
        var main = Section(id: "initiative", heading: Catalogue.page(.summary, language), facts: facts)
        if let description = i.description { main.paragraphs = [description.text(language)] }
        main.paragraphs.append(Catalogue.label(.sources, language) + ":" + sources.cite(i.sources))
        return GenericPage(
            chrome: Chrome(req, title: i.title.text(language), section: "/cities"), heading: i.title.text(language),
            lead: nil,
            actions: editActions(req, .initiatives, i.id.rawValue), sections: [main, sources.section(language)],
            headingLang: i.title.lang(on: language))
    }

    static func organisation(_ req: Request, _ o: Organisation) async throws -> GenericPage {
        let language = req.language
        let offset = Pager.offset(req, size: Self.listSize)
        let involved = try await req.repository.referrerNames(
            to: .organisation, o.id.rawValue, from: "activity", limit: Self.listSize, offset: offset)
        let activities = try await req.repository.activities(involved.items.map { ActivityKey($0.key) })
            .sorted { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        var facts = [
            Fact(label: Catalogue.column("kind", language), value: WebText.term(o.kind.rawValue, language)),
            Fact(label: Catalogue.page(.country, language), value: CountryNaming.name(o.country, language)),
        ]
        if let city = o.city {
            facts.append(
                Fact(
                    label: Catalogue.column("city", language),
                    value: try await req.repository.city(city)?.name.text(language) ?? city.rawValue,
                    href: "/cities/\(city)"))
        }
        if let place = o.place { facts.append(Fact(label: Catalogue.column("place", language), value: place)) }
        if let represents = o.represents {
            facts.append(Fact(label: Catalogue.column("represents", language), value: represents))
        }
        for (scheme, id) in o.identifiers.sorted(by: { $0.key < $1.key }) {
            facts.append(Fact(label: scheme, value: id))
        }
        var list = Section(
            id: "activities", heading: Catalogue.label(.activities, language),
            links: activities.map { a in
                Link(
                    href: "/activities/\(a.id)",
                    label:
                        "\(Format.date(a.start, language)) — \(a.title.text(language)) (\(a.organisations.filter { $0.organisation == o.id }.map { WebText.term($0.role.rawValue, language) }.joined(separator: ", ")))"
                )
            })
        list.pager = Pager(req, offset: offset, shown: activities.count, total: involved.total, size: Self.listSize)
        return GenericPage(
            chrome: Chrome(req, title: o.name.text(language), section: "/organisations"),
            heading: o.name.text(language), lead: WebText.term(o.kind.rawValue, language),
            actions: editActions(req, .organisations, o.id.rawValue),
            sections: [
                Section(id: "organisation", heading: Catalogue.page(.summary, language), facts: facts), list,
            ])
    }

    static func source(_ req: Request, _ s: Source) async throws -> GenericPage {
        let language = req.language
        // A source may support thousands of records (the founding paper supports every one of its facts): one page
        // of them at a time, named by their stored labels.
        let offset = Pager.offset(req, size: Self.listSize)
        let supporting = try await req.repository.referrerNames(
            to: .source, s.id.rawValue, limit: Self.listSize, offset: offset)
        // Grouped by kind, each group under its heading; an observation named by its indicator and value.
        let frameworks = try await req.repository.frameworks(supporting.items.compactMap { $0.indicator?.framework })
        var groups: [(kind: String, links: [Link])] = []
        for var name in supporting.items {
            if let indicator = name.indicator, let value = name.value {
                let node = frameworks[indicator.framework]?.node(indicator.node)
                let unit = node?.unit != nil && node?.unit == name.unit ? node?.unitName?.text(language) : nil
                name.title = nil
                name.label =
                    "\(node?.name.text(language) ?? indicator.description): \(Format.decimal(value, language))"
                    + ((unit ?? name.unit).map { " \($0)" } ?? "")
            }
            let link = Link(
                href: Self.href(name), label: Self.label(name, language),
                lang: name.title?.lang(on: language))
            if groups.last?.kind == name.kind {
                groups[groups.count - 1].links.append(link)
            } else {
                groups.append((name.kind, [link]))
            }
        }
        var facts = [Fact(label: Catalogue.column("kind", language), value: WebText.term(s.kind.rawValue, language))]
        if s.internal == true { facts.insert(internalFact(language), at: 0) }
        if !s.authors.isEmpty {
            facts.append(Fact(label: Catalogue.column("authors", language), value: s.authors.joined(separator: "; ")))
        }
        for (column, value) in [
            ("container", s.container), ("publisher", s.publisher),
            ("date", s.date.map { Format.date($0, language) }),
        ] {
            if let value { facts.append(Fact(label: Catalogue.column(column, language), value: value)) }
        }
        if let doi = s.doi {
            // A DOI is a link a reader can follow; one given as a URL already is kept as it is.
            let href = doi.hasPrefix("http") ? doi : "https://doi.org/" + doi
            facts.append(Fact(label: Catalogue.column("doi", language), value: doi, href: href))
        }
        for (column, value) in [
            ("accessed", s.accessed.map { Format.date($0, language) }), ("interviewee", s.interviewee),
            ("office", s.office), ("note", s.note),
        ] {
            if let value { facts.append(Fact(label: Catalogue.column(column, language), value: value)) }
        }
        if let url = s.url { facts.append(Fact(label: "URL", value: url, href: url)) }
        return GenericPage(
            chrome: Chrome(req, title: s.shortCitation, section: "/sources"), heading: s.title, lead: s.shortCitation,
            actions: editActions(req, .sources, s.id.rawValue),
            sections: [
                Section(id: "source", heading: Catalogue.page(.summary, language), facts: facts),
                Section(
                    id: "supports", heading: Catalogue.page(.supports, language),
                    paragraphs: groups.isEmpty ? [WebText.supportsNothing(language)] : [],
                    pager: Pager(
                        req, offset: offset, shown: supporting.items.count, total: supporting.total,
                        size: Self.listSize)),
            ]
                + groups.map { group in
                    Section(
                        id: "supports-\(group.kind)",
                        heading: WebText.kinds(
                            EditableCollection.named(kind: group.kind)?.rawValue ?? group.kind, language),
                        links: group.links)
                })
    }

    static func framework(
        _ req: Request, _ f: Framework, crosswalks: [Crosswalk], names: [FrameworkKey: LocalizedText]
    ) -> GenericPage {
        let language = req.language
        func render(_ nodes: [FrameworkNode]) -> String {
            guard !nodes.isEmpty else { return "" }
            return "<ul class=\"tree\">"
                + nodes.map { node in
                    var item =
                        "<li><span class=\"node \(node.level.rawValue)\">\(SVG.escape(node.name.text(language)))</span> "
                    if node.isTranslated(language) {
                        item +=
                            "<small class=\"translated\">(\(SVG.escape(WebText.kembarsTranslation(language))))</small> "
                    }
                    item += "<code>\(SVG.escape(node.id))</code> "
                    item +=
                        "<span class=\"badge v-\(node.verification.rawValue)\">\(SVG.escape(WebText.verification(node.verification, language)))</span>"
                    if let unit = node.unitName?.text(language) ?? node.unit {
                        item += " <span class=\"unit\">\(SVG.escape(unit))</span>"
                    }
                    if let direction = node.direction {
                        item += " <span class=\"unit\">\(direction == .higherIsBetter ? "↑" : "↓")</span>"
                    }
                    // The note written for readers; a framework a user recorded may have only its own note.
                    if let about = node.about?.text(language) ?? node.provenance {
                        item += "<br><small>\(SVG.escape(about))</small>"
                    }
                    return item + render(node.children) + "</li>"
                }.joined() + "</ul>"
        }
        var facts = [
            Fact(label: Catalogue.page(.verification, language), value: WebText.verification(f.verification, language))
        ]
        if let authors = f.authors { facts.append(Fact(label: Catalogue.column("authors", language), value: authors)) }
        if let year = f.year { facts.append(Fact(label: WebText.year(language), value: String(year))) }
        // The version as the researchers wrote it (English) only where no reader's text says what is shipped.
        if f.about == nil, let version = f.version {
            facts.append(Fact(label: WebText.version(language), value: version))
        }
        if f.about == nil, let status = f.status {
            facts.append(Fact(label: Catalogue.page(.provenance, language), value: status))
        }
        var hierarchy = Section(id: "hierarchy", heading: Catalogue.page(.hierarchy, language))
        hierarchy.html = render(f.dimensions)
        let table = Table(
            caption: Catalogue.page(.crosswalks, language),
            columns: ["", Catalogue.page(.verification, language), Catalogue.column("note", language)],
            rows: crosswalks.map { c in
                [
                    Cell(
                        text:
                            "\(names[c.from]?.text(language) ?? c.from.rawValue) → \(names[c.to]?.text(language) ?? c.to.rawValue)",
                        href: "/frameworks/\(c.from == f.id ? c.to : c.from)"),
                    Cell(text: WebText.sourced(c.sourced, language), badge: c.sourced ? "v-verified" : "v-editorial"),
                    Cell(text: c.statement + " " + c.pairs.map { "\($0.from)→\($0.to)" }.joined(separator: ", ")),
                ]
            })
        return GenericPage(
            chrome: Chrome(req, title: f.name.text(language), section: "/frameworks"), heading: f.name.text(language),
            lead: f.about?.text(language),
            actions: [],
            sections: [
                Section(
                    id: "framework", heading: Catalogue.page(.summary, language), facts: facts,
                    // A reference as a link to its address; the researchers' note after it stays in the data.
                    links: f.references.map { reference in
                        let address = String(reference.prefix { $0 != " " })
                        return reference.hasPrefix("http")
                            ? Link(href: address, label: address)
                            : Link(href: "#", label: reference.components(separatedBy: " (").first ?? reference)
                    }),
                hierarchy,
                Section(id: "crosswalks", heading: Catalogue.page(.crosswalks, language), tables: [table]),
            ])
    }

    /// Tags by their node's name and framework ("Smart People (Cohen's Smart City Wheel)"), reading only the
    /// frameworks they name.
    static func tagNames(_ tags: [FrameworkTag], _ repository: Repository, _ language: Language) async throws -> String
    {
        guard !tags.isEmpty else { return "—" }
        let frameworks = try await repository.frameworks(tags.map(\.framework))
        return tags.map { TagSuggestions.label($0, frameworks[$0.framework], language) }.joined(separator: "; ")
    }

    /// Rows per page of a record's lists (a source's supported records, an organisation's activities).
    static let listSize = 100

    /// Where a record named by kind and key is shown.
    static func href(_ name: RecordName) -> String {
        switch name.kind {
        case "city": "/cities/\(name.key)"
        case "partnership": "/partnerships/\(name.key)"
        case "agreement": "/agreements/\(name.key)"
        case "milestone": "/milestones/\(name.key)"
        case "activity": "/activities/\(name.key)"
        case "initiative": "/initiatives/\(name.key)"
        case "observation": "/cities/\(name.city ?? "")"
        case "organisation": "/organisations/\(name.key)"
        case "source": "/sources/\(name.key)"
        default: "/"
        }
    }

    /// "2018 — Coaching clinic": the record's date as recorded and its title in the page's language (else its
    /// stored label).
    static func label(_ name: RecordName, _ language: Language) -> String {
        let day = name.when ?? name.date.flatMap { try? PartialDate(parsing: $0) }
        let date = day.map { Format.date($0, language) + " — " } ?? ""
        let title = name.title.map { $0.text(language) }.flatMap { $0.isEmpty ? nil : $0 } ?? name.label ?? name.key
        return date + title
    }

    /// The organisations of an activity or milestone, each with its role.
    static func organisationFacts(
        _ roles: [OrganisationRole], names: [OrganisationKey: String], _ language: Language
    ) -> [Fact] {
        roles.map { role in
            Fact(
                label: "\(Catalogue.column("organisations", language)) (\(WebText.term(role.role.rawValue, language)))",
                value: names[role.organisation] ?? role.organisation.rawValue,
                href: "/organisations/\(role.organisation)")
        }
    }

    /// What a record marked internal says first to the signed-in readers who see it.
    static func internalFact(_ language: Language) -> Fact {
        Fact(label: WebText.visibility(language), value: WebText.internalOnly(language))
    }

    static func editActions(_ req: Request, _ collection: EditableCollection, _ key: String) -> [Link] {
        var links: [Link] = []
        if req.mayWrite {
            links += [
                Link(href: "/edit/\(collection.rawValue)/\(key)", label: Catalogue.page(.edit, req.language)),
                Link(href: "/delete/\(collection.rawValue)/\(key)", label: Catalogue.page(.delete, req.language)),
            ]
        }
        if let history = historyAction(req, collection, key) { links.append(history) }
        return links
    }

    /// The record's history, for signed-in readers.
    static func historyAction(_ req: Request, _ collection: EditableCollection, _ key: String) -> Link? {
        req.account == nil
            ? nil : Link(href: "/history/\(collection.rawValue)/\(key)", label: WebText.history(req.language))
    }
}
