import NIOConcurrencyHelpers

/// At most `limit` callers at a time; the others wait, without a thread, in the order they came.
///
/// A store's writers pass one at a time (`limit` 1): on SQLite a second writer must not wait inside SQLite, where its
/// busy wait holds a thread of the store's pool that the first writer may need to finish, so both would stall until
/// the busy timeout and fail (found by schemathesis writing with two workers). SQLite's own busy timeout is left for
/// writers of other processes (a CLI import while the server runs). The test support bounds PostgreSQL test
/// databases with one too.
public final class FairGate: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: NIOLockedValueBox<State>

    public init(limit: Int) {
        state = NIOLockedValueBox(State(free: limit))
    }

    /// Runs `body` once a place is free, giving it to the next caller waiting when `body` ends.
    public func run<T>(_ body: () async throws -> T) async throws -> T {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state in
                guard state.free > 0 else {
                    state.waiting.append(turn)
                    return false
                }
                state.free -= 1
                return true
            }
            if now { turn.resume() }
        }
        defer { handOver() }
        return try await body()
    }

    /// Gives the place to the next caller waiting, or frees it.
    private func handOver() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
