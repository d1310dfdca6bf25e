import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Logging
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Two `kembar serve` processes on one PostgreSQL database, as a ministry deploys them behind a load balancer.
@Suite struct ServeTests {
    /// A running `kembar serve`, stopped when the test ends.
    final class Server {
        let process = Process()
        let port: Int

        init(database: String, port: Int) throws {
            self.port = port
            process.executableURL = CLI.executable
            process.arguments = ["serve", "--port", String(port), "--database", database]
            var environment = ProcessInfo.processInfo.environment
            environment["KEMBAR_LOG_LEVEL"] = "warning"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        deinit { process.terminate() }

        func request(_ path: String, form: [String: String]? = nil) async throws -> (status: Int, body: String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            if let form {
                request.httpMethod = "POST"
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                var allowed = CharacterSet.alphanumerics
                allowed.insert(charactersIn: "-._~")
                request.httpBody = Data(
                    form.map { name, value in
                        "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
                    }.joined(separator: "&").utf8)
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Waits until the server answers `/healthz`.
        func ready() async throws {
            for _ in 0..<200 {
                if (try? await request("/healthz"))?.status == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw TestSetupError("kembar serve on port \(port) did not start")
        }
    }

    static func freePort() -> Int { Int.random(in: 20000..<60000) }

    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func aWriteOnOneServerIsSeenByTheOthersNextRequest() async throws {
        try await withScratchPostgresDatabase { url in
            let migrated = try CLI.run(["migrate", "--seed", "--database", url])
            #expect(migrated.status == 0, "\(migrated.stderr)")
            let first = try Server(database: url, port: Self.freePort())
            let second = try Server(database: url, port: Self.freePort())
            try await first.ready()
            try await second.ready()
            // Both have served the pages once (anything they keep is warm).
            for server in [first, second] {
                #expect(try await server.request("/cities/liverpool").body.contains("Liverpool"))
                #expect(try await server.request("/?asOf=2023-12-31").body.contains("Surabaya – Liverpool"))
            }
            // An editor saves the city through the first server's form.
            var logger = Logger(label: "kembar.test")
            logger.logLevel = .warning
            let store = try KembarStore.open(.postgres(url: url), logger: logger)
            var values = try #require(try await store.repository.formValues(.cities, key: "liverpool"))
            let version = try #require(try await store.repository.version(.cities, key: "liverpool"))
            await store.close()
            values["name_en"] = "City of Liverpool"
            values["_version"] = String(version)
            let saved = try await first.request("/edit/cities/liverpool", form: values)
            #expect([200, 303].contains(saved.status), "\(saved.body.prefix(500))")
            // The second server's very next requests show it: the city page and the partnership list.
            #expect(try await second.request("/cities/liverpool").body.contains("City of Liverpool"))
            #expect(try await second.request("/?asOf=2023-12-31").body.contains("Surabaya – City of Liverpool"))
            #expect(try await second.request("/api/v1/partnerships").body.contains("City of Liverpool"))
        }
    }
}
