import Foundation

/// A rule of the domain that a record can break. The raw value is the rule's stable name, shown in errors and
/// used as the key of its English and Indonesian messages (KembarReport's catalogue).
public enum DomainRule: String, Sendable, Codable, CaseIterable {
    case keyMalformed = "key-malformed"
    case keyDuplicated = "key-duplicated"
    case referenceUnknown = "reference-unknown"
    case textEmpty = "text-empty"
    case countryCodeInvalid = "country-code-invalid"
    case subdivisionCodeInvalid = "subdivision-code-invalid"
    case coordinatesOutOfRange = "coordinates-out-of-range"
    case populationNegative = "population-negative"
    case partnershipWithItself = "partnership-with-itself"
    case partnerMissing = "partner-missing"
    case partnerAmbiguous = "partner-ambiguous"
    case agreementEndsBeforeSigning = "agreement-ends-before-signing"
    case agreementEndsBeforeStart = "agreement-ends-before-start"
    case agreementTermNotPositive = "agreement-term-not-positive"
    case agreementLinkInvalid = "agreement-link-invalid"
    case activityEndsBeforeStart = "activity-ends-before-start"
    case durationNotPositive = "duration-not-positive"
    case sessionsNotPositive = "sessions-not-positive"
    case participantCountNegative = "participant-count-negative"
    case breakdownExceedsCount = "breakdown-exceeds-count"
    case valueNotFinite = "value-not-finite"
    case observationDuplicated = "observation-duplicated"
    case nodeDuplicated = "node-duplicated"
    case formatUnsupported = "format-unsupported"
    case valueInvalid = "value-invalid"
    case valueRequired = "value-required"
    case valueOutOfRange = "value-out-of-range"
    case dateRangeReversed = "date-range-reversed"
    /// JSON that is not standard (RFC 8259): a trailing comma, a comment, a bare word.
    case syntaxInvalid = "syntax-invalid"
    /// A field (or CSV column) Kembar does not read: refused, never dropped.
    case fieldUnknown = "field-unknown"
    /// A field given twice in one JSON object, or a CSV column named twice.
    case fieldDuplicated = "field-duplicated"
    /// `null` where a value or nothing belongs.
    case nullNotAllowed = "null-not-allowed"
    case alternativeWithoutSource = "alternative-without-source"
    /// A text longer than ``TextRules/maximumLength``.
    case textTooLong = "text-too-long"
    /// A control character (other than tab and line breaks) in a text.
    case controlCharacter = "control-character"
    /// A currency code that is not three upper-case letters (ISO 4217).
    case currencyCodeInvalid = "currency-code-invalid"
    /// A budget, cost or target that is negative where only zero or more makes sense.
    case amountNegative = "amount-negative"
    /// An activity names a planned action of another partnership, or an action an agreement of another.
    case planLinkInvalid = "plan-link-invalid"
}

/// Upper bounds on counts and lengths: far beyond any real cooperation, low enough that sums and products of them
/// (participants × days) can never overflow.
enum Plausible {
    static let participants = 100_000_000
    static let days = 36_500
    static let sessions = 100_000
    static let termYears = 100
    /// Budgets and costs: more than any city spends (10^15 in any currency), so sums never lose whole units.
    static let amount = 1e15
}

/// One broken rule: where (a path relative to the record, e.g. `participants[0].count`), the value, and the rule.
public struct Violation: Hashable, Sendable, Codable, Error {
    /// Where the problem is: a JSON path (`$.activities[3].end`), or `file:line` for CSV.
    public var location: String
    /// The field, as named in the file format (`end`, `participants[0].count`).
    public var field: String
    /// The offending value as written (or a summary of it).
    public var value: String
    public var rule: DomainRule
    /// Extra detail, e.g. the expected form or the other value involved.
    public var detail: String?

    public init(location: String = "", field: String, value: String, rule: DomainRule, detail: String? = nil) {
        self.location = location
        self.field = field
        self.value = value
        self.rule = rule
        self.detail = detail
    }

    /// The same violation placed under `prefix` (e.g. the record's path in a file).
    public func located(at prefix: String) -> Violation {
        var copy = self
        copy.location = prefix
        return copy
    }
}

/// The keys a dataset may refer to: those it defines plus those already stored.
public struct ReferenceIndex: Sendable {
    public var sources: Set<SourceKey> = []
    public var fields: Set<FieldKey> = []
    public var cities: Set<CityKey> = []
    public var organisations: Set<OrganisationKey> = []
    public var partnerships: Set<PartnershipKey> = []
    /// Agreement key → its partnership.
    public var agreements: [AgreementKey: PartnershipKey] = [:]
    /// Planned action key → its partnership.
    public var actions: [ActionKey: PartnershipKey] = [:]
    /// Milestone and activity key → its partnership (what a document may be attached to).
    public var milestones: [MilestoneKey: PartnershipKey] = [:]
    public var activities: [ActivityKey: PartnershipKey] = [:]
    /// Framework key → the ids of its nodes.
    public var frameworkNodes: [FrameworkKey: Set<String>] = [:]
    /// (city, indicator, period) → the observation key that holds it.
    public var observationSlots: [String: ObservationKey] = [:]
    /// The step keys of the national procedures known (`nil`: not checked, as where no procedure is loaded).
    public var procedureSteps: Set<String>?
    /// The country codes (ISO 3166-1 and the user-assigned XK) and the ISO 3166-2 subdivision codes known (`nil`: only
    /// their form is checked).
    public var countryCodes: Set<String>?
    public var subdivisionCodes: Set<String>?

    public init() {}

    /// The keys defined by `dataset`.
    public init(_ dataset: Dataset) {
        add(dataset)
    }

    public mutating func add(_ dataset: Dataset) {
        sources.formUnion(dataset.sources.map(\.id))
        fields.formUnion(dataset.fields.map(\.id))
        cities.formUnion(dataset.cities.map(\.id))
        organisations.formUnion(dataset.organisations.map(\.id))
        partnerships.formUnion(dataset.partnerships.map(\.id))
        for agreement in dataset.agreements { agreements[agreement.id] = agreement.partnership }
        for action in dataset.actions { actions[action.id] = action.partnership }
        for milestone in dataset.milestones { milestones[milestone.id] = milestone.partnership }
        for activity in dataset.activities { activities[activity.id] = activity.partnership }
        for framework in dataset.frameworks { frameworkNodes[framework.id] = Set(framework.nodes.map(\.id)) }
        for observation in dataset.observations { observationSlots[Self.slot(observation)] = observation.id }
    }

    static func slot(_ observation: Observation) -> String {
        "\(observation.city)|\(observation.indicator)|\(observation.period)"
    }
}

/// Collects violations for one record, with paths relative to it.
struct ViolationCollector {
    var violations: [Violation] = []
    let references: ReferenceIndex

    mutating func add(_ field: String, _ value: String, _ rule: DomainRule, _ detail: String? = nil) {
        violations.append(Violation(field: field, value: value, rule: rule, detail: detail))
    }

    mutating func key<T>(_ key: Key<T>) {
        if !key.isWellFormed {
            add("id", key.rawValue, .keyMalformed, "lower-case letters, digits, '-' and '.', at most 120 characters")
        }
    }

    mutating func text(_ field: String, _ text: LocalizedText?) {
        if text?.isEmpty ?? true { add(field, "", .textEmpty) }
    }

    mutating func exists<T>(_ field: String, _ key: Key<T>?, in keys: Set<Key<T>>) {
        if let key, !keys.contains(key) { add(field, key.rawValue, .referenceUnknown) }
    }

    mutating func cites(_ keys: [SourceKey], field: String = "sources") {
        for (i, key) in keys.enumerated() { exists("\(field)[\(i)]", key, in: references.sources) }
    }

    mutating func organisations(_ roles: [OrganisationRole]) {
        for (i, role) in roles.enumerated() {
            exists("organisations[\(i)].organisation", role.organisation, in: references.organisations)
        }
    }

    mutating func tags(_ field: String, _ tags: [FrameworkTag]) {
        for (i, tag) in tags.enumerated() { self.tag("\(field)[\(i)]", tag) }
    }

    mutating func tag(_ field: String, _ tag: FrameworkTag) {
        guard let nodes = references.frameworkNodes[tag.framework] else {
            return add(field, tag.description, .referenceUnknown, "no framework '\(tag.framework)'")
        }
        if !nodes.contains(tag.node) {
            add(field, tag.description, .referenceUnknown, "framework '\(tag.framework)' has no node '\(tag.node)'")
        }
    }

    /// A figure (an initiative's, an activity's result, a city's): label, finite values, ordered period, sources,
    /// and alternatives that each cite a source.
    mutating func figures(_ field: String, _ figures: [Figure]) {
        for (i, figure) in figures.enumerated() {
            let path = "\(field)[\(i)]"
            text("\(path).label", figure.label)
            if !figure.value.isFinite { add("\(path).value", "\(figure.value)", .valueNotFinite) }
            range("\(path).periodEnd", from: figure.period, to: figure.periodEnd)
            cites(figure.sources, field: "\(path).sources")
            for (j, alternative) in figure.alternatives.enumerated() {
                let at = "\(path).alternatives[\(j)]"
                if !alternative.value.isFinite { add("\(at).value", "\(alternative.value)", .valueNotFinite) }
                if alternative.sources.isEmpty { add("\(at).sources", "", .alternativeWithoutSource) }
                cites(alternative.sources, field: "\(at).sources")
            }
        }
    }

    /// An end that must not lie before its start.
    mutating func range(_ field: String, from start: PartialDate?, to end: PartialDate?) {
        if let start, let end, end.lastDay < start.firstDay {
            add(field, end.description, .dateRangeReversed, "starts \(start)")
        }
    }

    /// An amount of money: finite, not negative, within ``Plausible/amount``, with an ISO 4217 currency code.
    mutating func money(_ field: String, amount: Double, currency: String) {
        if !amount.isFinite {
            add("\(field).amount", "\(amount)", .valueNotFinite)
        } else if amount < 0 {
            add("\(field).amount", FlatList.number(amount), .amountNegative)
        } else if amount > Plausible.amount {
            add("\(field).amount", FlatList.number(amount), .valueOutOfRange, "at most 10^15")
        }
        let ok = currency.count == 3 && currency.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        if !ok {
            add("\(field).currency", currency, .currencyCodeInvalid, "three upper-case letters (ISO 4217), e.g. IDR")
        }
    }

    /// A link from a record of `partnership` to a record of another kind that must belong to the same partnership.
    mutating func sameOwner<T>(
        _ field: String, _ key: Key<T>?, in owners: [Key<T>: PartnershipKey], partnership: PartnershipKey,
        kind: String
    ) {
        guard let key else { return }
        guard let owner = owners[key] else { return add(field, key.rawValue, .referenceUnknown) }
        if owner != partnership {
            add(field, key.rawValue, .planLinkInvalid, "the \(kind) belongs to partnership '\(owner)'")
        }
    }

    mutating func country(_ field: String, _ code: String) {
        let ok = code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        if !ok {
            add(field, code, .countryCodeInvalid, "two upper-case letters (ISO 3166-1 alpha-2)")
        } else if let known = references.countryCodes, !known.contains(code) {
            add(field, code, .countryCodeInvalid, "no country has this code in ISO 3166-1")
        }
    }
}

/// A record that can check itself against the domain rules.
public protocol Validatable {
    /// The rules this record breaks, given the keys it may refer to. Empty when the record is valid.
    func violations(references: ReferenceIndex) -> [Violation]
}

extension Source: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        if title.trimmingCharacters(in: .whitespaces).isEmpty { c.add("title", title, .textEmpty) }
        // A link a reader will follow: web addresses only (a `javascript:` or `file:` URL is refused).
        if let url, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) {
            c.add("url", url, .valueInvalid, "only http:// and https:// addresses")
        }
        return c.violations
    }
}

extension Field: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.text("name", name)
        return c.violations
    }
}

extension City: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.text("name", name)
        c.country("country", country)
        if let subdivision {
            let parts = subdivision.split(separator: "-", omittingEmptySubsequences: false)
            let ok =
                parts.count == 2 && parts[0] == Substring(country) && (1...3).contains(parts[1].count)
                && parts[1].unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            if !ok {
                c.add("subdivision", subdivision, .subdivisionCodeInvalid, "ISO 3166-2, e.g. \(country)-XX")
            } else if let known = references.subdivisionCodes, !known.contains(subdivision) {
                c.add("subdivision", subdivision, .subdivisionCodeInvalid, "no subdivision has this code in ISO 3166-2")
            }
        }
        if let population, population.count < 0 {
            c.add("population.count", "\(population.count)", .populationNegative)
        }
        c.figures("figures", figures)
        if let identifier = organisationIdentifier, !IATI.isOrganisationIdentifier(identifier) {
            c.add(
                "organisationIdentifier", identifier, .valueInvalid,
                "a registration agency and its number, e.g. XI-WIKIDATA-Q123 or GB-LAE-ABC")
        }
        for (i, recognition) in recognitions.enumerated() {
            c.text("recognitions[\(i)].title", recognition.title)
            c.range("recognitions[\(i)].end", from: recognition.date, to: recognition.end)
            c.cites(recognition.sources, field: "recognitions[\(i)].sources")
        }
        if let coordinates {
            if !(-90.0...90.0).contains(coordinates.latitude) {
                c.add("coordinates.latitude", "\(coordinates.latitude)", .coordinatesOutOfRange, "-90 to 90")
            }
            if !(-180.0...180.0).contains(coordinates.longitude) {
                c.add("coordinates.longitude", "\(coordinates.longitude)", .coordinatesOutOfRange, "-180 to 180")
            }
        }
        c.cites(sources)
        return c.violations
    }
}

extension Organisation: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.text("name", name)
        c.country("country", country)
        if let represents { c.country("represents", represents) }
        c.exists("city", city, in: references.cities)
        c.cites(sources)
        return c.violations
    }
}

extension Partnership: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("city", city, in: references.cities)
        c.exists("partnerCity", partnerCity, in: references.cities)
        c.exists("partnerOrganisation", partnerOrganisation, in: references.organisations)
        if partnerCity == city { c.add("partnerCity", city.rawValue, .partnershipWithItself) }
        if partnerCity != nil && partnerOrganisation != nil {
            c.add("partnerOrganisation", partnerOrganisation!.rawValue, .partnerAmbiguous)
        }
        if kind == .institutionCooperation {
            if partnerOrganisation == nil { c.add("partnerOrganisation", "", .partnerMissing, kind.rawValue) }
        } else if partnerCity == nil {
            c.add("partnerCity", "", .partnerMissing, kind.rawValue)
        }
        c.cites(legalBasis, field: "legalBasis")
        var seen = Set<String>()
        for (i, record) in procedure.enumerated() {
            if let known = references.procedureSteps, !known.contains(record.step) {
                c.add(
                    "procedure[\(i)].step", record.step, .referenceUnknown, "no step '\(record.step)' in the procedure")
            } else if !seen.insert(record.step).inserted {
                c.add("procedure[\(i)].step", record.step, .keyDuplicated)
            }
            c.cites(record.sources, field: "procedure[\(i)].sources")
        }
        c.cites(sources)
        return c.violations
    }
}

extension Agreement: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("partnership", partnership, in: references.partnerships)
        c.text("title", title)
        if kind == .other && (kindLabel?.isEmpty ?? true) {
            c.add("kindLabel", "", .valueRequired, "an agreement of kind 'other' needs a label")
        }
        if let validUntil, validUntil.lastDay < signed.firstDay {
            c.add("validUntil", validUntil.description, .agreementEndsBeforeSigning, "signed \(signed)")
        }
        if let validUntil, let validFrom, validUntil.lastDay < validFrom.firstDay {
            c.add("validUntil", validUntil.description, .agreementEndsBeforeStart, "valid from \(validFrom)")
        }
        if let termYears, termYears <= 0 { c.add("termYears", "\(termYears)", .agreementTermNotPositive) }
        if let termYears, termYears > Plausible.termYears {
            c.add("termYears", "\(termYears)", .valueOutOfRange, "at most \(Plausible.termYears)")
        }
        for (field, link) in [("renews", renews), ("amends", amends)] {
            guard let link else { continue }
            if link == id {
                c.add(field, link.rawValue, .agreementLinkInvalid, "an agreement cannot refer to itself")
            } else if let owner = references.agreements[link] {
                if owner != partnership {
                    c.add(field, link.rawValue, .agreementLinkInvalid, "belongs to partnership '\(owner)'")
                }
            } else {
                c.add(field, link.rawValue, .referenceUnknown)
            }
        }
        for (i, field) in fields.enumerated() { c.exists("fields[\(i)]", field, in: references.fields) }
        for (i, signatory) in signatories.enumerated() {
            if signatory.name.trimmingCharacters(in: .whitespaces).isEmpty {
                c.add("signatories[\(i)].name", signatory.name, .textEmpty)
            }
            c.exists("signatories[\(i)].city", signatory.city, in: references.cities)
            c.cites(signatory.sources, field: "signatories[\(i)].sources")
            for (j, alternative) in signatory.alternatives.enumerated() {
                let at = "signatories[\(i)].alternatives[\(j)]"
                if alternative.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    c.add("\(at).name", alternative.name, .textEmpty)
                }
                if alternative.sources.isEmpty { c.add("\(at).sources", "", .alternativeWithoutSource) }
                c.cites(alternative.sources, field: "\(at).sources")
            }
        }
        c.cites(sources)
        return c.violations
    }
}

extension Milestone: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("partnership", partnership, in: references.partnerships)
        c.text("title", title)
        c.range("end", from: date, to: end)
        c.organisations(organisations)
        c.cites(sources)
        return c.violations
    }
}

extension Activity: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("partnership", partnership, in: references.partnerships)
        c.text("title", title)
        if let end, end.lastDay < start.firstDay {
            c.add("end", end.description, .activityEndsBeforeStart, "starts \(start)")
        }
        if let durationDays, durationDays <= 0 { c.add("durationDays", "\(durationDays)", .durationNotPositive) }
        if let durationDays, durationDays > Plausible.days {
            c.add("durationDays", "\(durationDays)", .valueOutOfRange, "at most \(Plausible.days)")
        }
        if let sessions, sessions <= 0 { c.add("sessions", "\(sessions)", .sessionsNotPositive) }
        if let sessions, sessions > Plausible.sessions {
            c.add("sessions", "\(sessions)", .valueOutOfRange, "at most \(Plausible.sessions)")
        }
        for (i, group) in participants.enumerated() {
            if group.role.trimmingCharacters(in: .whitespaces).isEmpty {
                c.add("participants[\(i)].role", group.role, .textEmpty)
            }
            if group.count < 0 { c.add("participants[\(i)].count", "\(group.count)", .participantCountNegative) }
            if group.count > Plausible.participants {
                c.add(
                    "participants[\(i)].count", "\(group.count)", .valueOutOfRange, "at most \(Plausible.participants)")
            }
            for (part, count) in group.breakdown.sorted(by: { $0.key < $1.key })
            where count < 0 || count > Plausible.participants {
                c.add(
                    "participants[\(i)].breakdown.\(part)", "\(count)",
                    count < 0 ? .participantCountNegative : .valueOutOfRange)
            }
            // Saturating sum: the bounds above are checked separately, this must not trap on hostile input.
            let parts = group.breakdown.values.reduce(0) { sum, value in
                let (total, overflow) = sum.addingReportingOverflow(max(0, value))
                return overflow ? Int.max : total
            }
            if !group.breakdown.isEmpty, parts > group.count {
                c.add("participants[\(i)].breakdown", "\(parts)", .breakdownExceedsCount, "count \(group.count)")
            }
        }
        c.organisations(organisations)
        c.figures("results", results)
        for (i, field) in fields.enumerated() { c.exists("fields[\(i)]", field, in: references.fields) }
        c.tags("tags", tags)
        for (i, action) in delivers.enumerated() {
            c.sameOwner(
                "delivers[\(i)]", action, in: references.actions, partnership: partnership, kind: "planned action")
        }
        if let cost { c.money("cost", amount: cost.amount, currency: cost.currency) }
        c.cites(sources)
        return c.violations
    }
}

extension AttachedDocument: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("partnership", partnership, in: references.partnerships)
        switch attachedTo {
        case .agreement:
            c.sameOwner(
                "owner", AgreementKey(owner), in: references.agreements, partnership: partnership, kind: "agreement")
        case .milestone:
            c.sameOwner(
                "owner", MilestoneKey(owner), in: references.milestones, partnership: partnership, kind: "milestone")
        case .activity:
            c.sameOwner(
                "owner", ActivityKey(owner), in: references.activities, partnership: partnership, kind: "activity")
        }
        let name = fileName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.contains("/") || name.contains("\\") || name.count > 255 {
            c.add("fileName", fileName, .valueInvalid, "a file name without folders, at most 255 characters")
        }
        let type = contentType.split(separator: "/", omittingEmptySubsequences: false)
        if type.count != 2 || type.contains(where: \.isEmpty) || contentType.count > 127
            || !contentType.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != ";" })
        {
            c.add("contentType", contentType, .valueInvalid, "a media type such as application/pdf")
        }
        if !(0...AttachedDocument.maximumSize).contains(size) {
            c.add("size", "\(size)", .valueOutOfRange, "at most 10 MiB")
        }
        if sha256.count != 64
            || !sha256.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) })
        {
            c.add("sha256", sha256, .valueInvalid, "64 lower-case hexadecimal digits")
        }
        if !DocumentCategory.codes.contains(category) {
            c.add("category", category, .valueInvalid, "an IATI document category code, e.g. A09")
        }
        if let language, language.count != 2 || !language.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) {
            c.add("language", language, .valueInvalid, "an ISO 639-1 code, e.g. id")
        }
        return c.violations
    }
}

extension PlannedAction: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("partnership", partnership, in: references.partnerships)
        c.sameOwner("agreement", agreement, in: references.agreements, partnership: partnership, kind: "agreement")
        c.text("title", title)
        c.range("end", from: start, to: end)
        for (i, field) in fields.enumerated() { c.exists("fields[\(i)]", field, in: references.fields) }
        c.tags("tags", tags)
        for (side, keys) in [("responsibleCity", responsibleCity), ("responsiblePartner", responsiblePartner)] {
            for (i, key) in keys.enumerated() { c.exists("\(side)[\(i)]", key, in: references.organisations) }
        }
        if let budget { c.money("budget", amount: budget.amount, currency: budget.currency) }
        var seen = Set<String>()
        for (i, target) in targets.enumerated() {
            let at = "targets[\(i)]"
            if !Key<Target>(target.id).isWellFormed {
                c.add("\(at).id", target.id, .keyMalformed, "lower-case letters, digits, '-' and '.'")
            } else if !seen.insert(target.id).inserted {
                c.add("\(at).id", target.id, .keyDuplicated)
            }
            c.text("\(at).indicator", target.indicator)
            for (name, number) in [("baseline", target.baseline), ("value", target.value)] {
                guard let number else { continue }
                if !number.isFinite {
                    c.add("\(at).\(name)", "\(number)", .valueNotFinite)
                } else if abs(number) > Plausible.amount {
                    c.add("\(at).\(name)", FlatList.number(number), .valueOutOfRange, "at most 10^15")
                }
            }
            if target.measure != .results, let value = target.value, value < 0 {
                c.add("\(at).value", FlatList.number(value), .amountNegative, "a count cannot be negative")
            }
            if target.measure == .results, target.unit?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                c.add("\(at).unit", "", .valueRequired, "results are counted by their unit")
            }
            for (j, role) in target.roles.enumerated() where role.trimmingCharacters(in: .whitespaces).isEmpty {
                c.add("\(at).roles[\(j)]", role, .textEmpty)
            }
            c.cites(target.sources, field: "\(at).sources")
        }
        c.cites(sources)
        return c.violations
    }
}

extension Initiative: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("city", city, in: references.cities)
        c.text("title", title)
        c.organisations(organisations)
        c.tags("tags", tags)
        c.figures("figures", figures)
        c.cites(sources)
        return c.violations
    }
}

extension Observation: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.exists("city", city, in: references.cities)
        c.tag("indicator", indicator)
        if !value.isFinite { c.add("value", "\(value)", .valueNotFinite) }
        if let other = references.observationSlots[ReferenceIndex.slot(self)], other != id {
            c.add("period", period.description, .observationDuplicated, "already held by observation '\(other)'")
        }
        c.cites(sources)
        return c.violations
    }
}

extension Framework: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        c.text("name", name)
        var seen = Set<String>()
        for node in nodes {
            if !seen.insert(node.id).inserted { c.add("dimensions", node.id, .nodeDuplicated) }
            if node.name.isEmpty { c.add("dimensions", node.id, .textEmpty, "node name") }
        }
        return c.violations
    }
}

extension Crosswalk: Validatable {
    public func violations(references: ReferenceIndex) -> [Violation] {
        var c = ViolationCollector(references: references)
        c.key(id)
        for (i, pair) in pairs.enumerated() {
            c.tag("pairs[\(i)].from", FrameworkTag(framework: from, node: pair.from))
            c.tag("pairs[\(i)].to", FrameworkTag(framework: to, node: pair.to))
        }
        return c.violations
    }
}

extension Dataset {
    /// Every rule the dataset breaks, each located by JSON path (`$.activities[3]`), checked against the keys the
    /// dataset defines plus `existing` (what is already stored). Empty when the dataset can be imported.
    public func violations(existing: ReferenceIndex = ReferenceIndex()) -> [Violation] {
        var references = existing
        references.add(self)
        // Observations are checked against the stored slots only (duplicates within the file are found below);
        // a stored observation with the same key is being replaced, so its slot does not collide.
        let replaced = Set(observations.map(\.id))
        references.observationSlots = existing.observationSlots.filter { !replaced.contains($0.value) }
        var found: [Violation] = []
        if format != Self.formatName {
            found.append(
                Violation(
                    location: "$", field: "format", value: format, rule: .formatUnsupported,
                    detail: "expected '\(Self.formatName)'"))
        }
        if !Self.readableVersions.contains(version) {
            found.append(
                Violation(
                    location: "$", field: "version", value: "\(version)", rule: .formatUnsupported,
                    detail: "this Kembar reads versions 1 to \(Self.currentVersion)"))
        }
        func check<T: Validatable & Identifiable & Encodable>(_ name: String, _ records: [T])
        where T.ID: CustomStringConvertible {
            var seen: [String: Int] = [:]
            var slots: [String: Int] = [:]
            for (i, record) in records.enumerated() {
                let path = "$.\(name)[\(i)]"
                found += record.violations(references: references).map { $0.located(at: path) }
                found += TextRules.violations(record).map { $0.located(at: path) }
                if let first = seen[record.id.description] {
                    found.append(
                        Violation(
                            location: path, field: "id", value: record.id.description,
                            rule: .keyDuplicated, detail: "also at $.\(name)[\(first)]"))
                } else {
                    seen[record.id.description] = i
                }
                if let observation = record as? Observation {
                    let slot = ReferenceIndex.slot(observation)
                    if let first = slots[slot] {
                        found.append(
                            Violation(
                                location: path, field: "period", value: observation.period.description,
                                rule: .observationDuplicated,
                                detail: "same city, indicator and period as $.\(name)[\(first)]"))
                    } else {
                        slots[slot] = i
                    }
                }
            }
        }
        check("sources", sources)
        check("fields", fields)
        check("frameworks", frameworks)
        check("crosswalks", crosswalks)
        check("cities", cities)
        check("organisations", organisations)
        check("partnerships", partnerships)
        check("agreements", agreements)
        check("milestones", milestones)
        check("actions", actions)
        check("activities", activities)
        check("documents", documents)
        check("initiatives", initiatives)
        check("observations", observations)
        return found
    }
}

/// Input that breaks rules: every violation found, not only the first. Nothing has been written when this is thrown.
public struct InvalidInput: Error, Sendable, Equatable {
    public var violations: [Violation]
    public init(_ violations: [Violation]) { self.violations = violations }
}
