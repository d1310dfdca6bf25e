import ArgumentParser
import KembarWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the Kembar web application.",
        discussion: """
            Sets up a new database, and on an empty one loads the bundled frameworks and the founding dataset \
            (Surabaya–Liverpool) so there is something to read at once; --no-demo loads only the frameworks. A \
            database whose schema is behind this Kembar's is refused: run `kembar migrate` first. \
            Listens on 127.0.0.1:8080 unless --host/--port or KEMBAR_HOST/KEMBAR_PORT say otherwise. \
            Everyone may read; changing records needs an account: while there is none, open /setup on this \
            computer or run `kembar user add --role admin`. Behind a reverse proxy set KEMBAR_PUBLIC_URL \
            (docs/DEPLOYMENT.md).
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Address to listen on (KEMBAR_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (KEMBAR_PORT; default 8080).") var port: Int?
    @Flag(name: .customLong("no-demo"), help: "On an empty database, load the frameworks but not the founding dataset.")
    var noDemo = false

    func run() async throws {
        var settings = try options.settings()
        if let host { settings.host = host }
        if let port { settings.port = port }
        try await runServer(settings: settings, loadDemo: !noDemo, announce: printError)
    }
}
