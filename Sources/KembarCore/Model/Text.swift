import Foundation

/// The two languages Kembar speaks. Every user-visible string exists in both.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en, id

    /// The other language, used as a fallback when a text exists only in one.
    public var other: Language { self == .en ? .id : .en }
}

/// A text given in English, Indonesian or both — as sources give it. At least one must be non-empty.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var en: String?
    public var id: String?

    public init(en: String? = nil, id: String? = nil) {
        self.en = en
        self.id = id
    }

    /// The text in `language`, falling back to the other language when only that one exists.
    public func text(_ language: Language) -> String {
        let preferred = language == .en ? en : id
        let fallback = language == .en ? id : en
        return nonEmpty(preferred) ?? nonEmpty(fallback) ?? ""
    }

    /// The language ``text(_:)`` answers in for `language`: the other one when only that exists (a page marks such
    /// text with its `lang`), `nil` when the text is empty.
    public func language(for language: Language) -> Language? {
        if nonEmpty(language == .en ? en : id) != nil { return language }
        return nonEmpty(language == .en ? id : en) != nil ? language.other : nil
    }

    /// Both languages, English first, for searching and tagging.
    public var allText: String { [en, id].compactMap { $0 }.joined(separator: " ") }

    public var isEmpty: Bool { nonEmpty(en) == nil && nonEmpty(id) == nil }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isBlank else { return nil }
        return text
    }
}

extension StringProtocol {
    /// Whether the text is empty or only white space (Unicode's White_Space: spaces, tabs, line breaks, and the
    /// zero-width space Foundation counts too) — what `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`
    /// answers, without making the trimmed copy.
    public var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" } }
}

/// Where on Earth a city is, in WGS 84 decimal degrees.
public struct Coordinates: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
