import FluentKit
import Foundation
import KembarCore

/// A record's history, a page at a time, and putting a record back as it was.
extension Repository {
    /// The changes of one record, newest first, `limit` from `offset`, with how many there are.
    public func history(
        kind: String, key: String, limit: Int, offset: Int
    ) async throws -> (
        changes: [Change], total: Int
    ) {
        let query = ChangeRecord.query(on: database).filter(\.$kind == kind).filter(\.$key == key)
        let total = try await query.count()
        let page = try await query.sort(\.$id, .descending).range(
            max(0, offset)..<max(0, offset) + max(1, min(limit, 200))
        ).all()
        return (page.map(\.change), total)
    }

    /// One change, by its sequence.
    public func change(_ sequence: Int) async throws -> Change? {
        try await ChangeRecord.find(sequence, on: database)?.change
    }

    /// Puts a record back as it was before change `sequence`: its earlier document is written again (a created
    /// record is deleted; a deleted one comes back), through the same checks, authorization and log as any write —
    /// the revert is itself a change. Refused as stale (``StaleWrite``) when the record changed since it was read.
    /// Returns the collection and key, or `nil` for a change no form edits (a user, a framework).
    @discardableResult
    public func revert(
        change sequence: Int, as context: WriteContext
    ) async throws -> (
        collection: EditableCollection, key: String
    )? {
        guard let change = try await change(sequence), let collection = EditableCollection.named(kind: change.kind)
        else { return nil }
        let current = try await version(collection, key: change.key) ?? 0
        guard let before = change.before else {
            try await delete(collection, key: change.key, as: context)
            return (collection, change.key)
        }
        var dataset = try collection.dataset(document: before, key: change.key)
        var expected = ["\(collection.kind.rawValue)/\(change.key)": current]
        if change.action == .delete, collection == .partnerships {
            // What the same delete took along comes back with it (each must still be free: 0).
            for child in try await deletedWith(change) {
                dataset.merge(try child.collection.dataset(document: child.before, key: child.key))
                expected["\(child.collection.kind.rawValue)/\(child.key)"] = 0
            }
        }
        try await importBatch(ImportBatch(dataset), as: context, basedOn: expected)
        return (collection, change.key)
    }
}

extension Repository {
    /// The agreements, milestones and activities the delete of a partnership (`change`) took along: logged by the
    /// same write just after it, read a window of sequence numbers at a time until a window holds none of them.
    func deletedWith(_ change: Change) async throws -> [(collection: EditableCollection, key: String, before: String)] {
        let kinds: [EntityKind: EditableCollection] = [
            .agreement: .agreements, .milestone: .milestones, .action: .actions, .activity: .activities,
            .document: .documents,
        ]
        var found: [(collection: EditableCollection, key: String, before: String)] = []
        var from = change.sequence + 1
        let window = 500
        while true {
            let rows = try await ChangeRecord.query(on: database).filter(\.$id >= from)
                .filter(\.$id < from + window).sort(\.$id).all()
            var matched = false
            for row in rows where row.at == change.at && row.actor == change.actor && row.action == "delete" {
                guard let kind = EntityKind(rawValue: row.kind), let collection = kinds[kind],
                    let before = row.before, let record = try? collection.dataset(document: before, key: row.key),
                    (record.agreements.map(\.partnership) + record.milestones.map(\.partnership)
                        + record.actions.map(\.partnership) + record.activities.map(\.partnership)
                        + record.documents.map(\.partnership)) == [
                            PartnershipKey(change.key)
                        ]
                else { continue }
                found.append((collection, row.key, before))
                matched = true
            }
            guard matched else { return found }
            from += window
        }
    }
}

extension EditableCollection {
    /// A stored document of this collection as a dataset of that one record.
    func dataset(document: String, key: String) throws -> Dataset {
        let format = Dataset.currentVersion
        return switch self {
        case .partnerships:
            Dataset(partnerships: [try DocumentCoding.decode(Partnership.self, document, key: key, format: format)])
        case .agreements:
            Dataset(agreements: [try DocumentCoding.decode(Agreement.self, document, key: key, format: format)])
        case .milestones:
            Dataset(milestones: [try DocumentCoding.decode(Milestone.self, document, key: key, format: format)])
        case .documents:
            Dataset(documents: [try DocumentCoding.decode(AttachedDocument.self, document, key: key, format: format)])
        case .actions:
            Dataset(actions: [try DocumentCoding.decode(PlannedAction.self, document, key: key, format: format)])
        case .activities:
            Dataset(activities: [try DocumentCoding.decode(Activity.self, document, key: key, format: format)])
        case .cities: Dataset(cities: [try DocumentCoding.decode(City.self, document, key: key, format: format)])
        case .initiatives:
            Dataset(initiatives: [try DocumentCoding.decode(Initiative.self, document, key: key, format: format)])
        case .observations:
            Dataset(observations: [try DocumentCoding.decode(Observation.self, document, key: key, format: format)])
        case .organisations:
            Dataset(organisations: [try DocumentCoding.decode(Organisation.self, document, key: key, format: format)])
        case .sources: Dataset(sources: [try DocumentCoding.decode(Source.self, document, key: key, format: format)])
        case .fields: Dataset(fields: [try DocumentCoding.decode(Field.self, document, key: key, format: format)])
        }
    }
}

/// Which changes an audit export covers; every condition is optional.
public struct AuditQuery: Sendable, Equatable {
    /// ISO 8601 timestamps (or days, `2026-01-01`), inclusive start, exclusive end.
    public var since: String?
    public var until: String?
    public var actor: String?
    public var kind: String?
    public var key: String?

    public init(
        since: String? = nil, until: String? = nil, actor: String? = nil, kind: String? = nil, key: String? = nil
    ) {
        self.since = since
        self.until = until
        self.actor = actor
        self.kind = kind
        self.key = key
    }
}

extension Repository {
    /// The changes `query` selects, oldest first, after sequence `after`, at most `limit` of them: an export pages
    /// through the log this way without holding it whole.
    public func audit(_ query: AuditQuery, after: Int = 0, limit: Int = 1000) async throws -> [Change] {
        var rows = ChangeRecord.query(on: database).filter(\.$id > after)
        if let since = query.since { rows = rows.filter(\.$at >= since) }
        if let until = query.until { rows = rows.filter(\.$at < until) }
        if let actor = query.actor { rows = rows.filter(\.$actor == actor) }
        if let kind = query.kind { rows = rows.filter(\.$kind == kind) }
        if let key = query.key { rows = rows.filter(\.$key == key) }
        return try await rows.sort(\.$id).limit(max(1, min(limit, 5000))).all().map(\.change)
    }
}
