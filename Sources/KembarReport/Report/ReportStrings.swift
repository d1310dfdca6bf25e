import KembarCore

/// The sentences of evaluation reports, in English and Indonesian.
///
/// Like ``Catalogue``, entries are functions so each language orders its words freely. Arguments arrive already
/// formatted (dates, counts, names) in the same language.
public enum ReportStrings {
    static func pick(_ language: Language, _ en: String, _ id: String) -> String { language == .en ? en : id }

    static func print(_ language: Language) -> String { pick(language, "Print", "Cetak") }

    /// A section of counts when no activity is completed yet.
    static func nothingCompleted(_ section: Heading, _ language: Language) -> String {
        let (en, id): (String, String) =
            switch section {
            case .years: ("per year", "per tahun")
            case .dimensions: ("per dimension", "per dimensi")
            case .infrastructure: ("per kind of infrastructure", "per jenis infrastruktur")
            default: ("per direction", "per arah")
            }
        return pick(
            language, "No completed activity is recorded yet: there is nothing to count \(en).",
            "Belum ada kegiatan selesai yang tercatat: belum ada yang dihitung \(id).")
    }
    public static func backToPartnership(_ language: Language) -> String {
        pick(language, "Back to the partnership", "Kembali ke kemitraan")
    }

    /// "1 activity" / "8 activities"; Indonesian has no plural ending.
    static func activities(_ count: Int, _ language: Language) -> String {
        pick(language, "\(count) \(count == 1 ? "activity" : "activities")", "\(count) kegiatan")
    }

    /// "1 agreement" / "2 agreements": English takes a plural ending, Indonesian none.
    static func counted(
        _ count: Int, _ singular: String, _ plural: String, _ indonesian: String, _ language: Language
    )
        -> String
    {
        pick(language, "\(count) \(count == 1 ? singular : plural)", "\(count) \(indonesian)")
    }

    /// Parts written one after another as sentences: each ends with one full stop, never two.
    static func sentences(_ parts: [String]) -> String {
        parts.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: ". ") + "."
    }

    static func list(_ items: [String], _ language: Language) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default:
            return items.dropLast().joined(separator: ", ") + pick(language, " and ", " dan ") + (items.last ?? "")
        }
    }

    // MARK: Headings

    public enum Heading: String, CaseIterable, Sendable {
        case summary, timeline, agreements, activities, years, dimensions, mou, plan, infrastructure, reciprocity
        case continuity, keyElements, comparison, indicators, unmapped, sources, evidence
    }

    public static func heading(_ heading: Heading, _ language: Language) -> String {
        switch heading {
        case .summary: pick(language, "Summary", "Ringkasan")
        case .timeline: pick(language, "Timeline", "Lini masa")
        case .agreements: pick(language, "Agreements and their validity", "Perjanjian dan masa berlakunya")
        case .activities: pick(language, "Activities as recorded", "Kegiatan sebagaimana tercatat")
        case .years: pick(language, "Activities and participants per year", "Kegiatan dan peserta per tahun")
        case .dimensions: pick(language, "Findings per dimension", "Temuan per dimensi")
        case .mou: pick(language, "MoU implementation", "Pelaksanaan MoU")
        case .plan: pick(language, "Plans and targets", "Rencana dan target")
        case .infrastructure: pick(language, "Soft and hard infrastructure", "Infrastruktur lunak dan keras")
        case .reciprocity: pick(language, "Reciprocity", "Timbal balik")
        case .continuity: pick(language, "Continuity", "Kesinambungan")
        case .keyElements:
            pick(language, "UNDP key elements of city-to-city cooperation", "Elemen kunci UNDP kerja sama antarkota")
        case .comparison: pick(language, "The two cities compared", "Perbandingan kedua kota")
        case .indicators: pick(language, "Indicators", "Indikator")
        case .unmapped: pick(language, "Tags outside this framework", "Tag di luar kerangka ini")
        case .sources: pick(language, "Sources", "Sumber")
        case .evidence: pick(language, "Evidence", "Bukti")
        }
    }

    public static func title(city: String, partner: String, kind: String, _ language: Language) -> String {
        pick(
            language, "Evaluation of the \(kind) partnership \(city)–\(partner)",
            "Evaluasi kemitraan \(kind) \(city)–\(partner)")
    }

    public static func subtitle(framework: String, asOf: String, _ language: Language) -> String {
        pick(language, "Against \(framework), as of \(asOf)", "Terhadap \(framework), per \(asOf)")
    }

    // MARK: Status

    public static func status(_ status: PartnershipStatus, _ language: Language) -> String {
        switch status {
        case .exploring: pick(language, "exploring", "penjajakan")
        case .active: pick(language, "active", "aktif")
        case .dormant: pick(language, "dormant", "tidak aktif (dorman)")
        case .renewalDue: pick(language, "renewal due", "perlu diperbarui")
        case .expired: pick(language, "expired", "kedaluwarsa")
        case .terminated: pick(language, "terminated", "diakhiri")
        }
    }

    /// Why the status applies, from the reason's facts.
    public static func reason(_ reason: StatusReason, agreement: String?, _ language: Language) -> String {
        let date = reason.date.map { Format.date($0, language) } ?? "?"
        // "on 19 March 2018", "in February 2016": the preposition follows the date's precision.
        let on = reason.date.map { Describe.on($0, language) } ?? "?"
        let doc = agreement ?? pick(language, "the agreement", "perjanjian")
        let days = reason.days.map { Format.integer($0, language) } ?? "?"
        let threshold = reason.threshold.map { String($0) } ?? "?"
        switch reason.status {
        case .exploring:
            if reason.agreement != nil {
                return pick(
                    language, "only a letter of intent is signed (\(date)); no binding agreement yet",
                    "baru surat minat yang ditandatangani (\(date)); belum ada perjanjian yang mengikat")
            }
            return pick(
                language, "no agreement is signed yet" + (reason.date == nil ? "" : "; last milestone \(date)"),
                "belum ada perjanjian yang ditandatangani"
                    + (reason.date == nil ? "" : "; tonggak terakhir \(date)"))
        case .active:
            guard reason.date != nil else {
                return pick(language, "\(doc) is in force", "\(doc) berlaku")
            }
            return pick(
                language, "\(doc) is in force and the last activity was \(on) (\(days) days before)",
                "\(doc) berlaku dan kegiatan terakhir \(on) (\(days) hari sebelumnya)")
        case .dormant:
            if reason.agreement != nil {
                return pick(
                    language,
                    "no activity is recorded since \(doc) was signed \(on) — more than \(threshold) months",
                    "tidak ada kegiatan tercatat sejak \(doc) ditandatangani \(on) — "
                        + "lebih dari \(threshold) bulan"
                )
            }
            return pick(
                language, "the last activity was \(on), \(days) days ago — more than \(threshold) months",
                "kegiatan terakhir \(on), \(days) hari lalu — lebih dari \(threshold) bulan")
        case .renewalDue:
            return pick(
                language,
                "\(doc) ends on \(date), in \(days) days (window: \(threshold) days), and no renewal is recorded",
                "\(doc) berakhir pada \(date), \(days) hari lagi (batas: \(threshold) hari), dan belum ada pembaruan")
        case .expired:
            return pick(
                language, "\(doc) ended \(on) and no agreement is in force",
                "\(doc) berakhir \(on) dan tidak ada perjanjian yang berlaku")
        case .terminated:
            return pick(language, "\(doc) was signed \(on)", "\(doc) ditandatangani \(on)")
        }
    }

    public static func statusSentence(status: String, asOf: String, reason: String, _ language: Language) -> String {
        pick(language, "Status on \(asOf): \(status) — \(reason).", "Status per \(asOf): \(status) — \(reason).")
    }

    public static func endDateUnknown(_ language: Language) -> String {
        pick(
            language, "The agreement in force states no end date, so renewal cannot be checked.",
            "Perjanjian yang berlaku tidak menyebutkan tanggal berakhir, sehingga pembaruan tidak dapat diperiksa.")
    }

    /// "The activity "…" is recorded as ongoing with no end date: no update since June 2019."
    public static func ongoingWithoutEnd(title: String, since: PartialDate, _ language: Language) -> String {
        pick(
            language,
            "“\(title)” is recorded as ongoing with no end date: no update since \(Format.date(since, language)).",
            "“\(title)” tercatat masih berlangsung tanpa tanggal selesai: tidak ada pembaruan sejak "
                + "\(Format.date(since, language)).")
    }

    /// Breadth: one activity under several dimensions is counted in each.
    public static func multiDimensional(count: Int, delivered: Int, _ language: Language) -> String {
        pick(
            language,
            "\(count == 1 ? "One activity falls" : "\(count) activities fall") under more than one dimension and "
                + "\(count == 1 ? "is" : "are") counted in each, so the dimensions' counts add up to more than the "
                + "\(activities(delivered, language)) delivered.",
            "\(count) kegiatan termasuk lebih dari satu dimensi dan dihitung di setiap dimensi, sehingga jumlah per "
                + "dimensi melebihi \(delivered) kegiatan yang terlaksana.")
    }

    /// "Before the agreement (signed 19 March 2018): 7 activities, in waste management and composting."
    public static func beforeAgreement(count: Int, signed: String, fields: [String], _ language: Language) -> String {
        let scope = fields.isEmpty ? "" : pick(language, ", in ", ", di bidang ") + list(fields, language)
        return pick(
            language,
            "Before the agreement (signed \(signed)): \(activities(count, language))\(scope). They are shown apart "
                + "and not counted as implementing it.",
            "Sebelum perjanjian (ditandatangani \(signed)): \(count) kegiatan\(scope). Kegiatan ini ditampilkan "
                + "terpisah dan tidak dihitung sebagai pelaksanaan perjanjian.")
    }

    /// A row of the per-year table standing for several silent years: "2009–2014".
    public static func yearRun(_ from: Int, _ to: Int) -> String { from == to ? String(from) : "\(from)–\(to)" }

    public static func notCounted(_ language: Language) -> String {
        pick(language, "not counted (planned or cancelled)", "tidak dihitung (direncanakan atau dibatalkan)")
    }

    public static func alsoApplies(_ status: String, reason: String, _ language: Language) -> String {
        pick(language, "Also \(status): \(reason).", "Juga \(status): \(reason).")
    }

    // MARK: Summary sentences

    public static func allUnder(count: Int, dimension: String, _ language: Language) -> String {
        count == 1
            ? pick(
                language, "The one delivered activity falls under \(dimension).",
                "Satu-satunya kegiatan yang terlaksana termasuk dimensi \(dimension).")
            : pick(
                language, "All \(count) delivered activities fall under \(dimension).",
                "Seluruh \(count) kegiatan yang terlaksana termasuk dimensi \(dimension).")
    }

    public static func spread(count: Int, dimensions: [String], _ language: Language) -> String {
        pick(
            language,
            "The \(activities(count, language)) delivered fall under \(dimensions.count) dimensions: "
                + list(dimensions, language) + ".",
            "\(count) kegiatan yang terlaksana tersebar di \(dimensions.count) dimensi: " + list(dimensions, language)
                + ".")
    }

    public static func nothingDelivered(_ language: Language) -> String {
        pick(language, "No delivered activity is recorded.", "Belum ada kegiatan terlaksana yang tercatat.")
    }

    public static func unplaced(_ count: Int, _ language: Language) -> String {
        pick(
            language, "\(activities(count, language)) carry no tag this framework can place.",
            "\(count) kegiatan tidak memiliki tag yang dapat dipetakan ke kerangka ini.")
    }

    public static func allSoft(_ language: Language) -> String {
        pick(
            language, "All of it is soft infrastructure (people, inclusion and participation).",
            "Seluruhnya merupakan infrastruktur lunak (soft infrastructure: masyarakat, inklusi dan partisipasi).")
    }

    public static func allHard(_ language: Language) -> String {
        pick(
            language, "All of it is hard infrastructure (technology and ICT).",
            "Seluruhnya merupakan infrastruktur keras (hard infrastructure: teknologi dan TIK).")
    }

    public static func infrastructureMix(soft: Int, hard: Int, unspecified: Int, _ language: Language) -> String {
        pick(
            language, "Soft infrastructure: \(soft); hard infrastructure: \(hard); not stated: \(unspecified).",
            "Infrastruktur lunak: \(soft); infrastruktur keras: \(hard); tidak disebutkan: \(unspecified).")
    }

    public static func reached(people: String, withoutCount: Int, _ language: Language) -> String {
        let one = people == "1"
        let note =
            withoutCount == 0
            ? ""
            : pick(
                language, " (\(activities(withoutCount, language)) give no count)",
                " (\(withoutCount) kegiatan tanpa jumlah peserta)")
        return pick(
            language, "Together they reached \(people) \(one ? "participant" : "participants")\(note).",
            "Seluruhnya menjangkau \(people) peserta\(note).")
    }

    /// "2018: 1 activity, 12 participants" / "2018: 1 kegiatan, 12 peserta".
    public static func yearFigures(year: Int, activities count: Int, people: String, _ language: Language) -> String {
        // "—" means no activity gives a count: the year is stated without a number of people.
        guard people != "—" else {
            return pick(language, "\(year): \(activities(count, language))", "\(year): \(count) kegiatan")
        }
        return pick(
            language,
            "\(year): \(activities(count, language)), \(people) \(people == "1" ? "participant" : "participants")",
            "\(year): \(count) kegiatan, \(people) peserta")
    }

    public static func perYear(_ years: [String], _ language: Language) -> String {
        pick(language, "Per year — ", "Per tahun — ") + years.joined(separator: "; ") + "."
    }

    public static func mouSentence(
        agreed: Int, implemented: [String], ratio: String, _ language: Language
    ) -> String {
        let names = list(implemented, language)
        if implemented.isEmpty {
            return pick(
                language, "Of the \(agreed) fields of the agreement, none is implemented (\(ratio)).",
                "Dari \(agreed) bidang dalam perjanjian, belum ada yang terlaksana (\(ratio)).")
        }
        let verb = implemented.count == 1 ? "is" : "are"
        return pick(
            language,
            "Of the \(agreed) fields of the agreement, \(implemented.count) \(verb) implemented (\(ratio)): \(names).",
            "Dari \(agreed) bidang dalam perjanjian, \(implemented.count) terlaksana (\(ratio)): \(names).")
    }

    public static func undelivered(_ fields: [String], _ language: Language) -> String {
        pick(
            language, "No completed activity in: \(list(fields, language)).",
            "Belum ada kegiatan selesai di bidang: \(list(fields, language)).")
    }

    public static func noFieldsAgreed(_ language: Language) -> String {
        pick(
            language, "No agreement names a field of cooperation.",
            "Tidak ada perjanjian yang menyebutkan bidang kerja sama.")
    }

    public static func mouBasis(_ basis: MoUImplementation.Basis, _ language: Language) -> String {
        switch basis {
        case .inForce: pick(language, "Fields of the agreements in force.", "Bidang dari perjanjian yang berlaku.")
        case .everSigned:
            pick(
                language, "No agreement is in force; fields of every agreement signed.",
                "Tidak ada perjanjian yang berlaku; bidang dari semua perjanjian yang pernah ditandatangani.")
        case .none: noFieldsAgreed(language)
        }
    }

    public static func outsideAgreement(_ fields: [String], _ language: Language) -> String {
        pick(
            language, "Completed outside the agreed fields: \(list(fields, language)).",
            "Terlaksana di luar bidang yang disepakati: \(list(fields, language)).")
    }

    public static func continuitySentence(
        active: Int, span: Int, since: Int, years: String, _ language: Language
    ) -> String {
        pick(
            language,
            "Activity in \(active) of the \(span) \(span == 1 ? "year" : "years") since the cooperation began "
                + "(\(since)): \(years).",
            "Ada kegiatan pada \(active) dari \(span) tahun sejak kerja sama dimulai (\(since)): \(years).")
    }

    public static func gapSentence(_ gap: Continuity.Gap, _ language: Language) -> String {
        let span = gap.from == gap.to ? String(gap.from) : "\(gap.from)–\(gap.to)"
        return pick(
            language, "Longest gap: \(gap.years) \(gap.years == 1 ? "year" : "years") without activity (\(span)).",
            "Jeda terpanjang: \(gap.years) tahun tanpa kegiatan (\(span)).")
    }

    public static func noAgreementForContinuity(_ language: Language) -> String {
        pick(
            language, "Nothing dates the cooperation's beginning, so continuity cannot be measured.",
            "Tidak ada yang menandai awal kerja sama, sehingga kesinambungan tidak dapat diukur.")
    }

    public static func personDaysNote(_ count: Int, _ language: Language) -> String {
        pick(
            language, "not computable for \(activities(count, language)) (no exact dates or no participant count)",
            "tidak dapat dihitung untuk \(count) kegiatan (tanpa tanggal pasti atau jumlah peserta)")
    }

    public static func ratio(_ numerator: Int, _ denominator: Int) -> String { "\(numerator)/\(denominator)" }

    // MARK: Directions and infrastructure

    public static func toPartner(partner: String, _ language: Language) -> String {
        pick(language, "people travelled to \(partner)", "orang bepergian ke \(partner)")
    }

    public static func fromPartner(partner: String, _ language: Language) -> String {
        pick(language, "people came from \(partner)", "orang datang dari \(partner)")
    }

    public static func joint(_ language: Language) -> String {
        pick(language, "nobody travelled: online or hybrid (joint)", "tanpa perjalanan: daring atau hibrida (bersama)")
    }

    public static func remote(_ language: Language) -> String {
        pick(language, "nobody travelled: by post or remotely", "tanpa perjalanan: lewat pos atau jarak jauh")
    }

    public static func infrastructure(_ value: Infrastructure?, _ language: Language) -> String {
        switch value {
        case .soft?: pick(language, "soft", "lunak")
        case .hard?: pick(language, "hard", "keras")
        case nil: pick(language, "not stated", "tidak disebutkan")
        }
    }

    // MARK: Key elements

    public static func element(_ element: KeyElement, _ language: Language) -> String {
        switch element {
        case .legalAgreement: pick(language, "Legal agreement", "Perjanjian resmi")
        case .communityParticipation: pick(language, "Community participation", "Partisipasi masyarakat")
        case .commitmentContinuity: pick(language, "Commitment and continuity", "Komitmen dan kesinambungan")
        case .reciprocity: pick(language, "Reciprocity", "Timbal balik")
        case .results: pick(language, "Results", "Hasil")
        }
    }

    public static func judgement(_ judgement: Judgement, _ language: Language) -> String {
        switch judgement {
        case .met: pick(language, "met", "terpenuhi")
        case .partlyMet: pick(language, "partly met", "terpenuhi sebagian")
        case .notMet: pick(language, "not met", "tidak terpenuhi")
        case .notEnoughData: pick(language, "not enough data", "data tidak cukup")
        }
    }

    /// The rule each element is judged by, stated in full.
    public static func rule(_ element: KeyElement, _ settings: EvaluationSettings, _ language: Language) -> String {
        switch element {
        case .legalAgreement:
            return pick(
                language,
                "Met when a binding agreement (MoU, twinning agreement or charter, joint declaration, renewal, action "
                    + "plan, implementing arrangement, addendum) is in force; partly met with only a letter of intent "
                    + "or when binding agreements have ended; not met with none recorded or after a termination.",
                "Terpenuhi bila ada perjanjian mengikat (MoU, perjanjian atau piagam kota kembar, deklarasi bersama, "
                    + "pembaruan, rencana aksi, pengaturan pelaksanaan, adendum) yang berlaku; terpenuhi sebagian bila "
                    + "baru ada surat minat atau perjanjian sudah berakhir; tidak terpenuhi bila tidak ada yang "
                    + "tercatat atau setelah pengakhiran.")
        case .communityParticipation:
            return pick(
                language,
                "Met when a delivered activity reached people other than officials or involved a school, university, "
                    + "club, NGO or company; not met when only officials took part; not enough data when no "
                    + "participants or organisations are recorded.",
                "Terpenuhi bila ada kegiatan terlaksana yang menjangkau warga selain pejabat atau melibatkan sekolah, "
                    + "perguruan tinggi, klub, LSM atau perusahaan; tidak terpenuhi bila hanya pejabat; data tidak "
                    + "cukup bila peserta maupun lembaga tidak tercatat.")
        case .commitmentContinuity:
            let share = Format.decimal(settings.continuityShare * 100, digits: 0, language) + "%"
            return pick(
                language,
                "Met when at least \(share) of the years since the cooperation began (its recorded start, first "
                    + "activity or first agreement, whichever is earliest) saw an activity and the partnership is "
                    + "neither dormant, expired nor terminated; partly met with some activity; not met with none; not "
                    + "enough data in the first year.",
                "Terpenuhi bila sedikitnya \(share) tahun sejak kerja sama dimulai (awal yang tercatat, kegiatan "
                    + "pertama atau perjanjian pertama, mana yang paling awal) memiliki kegiatan dan kemitraan "
                    + "tidak dorman, kedaluwarsa atau diakhiri; terpenuhi sebagian bila ada sebagian kegiatan; tidak "
                    + "terpenuhi bila tidak ada; data tidak cukup pada tahun pertama.")
        case .reciprocity:
            return pick(
                language,
                "Met when people travelled in both directions; partly met when one direction is joined by online or "
                    + "hybrid activities, or all are online; not met when all went one way; not enough data with "
                    + "fewer than two activities. What was sent by post counts as no travel.",
                "Terpenuhi bila orang bepergian ke dua arah; terpenuhi sebagian bila satu arah disertai kegiatan "
                    + "daring atau hibrida, atau semuanya daring; tidak terpenuhi bila semuanya satu arah; data tidak "
                    + "cukup bila kurang dari dua kegiatan. Kiriman lewat pos dihitung tanpa perjalanan.")
        case .results:
            let share = Format.decimal(settings.resultsShare * 100, digits: 0, language) + "%"
            return pick(
                language,
                "Met when completed activities record quantified results (e.g. “waste volume −32 %”) and at least "
                    + "\(share) of the agreed fields have a completed activity; partly met when results are "
                    + "quantified but fewer fields are delivered, or when only outputs or participants are recorded; "
                    + "not met with nothing completed; not enough data when completed activities record nothing.",
                "Terpenuhi bila kegiatan selesai mencatat hasil terukur (mis. “volume sampah −32 %”) dan sedikitnya "
                    + "\(share) bidang yang disepakati memiliki kegiatan selesai; terpenuhi sebagian bila hasil terukur "
                    + "tetapi bidang yang terlaksana lebih sedikit, atau bila hanya keluaran atau peserta yang "
                    + "tercatat; tidak terpenuhi bila belum ada yang selesai; data tidak cukup bila kegiatan selesai "
                    + "tidak mencatat apa pun.")
        }
    }

    /// What the data showed for the element, from its figures.
    public static func finding(_ finding: KeyElementFinding, _ language: Language) -> String {
        let f = finding.figures
        func v(_ key: String) -> Int { f[key] ?? 0 }
        switch finding.branch {
        case "binding-in-force":
            return pick(
                language,
                "\(counted(v("inForce"), "binding agreement", "binding agreements", "perjanjian mengikat", language)) "
                    + "in force.",
                "\(v("inForce")) perjanjian mengikat berlaku.")
        case "binding-ended":
            return pick(
                language,
                "\(counted(v("binding"), "binding agreement", "binding agreements", "", language)) signed, none in force.",
                "\(v("binding")) perjanjian mengikat pernah ditandatangani, tidak ada yang berlaku.")
        case "only-intent": return pick(language, "Only a letter of intent.", "Baru surat minat.")
        case "none-recorded": return pick(language, "No agreement recorded.", "Tidak ada perjanjian tercatat.")
        case "terminated": return pick(language, "A termination was signed.", "Pengakhiran telah ditandatangani.")
        case "no-activity":
            return pick(language, "No delivered activity.", "Tidak ada kegiatan yang terlaksana.")
        case "nothing-recorded":
            return pick(
                language, "No participants or organisations recorded.", "Peserta maupun lembaga tidak tercatat.")
        case "community-took-part":
            return pick(
                language,
                "\(counted(v("communityPeople"), "person", "people", "", language)) beyond officials and "
                    + "\(counted(v("communityOrganisations"), "community organisation", "community organisations", "", language)), "
                    + "in \(v("activitiesWithCommunity")) of \(activities(v("activities"), language)).",
                "\(v("communityPeople")) warga selain pejabat dan \(v("communityOrganisations")) lembaga masyarakat, "
                    + "dalam \(v("activitiesWithCommunity")) dari \(v("activities")) kegiatan.")
        case "officials-only":
            return pick(language, "Only officials took part.", "Hanya pejabat yang terlibat.")
        case "no-agreement": return pick(language, "No agreement recorded.", "Tidak ada perjanjian tercatat.")
        case "too-early":
            return pick(
                language, "Less than a year since the first agreement.", "Belum setahun sejak perjanjian pertama.")
        case "regular", "irregular", "lapsed":
            let base = pick(
                language, "Activity in \(v("activeYears")) of \(v("yearsInSpan")) years.",
                "Ada kegiatan pada \(v("activeYears")) dari \(v("yearsInSpan")) tahun.")
            return finding.branch == "lapsed"
                ? base + pick(language, " The partnership has lapsed.", " Kemitraan telah terhenti.") : base
        case "too-few-activities":
            return pick(language, "Fewer than two delivered activities.", "Kurang dari dua kegiatan terlaksana.")
        case "both-directions", "one-direction-and-joint", "joint-only", "one-direction":
            return pick(
                language,
                "Travel to the partner \(v("toPartner")), from the partner \(v("fromPartner")), online or hybrid "
                    + "\(v("joint")), by post or remotely \(v("remote")).",
                "Perjalanan ke kota mitra \(v("toPartner")), dari kota mitra \(v("fromPartner")), daring atau hibrida "
                    + "\(v("joint")), lewat pos atau jarak jauh \(v("remote")).")
        case "nothing-completed":
            return pick(language, "No completed activity.", "Belum ada kegiatan yang selesai.")
        case "no-results-recorded":
            return pick(
                language, "Completed activities record no results, outputs or participants.",
                "Kegiatan selesai tidak mencatat hasil, keluaran maupun peserta.")
        case "outputs-only":
            return pick(
                language,
                "No quantified result is recorded; \(v("withOutputs")) of \(activities(v("completed"), language)) "
                    + "completed record outputs or participants.",
                "Belum ada hasil terukur yang tercatat; \(v("withOutputs")) dari \(v("completed")) kegiatan selesai "
                    + "mencatat keluaran atau peserta.")
        default:
            let fields =
                v("agreed") == 0
                ? pick(language, "no fields agreed to compare", "tidak ada bidang yang disepakati untuk dibandingkan")
                : pick(
                    language, "\(v("implemented")) of \(v("agreed")) agreed fields implemented",
                    "\(v("implemented")) dari \(v("agreed")) bidang yang disepakati terlaksana")
            return pick(
                language,
                "\(counted(v("quantifiedResults"), "quantified result", "quantified results", "", language)) in "
                    + "\(activities(v("withQuantifiedResults"), language)); \(fields).",
                "\(v("quantifiedResults")) hasil terukur dalam \(v("withQuantifiedResults")) kegiatan; \(fields).")
        }
    }

    // MARK: Comparison and indicators

    public static func trend(_ trend: Trend, _ assessment: Assessment, _ language: Language) -> String {
        let direction: String
        switch trend {
        case .rising: direction = pick(language, "rising", "naik")
        case .falling: direction = pick(language, "falling", "turun")
        case .steady: direction = pick(language, "unchanged", "tetap")
        case .single: return pick(language, "one observation", "satu observasi")
        }
        switch assessment {
        case .better: return direction + pick(language, " (better)", " (membaik)")
        case .worse: return direction + pick(language, " (worse)", " (memburuk)")
        case .unchanged, .unknown: return direction
        }
    }

    public static func nothingRecorded(city: String, _ language: Language) -> String {
        pick(
            language, "Nothing is recorded about \(city)'s own initiatives or indicators.",
            "Belum ada inisiatif atau indikator \(city) yang tercatat.")
    }

    public static func noSharedIndicators(_ language: Language) -> String {
        pick(
            language, "The two cities share no observed indicator, so their values cannot be set side by side.",
            "Kedua kota belum memiliki indikator yang sama-sama teramati, sehingga nilainya belum dapat dibandingkan.")
    }

    public static func unmappedNote(_ reason: UnmappedReason, _ language: Language) -> String {
        switch reason {
        case .unknownNode: pick(language, "not a node of this framework", "bukan simpul kerangka ini")
        case .noCrosswalk: pick(language, "no crosswalk to this framework", "tidak ada crosswalk ke kerangka ini")
        case .notInCrosswalk:
            pick(language, "not covered by the crosswalk", "tidak tercakup oleh crosswalk")
        }
    }

    public static func unmappedLine(
        tag: String, reason: String, activities: Int, initiatives: Int, unplaced: Int, _ language: Language
    ) -> String {
        let rest =
            unplaced == 0
            ? pick(language, "all placed through other tags", "semuanya terpetakan melalui tag lain")
            : pick(language, "\(unplaced) left unplaced", "\(unplaced) tidak terpetakan")
        return pick(
            language,
            "\(tag): \(reason); \(Self.activities(activities, language)), "
                + "\(counted(initiatives, "initiative", "initiatives", "", language)) (\(rest)).",
            "\(tag): \(reason); \(activities) kegiatan, \(initiatives) inisiatif (\(rest)).")
    }

    public static func computedBy(_ language: Language) -> String {
        pick(
            language,
            "Computed by Kembar from the recorded facts; no figure in this report is typed by hand. Numbers in "
                + "brackets refer to the sources.",
            "Dihitung oleh Kembar dari fakta yang tercatat; tidak ada angka dalam laporan ini yang diketik manual. "
                + "Angka dalam kurung siku merujuk ke daftar sumber.")
    }

    /// Column headings of report tables.
    public enum Column: String, CaseIterable, Sendable {
        case dimension, activities, participants, personDays, first, last, year, field, completed, implemented
        case element, judgement, rule, finding, direction, initiatives, hostedInCity, hostedInPartner, joint
        case indicator, latest, trend, validFrom, validUntil, kind, roles, subdimensions, inForce, value
        case remote, signatories, purpose, continuing
    }

    public static func column(_ column: Column, _ language: Language) -> String {
        switch column {
        case .dimension: pick(language, "Dimension", "Dimensi")
        case .activities: pick(language, "Activities", "Kegiatan")
        case .participants: pick(language, "Participants", "Peserta")
        case .personDays: pick(language, "Person-days", "Hari-orang")
        case .first: pick(language, "First", "Pertama")
        case .last: pick(language, "Last", "Terakhir")
        case .year: pick(language, "Year", "Tahun")
        case .field: pick(language, "Field", "Bidang")
        case .completed: pick(language, "Completed activities", "Kegiatan selesai")
        case .implemented: pick(language, "Implemented", "Terlaksana")
        case .element: pick(language, "Element", "Elemen")
        case .judgement: pick(language, "Judgement", "Penilaian")
        case .rule: pick(language, "Rule", "Aturan")
        case .finding: pick(language, "What the data shows", "Yang ditunjukkan data")
        case .direction: pick(language, "Direction", "Arah")
        case .initiatives: pick(language, "initiatives", "inisiatif")
        case .hostedInCity: pick(language, "held in", "diadakan di")
        case .hostedInPartner: pick(language, "held in", "diadakan di")
        case .joint: pick(language, "Online, hybrid or elsewhere", "Daring, hibrida atau di tempat lain")
        case .remote: pick(language, "By post or remotely", "Lewat pos atau jarak jauh")
        case .continuing: pick(language, "Still running from earlier years", "Berlanjut dari tahun sebelumnya")
        case .signatories: pick(language, "Signatories", "Penanda tangan")
        case .purpose: pick(language, "Stated purpose", "Tujuan yang dinyatakan")
        case .indicator: pick(language, "Indicator", "Indikator")
        case .latest: pick(language, "Latest", "Terbaru")
        case .trend: pick(language, "Trend", "Tren")
        case .validFrom: pick(language, "In force from", "Berlaku sejak")
        case .validUntil: pick(language, "Valid until", "Berlaku sampai")
        case .kind: pick(language, "Kind", "Jenis")
        case .roles: pick(language, "Participants by role", "Peserta menurut peran")
        case .subdimensions: pick(language, "Sub-dimensions reached", "Subdimensi yang tercapai")
        case .inForce: pick(language, "In force", "Berlaku")
        case .value: pick(language, "Value", "Nilai")
        }
    }

    public static func yes(_ language: Language) -> String { pick(language, "yes", "ya") }
    public static func no(_ language: Language) -> String { pick(language, "no", "tidak") }

    /// A participant role after its count: "1 coach", "10 pupils", "12 guru"; unknown roles as written.
    public static func role(_ role: String, count: Int = 2, _ language: Language) -> String {
        let names: [String: (String, String, String)] = [
            "pupil": ("pupil", "pupils", "pelajar"), "teacher": ("teacher", "teachers", "guru"),
            "coach": ("coach", "coaches", "pelatih"), "official": ("official", "officials", "pendamping"),
            "parent": ("parent", "parents", "orang tua"),
            "coach-or-sports-teacher": (
                "coach or sports teacher", "coaches or sports teachers", "pelatih atau guru olahraga"
            ),
            "student": ("student", "students", "mahasiswa"), "staff": ("staff member", "staff", "staf"),
            "expert": ("expert", "experts", "ahli"), "athlete": ("athlete", "athletes", "atlet"),
            "resident": ("resident", "residents", "warga"), "mayor": ("mayor", "mayors", "wali kota"),
            "officer": ("officer", "officers", "pegawai"), "trainer": ("trainer", "trainers", "pelatih"),
            "youth": ("young person", "young people", "pemuda"), "volunteer": ("volunteer", "volunteers", "relawan"),
        ]
        guard let name = names[role] else { return role.replacingOccurrences(of: "-", with: " ") }
        return pick(language, count == 1 ? name.0 : name.1, name.2)
    }

    public static func chartWheelTitle(_ language: Language) -> String {
        pick(language, "Delivered activities per dimension", "Kegiatan terlaksana per dimensi")
    }

    public static func chartBarsTitle(_ language: Language) -> String {
        pick(language, "Participants reached per dimension", "Peserta yang dijangkau per dimensi")
    }

    public static func chartTimelineTitle(_ language: Language) -> String {
        pick(
            language, "Milestones, agreement validity and activities", "Tonggak, masa berlaku perjanjian dan kegiatan")
    }

    public static func openEnded(_ language: Language) -> String {
        pick(language, "no end date stated", "tanpa tanggal berakhir")
    }

    public static func asOfMark(_ date: String, _ language: Language) -> String {
        pick(language, "as of \(date)", "per \(date)")
    }
}
