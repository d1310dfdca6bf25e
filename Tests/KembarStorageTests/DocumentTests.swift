import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

/// Attached documents: their bytes kept once per checksum, their descriptions like any record; an export names them
/// by checksum, a backup carries the bytes.
@Suite struct DocumentTests {
    static let scan = Array("%PDF-1.4 Nota Kesepahaman Surabaya–Liverpool, 19 Maret 2018".utf8)

    static func mou(_ key: String = "sbylpl-2018-mou-scan") -> AttachedDocument {
        AttachedDocument(
            id: DocumentKey(key), partnership: "surabaya-liverpool", attachedTo: .agreement, owner: "sbylpl-2018-mou",
            title: LocalizedText(en: "Signed MoU", id: "MoU yang ditandatangani"), fileName: "mou.pdf",
            contentType: "application/pdf", size: 0, sha256: "", category: "A09", language: "id",
            date: try? PartialDate(parsing: "2018-03-19"))
    }

    @Test(arguments: TestBackend.enabled)
    func anUploadedDocumentSurvivesExportImportAndBackupRestore(backend: TestBackend) async throws {
        let context = WriteContext(actor: "ani", channel: .form)
        let (export, backup) = try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let repository = store.repository
            try await repository.attach(Self.mou(), content: Self.scan, as: context)
            // The same bytes attached again are kept once.
            try await repository.attach(Self.mou("sbylpl-2018-mou-copy"), content: Self.scan, as: context)
            let stored = try #require(try await repository.document("sbylpl-2018-mou-scan"))
            #expect(stored.sha256 == Repository.sha256(Self.scan) && stored.size == Self.scan.count)
            #expect(try await repository.documentContent(sha256: stored.sha256) == Self.scan)
            #expect(try await DocumentContentRecord.query(on: store.database).count() == 1)
            #expect(try await repository.history(kind: "document", key: "sbylpl-2018-mou-scan").count == 1)
            // A file over the limit, a category IATI does not have, a record of another kind: refused, nothing kept.
            await #expect(throws: InvalidInput.self) {
                try await repository.attach(
                    Self.mou("big"), content: [UInt8](repeating: 0, count: AttachedDocument.maximumSize + 1),
                    as: context)
            }
            var wrong = Self.mou("wrong")
            wrong.category = "Z99"
            wrong.owner = "no-such-agreement"
            do {
                try await repository.attach(wrong, content: [1, 2, 3], as: context)
                Issue.record("refused")
            } catch let error as InvalidInput {
                #expect(Set(error.violations.map(\.field)) == ["category", "owner"])
            }
            #expect(try await repository.document("wrong") == nil)
            // The agreement cannot be deleted while a document is attached to it: nothing goes silently.
            await #expect(throws: InvalidInput.self) {
                try await repository.delete(.agreements, key: "sbylpl-2018-mou")
            }
            return (try await repository.dataset(), try await repository.backup())
        }
        #expect(export.documents.map(\.id) == ["sbylpl-2018-mou-copy", "sbylpl-2018-mou-scan"])
        let file = try DatasetCodec.encode(export)
        #expect(String(decoding: file, as: UTF8.self).contains(Repository.sha256(Self.scan)))
        // Export → import: the descriptions come back; the bytes were not in the export, and say so.
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: false)
            try await store.repository.importDataset(try DatasetCodec.decode(file))
            #expect(try await store.repository.document("sbylpl-2018-mou-scan") == export.documents.last)
            #expect(try await store.repository.documentContent(sha256: Repository.sha256(Self.scan)) == nil)
        }
        // Backup → restore: descriptions and bytes.
        let decoded = try Backup.decode(try backup.encoded())
        try await withTestStore(backend) { store in
            try await store.repository.restore(decoded)
            let document = try #require(try await store.repository.document("sbylpl-2018-mou-scan"))
            #expect(try await store.repository.documentContent(sha256: document.sha256) == Self.scan)
            // A damaged backup is refused, not restored with the wrong bytes.
            var damaged = decoded
            damaged.contents?[0].base64 = Data("other".utf8).base64EncodedString()
            try await withTestStore(backend) { other in
                await #expect(throws: InvalidInput.self) { try await other.repository.restore(damaged) }
            }
        }
    }
}
