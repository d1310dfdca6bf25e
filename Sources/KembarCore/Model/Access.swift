/// What a signed-in person may do. A person holds one or more roles; ``Grant`` is what they add up to for writing.
///
/// - `viewer` reads everything, writes nothing;
/// - `editor` of cities writes the records of those cities: the cities themselves, their initiatives and
///   observations, and every partnership with one of them as either city — with its agreements, milestones and
///   activities (an editor in Liverpool records what Liverpool did in Surabaya–Liverpool) — and the organisations
///   and sources such records cite, which are shared;
/// - `city administrator` of cities is an editor of them who also manages the editors of those cities;
/// - `administrator` (the ministry's) writes everything, including fields, frameworks and crosswalks, and manages
///   every user.
public enum Role: Hashable, Sendable {
    case viewer
    case editor(cities: [CityKey])
    case cityAdministrator(cities: [CityKey])
    case administrator

    /// The stored form: `viewer`, `editor:surabaya,liverpool`, `city-admin:surabaya`, `admin`.
    public var code: String {
        switch self {
        case .viewer: "viewer"
        case .editor(let cities): "editor:" + cities.map(\.rawValue).joined(separator: ",")
        case .cityAdministrator(let cities): "city-admin:" + cities.map(\.rawValue).joined(separator: ",")
        case .administrator: "admin"
        }
    }

    /// Reads ``code``; `nil` for anything else, including an editor of no city or a city key that is not a key.
    public init?(code: String) {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        func cities() -> [CityKey]? {
            guard parts.count == 2 else { return nil }
            let keys = parts[1].split(separator: ",").map { CityKey(String($0)) }
            guard !keys.isEmpty, keys.allSatisfy(\.isWellFormed) else { return nil }
            return keys
        }
        switch parts.first ?? "" {
        case "viewer" where parts.count == 1: self = .viewer
        case "admin" where parts.count == 1: self = .administrator
        case "editor":
            guard let keys = cities() else { return nil }
            self = .editor(cities: keys)
        case "city-admin":
            guard let keys = cities() else { return nil }
            self = .cityAdministrator(cities: keys)
        default: return nil
        }
    }

    /// The cities an editor or city administrator role names (none for the others).
    public var cities: [CityKey] {
        switch self {
        case .editor(let keys), .cityAdministrator(let keys): keys
        case .viewer, .administrator: []
        }
    }

    /// Roles as stored in one text: codes separated by `;`. Unreadable parts are left out.
    public static func list(_ text: String) -> [Role] {
        text.split(separator: ";").compactMap { Role(code: String($0)) }
    }
    public static func text(_ roles: [Role]) -> String { roles.map(\.code).joined(separator: ";") }
}

/// What a person's roles allow them to write: everything, or the records of some cities.
public struct Grant: Hashable, Sendable {
    public var everything: Bool
    public var cities: Set<CityKey>

    public init(everything: Bool = false, cities: Set<CityKey> = []) {
        self.everything = everything
        self.cities = cities
    }

    /// The bundled data, the command line (whoever runs it has the database already), restore.
    public static let everything = Grant(everything: true)
    /// A viewer's, or nobody's.
    public static let nothing = Grant()

    public init(_ roles: [Role]) {
        self.init()
        for role in roles {
            cities.formUnion(role.cities)
            if role == .administrator { everything = true }
        }
    }

    /// Whether any write at all is allowed.
    public var writesAnything: Bool { everything || !cities.isEmpty }

    /// Whether a record whose scope is `scope` may be written, `cities` giving the two cities of a partnership
    /// (`nil` for one that does not exist).
    public func allows(_ scope: WriteScope, cities partnershipCities: (PartnershipKey) -> [CityKey]?) -> Bool {
        if everything { return true }
        switch scope {
        case .administrators: return false
        case .anyEditor: return !cities.isEmpty
        case .cities(let keys): return !cities.isDisjoint(with: keys)
        case .partnership(let key):
            // A partnership not stored (and not in the same write) has no cities anyone could edit it for.
            return !cities.isDisjoint(with: partnershipCities(key) ?? [])
        }
    }
}

/// Whose records a record is, for writing it.
public enum WriteScope: Hashable, Sendable {
    /// Fields, frameworks, crosswalks: the shared vocabulary.
    case administrators
    /// Sources and organisations, which records of every city cite.
    case anyEditor
    /// A city, its initiatives and observations; a partnership (its two cities).
    case cities([CityKey])
    /// An agreement, milestone, planned action or activity: the cities of its partnership.
    case partnership(PartnershipKey)
}

extension Dataset {
    /// Every record of the dataset with its kind, key and scope — what a write of it must be allowed.
    public var writeScopes: [(kind: String, key: String, scope: WriteScope)] {
        var found: [(kind: String, key: String, scope: WriteScope)] = []
        found += sources.map { ("source", $0.id.rawValue, .anyEditor) }
        found += organisations.map { ("organisation", $0.id.rawValue, .anyEditor) }
        found += fields.map { ("field", $0.id.rawValue, .administrators) }
        found += frameworks.map { ("framework", $0.id.rawValue, .administrators) }
        found += crosswalks.map { ("crosswalk", $0.id.rawValue, .administrators) }
        found += cities.map { ("city", $0.id.rawValue, .cities([$0.id])) }
        found += partnerships.map {
            ("partnership", $0.id.rawValue, .cities([$0.city] + ($0.partnerCity.map { [$0] } ?? [])))
        }
        found += agreements.map { ("agreement", $0.id.rawValue, .partnership($0.partnership)) }
        found += milestones.map { ("milestone", $0.id.rawValue, .partnership($0.partnership)) }
        found += actions.map { ("action", $0.id.rawValue, .partnership($0.partnership)) }
        found += activities.map { ("activity", $0.id.rawValue, .partnership($0.partnership)) }
        found += documents.map { ("document", $0.id.rawValue, .partnership($0.partnership)) }
        found += initiatives.map { ("initiative", $0.id.rawValue, .cities([$0.city])) }
        found += observations.map { ("observation", $0.id.rawValue, .cities([$0.city])) }
        return found
    }
}

/// Who may manage whose account: an administrator everyone's; a city administrator the viewers and the editors of
/// their own cities (giving only those roles).
public enum Management {
    /// The cities `roles` administer as a city administrator.
    public static func administeredCities(_ roles: [Role]) -> Set<CityKey> {
        Set(
            roles.flatMap { role -> [CityKey] in
                if case .cityAdministrator(let keys) = role { return keys }
                return []
            })
    }

    /// Whether someone with `manager` roles may give an account the roles `roles` — and so manage an account that
    /// has them.
    public static func mayAssign(_ roles: [Role], by manager: [Role]) -> Bool {
        if manager.contains(.administrator) { return true }
        let cities = administeredCities(manager)
        guard !cities.isEmpty else { return false }
        return roles.allSatisfy { role in
            switch role {
            case .viewer: true
            case .editor(let keys): Set(keys).isSubset(of: cities)
            case .cityAdministrator, .administrator: false
            }
        }
    }

    /// Whether `manager` may open the accounts page at all.
    public static func managesAnyone(_ manager: [Role]) -> Bool {
        manager.contains(.administrator) || !administeredCities(manager).isEmpty
    }
}
