import Foundation

/// GeoJSON (RFC 7946) as Kembar writes it: cities as points, partnerships as lines between their cities.
///
/// Positions are `[longitude, latitude]` in WGS 84. A line whose shorter way round crosses the antimeridian is split
/// there into a `MultiLineString`, as RFC 7946 §3.1.9 asks, so it is not drawn the long way across the map.
public enum GeoJSON {
    public struct FeatureCollection<Properties: Encodable & Sendable>: Encodable, Sendable {
        public var type = "FeatureCollection"
        public var features: [Feature<Properties>]

        public init(features: [Feature<Properties>]) { self.features = features }
    }

    public struct Feature<Properties: Encodable & Sendable>: Encodable, Sendable {
        public var type = "Feature"
        public var id: String
        public var geometry: Geometry
        public var properties: Properties

        public init(id: String, geometry: Geometry, properties: Properties) {
            self.id = id
            self.geometry = geometry
            self.properties = properties
        }
    }

    public enum Geometry: Encodable, Sendable, Equatable {
        case point([Double])
        case lineString([[Double]])
        case multiLineString([[[Double]]])

        private enum CodingKeys: String, CodingKey { case type, coordinates }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .point(let position):
                try container.encode("Point", forKey: .type)
                try container.encode(position, forKey: .coordinates)
            case .lineString(let positions):
                try container.encode("LineString", forKey: .type)
                try container.encode(positions, forKey: .coordinates)
            case .multiLineString(let lines):
                try container.encode("MultiLineString", forKey: .type)
                try container.encode(lines, forKey: .coordinates)
            }
        }
    }

    public static func point(_ c: Coordinates) -> Geometry { .point([c.longitude, c.latitude]) }

    /// The line from `a` to `b` the shorter way round: split at the antimeridian when that way crosses it.
    public static func line(_ a: Coordinates, _ b: Coordinates) -> Geometry {
        let delta = b.longitude - a.longitude
        guard abs(delta) > 180 else { return .lineString([[a.longitude, a.latitude], [b.longitude, b.latitude]]) }
        // Going east from a (delta < -180) or west (delta > 180), the line meets the edge at ±180.
        let edge = delta < 0 ? 180.0 : -180.0
        let unwrapped = b.longitude + 2 * edge
        let fraction = (edge - a.longitude) / (unwrapped - a.longitude)
        let latitude = a.latitude + (b.latitude - a.latitude) * fraction
        return .multiLineString([
            [[a.longitude, a.latitude], [edge, latitude]], [[-edge, latitude], [b.longitude, b.latitude]],
        ])
    }
}
