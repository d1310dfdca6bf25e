import Foundation

/// Kembar's settings, read from the environment in this one place and handed down explicitly.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `KEMBAR_DATABASE_URL` | `sqlite://kembar.sqlite` | where records live (see ``DatabaseLocation``) |
/// | `KEMBAR_HOST` | `127.0.0.1` | address `kembar serve` listens on |
/// | `KEMBAR_PORT` | `8080` | port `kembar serve` listens on |
/// | `KEMBAR_LOG_LEVEL` | `info` for the server, `warning` for other commands | trace, debug, info, notice, warning, error, critical |
public struct KembarSettings: Equatable, Sendable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    /// The log level; `nil` lets each program choose its default.
    public var logLevel: String?

    public init(
        database: DatabaseLocation = .defaultLocation, host: String = "127.0.0.1", port: Int = 8080,
        logLevel: String? = nil
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }

    /// Settings from `environment` (by default the process's), throwing ``SettingsError`` on a bad value.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> KembarSettings
    {
        var settings = KembarSettings()
        if let url = environment["KEMBAR_DATABASE_URL"], !url.isEmpty {
            do { settings.database = try DatabaseLocation(parsing: url) } catch {
                throw SettingsError(variable: "KEMBAR_DATABASE_URL", value: url, reason: error.reason)
            }
        }
        if let host = environment["KEMBAR_HOST"], !host.isEmpty { settings.host = host }
        if let text = environment["KEMBAR_PORT"], !text.isEmpty {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw SettingsError(variable: "KEMBAR_PORT", value: text, reason: "a port is a number from 1 to 65535")
            }
            settings.port = port
        }
        if let level = environment["KEMBAR_LOG_LEVEL"], !level.isEmpty { settings.logLevel = level }
        return settings
    }
}

/// An environment variable with a value Kembar cannot use.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var variable: String
    public var value: String
    public var reason: String
    public var description: String { "\(variable)='\(value)': \(reason)" }
}
