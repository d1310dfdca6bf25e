import Vapor

/// Results of heavy pure computations (an index with its uncertainty runs), kept by a key that names their inputs'
/// versions, so a change to the inputs is a new key and nothing stale is served. Concurrent requests for one key
/// share one computation; the cache holds a bounded number of results.
actor ComputationCache {
    private var entries: [String: Task<any Sendable, any Error>] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func value<T: Sendable>(for key: String, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        if let running = entries[key], let value = try await running.value as? T { return value }
        let task = Task<any Sendable, any Error> { try await compute() }
        entries[key] = task
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        do {
            guard let value = try await task.value as? T else { throw Abort(.internalServerError) }
            return value
        } catch {
            // A failure is not kept: the next request tries again.
            entries[key] = nil
            throw error
        }
    }
}

extension Application {
    private struct ComputationCacheKey: StorageKey {
        typealias Value = ComputationCache
    }

    private struct PageCacheKey: StorageKey {
        typealias Value = ComputationCache
    }

    /// Rendered pages that are costly to build (a partnership with its whole evaluation), by address, language and
    /// the latest change sequence; set up by `configureKembar`.
    var pages: ComputationCache {
        get {
            guard let cache = storage[PageCacheKey.self] else { fatalError("configureKembar(_:store:) was not called") }
            return cache
        }
        set { storage[PageCacheKey.self] = newValue }
    }

    /// The server's cache of computed results, set up by `configureKembar`.
    var computations: ComputationCache {
        get {
            guard let cache = storage[ComputationCacheKey.self] else {
                fatalError("configureKembar(_:store:) was not called")
            }
            return cache
        }
        set { storage[ComputationCacheKey.self] = newValue }
    }
}

extension Request {
    /// An HTML page from the page cache: `render` runs once per page name, address (query, language), day
    /// evaluated on (a status changes at midnight) and latest change sequence — a write anywhere makes every page
    /// new — and concurrent requests share it.
    func cachedPage(
        _ name: String, render: @escaping @Sendable () async throws -> ByteBuffer
    ) async throws
        -> Response
    {
        let sequence = try await repository.latestSequence()
        let page = try await application.pages.value(
            for: "\(name)|\(url.query ?? "")|\(language)|\(asOf)|\(viewer)|\(sequence)",
            compute: render)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(buffer: page))
    }
}
