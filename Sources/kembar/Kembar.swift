import ArgumentParser
import Foundation
import KembarCore
import KembarStorage
import Logging

@main
struct Kembar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kembar",
        abstract: "Record sister-city cooperation and evaluate it against smart-city frameworks.",
        discussion: """
            Kembar keeps the whole life of a sister-city partnership — exploration, letter of intent, MoU, \
            programmes, activities, participants, renewal — with every fact linked to its source.

            Records live in an SQLite file (./kembar.sqlite) unless --database or KEMBAR_DATABASE_URL names \
            another: sqlite:///path/file.sqlite, sqlite::memory:, or postgres://user@host:5432/db.
            """,
        subcommands: [
            Serve.self, Migrate.self, Import.self, Export.self, Partnerships.self, Show.self, Frameworks.self,
            Fields.self, Evaluate.self,
            Compare.self, SuggestTags.self, Report.self,
            IndexCommand.self,
        ]
    )
}

/// Options every database command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database URL: sqlite:///path.sqlite, sqlite::memory: or postgres://user@host:5432/db.",
            discussion: "Overrides KEMBAR_DATABASE_URL; the default is ./kembar.sqlite.",
            valueName: "url"))
    var database: String?

    /// The settings from the environment, with this command line's overrides.
    func settings() throws -> KembarSettings {
        var settings = try KembarSettings.fromEnvironment()
        if let database { settings.database = try DatabaseLocation(parsing: database) }
        return settings
    }

    /// Opens the store, migrates it, runs `body`, and closes the store whatever happens.
    func withStore<T>(_ body: (KembarStore) async throws -> T) async throws -> T {
        let settings = try settings()
        var logger = Logger(label: "kembar")
        logger.logLevel = settings.logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let store = try KembarStore.open(settings.database, logger: logger)
        do {
            try await store.migrate()
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Writes to standard error (messages, progress), keeping standard output for data.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
