import Foundation
import KembarStorage
import Logging
import Vapor

/// Runs Kembar's web server until it is stopped (Ctrl-C or SIGTERM).
///
/// Opens the store from `settings`; sets up a new database and loads the bundled data into an empty one (the
/// founding dataset too when `loadDemo`) — but refuses a database whose schema is behind (`kembar migrate`) — then
/// serves on `settings.host`:`settings.port`. `announce` receives the lines
/// a person starting the server should read (the URL).
public func runServer(settings: KembarSettings, loadDemo: Bool, announce: @Sendable (String) -> Void) async throws {
    let environment = Environment(name: "production", arguments: ["kembar", "serve"])
    let app = try await Application.make(environment)
    app.logger.logLevel = settings.logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .info
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    // A connection that sends nothing for a minute (a slow-drip client holding a socket) is closed.
    app.http.server.configuration.idleTimeout = .seconds(60)
    let store: KembarStore
    do {
        store = try KembarStore.open(settings.database, logger: app.logger, eventLoopGroup: app.eventLoopGroup)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    do {
        // A brand-new database is set up on the spot (the first `kembar serve` on a new machine); one whose schema
        // is behind this Kembar's is not: upgrading is `kembar migrate`, an explicit step.
        if case .behind = try await store.schemaState() {
            throw SchemaNotReady(state: try await store.schemaState(), location: store.location)
        }
        if try await store.prepare(loadDemo: loadDemo) {
            announce("Loaded the bundled data into \(settings.database).")
        }
        try configureKembar(
            app, store: store,
            access: AccessOptions(
                publicURL: settings.publicURL, office: settings.office, iatiPublisher: settings.iatiPublisher))
        if try await store.repository.userCount() == 0 {
            announce(
                settings.publicURL == nil
                    ? "No one has an account yet: open http://\(settings.host):\(settings.port)/setup on this computer to create the first administrator (or run kembar user add)."
                    : "No one has an account yet: create the first administrator with kembar user add.")
        }
        announce("Kembar is running at http://\(settings.host):\(settings.port)/ (database \(settings.database))")
        try await app.execute()
    } catch {
        await store.close()
        try? await app.asyncShutdown()
        throw error
    }
    await store.close()
    try await app.asyncShutdown()
}
