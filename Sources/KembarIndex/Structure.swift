import Foundation

/// One node of an index structure: an indicator (a leaf) or an aggregate (a node with children).
public struct IndexNode: Sendable, Codable, Equatable {
    /// Unique code; for indicators, the variable code in the data.
    public var code: String
    /// Human-readable name.
    public var name: String?
    /// Code of the parent aggregate; nil for the single top node (the index).
    public var parent: String?
    /// Weight relative to its siblings (renormalised within each group). Default 1.
    public var weight: Double
    /// +1 if higher raw values are better, −1 if lower values are better. Only used for indicators. Default +1.
    public var direction: Int

    /// Creates a node.
    public init(code: String, name: String? = nil, parent: String?, weight: Double = 1, direction: Int = 1) {
        self.code = code
        self.name = name
        self.parent = parent
        self.weight = weight
        self.direction = direction
    }

    enum CodingKeys: String, CodingKey { case code, name, parent, weight, direction }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        direction = try c.decodeIfPresent(Int.self, forKey: .direction) ?? 1
    }
}

/// A validated index structure: a tree whose leaves are indicators and whose inner nodes are aggregates, of any
/// depth. Levels follow COINr: indicators are level 1 and a node's level is one more than its highest child's.
public struct IndexStructure: Sendable, Equatable {
    /// The nodes in the order given.
    public let nodes: [IndexNode]
    /// Node positions of the indicators (leaves), in the order given.
    public let indicators: [Int]
    /// Node positions of the aggregates, children before parents (ascending level, then order given).
    public let aggregates: [Int]
    /// Children of each node, in the order given.
    public let children: [[Int]]
    /// Level of each node (indicators 1).
    public let levels: [Int]
    /// Position of the parent of each node (nil for the root).
    public let parents: [Int?]
    /// Position of the top node.
    public let root: Int
    /// COINr's weight-table order (`.$Meta$Weights$Original`: sorted by level, then parent code, stable). COINr's
    /// noisy weights consume random draws in this order.
    public let weightTableOrder: [Int]
    let codeIndex: [String: Int]

    /// Validates `nodes` as a tree; errors name the offending node.
    public init(nodes: [IndexNode]) throws {
        guard !nodes.isEmpty else { throw IndexError.invalidStructure("the structure has no nodes") }
        var codeIndex: [String: Int] = [:]
        for (i, n) in nodes.enumerated() {
            guard !n.code.isEmpty else { throw IndexError.invalidStructure("node \(i) has an empty code") }
            if codeIndex[n.code] != nil { throw IndexError.invalidStructure("node code '\(n.code)' is repeated") }
            codeIndex[n.code] = i
            guard n.weight.isFinite, n.weight >= 0 else {
                throw IndexError.invalidStructure("node '\(n.code)' has weight \(n.weight); weights must be ≥ 0")
            }
            guard n.direction == 1 || n.direction == -1 else {
                throw IndexError.invalidStructure("node '\(n.code)' has direction \(n.direction); use 1 or -1")
            }
        }
        var parents = [Int?](repeating: nil, count: nodes.count)
        var children = [[Int]](repeating: [], count: nodes.count)
        var roots: [Int] = []
        for (i, n) in nodes.enumerated() {
            if let p = n.parent {
                guard let pi = codeIndex[p] else {
                    throw IndexError.invalidStructure("node '\(n.code)' has unknown parent '\(p)'")
                }
                guard pi != i else { throw IndexError.invalidStructure("node '\(n.code)' is its own parent") }
                parents[i] = pi
                children[pi].append(i)
            } else {
                roots.append(i)
            }
        }
        guard roots.count == 1 else {
            let names = roots.map { nodes[$0].code }.joined(separator: ", ")
            throw IndexError.invalidStructure(
                roots.isEmpty ? "no top node (every node has a parent)" : "more than one top node: \(names)")
        }
        // Levels by depth-first height computation; a node reached twice on one path means a cycle.
        var levels = [Int](repeating: 0, count: nodes.count)
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        func height(_ i: Int) throws -> Int {
            if state[i] == 2 { return levels[i] }
            if state[i] == 1 { throw IndexError.invalidStructure("cycle through node '\(nodes[i].code)'") }
            state[i] = 1
            var h = 1
            for c in children[i] { h = max(h, try height(c) + 1) }
            state[i] = 2
            levels[i] = h
            return h
        }
        _ = try height(roots[0])
        if let orphan = state.firstIndex(where: { $0 != 2 }) {
            throw IndexError.invalidStructure("node '\(nodes[orphan].code)' is not connected to the top node")
        }
        for (i, kids) in children.enumerated() where !kids.isEmpty {
            let total = kids.reduce(0.0) { $0 + nodes[$1].weight }
            guard total > 0 else {
                throw IndexError.invalidStructure("the children of '\(nodes[i].code)' all have weight 0")
            }
        }
        self.nodes = nodes
        self.codeIndex = codeIndex
        self.parents = parents
        self.children = children
        self.levels = levels
        self.root = roots[0]
        self.indicators = nodes.indices.filter { children[$0].isEmpty }
        self.aggregates = nodes.indices.filter { !children[$0].isEmpty }.sorted {
            levels[$0] < levels[$1] || (levels[$0] == levels[$1] && $0 < $1)
        }
        self.weightTableOrder = nodes.indices.sorted { a, b in
            if levels[a] != levels[b] { return levels[a] < levels[b] }
            let pa = nodes[a].parent
            let pb = nodes[b].parent
            if pa != pb {
                guard let pa else { return false }
                guard let pb else { return true }
                return pa.unicodeScalars.lexicographicallyPrecedes(pb.unicodeScalars)
            }
            return a < b
        }
    }

    /// Position of the node with `code`.
    public func index(of code: String) -> Int? { codeIndex[code] }

    /// The top node's code.
    public var rootCode: String { nodes[root].code }

    /// Highest level (the top node's).
    public var maxLevel: Int { levels[root] }

    /// Effective weight of every node: `w / Σ w(siblings) × effective weight of the parent`, with the top node 1
    /// (COINr's `get_eff_weights`). `weights` overrides the nominal weights by node position.
    public func effectiveWeights(weights: [Double]? = nil) -> [Double] {
        let w = weights ?? nodes.map(\.weight)
        var eff = [Double](repeating: 0, count: nodes.count)
        eff[root] = 1
        // Parents have higher levels, so visiting by descending level sets each parent before its children.
        for i in nodes.indices.sorted(by: { levels[$0] > levels[$1] }) {
            let kids = children[i]
            guard !kids.isEmpty else { continue }
            let total = Stats.sum(kids.map { w[$0] })
            for c in kids { eff[c] = total > 0 ? w[c] / total * eff[i] : 0 }
        }
        return eff
    }

    /// All indicator positions under node `i` (the node itself if it is an indicator).
    public func indicators(under i: Int) -> [Int] {
        if children[i].isEmpty { return [i] }
        return children[i].flatMap { indicators(under: $0) }
    }
}
