import Foundation

/// Where Kembar's records live, parsed from a URL.
///
/// - `sqlite:///absolute/path.sqlite` or `sqlite://relative/path.sqlite` (or a bare file path): an SQLite file;
/// - `sqlite::memory:`: an SQLite database in memory, gone when the process ends;
/// - `postgres://user:password@host:port/database` (or `postgresql://`): a PostgreSQL server.
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    /// The embedded default: `./kembar.sqlite` in the working directory.
    public static let defaultLocation = DatabaseLocation.sqliteFile(path: "kembar.sqlite")

    /// Parses a database URL; throws ``LocationError`` with the reason when it cannot be used.
    public init(parsing text: String) throws(LocationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw LocationError(text: text, reason: "the URL is empty") }
        if trimmed == "sqlite::memory:" || trimmed == "sqlite://:memory:" {
            self = .sqliteMemory
        } else if trimmed.hasPrefix("sqlite://") {
            let path = String(trimmed.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw LocationError(text: text, reason: "no file path after sqlite://") }
            self = .sqliteFile(path: path)
        } else if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw LocationError(text: text, reason: "no file path after sqlite:") }
            self = .sqliteFile(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty else {
                throw LocationError(text: text, reason: "a PostgreSQL URL needs a host: postgres://user@host:5432/db")
            }
            guard components.path.count > 1 else {
                throw LocationError(text: text, reason: "a PostgreSQL URL needs a database name after the host")
            }
            self = .postgres(url: trimmed)
        } else if trimmed.contains("://") {
            let scheme = trimmed.components(separatedBy: "://")[0]
            throw LocationError(text: text, reason: "unknown scheme '\(scheme)'; use sqlite:// or postgres://")
        } else {
            self = .sqliteFile(path: trimmed)
        }
    }

    /// The location without any password, for logs and messages.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

/// A database URL that Kembar cannot use, and why.
public struct LocationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "cannot use database '\(text)': \(reason)" }
}
