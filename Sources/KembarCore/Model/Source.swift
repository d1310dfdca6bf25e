/// A citation or an interview record. Every fact in Kembar can point to the sources that support it.
public struct Source: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case article, book, chapter, report, news, web, regulation, dataset, thesis, interview, other
    }

    public var id: SourceKey
    public var kind: Kind
    /// Authors or issuing bodies, as the citation gives them ("Pemerintah Kota Surabaya").
    public var authors: [String]
    public var title: String
    /// Journal, website or series the work appeared in.
    public var container: String?
    public var publisher: String?
    /// Publication date; `nil` for "n.d.".
    public var date: PartialDate?
    public var url: String?
    public var doi: String?
    /// When the URL was last read.
    public var accessed: PartialDate?
    /// For interviews: who was interviewed, and their office.
    public var interviewee: String?
    public var office: String?
    /// Anything a reader should know about the source (e.g. "cited in the text but missing from the reference list").
    public var note: String?
    /// Visible to signed-in readers only (an internal memo): `true`, or absent for a published source.
    public var `internal`: Bool?

    public init(
        id: SourceKey, kind: Kind, authors: [String] = [], title: String, container: String? = nil,
        publisher: String? = nil, date: PartialDate? = nil, url: String? = nil, doi: String? = nil,
        accessed: PartialDate? = nil, interviewee: String? = nil, office: String? = nil, note: String? = nil,
        internal: Bool? = nil
    ) {
        self.id = id
        self.kind = kind
        self.authors = authors
        self.title = title
        self.container = container
        self.publisher = publisher
        self.date = date
        self.url = url
        self.doi = doi
        self.accessed = accessed
        self.interviewee = interviewee
        self.office = office
        self.note = note
        self.internal = `internal`
    }

    /// "Authors (year)" — the short form used in tables, e.g. "Hakim (2023)" or "Septiani (n.d.)".
    public var shortCitation: String {
        let who: String
        switch authors.count {
        case 0: who = publisher ?? title
        case 1: who = Self.surname(authors[0])
        case 2: who = "\(Self.surname(authors[0])) & \(Self.surname(authors[1]))"
        default: who = "\(Self.surname(authors[0])) et al."
        }
        return "\(who) (\(date.map { String($0.year) } ?? "n.d."))"
    }

    private static func surname(_ author: String) -> String {
        author.split(separator: ",").first.map(String.init) ?? author
    }

    /// The source without the personal data it may hold — an interviewee's name and office, and an interview's
    /// authors (who are the interviewee) — as public readers see it.
    public var withoutPersonalData: Source {
        var copy = self
        copy.interviewee = nil
        copy.office = nil
        if kind == .interview { copy.authors = [] }
        return copy
    }
}

/// A field of cooperation named in agreements (smart city, creative economy, port management, …).
public struct Field: Hashable, Sendable, Codable, Identifiable {
    public var id: FieldKey
    public var name: LocalizedText

    public init(id: FieldKey, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}
