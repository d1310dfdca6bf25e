import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// What a list of partnerships asks for: filters, the day statuses are judged on, a sort and a page. Every part is
/// answered in SQL on the summaries, so the cost follows the page, not the registry.
public struct PartnershipQuery: Sendable, Equatable {
    public enum Sort: String, CaseIterable, Sendable, Codable {
        case title, kind, stage, status, agreements, activities, participants
        case lastActivity = "last-activity"
    }

    /// Words in either city's name or the key.
    public var text = ""
    /// A city key, a country (ISO 3166-1 alpha-2), a subdivision (ISO 3166-2) of either city.
    public var city = ""
    public var country = ""
    public var subdivision = ""
    /// Raw values; `stage` `none` selects partnerships without a stage.
    public var kind = ""
    public var stage = ""
    public var status = ""
    public var field = ""
    /// A year with an activity or a signed agreement.
    public var year: Int?
    /// Stuck at a step of the national procedure: its latest step done is `stuckAt`, done more than `stuckMonths`
    /// months before the day, with a next step still to do.
    public var stuckAt = ""
    public var stuckMonths = 6
    public var asOf: Day
    public var sort = Sort.title
    public var descending = false
    /// The language titles sort in.
    public var language = Language.en
    public var limit = 50
    public var offset = 0
    /// Rows after this one in the query's order, instead of `offset`: a page that stays put when partnerships are
    /// added or removed before it, read from the index however deep.
    public var after: ListCursor?

    public init(asOf: Day) { self.asOf = asOf }
}

/// One partnership in a list, as its summary holds it. Kind, stage and status are the stored raw values: a value a
/// newer Kembar wrote is shown as it is, never an error.
public struct PartnershipRow: Sendable {
    public var key: String
    public var kind: String
    public var stage: String?
    public var cities: [String]
    public var titleEnglish: String
    public var titleIndonesian: String
    /// The status on the query's day, and the other conditions that apply then.
    public var status: String?
    public var also: [String]
    /// Each agreement's kind and signing date (`mou`, `2018-03-19`), in signing order.
    public var agreements: [(kind: String, date: String)]
    public var agreementCount: Int
    public var activityCount: Int
    public var participants: Int
    public var participantsApproximate: Bool
    public var lastActivity: String?
    /// The first day of the last activity (`YYYY-MM-DD`), as the list sorts by it.
    public var lastActivityDay: String?
    public var ongoingWithoutEnd: Int
    public var activitiesWithoutSources: Int
    public var activitiesWithoutParticipants: Int
    /// The latest step of the national procedure done, since when (at its precision: `2018`, `2018-03-19`), and the
    /// next step.
    public var procedureStep: String?
    public var procedureSince: String?
    public var procedureNext: String?
    /// The first day a target of its plans is at risk or missed (`YYYY-MM-DD`).
    public var targetsAttention: String?

    public func title(_ language: Language) -> String { language == .en ? titleEnglish : titleIndonesian }
}

/// A page of partnerships with the counts of the whole selection.
public struct PartnershipList: Sendable {
    public var rows: [PartnershipRow]
    /// Partnerships matching the filters, and how many of them have each status and each stage (`none` for no
    /// stage) — the ministry's funnel.
    public var total: Int
    public var byStatus: [String: Int]
    public var byStage: [String: Int]

    public init(rows: [PartnershipRow], total: Int, byStatus: [String: Int], byStage: [String: Int]) {
        self.rows = rows
        self.total = total
        self.byStatus = byStatus
        self.byStage = byStage
    }
}

extension Repository {
    /// The page of partnerships `query` asks for, with the selection's counts: four indexed queries, whatever the
    /// registry holds.
    public func partnershipList(_ query: PartnershipQuery) async throws -> PartnershipList {
        let counts = try await partnershipCounts(query)
        return PartnershipList(
            rows: counts.total == 0 ? [] : try await partnershipRows(query), total: counts.total,
            byStatus: counts.byStatus, byStage: counts.byStage)
    }

    /// How many partnerships match `query`'s filters, and how many of them have each status and stage: one
    /// grouped scan of the summaries.
    public func partnershipCounts(
        _ query: PartnershipQuery
    ) async throws -> (
        total: Int, byStatus: [String: Int], byStage: [String: Int]
    ) {
        let sql = try self.sql
        let conditions = Self.conditions(query)
        if conditions.isEmpty && query.status.isEmpty { return try await allPartnershipCounts(asOf: query.asOf) }
        let whereClause = summaryWhere(conditions)
        var total = 0
        var byStatus: [String: Int] = [:]
        var byStage: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT t.status AS status, s.stage AS stage, COUNT(*) AS n "
                + Self.summaryJoin(asOf: query.asOf, status: query.status)
                + whereClause + " GROUP BY t.status, s.stage"
        ).all() {
            let count = try row.decode(column: "n", as: Int.self)
            total += count
            byStatus[try row.decode(column: "status", as: String?.self) ?? "none", default: 0] += count
            byStage[try row.decode(column: "stage", as: String?.self) ?? "none", default: 0] += count
        }
        return (total, byStatus, byStage)
    }

    /// The counts of every partnership, without joining each to its status: the statuses of the day's stretches
    /// and the stages are each counted from an index (a partnership without a stretch on that day counts as "none").
    private func allPartnershipCounts(
        asOf: Day
    ) async throws -> (
        total: Int, byStatus: [String: Int], byStage: [String: Int]
    ) {
        let sql = try self.sql
        func counts(_ query: SQLQueryString) async throws -> [String: Int] {
            var found: [String: Int] = [:]
            for row in try await sql.raw(query).all() {
                found[try row.decode(column: "v", as: String?.self) ?? "none", default: 0] +=
                    try row.decode(column: "n", as: Int.self)
            }
            return found
        }
        let day = asOf.description
        var byStatus = try await counts(
            "SELECT status AS v, COUNT(*) AS n FROM \(ident: Derived.statuses) WHERE from_day <= \(bind: day) AND until_day > \(bind: day) GROUP BY status"
        )
        var byStage = try await counts(
            "SELECT stage AS v, COUNT(*) AS n FROM \(ident: Derived.summaries) GROUP BY stage")
        if publicReader {
            // The few internal partnerships are counted on their own and taken off.
            for row in try await sql.raw(
                "SELECT s.stage AS stage, t.status AS status " + Self.summaryJoin(asOf: asOf) + " WHERE s.internal = 1"
            ).all() {
                byStage[try row.decode(column: "stage", as: String?.self) ?? "none", default: 0] -= 1
                if let status = try row.decode(column: "status", as: String?.self) { byStatus[status, default: 0] -= 1 }
            }
            byStage = byStage.filter { $0.value > 0 }
            byStatus = byStatus.filter { $0.value > 0 }
        }
        let total = byStage.values.reduce(0, +)
        let unplaced = total - byStatus.values.reduce(0, +)
        if unplaced > 0 { byStatus["none", default: 0] += unplaced }
        return (total, byStatus, byStage)
    }

    /// The page of partnerships `query` asks for, sorted in SQL (on an index for the columns that have one).
    public func partnershipRows(_ query: PartnershipQuery) async throws -> [PartnershipRow] {
        let sql = try self.sql
        let column: String
        var nullable = false
        switch query.sort {
        case .title: column = query.language == .en ? "s.title_en" : "s.title_id"
        case .kind: column = "s.kind"
        case .stage: (column, nullable) = ("s.stage", true)
        case .status: (column, nullable) = ("t.status", true)
        case .agreements: column = "s.agreement_count"
        case .activities: column = "s.activity_count"
        case .participants: column = "s.participants"
        case .lastActivity: (column, nullable) = ("s.last_activity_day", true)
        }
        var conditions = Self.conditions(query)
        if let after = query.after {
            guard after.sort == query.sort.rawValue, after.descending == query.descending,
                after.language == (query.sort == .title ? query.language : nil)
            else { throw ListCursor.Invalid() }
            conditions.append(Self.keyset(after, column: column, nullable: nullable))
        }
        let direction = query.descending ? "DESC" : "ASC"
        // Records without a value come last either way, the same on every backend.
        let order: SQLQueryString =
            " ORDER BY " + (nullable ? "(\(unsafeRaw: column) IS NULL), " : "")
            + "\(unsafeRaw: column) \(unsafeRaw: direction), s.key \(unsafeRaw: direction)"
        return try await sql.raw(
            "SELECT s.*, t.status AS status_now, t.also AS also_now "
                + Self.summaryJoin(asOf: query.asOf, status: query.status) + summaryWhere(conditions) + order
                + " LIMIT \(bind: max(0, min(query.limit, 500))) OFFSET \(bind: query.after == nil ? max(0, query.offset) : 0)"
        ).all().map(Self.row)
    }

    /// Above this many partnerships needing attention, their page is read in title order from the index.
    public static let attentionSortLimit = 2000

    /// Partnerships that need attention on `asOf` — dormant or renewal due, ongoing activities without an end,
    /// activities without sources or participants, a target at risk or missed, stuck at a step of the procedure for
    /// ``stuckMonths`` — at most `limit`, with how many there are.
    public func partnershipsNeedingAttention(
        asOf: Day, limit: Int, sortingAtMost sortLimit: Int = attentionSortLimit
    ) async throws -> (
        rows: [PartnershipRow], total: Int
    ) {
        let sql = try self.sql
        let day = asOf.description
        let monitoring: SQLQueryString =
            "(s.targets_attention <= \(bind: day) OR (s.procedure_next IS NOT NULL AND s.procedure_since < \(bind: asOf.adding(months: -Self.stuckMonths).description)))"
        // The keys come from the two partial indexes of exactly these conditions and the monitoring columns'
        // indexes; only they are joined.
        var keys: SQLQueryString =
            "SELECT partnership AS k FROM \(ident: Derived.statuses) WHERE \(unsafeRaw: Derived.attentionStatus)"
            + " AND from_day <= \(bind: day) AND until_day > \(bind: day)"
            + " UNION SELECT key AS k FROM \(ident: Derived.summaries) WHERE \(unsafeRaw: Derived.attentionSummary)"
            + " UNION SELECT key AS k FROM \(ident: Derived.summaries) WHERE targets_attention <= \(bind: day)"
            + " UNION SELECT key AS k FROM \(ident: Derived.summaries) WHERE procedure_next IS NOT NULL"
            + " AND procedure_since < \(bind: asOf.adding(months: -Self.stuckMonths).description)"
        if publicReader {
            keys =
                "SELECT k FROM (" + keys
                + ") u WHERE k NOT IN (SELECT key FROM \(ident: Derived.summaries) WHERE internal = 1)"
        }
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM (" + keys + ") a").first()?.decode(column: "n", as: Int.self)
            ?? 0
        let select = "SELECT s.*, t.status AS status_now, t.also AS also_now " + Self.summaryJoin(asOf: asOf)
        let order: SQLQueryString = " ORDER BY s.title_en, s.key LIMIT \(bind: max(0, limit))"
        // When few need attention, their keys are joined and sorted; when most do (a registry full of activities
        // without sources), sorting all of them for one page costs more than walking the title index and stopping at
        // the page's end.
        let condition: SQLQueryString =
            total <= sortLimit
            ? " WHERE s.key IN (" + keys + ")"
            : " WHERE (\(unsafeRaw: Derived.attentionSummary) OR " + monitoring
                + " OR EXISTS (SELECT 1 FROM \(ident: Derived.statuses) a"
                + " WHERE a.partnership = s.key AND \(unsafeRaw: Derived.attentionStatus)"
                + " AND a.from_day <= \(bind: day) AND a.until_day > \(bind: day)))" + publicOnly("s")
        let rows = try await sql.raw(select + condition + order).all()
        return (try rows.map(Self.row), total)
    }

    /// How long a partnership may stay at one step of the procedure before the attention panel names it.
    public static let stuckMonths = 12

    /// The summary of one partnership (its status on `asOf`), or `nil`.
    public func partnershipRow(_ key: PartnershipKey, asOf: Day) async throws -> PartnershipRow? {
        try await sql.raw(
            "SELECT s.*, t.status AS status_now, t.also AS also_now " + Self.summaryJoin(asOf: asOf)
                + " WHERE s.key = \(bind: key.rawValue)" + publicOnly("s")
        ).first().map(Self.row)
    }

    /// The countries and subdivisions partnerships' cities are in, for filter choices.
    public func partnershipPlaces() async throws -> (countries: [String], subdivisions: [String]) {
        let sql = try self.sql
        func distinct(_ a: String, _ b: String) async throws -> [String] {
            let table = Derived.summaries
            return try await sql.raw(
                "SELECT \(unsafeRaw: a) AS v FROM \(ident: table) WHERE \(unsafeRaw: a) IS NOT NULL" + publicOnly()
                    + " UNION SELECT \(unsafeRaw: b) AS v FROM \(ident: table) WHERE \(unsafeRaw: b) IS NOT NULL"
                    + publicOnly() + " ORDER BY v"
            ).all().map { try $0.decode(column: "v", as: String.self) }
        }
        return (try await distinct("country1", "country2"), try await distinct("subdivision1", "subdivision2"))
    }

    /// Number of partnerships.
    public func partnershipCount() async throws -> Int {
        try await visible(EntityRecord.query(on: database)).filter(\.$kind == EntityKind.partnership.rawValue).count()
    }

    /// The summaries joined with the status stretch holding `asOf` (at most one: stretches do not overlap). With
    /// `status`, only partnerships with that status on `asOf`: an inner join the database can start from the
    /// status index.
    static func summaryJoin(asOf: Day, status: String = "") -> SQLQueryString {
        let day = asOf.description
        let join: SQLQueryString = status.isEmpty ? "LEFT JOIN" : "JOIN"
        var from: SQLQueryString =
            "FROM \(ident: Derived.summaries) s " + join + " \(ident: Derived.statuses) t ON t.partnership = s.key"
            + " AND t.from_day <= \(bind: day) AND t.until_day > \(bind: day)"
        if !status.isEmpty { from += " AND t.status = \(bind: status)" }
        return from
    }

    /// A LIKE pattern matching `text` anywhere, its wildcards escaped (with `ESCAPE '\'`).
    static func like(_ text: String) -> String {
        "%"
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    /// `WHERE` and `conditions` (with, for a public reader, the internal partnerships left out), or nothing.
    func summaryWhere(_ conditions: [SQLQueryString]) -> SQLQueryString {
        let all = conditions + (publicReader ? ["s.internal = 0"] : [])
        return all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND ")
    }

    static func conditions(_ query: PartnershipQuery) -> [SQLQueryString] {
        var found: [SQLQueryString] = []
        let text = query.text.trimmingCharacters(in: .whitespaces).lowercased()
        if !text.isEmpty { found.append("s.search LIKE \(bind: like(text)) ESCAPE '\\'") }
        if !query.city.isEmpty { found.append("(s.city1 = \(bind: query.city) OR s.city2 = \(bind: query.city))") }
        if !query.country.isEmpty {
            let country = query.country.uppercased()
            found.append("(s.country1 = \(bind: country) OR s.country2 = \(bind: country))")
        }
        if !query.subdivision.isEmpty {
            let code = query.subdivision.uppercased()
            found.append("(s.subdivision1 = \(bind: code) OR s.subdivision2 = \(bind: code))")
        }
        if !query.kind.isEmpty { found.append("s.kind = \(bind: query.kind)") }
        if query.stage == "none" {
            found.append("s.stage IS NULL")
        } else if !query.stage.isEmpty {
            found.append("s.stage = \(bind: query.stage)")
        }
        if !query.field.isEmpty { found.append("s.fields LIKE \(bind: like("|\(query.field)|")) ESCAPE '\\'") }
        if let year = query.year { found.append("s.years LIKE \(bind: "%|\(year)|%")") }
        if !query.stuckAt.isEmpty {
            let cutoff = query.asOf.adding(months: -min(max(query.stuckMonths, 0), 1200)).description
            found.append(
                "s.procedure_step = \(bind: query.stuckAt) AND s.procedure_since < \(bind: cutoff) AND s.procedure_next IS NOT NULL"
            )
        }
        return found
    }

    /// The rows after `after` in the order `ORDER BY (column IS NULL), column, key` (both descending or not): rows
    /// with a value come first, those without last, ties by key.
    static func keyset(_ after: ListCursor, column: String, nullable: Bool) -> SQLQueryString {
        let comparison = after.descending ? "<" : ">"
        let numeric = ["agreements", "activities", "participants"].contains(after.sort)
        guard let value = after.value else {
            return "(\(unsafeRaw: column) IS NULL AND s.key \(unsafeRaw: comparison) \(bind: after.key))"
        }
        let bound: SQLQueryString = numeric ? "\(bind: Int(value) ?? 0)" : "\(bind: value)"
        let beyond: SQLQueryString =
            "\(unsafeRaw: column) \(unsafeRaw: comparison) " + bound + " OR (\(unsafeRaw: column) = " + bound
            + " AND s.key \(unsafeRaw: comparison) \(bind: after.key))"
        return nullable ? "(\(unsafeRaw: column) IS NULL OR " + beyond + ")" : "(" + beyond + ")"
    }

    /// The summary's `mou|2018-03-19;…` column as (kind, date) pairs.
    static func agreementDates(_ column: String) -> [(kind: String, date: String)] {
        column.split(separator: ";").map { part in
            let pieces = part.split(separator: "|", maxSplits: 1).map(String.init)
            return (kind: pieces.first ?? "", date: pieces.count > 1 ? pieces[1] : "")
        }
    }

    static func row(_ row: any SQLRow) throws -> PartnershipRow {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func number(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
        let agreements = agreementDates(try text("agreements"))
        return PartnershipRow(
            key: try text("key"), kind: try text("kind"), stage: try optional("stage"),
            cities: [try text("city1")] + [try optional("city2")].compactMap { $0 },
            titleEnglish: try text("title_en"), titleIndonesian: try text("title_id"),
            status: try optional("status_now"),
            also: (try optional("also_now") ?? "").split(separator: ",").map(String.init),
            agreements: agreements, agreementCount: try number("agreement_count"),
            activityCount: try number("activity_count"), participants: try number("participants"),
            participantsApproximate: try number("participants_approximate") != 0,
            lastActivity: try optional("last_activity"), lastActivityDay: try optional("last_activity_day"),
            ongoingWithoutEnd: try number("ongoing_open"),
            activitiesWithoutSources: try number("without_sources"),
            activitiesWithoutParticipants: try number("without_participants"),
            procedureStep: try optional("procedure_step"), procedureSince: try optional("procedure_since"),
            procedureNext: try optional("procedure_next"), targetsAttention: try optional("targets_attention"))
    }
}

/// One page of a list of records, and how many match.
public struct RecordPage<T: Sendable>: Sendable {
    public var items: [T]
    public var total: Int
    /// Where the next page starts, when this one was full.
    public var next: ListCursor? = nil
}

extension Repository {
    /// Cities, organisations and sources a page at a time, in name order, optionally those whose name contains
    /// `text`: only the page's documents are read.
    public func citiesPage(
        matching text: String = "", limit: Int = 50, offset: Int = 0, after: ListCursor? = nil
    ) async throws
        -> RecordPage<City>
    { try await page(text, limit, offset, after: after) }

    public func organisationsPage(
        matching text: String = "", limit: Int = 50, offset: Int = 0
    ) async throws
        -> RecordPage<Organisation>
    { try await page(text, limit, offset) }

    public func sourcesPage(
        matching text: String = "", limit: Int = 50, offset: Int = 0, after: ListCursor? = nil
    ) async throws
        -> RecordPage<Source>
    {
        let found: RecordPage<Source> = try await page(text, limit, offset, after: after)
        return RecordPage(items: shown(found.items), total: found.total, next: found.next)
    }

    /// Stored records by key (those that exist, in key order).
    public func sources(_ keys: some Collection<SourceKey>) async throws -> [Source] {
        shown(try await records(keys: keys.map(\.rawValue).sorted()))
    }

    /// The frameworks named by `keys` (those stored), by key: what a page needs to name tags and indicators.
    public func frameworks(_ keys: some Collection<FrameworkKey>) async throws -> [FrameworkKey: Framework] {
        let found: [Framework] = try await records(keys: Set(keys.map(\.rawValue)).sorted())
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func organisations(_ keys: some Collection<OrganisationKey>) async throws -> [Organisation] {
        try await records(keys: keys.map(\.rawValue).sorted())
    }

    public func cities(_ keys: some Collection<CityKey>) async throws -> [City] {
        try await records(keys: keys.map(\.rawValue).sorted())
    }

    public func activities(_ keys: some Collection<ActivityKey>) async throws -> [Activity] {
        try await records(keys: keys.map(\.rawValue).sorted())
    }

    /// Keys and names of the cities, in name order, when there are at most `limit` (for a choice list); `nil`
    /// when there are more.
    public func cityChoices(limit: Int) async throws -> [(key: String, label: String)]? {
        let rows = try await EntityRecord.query(on: database).filter(\.$kind == EntityKind.city.rawValue)
            .sort(\.$label).sort(\.$key).field(\.$key).field(\.$label).limit(limit + 1).all()
        guard rows.count <= limit else { return nil }
        return rows.map { (key: $0.key, label: $0.label ?? $0.key) }
    }

    private func page<T: StoredEntity>(
        _ text: String, _ limit: Int, _ offset: Int, after: ListCursor? = nil
    ) async throws -> RecordPage<T> {
        var query = visible(EntityRecord.query(on: database)).filter(\.$kind == T.kind.rawValue)
        let words = text.trimmingCharacters(in: .whitespaces)
        if !words.isEmpty {
            query = query.filter(.sql(embed: "lower(label) LIKE \(bind: Self.like(words.lowercased())) ESCAPE '\\'"))
        }
        let total = try await query.count()
        let size = max(0, min(limit, 500))
        if let after {
            guard after.sort == "label", let label = after.value else { throw ListCursor.Invalid() }
            query = query.filter(
                .sql(embed: "(label > \(bind: label) OR (label = \(bind: label) AND key > \(bind: after.key)))"))
        }
        let start = after == nil ? max(0, offset) : 0
        let records = try await query.sort(\.$label).sort(\.$key).range(start..<start + size).all()
        var page = RecordPage(items: try records.map { try DocumentCoding.decode(T.self, $0) }, total: total)
        if records.count == size, let last = records.last {
            page.next = ListCursor(sort: "label", value: last.label ?? "", key: last.key)
        }
        return page
    }
}

/// A stored record named by its kind and key, with what a link to it needs.
public struct RecordName: Sendable, Equatable {
    public var kind: String
    public var key: String
    public var label: String?
    public var partnership: String?
    public var city: String?
    public var date: String?
    /// The record's title or name in both languages, and its date as recorded (a year, a month or a day), when the
    /// names were read with their documents.
    public var title: LocalizedText?
    public var when: PartialDate?
    /// An observation's indicator, value and unit (it has no title).
    public var indicator: FrameworkTag?
    public var value: Double?
    public var unit: String?
}

extension Repository {
    /// The records that cite or name `key` of `kind`, a page at a time, with their labels (no document is read).
    public func referrerNames(
        to kind: RecordReference.Kind, _ key: String, from fromKind: String? = nil, limit: Int = 50, offset: Int = 0
    ) async throws -> RecordPage<RecordName> {
        let found = try await referrers(to: kind, key, from: fromKind, limit: limit, offset: offset)
        var names: [String: RecordName] = [:]
        for (kind, group) in Dictionary(grouping: found.records, by: \.kind) {
            // Only the page's records are read, documents included, for their titles in both languages.
            let rows = try await EntityRecord.query(on: database).filter(\.$kind == kind)
                .filter(\.$key ~~ group.map(\.key)).field(\.$kind).field(\.$key).field(\.$label)
                .field(\.$partnership).field(\.$city).field(\.$sortDate).field(\.$document).field(\.$format).all()
            for row in rows {
                let (title, when) = Self.titleAndDate(row.document)
                var name = RecordName(
                    kind: row.kind, key: row.key, label: row.label, partnership: row.partnership, city: row.city,
                    date: row.sortDate, title: title, when: when)
                if kind == EntityKind.observation.rawValue,
                    let observation = try? DocumentCoding.decode(Observation.self, row)
                {
                    (name.indicator, name.value, name.unit) = (
                        observation.indicator, observation.value, observation.unit
                    )
                }
                names["\(row.kind)/\(row.key)"] = name
            }
        }
        // A partnership's name is made from its cities: the summaries hold it.
        let partnerships = found.records.filter { $0.kind == "partnership" }.map(\.key)
        if !partnerships.isEmpty {
            for row in try await sql.raw(
                "SELECT key, title_en, title_id FROM \(ident: Derived.summaries) WHERE key IN (\(binds: partnerships))"
            ).all() {
                let key = try row.decode(column: "key", as: String.self)
                names["partnership/\(key)"]?.title = LocalizedText(
                    en: try row.decode(column: "title_en", as: String?.self),
                    id: try row.decode(column: "title_id", as: String?.self))
            }
        }
        return RecordPage(
            items: found.records.compactMap { names["\($0.kind)/\($0.key)"] }, total: found.total)
    }

    /// A stored document's title or name and its date, read as JSON without decoding the record (any kind).
    static func titleAndDate(_ document: String) -> (LocalizedText?, PartialDate?) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(document.utf8))) as? [String: Any] else {
            return (nil, nil)
        }
        let named = (object["title"] ?? object["name"]) as? [String: String]
        let title = named.map { LocalizedText(en: $0["en"], id: $0["id"]) }
        let date = ["start", "date", "signed", "period", "started"].lazy.compactMap { object[$0] as? String }.first
        return (title, date.flatMap { try? PartialDate(parsing: $0) })
    }

    /// Partnerships between two of `cities` (both of its cities among them), at most `limit`.
    public func partnerships(among cities: [String], asOf: Day, limit: Int) async throws -> [PartnershipRow] {
        guard !cities.isEmpty else { return [] }
        let chunk = Array(cities.prefix(Derived.chunk))
        return try await sql.raw(
            "SELECT s.*, t.status AS status_now, t.also AS also_now " + Self.summaryJoin(asOf: asOf)
                + " WHERE s.city1 IN (\(binds: chunk)) AND s.city2 IN (\(binds: chunk))" + publicOnly("s")
                + " ORDER BY s.key LIMIT \(bind: max(0, limit))"
        ).all().map(Self.row)
    }
}

extension Repository {
    /// Keys and names for a reference input: the first `limit` records of a kind in name order (partnerships by
    /// their cities' names), and whether there are more; with `matching`, only those whose name or key holds it (in
    /// any case). No document is read.
    public func referenceChoices(
        _ collection: EditableCollection, limit: Int, language: Language, matching text: String = ""
    ) async throws
        -> (choices: [(key: String, label: String)], more: Bool)
    {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased()
        let rows: [(key: String, label: String)]
        if collection == .partnerships {
            let column = language == .en ? "title_en" : "title_id"
            let matching: SQLQueryString =
                words.isEmpty
                ? ""
                : " WHERE lower(\(unsafeRaw: column)) LIKE \(bind: Self.like(words)) ESCAPE '\\' OR key LIKE \(bind: Self.like(words)) ESCAPE '\\'"
            rows = try await sql.raw(
                "SELECT key, \(unsafeRaw: column) AS label FROM \(ident: Derived.summaries)" + matching
                    + " ORDER BY \(unsafeRaw: column), key LIMIT \(bind: limit + 1)"
            ).all().map {
                (try $0.decode(column: "key", as: String.self), try $0.decode(column: "label", as: String.self))
            }
        } else {
            var query = EntityRecord.query(on: database).filter(\.$kind == collection.kind.rawValue)
            if !words.isEmpty {
                query = query.filter(
                    .sql(
                        embed:
                            "(lower(label) LIKE \(bind: Self.like(words)) ESCAPE '\\' OR key LIKE \(bind: Self.like(words)) ESCAPE '\\')"
                    ))
            }
            rows = try await query.sort(\.$label).sort(\.$key).field(\.$key).field(\.$label).field(\.$partnership)
                .limit(limit + 1).all()
                .map { row in
                    let label = row.label ?? row.key
                    return (row.key, row.partnership.map { "\(label) (\($0))" } ?? label)
                }
        }
        return (Array(rows.prefix(limit)), rows.count > limit)
    }
}

extension Repository {
    /// Which of `frameworks` have at least one stored observation (read from the links, no document).
    public func frameworksObserved(_ frameworks: [FrameworkKey]) async throws -> [FrameworkKey] {
        let observed = Set(
            try await sql.raw(
                "SELECT DISTINCT to_key FROM \(ident: Derived.links) WHERE from_kind = 'observation' AND to_kind = 'framework'"
            ).all().map { try $0.decode(column: "to_key", as: String.self) })
        return frameworks.filter { observed.contains($0.rawValue) }
    }

    /// The stored observations of one framework's indicators, of `cities` (every city when empty).
    public func observations(framework: FrameworkKey, cities: [CityKey]) async throws -> [Observation] {
        let keys = try await sql.raw(
            "SELECT from_key FROM \(ident: Derived.links) WHERE from_kind = 'observation' AND to_kind = 'framework' AND to_key = \(bind: framework.rawValue) ORDER BY from_key"
        ).all().map { try $0.decode(column: "from_key", as: String.self) }
        let wanted = Set(cities)
        let found: [Observation] = try await records(keys: keys)
        return found.filter { wanted.isEmpty || wanted.contains($0.city) }
    }
}

extension Repository {
    /// Every stored partnership between two cities, by ``PairList/pairKey(_:_:)`` (read from the summaries).
    func cityPairs() async throws -> [String: PartnershipKey] {
        var pairs: [String: PartnershipKey] = [:]
        for row in try await sql.raw(
            "SELECT key, city1, city2 FROM \(ident: Derived.summaries) WHERE city2 IS NOT NULL ORDER BY key"
        ).all() {
            let pair = PairList.pairKey(
                CityKey(try row.decode(column: "city1", as: String.self)),
                CityKey(try row.decode(column: "city2", as: String.self)))
            if pairs[pair] == nil { pairs[pair] = PartnershipKey(try row.decode(column: "key", as: String.self)) }
        }
        return pairs
    }
}
