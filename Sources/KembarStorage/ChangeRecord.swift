import FluentKit

// In a file without KembarCore, whose `Field` would shadow Fluent's.

/// A row of the `changes` table.
final class ChangeRecord: Model, @unchecked Sendable {
    static let schema = "changes"

    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "at") var at: String
    @Field(key: "actor") var actor: String
    @Field(key: "channel") var channel: String
    @Field(key: "kind") var kind: String
    @Field(key: "key") var key: String
    @Field(key: "action") var action: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?

    init() {}

    init(
        at: String, context: WriteContext, kind: String, key: String, action: Change.Action, version: Int,
        before: String?, after: String?
    ) {
        self.at = at
        self.actor = context.actor
        self.channel = context.channel.rawValue
        self.kind = kind
        self.key = key
        self.action = action.rawValue
        self.version = version
        self.before = before
        self.after = after
    }

    var change: Change {
        Change(
            sequence: id ?? 0, at: at, actor: actor, channel: WriteContext.Channel(rawValue: channel) ?? .cli,
            kind: kind, key: key, action: Change.Action(rawValue: action) ?? .update, version: version, before: before,
            after: after)
    }
}
