import FluentKit
import FluentSQL
import Foundation

// Records marked internal: hidden from public readers by an indexed column (migration 009), never by decoding.

extension Repository {
    /// For a public reader, `query` without the records they must not see.
    func visible(_ query: QueryBuilder<EntityRecord>) -> QueryBuilder<EntityRecord> {
        publicReader ? query.filter(\.$internal == 0) : query
    }

    /// For a public reader, the condition leaving out what they must not see (`AND internal = 0` on the table's
    /// `internal` column, or on `alias.internal`); empty for a signed-in reader.
    func publicOnly(_ alias: String = "") -> SQLQueryString {
        publicReader ? " AND \(unsafeRaw: alias.isEmpty ? "" : alias + ".")internal = 0" : ""
    }

    /// Which of the partnerships `keys` are marked internal (as stored, inside a write: as written so far).
    func hiddenPartnerships(_ keys: Set<String>) async throws -> Set<String> {
        var hidden = Set<String>()
        for chunk in keys.sorted().chunked(by: Derived.chunk) {
            for row in try await EntityRecord.query(on: database).filter(\.$kind == EntityKind.partnership.rawValue)
                .filter(\.$key ~~ chunk).filter(\.$internal == 1).field(\.$key).all()
            {
                hidden.insert(row.key)
            }
        }
        return hidden
    }

    /// After a partnership was marked internal or published: its agreements, milestones, planned actions and activities are hidden
    /// with it, or hidden again only when marked themselves — in the records and in the links they make.
    func cascadeInternal(partnership key: String, hidden: Bool) async throws {
        let sql = try self.sql
        for kind in [EntityKind.agreement, .milestone, .action, .activity, .document] {
            let children = try await EntityRecord.query(on: database).filter(\.$kind == kind.rawValue)
                .filter(\.$partnership == key).field(\.$key).field(\.$document).all()
            let marked = try children.filter { try hidden || Self.marksInternal($0.document) }.map(\.key)
            let published = Set(children.map(\.key)).subtracting(marked).sorted()
            for (keys, value) in [(marked, 1), (published, 0)] {
                for chunk in keys.chunked(by: Derived.chunk) {
                    try await sql.raw(
                        "UPDATE \(ident: EntityRecord.schema) SET internal = \(bind: value) WHERE kind = \(bind: kind.rawValue) AND key IN (\(binds: chunk))"
                    ).run()
                    try await sql.raw(
                        "UPDATE \(ident: Derived.links) SET internal = \(bind: value) WHERE from_kind = \(bind: kind.rawValue) AND from_key IN (\(binds: chunk))"
                    ).run()
                }
            }
        }
    }

    /// Whether a stored document marks its record internal (its `internal` member is `true`).
    static func marksInternal(_ document: String) throws -> Bool {
        struct Mark: Decodable { var `internal`: Bool? }
        return try JSONDecoder().decode(Mark.self, from: Data(document.utf8)).internal == true
    }
}
