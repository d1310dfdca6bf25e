import Foundation

/// A stable, human-readable identifier (a slug) for a record of kind `Entity`.
///
/// Keys are what make re-import an upsert: the same key always names the same city, activity or source,
/// whichever database or file it travels through. A key is lowercase ASCII letters, digits and single
/// hyphens or dots between them, at most 120 characters (e.g. `surabaya`, `surabaya-liverpool`,
/// `sbylpl-2019-st-vincents-visit-1`).
public struct Key<Entity>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Key, rhs: Key) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A key made from a title or name — accents dropped, lower case, words joined by `-`, at most `limit`
    /// characters cut at a word — or `nil` when the text has no Latin letter or digit to make one of.
    public static func suggested(from text: String, limit: Int = 60) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var words: [String] = []
        var word = ""
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": word.unicodeScalars.append(scalar)
            default:
                if !word.isEmpty { words.append(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var key = ""
        for next in words {
            let joined = key.isEmpty ? next : key + "-" + next
            if joined.count > limit { break }
            key = joined
        }
        if key.isEmpty, let first = words.first { key = String(first.prefix(limit)) }
        return key.isEmpty ? nil : key
    }

    /// Whether `rawValue` follows the slug rule above.
    public var isWellFormed: Bool { Self.isSlug(rawValue) }

    static func isSlug(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 120 else { return false }
        var previousWasSeparator = true
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasSeparator = false
            case "-", ".":
                if previousWasSeparator { return false }
                previousWasSeparator = true
            default: return false
            }
        }
        return !previousWasSeparator
    }
}

public typealias CityKey = Key<City>
public typealias OrganisationKey = Key<Organisation>
public typealias PartnershipKey = Key<Partnership>
public typealias AgreementKey = Key<Agreement>
public typealias MilestoneKey = Key<Milestone>
public typealias ActivityKey = Key<Activity>
public typealias ActionKey = Key<PlannedAction>
public typealias DocumentKey = Key<AttachedDocument>
public typealias InitiativeKey = Key<Initiative>
public typealias FieldKey = Key<Field>
public typealias SourceKey = Key<Source>
public typealias FrameworkKey = Key<Framework>
public typealias CrosswalkKey = Key<Crosswalk>
public typealias ObservationKey = Key<Observation>
