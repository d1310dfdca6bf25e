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

        func request(
            _ path: String, form: [String: String]? = nil, cookie: String? = nil
        ) async throws -> (
            status: Int, body: String, cookies: [String: String]
        ) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
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
            let (data, response) = try await Self.session.data(for: request)
            let http = response as? HTTPURLResponse
            var cookies: [String: String] = [:]
            for header in (http?.value(forHTTPHeaderField: "Set-Cookie") ?? "").components(separatedBy: ", kembar") {
                let pair = header.split(separator: ";").first.map(String.init) ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    cookies[parts[0].hasPrefix("kembar") ? parts[0] : "kembar" + parts[0]] = parts[1]
                }
            }
            return (http?.statusCode ?? 0, String(decoding: data, as: UTF8.self), cookies)
        }

        /// A browser that keeps no cookies of its own and follows no redirects: the test passes what it means to.
        static let session: URLSession = {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpShouldSetCookies = false
            configuration.httpCookieAcceptPolicy = .never
            return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        }()

        /// Signs in through the form; returns the session cookie.
        func signIn(email: String, password: String) async throws -> String {
            let page = try await request("/login")
            let token = Self.field("_csrf", in: page.body)
            let form = page.cookies["kembar_form"] ?? ""
            let signedIn = try await request(
                "/login", form: ["_csrf": token, "email": email, "password": password], cookie: "kembar_form=\(form)")
            return "kembar_session=" + (signedIn.cookies["kembar_session"] ?? "")
        }

        /// The value of the first input named `name` in a page.
        static func field(_ name: String, in page: String) -> String {
            page.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first?.components(separatedBy: "\"")
                .first ?? ""
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

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func aWriteOnOneServerIsSeenByTheOthersNextRequest() async throws {
        try await withScratchPostgresDatabase { url in
            let migrated = try CLI.run(["migrate", "--seed", "--database", url])
            #expect(migrated.status == 0, "\(migrated.stderr)")
            let added = try CLI.run(
                [
                    "user", "add", "--name", "Liverpool office", "--email", "office@liverpool.gov.uk", "--role",
                    "editor:liverpool", "--database", url,
                ], stdin: "correct horse battery\n")
            #expect(added.status == 0, "\(added.stderr)")
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
            // Signed in on the first server; the session works on the second one too (it lives in the database).
            let cookie = try await first.signIn(email: "office@liverpool.gov.uk", password: "correct horse battery")
            let account = try await second.request("/account?lang=en", cookie: cookie)
            #expect(account.status == 200 && account.body.contains("editor of Liverpool"))
            values["_csrf"] = Server.field(
                "_csrf", in: try await first.request("/edit/cities/liverpool", cookie: cookie).body)
            let saved = try await first.request("/edit/cities/liverpool", form: values, cookie: cookie)
            #expect(saved.status == 303, "\(saved.body.prefix(500))")
            // The second server's very next requests show it: the city page and the partnership list.
            #expect(try await second.request("/cities/liverpool").body.contains("City of Liverpool"))
            #expect(try await second.request("/?asOf=2023-12-31").body.contains("Surabaya – City of Liverpool"))
            #expect(try await second.request("/api/v1/partnerships").body.contains("City of Liverpool"))
        }
    }
}
