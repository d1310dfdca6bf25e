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
            Serve.self, Migrate.self, Import.self, Export.self, BackupCommand.self, RestoreCommand.self,
            Partnerships.self, Show.self, Frameworks.self,
            Fields.self, Evaluate.self,
            Compare.self, SuggestTags.self, Report.self, IATICommand.self,
            IndexCommand.self, UserCommand.self, AuditCommand.self,
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

    /// What a command needs of the schema.
    enum SchemaNeed {
        /// Read or write an existing, migrated database; never migrate (a read must not change the database).
        case existing
        /// A write that may set up a brand-new database (`kembar import` into an empty file); an existing one that
        /// is behind still needs `kembar migrate`.
        case creatingIfNew
    }

    /// Opens the store, checks its schema, runs `body`, and closes the store whatever happens.
    func withStore<T>(_ need: SchemaNeed = .existing, _ body: (KembarStore) async throws -> T) async throws -> T {
        try await withOpenStore { store in
            switch try await store.schemaState() {
            case .current: break
            case .new where need == .creatingIfNew: try await store.migrate()
            case let state: throw SchemaNotReady(state: state, location: store.location)
            }
            return try await body(store)
        }
    }

    /// Opens the store, runs `body`, and closes the store whatever happens.
    func withOpenStore<T>(_ body: (KembarStore) async throws -> T) async throws -> T {
        let settings = try settings()
        var logger = Logger(label: "kembar")
        logger.logLevel = settings.logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .warning
        let store = try KembarStore.open(settings.database, logger: logger)
        do {
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
    FileHandle.standardError.write(Data((terminalSafe(text, keepingLines: true) + "\n").utf8))
}

/// Writes text meant for people to standard output, with ``terminalSafe(_:keepingLines:)``: whatever a record holds,
/// it cannot move the cursor, recolour or rewrite the screen.
func show(_ text: String) {
    FileHandle.standardOutput.write(Data(terminalSafe(text, keepingLines: true).utf8))
}

/// Text for a terminal: control characters (an escape sequence could move the cursor or recolour the screen) and
/// the characters that reorder text (a right-to-left override) written as `\u{…}`; with `keepingLines`, line breaks
/// and tabs stay.
func terminalSafe(_ text: String, keepingLines: Bool = false) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        let kept = keepingLines && (scalar == "\n" || scalar == "\t")
        if !kept
            && (scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value))
        {
            out += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
