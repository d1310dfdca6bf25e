/// A file attached to an agreement, milestone or activity — an MoU scan, minutes, a report, a photo — described by its
/// name, type, size, SHA-256 checksum, IATI document category and language. The bytes are stored apart (by checksum);
/// a dataset carries the description, so an export names every file by reference and checksum.
public struct AttachedDocument: Hashable, Sendable, Codable, Identifiable {
    /// What a document can be attached to.
    public enum Owner: String, Hashable, Sendable, Codable, CaseIterable {
        case agreement, milestone, activity
    }

    public var id: DocumentKey
    public var partnership: PartnershipKey
    public var attachedTo: Owner
    /// The key of the agreement, milestone or activity (of the same partnership).
    public var owner: String
    public var title: LocalizedText?
    /// The file's name as uploaded.
    public var fileName: String
    /// Its media type (`application/pdf`, `image/jpeg`).
    public var contentType: String
    /// Its length in bytes.
    public var size: Int
    /// The SHA-256 of its bytes, 64 lower-case hexadecimal digits.
    public var sha256: String
    /// An IATI DocumentCategory code: `A09` for a memorandum of understanding (see ``DocumentCategory``).
    public var category: String
    /// The ISO 639-1 code of its language (`id`, `en`).
    public var language: String?
    /// The document's own date.
    public var date: PartialDate?
    public var note: String?
    /// Visible to signed-in readers only: `true`, or absent when published.
    public var `internal`: Bool?

    public init(
        id: DocumentKey, partnership: PartnershipKey, attachedTo: Owner, owner: String, title: LocalizedText? = nil,
        fileName: String, contentType: String, size: Int, sha256: String, category: String, language: String? = nil,
        date: PartialDate? = nil, note: String? = nil, internal: Bool? = nil
    ) {
        self.id = id
        self.partnership = partnership
        self.attachedTo = attachedTo
        self.owner = owner
        self.title = title
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.category = category
        self.language = language
        self.date = date
        self.note = note
        self.internal = `internal`
    }

    /// The largest file Kembar keeps: 10 MiB (scans and photos; larger files belong in an archive, referenced).
    public static let maximumSize = 10 * 1024 * 1024
}

/// IATI's DocumentCategory codelist (activity and organisation documents), by code.
public enum DocumentCategory {
    public static let codes: [String] = [
        "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A12", "B01", "B02", "B03", "B04",
        "B05", "B06", "B07", "B08", "B09", "B10", "B11", "B12", "B13", "B14", "B15", "B16", "B17", "B18",
    ]
}
