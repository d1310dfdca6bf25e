/// How far a framework node is confirmed by the sources behind it.
public enum Verification: String, Sendable, Codable, CaseIterable {
    /// Read in a primary or authoritative source.
    case verified
    /// Confirmed in part, or by one secondary source.
    case partial
    /// Known only from secondary sources.
    case secondary
    /// Written from recollection; not authoritative.
    case recalled
    /// Kembar's own editorial choice (e.g. a direction or an assignment); not from the framework's authors.
    case editorial
    /// The sources disagree.
    case disputed
}

/// The level of a node in a framework's hierarchy.
public enum NodeLevel: String, Sendable, Codable, CaseIterable {
    case dimension, subdimension, indicator
}

/// Which way is better for an indicator.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
}

/// One node of an indicator framework: a dimension, a sub-dimension or an indicator.
public struct FrameworkNode: Hashable, Sendable, Codable, Identifiable {
    /// Unique within the framework, e.g. `people` or `people.inclusive-society`.
    public var id: String
    public var level: NodeLevel
    public var name: LocalizedText
    public var unit: String?
    /// The unit in words in both languages (`% of households`, `% rumah tangga`), for pages; ``unit`` is as the
    /// source gives it.
    public var unitName: LocalizedText?
    public var direction: Direction?
    public var verification: Verification
    /// Where the node comes from and what confirms it: the researchers' note, kept for traceability.
    public var provenance: String?
    /// The same, written for readers in both languages.
    public var about: LocalizedText?
    public var children: [FrameworkNode]
    /// The languages in which ``name`` is Kembar's own translation, because no source gives the node a name in
    /// them (e.g. `[.id]` for a U4SSC KPI, published in English only).
    ///
    /// Absent (`nil`) when every language of the name is as the framework's authors or the cited sources write it;
    /// datasets written before this field existed decode with it absent. A translated name is a reading aid, not a
    /// citation: quote the source's own wording when there is one. The node's ``verification`` is about the node and
    /// its source-language name, not about the translation.
    public var translated: [Language]?

    public init(
        id: String, level: NodeLevel, name: LocalizedText, unit: String? = nil, direction: Direction? = nil,
        verification: Verification, provenance: String? = nil, children: [FrameworkNode] = [],
        translated: [Language]? = nil, unitName: LocalizedText? = nil, about: LocalizedText? = nil
    ) {
        self.unitName = unitName
        self.about = about
        self.id = id
        self.level = level
        self.name = name
        self.unit = unit
        self.direction = direction
        self.verification = verification
        self.provenance = provenance
        self.children = children
        self.translated = translated
    }

    /// Whether the name in `language` is Kembar's translation rather than the sources' wording.
    public func isTranslated(_ language: Language) -> Bool { translated?.contains(language) ?? false }

    /// This node and all below it, depth first.
    public var flattened: [FrameworkNode] {
        var nodes: [FrameworkNode] = []
        func add(_ node: FrameworkNode) {
            nodes.append(node)
            node.children.forEach(add)
        }
        add(self)
        return nodes
    }
}

/// A published hierarchy of dimensions, sub-dimensions and indicators, with provenance.
public struct Framework: Hashable, Sendable, Codable, Identifiable {
    public var id: FrameworkKey
    public var name: LocalizedText
    public var authors: String?
    public var year: Int?
    public var version: String?
    /// Overall verification of the framework as shipped.
    public var verification: Verification
    /// What is and is not confirmed, in words: the researchers' note.
    public var status: String?
    /// What the framework is and what of it is confirmed, written for readers in both languages.
    public var about: LocalizedText?
    /// URLs or citations the framework was taken from.
    public var references: [String]
    public var dimensions: [FrameworkNode]

    public init(
        id: FrameworkKey, name: LocalizedText, authors: String? = nil, year: Int? = nil, version: String? = nil,
        verification: Verification, status: String? = nil, references: [String] = [], dimensions: [FrameworkNode],
        about: LocalizedText? = nil
    ) {
        self.about = about
        self.id = id
        self.name = name
        self.authors = authors
        self.year = year
        self.version = version
        self.verification = verification
        self.status = status
        self.references = references
        self.dimensions = dimensions
    }

    /// Every node, depth first.
    public var nodes: [FrameworkNode] { dimensions.flatMap(\.flattened) }

    /// The node with `id`, if the framework has one.
    public func node(_ id: String) -> FrameworkNode? { nodes.first { $0.id == id } }

    /// The dimension that contains the node `id` (the node itself when it is a dimension).
    public func dimension(containing id: String) -> FrameworkNode? {
        dimensions.first { dimension in dimension.flattened.contains { $0.id == id } }
    }
}

/// A mapping of one framework's nodes onto another's.
public struct Crosswalk: Hashable, Sendable, Codable, Identifiable {
    public struct Pair: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public var id: CrosswalkKey
    public var from: FrameworkKey
    public var to: FrameworkKey
    /// `true` when a published source states the mapping; `false` when it is Kembar's own.
    public var sourced: Bool
    public var statement: String
    public var reference: String?
    public var pairs: [Pair]

    public init(
        id: CrosswalkKey, from: FrameworkKey, to: FrameworkKey, sourced: Bool, statement: String,
        reference: String? = nil, pairs: [Pair]
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.sourced = sourced
        self.statement = statement
        self.reference = reference
        self.pairs = pairs
    }
}

/// A value of an indicator for a city and a period, with its source.
public struct Observation: Hashable, Sendable, Codable, Identifiable {
    public var id: ObservationKey
    public var city: CityKey
    /// The indicator, as a framework node.
    public var indicator: FrameworkTag
    public var period: PartialDate
    public var value: Double
    public var unit: String?
    public var approximate: Bool?
    /// How the value was obtained when it is not read directly (e.g. "10.35 + 0.14, from the stated change").
    public var note: String?
    public var sources: [SourceKey]

    public init(
        id: ObservationKey, city: CityKey, indicator: FrameworkTag, period: PartialDate, value: Double,
        unit: String? = nil, approximate: Bool? = nil, note: String? = nil, sources: [SourceKey] = []
    ) {
        self.id = id
        self.city = city
        self.indicator = indicator
        self.period = period
        self.value = value
        self.unit = unit
        self.approximate = approximate
        self.note = note
        self.sources = sources
    }

    /// The key Kembar gives an observation when a file does not name one: `city.framework.node.period`.
    public static func derivedKey(city: CityKey, indicator: FrameworkTag, period: PartialDate) -> ObservationKey {
        let node = indicator.node.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let raw = "\(city.rawValue).\(indicator.framework.rawValue).\(node).\(period)"
        return ObservationKey(collapse(raw))
    }

    private static func collapse(_ text: String) -> String {
        var out = ""
        for ch in text {
            if (ch == "-" || ch == "."), let last = out.last, last == "-" || last == "." { continue }
            out.append(ch)
        }
        while let last = out.last, last == "-" || last == "." { out.removeLast() }
        return out
    }
}
