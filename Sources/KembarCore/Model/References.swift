/// A key one record refers to: what must exist for the record to be valid, and what a delete must not leave dangling.
public struct RecordReference: Hashable, Sendable {
    /// The kinds of record a reference can point at.
    public enum Kind: String, Sendable, CaseIterable {
        case source, field, framework, city, organisation, partnership, agreement, action, milestone, activity
    }

    public var kind: Kind
    public var key: String

    public init(_ kind: Kind, _ key: String) {
        self.kind = kind
        self.key = key
    }
}

/// A record that names other records by key. The list is the one the domain rules check (``Validatable``): a
/// record whose references all exist breaks no `reference-unknown` rule.
public protocol Referring {
    var referencedKeys: [RecordReference] { get }
}

extension Sequence where Element == SourceKey {
    fileprivate var asReferences: [RecordReference] { map { RecordReference(.source, $0.rawValue) } }
}

extension Sequence where Element == OrganisationRole {
    fileprivate var asReferences: [RecordReference] { map { RecordReference(.organisation, $0.organisation.rawValue) } }
}

extension Sequence where Element == FieldKey {
    fileprivate var asReferences: [RecordReference] { map { RecordReference(.field, $0.rawValue) } }
}

extension Sequence where Element == FrameworkTag {
    fileprivate var asReferences: [RecordReference] { map { RecordReference(.framework, $0.framework.rawValue) } }
}

extension Source: Referring {
    public var referencedKeys: [RecordReference] { [] }
}

extension Field: Referring {
    public var referencedKeys: [RecordReference] { [] }
}

extension Framework: Referring {
    public var referencedKeys: [RecordReference] { [] }
}

extension Crosswalk: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.framework, from.rawValue), RecordReference(.framework, to.rawValue)]
    }
}

extension City: Referring {
    public var referencedKeys: [RecordReference] { citedSources.asReferences }
}

extension Organisation: Referring {
    public var referencedKeys: [RecordReference] {
        [city].compactMap { $0 }.map { RecordReference(.city, $0.rawValue) } + sources.asReferences
    }
}

extension Partnership: Referring {
    public var referencedKeys: [RecordReference] {
        [city, partnerCity].compactMap { $0 }.map { RecordReference(.city, $0.rawValue) }
            + [partnerOrganisation].compactMap { $0 }.map { RecordReference(.organisation, $0.rawValue) }
            + citedSources.asReferences
    }
}

extension Agreement: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.partnership, partnership.rawValue)]
            + [renews, amends].compactMap { $0 }.map { RecordReference(.agreement, $0.rawValue) }
            + fields.asReferences
            + signatories.compactMap(\.city).map { RecordReference(.city, $0.rawValue) }
            + citedSources.asReferences
    }
}

extension Milestone: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.partnership, partnership.rawValue)] + organisations.asReferences + sources.asReferences
    }
}

extension PlannedAction: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.partnership, partnership.rawValue)]
            + [agreement].compactMap { $0 }.map { RecordReference(.agreement, $0.rawValue) }
            + (responsibleCity + responsiblePartner).map { RecordReference(.organisation, $0.rawValue) }
            + fields.asReferences + tags.asReferences + citedSources.asReferences
    }
}

extension Activity: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.partnership, partnership.rawValue)] + organisations.asReferences + fields.asReferences
            + tags.asReferences + delivers.map { RecordReference(.action, $0.rawValue) } + citedSources.asReferences
    }
}

extension AttachedDocument: Referring {
    public var referencedKeys: [RecordReference] {
        let kind: RecordReference.Kind =
            switch attachedTo {
            case .agreement: .agreement
            case .milestone: .milestone
            case .activity: .activity
            }
        return [RecordReference(.partnership, partnership.rawValue), RecordReference(kind, owner)]
    }
}

extension Initiative: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.city, city.rawValue)] + organisations.asReferences + tags.asReferences
            + citedSources.asReferences
    }
}

extension Observation: Referring {
    public var referencedKeys: [RecordReference] {
        [RecordReference(.city, city.rawValue), RecordReference(.framework, indicator.framework.rawValue)]
            + sources.asReferences
    }
}

extension Dataset {
    /// Every key the records of this dataset refer to, once each.
    public var referencedKeys: Set<RecordReference> {
        var all = Set<RecordReference>()
        func add<T: Referring>(_ records: [T]) { for record in records { all.formUnion(record.referencedKeys) } }
        add(sources)
        add(fields)
        add(frameworks)
        add(crosswalks)
        add(cities)
        add(organisations)
        add(partnerships)
        add(agreements)
        add(milestones)
        add(actions)
        add(activities)
        add(documents)
        add(initiatives)
        add(observations)
        return all
    }
}
