import FluentKit
import FluentSQL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a database's schema stands against this Kembar's migrations.
public enum SchemaState: Equatable, Sendable {
    /// Nothing of Kembar's is there yet: a new database.
    case new
    /// Every migration has run.
    case current
    /// Some migrations have not run: the database needs `kembar migrate`.
    case behind(pending: [String])
}

/// The schema is not what this command needs; says what to run.
public struct SchemaNotReady: Error, CustomStringConvertible, Sendable {
    public var state: SchemaState
    public var location: DatabaseLocation

    public init(state: SchemaState, location: DatabaseLocation) {
        self.state = state
        self.location = location
    }

    public var description: String {
        switch state {
        case .new:
            "The database \(location) is not set up: run `kembar migrate --seed` first (it creates the schema and "
                + "loads the bundled frameworks and fields)."
        case .behind(let pending):
            "The database \(location) needs migrating (\(pending.joined(separator: ", ")) not applied): run "
                + "`kembar migrate` — a deployment step, taken under a lock — then try again."
        case .current: "The database \(location) is up to date."
        }
    }
}

extension KembarStore {
    /// Kembar's migrations, in order: one file each in `Migrations/`.
    static var migrationList: [any Migration] {
        [
            CreateRecords(), CreateRecordIndexes(), CreateGeneration(), CreateChangesAndVersions(),
            CreateDerivedTables(), CreateDashboardIndexes(), CreateAccounts(), CreateApiTokens(),
            CreateInternalRecords(), CreatePendingImports(), AddMonitoringSummaries(), CreateDocumentContents(),
            AddCityPlaces(),
        ]
    }

    /// How the database's schema compares with this Kembar's migrations. Reads only; never changes the database.
    public func schemaState() async throws -> SchemaState {
        guard let sql = database as? any SQLDatabase else { return .current }
        let applied: [String]
        do {
            applied = try await sql.raw("SELECT name FROM _fluent_migrations").all().map {
                try $0.decode(column: "name", as: String.self)
            }
        } catch {
            // No bookkeeping table: nothing of Kembar's has ever been migrated here.
            return .new
        }
        if applied.isEmpty { return .new }
        let pending = Self.migrationList.map(\.name).filter { !applied.contains($0) }
        return pending.isEmpty ? .current : .behind(pending: pending)
    }

    /// Brings the schema up to date under a lock held across processes (a PostgreSQL advisory lock, a lock file
    /// beside an SQLite file), so two servers or deployments starting together never race.
    public func migrate() async throws {
        try await withSchemaLock { try await self.runMigrations() }
    }

    func runMigrations() async throws {
        try await useWriteAheadLog()
        let migrations = Migrations()
        migrations.add(Self.migrationList)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Runs `body` while holding the database's schema lock.
    func withSchemaLock<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        switch location {
        case .sqliteMemory:
            return try await body()
        case .sqliteFile(let path):
            let lock = try FileLock(path: path + ".lock")
            defer { lock.release() }
            return try await body()
        case .postgres:
            // A session-level advisory lock held by one connection while the migrations run on others. A process
            // waiting for it holds no connection (it tries again shortly): many servers or tests starting at once
            // never use up the connections the holder needs to migrate.
            while true {
                let outcome: T? = try await database.withConnection { connection in
                    let locked = connection as! any SQLDatabase
                    guard
                        try await locked.raw("SELECT pg_try_advisory_lock(\(literal: Self.advisoryKey)) AS got")
                            .first()?
                            .decode(column: "got", as: Bool.self) == true
                    else { return nil }
                    do {
                        let result = try await body()
                        try await locked.raw("SELECT pg_advisory_unlock(\(literal: Self.advisoryKey))").run()
                        return result
                    } catch {
                        try? await locked.raw("SELECT pg_advisory_unlock(\(literal: Self.advisoryKey))").run()
                        throw error
                    }
                }
                if let outcome { return outcome }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// The advisory-lock key of Kembar's schema ("kembar" in ASCII).
    static let advisoryKey: Int64 = 0x6B65_6D62_6172
}

/// An exclusive `flock` on a file, released when the process ends at the latest.
final class FileLock: @unchecked Sendable {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            throw CocoaError(.fileLocking, userInfo: [NSFilePathErrorKey: path])
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
