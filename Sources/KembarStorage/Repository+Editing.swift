import FluentKit
import Foundation
import KembarCore

/// The collections people edit one record at a time (frameworks and crosswalks come in by import only).
public enum EditableCollection: String, CaseIterable, Sendable {
    case partnerships, agreements, milestones, actions, activities, documents, cities, initiatives, observations,
        organisations,
        sources
    case fields

    /// The columns of the collection's form.
    public var columns: [FlatColumn] {
        switch self {
        case .partnerships: Partnership.columns
        case .agreements: Agreement.columns
        case .milestones: Milestone.columns
        case .actions: PlannedAction.columns
        case .documents: AttachedDocument.columns
        case .activities: Activity.columns
        case .cities: City.columns
        case .initiatives: Initiative.columns
        case .observations: Observation.columns
        case .organisations: Organisation.columns
        case .sources: Source.columns
        case .fields: Field.columns
        }
    }

    /// The form column a violation of a record of this collection belongs to.
    public func column(for field: String) -> String {
        switch self {
        case .partnerships: Partnership.column(for: field)
        case .agreements: Agreement.column(for: field)
        case .milestones: Milestone.column(for: field)
        case .actions: PlannedAction.column(for: field)
        case .documents: AttachedDocument.column(for: field)
        case .activities: Activity.column(for: field)
        case .cities: City.column(for: field)
        case .initiatives: Initiative.column(for: field)
        case .observations: Observation.column(for: field)
        case .organisations: Organisation.column(for: field)
        case .sources: Source.column(for: field)
        case .fields: Field.column(for: field)
        }
    }

    /// The collection holding records of a stored kind (`activity` → activities), if people edit it.
    public static func named(kind: String) -> EditableCollection? {
        allCases.first { $0.kind.rawValue == kind }
    }

    /// The stored kind of the collection's records (`activities` → `activity`), as the change log names it.
    public var kindName: String { kind.rawValue }

    var kind: EntityKind {
        switch self {
        case .partnerships: .partnership
        case .agreements: .agreement
        case .milestones: .milestone
        case .actions: .action
        case .documents: .document
        case .activities: .activity
        case .cities: .city
        case .initiatives: .initiative
        case .observations: .observation
        case .organisations: .organisation
        case .sources: .source
        case .fields: .field
        }
    }
}

extension Repository {
    /// The stored record's version (1 when created, one more with every change), or `nil` when there is none.
    public func version(_ collection: EditableCollection, key: String) async throws -> Int? {
        try await EntityRecord.query(on: database).filter(\.$kind == collection.kind.rawValue).filter(\.$key == key)
            .first()?.version
    }

    /// The stored record's form values, or `nil` when there is no such record.
    public func formValues(_ collection: EditableCollection, key: String) async throws -> [String: String]? {
        switch collection {
        case .partnerships: try await (one(PartnershipKey(key)) as Partnership?)?.flat
        case .agreements: try await (one(AgreementKey(key)) as Agreement?)?.flat
        case .milestones: try await (one(MilestoneKey(key)) as Milestone?)?.flat
        case .actions: try await (one(ActionKey(key)) as PlannedAction?)?.flat
        case .documents: try await (one(DocumentKey(key)) as AttachedDocument?)?.flat
        case .activities: try await (one(ActivityKey(key)) as Activity?)?.flat
        case .cities: try await (one(CityKey(key)) as City?)?.flat
        case .initiatives: try await (one(InitiativeKey(key)) as Initiative?)?.flat
        case .observations: try await (one(ObservationKey(key)) as Observation?)?.flat
        case .organisations: try await (one(OrganisationKey(key)) as Organisation?)?.flat
        case .sources: try await (one(SourceKey(key)) as Source?)?.flat
        case .fields: try await (one(FieldKey(key)) as Field?)?.flat
        }
    }

    /// Reads a record from form values and saves it — a new record when `creating` (its key must be free), else
    /// the stored record with that key. Throws ``InvalidInput`` whose violations name form columns, and writes
    /// nothing, when any rule is broken. Returns the record's key.
    @discardableResult
    /// - Parameter version: the stored version the edited values were read from (the form's hidden `_version`); when
    ///   the record has changed since, nothing is written and ``Repository/StaleWrite`` says who changed it.
    public func save(
        _ collection: EditableCollection, values: [String: String], creating: Bool,
        as context: WriteContext = WriteContext(actor: "web", channel: .form), basedOn version: Int? = nil
    ) async throws -> String {
        let slot = "\(collection.kind.rawValue)/\((values["key"] ?? "").trimmingCharacters(in: .whitespaces))"
        let expected = creating ? [slot: 0] : version.map { [slot: $0] } ?? [:]
        // A city picked from the gazetteer cites GeoNames: the source comes with the first such city.
        var geonames: [Source] = []
        if collection == .cities, FlatList.items(values["sources"] ?? "").contains(Bundled.geonamesSource.id.rawValue),
            try await source(Bundled.geonamesSource.id) == nil
        {
            geonames = [Bundled.geonamesSource]
        }
        return switch collection {
        case .partnerships:
            try await save(Partnership.self, values, creating, context, expected) { Dataset(partnerships: [$0]) }
        case .agreements:
            try await save(Agreement.self, values, creating, context, expected) { Dataset(agreements: [$0]) }
        case .milestones:
            try await save(Milestone.self, values, creating, context, expected) { Dataset(milestones: [$0]) }
        case .actions:
            try await save(PlannedAction.self, values, creating, context, expected) { Dataset(actions: [$0]) }
        case .documents:
            try await save(AttachedDocument.self, values, creating, context, expected) { Dataset(documents: [$0]) }
        case .activities:
            try await save(Activity.self, values, creating, context, expected) { Dataset(activities: [$0]) }
        case .cities:
            try await save(City.self, values, creating, context, expected) {
                Dataset(sources: geonames, cities: [$0])
            }
        case .initiatives:
            try await save(Initiative.self, values, creating, context, expected) { Dataset(initiatives: [$0]) }
        case .observations:
            try await save(Observation.self, values, creating, context, expected) { Dataset(observations: [$0]) }
        case .organisations:
            try await save(Organisation.self, values, creating, context, expected) { Dataset(organisations: [$0]) }
        case .sources: try await save(Source.self, values, creating, context, expected) { Dataset(sources: [$0]) }
        case .fields: try await save(Field.self, values, creating, context, expected) { Dataset(fields: [$0]) }
        }
    }

    private func save<T: FlatCodable & StoredEntity>(
        _ type: T.Type, _ values: [String: String], _ creating: Bool, _ context: WriteContext,
        _ expected: [String: Int], wrap: (T) -> Dataset
    ) async throws -> String {
        // The form shows every field of the record (its flat form round-trips), so what it sends replaces it whole.
        let record = try T.read(values)
        // Creating over an existing key is refused inside the write transaction (expected version 0).
        if !creating, try await one(record.id) as T? == nil {
            throw InvalidInput([Violation(field: "key", value: record.id.rawValue, rule: .referenceUnknown)])
        }
        do {
            try await importBatch(ImportBatch(wrap(record)), as: context, basedOn: expected)
        } catch let error as InvalidInput {
            throw InvalidInput(
                error.violations.map { violation in
                    var copy = violation
                    copy.location = ""
                    copy.field = T.column(for: violation.field)
                    return copy
                })
        }
        return record.id.rawValue
    }

    /// Deletes a record — with a partnership, its agreements, milestones, planned actions and activities — unless other records
    /// still refer to it; then throws ``InvalidInput`` naming each of them and deletes nothing. The referrers are
    /// read from the links table inside the write transaction, so a record saved meanwhile that refers to it either
    /// is seen here or sees the deletion. With `version` (the one the deleter read), a record changed since is not
    /// deleted: ``StaleWrite``, compared inside the transaction like an edit's.
    public func delete(
        _ collection: EditableCollection, key: String, basedOn version: Int? = nil,
        as context: WriteContext = WriteContext(actor: "web", channel: .form)
    ) async throws {
        let at = Self.timestamp()
        try await writeTransaction { repository in
            let database = repository.database
            guard
                let target = try await EntityRecord.query(on: database).filter(\.$kind == collection.kind.rawValue)
                    .filter(\.$key == key).first()
            else { return }
            if let version, version != target.version {
                throw StaleWrite(
                    kind: target.kind, key: key, expected: version, current: target.version,
                    latest: try await repository.history(kind: target.kind, key: key).last)
            }
            try await repository.authorizeDelete(
                kind: target.kind, key: target.key, partnership: target.partnership, city: target.city,
                grant: context.grant)
            var doomed = [target]
            if collection == .partnerships {
                doomed += try await EntityRecord.query(on: database)
                    .filter(
                        \.$kind ~~ [
                            EntityKind.agreement.rawValue, EntityKind.milestone.rawValue, EntityKind.action.rawValue,
                            EntityKind.activity.rawValue, EntityKind.document.rawValue,
                        ]
                    )
                    .filter(\.$partnership == key).sort(\.$kind).sort(\.$key).all()
            }
            let gone = Set(doomed.map { "\($0.kind)/\($0.key)" })
            var dangling: [Violation] = []
            for record in doomed {
                guard let kind = RecordReference.Kind(rawValue: record.kind) else { continue }
                let referrers = try await repository.referrers(to: kind, record.key, limit: 1000).records
                for referrer in referrers where !gone.contains("\(referrer.kind)/\(referrer.key)") {
                    dangling.append(
                        Violation(
                            location: "\(referrer.kind)/\(referrer.key)", field: record.kind, value: record.key,
                            rule: .referenceUnknown, detail: "still refers to \(record.kind) '\(record.key)'"))
                }
            }
            guard dangling.isEmpty else { throw InvalidInput(dangling) }
            var log: [ChangeRecord] = []
            var partnerships = Set<String>()
            for record in doomed {
                log.append(
                    ChangeRecord(
                        at: at, context: context, kind: record.kind, key: record.key, action: .delete,
                        version: record.version, before: record.document, after: nil))
                if let partnership = record.partnership { partnerships.insert(partnership) }
                if record.kind == EntityKind.partnership.rawValue { partnerships.insert(record.key) }
                try await record.delete(on: database)
            }
            try await repository.log(log)
            try await repository.deleteLinks(
                doomed.compactMap { record in EntityKind(rawValue: record.kind).map { ($0, record.key) } })
            try await repository.refreshSummaries(partnerships)
        }
    }
}

extension Repository {
    /// What deleting the record takes along: a partnership's agreements, milestones, planned actions and activities, by collection
    /// (counted from the index; other records take nothing along).
    public func deletedWith(_ collection: EditableCollection, key: String) async throws -> [(EditableCollection, Int)] {
        guard collection == .partnerships else { return [] }
        var found: [(EditableCollection, Int)] = []
        for child in [EditableCollection.activities, .agreements, .milestones, .actions, .documents] {
            let count = try await EntityRecord.query(on: database).filter(\.$kind == child.kind.rawValue)
                .filter(\.$partnership == key).count()
            if count > 0 { found.append((child, count)) }
        }
        return found
    }
}
