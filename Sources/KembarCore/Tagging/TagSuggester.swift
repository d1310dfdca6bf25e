import Foundation

/// A word of the text that matched a lexicon term.
public struct TagMatch: Hashable, Sendable, Codable {
    /// The word or words as they appear (lower-cased) in the text.
    public var word: String
    /// The lexicon term it matched (a root such as `didik` for "pendidikan").
    public var term: String
    public var weight: Double

    public init(word: String, term: String, weight: Double) {
        self.word = word
        self.term = term
        self.weight = weight
    }
}

/// A proposed dimension tag, with the words that led to it. A person confirms; nothing is stored automatically.
public struct TagSuggestion: Hashable, Sendable, Codable {
    public var tag: FrameworkTag
    /// Sum of the matched cues' weights (strong 1, weak 0.5), each word counted once.
    public var score: Double
    /// `score / (score + 1)`: 0.5 for one strong cue, 0.67 for two, 0.75 for three — rising but never certain.
    public var confidence: Double
    public var matches: [TagMatch]

    public init(tag: FrameworkTag, score: Double, confidence: Double, matches: [TagMatch]) {
        self.tag = tag
        self.score = score
        self.confidence = confidence
        self.matches = matches
    }
}

/// Proposes dimension tags for an activity or initiative from its text.
///
/// Rules (docs/TAGGING.md): the best-scoring dimension is proposed when its score reaches ``minimumTopScore``;
/// further dimensions when they reach ``minimumOtherScore`` and at least half the best score.
public struct TagSuggester: Sendable {
    public var lexicon: Lexicon
    public var minimumTopScore: Double
    public var minimumOtherScore: Double

    public init(lexicon: Lexicon = .standard, minimumTopScore: Double = 0.5, minimumOtherScore: Double = 1.0) {
        self.lexicon = lexicon
        self.minimumTopScore = minimumTopScore
        self.minimumOtherScore = minimumOtherScore
    }

    /// Suggestions for a title and description (both languages of each are read).
    public func suggest(title: LocalizedText, description: LocalizedText? = nil) -> [TagSuggestion] {
        suggest(text: title.allText + " " + (description?.allText ?? ""))
    }

    /// Suggestions in the lexicon's framework (Cohen's wheel), best first.
    public func suggest(text: String) -> [TagSuggestion] {
        let scored = score(text)
        guard let top = scored.first, top.score >= minimumTopScore else { return [] }
        let kept = [top] + scored.dropFirst().filter { $0.score >= minimumOtherScore && $0.score >= top.score / 2 }
        return kept.map { entry in
            TagSuggestion(
                tag: FrameworkTag(framework: lexicon.framework, node: entry.dimension), score: entry.score,
                confidence: (entry.score / (entry.score + 1) * 100).rounded() / 100, matches: entry.matches)
        }
    }

    /// Suggestions translated into `framework` through the library's crosswalks from the lexicon's framework.
    ///
    /// A suggestion whose dimension the crosswalk does not map is dropped from the result, since an unconfirmed
    /// guess has nothing to preserve; the matched words remain visible on the suggestions that do map.
    public func suggest(text: String, for framework: Framework, library: FrameworkLibrary) -> [TagSuggestion] {
        let resolver = TagResolver(target: framework, library: library)
        var merged: [String: TagSuggestion] = [:]
        var order: [String] = []
        for suggestion in suggest(text: text) {
            guard let nodes = try? resolver.resolve(suggestion.tag).get() else { continue }
            for node in nodes {
                if var existing = merged[node] {
                    existing.score += suggestion.score
                    existing.confidence = (existing.score / (existing.score + 1) * 100).rounded() / 100
                    existing.matches += suggestion.matches
                    merged[node] = existing
                } else {
                    order.append(node)
                    var copy = suggestion
                    copy.tag = FrameworkTag(framework: framework.id, node: node)
                    merged[node] = copy
                }
            }
        }
        return order.compactMap { merged[$0] }
    }

    // MARK: - Scoring

    struct Scored {
        var dimension: String
        var score: Double
        var matches: [TagMatch]
    }

    /// Per dimension, the weight of matched cues, best first (ties in the lexicon's dimension order).
    func score(_ text: String) -> [Scored] {
        var tokens = Self.tokens(text)
        removeStopPhrases(&tokens)
        let stems = tokens.map { Set(IndonesianStemmer.candidates($0)) }
        var consumed = Array(repeating: false, count: tokens.count)
        // dimension → word → best match, so a word counts once per dimension.
        var found: [String: [String: TagMatch]] = [:]
        var dimensionOrder: [String] = []
        func record(_ entry: Lexicon.Entry, word: String) {
            if found[entry.dimension] == nil { dimensionOrder.append(entry.dimension) }
            let match = TagMatch(word: word, term: entry.term, weight: entry.weight)
            if let existing = found[entry.dimension, default: [:]][word], existing.weight >= entry.weight { return }
            found[entry.dimension, default: [:]][word] = match
        }
        func matches(_ entry: Lexicon.Entry, word: String, at index: Int, isLast: Bool) -> Bool {
            let token = tokens[index]
            if isLast && entry.isPrefix { return token.hasPrefix(word) }
            if token == word { return true }
            return entry.language == .id && stems[index].contains(word)
        }
        // Phrases first, longest first; they take their words out of single-word matching.
        let phrases = lexicon.entries.filter { $0.words.count > 1 }.sorted { $0.words.count > $1.words.count }
        for entry in phrases {
            let words = entry.words
            guard tokens.count >= words.count else { continue }
            for start in 0...(tokens.count - words.count) {
                let range = start..<(start + words.count)
                guard range.allSatisfy({ !consumed[$0] }) else { continue }
                let hit = words.enumerated().allSatisfy { offset, word in
                    matches(entry, word: word, at: start + offset, isLast: offset == words.count - 1)
                }
                if hit {
                    record(entry, word: range.map { tokens[$0] }.joined(separator: " "))
                    for index in range { consumed[index] = true }
                }
            }
        }
        for entry in lexicon.entries where entry.words.count == 1 {
            guard let word = entry.words.first else { continue }
            for index in tokens.indices where !consumed[index] && !tokens[index].isEmpty {
                if matches(entry, word: word, at: index, isLast: true) { record(entry, word: tokens[index]) }
            }
        }
        let scored = dimensionOrder.map { dimension -> Scored in
            let list = (found[dimension] ?? [:]).values.sorted { $0.word < $1.word }
            return Scored(dimension: dimension, score: list.reduce(0) { $0 + $1.weight }, matches: list)
        }
        let rank = Dictionary(
            lexicon.entries.map(\.dimension).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return scored.sorted {
            $0.score != $1.score ? $0.score > $1.score : (rank[$0.dimension] ?? 0) < (rank[$1.dimension] ?? 0)
        }
    }

    /// Blanks the tokens of stop phrases so none of their words matches.
    func removeStopPhrases(_ tokens: inout [String]) {
        for phrase in lexicon.stopPhrases {
            let words = phrase.split(separator: " ").map(String.init)
            guard tokens.count >= words.count else { continue }
            for start in 0...(tokens.count - words.count) where Array(tokens[start..<(start + words.count)]) == words {
                for index in start..<(start + words.count) { tokens[index] = "" }
            }
        }
    }

    /// Lower-cased words without diacritics; hyphens split words except the "e-" of e-government and the like.
    static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var tokens: [String] = []
        var current = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "-" && (current == "e" || current == "start") {
                current.append(ch)  // keep "e-government", "e-commerce", "start-up" whole
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
