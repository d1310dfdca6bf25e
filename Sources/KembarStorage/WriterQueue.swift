import NIOConcurrencyHelpers

/// The writers of one store, one at a time and in the order they came.
///
/// On SQLite a second writer must not wait inside SQLite: its busy wait holds a thread of the store's pool, which the
/// first writer may need to finish, so both would stall until the busy timeout and fail (found by schemathesis
/// writing with two workers). Queued here, a writer waits without a thread or a connection; SQLite's own busy
/// timeout is left for writers of other processes (a CLI import while the server runs).
final class WriterQueue: Sendable {
    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    /// Runs `body` once every writer queued before it has finished.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state in
                if state.busy {
                    state.waiting.append(turn)
                    return false
                }
                state.busy = true
                return true
            }
            if now { turn.resume() }
        }
        defer { handOver() }
        return try await body()
    }

    /// Gives the turn to the next writer, or marks the queue free.
    private func handOver() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
