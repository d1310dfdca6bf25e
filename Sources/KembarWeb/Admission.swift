import KembarStorage
import Synchronization
import Vapor

/// Bounds the work the server takes on at once, so a flood of requests cannot exhaust its memory or its database
/// connections: at most `requests` requests in flight, and of them at most `imports` browser imports (each may
/// hold a body of up to 50 MB while it is checked). Beyond either, the answer is a 503 in the reader's language with
/// `Retry-After`. `/healthz` is always answered.
///
/// Connections themselves are the reverse proxy's to limit (Vapor's server accepts every one): see
/// docs/DEPLOYMENT.md.
struct AdmissionMiddleware: AsyncMiddleware {
    static let defaultRequests = 256
    static let defaultImports = 2

    final class Gate: Sendable {
        let limit: Int
        private let taken = Mutex(0)

        init(limit: Int) { self.limit = limit }

        /// Takes a place if one is free.
        func enter() -> Bool {
            taken.withLock { count in
                guard count < limit else { return false }
                count += 1
                return true
            }
        }

        func leave() { taken.withLock { $0 -= 1 } }
    }

    let requests: Gate
    let imports: Gate

    init(requests: Int = defaultRequests, imports: Int = defaultImports) {
        self.requests = Gate(limit: requests)
        self.imports = Gate(limit: imports)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.path == "/healthz" { return try await next.respond(to: request) }
        let importing = request.method == .POST && request.url.path == "/import"
        return try await Self.through(requests, request) {
            importing
                ? try await Self.through(imports, request) { try await next.respond(to: request) }
                : try await next.respond(to: request)
        }
    }

    /// Runs `body` holding a place of `gate`, or refuses the request when none is free.
    private static func through(
        _ gate: Gate, _ request: Request, _ body: () async throws -> Response
    ) async throws -> Response {
        guard gate.enter() else {
            throw Abort(
                .serviceUnavailable, headers: ["Retry-After": "5"],
                reason: request.language == .en
                    ? "Kembar is busy with other requests and saved nothing of this one. Try again in a few seconds (go back: your browser keeps what you typed)."
                    : "Kembar sedang melayani permintaan lain dan tidak menyimpan apa pun dari permintaan ini. Coba lagi beberapa detik lagi (kembali: peramban menyimpan isian Anda)."
            )
        }
        do {
            let response = try await body()
            gate.leave()
            return response
        } catch {
            gate.leave()
            throw error
        }
    }
}

/// `ETag` on every successful `GET` of the API (a digest of the body: the same answer, the same tag, whatever
/// changed elsewhere), and `304 Not Modified` without a body when `If-None-Match` names it — so a client polling a
/// list or an export downloads it again only when it changed.
struct ETagMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.method == .GET || request.method == .HEAD, response.status == .ok,
            request.url.path.hasPrefix("/api/"), let buffer = response.body.buffer
        else { return response }
        let tag = "\"" + Repository.sha256(Array(buffer.readableBytesView)).prefix(32) + "\""
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        response.headers.replaceOrAdd(name: .vary, value: "Cookie, Authorization")
        let asked = request.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
        }
        guard asked.contains(tag) || asked.contains("*") else { return response }
        let unchanged = Response(status: .notModified)
        unchanged.headers.replaceOrAdd(name: .eTag, value: tag)
        unchanged.headers.replaceOrAdd(name: .vary, value: "Cookie, Authorization")
        return unchanged
    }
}
