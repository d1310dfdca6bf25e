import Foundation

/// IATI Activity Standard 2.03 XML: a partnership as a parent activity (hierarchy 1) and each of its activities as a
/// child (hierarchy 2), reported by one organisation. The mapping, field by field, is in docs/OPENDATA.md.
public enum IATI {
    /// Who reports the file: every activity in an IATI file carries the same reporting organisation.
    public struct Publisher: Sendable, Equatable {
        /// `{RegistrationAgency}-{RegistrationNumber}`.
        public var ref: String
        public var name: LocalizedText
        /// IATI organisation type (11 local government, 10 government).
        public var type: String
        /// Reports others' activities (a ministry publishing its registry): `secondary-reporter="1"`.
        public var secondary: Bool

        public init(ref: String, name: LocalizedText, type: String = "11", secondary: Bool = false) {
            self.ref = ref
            self.name = name
            self.type = type
            self.secondary = secondary
        }
    }

    /// What an export of `data` cannot say, and so leaves out.
    public struct Export: Sendable {
        public var xml: String
        /// Partnerships with no date at all to start from (IATI requires one): not exported.
        public var undated: [PartnershipKey]
        public var activities: Int
    }

    /// An identifier IATI accepts for an organisation: a registration agency's code (`XI-WIKIDATA`, `GB-LAE`,
    /// `ID-COA`) and a number, no spaces.
    public static func isOrganisationIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, !parts[1].isEmpty, !parts[2].isEmpty, text.count <= 200 else {
            return false
        }
        func upperOrDigit(_ s: Substring) -> Bool {
            s.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
        return upperOrDigit(parts[0]) && upperOrDigit(parts[1])
            && parts[2].unicodeScalars.allSatisfy {
                $0.isASCII && $0.value > 32 && !"<>&\"'".unicodeScalars.contains($0)
            }
    }

    /// The IATI activity status of a partnership with `status` (ActivityStatus codelist).
    static func activityStatus(_ status: PartnershipStatus?) -> String {
        switch status {
        case .exploring, nil: "1"
        case .active, .renewalDue: "2"
        case .dormant: "6"
        case .expired, .terminated: "4"
        }
    }

    static func activityStatus(_ status: Activity.Status) -> String {
        switch status {
        case .planned: "1"
        case .ongoing: "2"
        case .completed: "4"
        case .cancelled: "5"
        }
    }

    /// IATI organisation type of an organisation's kind; `nil` where the kind does not tell (a club, an NGO whose
    /// reach is not recorded): the attribute is left out rather than guessed.
    static func organisationType(_ kind: Organisation.Kind) -> String? {
        switch kind {
        case .governmentOffice, .embassy, .consulate: "10"
        case .agency: "15"
        case .internationalOrganisation: "40"
        case .foundation, .fund: "60"
        case .company: "70"
        case .school, .university, .researchInstitute: "80"
        case .club, .ngo, .association, .other: nil
        }
    }

    /// IATI organisation role of an organisation's part in an activity; `nil` for parts IATI has no role for
    /// (participants, recipients, proposers: those the activity is for).
    static func organisationRole(_ role: OrganisationRole.Role) -> String? {
        switch role {
        case .funder: "1"
        case .organiser, .host, .trainer, .sender, .selector, .partner: "4"
        case .participant, .recipient, .proposer: nil
        }
    }

    /// - Parameters:
    ///   - data: the partnerships to export with their cities, agreements, activities, organisations, documents,
    ///     fields and sources.
    ///   - statuses: each partnership's status on the day the file is made.
    ///   - baseURL: the server's public address, for links to agreements' and documents' pages (none without).
    public static func export(
        _ data: Dataset, publisher: Publisher, statuses: [PartnershipKey: PartnershipStatus], today: Day,
        generated: String, baseURL: String?
    ) -> Export {
        var writer = Writer(data: data, publisher: publisher, today: today, generated: generated, baseURL: baseURL)
        var undated: [PartnershipKey] = []
        var count = 0
        writer.out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        writer.out += "<iati-activities version=\"2.03\" generated-datetime=\"\(generated)\">\n"
        for partnership in data.partnerships.sorted(by: { $0.id < $1.id }) {
            if writer.partnership(partnership, status: statuses[partnership.id]) {
                count += 1 + (writer.activitiesBy[partnership.id]?.count ?? 0)
            } else {
                undated.append(partnership.id)
            }
        }
        if !undated.isEmpty {
            writer.out +=
                "<!-- Not exported, no date to start from (IATI requires one): "
                + undated.map(\.rawValue).joined(separator: ", ") + " -->\n"
        }
        writer.out += "</iati-activities>\n"
        return Export(xml: writer.out, undated: undated, activities: count)
    }

    struct Writer {
        let data: Dataset
        let publisher: Publisher
        let today: Day
        let generated: String
        let baseURL: String?
        let cities: [CityKey: City]
        let organisations: [OrganisationKey: Organisation]
        let fields: [FieldKey: Field]
        let agreementsBy: [PartnershipKey: [Agreement]]
        let activitiesBy: [PartnershipKey: [Activity]]
        let documentsBy: [String: [AttachedDocument]]
        var out = ""

        init(data: Dataset, publisher: Publisher, today: Day, generated: String, baseURL: String?) {
            self.data = data
            self.publisher = publisher
            self.today = today
            self.generated = generated
            self.baseURL = baseURL
            cities = Dictionary(data.cities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            organisations = Dictionary(data.organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            fields = Dictionary(data.fields.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            agreementsBy = Dictionary(grouping: data.agreements, by: \.partnership).mapValues {
                $0.sorted { ($0.signed.firstDay, $0.id) < ($1.signed.firstDay, $1.id) }
            }
            activitiesBy = Dictionary(grouping: data.activities, by: \.partnership).mapValues {
                $0.sorted { ($0.start.firstDay, $0.id) < ($1.start.firstDay, $1.id) }
            }
            documentsBy = Dictionary(grouping: data.documents, by: { "\($0.attachedTo.rawValue)/\($0.owner)" })
        }

        func identifier(_ partnership: PartnershipKey) -> String { publisher.ref + "-" + partnership.rawValue }

        /// Writes the partnership and its activities; `false` (nothing written) when it has no date to start from.
        mutating func partnership(_ p: Partnership, status: PartnershipStatus?) -> Bool {
            let agreements = agreementsBy[p.id] ?? []
            let activities = activitiesBy[p.id] ?? []
            let binding = agreements.filter { $0.kind != .letterOfIntent && $0.kind != .termination }
            guard
                let start = binding.first?.signed ?? p.cooperationSince ?? agreements.first?.signed
                    ?? activities.first?.start
            else { return false }
            let names = ([p.city] + [p.partnerCity].compactMap { $0 }).map {
                cities[$0]?.name ?? LocalizedText(en: $0.rawValue)
            }
            let title =
                p.name
                ?? LocalizedText(
                    en: names.map { $0.text(.en) }.joined(separator: " – "),
                    id: names.map { $0.text(.id) }.joined(separator: " – "))
            let description =
                p.rationale
                ?? LocalizedText(
                    en:
                        "City-to-city cooperation (\(p.kind.rawValue)) of \(names.map { $0.text(.en) }.joined(separator: " and ")), as recorded in Kembar.",
                    id:
                        "Kerja sama antarkota (\(p.kind.rawValue)) \(names.map { $0.text(.id) }.joined(separator: " dan ")), sebagaimana dicatat di Kembar."
                )
            open(hierarchy: 1)
            element("iati-identifier", identifier(p.id))
            reportingOrg()
            narratives("title", title)
            narratives("description", description, attributes: ["type": "1"])
            cityOrgs(p)
            if let organisation = p.partnerOrganisation.flatMap({ organisations[$0] }) {
                participatingOrg(organisation, role: "2")
            }
            empty("activity-status", ["code": IATI.activityStatus(status)])
            date(start, actualType: "2", plannedType: "1")
            if status == .expired || status == .terminated, let end = ended(agreements, status: status),
                end >= start.firstDay, end <= today
            {
                empty("activity-date", ["type": "4", "iso-date": end.description])
            }
            sectors(Set(agreements.flatMap(\.fields) + activities.flatMap(\.fields)))
            empty("collaboration-type", ["code": "1"])
            for agreement in agreements { agreementLink(agreement) }
            documentLinks(p.id)
            for activity in activities {
                empty("related-activity", ["ref": identifier(p.id) + "-" + activity.id.rawValue, "type": "2"])
            }
            out += " </iati-activity>\n"
            for activity in activities { self.activity(activity, partnership: p) }
            return true
        }

        mutating func activity(_ a: Activity, partnership p: Partnership) {
            open(hierarchy: 2, currency: a.cost?.currency)
            element("iati-identifier", identifier(p.id) + "-" + a.id.rawValue)
            reportingOrg()
            narratives("title", a.title)
            narratives("description", a.description ?? a.title, attributes: ["type": "1"])
            cityOrgs(p)
            var seen = Set<String>()
            for role in a.organisations {
                guard let iatiRole = IATI.organisationRole(role.role),
                    let organisation = organisations[role.organisation],
                    seen.insert("\(organisation.id)/\(iatiRole)").inserted
                else { continue }
                participatingOrg(organisation, role: iatiRole)
            }
            empty("activity-status", ["code": IATI.activityStatus(a.status)])
            let started = a.status != .planned && a.status != .cancelled && a.start.firstDay <= today
            empty("activity-date", ["type": started ? "2" : "1", "iso-date": a.start.firstDay.description], a.start)
            // The end: as recorded, else the start plus the duration.
            let end = a.end?.lastDay ?? a.durationDays.map { a.start.firstDay.adding(days: max(0, $0 - 1)) }
            if let end, end >= a.start.firstDay {
                let actual = a.status == .completed && end <= today
                empty("activity-date", ["type": actual ? "4" : "3", "iso-date": end.description], a.end)
            }
            sectors(Set(a.fields))
            if let cost = a.cost, cost.amount >= 0, cost.amount.isFinite {
                let day = min(a.end?.lastDay ?? a.start.lastDay, today)
                out += "  <transaction><transaction-type code=\"4\"/>"
                out += "<transaction-date iso-date=\"\(day)\"/>"
                out += "<value value-date=\"\(day)\">\(Self.decimal(cost.amount))</value></transaction>\n"
            }
            for document in documentsBy["activity/\(a.id.rawValue)"] ?? [] { documentLink(document) }
            empty("related-activity", ["ref": identifier(p.id), "type": "1"])
            results(a)
            out += " </iati-activity>\n"
        }

        // MARK: Parts

        mutating func open(hierarchy: Int, currency: String? = nil) {
            out += " <iati-activity xml:lang=\"en\" last-updated-datetime=\"\(generated)\""
            if let currency { out += " default-currency=\"\(XMLText.escape(currency))\"" }
            out += " hierarchy=\"\(hierarchy)\">\n"
        }

        mutating func reportingOrg() {
            var attributes = ["ref": publisher.ref, "type": publisher.type]
            if publisher.secondary { attributes["secondary-reporter"] = "1" }
            narratives("reporting-org", publisher.name, attributes: attributes)
        }

        mutating func cityOrgs(_ p: Partnership) {
            for key in [p.city] + [p.partnerCity].compactMap({ $0 }) {
                let city = cities[key]
                var attributes = ["role": "2", "type": "11"]
                if let ref = city?.organisationIdentifier { attributes["ref"] = ref }
                narratives("participating-org", city?.name ?? LocalizedText(en: key.rawValue), attributes: attributes)
            }
        }

        mutating func participatingOrg(_ organisation: Organisation, role: String) {
            var attributes = ["role": role]
            if let type = IATI.organisationType(organisation.kind) { attributes["type"] = type }
            narratives("participating-org", organisation.name, attributes: attributes)
        }

        /// An activity date: actual when the day has come, planned before; a date known to the month or year only
        /// is written as its first day with the date as recorded in a narrative.
        mutating func date(_ date: PartialDate, actualType: String, plannedType: String) {
            let day = date.firstDay
            empty(
                "activity-date", ["type": day <= today ? actualType : plannedType, "iso-date": day.description], date)
        }

        /// The day a partnership ended: a termination's signing, else the last day an agreement was in force.
        func ended(_ agreements: [Agreement], status: PartnershipStatus?) -> Day? {
            if status == .terminated, let termination = agreements.last(where: { $0.kind == .termination }) {
                return termination.signed.firstDay
            }
            return agreements.compactMap(\.endDay).max()
        }

        /// Kembar's fields of cooperation as sectors of vocabulary 99 (the reporting organisation's), shares equal
        /// and summing to 100; without fields, DAC 99810 "Sectors not specified".
        mutating func sectors(_ keys: Set<FieldKey>) {
            let named = keys.sorted().compactMap { fields[$0] }
            guard !named.isEmpty else {
                empty("sector", ["vocabulary": "1", "code": "99810", "percentage": "100"])
                return
            }
            let hundredths = 10_000 / named.count
            for (i, field) in named.enumerated() {
                let share = i == named.count - 1 ? 10_000 - hundredths * (named.count - 1) : hundredths
                narratives(
                    "sector", field.name,
                    attributes: [
                        "vocabulary": "99", "code": field.id.rawValue,
                        "percentage": "\(share / 100).\(String(format: "%02d", share % 100))",
                    ])
            }
        }

        /// An agreement as a document (category A09, memorandum of understanding) at its page, or at the web address
        /// of its first source with one.
        mutating func agreementLink(_ agreement: Agreement) {
            guard agreement.kind != .letterOfIntent else { return }
            let page = baseURL.map { $0 + "/agreements/" + agreement.id.rawValue }
            let sources = data.sources
            let source = agreement.sources.lazy.compactMap { key in sources.first { $0.id == key }?.url }.first
            guard let url = page ?? source else { return }
            out += "  <document-link format=\"text/html\" url=\"\(XMLText.escape(url))\">"
            out += narrativeElement("title", agreement.title)
            out += "<category code=\"A09\"/>"
            out += "<document-date iso-date=\"\(agreement.signed.firstDay)\"/></document-link>\n"
            for document in documentsBy["agreement/\(agreement.id.rawValue)"] ?? [] { documentLink(document) }
        }

        mutating func documentLinks(_ partnership: PartnershipKey) {
            for document in documentsBy["partnership/\(partnership.rawValue)"] ?? [] { documentLink(document) }
        }

        /// An attached file at its download address, with its category, language and date.
        mutating func documentLink(_ document: AttachedDocument) {
            guard let baseURL else { return }
            let url = baseURL + "/documents/" + document.id.rawValue
            out += "  <document-link format=\"\(XMLText.escape(document.contentType))\" url=\"\(XMLText.escape(url))\">"
            out += narrativeElement("title", document.title ?? LocalizedText(en: document.fileName))
            out += "<category code=\"\(XMLText.escape(document.category))\"/>"
            if let language = document.language { out += "<language code=\"\(XMLText.escape(language))\"/>" }
            if let date = document.date { out += "<document-date iso-date=\"\(date.firstDay)\"/>" }
            out += "</document-link>\n"
        }

        /// The activity's outputs as indicators counted in units: its participants and each structured result.
        mutating func results(_ a: Activity) {
            let (count, _) = a.participantTotal
            let start = a.start.firstDay
            let end = max(a.end?.lastDay ?? a.start.lastDay, start)
            var indicators: [(LocalizedText, Double, Day, Day)] = []
            if count > 0 {
                indicators.append((LocalizedText(en: "Participants", id: "Peserta"), Double(count), start, end))
            }
            for figure in a.results where figure.value.isFinite {
                let from = figure.period?.firstDay ?? start
                let until = max(figure.periodEnd?.lastDay ?? figure.period?.lastDay ?? end, from)
                indicators.append((figure.label, figure.value, from, until))
            }
            guard !indicators.isEmpty else { return }
            out += "  <result type=\"1\" aggregation-status=\"false\">"
            out += narrativeElement("title", LocalizedText(en: "Outputs", id: "Keluaran"))
            for (title, value, from, until) in indicators {
                out += "<indicator measure=\"1\" ascending=\"true\">" + narrativeElement("title", title)
                out += "<period><period-start iso-date=\"\(from)\"/><period-end iso-date=\"\(until)\"/>"
                out += "<actual value=\"\(Self.decimal(value))\"/></period></indicator>"
            }
            out += "</result>\n"
        }

        // MARK: XML

        mutating func element(_ name: String, _ text: String) {
            out += "  <\(name)>\(XMLText.escape(text))</\(name)>\n"
        }

        /// An empty element; a partial date adds a narrative saying the date as recorded.
        mutating func empty(_ name: String, _ attributes: [String: String], _ recorded: PartialDate? = nil) {
            let attributeText = Self.attributes(attributes)
            if let recorded, recorded.day == nil {
                out += "  <\(name)\(attributeText)><narrative>\(recorded)</narrative></\(name)>\n"
            } else {
                out += "  <\(name)\(attributeText)/>\n"
            }
        }

        mutating func narratives(_ name: String, _ text: LocalizedText, attributes: [String: String] = [:]) {
            out += "  " + narrativeElement(name, text, attributes: attributes) + "\n"
        }

        /// `<name>` with one narrative per language recorded: English (the file's default) bare, Indonesian marked.
        func narrativeElement(_ name: String, _ text: LocalizedText, attributes: [String: String] = [:]) -> String {
            var inner = ""
            if let en = text.en?.trimmingCharacters(in: .whitespacesAndNewlines), !en.isEmpty {
                inner += "<narrative>\(XMLText.escape(en))</narrative>"
            }
            if let id = text.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty {
                inner += "<narrative xml:lang=\"id\">\(XMLText.escape(id))</narrative>"
            }
            if inner.isEmpty { inner = "<narrative>-</narrative>" }
            return "<\(name)\(Self.attributes(attributes))>\(inner)</\(name)>"
        }

        static func attributes(_ attributes: [String: String]) -> String {
            attributes.keys.sorted().map { " \($0)=\"\(XMLText.escape(attributes[$0] ?? ""))\"" }.joined()
        }

        /// A decimal as XML Schema writes it: no exponent, a point.
        static func decimal(_ value: Double) -> String {
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            var text = String(format: "%.4f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
    }
}
