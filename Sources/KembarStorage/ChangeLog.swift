import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// Who writes, and through what: recorded with every change.
public struct WriteContext: Sendable, Hashable {
    /// The ways into the database.
    public enum Channel: String, Sendable, Codable, CaseIterable {
        case form, importer = "import", api, cli, seed
    }

    /// The person or process: a user name, the operating-system user of a CLI command, `kembar` for the bundled data.
    public var actor: String
    public var channel: Channel
    /// What the actor may write, checked inside every write transaction (``Repository/authorize(_:grant:)``).
    /// The command line and the bundled data write everything: whoever runs them has the database already.
    public var grant: Grant

    public init(actor: String, channel: Channel, grant: Grant = .everything) {
        self.actor = actor
        self.channel = channel
        self.grant = grant
    }

    /// The bundled data loaded into an empty database.
    public static let seed = WriteContext(actor: "kembar", channel: .seed)
}

/// One recorded write: who, when, through what, the record, and its document before and after. The history of a
/// record is its changes; the log is append-only.
public struct Change: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable { case create, update, delete }

    /// Position in the log: strictly increasing with every write, across every server sharing the database.
    public var sequence: Int
    /// ISO 8601, UTC, to the second.
    public var at: String
    public var actor: String
    public var channel: WriteContext.Channel
    /// The record's kind (`activity`) and key.
    public var kind: String
    public var key: String
    public var action: Action
    /// The record's version after the change (1 when created); the version a delete removed.
    public var version: Int
    /// The record's canonical JSON before and after (absent for a create and a delete respectively).
    public var before: String?
    public var after: String?
}

extension Repository {
    /// The history of one record, oldest first.
    public func history(kind: String, key: String) async throws -> [Change] {
        try await ChangeRecord.query(on: database).filter(\.$kind == kind).filter(\.$key == key).sort(\.$id).all()
            .map(\.change)
    }

    /// Every change after `sequence`, oldest first, at most `limit` of them.
    public func changes(after sequence: Int, limit: Int = 1000) async throws -> [Change] {
        try await ChangeRecord.query(on: database).filter(\.$id > sequence).sort(\.$id).limit(max(1, limit)).all()
            .map(\.change)
    }

    /// The sequence of the latest change; 0 for a database that was never written.
    public func latestSequence() async throws -> Int {
        try await ChangeRecord.query(on: database).max(\.$id) ?? 0
    }

    /// The sequence of the latest change to a record of one of `kinds`: what results computed from those kinds are
    /// cached by.
    public func latestSequence(ofKinds kinds: [String]) async throws -> Int {
        try await ChangeRecord.query(on: database).filter(\.$kind ~~ kinds).max(\.$id) ?? 0
    }

    /// Appends changes inside the writing transaction, stamped with one time (one multi-row statement per few
    /// hundred changes).
    func log(_ entries: [ChangeRecord]) async throws {
        try await insertRows(
            into: ChangeRecord.schema,
            ["at", "actor", "channel", "kind", "key", "action", "version", "before", "after"],
            entries.map { entry in
                [
                    entry.at, entry.actor, entry.channel, entry.kind, entry.key, entry.action, entry.version,
                    entry.before, entry.after,
                ]
            })
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
