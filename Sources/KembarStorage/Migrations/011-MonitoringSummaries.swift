import FluentKit
import FluentSQL

/// Monitoring in the partnership summaries: where each partnership stands in its country's procedure (latest step
/// done, since when, next step), so the dashboard finds those stuck at a step from an index, and the first day a
/// target of its plans is at risk or missed, for the attention panel. Summaries stored before get the columns filled
/// by recomputing them.
struct AddMonitoringSummaries: AsyncMigration {
    var name: String { "kembar-011-monitoring-summaries" }

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds columns one at a time.
        for column in Self.columns {
            try await database.schema(Derived.summaries).field(.string(column), .string).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "summaries_procedure").on(Derived.summaries).column("procedure_step")
            .column("procedure_since").run()
        try await sql.create(index: "summaries_procedure_since").on(Derived.summaries).column("procedure_since").run()
        try await sql.create(index: "summaries_targets").on(Derived.summaries).column("targets_attention").run()
        let keys = try await EntityRecord.query(on: database).filter(\.$kind == EntityKind.partnership.rawValue)
            .field(\.$key).all().map(\.key)
        if !keys.isEmpty { try await Repository(database: database).refreshSummaries(Set(keys)) }
    }

    static let columns = ["procedure_step", "procedure_since", "procedure_next", "targets_attention"]

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in ["summaries_procedure", "summaries_procedure_since", "summaries_targets"] {
            try await sql.drop(index: index).run()
        }
        for column in Self.columns {
            try await database.schema(Derived.summaries).deleteField(.string(column)).update()
        }
    }
}
