import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// Reads and writes Kembar's records as domain values. Records never leave this module.
public struct Repository: Sendable {
    let database: any Database
    /// Decoded records shared by the repositories of one store; `nil` inside a transaction.
    let cache: RecordCache?
    /// Inside a write transaction, the store's cache: read where what the transaction sees is provably the same,
    /// never stored to (the transaction may still roll back).
    let committed: RecordCache?
    /// The store's gate of writers, one at a time (``FairGate``); `nil` inside a transaction, which already holds its turn.
    let writers: FairGate?
    /// For a reader who is not signed in: sources come without the personal data they hold (an interviewee's name
    /// and office).
    public private(set) var publicReader = false

    init(
        database: any Database, cache: RecordCache? = nil, committed: RecordCache? = nil, writers: FairGate? = nil
    ) {
        self.database = database
        self.cache = cache
        self.committed = committed
        self.writers = writers
    }

    /// This repository for a reader who is not signed in (see ``publicReader``).
    public func forPublic(_ isPublic: Bool = true) -> Repository {
        var copy = self
        copy.publicReader = isPublic
        return copy
    }

    /// Sources as this reader may see them.
    func shown(_ sources: [Source]) -> [Source] {
        publicReader ? sources.map(\.withoutPersonalData) : sources
    }

    // MARK: - Reading

    /// Whether the database holds no record at all (a new installation).
    public func isEmpty() async throws -> Bool {
        try await EntityRecord.query(on: database).field(\.$key).first() == nil
    }

    /// Number of records of each kind, by kind name.
    public func counts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for kind in EntityKind.allCases {
            counts[kind.rawValue] = try await visible(EntityRecord.query(on: database)).filter(\.$kind == kind.rawValue)
                .count()
        }
        return counts
    }

    /// Every record, as one dataset (what `kembar export` writes).
    public func dataset() async throws -> Dataset {
        Dataset(
            sources: try await all(), fields: try await all(), frameworks: try await all(),
            crosswalks: try await all(), cities: try await all(), organisations: try await all(),
            partnerships: try await all(), agreements: try await all(), milestones: try await all(),
            actions: try await all(), activities: try await all(), documents: try await all(),
            initiatives: try await all(), observations: try await all()
        ).canonical
    }

    public func partnerships() async throws -> [Partnership] { try await all() }
    public func cities() async throws -> [City] { try await all() }
    public func frameworks() async throws -> [Framework] { try await all() }
    public func crosswalks() async throws -> [Crosswalk] { try await all() }
    public func fields() async throws -> [Field] { try await all() }

    /// Every activity and observation, each in one query — whole kinds, for the CLI and tests; pages use the
    /// paged and keyed reads below.
    public func allActivities() async throws -> [Activity] { try await all() }
    public func allObservations() async throws -> [Observation] { try await all() }

    /// Every framework and crosswalk: what evaluations, profiles and reports place tags with.
    public func frameworkLibrary() async throws -> FrameworkLibrary {
        FrameworkLibrary(frameworks: try await frameworks(), crosswalks: try await crosswalks())
    }

    public func partnership(_ key: PartnershipKey) async throws -> Partnership? { try await one(key) }
    public func organisation(_ key: OrganisationKey) async throws -> Organisation? { try await one(key) }
    public func activity(_ key: ActivityKey) async throws -> Activity? { try await one(key) }
    public func agreement(_ key: AgreementKey) async throws -> Agreement? { try await one(key) }
    public func milestone(_ key: MilestoneKey) async throws -> Milestone? { try await one(key) }
    public func action(_ key: ActionKey) async throws -> PlannedAction? { try await one(key) }
    public func initiative(_ key: InitiativeKey) async throws -> Initiative? { try await one(key) }
    public func city(_ key: CityKey) async throws -> City? { try await one(key) }
    public func framework(_ key: FrameworkKey) async throws -> Framework? { try await one(key) }
    public func source(_ key: SourceKey) async throws -> Source? {
        try await (one(key) as Source?).map { shown([$0])[0] }
    }

    /// Agreements, milestones and activities of one partnership, each in date order.
    public func agreements(of key: PartnershipKey) async throws -> [Agreement] { try await children(of: key) }
    public func milestones(of key: PartnershipKey) async throws -> [Milestone] { try await children(of: key) }
    public func actions(of key: PartnershipKey) async throws -> [PlannedAction] { try await children(of: key) }
    public func activities(of key: PartnershipKey) async throws -> [Activity] { try await children(of: key) }

    /// Initiatives and observations of one city, in date order.
    public func initiatives(of key: CityKey) async throws -> [Initiative] { try await belonging(to: key) }
    public func observations(of key: CityKey) async throws -> [Observation] { try await belonging(to: key) }

    /// A partnership with everything recorded under it, and the records these refer to: the slice of the database
    /// that `kembar export --partnership` writes and the partnership pages show.
    public func dataset(partnership key: PartnershipKey) async throws -> Dataset? {
        guard let partnership: Partnership = try await one(key) else { return nil }
        let cityKeys = [partnership.city] + [partnership.partnerCity].compactMap { $0 }
        var slice = Dataset(partnerships: [partnership])
        slice.agreements = try await children(of: key)
        slice.milestones = try await children(of: key)
        slice.actions = try await children(of: key)
        slice.activities = try await children(of: key)
        slice.documents = try await children(of: key)
        for city in cityKeys {
            if let record: City = try await one(city) { slice.cities.append(record) }
            slice.initiatives += try await belonging(to: city)
            slice.observations += try await belonging(to: city)
        }
        // The organisations and sources the slice names, by key; fields and frameworks are few (and cached).
        let named = slice.referencedKeys
        slice.organisations = try await records(keys: named.filter { $0.kind == .organisation }.map(\.key).sorted())
        slice.sources = shown(try await records(keys: slice.referencedSources.map(\.rawValue).sorted()))
        slice.fields = try await all()
        slice.frameworks = try await all()
        slice.crosswalks = try await all()
        return slice.slice(partnership: key)
    }

    /// The stored keys `dataset` refers to — only those, read by key — for validating it: a save reads a few rows,
    /// not the whole database. Frameworks come whole (a tag names a node of one), and the observations of the
    /// dataset's cities, for the one-value-per-slot rule.
    public func referenceIndex(for dataset: Dataset) async throws -> ReferenceIndex {
        try await referenceIndex(for: dataset, frameworks: try await all())
    }

    /// Every framework, inside a write transaction that has written nothing yet: the store's cached copy when the
    /// change log names no framework since it was read (one indexed query instead of decoding every framework).
    func frameworksBeforeWriting() async throws -> [Framework] {
        if let committed, let entry = committed.entry(.framework), let values = entry.values as? [Framework],
            try await ChangeRecord.query(on: database).filter(\.$id > entry.sequence)
                .filter(\.$kind == EntityKind.framework.rawValue).field(\.$id).first() == nil
        {
            return values
        }
        return try await all()
    }

    func referenceIndex(for dataset: Dataset, frameworks: [Framework]) async throws -> ReferenceIndex {
        var index = ReferenceIndex()
        let wanted = Dictionary(grouping: dataset.referencedKeys, by: \.kind).mapValues { $0.map(\.key).sorted() }
        func stored(_ kind: EntityKind, _ keys: [String]) async throws -> [EntityRecord] {
            var found: [EntityRecord] = []
            for chunk in keys.chunked(by: Derived.chunk) {
                found += try await EntityRecord.query(on: database).filter(\.$kind == kind.rawValue)
                    .filter(\.$key ~~ chunk).field(\.$key).field(\.$partnership).all()
            }
            return found
        }
        for (kind, keys) in wanted {
            switch kind {
            case .source: index.sources.formUnion(try await stored(.source, keys).map { SourceKey($0.key) })
            case .field: index.fields.formUnion(try await stored(.field, keys).map { FieldKey($0.key) })
            case .city: index.cities.formUnion(try await stored(.city, keys).map { CityKey($0.key) })
            case .organisation:
                index.organisations.formUnion(try await stored(.organisation, keys).map { OrganisationKey($0.key) })
            case .partnership:
                index.partnerships.formUnion(try await stored(.partnership, keys).map { PartnershipKey($0.key) })
            case .agreement:
                for row in try await stored(.agreement, keys) {
                    index.agreements[AgreementKey(row.key)] = PartnershipKey(row.partnership ?? "")
                }
            case .action:
                for row in try await stored(.action, keys) {
                    index.actions[ActionKey(row.key)] = PartnershipKey(row.partnership ?? "")
                }
            case .milestone:
                for row in try await stored(.milestone, keys) {
                    index.milestones[MilestoneKey(row.key)] = PartnershipKey(row.partnership ?? "")
                }
            case .activity:
                for row in try await stored(.activity, keys) {
                    index.activities[ActivityKey(row.key)] = PartnershipKey(row.partnership ?? "")
                }
            case .framework: break
            }
        }
        var observations: [Observation] = []
        for chunk in Set(dataset.observations.map(\.city.rawValue)).sorted().chunked(by: Derived.chunk) {
            observations += try await EntityRecord.query(on: database).filter(
                \.$kind == EntityKind.observation.rawValue
            )
            .filter(\.$city ~~ chunk).all().map { try DocumentCoding.decode(Observation.self, $0) }
        }
        index.add(Dataset(frameworks: frameworks, observations: observations))
        index.procedureSteps = Set(Bundled.procedures().flatMap { $0.steps.map(\.id) })
        index.countryCodes = Bundled.codes?.countries
        index.subdivisionCodes = Bundled.codes?.subdivisions
        return index
    }

    // MARK: - Writing

    /// What an import did, or — for a dry run — would do.
    public struct ImportSummary: Equatable, Sendable {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        /// Every record of the files, in the order written: added, changed (with each field's change) or kept.
        public var changes: [RecordChange] = []
        public var mode: ImportMode = .replace
        /// Nothing was written: the summary says what an import would do.
        public var dryRun = false
        public init() {}

        /// Keys of stored records the import replaced (or would replace) whole — the default mode's cost, named.
        public var replaced: [String] {
            mode == .replace ? changes.filter { $0.action == .change }.map { "\($0.collection)/\($0.key)" } : []
        }
    }

    /// A write based on a version of a record that is no longer the stored one: someone else saved it since.
    /// Nothing was written; `latest` says who changed it, when, and what it is now.
    public struct StaleWrite: Error, Sendable {
        public var kind: String
        public var key: String
        /// The version the write was based on, and the one stored now.
        public var expected: Int
        public var current: Int
        /// The change that made the stored version, when the log has it.
        public var latest: Change?
    }

    /// An import refused because the database holds nothing it could refer to: it needs the bundled data first.
    public struct EmptyDatabase: Error, Equatable, Sendable {
        public var violations: [Violation]
    }

    /// Validates `dataset` against the domain rules and what is stored, then writes it in one transaction:
    /// records with a new key are inserted, records with a known key replaced. Throws ``InvalidInput`` with every
    /// violation — and writes nothing — when any rule is broken.
    @discardableResult
    public func importDataset(_ dataset: Dataset) async throws -> ImportSummary {
        try await importBatch(ImportBatch(dataset))
    }

    /// Checks every file of `batch` together against the domain rules and what is stored, then writes them in one
    /// transaction — or throws ``InvalidInput`` with every problem, each located in its file, and writes nothing.
    ///
    /// The stored keys are read inside the write transaction, so the check and the write see the same database.
    /// - Parameters:
    ///   - mode: `replace` (a stored record is replaced whole) or `merge` (the file's fields and list items are added
    ///     to it; the merged record is checked against the rules again).
    ///   - dryRun: check and compare everything, report the changes field by field, write nothing.
    /// - Throws: ``InvalidInput``, or ``EmptyDatabase`` when the database is empty and the files refer to records
    ///   the bundled data would provide.
    @discardableResult
    public func importBatch(
        _ batch: ImportBatch, mode: ImportMode = .replace, dryRun: Bool = false,
        as context: WriteContext = WriteContext(actor: "kembar", channel: .importer),
        basedOn expected: [String: Int] = [:]
    ) async throws -> ImportSummary {
        // Brings the cached frameworks up to date before the transaction, which may then use them.
        if cache != nil { _ = try await frameworks() }
        return try await writeTransaction { repository in
            try await repository.authorize(batch.dataset, grant: context.grant)
            let violations = batch.violations(
                existing: try await repository.referenceIndex(
                    for: batch.dataset, frameworks: try await repository.frameworksBeforeWriting()))
            if !violations.isEmpty {
                if violations.contains(where: { $0.rule == .referenceUnknown }), try await repository.isEmpty() {
                    throw EmptyDatabase(violations: violations)
                }
                throw InvalidInput(violations)
            }
            var summary = ImportSummary()
            summary.mode = mode
            summary.dryRun = dryRun
            var writer = Writer(
                repository: repository, mode: mode, dryRun: dryRun, context: context, expected: expected)
            let dataset = batch.dataset
            try await writer.upsert(dataset.sources, into: &summary)
            try await writer.upsert(dataset.fields, into: &summary)
            try await writer.upsert(dataset.frameworks, into: &summary)
            try await writer.upsert(dataset.crosswalks, into: &summary)
            try await writer.upsert(dataset.cities, into: &summary)
            try await writer.upsert(dataset.organisations, into: &summary)
            try await writer.upsert(dataset.partnerships, into: &summary)
            try await writer.upsert(dataset.agreements, into: &summary)
            try await writer.upsert(dataset.milestones, into: &summary)
            try await writer.upsert(dataset.actions, into: &summary)
            try await writer.upsert(dataset.activities, into: &summary)
            try await writer.upsert(dataset.documents, into: &summary)
            try await writer.upsert(dataset.initiatives, into: &summary)
            try await writer.upsert(dataset.observations, into: &summary)
            if mode == .merge {
                // A merged record combines two valid ones but may still break a rule (a breakdown now larger than
                // its count): check what would be stored, located by record.
                let problems = writer.merged.violations(
                    existing: try await repository.referenceIndex(for: writer.merged))
                if !problems.isEmpty {
                    throw InvalidInput(
                        problems.map { $0.located(at: "\($0.location) (" + Self.mergedNote + ")") })
                }
            }
            if !dryRun {
                try await repository.log(writer.log)
                try await writer.updateDerived()
            }
            return summary
        }
    }

    static let mergedNote = "after merging with the stored record"

    /// Writes (or, in a dry run, compares) the records of one import.
    struct Writer {
        let repository: Repository
        let mode: ImportMode
        let dryRun: Bool
        let context: WriteContext
        let at = Repository.timestamp()
        /// In merge mode, the merged records, for checking them again.
        var merged = Dataset()
        /// The changes written, for the log.
        var log: [ChangeRecord] = []
        /// The references of every record written, and the updated records whose old references go.
        var links: [LinkSet] = []
        var relinked: [(EntityKind, String)] = []
        /// Partnerships whose summary the write changes: written, or with a child or a city written.
        var partnerships = Set<String>()
        var cities = Set<String>()
        /// The values written, and the partnerships created, for the summaries.
        var written = Dataset()
        var created = Set<String>()
        /// `kind/key` → the version a write was based on (a form's hidden version): a different stored version
        /// refuses the write; 0 means the record must not exist (a create).
        let expected: [String: Int]

        init(
            repository: Repository, mode: ImportMode, dryRun: Bool, context: WriteContext, expected: [String: Int]
        ) {
            self.repository = repository
            self.mode = mode
            self.dryRun = dryRun
            self.context = context
            self.expected = expected
        }

        /// Brings the links and partnership summaries up to date with what the write changed.
        func updateDerived() async throws {
            try await repository.writeLinks(links, replacing: relinked)
            try await repository.writePlaces(written.cities)
            try await repository.refreshSummaries(
                partnerships.union(try await repository.partnerships(ofCities: cities)), written: written,
                new: created)
        }

        /// Notes what a written record changes beyond itself.
        mutating func touched<T: StoredEntity>(
            _ value: T, previousPartnership: String?, replacing: Bool, hidden: Bool
        ) {
            links.append(
                LinkSet(kind: T.kind, key: value.id.rawValue, references: value.referencedKeys, internal: hidden))
            if replacing { relinked.append((T.kind, value.id.rawValue)) }
            switch T.kind {
            case .partnership, .city, .agreement, .milestone, .action, .activity:
                T.add([value], to: &written)
                if T.kind == .partnership, !replacing { created.insert(value.id.rawValue) }
            default: break
            }
            switch T.kind {
            case .partnership: partnerships.insert(value.id.rawValue)
            case .city: cities.insert(value.id.rawValue)
            default:
                if let partnership = value.partnershipColumn { partnerships.insert(partnership) }
                if let previousPartnership { partnerships.insert(previousPartnership) }
            }
        }

        mutating func record(
            _ kind: EntityKind, _ key: String, _ action: Change.Action, version: Int, before: String?, after: String?
        ) {
            log.append(
                ChangeRecord(
                    at: at, context: context, kind: kind.rawValue, key: key, action: action, version: version,
                    before: before, after: after))
        }

        mutating func upsert<T: StoredEntity>(_ values: [T], into summary: inout ImportSummary) async throws {
            guard !values.isEmpty else { return }
            let database = repository.database
            let keys = values.map(\.id.rawValue)
            var existing: [String: EntityRecord] = [:]
            // Look up existing records in chunks, to stay under bind-parameter limits.
            for chunk in keys.chunked(by: Derived.chunk) {
                for record in try await EntityRecord.query(on: database).filter(\.$kind == T.kind.rawValue)
                    .filter(\.$key ~~ chunk).all()
                {
                    existing[record.key] = record
                }
            }
            var fresh: [EntityRecord] = []
            var mergedValues: [T] = []
            // A record under a partnership marked internal is hidden with it; partnerships are written first.
            let hiddenParents = try await repository.hiddenPartnerships(Set(values.compactMap(\.partnershipColumn)))
            func hidden(_ value: T) -> Bool {
                value.markedInternal || value.partnershipColumn.map(hiddenParents.contains) == true
            }
            var cascades: [(key: String, hidden: Bool)] = []
            for incoming in values {
                let key = incoming.id.rawValue
                guard let record = existing[key] else {
                    summary.changes.append(RecordChange(collection: T.collection, key: key, action: .add))
                    let document = try DocumentCoding.encode(incoming)
                    fresh.append(
                        EntityRecord(
                            kind: T.kind, key: key, partnership: incoming.partnershipColumn,
                            city: incoming.cityColumn, sortDate: incoming.sortDateColumn, label: incoming.labelColumn,
                            document: document, internal: hidden(incoming)))
                    record(T.kind, key, .create, version: 1, before: nil, after: document)
                    touched(incoming, previousPartnership: nil, replacing: false, hidden: hidden(incoming))
                    continue
                }
                if expected["\(T.kind.rawValue)/\(key)"] == 0 {
                    // A create: the key was free when the form was read, and must still be.
                    throw InvalidInput([
                        Violation(field: "id", value: key, rule: .keyDuplicated, detail: "choose another key")
                    ])
                }
                if let version = expected["\(T.kind.rawValue)/\(key)"], version != record.version {
                    throw StaleWrite(
                        kind: T.kind.rawValue, key: key, expected: version, current: record.version,
                        latest: try await repository.history(kind: T.kind.rawValue, key: key).last)
                }
                let stored = try DocumentCoding.decode(T.self, record)
                let value = mode == .merge ? try RecordMerge.merge(stored: stored, incoming: incoming) : incoming
                if mode == .merge { mergedValues.append(value) }
                let document = try DocumentCoding.encode(value)
                if record.document == document && record.format == Dataset.currentVersion {
                    summary.unchanged += 1
                    summary.changes.append(RecordChange(collection: T.collection, key: key, action: .keep))
                    continue
                }
                summary.updated += 1
                summary.changes.append(
                    RecordChange(
                        collection: T.collection, key: key, action: .change,
                        fields: try RecordMerge.changes(from: stored, to: value)))
                guard !dryRun else { continue }
                self.record(T.kind, key, .update, version: record.version + 1, before: record.document, after: document)
                let isHidden = hidden(value)
                touched(value, previousPartnership: record.partnership, replacing: true, hidden: isHidden)
                if T.kind == .partnership, record.internal != (isHidden ? 1 : 0) { cascades.append((key, isHidden)) }
                record.internal = isHidden ? 1 : 0
                record.document = document
                record.format = Dataset.currentVersion
                record.label = value.labelColumn
                record.partnership = value.partnershipColumn
                record.city = value.cityColumn
                record.sortDate = value.sortDateColumn
                record.version += 1
                try await record.update(on: database)
            }
            if mode == .merge { T.add(mergedValues, to: &merged) }
            summary.inserted += fresh.count
            guard !dryRun else { return }
            try await repository.insert(fresh)
            for cascade in cascades {
                try await repository.cascadeInternal(partnership: cascade.key, hidden: cascade.hidden)
            }
        }
    }

    /// A source named for an import is not stored.
    public struct UnknownSource: Error, Sendable {
        public var key: SourceKey
    }

    /// For a CSV file that is a list of twinning links (its header names city1 … lng2): the stored cities its places
    /// are matched to — those of the countries the file names, no others —, the country names, and the source to
    /// cite — `source`, or one named after the file. `nil` for any other CSV file, which then costs no read of the
    /// cities.
    public func pairListContext(
        forCSV text: String, file: String, source key: SourceKey? = nil, skipInvalidRows: Bool = false
    ) async throws -> ImportBatch.PairListContext? {
        let header = text.prefix(while: { $0 != "\n" && $0 != "\r" }).split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard PairList.isPairList(header) else { return nil }
        let source: Source
        if let key {
            guard let stored = try await self.source(key) else { throw UnknownSource(key: key) }
            source = stored
        } else {
            let name = URL(fileURLWithPath: file).lastPathComponent
            source = Source(
                id: SourceKey(PairList.sourceKey(forFile: name)), kind: .dataset, title: "Twinning links: \(name)",
                note: "The list of twinning links an import read; name its original source with --source.")
        }
        let geonames = Bundled.geonamesSource
        let places = ImportBatch.PlaceMatcher(
            source: geonames, sourceStored: try await self.source(geonames.id) != nil, year: Day.today().year
        ) { name, country, near in
            Gazetteer.shared.match(name, country: country, near: near).map {
                ImportBatch.PlaceMatcher.Match(
                    id: $0.geonamesID, subdivision: $0.subdivision, population: $0.population)
            }
        }
        let countries = try Bundled.countries()
        return ImportBatch.PairListContext(
            countries: countries, cities: try await cities(inCountries: PairList.countryCodes(text, countries)),
            source: source,
            skipInvalidRows: skipInvalidRows, recordedPairs: try await cityPairs(), places: places)
    }

    // MARK: - Generic record access

    /// Every record of a kind, in date then key order. The small kinds every page needs (fields, frameworks,
    /// crosswalks) are served from the cache, which the change log keeps current; the others are read whole only by
    /// exports, never kept, so a server's memory does not grow with the registry.
    func all<T: StoredEntity>() async throws -> [T] {
        guard let cache, Self.cachedKinds.contains(T.kind) else { return try await load() }
        let sequence = try await latestSequence()
        guard let entry = cache.entry(T.kind), let cached = entry.values as? [T] else {
            let values: [T] = try await load()
            cache.store(values, T.kind, at: sequence)
            return values
        }
        if entry.sequence == sequence { return cached }
        // Only what the log names since the cached sequence is read again; a flood of changes reloads the kind.
        let changed = try await ChangeRecord.query(on: database).filter(\.$id > entry.sequence)
            .filter(\.$kind == T.kind.rawValue).field(\.$key).limit(Self.patchLimit + 1).all()
        guard changed.count <= Self.patchLimit else {
            let values: [T] = try await load()
            cache.store(values, T.kind, at: sequence)
            return values
        }
        let keys = Set(changed.map(\.key))
        var values = cached
        if !keys.isEmpty {
            let fresh: [T] = try await records(keys: keys.sorted())
            values = Self.ordered(values.filter { !keys.contains($0.id.rawValue) } + fresh)
        }
        cache.store(values, T.kind, at: sequence)
        return values
    }

    static let cachedKinds: Set<EntityKind> = [.field, .framework, .crosswalk]

    /// Changes a cached kind patches in before it reads the whole kind again.
    static let patchLimit = 2000

    /// Date then key order, undated records first — the same on every backend and for patched caches.
    static func ordered<T: StoredEntity>(_ values: [T]) -> [T] {
        values.sorted { a, b in
            let x = a.sortDateColumn ?? ""
            let y = b.sortDateColumn ?? ""
            return x != y ? x < y : a.id.rawValue < b.id.rawValue
        }
    }

    private func load<T: StoredEntity>() async throws -> [T] {
        Self.ordered(
            try await visible(EntityRecord.query(on: database)).filter(\.$kind == T.kind.rawValue).all()
                .map { try DocumentCoding.decode(T.self, $0) })
    }

    func one<T: StoredEntity>(_ key: T.ID) async throws -> T? {
        try await visible(EntityRecord.query(on: database)).filter(\.$kind == T.kind.rawValue)
            .filter(\.$key == key.rawValue).first().map { try DocumentCoding.decode(T.self, $0) }
    }

    func children<T: StoredEntity>(of partnership: PartnershipKey) async throws -> [T] {
        try await documents(T.self, where: "partnership", is: partnership.rawValue)
    }

    func belonging<T: StoredEntity>(to city: CityKey) async throws -> [T] {
        try await documents(T.self, where: "city", is: city.rawValue)
    }

    /// The records of `T` whose indexed `column` is `value`, in date then key order — read with one plain query
    /// (the documents are all a page needs, so Fluent's model layer is skipped on this hot path).
    private func documents<T: StoredEntity>(
        _ type: T.Type, where column: String, is value: String
    ) async throws
        -> [T]
    {
        try await sql.raw(
            "SELECT key, document, format FROM \(ident: EntityRecord.schema) WHERE kind = \(bind: T.kind.rawValue) AND \(ident: column) = \(bind: value)"
                + publicOnly()
                + " ORDER BY (sort_date IS NOT NULL), sort_date, key"
        ).all().map { row in
            try DocumentCoding.decode(
                T.self, try row.decode(column: "document", as: String.self),
                key: try row.decode(column: "key", as: String.self),
                format: try row.decode(column: "format", as: Int.self))
        }
    }
}
