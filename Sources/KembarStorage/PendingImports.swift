import FluentKit
import Foundation

/// A file of a browser import waiting for confirmation.
public struct PendingFile: Sendable, Equatable {
    public var name: String
    public var content: [UInt8]

    public init(name: String, content: [UInt8]) {
        self.name = name
        self.content = content
    }
}

extension Repository {
    /// How long a previewed import waits for its confirmation.
    public static let pendingLifetime: Double = 3600

    /// Keeps the files of a previewed import for `userID` and returns the key its confirmation names; pending files
    /// older than ``pendingLifetime`` (anyone's) are cleared.
    public func keepPending(_ files: [PendingFile], userID: Int, now: Double) async throws -> String {
        let batch = UUID().uuidString.lowercased()
        try await database.transaction { database in
            try await PendingFileRecord.query(on: database).filter(\.$createdAt < now - Self.pendingLifetime).delete()
            for (position, file) in files.enumerated() {
                let record = PendingFileRecord()
                record.batch = batch
                record.userID = userID
                record.position = position
                record.name = file.name
                record.content = Data(file.content)
                record.createdAt = now
                try await record.create(on: database)
            }
        }
        return batch
    }

    /// The files kept under `batch` for `userID`, in upload order; `nil` when there are none (another account's,
    /// expired, or already imported).
    public func pending(_ batch: String, userID: Int, now: Double) async throws -> [PendingFile]? {
        let records = try await PendingFileRecord.query(on: database).filter(\.$batch == batch)
            .filter(\.$userID == userID).filter(\.$createdAt >= now - Self.pendingLifetime).sort(\.$position).all()
        return records.isEmpty ? nil : records.map { PendingFile(name: $0.name, content: Array($0.content)) }
    }

    /// Forgets the files kept under `batch` (after they were imported).
    public func discardPending(_ batch: String) async throws {
        try await PendingFileRecord.query(on: database).filter(\.$batch == batch).delete()
    }
}
