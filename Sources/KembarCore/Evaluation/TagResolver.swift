/// The frameworks and crosswalks an evaluation may use: usually every bundled framework and crosswalk.
public struct FrameworkLibrary: Hashable, Sendable {
    public var frameworks: [Framework]
    public var crosswalks: [Crosswalk]

    public init(frameworks: [Framework], crosswalks: [Crosswalk]) {
        self.frameworks = frameworks
        self.crosswalks = crosswalks
    }

    /// The frameworks and crosswalks of `dataset` (e.g. the decoded bundled `frameworks.json`).
    public init(_ dataset: Dataset) {
        self.init(frameworks: dataset.frameworks, crosswalks: dataset.crosswalks)
    }

    /// This library with `other`'s frameworks and crosswalks added; ours win when keys collide.
    public func adding(_ other: FrameworkLibrary) -> FrameworkLibrary {
        let frameworkKeys = Set(frameworks.map(\.id))
        let crosswalkKeys = Set(crosswalks.map(\.id))
        return FrameworkLibrary(
            frameworks: frameworks + other.frameworks.filter { !frameworkKeys.contains($0.id) },
            crosswalks: crosswalks + other.crosswalks.filter { !crosswalkKeys.contains($0.id) })
    }

    public func framework(_ key: FrameworkKey) -> Framework? { frameworks.first { $0.id == key } }
}

/// Why a tag could not be placed in the target framework.
public enum UnmappedReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// The tag names the target framework, but a node it does not have.
    case unknownNode = "unknown-node"
    /// No crosswalk leads from the tag's framework to the target framework.
    case noCrosswalk = "no-crosswalk"
    /// A crosswalk exists, but neither the node nor any node above it is among its pairs.
    case notInCrosswalk = "not-in-crosswalk"
}

/// Translates tags stored against one framework into nodes of another, through crosswalks.
///
/// Rules (see docs/EVALUATION.md §2):
/// - a tag of the target framework stands for itself, when the node exists;
/// - otherwise every crosswalk from the tag's framework to the target is used (their pairs are united);
/// - a node that is not itself in a crosswalk is mapped through its nearest ancestor that is, because crosswalks
///   are usually written between dimensions while tags often name sub-dimensions
///   (`people.inclusive-society` → `people` → Kominfo `society`);
/// - chains of crosswalks (X → Y → Z) are not followed, since each editorial step would compound the next.
public struct TagResolver: Sendable {
    public let target: Framework
    private let library: FrameworkLibrary

    public init(target: Framework, library: FrameworkLibrary) {
        self.target = target
        self.library = library
    }

    /// The target nodes `tag` maps to, or the reason it maps to none.
    public func resolve(_ tag: FrameworkTag) -> Result<[String], UnmappedFailure> {
        if tag.framework == target.id {
            return target.node(tag.node) == nil ? .failure(.init(.unknownNode)) : .success([tag.node])
        }
        let walks = library.crosswalks.filter { $0.from == tag.framework && $0.to == target.id }
        guard !walks.isEmpty else { return .failure(.init(.noCrosswalk)) }
        let pairs = walks.flatMap(\.pairs)
        for node in lineage(of: tag) {
            let targets = pairs.filter { $0.from == node }.map(\.to).filter { target.node($0) != nil }
            if !targets.isEmpty { return .success(Self.unique(targets)) }
        }
        return .failure(.init(.notInCrosswalk))
    }

    /// The crosswalks used from `framework` to the target, for citing them.
    public func crosswalks(from framework: FrameworkKey) -> [Crosswalk] {
        library.crosswalks.filter { $0.from == framework && $0.to == target.id }
    }

    /// The node itself, then its ancestors up to the dimension (only the node when its framework is unknown).
    private func lineage(of tag: FrameworkTag) -> [String] {
        guard let source = library.framework(tag.framework) else { return [tag.node] }
        func path(_ node: FrameworkNode) -> [String]? {
            if node.id == tag.node { return [node.id] }
            for child in node.children {
                if let below = path(child) { return below + [node.id] }
            }
            return nil
        }
        for dimension in source.dimensions {
            if let found = path(dimension) { return found }
        }
        return [tag.node]
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// The failure of ``TagResolver/resolve(_:)``: a typed error carrying the reason.
public struct UnmappedFailure: Error, Hashable, Sendable {
    public var reason: UnmappedReason
    public init(_ reason: UnmappedReason) { self.reason = reason }
}

extension Framework {
    /// The dimension and (when deeper) the sub-dimension directly below it that contain node `id`.
    func placement(of id: String) -> (dimension: FrameworkNode, subdimension: FrameworkNode?)? {
        guard let dimension = dimension(containing: id) else { return nil }
        if dimension.id == id { return (dimension, nil) }
        let child = dimension.children.first { $0.flattened.contains { $0.id == id } }
        return (dimension, child)
    }
}
