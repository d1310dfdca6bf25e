import FluentKit
import FluentSQL
import Foundation
import KembarCore

extension Repository {
    /// The advisory-lock key PostgreSQL writers queue on ("kmbrwrt" in ASCII), apart from the schema lock's.
    static let writeLockKey: Int64 = 0x6B_6D62_7277_7274

    /// How long a write waits for other processes' writes on the same SQLite file before giving up. Generous: the
    /// writers of the other process take their turns back to back (``FairGate`` hands over at once), so a writer
    /// here may wait for several of theirs, and a write given up is work the person must do again.
    static let sqliteBusyMilliseconds = 30_000

    /// Runs `body` in one write transaction that holds the write lock from its first statement, so concurrent
    /// writers queue instead of failing halfway, and reads inside it see what the write will change.
    ///
    /// On SQLite the writers of this process queue first (``FairGate``), then the transaction is `BEGIN IMMEDIATE`
    /// on one connection with a bounded busy timeout for other processes' writers (readers go on meanwhile in WAL
    /// mode); on PostgreSQL it takes a transaction-level advisory lock first (readers are never
    /// blocked). Two writers creating the same record at once end in one write and a
    /// ``InvalidInput`` (`key-duplicated`) for the other — never a server error.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (Repository) async throws -> T) async throws -> T {
        do {
            guard let sql = database as? any SQLDatabase else {
                return try await database.transaction { try await body(Repository(database: $0, committed: cache)) }
            }
            guard sql.dialect.name == "sqlite" else {
                // PostgreSQL: a transaction-level advisory lock as the first statement queues writers the way
                // SQLite's BEGIN IMMEDIATE does, so a version read inside the transaction stays the one written
                // over (READ COMMITTED alone would let two editors both update version 1).
                return try await database.transaction { transaction in
                    let raw = transaction as! any SQLDatabase
                    try await raw.raw("SELECT pg_advisory_xact_lock(\(literal: Self.writeLockKey))").run()
                    return try await body(Repository(database: transaction, committed: cache))
                }
            }
            let transaction = {
                try await database.withConnection { connection in
                    let raw = connection as! any SQLDatabase
                    try await raw.raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.sqliteBusyMilliseconds))").run()
                    try await raw.raw("BEGIN IMMEDIATE").run()
                    do {
                        let result = try await body(Repository(database: connection, committed: cache))
                        try await raw.raw("COMMIT").run()
                        return result
                    } catch {
                        try? await raw.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
            guard let writers else { return try await transaction() }
            return try await writers.run(transaction)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([
                Violation(
                    field: "id", value: "", rule: .keyDuplicated,
                    detail: "another save created the same key at the same moment")
            ])
        }
    }
}

extension KembarStore {
    /// Puts an SQLite file in WAL mode (kept in the file), so reads go on while another server writes.
    func useWriteAheadLog() async throws {
        guard case .sqliteFile = location, let sql = database as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
}
