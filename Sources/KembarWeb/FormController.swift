import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Create, edit and delete every kind of record. Every write gets its context from ``Request/writer(_:)`` (signed
/// in, from Kembar's own form) and storage checks the roles inside the write; validation is the core's.
struct FormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let forms = routes.grouped(SignInFirst())
        forms.get("new", ":collection", use: newForm)
        forms.get("edit", ":collection", ":key", use: editForm)
        forms.get("delete", ":collection", ":key", use: confirmDelete)
        routes.post("new", ":collection", use: create)
        routes.post("edit", ":collection", ":key", use: update)
        routes.post("delete", ":collection", ":key", use: delete)
    }

    func collection(_ req: Request) throws -> EditableCollection {
        guard let collection = EditableCollection(rawValue: try req.parameters.require("collection")) else {
            throw Abort(.notFound)
        }
        // Documents come with their file from the upload form of their record's page; only deleting is a form here.
        guard collection != .documents || req.url.path.hasPrefix("/delete/") else {
            throw Abort(.notFound)
        }
        return collection
    }

    func newForm(req: Request) async throws -> View {
        let collection = try collection(req)
        // Prefill from the query (e.g. ?partnership=surabaya-liverpool from a partnership page).
        var values: [String: String] = [:]
        for column in collection.columns {
            guard let value = req.query[String.self, at: column.name] else { continue }
            // A form for a partnership (or city) that does not exist is a page that does not exist.
            if !value.isEmpty, case .reference(let target) = column.kind,
                let referenced = EditableCollection(rawValue: target),
                try await req.repository.version(referenced, key: value) == nil
            {
                throw Abort(.notFound)
            }
            values[column.name] = value
        }
        return try await render(req, collection, values: values, errors: [:], creating: true, back: req.cameFrom)
    }

    func editForm(req: Request) async throws -> View {
        let collection = try collection(req)
        let key = try req.parameters.require("key")
        guard let values = try await req.repository.formValues(collection, key: key) else { throw Abort(.notFound) }
        let version = try await req.repository.version(collection, key: key)
        return try await render(
            req, collection, values: values, errors: [:], creating: false, version: version, back: req.cameFrom)
    }

    func create(req: Request) async throws -> Response {
        try await save(req, creating: true)
    }

    func update(req: Request) async throws -> Response {
        try await save(req, creating: false)
    }

    /// Saves, then redirects to the record's page; on a broken rule shows the form again with the input kept and
    /// each message beside its field.
    func save(_ req: Request, creating: Bool) async throws -> Response {
        let collection = try collection(req)
        let writer = try req.writer(.form)
        var values = try req.content.decode([String: String].self)
        values.removeValue(forKey: "_csrf")
        var blanks = FormRows.collect(&values, collection)
        DateBoxes.collect(&values, collection)
        // The search boxes of "find" steps are the form's, not the record's.
        let searches = values.filter { $0.key.hasPrefix("_search.") }
        values = values.filter { !$0.key.hasPrefix("_search.") }
        // Where "Cancel" goes: the page the form was opened from, carried by the form.
        let back = values.removeValue(forKey: "_back").flatMap(Request.localPath)
        if !creating { values["key"] = try req.parameters.require("key") }
        // A new record's key is made from its title or name unless the person gave one.
        let generatedKey = creating && (values["key"] ?? "").isBlank && values["action"] == nil
        if generatedKey { values["key"] = try await Self.freeKey(collection, values, req.repository) }
        // The version the form was read at: a save over a record changed since is refused, never lost.
        let version = values.removeValue(forKey: "_version").flatMap { Int($0) }
        // "Suggest tags" shows the form again with the lexicon's suggestions for what was typed, "add another" with
        // one more blank row; nothing is saved.
        switch values.removeValue(forKey: "action") {
        case "suggest":
            return try await render(
                req, collection, values: values, errors: [:], creating: creating, version: version, blanks: blanks,
                back: back
            ).encodeResponse(for: req)
        case let action? where action.hasPrefix("tag:"):
            // A suggested tag added with one click: put in the tags field, the suggestions shown again.
            let tag = String(action.dropFirst("tag:".count))
            var tags = FlatList.items(values["tags"] ?? "")
            if !tags.contains(tag) { tags.append(tag) }
            values["tags"] = FlatList.cell(tags)
            return try await render(
                req, collection, values: values, errors: [:], creating: creating, version: version, blanks: blanks,
                back: back
            ).encodeResponse(for: req)
        case let action? where action.hasPrefix("find:"):
            // A reference too long to list: the records whose name holds what was typed, to choose from.
            let column = String(action.dropFirst("find:".count))
            let text = searches["_search." + column] ?? values[column] ?? ""
            return try await render(
                req, collection, values: values, errors: [:], creating: creating, version: version, blanks: blanks,
                back: back, finding: [column: text]
            ).encodeResponse(for: req)
        case let action? where action.hasPrefix("more:"):
            let column = String(action.dropFirst("more:".count))
            blanks[column] = min((blanks[column] ?? 1) + 1, 20)
            return try await render(
                req, collection, values: values, errors: [:], creating: creating, version: version, blanks: blanks,
                back: back
            ).encodeResponse(for: req)
        default: break
        }
        do {
            let key = try await req.repository.save(
                collection, values: values, creating: creating, as: writer, basedOn: creating ? nil : version)
            return req.redirect(
                to: Self.page(of: collection, key: key, values: values) + "?notice=saved", redirectType: .normal)
        } catch let error as InvalidInput {
            var errors: [String: [String]] = [:]
            for violation in error.violations {
                let column = collection.column(for: violation.field)
                // A group of rows is told what its rows need, not the list syntax they are stored in.
                let rows = FormRows.rowColumns(collection).contains(column) && violation.rule == .valueInvalid
                let date =
                    collection.columns.contains { $0.name == column && $0.kind == .date }
                    && violation.rule == .valueInvalid
                errors[column, default: []].append(
                    rows
                        ? WebText.rowsInvalid(column, req.language)
                        : date ? WebText.dateInvalid(req.language) : Self.message(violation, req.language))
            }
            // A key Kembar made stays Kembar's to make again (from the title as corrected).
            if generatedKey, errors["key"] == nil { values["key"] = "" }
            let view = try await render(
                req, collection, values: values, errors: errors, creating: creating, version: version, blanks: blanks,
                back: back)
            // 200, not 422: the page is a complete answer (the form with its messages), and browsers log 4xx
            // page loads as console errors.
            return try await view.encodeResponse(for: req)
        } catch let refused as NotPermitted {
            // Nothing was saved, and what was typed stays in the form.
            let view = try await render(
                req, collection, values: values, errors: ["": [WebText.notPermitted(refused.records, req.language)]],
                creating: creating, version: version, blanks: blanks, back: back)
            return try await view.encodeResponse(status: .forbidden, for: req)
        } catch let stale as Repository.StaleWrite {
            // Someone saved the record meanwhile: say who and when, keep what this user typed, show which fields
            // now differ, and carry the new version so a second save is a deliberate one.
            let key = values["key"] ?? ""
            let stored = try await req.repository.formValues(collection, key: key) ?? [:]
            let differing = collection.columns.map(\.name).filter {
                (stored[$0] ?? "").trimmingCharacters(in: .whitespaces)
                    != (values[$0] ?? "").trimmingCharacters(in: .whitespaces)
            }
            let message = Catalogue.staleEdit(
                actor: stale.latest?.actor, at: stale.latest?.at, version: stale.current,
                differing: differing.map { Catalogue.column($0, req.language) }, req.language)
            let view = try await render(
                req, collection, values: values, errors: ["": [message]], creating: false, version: stale.current,
                blanks: blanks, back: back)
            return try await view.encodeResponse(for: req)
        }
    }

    func confirmDelete(req: Request) async throws -> View {
        let collection = try collection(req)
        let key = try req.parameters.require("key")
        guard let values = try await req.repository.formValues(collection, key: key) else { throw Abort(.notFound) }
        return try await renderConfirm(req, collection, key: key, name: Self.name(values, req.language), problems: [])
    }

    func delete(req: Request) async throws -> Response {
        let collection = try collection(req)
        let key = try req.parameters.require("key")
        let writer = try req.writer(.form)
        guard let values = try await req.repository.formValues(collection, key: key) else { throw Abort(.notFound) }
        do {
            try await req.repository.delete(collection, key: key, as: writer)
        } catch let error as InvalidInput {
            let view = try await renderConfirm(
                req, collection, key: key, name: Self.name(values, req.language),
                problems: error.violations.map { $0.location })
            return try await view.encodeResponse(for: req)
        }
        let back: String
        switch collection {
        case .agreements, .milestones, .actions, .activities: back = "/partnerships/\(values["partnership"] ?? "")"
        case .documents: back = Self.page(of: .documents, key: key, values: values)
        case .initiatives, .observations: back = "/cities/\(values["city"] ?? "")"
        case .cities: back = "/cities"
        case .organisations: back = "/organisations"
        case .sources: back = "/sources"
        default: back = "/"
        }
        return req.redirect(to: back + "?notice=deleted", redirectType: .normal)
    }

    /// A key for a new record from what the form holds — its title or name, a partnership's cities — that no record
    /// of the collection has yet (`-2`, `-3`, … added when needed); empty when nothing gives one, which the save
    /// then reports beside the key.
    static func freeKey(
        _ collection: EditableCollection, _ values: [String: String], _ repository: Repository
    ) async throws -> String {
        let text: String
        switch collection {
        case .partnerships:
            text = [values["city"], values["partner_city"] ?? values["partner_organisation"]].compactMap { $0 }
                .joined(separator: " ")
        default:
            text =
                ["title_en", "title_id", "name_en", "name_id", "title", "indicator"].lazy.compactMap { values[$0] }
                .first { !$0.isBlank } ?? ""
        }
        guard let base = Key<Void>.suggested(from: text) else { return "" }
        var candidate = base
        for number in 2...100 {
            guard try await repository.version(collection, key: candidate) != nil else { return candidate }
            candidate = "\(base)-\(number)"
        }
        return candidate
    }

    /// The navigation section a collection's records are under.
    static func section(of collection: EditableCollection) -> String {
        switch collection {
        case .cities, .initiatives, .observations: "/cities"
        case .organisations: "/organisations"
        case .sources: "/sources"
        default: "/"
        }
    }

    /// What a form's heading names a record by: its title or name in the page's language, else its key.
    static func name(_ values: [String: String], _ language: Language) -> String {
        let other: Language = language == .en ? .id : .en
        let candidates =
            ["title", "name"].flatMap { ["\($0)_\(language.rawValue)", "\($0)_\(other.rawValue)"] } + ["title"]
        return candidates.lazy.compactMap { values[$0] }.first { !$0.isBlank } ?? values["key"] ?? ""
    }

    /// Where a record is shown.
    static func page(of collection: EditableCollection, key: String, values: [String: String]) -> String {
        switch collection {
        case .partnerships: "/partnerships/\(key)"
        case .agreements: "/agreements/\(key)"
        case .milestones: "/milestones/\(key)"
        case .actions: "/actions/\(key)"
        case .documents:
            "/\(values["attached_to"] == "agreement" ? "agreements" : values["attached_to"] == "milestone" ? "milestones" : "activities")/\(values["owner"] ?? "")"
        case .activities: "/activities/\(key)"
        case .cities: "/cities/\(key)"
        case .initiatives: "/initiatives/\(key)"
        case .observations: "/cities/\(values["city"] ?? "")"
        case .organisations: "/organisations/\(key)"
        case .sources: "/sources/\(key)"
        case .fields: "/"
        }
    }

    static func message(_ violation: Violation, _ language: Language) -> String {
        var text = Catalogue.rule(violation.rule, language)
        if let detail = violation.detail { text += " (\(Catalogue.detail(detail, language)))" }
        if !violation.value.isEmpty && violation.rule != .valueInvalid { text += ": “\(violation.value)”" }
        return text
    }

    func render(
        _ req: Request, _ collection: EditableCollection, values: [String: String], errors: [String: [String]],
        creating: Bool, version: Int? = nil, blanks: [String: Int] = [:], back: String? = nil,
        finding: [String: String] = [:]
    ) async throws -> View {
        let language = req.language
        let entity = Catalogue.entity(collection.rawValue, language)
        let heading =
            creating
            ? "\(Catalogue.page(.newRecord, language)): \(entity)"
            : "\(Catalogue.page(.edit, language)) \(entity): \(Self.name(values, language))"
        var options = try await ReferenceOptions.load(req.repository, language)
        let partnership = PartnershipKey(values["partnership"] ?? "")
        if collection == .agreements || collection == .actions {
            // An agreement renews or amends another of its own partnership, never itself; a planned action belongs
            // to an agreement of its own partnership.
            options.byCollection["agreements"] = try await req.repository.agreements(of: partnership)
                .filter { collection == .actions || $0.id.rawValue != values["key"] }
                .map { ($0.id.rawValue, "\($0.title.text(language)) (\(Format.date($0.signed, language)))") }
            options.large.remove("agreements")
        }
        // An activity delivers planned actions of its own partnership.
        let plannedActions =
            collection == .activities
            ? try await req.repository.actions(of: partnership).map { ($0.id.rawValue, $0.title.text(language)) } : []
        let allFields = try await req.repository.fields().map { ($0.id.rawValue, $0.name.text(language)) }
        // The frameworks name the tags and the tag suggestions of the records that carry tags.
        let tagged = collection == .activities || collection == .initiatives || collection == .actions
        let library = tagged ? try await req.repository.frameworkLibrary() : nil
        var fields: [FormPage.Field] = []
        for column in collection.columns {
            var field = FormPage.Field(
                column: column, value: values[column.name] ?? "", errors: errors[column.name] ?? [],
                locked: !creating && column.name == "key", options: options, language: language)
            if creating && column.name == "key" {
                field.required = false
                field.hint = WebText.newKeyHint(language)
            }
            if FormRows.rowColumns(collection).contains(column.name),
                let rows = FormRows.rows(column.name, from: field.value)
            {
                let parts = FormRows.parts(column.name, options, language)
                field.input = "rows"
                (field.rows, field.lists) = FormRows.inputs(
                    column.name, rows: rows, blank: blanks[column.name] ?? 1, parts: parts)
                field.addLabel = WebText.addAnother(language)
                field.hint = nil
                if parts.contains(where: { $0.findable != nil }) {
                    field.findLabel = WebText.find(language)
                    field.hint = WebText.findRowsHint(language)
                    if finding[column.name] != nil {
                        try await FormRows.find(&field, parts: parts, req.repository, language)
                    }
                }
            }
            if column.kind == .date, let parts = DateBoxes.parts(field.value) {
                field.input = "date"
                field.date = parts
                field.options = DateBoxes.months(selected: parts.month, language)
                field.hint = WebText.dateHint(language)
                (field.dayLabel, field.monthLabel, field.yearLabel) = (
                    WebText.day(language), WebText.month(language), WebText.year(language)
                )
            }
            if column.name == "tags", let library, FormRows.checkColumns(collection).contains("tags") {
                // The record's tags by name, each kept while checked; others typed as framework:node.
                field.input = "checks"
                field.options = FlatList.items(field.value).map { tag in
                    FormPage.Option(
                        value: tag,
                        label: (try? FrameworkTag(parsing: tag)).map {
                            TagSuggestions.label($0, library.framework($0.framework), language)
                        } ?? tag, selected: true)
                }
                field.otherLabel = WebText.otherTags(language)
                field.hint = WebText.tagsHint(language)
            } else if FormRows.checkColumns(collection).contains(column.name) {
                let chosen = Set(FlatList.items(field.value))
                let offered = column.name == "delivers" ? plannedActions : allFields
                field.input = "checks"
                field.options =
                    offered.map { FormPage.Option(value: $0.0, label: $0.1, selected: chosen.contains($0.0)) }
                    + chosen.subtracting(offered.map(\.0)).sorted().map {
                        FormPage.Option(value: $0, label: $0, selected: true)
                    }
                field.hint = nil
            }
            if field.suggestions, case .reference(let target) = column.kind,
                let referenced = EditableCollection(rawValue: target)
            {
                try await Self.find(&field, in: referenced, text: finding[column.name], req.repository, language)
            }
            fields.append(field)
        }
        var suggestions: [FormPage.Suggestion] = []
        if let library {
            let text = LocalizedText(
                en: [values["title_en"], values["description_en"]].compactMap { $0 }.joined(separator: " "),
                id: [values["title_id"], values["description_id"]].compactMap { $0 }.joined(separator: " "))
            suggestions = TagSuggestions.for(
                text, tags: values["tags"] ?? "", library: library, language)
        }
        var page = FormPage(
            chrome: Chrome(req, title: heading, section: Self.section(of: collection)), heading: heading,
            action: req.url.path,
            version: version.map(String.init), fields: fields, general: errors[""] ?? [],
            errorSummary: errors.isEmpty && fields.allSatisfy(\.errors.isEmpty)
                ? nil : Catalogue.page(.fixErrors, language),
            save: Catalogue.page(.save, language), cancel: Catalogue.page(.cancel, language),
            cancelHref: back ?? (creating ? "/" : Self.page(of: collection, key: values["key"] ?? "", values: values)),
            back: back,
            suggestionsHeading: Catalogue.page(.suggestions, language), suggestions: suggestions,
            suggestLabel: tagged ? Catalogue.page(.suggestions, language) : nil)
        page.sections = FormSections.sections(fields, collection, language, creating: creating)
        if collection == .cities, creating, (values["country"] ?? "").isEmpty {
            page.intro = Link(href: "/places", label: PlaceText.findInGazetteer(language))
        }
        page.addLabel = WebText.addTag(language)
        page.addedLabel = WebText.tagAdded(language)
        page.summary = fields.flatMap { field in
            field.errors.map { Link(href: "#f-\(field.name)", label: "\(field.label): \($0)") }
        }
        return try await req.view.render("form", page)
    }

    /// A reference field with too many records to list is a typed key with a "Find" button; after a find, the
    /// records whose name holds the text are a choice, with the search box to search again.
    static func find(
        _ field: inout FormPage.Field, in collection: EditableCollection, text: String?, _ repository: Repository,
        _ language: Language
    ) async throws {
        field.findLabel = WebText.find(language)
        field.hint = WebText.findHint(language)
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return }
        let found = try await repository.referenceChoices(collection, limit: 50, language: language, matching: text)
        guard !found.choices.isEmpty else {
            field.errors.append(WebText.noMatch(text, language))
            return
        }
        let chosen = found.choices.contains { $0.key == field.value } ? field.value : found.choices[0].key
        field.input = "select"
        field.suggestions = false
        field.options = found.choices.map {
            FormPage.Option(value: $0.key, label: $0.label, selected: $0.key == chosen)
        }
        field.search = text
        field.searchLabel = WebText.searchAgain(language)
        field.hint = WebText.found(found.choices.count, more: found.more, language)
    }

    func renderConfirm(
        _ req: Request, _ collection: EditableCollection, key: String, name: String, problems: [String]
    ) async throws -> View {
        let language = req.language
        let along = try await req.repository.deletedWith(collection, key: key).map { child, count in
            (child.rawValue, count)
        }
        let page = ConfirmPage(
            chrome: Chrome(req, title: Catalogue.page(.delete, language), section: Self.section(of: collection)),
            heading: "\(Catalogue.page(.delete, language)) \(Catalogue.entity(collection.rawValue, language)): \(name)",
            warning: ([Catalogue.page(.deleteWarning, language)]
                + [WebText.deletesToo(along, language)].compactMap { $0 })
                .joined(separator: " "), action: "/delete/\(collection.rawValue)/\(key)",
            confirm: Catalogue.page(.confirmDelete, language), cancel: Catalogue.page(.cancel, language),
            cancelHref: Self.page(of: collection, key: key, values: [:]),
            problemsHeading: Catalogue.page(.referencedBy, language), problems: problems)
        return try await req.view.render("confirm", page)
    }
}

/// Forms are for people who may write: anyone else is sent to sign in (and back), or told they may only read.
struct SignInFirst: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.account != nil else {
            let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return request.redirect(to: "/login?next=" + encoded)
        }
        guard request.mayWrite else { throw Abort(.forbidden, reason: WebText.mayNotWrite(request.language)) }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// Whether the signed-in person's roles write anything: what makes pages offer edit links. Whether a given
    /// record may be written is decided by storage inside the write (``Request/writer(_:)``).
    var mayWrite: Bool { account?.grant.writesAnything ?? false }
}

/// Choices for reference inputs (partnerships, cities, organisations, agreements), loaded once per form: at most
/// `limit` per collection, read from labels. A collection with more is a typed key with those as suggestions
/// (a datalist the browser filters as one types), never a select of 26,000 options.
struct ReferenceOptions {
    var byCollection: [String: [(String, String)]]
    /// Collections with more records than the choices hold.
    var large: Set<String>
    static let limit = 200

    static func load(_ repository: Repository, _ language: Language) async throws -> ReferenceOptions {
        var options = ReferenceOptions(byCollection: [:], large: [])
        for collection in [EditableCollection.partnerships, .cities, .organisations, .agreements, .sources] {
            let found = try await repository.referenceChoices(collection, limit: limit, language: language)
            options.byCollection[collection.rawValue] = found.choices.map { ($0.key, $0.label) }
            if found.more { options.large.insert(collection.rawValue) }
        }
        return options
    }
}

struct FormPage: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Field: Encodable {
        var name: String
        var label: String
        var hint: String?
        var value: String
        var errors: [String]
        var required: Bool
        var locked: Bool
        var input: String
        var options: [Option]?
        /// A typed key with `options` as a datalist of suggestions.
        var suggestions = false
        /// For `checks` that take more than they list (tags): the label of the input for another one.
        var otherLabel: String?
        /// A reference found by name: the "Find" button's label, and after a find the text searched for.
        var findLabel: String?
        var search: String?
        var searchLabel: String?
        /// For `rows`: the rows (blank ones last), their datalists, and the "add another" label.
        var rows: [FormRows.Row] = []
        var lists: [FormRows.Datalist] = []
        var addLabel = ""
        /// For `date`: the day, month and year boxes' values and labels.
        var date: DateBoxes.Parts?
        var dayLabel = ""
        var monthLabel = ""
        var yearLabel = ""
        /// Rows, checkboxes and date boxes are a group with a legend, not one labelled input.
        var grouped: Bool { input == "rows" || input == "checks" || input == "date" }
        /// The hint's and the error's ids, for `aria-describedby`.
        var describedBy: String? {
            let ids = (hint == nil ? [] : ["h-\(name)"]) + (errors.isEmpty ? [] : ["e-\(name)"])
            return ids.isEmpty ? nil : ids.joined(separator: " ")
        }

        enum CodingKeys: String, CodingKey {
            case name, label, hint, value, errors, required, locked, input, options, suggestions, rows, lists
            case addLabel, grouped, describedBy, date, dayLabel, monthLabel, yearLabel, findLabel, search
            case searchLabel, otherLabel
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(label, forKey: .label)
            try c.encodeIfPresent(hint, forKey: .hint)
            try c.encode(value, forKey: .value)
            try c.encode(errors, forKey: .errors)
            try c.encode(required, forKey: .required)
            try c.encode(locked, forKey: .locked)
            try c.encode(input, forKey: .input)
            try c.encodeIfPresent(options, forKey: .options)
            try c.encode(suggestions, forKey: .suggestions)
            try c.encode(rows, forKey: .rows)
            try c.encode(lists, forKey: .lists)
            try c.encode(addLabel, forKey: .addLabel)
            try c.encode(grouped, forKey: .grouped)
            try c.encodeIfPresent(describedBy, forKey: .describedBy)
            try c.encodeIfPresent(date, forKey: .date)
            try c.encode(dayLabel, forKey: .dayLabel)
            try c.encode(monthLabel, forKey: .monthLabel)
            try c.encode(yearLabel, forKey: .yearLabel)
            try c.encodeIfPresent(findLabel, forKey: .findLabel)
            try c.encodeIfPresent(search, forKey: .search)
            try c.encodeIfPresent(searchLabel, forKey: .searchLabel)
            try c.encodeIfPresent(otherLabel, forKey: .otherLabel)
        }

        init(
            column: FlatColumn, value: String, errors: [String], locked: Bool, options: ReferenceOptions,
            language: Language
        ) {
            name = column.name
            label = Catalogue.column(column.name, language)
            hint = Catalogue.hint(column.name, language)
            self.value = value
            self.errors = errors
            required = column.required
            self.locked = locked
            switch column.kind {
            case .choice(let values):
                input = "select"
                self.options =
                    [Option(value: "", label: "—", selected: value.isEmpty)]
                    + values.map {
                        Option(value: $0, label: WebText.choice(column.name, $0, language), selected: $0 == value)
                    }
            case .reference(let collection) where options.large.contains(collection):
                input = "text"
                self.options = (options.byCollection[collection] ?? []).map {
                    Option(value: $0.0, label: $0.1, selected: $0.0 == value)
                }
                suggestions = true
            case .reference(let collection):
                input = "select"
                var choices = options.byCollection[collection] ?? []
                if !value.isEmpty, !choices.contains(where: { $0.0 == value }) { choices.append((value, value)) }
                self.options =
                    [Option(value: "", label: "—", selected: value.isEmpty)]
                    + choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == value) }
            case .longText, .list, .json: input = "textarea"
            case .boolean:
                input = "select"
                self.options = [
                    Option(value: "", label: "—", selected: value.isEmpty),
                    Option(value: "true", label: language == .en ? "yes" : "ya", selected: value == "true"),
                    Option(value: "false", label: language == .en ? "no" : "tidak", selected: value == "false"),
                ]
            default: input = "text"
            }
        }
    }

    /// A part of a long form under its heading (a short form is one part without one).
    struct Section: Encodable {
        var heading: String?
        var fields: [Field]
        /// Shown folded ("Advanced": a new record's key), open when one of its fields has a problem.
        var advanced = false
        var open = false
    }

    struct Suggestion: Encodable {
        var tag: String
        var label: String
        /// The form's tags hold it already.
        var added: Bool
        var explanation: String
    }

    var chrome: Chrome
    var heading: String
    var action: String
    /// The stored version the form was filled from (edit forms), sent back as `_version`.
    var version: String?
    var fields: [Field]
    var sections: [Section] = []
    var general: [String]
    var errorSummary: String?
    /// Every field's problem at once, each linking to its field.
    var summary: [Link] = []
    /// A tag suggestion's button, and the mark of one already added.
    var addLabel = ""
    var addedLabel = ""
    var save: String
    var cancel: String
    var cancelHref: String
    /// The page the form was opened from, carried through its posts.
    var back: String?
    var suggestionsHeading: String
    var suggestions: [Suggestion]
    /// The label of the "suggest tags" button, for records that carry tags.
    var suggestLabel: String?
    /// A way to fill the form from elsewhere, above it (a new city from the gazetteer).
    var intro: Link?
}

struct ConfirmPage: Encodable {
    var chrome: Chrome
    var heading: String
    var warning: String
    var action: String
    var confirm: String
    var cancel: String
    var cancelHref: String
    var problemsHeading: String
    var problems: [String]
}

/// Tag suggestions for a form, from the core's bilingual lexicon, each with the words that matched. A person
/// confirms a suggestion by copying its tag into the tags field; nothing is stored automatically.
enum TagSuggestions {
    /// The suggestions for `text`, each named by its node and framework, and marked when `tags` holds it already.
    static func `for`(
        _ text: LocalizedText, tags: String, library: FrameworkLibrary, _ language: Language
    ) -> [FormPage.Suggestion] {
        let chosen = Set(FlatList.items(tags))
        return TagSuggester().suggest(title: text).map { suggestion in
            let words = suggestion.matches.map { $0.word == $0.term ? $0.word : "\($0.word) (\($0.term))" }
            return FormPage.Suggestion(
                tag: suggestion.tag.description,
                label: label(suggestion.tag, library.framework(suggestion.tag.framework), language),
                added: chosen.contains(suggestion.tag.description),
                explanation: "\(Catalogue.page(.matched, language)): \(words.joined(separator: ", ")) · "
                    + "\(Catalogue.page(.confidence, language)) \(Format.decimal(suggestion.confidence, digits: 2, language))"
            )
        }
    }

    /// A tag by its node's name and its framework's, or as written when the framework does not know it.
    static func label(_ tag: FrameworkTag, _ framework: Framework?, _ language: Language) -> String {
        guard let framework, let node = framework.node(tag.node) else { return tag.description }
        return "\(node.name.text(language)) (\(framework.name.text(language)))"
    }
}
