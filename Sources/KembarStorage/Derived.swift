import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// The tables derived from the records: kept up to date inside every write transaction, so pages filter, sort and
/// count in SQL and never decode a whole kind. Nothing in them is a fact of its own; `rebuildDerived` makes them
/// again from the records.
enum Derived {
    /// Which record refers to which key (``RecordReference``): what a delete checks, what a source's and an
    /// organisation's pages list.
    static let links = "record_links"
    /// One row per partnership: ``PartnershipSummary``.
    static let summaries = "partnership_summaries"
    /// The status timeline of each partnership, one row per stretch (``StatusSpan``); open ends are stored as
    /// the first and last days below, so "the status on day D" is one indexed range condition.
    static let statuses = "partnership_status"
    static let beginning = "0000-01-01"
    static let end = "9999-12-31"
    /// Rows per statement, under every backend's bind-parameter limit.
    static let chunk = 400
    /// What makes a partnership need attention, in two parts each with a partial index of exactly this condition
    /// (migration 006): a status stretch that is dormant or due for renewal, and a summary with open, unsourced or
    /// unattended activities. The queries repeat these texts verbatim so that both backends' planners use the
    /// indexes.
    static let attentionStatus =
        "(status IN ('dormant', 'renewal-due') OR also LIKE '%dormant%' OR also LIKE '%renewal-due%')"
    static let attentionSummary = "(ongoing_open > 0 OR without_sources > 0 OR without_participants > 0)"
}

/// `INSERT INTO table (columns) VALUES (…), (…)` written straight to the serializer: the same statement SQLKit's
/// insert builder makes, without a nested expression per row and value (building those took an eighth of the world
/// import).
struct RowsInsert: SQLExpression {
    var table: String
    var columns: [String]
    var rows: [[any Encodable & Sendable]]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO ")
        SQLIdentifier(table).serialize(to: &serializer)
        serializer.write(" (")
        for (index, column) in columns.enumerated() {
            if index > 0 { serializer.write(", ") }
            SQLIdentifier(column).serialize(to: &serializer)
        }
        serializer.write(") VALUES ")
        for (rowIndex, row) in rows.enumerated() {
            serializer.write(rowIndex == 0 ? "(" : ", (")
            for (index, value) in row.enumerated() {
                if index > 0 { serializer.write(", ") }
                serializer.write(bind: value)
            }
            serializer.write(")")
        }
    }
}

/// A record's references, to be written to the links table.
extension Collection {
    /// The elements in runs of at most `size`, in order: how keys and rows are cut to stay under every backend's
    /// bind-parameter limit.
    func chunked(by size: Int) -> [[Element]] {
        var runs: [[Element]] = []
        var run: [Element] = []
        run.reserveCapacity(size)
        for element in self {
            run.append(element)
            if run.count == size {
                runs.append(run)
                run.removeAll(keepingCapacity: true)
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }
}

struct LinkSet {
    var kind: EntityKind
    var key: String
    var references: [RecordReference]
    /// The referring record is hidden from public readers (``EntityRecord/internal``).
    var `internal` = false
}

extension Repository {
    /// Every database Kembar opens is an SQL database; the derived tables are read and written with SQL.
    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else {
                throw DatabaseUnsupported()
            }
            return sql
        }
    }

    struct DatabaseUnsupported: Error {}

    // MARK: - Links

    /// Replaces the links of the given records (records new to the database have none to remove).
    func writeLinks(_ sets: [LinkSet], replacing: [(EntityKind, String)]) async throws {
        try await deleteLinks(replacing)
        var rows: [[any Encodable & Sendable]] = []
        for set in sets {
            for reference in Set(set.references) {
                rows.append([set.kind.rawValue, set.key, reference.kind.rawValue, reference.key, set.internal ? 1 : 0])
            }
        }
        try await insertRows(into: Derived.links, ["from_kind", "from_key", "to_kind", "to_key", "internal"], rows)
    }

    /// Inserts rows of `columns` with as few statements as the bind-parameter limits allow (about 4,000 values
    /// each): Fluent's per-model path costs more than the write.
    func insertRows(into table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        let sql = try self.sql
        for run in rows.chunked(by: max(1, 4000 / columns.count)) {
            try await sql.execute(sql: RowsInsert(table: table, columns: columns, rows: run)) { _ in }
        }
    }

    /// Removes the links of the given records.
    func deleteLinks(_ records: [(EntityKind, String)]) async throws {
        let sql = try self.sql
        for (kind, keys) in Dictionary(grouping: records, by: \.0) {
            for chunk in keys.map(\.1).chunked(by: Derived.chunk) {
                try await sql.raw(
                    "DELETE FROM \(ident: Derived.links) WHERE from_kind = \(bind: kind.rawValue) AND from_key IN (\(binds: chunk))"
                ).run()
            }
        }
    }

    /// The records that refer to `key` of `kind`, as `kind/key` pairs in kind then key order, at most `limit`
    /// (a record's links are written once per key it names, so each referrer is one row, and the order comes
    /// from the index).
    public func referrers(
        to kind: RecordReference.Kind, _ key: String, from fromKind: String? = nil, limit: Int = 50, offset: Int = 0
    ) async throws -> (records: [(kind: String, key: String)], total: Int) {
        let sql = try self.sql
        var condition: SQLQueryString = "to_kind = \(bind: kind.rawValue) AND to_key = \(bind: key)"
        if let fromKind { condition += " AND from_kind = \(bind: fromKind)" }
        condition += publicOnly()
        let total =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM \(ident: Derived.links) WHERE "
                    + condition
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            "SELECT from_kind, from_key FROM \(ident: Derived.links) WHERE " + condition
                + " ORDER BY from_kind, from_key LIMIT \(bind: max(0, limit)) OFFSET \(bind: max(0, offset))"
        ).all()
        return (
            try rows.map {
                (
                    try $0.decode(column: "from_kind", as: String.self),
                    try $0.decode(column: "from_key", as: String.self)
                )
            },
            total
        )
    }

    // MARK: - Partnership summaries

    /// The partnerships whose first or partner city is one of `cities`.
    func partnerships(ofCities cities: Set<String>) async throws -> Set<String> {
        guard !cities.isEmpty else { return [] }
        let sql = try self.sql
        var keys = Set<String>()
        for chunk in cities.sorted().chunked(by: Derived.chunk) {
            for row in try await sql.raw(
                "SELECT key FROM \(ident: Derived.summaries) WHERE city1 IN (\(binds: chunk)) OR city2 IN (\(binds: chunk))"
            ).all() {
                keys.insert(try row.decode(column: "key", as: String.self))
            }
        }
        return keys
    }

    /// Computes the summaries and status timelines of `keys` again from their records (a key with no partnership
    /// any more loses its rows). `written` holds records the caller has just stored: they are taken as they are
    /// instead of being read and decoded again (what keeps a bulk import from decoding everything twice); the
    /// partnerships in `new` were created by the caller, so all their records are in `written`.
    func refreshSummaries(_ keys: Set<String>, written: Dataset = Dataset(), new: Set<String> = []) async throws {
        let sql = try self.sql
        let known = KnownRecords(written)
        for chunk in keys.sorted().chunked(by: Derived.chunk) {
            let stored = chunk.filter { !new.contains($0) }
            let created = chunk.filter { new.contains($0) }
            let partnerships: [Partnership] =
                chunk.compactMap { known.partnerships[$0] }
                + (try await records(keys: stored.filter { known.partnerships[$0] == nil }))
            let agreements: [Agreement] = try await children(of: stored, known.agreements, new: created)
            let milestones: [Milestone] = try await children(of: stored, known.milestones, new: created)
            let activities: [Activity] = try await children(of: stored, known.activities, new: created)
            let actions: [PlannedAction] = try await children(of: stored, known.actions, new: created)
            let cityKeys = Set(
                partnerships.flatMap { [$0.city.rawValue] + [$0.partnerCity?.rawValue].compactMap { $0 } })
            let cities: [City] =
                cityKeys.compactMap { known.cities[$0] }
                + (try await records(keys: cityKeys.filter { known.cities[$0] == nil }.sorted()))
            let cityIndex = Dictionary(cities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let agreementsBy = Dictionary(grouping: agreements, by: \.partnership)
            let milestonesBy = Dictionary(grouping: milestones, by: \.partnership)
            let activitiesBy = Dictionary(grouping: activities, by: \.partnership)
            let actionsBy = Dictionary(grouping: actions, by: \.partnership)
            try await sql.raw("DELETE FROM \(ident: Derived.summaries) WHERE key IN (\(binds: chunk))").run()
            try await sql.raw("DELETE FROM \(ident: Derived.statuses) WHERE partnership IN (\(binds: chunk))").run()
            // What lists count and date by is the published record: a child marked internal is left out for every
            // reader (its partnership's page shows it to signed-in readers).
            let summaries = partnerships.map { partnership in
                PartnershipSummary(
                    partnership, cities: cityIndex,
                    agreements: (agreementsBy[partnership.id] ?? []).filter { !$0.markedInternal },
                    milestones: (milestonesBy[partnership.id] ?? []).filter { !$0.markedInternal },
                    activities: (activitiesBy[partnership.id] ?? []).filter { !$0.markedInternal },
                    actions: (actionsBy[partnership.id] ?? []).filter { !$0.markedInternal },
                    procedure: Bundled.procedure(country: cityIndex[partnership.city]?.country))
            }
            try await insert(summaries)
        }
    }

    private func insert(_ summaries: [PartnershipSummary]) async throws {
        var rows: [[any Encodable & Sendable]] = []
        let columns = [
            "key", "kind", "stage", "city1", "city2", "country1", "country2", "subdivision1", "subdivision2",
            "title_en", "title_id", "search", "agreement_count", "milestone_count", "activity_count", "participants",
            "participants_approximate", "agreements", "last_activity_day", "last_activity", "years", "fields",
            "without_sources", "without_participants", "ongoing_open", "internal", "procedure_step", "procedure_since",
            "procedure_next", "targets_attention",
        ]
        var spans: [[any Encodable & Sendable]] = []
        for s in summaries {
            func at<T>(_ list: [T], _ index: Int) -> T? { index < list.count ? list[index] : nil }
            let row: [any Encodable & Sendable] = [
                s.partnership.rawValue, s.kind, s.stage, s.cities[0].rawValue, at(s.cities, 1)?.rawValue,
                at(s.countries, 0), at(s.countries, 1), at(s.subdivisions, 0), at(s.subdivisions, 1),
                s.titleEnglish, s.titleIndonesian,
                (s.titleEnglish + " " + s.titleIndonesian + " " + s.partnership.rawValue).lowercased(),
                s.agreementCount, s.milestoneCount, s.activityCount, s.participants, s.participantsApproximate ? 1 : 0,
                s.agreements.map { "\($0.kind.rawValue)|\($0.date)" }.joined(separator: ";"),
                s.lastActivityDay?.description, s.lastActivity?.description,
                "|" + s.years.map(String.init).joined(separator: "|") + "|",
                "|" + s.fields.map(\.rawValue).joined(separator: "|") + "|",
                s.activitiesWithoutSources, s.activitiesWithoutParticipants, s.ongoingWithoutEnd,
                s.internal ? 1 : 0, s.procedureStep, s.procedureSince?.description, s.procedureNext,
                s.targetsAttention?.description,
            ]
            rows.append(row)
            for span in s.timeline {
                spans.append([
                    s.partnership.rawValue, span.from?.description ?? Derived.beginning,
                    span.until?.description ?? Derived.end, span.status.rawValue,
                    span.also.map(\.rawValue).joined(separator: ","),
                ])
            }
        }
        try await insertRows(into: Derived.summaries, columns, rows)
        try await insertRows(into: Derived.statuses, ["partnership", "from_day", "until_day", "status", "also"], spans)
    }

    // MARK: - Writing and reading records in bulk

    /// Inserts new records, a few hundred per statement.
    func insert(_ records: [EntityRecord]) async throws {
        try await insertRows(
            into: EntityRecord.schema,
            [
                "id", "kind", "key", "partnership", "city", "sort_date", "label", "document", "version", "format",
                "internal",
            ],
            records.map { record in
                [
                    record.id ?? UUID(), record.kind, record.key, record.partnership, record.city, record.sortDate,
                    record.label, record.document, record.version, record.format, record.internal,
                ]
            })
    }

    // MARK: - Reading records by keys

    /// The records of `T` with the given keys (in chunks under the bind limit).
    func records<T: StoredEntity>(keys: [String]) async throws -> [T] {
        var found: [T] = []
        for chunk in keys.chunked(by: Derived.chunk) {
            found += try await visible(EntityRecord.query(on: database)).filter(\.$kind == T.kind.rawValue)
                .filter(\.$key ~~ chunk).sort(\.$key).all().map { try DocumentCoding.decode(T.self, $0) }
        }
        return found
    }

    /// Records the caller has just written, by key.
    struct KnownRecords {
        var partnerships: [String: Partnership]
        var cities: [String: City]
        var agreements: [String: Agreement]
        var milestones: [String: Milestone]
        var activities: [String: Activity]
        var actions: [String: PlannedAction]

        init(_ dataset: Dataset) {
            func index<T: StoredEntity>(_ values: [T]) -> [String: T] {
                Dictionary(values.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { _, last in last })
            }
            partnerships = index(dataset.partnerships)
            cities = index(dataset.cities)
            agreements = index(dataset.agreements)
            milestones = index(dataset.milestones)
            activities = index(dataset.activities)
            actions = index(dataset.actions)
        }
    }

    /// The children of `T` of the partnerships `stored` (read, except those in `known`, which are taken as they
    /// are) and of the partnerships `new` (all in `known`).
    func children<T: StoredEntity>(
        of stored: [String], _ known: [String: T], new: [String]
    ) async throws
        -> [T]
    {
        let fresh = Set(new)
        var found = known.values.filter { value in value.partnershipColumn.map(fresh.contains) ?? false }
        guard !stored.isEmpty else { return found }
        let sql = try self.sql
        let rows = try await sql.raw(
            "SELECT key, partnership, document, format FROM \(ident: EntityRecord.schema) WHERE kind = \(bind: T.kind.rawValue) AND partnership IN (\(binds: stored))"
        ).all()
        for row in rows {
            let key = try row.decode(column: "key", as: String.self)
            if let value = known[key] {
                // Written by the caller; it may since belong elsewhere, which the stored row already says.
                if value.partnershipColumn == (try row.decode(column: "partnership", as: String?.self)) {
                    found.append(value)
                }
                continue
            }
            found.append(
                try DocumentCoding.decode(
                    T.self, try row.decode(column: "document", as: String.self), key: key,
                    format: try row.decode(column: "format", as: Int.self)))
        }
        return found
    }

    // MARK: - Rebuilding

    /// Makes every derived table again from the records, and rewrites documents of an older format in the current
    /// one (setting their label and format). What migration 005 and a restore run; also a repair.
    func rebuildDerived() async throws {
        let sql = try self.sql
        try await sql.raw("DELETE FROM \(ident: Derived.links)").run()
        try await sql.raw("DELETE FROM \(ident: Derived.summaries)").run()
        try await sql.raw("DELETE FROM \(ident: Derived.statuses)").run()
        try await rebuild(Source.self)
        try await rebuild(Field.self)
        try await rebuild(Framework.self)
        try await rebuild(Crosswalk.self)
        try await rebuild(City.self)
        try await rebuild(Organisation.self)
        try await rebuild(Partnership.self)
        try await rebuild(Agreement.self)
        try await rebuild(Milestone.self)
        try await rebuild(PlannedAction.self)
        try await rebuild(Activity.self)
        try await rebuild(AttachedDocument.self)
        try await rebuild(Initiative.self)
        try await rebuild(Observation.self)
        var after = ""
        while true {
            let keys = try await EntityRecord.query(on: database).filter(\.$kind == EntityKind.partnership.rawValue)
                .filter(\.$key > after).sort(\.$key).field(\.$key).limit(Derived.chunk).all().map(\.key)
            guard let last = keys.last else { break }
            try await refreshSummaries(Set(keys))
            after = last
        }
    }

    private func rebuild<T: StoredEntity>(_ type: T.Type) async throws {
        var after = ""
        while true {
            let batch = try await EntityRecord.query(on: database).filter(\.$kind == T.kind.rawValue)
                .filter(\.$key > after).sort(\.$key).limit(Derived.chunk).all()
            guard let last = batch.last else { break }
            var sets: [LinkSet] = []
            // Partnerships are rebuilt before what is recorded under them, so their marks are current here.
            let hiddenParents = try await hiddenPartnerships(Set(batch.compactMap(\.partnership)))
            for record in batch {
                let value = try DocumentCoding.decode(T.self, record)
                let document = try DocumentCoding.encode(value)
                let hidden = value.markedInternal || record.partnership.map(hiddenParents.contains) == true
                if document != record.document || record.format != Dataset.currentVersion
                    || record.label != value.labelColumn || record.internal != (hidden ? 1 : 0)
                {
                    record.document = document
                    record.format = Dataset.currentVersion
                    record.label = value.labelColumn
                    record.internal = hidden ? 1 : 0
                    try await record.update(on: database)
                }
                sets.append(
                    LinkSet(kind: T.kind, key: record.key, references: value.referencedKeys, internal: hidden))
            }
            try await writeLinks(sets, replacing: [])
            after = last.key
        }
    }
}
