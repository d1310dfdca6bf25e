import FluentKit
import FluentSQL

/// Where each partnership stands in its country's procedure, kept in its summary so the dashboard finds those stuck
/// at a step (latest step done, since when, next step) from an index. Summaries stored before get the columns
/// filled by recomputing them.
struct AddProcedureSteps: AsyncMigration {
    var name: String { "kembar-011-procedure-steps" }

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds columns one at a time.
        for column in ["procedure_step", "procedure_since", "procedure_next"] {
            try await database.schema(Derived.summaries).field(.string(column), .string).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "summaries_procedure").on(Derived.summaries).column("procedure_step")
            .column("procedure_since").run()
        let keys = try await EntityRecord.query(on: database).filter(\.$kind == EntityKind.partnership.rawValue)
            .field(\.$key).all().map(\.key)
        if !keys.isEmpty { try await Repository(database: database).refreshSummaries(Set(keys)) }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "summaries_procedure").run()
        for column in ["procedure_step", "procedure_since", "procedure_next"] {
            try await database.schema(Derived.summaries).deleteField(.string(column)).update()
        }
    }
}
