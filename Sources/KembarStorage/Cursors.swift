import Foundation
import KembarCore

/// Where a page of a list ends, handed to the client as an opaque token (`?cursor=`) to ask for the rows after it:
/// the sort it was made for and the last row's sort value and key. A page read from a cursor is the next rows of the
/// index, however deep, and stays put when rows are added or removed before it.
public struct ListCursor: Codable, Sendable, Equatable {
    /// The sort (`title`, `participants`, `label` for lists in name order).
    public var sort: String
    public var descending: Bool
    /// The language titles sort in, for a sort by title.
    public var language: Language?
    /// The last row's value of the sort column; `nil` when it had none (such rows come last).
    public var value: String?
    public var key: String

    public init(sort: String, descending: Bool = false, language: Language? = nil, value: String?, key: String) {
        self.sort = sort
        self.descending = descending
        self.language = language
        self.value = value
        self.key = key
    }

    /// A cursor that is not one Kembar gave, or one given for another sort.
    public struct Invalid: Error, Sendable {
        public init() {}
    }

    /// The cursor after `row` in `query`'s order.
    public init(after row: PartnershipRow, of query: PartnershipQuery) {
        let value: String? =
            switch query.sort {
            case .title: row.title(query.language)
            case .kind: row.kind
            case .stage: row.stage
            case .status: row.status
            case .agreements: String(row.agreementCount)
            case .activities: String(row.activityCount)
            case .participants: String(row.participants)
            case .lastActivity: row.lastActivityDay
            }
        self.init(
            sort: query.sort.rawValue, descending: query.descending,
            language: query.sort == .title ? query.language : nil, value: value, key: row.key)
    }

    /// The token: the cursor as base64url JSON.
    public var token: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The cursor a token stands for; `nil` for anything else (at most 2,000 characters are read).
    public init?(token: String) {
        guard token.utf8.count <= 2000 else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(ListCursor.self, from: data), cursor.key.utf8.count <= 500,
            (cursor.value?.utf8.count ?? 0) <= 1000
        else { return nil }
        self = cursor
    }
}
