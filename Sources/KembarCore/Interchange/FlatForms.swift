// The flat forms of the glossary's records: the columns of CSV files and of the web app's forms.

extension Activity: FlatCodable {
    public static let collection = "activities"
    public static let columns: [FlatColumn] =
        [
            FlatColumn("key", .key, required: true),
            FlatColumn("partnership", .reference("partnerships"), required: true),
            .choice("kind", Kind.self),
        ] + FlatColumn.text("title") + FlatColumn.text("description", long: true) + [
            FlatColumn("start", .date, required: true), FlatColumn("end", .date),
            FlatColumn("date_inferred", .boolean), FlatColumn("date_label", .text),
            FlatColumn("duration_days", .integer), FlatColumn("place", .text), .choice("travel", Travel.self),
            .choice("venue", Venue.self), FlatColumn("sessions", .integer),
            FlatColumn("participants", .list), FlatColumn("organisations", .list), FlatColumn("outputs_en", .list),
            FlatColumn("outputs_id", .list), FlatColumn("results", .json), FlatColumn("fields", .list),
            FlatColumn("tags", .list), .choice("infrastructure", Infrastructure.self, required: false),
            .choice("status", Status.self), FlatColumn("delivers", .list), FlatColumn("cost_amount", .number),
            FlatColumn("cost_currency", .text), FlatColumn("note", .longText), FlatColumn("sources", .list),
            FlatColumn("internal", .boolean),
        ]

    public static func read(_ r: inout FlatReader) -> Activity? {
        let key: ActivityKey? = r.key("key")
        let partnership: PartnershipKey? = r.key("partnership")
        let kind = r.choice("kind", Kind.self)
        let title = r.text("title", required: true)
        let description = r.text("description")
        let start = r.date("start", required: true)
        let end = r.date("end")
        let dateInferred = r.boolean("date_inferred")
        let durationDays = r.integer("duration_days")
        let (travel, venue) = r.travelAndVenue()
        let sessions = r.integer("sessions")
        let participants = r.participants()
        let organisations = r.organisations()
        let results = r.json("results", [Figure].self)
        let tags = r.tags()
        let infrastructure = r.choice("infrastructure", Infrastructure.self, required: false)
        let status = r.choice("status", Status.self)
        let cost = r.money("cost")
        guard let key, let partnership, let kind, let title, let start, let travel, let venue, let status else {
            return nil
        }
        return Activity(
            id: key, partnership: partnership, kind: kind, title: title, description: description, start: start,
            end: end, dateInferred: dateInferred == true ? true : nil, dateLabel: r.cell("date_label"),
            durationDays: durationDays, place: r.cell("place"), travel: travel, venue: venue, sessions: sessions,
            organisations: organisations, participants: participants, outputs: r.texts("outputs"), results: results,
            fields: r.keys("fields"), tags: tags, infrastructure: infrastructure, status: status,
            delivers: r.keys("delivers"), cost: cost, note: r.cell("note"), sources: r.keys("sources"),
            internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "partnership": partnership.rawValue, "kind": kind.rawValue,
            "start": start.description, "end": end?.description ?? "",
            "date_inferred": dateInferred == true ? "true" : "", "date_label": dateLabel ?? "",
            "duration_days": durationDays.map(String.init) ?? "",
            "place": place ?? "", "travel": travel.rawValue, "venue": venue.rawValue,
            "sessions": sessions.map(String.init) ?? "",
            "participants": FlatWriter.participants(participants),
            "organisations": FlatWriter.organisations(organisations), "results": FlatWriter.json(results),
            "fields": FlatWriter.list(fields.map(\.rawValue)), "tags": FlatWriter.list(tags.map(\.description)),
            "infrastructure": infrastructure?.rawValue ?? "", "status": status.rawValue,
            "delivers": FlatWriter.list(delivers.map(\.rawValue)),
            "cost_amount": cost.map { FlatWriter.number($0.amount) } ?? "", "cost_currency": cost?.currency ?? "",
            "note": note ?? "", "sources": FlatWriter.list(sources.map(\.rawValue)),
            "internal": FlatWriter.mark(`internal`),
        ]
        FlatWriter.text("title", title, into: &v)
        FlatWriter.text("description", description, into: &v)
        FlatWriter.texts("outputs", outputs, into: &v)
        return v
    }
}

extension Observation: FlatCodable {
    public static let collection = "observations"
    public static let columns: [FlatColumn] = [
        FlatColumn("key", .key), FlatColumn("city", .reference("cities"), required: true),
        FlatColumn("indicator", .text, required: true), FlatColumn("period", .date, required: true),
        FlatColumn("value", .number, required: true), FlatColumn("unit", .text), FlatColumn("approximate", .boolean),
        FlatColumn("note", .longText), FlatColumn("sources", .list),
    ]

    public static func read(_ r: inout FlatReader) -> Observation? {
        let city: CityKey? = r.key("city")
        let indicatorText = r.required("indicator")
        let indicator = indicatorText.flatMap(FrameworkTag.init(parsing:))
        if let indicatorText, indicator == nil { r.fail("indicator", indicatorText, "framework:node") }
        let period = r.date("period", required: true)
        let value = r.number("value", required: true)
        let approximate = r.boolean("approximate")
        guard let city, let indicator, let period, let value else { return nil }
        let key =
            r.cell("key").map { ObservationKey($0) }
            ?? Observation.derivedKey(city: city, indicator: indicator, period: period)
        return Observation(
            id: key, city: city, indicator: indicator, period: period, value: value, unit: r.cell("unit"),
            approximate: approximate, note: r.cell("note"), sources: r.keys("sources"))
    }

    public var flat: [String: String] {
        [
            "key": id.rawValue, "city": city.rawValue, "indicator": indicator.description, "period": period.description,
            "value": FlatWriter.number(value), "unit": unit ?? "", "approximate": approximate == true ? "true" : "",
            "note": note ?? "", "sources": FlatWriter.list(sources.map(\.rawValue)),
        ]
    }
}

extension City: FlatCodable {
    public static let collection = "cities"
    public static let columns: [FlatColumn] =
        [FlatColumn("key", .key, required: true)] + FlatColumn.text("name") + [
            FlatColumn("country", .text, required: true), FlatColumn("subdivision", .text),
            .choice("admin_level", AdminLevel.self), FlatColumn("population", .integer),
            FlatColumn("population_year", .integer), FlatColumn("latitude", .number), FlatColumn("longitude", .number),
            FlatColumn("characteristics", .list), FlatColumn("figures", .json), FlatColumn("recognitions", .json),
            FlatColumn("organisation_identifier", .text), FlatColumn("note", .longText), FlatColumn("sources", .list),
        ]

    public static func read(_ r: inout FlatReader) -> City? {
        let key: CityKey? = r.key("key")
        let name = r.text("name", required: true)
        let country = r.required("country")?.uppercased()
        let adminLevel = r.choice("admin_level", AdminLevel.self)
        let count = r.integer("population")
        let year = r.integer("population_year")
        if (count == nil) != (year == nil) {
            r.fail(count == nil ? "population" : "population_year", "", "give the population together with its year")
        }
        let latitude = r.number("latitude")
        let longitude = r.number("longitude")
        if (latitude == nil) != (longitude == nil) {
            r.fail(latitude == nil ? "latitude" : "longitude", "", "give both latitude and longitude")
        }
        let figures = r.json("figures", [Figure].self)
        let recognitions = r.json("recognitions", [Recognition].self)
        guard let key, let name, let country, let adminLevel else { return nil }
        return City(
            id: key, name: name, country: country, subdivision: r.cell("subdivision")?.uppercased(),
            adminLevel: adminLevel,
            population: count.flatMap { c in year.map { City.Population(count: c, year: $0) } },
            coordinates: latitude.flatMap { la in longitude.map { Coordinates(latitude: la, longitude: $0) } },
            characteristics: r.list("characteristics"), figures: figures, recognitions: recognitions,
            organisationIdentifier: r.cell("organisation_identifier"), note: r.cell("note"),
            sources: r.keys("sources"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "country": country, "subdivision": subdivision ?? "",
            "admin_level": adminLevel.rawValue,
            "population": population.map { String($0.count) } ?? "",
            "population_year": population.map { String($0.year) } ?? "",
            "latitude": coordinates.map { FlatWriter.number($0.latitude) } ?? "",
            "longitude": coordinates.map { FlatWriter.number($0.longitude) } ?? "",
            "characteristics": FlatWriter.list(characteristics), "figures": FlatWriter.json(figures),
            "recognitions": FlatWriter.json(recognitions), "note": note ?? "",
            "organisation_identifier": organisationIdentifier ?? "",
            "sources": FlatWriter.list(sources.map(\.rawValue)),
        ]
        FlatWriter.text("name", name, into: &v)
        return v
    }
}

extension Organisation: FlatCodable {
    public static let collection = "organisations"
    public static let columns: [FlatColumn] =
        [FlatColumn("key", .key, required: true)] + FlatColumn.text("name") + [
            .choice("kind", Kind.self), FlatColumn("country", .text, required: true),
            FlatColumn("city", .reference("cities")), FlatColumn("place", .text), FlatColumn("represents", .text),
            FlatColumn("identifiers", .list), FlatColumn("sources", .list),
        ]

    public static func read(_ r: inout FlatReader) -> Organisation? {
        let key: OrganisationKey? = r.key("key")
        let name = r.text("name", required: true)
        let kind = r.choice("kind", Kind.self)
        let country = r.required("country")?.uppercased()
        var identifiers: [String: String] = [:]
        for item in r.list("identifiers") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                identifiers[parts[0]] = parts[1]
            } else {
                r.fail("identifiers", item, "scheme=identifier (iati=GB-GOV-1)")
            }
        }
        guard let key, let name, let kind, let country else { return nil }
        return Organisation(
            id: key, name: name, kind: kind, country: country, city: r.key("city", required: false),
            place: r.cell("place"), represents: r.cell("represents")?.uppercased(), identifiers: identifiers,
            sources: r.keys("sources"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "kind": kind.rawValue, "country": country, "city": city?.rawValue ?? "",
            "place": place ?? "", "represents": represents ?? "",
            "identifiers": FlatWriter.list(identifiers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }),
            "sources": FlatWriter.list(sources.map(\.rawValue)),
        ]
        FlatWriter.text("name", name, into: &v)
        return v
    }
}

extension Partnership: FlatCodable {
    public static let collection = "partnerships"
    public static let columns: [FlatColumn] =
        [
            FlatColumn("key", .key, required: true), .choice("kind", Kind.self),
        ] + FlatColumn.text("name") + [
            FlatColumn("city", .reference("cities"), required: true), FlatColumn("partner_city", .reference("cities")),
            FlatColumn("partner_organisation", .reference("organisations")),
            .choice("stage", Stage.self, required: false), FlatColumn("cooperation_since", .date),
        ] + FlatColumn.text("rationale", long: true) + [
            FlatColumn("legal_basis", .list), FlatColumn("procedure", .list), FlatColumn("note", .longText),
            FlatColumn("sources", .list), FlatColumn("internal", .boolean),
        ]

    public static func read(_ r: inout FlatReader) -> Partnership? {
        let key: PartnershipKey? = r.key("key")
        let kind = r.choice("kind", Kind.self)
        let city: CityKey? = r.key("city")
        let stage = r.choice("stage", Stage.self, required: false)
        let since = r.date("cooperation_since")
        let procedure = r.procedure()
        guard let key, let kind, let city else { return nil }
        return Partnership(
            id: key, kind: kind, name: r.text("name"), city: city, partnerCity: r.key("partner_city", required: false),
            partnerOrganisation: r.key("partner_organisation", required: false), stage: stage,
            cooperationSince: since, rationale: r.text("rationale"), legalBasis: r.keys("legal_basis"),
            procedure: procedure, note: r.cell("note"), sources: r.keys("sources"), internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "kind": kind.rawValue, "city": city.rawValue, "internal": FlatWriter.mark(`internal`),
            "partner_city": partnerCity?.rawValue ?? "",
            "partner_organisation": partnerOrganisation?.rawValue ?? "", "stage": stage?.rawValue ?? "",
            "cooperation_since": cooperationSince?.description ?? "",
            "legal_basis": FlatWriter.list(legalBasis.map(\.rawValue)), "procedure": FlatWriter.procedure(procedure),
            "note": note ?? "",
            "sources": FlatWriter.list(sources.map(\.rawValue)),
        ]
        FlatWriter.text("name", name, into: &v)
        FlatWriter.text("rationale", rationale, into: &v)
        return v
    }
}

extension Agreement: FlatCodable {
    public static let collection = "agreements"
    public static let columns: [FlatColumn] =
        [
            FlatColumn("key", .key, required: true),
            FlatColumn("partnership", .reference("partnerships"), required: true),
            .choice("kind", Kind.self),
        ] + FlatColumn.text("kind_label") + FlatColumn.text("title") + [
            FlatColumn("signed", .date, required: true), FlatColumn("place", .text), FlatColumn("signatories", .list),
            FlatColumn("valid_from", .date), FlatColumn("valid_until", .date), FlatColumn("term_years", .integer),
            FlatColumn("fields", .list),
        ] + FlatColumn.text("purpose", long: true) + [
            FlatColumn("renews", .reference("agreements")), FlatColumn("amends", .reference("agreements")),
            FlatColumn("document", .text), FlatColumn("note", .longText), FlatColumn("sources", .list),
            FlatColumn("internal", .boolean),
        ]

    public static func read(_ r: inout FlatReader) -> Agreement? {
        let key: AgreementKey? = r.key("key")
        let partnership: PartnershipKey? = r.key("partnership")
        let kind = r.choice("kind", Kind.self)
        let title = r.text("title", required: true)
        let signed = r.date("signed", required: true)
        let signatories = r.signatories()
        let validFrom = r.date("valid_from")
        let validUntil = r.date("valid_until")
        let termYears = r.integer("term_years")
        guard let key, let partnership, let kind, let title, let signed else { return nil }
        return Agreement(
            id: key, partnership: partnership, kind: kind, kindLabel: r.text("kind_label"), title: title,
            signed: signed, place: r.cell("place"), signatories: signatories, validFrom: validFrom,
            validUntil: validUntil, termYears: termYears, fields: r.keys("fields"), purpose: r.text("purpose"),
            renews: r.key("renews", required: false), amends: r.key("amends", required: false),
            document: r.cell("document"), note: r.cell("note"), sources: r.keys("sources"),
            internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "partnership": partnership.rawValue, "kind": kind.rawValue,
            "signed": signed.description,
            "place": place ?? "",
            "signatories": FlatWriter.signatories(signatories),
            "valid_from": validFrom?.description ?? "", "valid_until": validUntil?.description ?? "",
            "term_years": termYears.map(String.init) ?? "", "fields": FlatWriter.list(fields.map(\.rawValue)),
            "renews": renews?.rawValue ?? "", "amends": amends?.rawValue ?? "", "document": document ?? "",
            "note": note ?? "", "sources": FlatWriter.list(sources.map(\.rawValue)),
            "internal": FlatWriter.mark(`internal`),
        ]
        FlatWriter.text("kind_label", kindLabel, into: &v)
        FlatWriter.text("title", title, into: &v)
        FlatWriter.text("purpose", purpose, into: &v)
        return v
    }
}

extension Milestone: FlatCodable {
    public static let collection = "milestones"
    public static let columns: [FlatColumn] =
        [
            FlatColumn("key", .key, required: true),
            FlatColumn("partnership", .reference("partnerships"), required: true),
            .choice("kind", Kind.self), FlatColumn("date", .date, required: true), FlatColumn("end", .date),
            FlatColumn("date_label", .text),
        ] + FlatColumn.text("title")
        + FlatColumn.text("description", long: true) + [
            FlatColumn("organisations", .list), FlatColumn("note", .longText), FlatColumn("sources", .list),
            FlatColumn("internal", .boolean),
        ]

    public static func read(_ r: inout FlatReader) -> Milestone? {
        let key: MilestoneKey? = r.key("key")
        let partnership: PartnershipKey? = r.key("partnership")
        let kind = r.choice("kind", Kind.self)
        let date = r.date("date", required: true)
        let end = r.date("end")
        let title = r.text("title", required: true)
        let organisations = r.organisations()
        guard let key, let partnership, let kind, let date, let title else { return nil }
        return Milestone(
            id: key, partnership: partnership, kind: kind, date: date, end: end, dateLabel: r.cell("date_label"),
            title: title, description: r.text("description"), organisations: organisations, note: r.cell("note"),
            sources: r.keys("sources"), internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "partnership": partnership.rawValue, "kind": kind.rawValue, "date": date.description,
            "end": end?.description ?? "", "date_label": dateLabel ?? "",
            "organisations": FlatWriter.organisations(organisations), "note": note ?? "",
            "sources": FlatWriter.list(sources.map(\.rawValue)), "internal": FlatWriter.mark(`internal`),
        ]
        FlatWriter.text("title", title, into: &v)
        FlatWriter.text("description", description, into: &v)
        return v
    }
}

extension PlannedAction: FlatCodable {
    public static let collection = "actions"
    public static let columns: [FlatColumn] =
        [
            FlatColumn("key", .key, required: true),
            FlatColumn("partnership", .reference("partnerships"), required: true),
            FlatColumn("agreement", .reference("agreements")),
        ] + FlatColumn.text("title") + FlatColumn.text("description", long: true) + [
            FlatColumn("start", .date), FlatColumn("end", .date), FlatColumn("fields", .list),
            FlatColumn("tags", .list), FlatColumn("responsible_city", .list), FlatColumn("responsible_partner", .list),
            FlatColumn("budget_amount", .number), FlatColumn("budget_currency", .text),
            FlatColumn("budget_funding", .text), FlatColumn("targets", .json), FlatColumn("note", .longText),
            FlatColumn("sources", .list), FlatColumn("internal", .boolean),
        ]

    public static func read(_ r: inout FlatReader) -> PlannedAction? {
        let key: ActionKey? = r.key("key")
        let partnership: PartnershipKey? = r.key("partnership")
        let title = r.text("title", required: true)
        let start = r.date("start")
        let end = r.date("end")
        let tags = r.tags()
        let money = r.money("budget")
        let funding = r.cell("budget_funding")
        if funding != nil, r.cell("budget_amount") == nil {
            r.fail("budget_amount", "", "give the amount the funding is for")
        }
        let targets = r.json("targets", [Target].self)
        guard let key, let partnership, let title else { return nil }
        return PlannedAction(
            id: key, partnership: partnership, agreement: r.key("agreement", required: false), title: title,
            description: r.text("description"), fields: r.keys("fields"), tags: tags, start: start, end: end,
            responsibleCity: r.keys("responsible_city"), responsiblePartner: r.keys("responsible_partner"),
            budget: money.map { Budget(amount: $0.amount, currency: $0.currency, funding: funding) },
            targets: targets, note: r.cell("note"), sources: r.keys("sources"), internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "partnership": partnership.rawValue, "agreement": agreement?.rawValue ?? "",
            "start": start?.description ?? "", "end": end?.description ?? "",
            "fields": FlatWriter.list(fields.map(\.rawValue)), "tags": FlatWriter.list(tags.map(\.description)),
            "responsible_city": FlatWriter.list(responsibleCity.map(\.rawValue)),
            "responsible_partner": FlatWriter.list(responsiblePartner.map(\.rawValue)),
            "budget_amount": budget.map { FlatWriter.number($0.amount) } ?? "",
            "budget_currency": budget?.currency ?? "", "budget_funding": budget?.funding ?? "",
            "targets": FlatWriter.json(targets), "note": note ?? "",
            "sources": FlatWriter.list(sources.map(\.rawValue)),
            "internal": FlatWriter.mark(`internal`),
        ]
        FlatWriter.text("title", title, into: &v)
        FlatWriter.text("description", description, into: &v)
        return v
    }
}

extension Initiative: FlatCodable {
    public static let collection = "initiatives"
    public static let columns: [FlatColumn] =
        [FlatColumn("key", .key, required: true), FlatColumn("city", .reference("cities"), required: true)]
        + FlatColumn.text("title") + FlatColumn.text("description", long: true) + [
            FlatColumn("started", .date), FlatColumn("organisations", .list), FlatColumn("tags", .list),
            .choice("infrastructure", Infrastructure.self, required: false), FlatColumn("figures", .json),
            FlatColumn("sources", .list),
        ]

    public static func read(_ r: inout FlatReader) -> Initiative? {
        let key: InitiativeKey? = r.key("key")
        let city: CityKey? = r.key("city")
        let title = r.text("title", required: true)
        let started = r.date("started")
        let organisations = r.organisations()
        let tags = r.tags()
        let infrastructure = r.choice("infrastructure", Infrastructure.self, required: false)
        let figures = r.json("figures", [Figure].self)
        guard let key, let city, let title else { return nil }
        return Initiative(
            id: key, city: city, title: title, description: r.text("description"), started: started,
            organisations: organisations, tags: tags, infrastructure: infrastructure, figures: figures,
            sources: r.keys("sources"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "city": city.rawValue, "started": started?.description ?? "",
            "organisations": FlatWriter.organisations(organisations), "tags": FlatWriter.list(tags.map(\.description)),
            "infrastructure": infrastructure?.rawValue ?? "", "figures": FlatWriter.json(figures),
            "sources": FlatWriter.list(sources.map(\.rawValue)),
        ]
        FlatWriter.text("title", title, into: &v)
        FlatWriter.text("description", description, into: &v)
        return v
    }
}

extension Source: FlatCodable {
    public static let collection = "sources"
    public static let columns: [FlatColumn] = [
        FlatColumn("key", .key, required: true), .choice("kind", Kind.self), FlatColumn("authors", .list),
        FlatColumn("title", .text, required: true), FlatColumn("container", .text), FlatColumn("publisher", .text),
        FlatColumn("date", .date), FlatColumn("url", .text), FlatColumn("doi", .text), FlatColumn("accessed", .date),
        FlatColumn("interviewee", .text), FlatColumn("office", .text), FlatColumn("note", .longText),
        FlatColumn("internal", .boolean),
    ]

    public static func read(_ r: inout FlatReader) -> Source? {
        let key: SourceKey? = r.key("key")
        let kind = r.choice("kind", Kind.self)
        let title = r.required("title")
        let date = r.date("date")
        let accessed = r.date("accessed")
        guard let key, let kind, let title else { return nil }
        return Source(
            id: key, kind: kind, authors: r.list("authors"), title: title, container: r.cell("container"),
            publisher: r.cell("publisher"), date: date, url: r.cell("url"), doi: r.cell("doi"), accessed: accessed,
            interviewee: r.cell("interviewee"), office: r.cell("office"), note: r.cell("note"),
            internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        [
            "key": id.rawValue, "kind": kind.rawValue, "authors": FlatWriter.list(authors), "title": title,
            "container": container ?? "", "publisher": publisher ?? "", "date": date?.description ?? "",
            "url": url ?? "",
            "doi": doi ?? "", "accessed": accessed?.description ?? "", "interviewee": interviewee ?? "",
            "office": office ?? "", "note": note ?? "", "internal": FlatWriter.mark(`internal`),
        ]
    }
}

extension Field: FlatCodable {
    public static let collection = "fields"
    public static let columns: [FlatColumn] = [FlatColumn("key", .key, required: true)] + FlatColumn.text("name")

    public static func read(_ r: inout FlatReader) -> Field? {
        let key: FieldKey? = r.key("key")
        let name = r.text("name", required: true)
        guard let key, let name else { return nil }
        return Field(id: key, name: name)
    }

    public var flat: [String: String] {
        var v = ["key": id.rawValue]
        FlatWriter.text("name", name, into: &v)
        return v
    }
}

extension AttachedDocument: FlatCodable {
    public static let collection = "documents"
    public static let columns: [FlatColumn] =
        [
            FlatColumn("key", .key, required: true),
            FlatColumn("partnership", .reference("partnerships"), required: true),
            .choice("attached_to", Owner.self), FlatColumn("owner", .text, required: true),
        ] + FlatColumn.text("title") + [
            FlatColumn("file_name", .text, required: true), FlatColumn("content_type", .text, required: true),
            FlatColumn("size", .integer, required: true), FlatColumn("sha256", .text, required: true),
            FlatColumn("category", .choice(DocumentCategory.codes), required: true), FlatColumn("language", .text),
            FlatColumn("date", .date), FlatColumn("note", .longText), FlatColumn("internal", .boolean),
        ]

    public static func read(_ r: inout FlatReader) -> AttachedDocument? {
        let key: DocumentKey? = r.key("key")
        let partnership: PartnershipKey? = r.key("partnership")
        let owner = r.choice("attached_to", Owner.self)
        let ownerKey = r.required("owner")
        let fileName = r.required("file_name")
        let contentType = r.required("content_type")
        let size = r.integer("size")
        if r.cell("size") == nil { r.fail("size", "", "", rule: .valueRequired) }
        let sha256 = r.required("sha256")
        let category = r.required("category")
        let date = r.date("date")
        guard let key, let partnership, let owner, let ownerKey, let fileName, let contentType, let size, let sha256,
            let category
        else { return nil }
        return AttachedDocument(
            id: key, partnership: partnership, attachedTo: owner, owner: ownerKey, title: r.text("title"),
            fileName: fileName, contentType: contentType, size: size, sha256: sha256, category: category,
            language: r.cell("language"), date: date, note: r.cell("note"), internal: r.mark("internal"))
    }

    public var flat: [String: String] {
        var v: [String: String] = [
            "key": id.rawValue, "partnership": partnership.rawValue, "attached_to": attachedTo.rawValue,
            "owner": owner, "file_name": fileName, "content_type": contentType, "size": String(size),
            "sha256": sha256, "category": category, "language": language ?? "", "date": date?.description ?? "",
            "note": note ?? "", "internal": FlatWriter.mark(`internal`),
        ]
        FlatWriter.text("title", title, into: &v)
        return v
    }
}
