import FluentSQL
import Foundation
import KembarStorage
import Logging

/// The database servers a test can run against.
///
/// SQLite always; PostgreSQL when `KEMBAR_TEST_POSTGRES_URL` names a server on this machine. With
/// `KEMBAR_REQUIRE_POSTGRES=1` (as `.ci/run` sets) a missing URL fails the tests instead of skipping PostgreSQL.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// The backends to run: both when PostgreSQL is configured (or required), else SQLite alone.
    public static var enabled: [TestBackend] {
        let environment = ProcessInfo.processInfo.environment
        let configured = !(environment["KEMBAR_TEST_POSTGRES_URL"] ?? "").isEmpty
        let required = environment["KEMBAR_REQUIRE_POSTGRES"] == "1"
        return configured || required ? [.sqlite, .postgres] : [.sqlite]
    }

    /// The PostgreSQL URL for tests; only loopback servers are accepted, so a test can never touch a real one.
    static func postgresURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["KEMBAR_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw TestSetupError(
                "KEMBAR_REQUIRE_POSTGRES=1 but KEMBAR_TEST_POSTGRES_URL is not set: start PostgreSQL with scripts/test")
        }
        let host = URLComponents(string: url)?.host ?? ""
        guard ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) else {
            throw TestSetupError("refusing to run tests against the non-local PostgreSQL host '\(host)'")
        }
        return url
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A fresh, migrated, empty database for one test: a new in-memory SQLite database, or a PostgreSQL schema of its
/// own that is dropped afterwards. Tests using it can run in parallel.
public func withTestStore<T>(_ backend: TestBackend, _ body: (KembarStore) async throws -> T) async throws -> T {
    var logger = Logger(label: "kembar.test")
    logger.logLevel = .warning
    switch backend {
    case .sqlite:
        let store = try KembarStore.open(.sqliteMemory, logger: logger)
        return try await run(store, body)
    case .postgres:
        return try await PostgresSlots.run {
            let url = try TestBackend.postgresURL()
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try KembarStore.open(.postgres(url: url), logger: logger)
            do {
                try await (admin.database as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
                let store = try KembarStore.open(.postgres(url: url), logger: logger, postgresSearchPath: [schema])
                let result = try await run(store, body)
                try await (admin.database as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.close()
                return result
            } catch {
                try? await (admin.database as! any SQLDatabase).raw(
                    "DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE"
                )
                .run()
                await admin.close()
                throw error
            }
        }
    }
}

/// Two stores — two "servers" — on one fresh, empty, unmigrated database: an SQLite file, or a PostgreSQL schema of
/// their own, removed afterwards.
public func withTwoStores(
    _ backend: TestBackend, _ body: (KembarStore, KembarStore) async throws -> Void
) async throws {
    var logger = Logger(label: "kembar.test")
    logger.logLevel = .warning
    switch backend {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-shm", "-wal", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let first = try KembarStore.open(.sqliteFile(path: path), logger: logger)
        let second = try KembarStore.open(.sqliteFile(path: path), logger: logger)
        defer {
            Task {
                await first.close()
                await second.close()
            }
        }
        try await body(first, second)
    case .postgres:
        try await PostgresSlots.run {
            let url = try TestBackend.postgresURL()
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try KembarStore.open(.postgres(url: url), logger: logger)
            try await (admin.database as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
            let first = try KembarStore.open(.postgres(url: url), logger: logger, postgresSearchPath: [schema])
            let second = try KembarStore.open(.postgres(url: url), logger: logger, postgresSearchPath: [schema])
            var failure: (any Error)?
            do { try await body(first, second) } catch { failure = error }
            await first.close()
            await second.close()
            try? await (admin.database as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
            await admin.close()
            if let failure { throw failure }
        }
    }
}

private func run<T>(_ store: KembarStore, _ body: (KembarStore) async throws -> T) async throws -> T {
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

/// Runs `body` with the URL of a new, empty PostgreSQL database, dropped afterwards — for tests that drive the
/// `kembar` executable, which takes only a URL.
public func withScratchPostgresDatabase(_ body: (String) async throws -> Void) async throws {
    var logger = Logger(label: "kembar.test")
    logger.logLevel = .warning
    try await PostgresSlots.run {
        let url = try TestBackend.postgresURL()
        let name = "k_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard var components = URLComponents(string: url) else { throw TestSetupError("unreadable URL \(url)") }
        components.path = "/" + name
        let admin = try KembarStore.open(.postgres(url: url), logger: logger)
        let sql = admin.database as! any SQLDatabase
        do {
            try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            try await body(components.string ?? url)
            try await sql.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.close()
        } catch {
            try? await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.close()
            throw error
        }
    }
}

/// The path of a fixture shared by the test targets, in `Tests/Fixtures/` of the source tree.
public func sharedFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/\(name)").path
}

/// At most twelve PostgreSQL test databases open at once. Swift Testing starts every test at once and a store holds
/// up to eight connections, so without a bound the suite runs the server out of them ("sorry, too many clients
/// already") as tests are added. A test already holding a slot (a helper called inside another) does not wait again.
enum PostgresSlots {
    static let gate = FairGate(limit: 12)
    @TaskLocal static var held = false

    static func run<T>(_ body: () async throws -> T) async throws -> T {
        if held { return try await body() }
        return try await gate.run { try await $held.withValue(true) { try await body() } }
    }
}
