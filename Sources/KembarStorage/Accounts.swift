import FluentKit
import FluentSQL
import Foundation
import KembarCore

/// A person who signs in. The password is kept only as a slow salted hash (made and checked by the web layer).
public struct User: Sendable, Equatable {
    public var id: Int
    public var name: String
    /// Lower case; what a person signs in with.
    public var email: String
    public var language: Language
    public var roles: [Role]
    public var passwordHash: String
    /// ISO 8601, UTC.
    public var createdAt: String

    /// What the roles allow writing.
    public var grant: Grant { Grant(roles) }
    public var isAdministrator: Bool { roles.contains(.administrator) }
}

/// A signed-in session: its user and the token its forms carry against cross-site requests.
public struct SignedInSession: Sendable, Equatable {
    public var user: User
    public var csrf: String
    public var expires: Double
}

/// A new user that breaks a rule: an e-mail already taken, an empty name, an address that is not one.
public struct InvalidAccount: Error, Sendable, Equatable {
    public enum Problem: String, Sendable { case emailTaken, emailInvalid, nameMissing, rolesMissing, notFirst }
    public var problem: Problem
}

/// A write the acting person's roles do not allow; nothing was written. `records` are `kind/key`.
public struct NotPermitted: Error, Sendable, Equatable {
    public var records: [String]
}

extension UserRecord {
    var user: User {
        User(
            id: id ?? 0, name: name, email: email, language: Language(rawValue: language) ?? .en,
            roles: Role.list(roles), passwordHash: passwordHash, createdAt: createdAt)
    }

    /// What the change log keeps of a user: never the password hash.
    var logged: String {
        let fields: [String: String] = ["email": email, "name": name, "language": language, "roles": roles]
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension Repository {
    /// How many users exist (the one-time setup page works only while there are none).
    public func userCount() async throws -> Int { try await UserRecord.query(on: database).count() }

    public func user(email: String) async throws -> User? {
        try await UserRecord.query(on: database).filter(\.$email == Self.normalised(email)).first()?.user
    }

    public func user(id: Int) async throws -> User? {
        try await UserRecord.find(id, on: database)?.user
    }

    /// Users in e-mail order, a page at a time.
    public func users(limit: Int = 200, offset: Int = 0) async throws -> [User] {
        try await UserRecord.query(on: database).sort(\.$email).range(
            max(0, offset)..<max(0, offset) + max(0, min(limit, 500))
        ).all().map(\.user)
    }

    static func normalised(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Adds a user, recorded in the change log (kind `user`, keyed by e-mail, without the password hash). With
    /// `onlyIfFirst`, only while no user exists (checked inside the write transaction).
    @discardableResult
    public func addUser(
        name: String, email: String, language: Language, roles: [Role], passwordHash: String, onlyIfFirst: Bool = false,
        as context: WriteContext
    ) async throws -> User {
        let email = Self.normalised(email)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.looksLikeEmail(email) else { throw InvalidAccount(problem: .emailInvalid) }
        guard !name.isEmpty, !name.contains(where: \.isNewline) else { throw InvalidAccount(problem: .nameMissing) }
        guard !roles.isEmpty else { throw InvalidAccount(problem: .rolesMissing) }
        return try await writeTransaction { repository in
            let database = repository.database
            guard try await UserRecord.query(on: database).filter(\.$email == email).first() == nil else {
                throw InvalidAccount(problem: .emailTaken)
            }
            // The one-time setup: two at once make one administrator.
            if onlyIfFirst, try await UserRecord.query(on: database).count() > 0 {
                throw InvalidAccount(problem: .notFirst)
            }
            let record = UserRecord()
            record.email = email
            record.name = name
            record.language = language.rawValue
            record.roles = Role.text(roles)
            record.passwordHash = passwordHash
            record.createdAt = Self.timestamp()
            try await record.create(on: database)
            try await repository.log([
                ChangeRecord(
                    at: record.createdAt, context: context, kind: "user", key: email, action: .create, version: 1,
                    before: nil, after: record.logged)
            ])
            return record.user
        }
    }

    /// Changes a user's name, language, roles or password hash (what is given), recorded in the change log. A new
    /// password ends every other session of the user (`keepSession` is the one that changed it).
    public func updateUser(
        id: Int, name: String? = nil, language: Language? = nil, roles: [Role]? = nil, passwordHash: String? = nil,
        keepSession: String? = nil, as context: WriteContext
    ) async throws {
        try await writeTransaction { repository in
            let database = repository.database
            guard let record = try await UserRecord.find(id, on: database) else { return }
            let before = record.logged
            if let name {
                let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else {
                    throw InvalidAccount(problem: .nameMissing)
                }
                record.name = trimmed
            }
            if let language { record.language = language.rawValue }
            if let roles {
                guard !roles.isEmpty else { throw InvalidAccount(problem: .rolesMissing) }
                record.roles = Role.text(roles)
            }
            if let passwordHash { record.passwordHash = passwordHash }
            try await record.update(on: database)
            if passwordHash != nil {
                var others = SessionRecord.query(on: database).filter(\.$userID == id)
                if let keepSession { others = others.filter(\.$id != keepSession) }
                try await others.delete()
            }
            try await repository.log([
                ChangeRecord(
                    at: Self.timestamp(), context: context, kind: "user", key: record.email, action: .update,
                    version: 1, before: before, after: record.logged + (passwordHash == nil ? "" : " (new password)"))
            ])
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.contains(where: { $0.isWhitespace || $0.isNewline })
    }

    // MARK: - Sessions

    /// Stores a new session: the hash of its token (the token itself lives only in the browser's cookie).
    public func createSession(
        tokenHash: String, userID: Int, csrf: String, now: Double, lifetime: Double
    )
        async throws
    {
        let record = SessionRecord()
        record.id = tokenHash
        record.userID = userID
        record.csrf = csrf
        record.createdAt = now
        record.expiresAt = now + lifetime
        try await record.create(on: database)
        // Expired sessions of anyone are cleared as new ones are made.
        try await SessionRecord.query(on: database).filter(\.$expiresAt < now).delete()
    }

    /// The session with that token hash, if it has not expired, with its user.
    public func session(tokenHash: String, now: Double) async throws -> SignedInSession? {
        guard let record = try await SessionRecord.find(tokenHash, on: database), record.expiresAt > now,
            let user = try await UserRecord.find(record.userID, on: database)?.user
        else { return nil }
        return SignedInSession(user: user, csrf: record.csrf, expires: record.expiresAt)
    }

    public func deleteSession(tokenHash: String) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == tokenHash).delete()
    }

    // MARK: - Throttling

    /// Notes one failed sign-in under each key (an account, an address).
    public func recordLoginFailure(keys: [String], at now: Double) async throws {
        for key in keys {
            let record = LoginFailureRecord()
            record.key = key
            record.at = now
            try await record.create(on: database)
        }
        // Old failures are forgotten as new ones come.
        try await LoginFailureRecord.query(on: database).filter(\.$at < now - 86_400).delete()
    }

    /// Failed sign-ins under `key` since `since`.
    public func loginFailures(key: String, since: Double) async throws -> Int {
        try await LoginFailureRecord.query(on: database).filter(\.$key == key).filter(\.$at >= since).count()
    }

    public func clearLoginFailures(key: String) async throws {
        try await LoginFailureRecord.query(on: database).filter(\.$key == key).delete()
    }
}

extension Repository {
    /// The one authorization point of every write: refuses, before anything is written, a dataset any of whose
    /// records — as written, and as stored before — the grant does not cover. Runs inside the write transaction,
    /// so what it reads is what the write changes.
    func authorize(_ dataset: Dataset, grant: Grant) async throws {
        guard !grant.everything else { return }
        let scopes = dataset.writeScopes
        var partnerships = Set<String>()
        for item in scopes { if case .partnership(let key) = item.scope { partnerships.insert(key.rawValue) } }
        // What a stored record belonged to: moving an activity, or a partnership, needs both sides allowed.
        var before: [String: WriteScope] = [:]
        for (kind, items) in Dictionary(grouping: scopes, by: \.kind) {
            for chunk in items.map(\.key).chunked(by: Derived.chunk) {
                for row in try await EntityRecord.query(on: database).filter(\.$kind == kind).filter(\.$key ~~ chunk)
                    .field(\.$key).field(\.$partnership).field(\.$city).all()
                {
                    switch kind {
                    case "agreement", "milestone", "action", "activity", "document":
                        if let partnership = row.partnership {
                            before["\(kind)/\(row.key)"] = .partnership(PartnershipKey(partnership))
                            partnerships.insert(partnership)
                        }
                    case "initiative", "observation":
                        if let city = row.city { before["\(kind)/\(row.key)"] = .cities([CityKey(city)]) }
                    case "partnership":
                        before["\(kind)/\(row.key)"] = .partnership(PartnershipKey(row.key))
                        partnerships.insert(row.key)
                    default: break
                    }
                }
            }
        }
        let stored = try await partnershipCities(partnerships)
        var written: [PartnershipKey: [CityKey]] = [:]
        for partnership in dataset.partnerships {
            written[partnership.id] = [partnership.city] + (partnership.partnerCity.map { [$0] } ?? [])
        }
        let refused = scopes.filter { item in
            let now = grant.allows(item.scope) { written[$0] ?? stored[$0] }
            let then = before["\(item.kind)/\(item.key)"].map { grant.allows($0) { stored[$0] } } ?? true
            return !(now && then)
        }
        if !refused.isEmpty { throw NotPermitted(records: refused.map { "\($0.kind)/\($0.key)" }) }
    }

    /// Whether a stored record may be deleted under `grant` (its partnership's cities for an agreement, milestone
    /// or activity; a partnership's own; a city's key; an initiative's or observation's city).
    func authorizeDelete(kind: String, key: String, partnership: String?, city: String?, grant: Grant) async throws {
        guard !grant.everything else { return }
        let scope: WriteScope
        switch kind {
        case "agreement", "milestone", "action", "activity", "document":
            scope = .partnership(PartnershipKey(partnership ?? ""))
        case "partnership": scope = .partnership(PartnershipKey(key))
        case "city": scope = .cities([CityKey(key)])
        case "initiative", "observation": scope = .cities(city.map { [CityKey($0)] } ?? [])
        case "source", "organisation": scope = .anyEditor
        default: scope = .administrators
        }
        let stored = try await partnershipCities(
            Set([partnership, kind == "partnership" ? key : nil].compactMap { $0 }))
        guard grant.allows(scope, cities: { stored[$0] }) else { throw NotPermitted(records: ["\(kind)/\(key)"]) }
    }

    /// The two cities of each stored partnership named, from the summaries.
    func partnershipCities(_ keys: Set<String>) async throws -> [PartnershipKey: [CityKey]] {
        var found: [PartnershipKey: [CityKey]] = [:]
        for chunk in keys.sorted().chunked(by: Derived.chunk) {
            for row in try await sql.raw(
                "SELECT key, city1, city2 FROM \(ident: Derived.summaries) WHERE key IN (\(binds: chunk))"
            ).all() {
                let cities = [
                    try row.decode(column: "city1", as: String?.self),
                    try row.decode(column: "city2", as: String?.self),
                ].compactMap { $0 }.map { CityKey($0) }
                found[PartnershipKey(try row.decode(column: "key", as: String.self))] = cities
            }
        }
        return found
    }
}

/// A personal API token as its owner sees it listed: never the token itself, which is shown once when made.
public struct APIToken: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}

extension Repository {
    /// Stores a new token (its hash) for a user, recorded in the change log (kind `token`).
    @discardableResult
    public func addToken(
        userID: Int, name: String, tokenHash: String, as context: WriteContext
    ) async throws
        -> APIToken
    {
        let name = String(name.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        guard !name.isEmpty, !name.contains(where: \.isNewline) else { throw InvalidAccount(problem: .nameMissing) }
        return try await writeTransaction { repository in
            let record = TokenRecord()
            record.userID = userID
            record.name = name
            record.tokenHash = tokenHash
            record.createdAt = Self.timestamp()
            try await record.create(on: repository.database)
            let email = try await UserRecord.find(userID, on: repository.database)?.email ?? "\(userID)"
            try await repository.log([
                ChangeRecord(
                    at: record.createdAt, context: context, kind: "token", key: "\(email)/\(record.id ?? 0)",
                    action: .create, version: 1, before: nil, after: name)
            ])
            return record.token
        }
    }

    /// A user's tokens, newest first.
    public func tokens(userID: Int) async throws -> [APIToken] {
        try await TokenRecord.query(on: database).filter(\.$userID == userID).sort(\.$id, .descending).limit(200)
            .all().map(\.token)
    }

    /// Revokes one of a user's tokens; `false` when the user has no such token.
    @discardableResult
    public func revokeToken(id: Int, userID: Int, as context: WriteContext) async throws -> Bool {
        try await writeTransaction { repository in
            guard let record = try await TokenRecord.find(id, on: repository.database), record.userID == userID,
                record.revokedAt == nil
            else { return false }
            record.revokedAt = Self.timestamp()
            try await record.update(on: repository.database)
            let email = try await UserRecord.find(userID, on: repository.database)?.email ?? "\(userID)"
            try await repository.log([
                ChangeRecord(
                    at: record.revokedAt ?? "", context: context, kind: "token", key: "\(email)/\(id)",
                    action: .delete, version: 1, before: record.name, after: nil)
            ])
            return true
        }
    }

    /// The user a valid (unrevoked) token belongs to; notes when it was last used (to the minute, so a script's
    /// every request does not write).
    public func user(tokenHash: String) async throws -> User? {
        guard let record = try await TokenRecord.query(on: database).filter(\.$tokenHash == tokenHash).first(),
            record.revokedAt == nil, let user = try await UserRecord.find(record.userID, on: database)?.user
        else { return nil }
        let now = Self.timestamp()
        if record.lastUsedAt.map({ $0.prefix(16) != now.prefix(16) }) ?? true {
            record.lastUsedAt = now
            try await record.update(on: database)
        }
        return user
    }
}

extension TokenRecord {
    var token: APIToken {
        APIToken(id: id ?? 0, name: name, createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}
