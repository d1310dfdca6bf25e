import Crypto
import FluentKit
import Foundation
import KembarCore

extension Repository {
    /// The SHA-256 of `bytes`, as documents name it: 64 lower-case hexadecimal digits.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Attaches a file: its bytes are kept once per checksum, then its description is written like any record —
    /// through the one authorization point and the change log, refused whole if a rule is broken. Bytes kept for a
    /// description that was then refused stay unreferenced; nothing refers to them and nothing is lost.
    public func attach(_ document: AttachedDocument, content: [UInt8], as context: WriteContext) async throws {
        guard content.count <= AttachedDocument.maximumSize else {
            throw InvalidInput([
                Violation(field: "size", value: "\(content.count)", rule: .valueOutOfRange, detail: "at most 10 MiB")
            ])
        }
        var document = document
        document.size = content.count
        document.sha256 = Self.sha256(content)
        if try await DocumentContentRecord.find(document.sha256, on: database) == nil {
            do {
                try await DocumentContentRecord(sha256: document.sha256, content: content).create(on: database)
            } catch {
                // Another server stored the same bytes meanwhile: they are the same bytes.
                guard try await DocumentContentRecord.find(document.sha256, on: database) != nil else { throw error }
            }
        }
        try await importBatch(
            ImportBatch(Dataset(documents: [document])), as: context, basedOn: ["document/\(document.id)": 0])
    }

    /// A stored document's description (`nil` when there is none, or a public reader may not see it).
    public func document(_ key: DocumentKey) async throws -> AttachedDocument? { try await one(key) }

    /// The documents attached to a record of a partnership.
    public func documents(
        of partnership: PartnershipKey, attachedTo owner: AttachedDocument.Owner, _ key: String
    ) async throws -> [AttachedDocument] {
        let all: [AttachedDocument] = try await children(of: partnership)
        return all.filter { $0.attachedTo == owner && $0.owner == key }.sorted { $0.id < $1.id }
    }

    /// The bytes with this checksum, when this database holds them (a description imported from another database's
    /// export may name a file it does not).
    public func documentContent(sha256: String) async throws -> [UInt8]? {
        guard sha256.count == 64 else { return nil }
        return try await DocumentContentRecord.find(sha256, on: database).map { Array($0.content) }
    }
}
