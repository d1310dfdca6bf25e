/// A country's procedure for a city's foreign cooperation: its steps in order, each with the document that proves it
/// and the records that show it was done (an LoI signed shows the LoI step). Bundled for Indonesia from PP 28/2018,
/// Permendagri 25/2020 and the local procedures that implement them; other countries are added to the same file.
public struct Procedure: Hashable, Sendable, Codable, Identifiable {
    /// One step of the procedure.
    public struct Step: Hashable, Sendable, Codable {
        /// The records that show the step was done, when nobody recorded it: the earliest of them gives its date.
        public struct Evidence: Hashable, Sendable, Codable {
            public var agreements: [Agreement.Kind]
            public var milestones: [Milestone.Kind]
            /// The first delivered activity shows it (implementation).
            public var activities: Bool

            public init(agreements: [Agreement.Kind] = [], milestones: [Milestone.Kind] = [], activities: Bool = false)
            {
                self.agreements = agreements
                self.milestones = milestones
                self.activities = activities
            }

            private enum CodingKeys: String, CodingKey { case agreements, milestones, activities }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                agreements = try c.decodeIfPresent([Agreement.Kind].self, forKey: .agreements) ?? []
                milestones = try c.decodeIfPresent([Milestone.Kind].self, forKey: .milestones) ?? []
                activities = try c.decodeIfPresent(Bool.self, forKey: .activities) ?? false
            }
        }

        /// The step's key (`dprd-approval`).
        public var id: String
        public var name: LocalizedText
        /// What the step is, in a sentence.
        public var about: LocalizedText
        /// The document that proves it ("DPRD decision approving the cooperation plan").
        public var proof: LocalizedText
        public var evidence: Evidence?

        public init(
            id: String, name: LocalizedText, about: LocalizedText, proof: LocalizedText, evidence: Evidence? = nil
        ) {
            self.id = id
            self.name = name
            self.about = about
            self.proof = proof
            self.evidence = evidence
        }
    }

    public var id: String
    /// The ISO 3166-1 code of the country whose cities follow it.
    public var country: String
    public var name: LocalizedText
    public var steps: [Step]
    /// Where the steps come from: the laws and the pages that describe them.
    public var provenance: [String]

    public init(id: String, country: String, name: LocalizedText, steps: [Step], provenance: [String]) {
        self.id = id
        self.country = country
        self.name = name
        self.steps = steps
        self.provenance = provenance
    }
}

/// A step of the procedure a partnership has done, as recorded by its office: when, and the document that proves it.
public struct ProcedureRecord: Hashable, Sendable, Codable {
    /// The step's key in the procedure of the first city's country.
    public var step: String
    public var date: PartialDate
    /// The proving document's number or archive reference.
    public var document: String?
    public var note: String?
    public var sources: [SourceKey]

    public init(
        step: String, date: PartialDate, document: String? = nil, note: String? = nil, sources: [SourceKey] = []
    ) {
        self.step = step
        self.date = date
        self.document = document
        self.note = note
        self.sources = sources
    }

    private enum CodingKeys: String, CodingKey { case step, date, document, note, sources }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        step = try c.decode(String.self, forKey: .step)
        date = try c.decode(PartialDate.self, forKey: .date)
        document = try c.decodeIfPresent(String.self, forKey: .document)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        sources = try c.decodeIfPresent([SourceKey].self, forKey: .sources) ?? []
    }
}

/// Where a partnership stands in its country's procedure: each step done (with its date and proof), not recorded, the
/// next one, or still to come. A pure function of the procedure and the partnership's records.
public struct ProcedureProgress: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, CaseIterable {
        case done
        /// An earlier step than one done, with no record: it may have happened unrecorded.
        case notRecorded = "not-recorded"
        /// The first step after the latest one done.
        case next
        case later
    }

    /// What shows a step was done.
    public enum Proof: Hashable, Sendable {
        case recorded(ProcedureRecord)
        case agreement(AgreementKey)
        case milestone(MilestoneKey)
        case activity(ActivityKey)
    }

    public struct StepState: Hashable, Sendable {
        public var step: Procedure.Step
        public var state: State
        public var date: PartialDate?
        public var proof: Proof?
    }

    public var procedure: String
    public var steps: [StepState]

    /// The latest step done (in the procedure's order), and when.
    public var current: StepState? { steps.last { $0.state == .done } }
    public var next: StepState? { steps.first { $0.state == .next } }

    public static func of(
        _ procedure: Procedure, partnership: Partnership, agreements: [Agreement], milestones: [Milestone],
        activities: [Activity]
    ) -> ProcedureProgress {
        let found: [(PartialDate, Proof)?] = procedure.steps.map { step in
            if let record = partnership.procedure.filter({ $0.step == step.id }).min(by: { $0.date < $1.date }) {
                return (record.date, .recorded(record))
            }
            guard let evidence = step.evidence else { return nil }
            var candidates: [(PartialDate, Proof)] = []
            candidates += agreements.filter { evidence.agreements.contains($0.kind) }.map {
                ($0.signed, .agreement($0.id))
            }
            candidates += milestones.filter { evidence.milestones.contains($0.kind) }.map {
                ($0.date, .milestone($0.id))
            }
            if evidence.activities {
                candidates += activities.filter { $0.status == .completed || $0.status == .ongoing }
                    .map { ($0.start, .activity($0.id)) }
            }
            return candidates.min { $0.0 != $1.0 ? $0.0 < $1.0 : "\($0.1)" < "\($1.1)" }
        }
        let last = found.lastIndex { $0 != nil }
        var states: [StepState] = []
        var nextGiven = false
        for (index, step) in procedure.steps.enumerated() {
            let state: State
            if found[index] != nil {
                state = .done
            } else if let last, index < last {
                state = .notRecorded
            } else if !nextGiven {
                state = .next
                nextGiven = true
            } else {
                state = .later
            }
            states.append(StepState(step: step, state: state, date: found[index]?.0, proof: found[index]?.1))
        }
        return ProcedureProgress(procedure: procedure.id, steps: states)
    }
}
