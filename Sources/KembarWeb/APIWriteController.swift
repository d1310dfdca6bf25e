import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Write endpoints for every kind of record under `/api/v1`: a record in the dataset format (docs/DATASET.md) is
/// created with `POST /api/v1/COLLECTION`, replaced with `PUT /api/v1/COLLECTION/KEY` and `If-Match: "VERSION"` (the
/// version read: a record changed since is refused, never overwritten), deleted with `DELETE`. Each is an import of
/// one record: the same validation, authorization (a personal API token, `Authorization: Bearer …`) and change log
/// as the forms.
struct APIWriteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.on(.POST, ":collection", body: .collect(maxSize: "1mb"), use: create)
        api.on(.PUT, ":collection", ":key", body: .collect(maxSize: "1mb"), use: replace)
        api.delete(":collection", ":key", use: delete)
        // Partnerships, cities and sources are read at the same address as their reader DTOs (APIController's routes
        // come first); every other kind of record is read here as it is written.
        api.get(":collection", ":key", use: read)
    }

    /// One record as it is written — the dataset format, what `PUT` takes — with its key and version:
    /// `{"collection", "key", "record", "version"}`. Read, edit, and send it back with `If-Match: "VERSION"`.
    func read(req: Request) async throws -> Response {
        let collection = try collection(req)
        let key = try req.parameters.require("key")
        guard let found = try await req.repository.written(collection, key: key) else { throw Abort(.notFound) }
        var body = Data("{\"collection\":\"\(collection.rawValue)\",\"key\":".utf8)
        body += try JSONEncoder().encode(key)
        body += Data(",\"record\":".utf8) + found.json + Data(",\"version\":\(found.version)}".utf8)
        let response = Response(status: .ok, body: .init(data: body))
        response.headers.contentType = .json
        return response
    }

    func collection(_ req: Request) throws -> EditableCollection {
        guard let collection = EditableCollection(rawValue: try req.parameters.require("collection")) else {
            throw Abort(.notFound)
        }
        return collection
    }

    /// The body, for collections written as JSON (a document comes with its file through its record's page).
    func body(_ req: Request, _ collection: EditableCollection) throws -> Data {
        guard collection != .documents else {
            throw Abort(.methodNotAllowed, reason: WebText.documentsByUpload(req.language))
        }
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: WebText.bodyMissing(req.language)) }
        return Data(buffer: buffer)
    }

    func create(req: Request) async throws -> Response {
        let collection = try collection(req)
        let writer = try req.writer(.api)
        let written = try await Self.writing(req) {
            try await req.repository.write(collection, json: try body(req, collection), as: writer)
        }
        return try Self.answer(written, status: .created, collection)
    }

    func replace(req: Request) async throws -> Response {
        let collection = try collection(req)
        let key = try req.parameters.require("key")
        let writer = try req.writer(.api)
        guard try await req.repository.version(collection, key: key) != nil else { throw Abort(.notFound) }
        let version = try Self.ifMatch(req)
        let written = try await Self.writing(req) {
            try await req.repository.write(
                collection, json: try body(req, collection), key: key, version: version, as: writer)
        }
        return try Self.answer(written, status: .ok, collection)
    }

    func delete(req: Request) async throws -> Response {
        let collection = try collection(req)
        let key = try req.parameters.require("key")
        let writer = try req.writer(.api)
        guard try await req.repository.version(collection, key: key) != nil else { throw Abort(.notFound) }
        // The version read, when given, must still be the stored one when the delete runs.
        let version = req.headers.first(name: .ifMatch) == nil ? nil : try Self.ifMatch(req)
        try await Self.writing(req) {
            try await req.repository.delete(collection, key: key, basedOn: version, as: writer)
        }
        return Response(status: .noContent)
    }

    /// `If-Match: "3"` (or `3`): the version the client read.
    static func ifMatch(_ req: Request) throws -> Int {
        let text = (req.headers.first(name: .ifMatch) ?? "").replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard let version = Int(text), version > 0 else {
            throw Abort(.preconditionRequired, reason: WebText.versionNeeded(req.language))
        }
        return version
    }

    /// Runs a write, turning what the repository refuses into the API's answers: a stale version is 412, a body that
    /// is not one record of the collection 422; broken rules go on to the error middleware (422, located).
    static func writing<T>(_ req: Request, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let stale as Repository.StaleWrite {
            throw Abort(.preconditionFailed, reason: WebText.changedSince(stale.current, req.language))
        } catch let wrong as Repository.NotOneRecord {
            throw Abort(.unprocessableEntity, reason: WebText.notOneRecord(wrong.collection, req.language))
        } catch let empty as Repository.EmptyDatabase {
            throw InvalidInput(empty.violations)
        }
    }

    static func answer(
        _ written: Repository.RecordWritten, status: HTTPStatus, _ collection: EditableCollection
    ) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(WrittenDTO(key: written.key, version: written.version, collection: collection))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(written.version)\"")
        return response
    }

    /// What a write answers: the record's key and new version (send it as `If-Match` with the next change).
    struct WrittenDTO: Content {
        var key: String
        var version: Int
        var collection: String

        init(key: String, version: Int, collection: EditableCollection) {
            self.key = key
            self.version = version
            self.collection = collection.rawValue
        }
    }
}
