import FluentKit
import FluentSQL

/// A city's country and coordinates in columns of its record, so a map of 25,000 links or the GeoJSON of a
/// country's cities reads points from an index instead of decoding every city. Cities stored before get them from
/// their documents.
struct AddCityPlaces: AsyncMigration {
    var name: String { "kembar-013-city-places" }

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds columns one at a time.
        try await database.schema(EntityRecord.schema).field("country", .string).update()
        try await database.schema(EntityRecord.schema).field("latitude", .double).update()
        try await database.schema(EntityRecord.schema).field("longitude", .double).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "records_kind_country").on(EntityRecord.schema).column("kind").column("country")
            .column("key").run()
        try await Repository(database: database).refillPlaces()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "records_kind_country").run()
        for column in ["country", "latitude", "longitude"] {
            try await database.schema(EntityRecord.schema).deleteField(.string(column)).update()
        }
    }
}
