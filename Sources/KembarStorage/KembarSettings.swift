import Foundation
import KembarCore

/// Kembar's settings, read from the environment in this one place and handed down explicitly.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `KEMBAR_DATABASE_URL` | `sqlite://kembar.sqlite` | where records live (see ``DatabaseLocation``) |
/// | `KEMBAR_HOST` | `127.0.0.1` | address `kembar serve` listens on |
/// | `KEMBAR_PORT` | `8080` | port `kembar serve` listens on |
/// | `KEMBAR_LOG_LEVEL` | `info` for the server, `warning` for other commands | trace, debug, info, notice, warning, error, critical |
/// | `KEMBAR_OFFICE` | none | the office that publishes the reports (`Bagian Kerja Sama, Pemerintah Kota Surabaya`), printed in each report page's margin |
/// | `KEMBAR_IATI_PUBLISHER` | none | who publishes the whole registry's IATI file, as its organisation identifier and name (`XI-IATI-EXAMPLE Kementerian Dalam Negeri`): a secondary reporter of every partnership |
/// | `KEMBAR_PUBLIC_URL` | none | the address people reach the server at behind a proxy (`https://…`): cookies are `Secure` for https, forms posted from any other origin are refused, and the setup page is off |
public struct KembarSettings: Equatable, Sendable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    /// The log level; `nil` lets each program choose its default.
    public var logLevel: String?
    /// `KEMBAR_PUBLIC_URL`: an http or https URL with a host.
    public var publicURL: URL?
    /// `KEMBAR_OFFICE`: at most 200 characters, no control characters.
    public var office: String?
    /// `KEMBAR_IATI_PUBLISHER`: an IATI organisation identifier, a space, the organisation's name.
    public var iatiPublisher: IATI.Publisher?

    public init(
        database: DatabaseLocation = .defaultLocation, host: String = "127.0.0.1", port: Int = 8080,
        logLevel: String? = nil, publicURL: URL? = nil, office: String? = nil
    ) {
        self.office = office
        self.database = database
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.publicURL = publicURL
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
        if let text = environment["KEMBAR_PUBLIC_URL"], !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else {
                throw SettingsError(
                    variable: "KEMBAR_PUBLIC_URL", value: text,
                    reason: "an http or https address with a host, such as https://kembar.example.go.id")
            }
            settings.publicURL = url
        }
        if let office = environment["KEMBAR_OFFICE"]?.trimmingCharacters(in: .whitespaces), !office.isEmpty {
            guard office.count <= 200,
                !office.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw SettingsError(
                    variable: "KEMBAR_OFFICE", value: String(office.prefix(40)),
                    reason: "an office's name of at most 200 characters on one line")
            }
            settings.office = office
        }
        if let text = environment["KEMBAR_IATI_PUBLISHER"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            settings.iatiPublisher = try iatiPublisher(text)
        }
        return settings
    }
}

extension KembarSettings {
    /// `XI-IATI-EXAMPLE Kementerian Dalam Negeri` as a publisher: a government (type 10) reporting others' activities.
    public static func iatiPublisher(_ text: String) throws -> IATI.Publisher {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard IATI.isOrganisationIdentifier(parts[0]), !name.isEmpty, name.count <= 200,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw SettingsError(
                variable: "KEMBAR_IATI_PUBLISHER", value: String(text.prefix(60)),
                reason: "an IATI organisation identifier and the organisation's name, e.g. XI-IATI-EXAMPLE Kementerian")
        }
        return IATI.Publisher(ref: parts[0], name: LocalizedText(en: name, id: name), type: "10", secondary: true)
    }
}

/// An environment variable with a value Kembar cannot use.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var variable: String
    public var value: String
    public var reason: String
    public var description: String { "\(variable)='\(value)': \(reason)" }
}
