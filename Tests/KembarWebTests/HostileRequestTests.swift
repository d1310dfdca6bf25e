import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Generated hostile requests to every route the app registers: hostile path parameters, query strings, bodies,
/// content types and methods. None may answer 5xx or stop the server from answering the next request.
@Suite struct HostileRequestTests {
    /// Values that have broken parsers, ranges and formatters elsewhere.
    static let values = [
        "", " ", "0", "-1", "-9223372036854775808", "9223372036854775807", "99999999999999999999", "1e309", "NaN",
        "-0", "2019-13-45", "2019-02-30", "0000", "10000-01-01", "..", "../../etc/passwd", "%00", "%FF%FE",
        "<script>alert(1)</script>", "' OR 1=1 --", "surabaya-liverpool", "sbylpl-2018-mou", "\u{202E}abc",
        "ÿ😀漢字", String(repeating: "a", count: 5000), "a,b,c,d,e,f,g,h", "true", "null", "[]", "{}", "~",
        "teacher=~-5", "cohen-smart-city-wheel:", ":", ";;;;", "x=y;z", "id", "en", "md", "json", "html",
    ]

    static let queryNames = [
        "lang", "framework", "asOf", "from", "to", "cities", "q", "status", "country", "year", "kind", "field",
        "format", "notice", "partnership", "text", "page", "limit", "offset", "sort", "order", "province", "stage",
    ]

    /// A deterministic generator, so a failure names a request that can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    @Test(arguments: TestBackend.enabled)
    func noRouteAnswers5xxToHostileRequests(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            var random = Random(state: 0x5EED_CAFE)
            let routes = app.routes.all
            // Half the requests come from a signed-in administrator with a valid form token, so the forms' parsing
            // and the writes behind them meet the hostile values too, not only the sign-in check.
            let admin = try await signIn(app)
            #expect(routes.count > 20)
            var sent = 0
            var failures: [String] = []
            for route in routes {
                for _ in 0..<80 {
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            switch component {
                            case .constant(let text): return text
                            case .parameter, .anything: return Self.encode(random.pick(Self.values))
                            case .catchall: return Self.encode(random.pick(Self.values)) + "/x"
                            }
                        }.joined(separator: "/")
                    let query = (0..<Int(random.next() % 4)).map { _ in
                        "\(random.pick(Self.queryNames))=\(Self.encode(random.pick(Self.values)))"
                    }.joined(separator: "&")
                    let url = query.isEmpty ? path : "\(path)?\(query)"
                    let method =
                        random.next() % 5 == 0 ? random.pick([HTTPMethod.GET, .POST, .PUT, .DELETE]) : route.method
                    let signed = random.next() % 2 == 0
                    let token = "_csrf=\(admin.csrf)&"
                    let body: (String, String)? =
                        method == .GET
                        ? nil
                        : random.pick([
                            (
                                "application/x-www-form-urlencoded",
                                (signed ? token : "")
                                    + (0..<Int(random.next() % 6)).map { _ in
                                        "\(Self.encode(random.pick(Self.queryNames + ["key", "title_en", "start", "participants", "_version", "results", "figures", "signatories"])))=\(Self.encode(random.pick(Self.values)))"
                                    }.joined(separator: "&")
                            ),
                            ("application/json", random.pick(["{", "[]", "{\"key\": 1}", "null", "\"x\""])),
                            (
                                "multipart/form-data; boundary=kembar",
                                (signed ? admin.csrfPart : "")
                                    + "--kembar\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"\(random.pick(["a.csv", "b.json", "../c"]))\"\r\n\r\n\(random.pick(Self.values))\r\n--kembar--\r\n"
                            ),
                            ("multipart/form-data; boundary=kembar", "--kembar\r\n\r\ngarbage"),
                            ("text/plain", random.pick(Self.values)),
                        ])
                    try await app.testing().test(
                        method, url,
                        beforeRequest: { req in
                            if signed { admin.sign(&req) }
                            if let (type, text) = body {
                                req.headers.replaceOrAdd(name: .contentType, value: type)
                                req.body = ByteBuffer(string: text)
                            }
                        }
                    ) { res async in
                        if res.status.code >= 500 {
                            let shown =
                                url.count > 160 ? url.prefix(160) + "…(\(url.count) characters)" : Substring(url)
                            failures.append("\(method) \(shown) → \(res.status.code) \(res.body.string.prefix(200))")
                        }
                    }
                    sent += 1
                }
            }
            #expect(sent >= routes.count * 80)
            #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
            // Still standing.
            try await app.testing().test(.GET, "/healthz") { res async in #expect(res.status == .ok) }
        }
    }
}
