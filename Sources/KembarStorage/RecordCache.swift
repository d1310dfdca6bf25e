import FluentKit
import FluentSQL
import Foundation

/// Decoded records of each kind, kept between requests and brought up to date from the change log.
///
/// Every write appends to `changes` in its transaction. A reader asks for the latest sequence (one tiny query); when
/// it is past the sequence a cached kind was read at, only the records the log names since then are read again and
/// patched in — a save elsewhere costs the next request a few rows, not the whole kind. Several Kembar servers
/// sharing one database therefore never serve each other's stale records. Reading the sequence before the records
/// makes a race harmless: records read after a concurrent write are labelled with the older sequence and simply
/// read again next time.
final class RecordCache: @unchecked Sendable {
    struct Entry {
        var sequence: Int
        var values: Any
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func entry(_ kind: EntityKind) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[kind.rawValue]
    }

    func store<T>(_ values: [T], _ kind: EntityKind, at sequence: Int) {
        lock.lock()
        defer { lock.unlock() }
        // Never replace newer records with older ones read by a slower request.
        if let current = entries[kind.rawValue], current.sequence > sequence { return }
        entries[kind.rawValue] = Entry(sequence: sequence, values: values)
    }
}

/// The database's generation, as version 3 of the schema kept it; superseded by the change log (migration 004)
/// and no longer written.
final class GenerationRecord: Model, @unchecked Sendable {
    static let schema = "generation"

    @ID(key: .id) var id: UUID?
    @Field(key: "value") var value: Int

    init() {}

    init(value: Int) { self.value = value }
}
