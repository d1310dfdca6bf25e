import FluentKit
import FluentSQL

/// Indexes that let the dashboard count without joining every partnership to its status: the stage and the status
/// on a day counted from indexes, the provinces listed from indexes, and the partnerships that need attention found
/// through two partial indexes (``Derived/attentionStatus`` and ``Derived/attentionSummary``) instead of a scan of
/// every summary.
struct CreateDashboardIndexes: AsyncMigration {
    var name: String { "kembar-006-dashboard-indexes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "summaries_stage").on(Derived.summaries).column("stage").run()
        // The provinces the filter offers, listed from indexes (the countries have theirs since migration 005).
        for column in ["subdivision1", "subdivision2"] {
            try await sql.create(index: "summaries_\(column)").on(Derived.summaries).column(column).run()
        }
        // Every partnership's status on one day, counted from the index alone.
        try await sql.create(index: "statuses_day").on(Derived.statuses).column("status").column("from_day")
            .column("until_day").run()
        try await sql.raw(
            "CREATE INDEX statuses_attention ON \(ident: Derived.statuses) (partnership, from_day) WHERE \(unsafeRaw: Derived.attentionStatus)"
        ).run()
        try await sql.raw(
            "CREATE INDEX summaries_attention ON \(ident: Derived.summaries) (key) WHERE \(unsafeRaw: Derived.attentionSummary)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in [
            "summaries_stage", "summaries_subdivision1", "summaries_subdivision2", "statuses_day", "statuses_attention",
            "summaries_attention",
        ] {
            try await sql.drop(index: index).run()
        }
    }
}
