import KembarCore
import KembarIndex

/// Stored observations of one framework as a composite-index panel and structure, so a city analyst can rank cities
/// on what Kembar holds (`kembar index stored`, the web's index page).
///
/// The structure is the framework's own hierarchy, limited to indicators with observations, equal weights, the
/// framework's directions; each calendar year is one period, the latest observation of a year counting.
public struct ObservationIndex: Sendable {
    public var panel: Panel
    public var structure: IndexStructure

    public init(framework: Framework, observations: [Observation]) throws {
        var latest: [String: Observation] = [:]
        for observation in observations where observation.indicator.framework == framework.id {
            let slot = "\(observation.city)|\(observation.indicator.node)|\(observation.period.year)"
            if let held = latest[slot], held.period > observation.period { continue }
            latest[slot] = observation
        }
        let rows = latest.values.sorted {
            ($0.city, $0.indicator.node, $0.period) < ($1.city, $1.indicator.node, $1.period)
        }
        panel = try Panel.from(
            observations: rows.map {
                (unit: $0.city.rawValue, indicator: $0.indicator.node, period: $0.period.year, value: $0.value)
            })
        let used = Set(rows.map(\.indicator.node))
        var nodes = [IndexNode(code: "Index", name: framework.name.text(.en), parent: nil)]
        func walk(_ node: FrameworkNode, parent: String) -> Bool {
            if node.children.isEmpty {
                guard used.contains(node.id) else { return false }
                nodes.append(
                    IndexNode(
                        code: node.id, name: node.name.text(.en), parent: parent,
                        direction: node.direction == .lowerIsBetter ? -1 : 1))
                return true
            }
            let position = nodes.count
            nodes.append(IndexNode(code: node.id, name: node.name.text(.en), parent: parent))
            let kept = node.children.map { walk($0, parent: node.id) }.contains(true)
            if !kept { nodes.remove(at: position) }
            return kept
        }
        for dimension in framework.dimensions { _ = walk(dimension, parent: "Index") }
        structure = try IndexStructure(nodes: nodes)
    }
}
