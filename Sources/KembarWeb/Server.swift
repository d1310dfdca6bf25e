import Foundation
import KembarStorage
import Logging
import Vapor

/// Runs Kembar's web server until it is stopped (Ctrl-C or SIGTERM).
///
/// Opens the store from `settings`, migrates it, loads the bundled data into an empty database (the founding
/// dataset too when `loadDemo`), then serves on `settings.host`:`settings.port`. `announce` receives the lines
/// a person starting the server should read (the URL).
public func runServer(settings: KembarSettings, loadDemo: Bool, announce: @Sendable (String) -> Void) async throws {
    let environment = Environment(name: "production", arguments: ["kembar", "serve"])
    let app = try await Application.make(environment)
    app.logger.logLevel = settings.logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .info
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    let store: KembarStore
    do {
        store = try KembarStore.open(settings.database, logger: app.logger, eventLoopGroup: app.eventLoopGroup)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    do {
        if try await store.prepare(loadDemo: loadDemo) {
            announce("Loaded the bundled data into \(settings.database).")
        }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(settings.host)
        try configureKembar(app, store: store, allowWrites: loopback)
        if !loopback { announce("Listening beyond loopback: changes are disabled until accounts exist.") }
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
