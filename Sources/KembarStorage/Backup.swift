import FluentKit
import Foundation
import KembarCore

/// A consistent copy of everything a database holds — every record with its version, the whole change log and the
/// accounts (their password hashes, never their sessions) — as one JSON file (`kembar backup`), and its restoration
/// into an empty database (`kembar restore`).
public struct Backup: Codable, Sendable, Equatable {
    public static let formatName = "kembar-backup"
    public static let currentVersion = 1

    public struct Record: Codable, Sendable, Equatable {
        public var kind: String
        public var key: String
        public var version: Int
        public var partnership: String?
        public var city: String?
        public var sortDate: String?
        /// The dataset version the document is written in (absent in older backups: read as 1).
        public var format: Int?
        public var document: String
    }

    public struct Account: Codable, Sendable, Equatable {
        public var email: String
        public var name: String
        public var language: String
        public var roles: String
        public var passwordHash: String
        public var createdAt: String
    }

    public var format: String
    public var version: Int
    /// The latest change sequence the copy includes.
    public var sequence: Int
    public var records: [Record]
    /// The change log, oldest first.
    public var changes: [Change]
    /// The accounts, by e-mail (absent in backups written before accounts existed).
    public var users: [Account]?
    /// The attached documents' bytes, by checksum (absent in backups written before documents existed).
    public var contents: [Content]?

    /// One attached file's bytes, base64, with the SHA-256 they must have.
    public struct Content: Codable, Sendable, Equatable {
        public var sha256: String
        public var base64: String
    }

    /// The file a backup is written as: canonical JSON (sorted keys), so equal databases give equal files.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a backup file, refusing anything that is not one.
    public static func decode(_ data: Data) throws(InvalidInput) -> Backup {
        let backup: Backup
        do {
            backup = try JSONDecoder().decode(Backup.self, from: data)
        } catch {
            throw InvalidInput([
                Violation(
                    location: "$", field: "", value: "", rule: .formatUnsupported,
                    detail: "not a Kembar backup (\(formatName) version \(currentVersion))")
            ])
        }
        guard backup.format == formatName, backup.version == currentVersion else {
            throw InvalidInput([
                Violation(
                    location: "$", field: "format", value: "\(backup.format) \(backup.version)",
                    rule: .formatUnsupported, detail: "expected '\(formatName)' version \(currentVersion)")
            ])
        }
        return backup
    }
}

extension Repository {
    /// Everything, read inside one write transaction so no write lands halfway through the copy (writers wait for
    /// the length of the read; readers do not).
    public func backup() async throws -> Backup {
        try await writeTransaction { repository in
            let database = repository.database
            let records = try await EntityRecord.query(on: database).sort(\.$kind).sort(\.$key).all().map {
                Backup.Record(
                    kind: $0.kind, key: $0.key, version: $0.version, partnership: $0.partnership, city: $0.city,
                    sortDate: $0.sortDate, format: $0.format, document: $0.document)
            }
            let changes = try await ChangeRecord.query(on: database).sort(\.$id).all().map(\.change)
            let users = try await UserRecord.query(on: database).sort(\.$email).all().map {
                Backup.Account(
                    email: $0.email, name: $0.name, language: $0.language, roles: $0.roles,
                    passwordHash: $0.passwordHash, createdAt: $0.createdAt)
            }
            let contents = try await DocumentContentRecord.query(on: database).sort(\.$id).all().map {
                Backup.Content(sha256: $0.id ?? "", base64: $0.content.base64EncodedString())
            }
            return Backup(
                format: Backup.formatName, version: Backup.currentVersion, sequence: changes.last?.sequence ?? 0,
                records: records, changes: changes, users: users, contents: contents)
        }
    }

    /// A database refused for a restore because it is not empty.
    public struct NotEmpty: Error, Sendable {}

    /// Loads a backup into an empty database, in one transaction: every record with its version and the change log
    /// in its order (sequence numbers are given anew, in the same order); documents of an older format are rewritten in
    /// the current one. Returns the number of records.
    @discardableResult
    public func restore(_ backup: Backup) async throws -> Int {
        try await writeTransaction { repository in
            let database = repository.database
            guard try await EntityRecord.query(on: database).count() == 0,
                try await ChangeRecord.query(on: database).count() == 0,
                try await UserRecord.query(on: database).count() == 0
            else { throw NotEmpty() }
            let records = backup.records.compactMap { record -> EntityRecord? in
                guard let kind = EntityKind(rawValue: record.kind) else { return nil }
                let stored = EntityRecord(
                    kind: kind, key: record.key, partnership: record.partnership, city: record.city,
                    sortDate: record.sortDate, label: nil, document: record.document, version: record.version)
                stored.format = record.format ?? 1
                return stored
            }
            guard records.count == backup.records.count else {
                throw InvalidInput([
                    Violation(
                        field: "records", value: "", rule: .valueInvalid, detail: "a record of an unknown kind")
                ])
            }
            try await repository.insert(records)
            try await repository.log(
                backup.changes.map { change in
                    ChangeRecord(
                        at: change.at, context: WriteContext(actor: change.actor, channel: change.channel),
                        kind: change.kind, key: change.key, action: change.action, version: change.version,
                        before: change.before, after: change.after)
                })
            for account in backup.users ?? [] {
                let user = UserRecord()
                user.email = account.email
                user.name = account.name
                user.language = account.language
                user.roles = account.roles
                user.passwordHash = account.passwordHash
                user.createdAt = account.createdAt
                try await user.create(on: database)
            }
            for content in backup.contents ?? [] {
                // Bytes that do not have the checksum they are filed under are refused: a damaged backup is named.
                guard let bytes = Data(base64Encoded: content.base64).map(Array.init),
                    Repository.sha256(bytes) == content.sha256
                else {
                    throw InvalidInput([
                        Violation(
                            field: "contents", value: content.sha256, rule: .valueInvalid,
                            detail: "the bytes do not have this SHA-256")
                    ])
                }
                try await DocumentContentRecord(sha256: content.sha256, content: bytes).create(on: database)
            }
            // Labels, references and summaries are not part of a backup: they are derived again from the records.
            try await repository.rebuildDerived()
            try await repository.refillPlaces()
            return records.count
        }
    }
}
