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
    /// The dimension (in another framework: the node the dimension translates to).
    public var tag: FrameworkTag
    /// Sum of the matched cues' weights (strong 1, weak 0.5), each word counted once.
    public var score: Double
    /// `score / (score + 1)`: 0.5 for one strong cue, 0.67 for two, 0.75 for three — rising but never certain.
    public var confidence: Double
    public var matches: [TagMatch]
    /// The sub-dimension below `tag` the words point to, when they point to one (docs/TAGGING.md).
    public var subdimension: SubdimensionSuggestion?

    public init(
        tag: FrameworkTag, score: Double, confidence: Double, matches: [TagMatch],
        subdimension: SubdimensionSuggestion? = nil
    ) {
        self.tag = tag
        self.score = score
        self.confidence = confidence
        self.matches = matches
        self.subdimension = subdimension
    }

    /// The sub-dimension when one is suggested, otherwise the dimension.
    public var mostSpecificTag: FrameworkTag { subdimension?.tag ?? tag }
}

/// A proposed sub-dimension of a suggested dimension, e.g. `cohen-smart-city-wheel:people.21st-century-education`.
public struct SubdimensionSuggestion: Hashable, Sendable, Codable {
    public var tag: FrameworkTag
    /// Sum of the weights of the words pointing to this sub-dimension (cues and hints), each word counted once.
    public var score: Double
    public var matches: [TagMatch]

    public init(tag: FrameworkTag, score: Double, matches: [TagMatch]) {
        self.tag = tag
        self.score = score
        self.matches = matches
    }
}

/// No framework with this key in the library the suggestions were to be translated with.
public struct UnknownFrameworkError: Error, Hashable, Sendable, CustomStringConvertible {
    public var framework: FrameworkKey
    public var known: [FrameworkKey]

    public init(framework: FrameworkKey, known: [FrameworkKey]) {
        self.framework = framework
        self.known = known
    }

    public var description: String {
        "No framework '\(framework.rawValue)'. Frameworks: " + known.map(\.rawValue).joined(separator: ", ")
    }
}

/// Proposes dimension tags for an activity or initiative from its text.
///
/// Rules (docs/TAGGING.md): the best-scoring dimension is proposed when its score reaches ``minimumTopScore``;
/// further dimensions when they reach ``minimumOtherScore`` and at least half the best score. Below each proposed
/// dimension, the best sub-dimension is proposed when its words reach ``minimumSubdimensionScore`` and it leads
/// every other sub-dimension of that dimension.
public struct TagSuggester: Sendable {
    public var lexicon: Lexicon
    public var minimumTopScore: Double
    public var minimumOtherScore: Double
    public var minimumSubdimensionScore: Double

    public init(
        lexicon: Lexicon = .standard, minimumTopScore: Double = 0.5, minimumOtherScore: Double = 1.0,
        minimumSubdimensionScore: Double = 1.0
    ) {
        self.lexicon = lexicon
        self.minimumTopScore = minimumTopScore
        self.minimumOtherScore = minimumOtherScore
        self.minimumSubdimensionScore = minimumSubdimensionScore
    }

    /// Suggestions for a title and description (both languages of each are read).
    public func suggest(title: LocalizedText, description: LocalizedText? = nil) -> [TagSuggestion] {
        suggest(text: Self.text(title: title, description: description))
    }

    /// Suggestions in the lexicon's framework (Cohen's wheel), best first. `tag` names the dimension;
    /// `subdimension`, when set, the sub-dimension below it.
    public func suggest(text: String) -> [TagSuggestion] {
        let scored = score(text)
        guard let top = scored.first, top.score >= minimumTopScore else { return [] }
        let kept = [top] + scored.dropFirst().filter { $0.score >= minimumOtherScore && $0.score >= top.score / 2 }
        return kept.map { entry in
            TagSuggestion(
                tag: FrameworkTag(framework: lexicon.framework, node: entry.dimension), score: entry.score,
                confidence: Self.confidence(entry.score), matches: entry.matches,
                subdimension: bestSubdimension(entry.subdimensions))
        }
    }

    /// Suggestions for a title and description in the framework `key` (see ``suggest(text:framework:library:)``).
    public func suggest(
        title: LocalizedText, description: LocalizedText? = nil, framework key: FrameworkKey,
        library: FrameworkLibrary
    ) throws(UnknownFrameworkError) -> [TagSuggestion] {
        try suggest(text: Self.text(title: title, description: description), framework: key, library: library)
    }

    /// Suggestions in the framework `key` of `library`: the lexicon's own suggestions when `key` is the lexicon's
    /// framework, otherwise those translated through the library's crosswalks
    /// (``suggest(text:for:library:)``). Throws when the library has no framework `key`.
    public func suggest(
        text: String, framework key: FrameworkKey, library: FrameworkLibrary
    ) throws(UnknownFrameworkError) -> [TagSuggestion] {
        if key == lexicon.framework && library.framework(key) == nil { return suggest(text: text) }
        guard let framework = library.framework(key) else {
            throw UnknownFrameworkError(framework: key, known: library.frameworks.map(\.id))
        }
        return suggest(text: text, for: framework, library: library)
    }

    /// Suggestions translated into `framework` through the library's crosswalks from the lexicon's framework.
    ///
    /// A suggestion whose dimension the crosswalk does not map is dropped from the result, since an unconfirmed
    /// guess has nothing to preserve; the matched words remain visible on the suggestions that do map. A suggested
    /// sub-dimension is kept when it translates to a node strictly below the one its dimension translates to (with
    /// crosswalks written between dimensions, it does only when `framework` is the lexicon's own).
    public func suggest(text: String, for framework: Framework, library: FrameworkLibrary) -> [TagSuggestion] {
        let resolver = TagResolver(target: framework, library: library)
        var merged: [String: TagSuggestion] = [:]
        var order: [String] = []
        for suggestion in suggest(text: text) {
            guard let nodes = try? resolver.resolve(suggestion.tag).get() else { continue }
            let below = suggestion.subdimension.flatMap { try? resolver.resolve($0.tag).get() } ?? []
            for node in nodes {
                let descendants = Set(framework.node(node)?.flattened.dropFirst().map(\.id) ?? [])
                let subdimension = below.first(where: descendants.contains).flatMap { child in
                    suggestion.subdimension.map {
                        SubdimensionSuggestion(
                            tag: FrameworkTag(framework: framework.id, node: child), score: $0.score,
                            matches: $0.matches)
                    }
                }
                if var existing = merged[node] {
                    existing.score += suggestion.score
                    existing.confidence = Self.confidence(existing.score)
                    existing.matches += suggestion.matches
                    if existing.subdimension == nil { existing.subdimension = subdimension }
                    merged[node] = existing
                } else {
                    order.append(node)
                    var copy = suggestion
                    copy.tag = FrameworkTag(framework: framework.id, node: node)
                    copy.subdimension = subdimension
                    merged[node] = copy
                }
            }
        }
        return order.compactMap { merged[$0] }
    }

    static func text(title: LocalizedText, description: LocalizedText?) -> String {
        title.allText + " " + (description?.allText ?? "")
    }

    static func confidence(_ score: Double) -> Double { (score / (score + 1) * 100).rounded() / 100 }

    /// The leading sub-dimension, when it reaches the minimum and no other ties with it.
    func bestSubdimension(_ candidates: [SubdimensionSuggestion]) -> SubdimensionSuggestion? {
        guard let best = candidates.first, best.score >= minimumSubdimensionScore else { return nil }
        if candidates.count > 1 && candidates[1].score >= best.score { return nil }
        return best
    }

    // MARK: - Scoring

    struct Scored {
        var dimension: String
        var score: Double
        var matches: [TagMatch]
        /// Every sub-dimension with words pointing to it, best first.
        var subdimensions: [SubdimensionSuggestion]
    }

    /// Per dimension with at least one cue, the weight of matched cues, best first (ties in the lexicon's dimension
    /// order).
    func score(_ text: String) -> [Scored] {
        var tokens = Self.tokens(text)
        removeStopPhrases(&tokens)
        let stems = tokens.map { Set(IndonesianStemmer.candidates($0)) }
        var consumed = Array(repeating: false, count: tokens.count)
        // dimension → word → best cue or context match, so a word counts once per dimension.
        var found: [String: [String: (match: TagMatch, entry: Lexicon.Entry)]] = [:]
        // sub-dimension → word → hint match.
        var hinted: [String: [String: TagMatch]] = [:]
        var dimensionOrder: [String] = []
        func record(_ entry: Lexicon.Entry, word: String) {
            let match = TagMatch(word: word, term: entry.term, weight: entry.weight)
            if entry.role == .hint {
                guard let subdimension = entry.subdimension, hinted[subdimension]?[word] == nil else { return }
                hinted[subdimension, default: [:]][word] = match
                return
            }
            if found[entry.dimension] == nil { dimensionOrder.append(entry.dimension) }
            if let existing = found[entry.dimension, default: [:]][word], existing.match.weight >= entry.weight {
                return
            }
            found[entry.dimension, default: [:]][word] = (match, entry)
        }
        func matches(_ entry: Lexicon.Entry, word: String, at index: Int, isLast: Bool) -> Bool {
            let token = tokens[index]
            if isLast && entry.isPrefix { return token.hasPrefix(word) }
            if token == word { return true }
            return entry.language == .id && stems[index].contains(word)
        }
        func matchesPhrase(_ entry: Lexicon.Entry, at start: Int) -> Bool {
            let words = entry.words
            return words.enumerated().allSatisfy { offset, word in
                matches(entry, word: word, at: start + offset, isLast: offset == words.count - 1)
            }
        }
        // Phrases first, longest first; they take their words out of single-word matching and hints (hints take none).
        let cues = lexicon.entries.filter { $0.role != .hint }
        let phrases = cues.filter { $0.words.count > 1 }.sorted { $0.words.count > $1.words.count }
        for entry in phrases {
            let count = entry.words.count
            guard tokens.count >= count else { continue }
            for start in 0...(tokens.count - count) {
                let range = start..<(start + count)
                guard range.allSatisfy({ !consumed[$0] }) else { continue }
                if matchesPhrase(entry, at: start) {
                    record(entry, word: range.map { tokens[$0] }.joined(separator: " "))
                    for index in range { consumed[index] = true }
                }
            }
        }
        for entry in cues where entry.words.count == 1 {
            guard let word = entry.words.first else { continue }
            for index in tokens.indices where !consumed[index] && !tokens[index].isEmpty {
                if matches(entry, word: word, at: index, isLast: true) { record(entry, word: tokens[index]) }
            }
        }
        for entry in lexicon.entries where entry.role == .hint {
            let count = entry.words.count
            guard tokens.count >= count else { continue }
            for start in 0...(tokens.count - count) {
                let range = start..<(start + count)
                guard range.allSatisfy({ !consumed[$0] && !tokens[$0].isEmpty }) else { continue }
                if matchesPhrase(entry, at: start) {
                    record(entry, word: range.map { tokens[$0] }.joined(separator: " "))
                }
            }
        }
        let scored = dimensionOrder.compactMap { dimension -> Scored? in
            let all = (found[dimension] ?? [:]).values
            // Context cues count only beside a cue of the same dimension.
            guard all.contains(where: { $0.entry.role == .cue }) else { return nil }
            let list = all.map(\.match).sorted { $0.word < $1.word }
            return Scored(
                dimension: dimension, score: list.reduce(0) { $0 + $1.weight }, matches: list,
                subdimensions: subdimensions(cues: Array(all), hints: hinted, of: dimension))
        }
        let rank = Dictionary(
            lexicon.entries.map(\.dimension).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return scored.sorted {
            $0.score != $1.score ? $0.score > $1.score : (rank[$0.dimension] ?? 0) < (rank[$1.dimension] ?? 0)
        }
    }

    /// The sub-dimensions of `dimension` its matched cues and the text's hints point to, best first (ties in the
    /// lexicon's order).
    func subdimensions(
        cues: [(match: TagMatch, entry: Lexicon.Entry)], hints: [String: [String: TagMatch]], of dimension: String
    ) -> [SubdimensionSuggestion] {
        var words: [String: [String: TagMatch]] = [:]
        for cue in cues {
            if let subdimension = cue.entry.subdimension {
                words[subdimension, default: [:]][cue.match.word] = cue.match
            }
        }
        for (subdimension, matches) in hints where subdimension.hasPrefix(dimension + ".") {
            for (word, match) in matches where words[subdimension]?[word] == nil {
                words[subdimension, default: [:]][word] = match
            }
        }
        let rank = Dictionary(
            lexicon.entries.compactMap(\.subdimension).enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first })
        return words.map { subdimension, matches in
            let list = matches.values.sorted { $0.word < $1.word }
            return SubdimensionSuggestion(
                tag: FrameworkTag(framework: lexicon.framework, node: subdimension),
                score: list.reduce(0) { $0 + $1.weight }, matches: list)
        }
        .sorted {
            $0.score != $1.score ? $0.score > $1.score : (rank[$0.tag.node] ?? 0) < (rank[$1.tag.node] ?? 0)
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
