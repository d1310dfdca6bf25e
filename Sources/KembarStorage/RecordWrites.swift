import FluentKit
import Foundation
import KembarCore

extension Repository {
    /// What a write of one record through the API did.
    public struct RecordWritten: Sendable, Equatable {
        public var key: String
        public var version: Int
    }

    /// A body that is not one record of the collection it was sent to.
    public struct NotOneRecord: Error, Sendable {
        public var collection: String
        public var count: Int
    }

    /// Writes one record given as JSON in the dataset format (docs/DATASET.md): created when `version` is `nil`
    /// (the key must be free), else replaced whole if the stored version is still `version`. The same validation,
    /// authorization and change log as every other write: it is an import of one record.
    ///
    /// - Throws: ``InvalidInput`` (located as the importer locates it), ``NotOneRecord``, ``StaleWrite``,
    ///   ``NotPermitted``.
    public func write(
        _ collection: EditableCollection, json: Data, key: String? = nil, version: Int? = nil,
        as context: WriteContext
    ) async throws -> RecordWritten {
        var wrapped = Data("{\"format\":\"\(Dataset.formatName)\",\"version\":\(Dataset.currentVersion),".utf8)
        wrapped += Data("\"\(collection.rawValue)\":[".utf8) + json + Data("]}".utf8)
        let dataset = try DatasetCodec.decode(wrapped)
        let keys = collection.keys(in: dataset)
        guard keys.count == 1, dataset.recordCount == 1, let written = keys.first else {
            throw NotOneRecord(collection: collection.rawValue, count: dataset.recordCount)
        }
        if let key, key != written {
            throw InvalidInput([
                Violation(field: "id", value: written, rule: .valueInvalid, detail: "the address names '\(key)'")
            ])
        }
        try await importBatch(
            ImportBatch(dataset), as: context, basedOn: ["\(collection.kind.rawValue)/\(written)": version ?? 0])
        return RecordWritten(key: written, version: try await self.version(collection, key: written) ?? 1)
    }
}

extension EditableCollection {
    /// The keys of the records of this collection in `dataset`.
    func keys(in dataset: Dataset) -> [String] {
        switch self {
        case .partnerships: dataset.partnerships.map(\.id.rawValue)
        case .agreements: dataset.agreements.map(\.id.rawValue)
        case .milestones: dataset.milestones.map(\.id.rawValue)
        case .actions: dataset.actions.map(\.id.rawValue)
        case .activities: dataset.activities.map(\.id.rawValue)
        case .documents: dataset.documents.map(\.id.rawValue)
        case .cities: dataset.cities.map(\.id.rawValue)
        case .initiatives: dataset.initiatives.map(\.id.rawValue)
        case .observations: dataset.observations.map(\.id.rawValue)
        case .organisations: dataset.organisations.map(\.id.rawValue)
        case .sources: dataset.sources.map(\.id.rawValue)
        case .fields: dataset.fields.map(\.id.rawValue)
        }
    }
}

extension Repository {
    /// The stored versions of the records of `collection` named by `keys`, by key (those this reader may see): what a
    /// client sends back as `If-Match` to change one.
    public func versions(_ collection: EditableCollection, keys: some Collection<String>) async throws -> [String: Int]
    {
        var found: [String: Int] = [:]
        for chunk in Set(keys).sorted().chunked(by: Derived.chunk) {
            let records = try await visible(EntityRecord.query(on: database))
                .filter(\.$kind == collection.kind.rawValue).filter(\.$key ~~ chunk).field(\.$key).field(\.$version)
                .all()
            for record in records { found[record.key] = record.version }
        }
        return found
    }

    /// One record as the dataset format writes it — what ``write(_:json:key:version:as:)`` takes — with its version;
    /// `nil` when there is none this reader may see.
    public func written(_ collection: EditableCollection, key: String) async throws -> (json: Data, version: Int)? {
        guard
            let record = try await visible(EntityRecord.query(on: database))
                .filter(\.$kind == collection.kind.rawValue).filter(\.$key == key).first()
        else { return nil }
        func current<T: StoredEntity>(_ type: T.Type) throws -> String {
            try DocumentCoding.encode(DocumentCoding.decode(type, record))
        }
        let document =
            switch collection {
            case .partnerships: try current(Partnership.self)
            case .agreements: try current(Agreement.self)
            case .milestones: try current(Milestone.self)
            case .actions: try current(PlannedAction.self)
            case .activities: try current(Activity.self)
            case .documents: try current(AttachedDocument.self)
            case .cities: try current(City.self)
            case .initiatives: try current(Initiative.self)
            case .observations: try current(Observation.self)
            case .organisations: try current(Organisation.self)
            case .sources: try DocumentCoding.encode(shown([DocumentCoding.decode(Source.self, record)])[0])
            case .fields: try current(Field.self)
            }
        return (Data(document.utf8), record.version)
    }
}
