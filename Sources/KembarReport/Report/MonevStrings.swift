import KembarCore

/// The words of monitoring and evaluation (plans, targets, budgets) in reports and pages, in both languages.
public enum MonevStrings {
    static func pick(_ language: Language, _ en: String, _ id: String) -> String { language == .en ? en : id }

    public enum Column: String, CaseIterable, Sendable {
        case action, planned, delivered, period, target, achieved, targetValue, by, share, status, currency, budget
        case spent
    }

    public static func column(_ column: Column, _ l: Language) -> String {
        switch column {
        case .action: pick(l, "Planned action", "Rencana aksi")
        case .planned: pick(l, "Planned actions", "Rencana aksi")
        case .delivered: pick(l, "Delivered", "Terlaksana")
        case .period: pick(l, "Period", "Periode")
        case .target: pick(l, "Target", "Target")
        case .achieved: pick(l, "Achieved", "Capaian")
        case .targetValue: pick(l, "Target value", "Nilai target")
        case .by: pick(l, "By", "Paling lambat")
        case .share: pick(l, "Share achieved", "Persentase capaian")
        case .status: pick(l, "Status", "Status")
        case .currency: pick(l, "Currency", "Mata uang")
        case .budget: pick(l, "Budget planned", "Anggaran direncanakan")
        case .spent: pick(l, "Spent (recorded costs)", "Terpakai (biaya tercatat)")
        }
    }

    public static func status(_ status: TargetProgress.Status, _ l: Language) -> String {
        WebText.term(status.rawValue, l)
    }

    /// A target's figure with its unit: "~442 teachers", "10,5 %".
    public static func figure(_ value: Double, _ target: Target, approximate: Bool = false, _ l: Language) -> String {
        let number = (approximate ? "~" : "") + Format.decimal(value, l)
        return target.unit.map { "\(number) \($0)" } ?? number
    }

    /// The bars of the target-progress chart: the targets with a value, their share and status in words.
    public static func bars(_ targets: [TargetProgress], _ l: Language) -> [TargetBar] {
        targets.compactMap { progress in
            guard let share = progress.share else { return nil }
            return TargetBar(
                label: progress.target.indicator.text(l), share: share, expected: progress.expectedShare,
                met: progress.status == .met, atRisk: progress.status == .atRisk || progress.status == .missed,
                display: "\(percent(share, l)) · \(status(progress.status, l))")
        }
    }

    /// "47 %" / "47 %": a share as a whole percentage.
    public static func percent(_ share: Double, _ l: Language) -> String {
        guard share.isFinite else { return "—" }
        return Format.decimal((share * 100).rounded(), digits: 0, l) + " %"
    }

    public static func noPlan(_ l: Language) -> String {
        pick(
            l,
            "No action plan is recorded for this partnership: nothing can be measured against a plan. Add planned actions with targets to monitor it.",
            "Belum ada rencana aksi yang tercatat untuk kemitraan ini: belum ada yang dapat diukur terhadap rencana. Tambahkan rencana aksi beserta targetnya untuk memantaunya."
        )
    }

    public static func delivered(_ delivered: Int, of planned: Int, _ l: Language) -> String {
        pick(
            l, "\(delivered) of \(planned) planned \(planned == 1 ? "action" : "actions") delivered.",
            "\(delivered) dari \(planned) rencana aksi terlaksana.")
    }

    public static func targetCounts(_ plan: PlanProgress, _ l: Language) -> String {
        let targets = plan.targets
        guard !targets.isEmpty else { return pick(l, "No target is set.", "Belum ada target.") }
        let parts = TargetProgress.Status.allCases.compactMap { status -> String? in
            let count = plan.count(status)
            return count == 0 ? nil : "\(count) \(Self.status(status, l))"
        }
        return pick(l, "Targets: ", "Target: ") + parts.joined(separator: ", ") + "."
    }

    public static func plannedNotDelivered(_ fields: [String], _ l: Language) -> String {
        pick(
            l, "Planned but not delivered: \(fields.joined(separator: ", ")).",
            "Direncanakan tetapi belum terlaksana: \(fields.joined(separator: ", ")).")
    }

    public static func agreedWithoutPlan(_ fields: [String], _ l: Language) -> String {
        pick(
            l, "Agreed but without a planned action: \(fields.joined(separator: ", ")).",
            "Disepakati tetapi tanpa rencana aksi: \(fields.joined(separator: ", ")).")
    }

    public static func targetsHeading(_ l: Language) -> String {
        pick(l, "Targets and progress", "Target dan kemajuan")
    }

    public static func noTargets(_ l: Language) -> String {
        pick(l, "The planned actions set no targets yet.", "Rencana aksi belum menetapkan target.")
    }

    public static func attention(_ target: String, status: String, by date: String, _ l: Language) -> String {
        pick(l, "\(target): \(status) (due \(date)).", "\(target): \(status) (tenggat \(date)).")
    }

    public static func progressTitle(_ l: Language) -> String {
        pick(l, "Progress towards the targets", "Kemajuan menuju target")
    }

    public static func progressCaption(_ l: Language) -> String {
        pick(
            l,
            "Share of each target achieved; the black tick marks the share of its time that has passed.",
            "Persentase capaian setiap target; garis hitam menandai bagian waktunya yang sudah berlalu.")
    }

    public static func progressDescription(_ targets: [TargetProgress], _ l: Language) -> String {
        targets.compactMap { progress in
            progress.share.map {
                "\(progress.target.indicator.text(l)): \(percent($0, l)), \(status(progress.status, l))"
            }
        }
        .joined(separator: "; ")
    }

    public static func timelineTitle(_ l: Language) -> String {
        pick(l, "Planned against delivered", "Rencana dibandingkan pelaksanaan")
    }

    public static func timelineCaption(_ l: Language) -> String {
        pick(
            l,
            "Each planned action: its planned period (band), the activities delivering it (dots) and its target dates (diamonds).",
            "Setiap rencana aksi: periode rencananya (pita), kegiatan yang melaksanakannya (titik) dan tanggal targetnya (belah ketupat)."
        )
    }

    public static func timelineDescription(_ plan: PlanProgress, _ l: Language) -> String {
        plan.actions.map { action in
            pick(
                l, "\(action.title.text(l)): \(action.activities.count) delivering activities",
                "\(action.title.text(l)): \(action.activities.count) kegiatan pelaksana")
        }
        .joined(separator: "; ")
    }

    public static func noBudget(_ l: Language) -> String {
        pick(l, "No budget or cost is recorded.", "Belum ada anggaran atau biaya yang tercatat.")
    }

    public static func withoutCost(_ count: Int, _ l: Language) -> String {
        pick(
            l,
            "\(count) delivering \(count == 1 ? "activity records" : "activities record") no cost, so spending may be higher.",
            "\(count) kegiatan pelaksana tidak mencatat biaya, jadi pengeluaran bisa lebih tinggi.")
    }

    // The office's report and the ministry's overview.
    public static func period(_ period: MonitoringPeriod, _ l: Language) -> String {
        period.from == period.to
            ? Format.date(period.from, l) : "\(Format.date(period.from, l)) – \(Format.date(period.to, l))"
    }
    public static func officeTitle(city: String, period: String, _ l: Language) -> String {
        pick(
            l, "Monitoring and evaluation of the partnerships of \(city), \(period)",
            "Monitoring dan evaluasi kerja sama \(city), \(period)")
    }
    public static func officeSubtitle(asOf: String, _ l: Language) -> String {
        pick(l, "Status as of \(asOf)", "Status per \(asOf)")
    }
    public static func officeLead(
        partnerships: Int, statuses: [String], activities: Int, participants: Int, period: String, _ l: Language
    ) -> String {
        let counted = statuses.isEmpty ? "" : " (" + statuses.joined(separator: ", ") + ")"
        return pick(
            l,
            "\(partnerships) \(partnerships == 1 ? "partnership" : "partnerships")\(counted). In \(period): \(activities) \(activities == 1 ? "activity" : "activities") delivered, reaching \(Format.integer(participants, l)) participants.",
            "\(partnerships) kerja sama\(counted). Pada \(period): \(activities) kegiatan terlaksana, menjangkau \(Format.integer(participants, l)) peserta."
        )
    }
    public static func shareColumn(_ l: Language) -> String { pick(l, "Share", "Persentase") }
    public static func partnerColumn(_ l: Language) -> String { pick(l, "Partner", "Mitra") }
    public static func latestStep(_ l: Language) -> String {
        pick(l, "Latest procedure step", "Langkah prosedur terakhir")
    }
    public static func nextStep(_ l: Language) -> String { pick(l, "Next step", "Langkah berikutnya") }
    public static func atRiskColumn(_ l: Language) -> String {
        pick(l, "Targets at risk or missed", "Target berisiko atau tidak tercapai")
    }
    public static func agreementEnds(_ l: Language) -> String { pick(l, "Agreement ends", "Perjanjian berakhir") }
    public static func partnershipsHeading(_ l: Language) -> String { pick(l, "Partnerships", "Kerja sama") }
    public static func noPlans(_ l: Language) -> String {
        pick(
            l, "No partnership has an action plan recorded.", "Belum ada kerja sama dengan rencana aksi yang tercatat.")
    }
    public static func attentionHeading(_ l: Language) -> String {
        pick(
            l, "Agreements expiring and dormant partnerships",
            "Perjanjian yang akan berakhir dan kerja sama yang tidak aktif")
    }
    public static func expiring(_ partner: String, ends: String?, _ l: Language) -> String {
        pick(
            l,
            "\(partner): the agreement \(ends.map { "ends \($0)" } ?? "has ended") — renew it or record its renewal.",
            "\(partner): perjanjian \(ends.map { "berakhir \($0)" } ?? "telah berakhir") — perpanjang atau catat perpanjangannya."
        )
    }
    public static func dormant(_ partner: String, since: String?, _ l: Language) -> String {
        pick(
            l, "\(partner): dormant\(since.map { ", nothing delivered since \($0)" } ?? "").",
            "\(partner): tidak aktif\(since.map { ", tidak ada kegiatan sejak \($0)" } ?? "").")
    }
    public static func nothingNeedsAttention(_ l: Language) -> String {
        pick(
            l, "No agreement is expiring and no partnership is dormant.",
            "Tidak ada perjanjian yang akan berakhir dan tidak ada kerja sama yang tidak aktif.")
    }
    public static func budgetHeading(_ l: Language) -> String { pick(l, "Budget", "Anggaran") }
    public static func scope(country: String?, province: String?, _ l: Language) -> String {
        if let province { return province }
        if let country { return country }
        return pick(l, "all partnerships", "semua kerja sama")
    }
    public static func overviewTitle(_ scope: String, _ l: Language) -> String {
        pick(l, "Overview of sister-city cooperation: \(scope)", "Ikhtisar kerja sama kota kembar: \(scope)")
    }
    public static func overviewLead(
        total: Int, active: String, dormant: String, expiring: String, expired: String, _ l: Language
    ) -> String {
        pick(
            l,
            "\(Format.integer(total, l)) partnerships: \(active) active, \(dormant) dormant, \(expiring) with an agreement expiring, \(expired) expired.",
            "\(Format.integer(total, l)) kerja sama: \(active) aktif, \(dormant) tidak aktif, \(expiring) dengan perjanjian yang akan berakhir, \(expired) telah berakhir."
        )
    }
    public static func funnelHeading(_ l: Language) -> String { pick(l, "Stages (as recorded)", "Tahap (tercatat)") }
    public static func citiesHeading(_ l: Language) -> String { pick(l, "Per city", "Per kota") }
    public static func moreCities(_ l: Language) -> String {
        pick(
            l, "Only the cities with the most partnerships are listed.",
            "Hanya kota dengan kerja sama terbanyak yang dicantumkan.")
    }

    // The city's calendar of reminders.
    public static func calendarName(_ city: String, _ l: Language) -> String {
        pick(l, "Kembar: \(city)'s partnerships", "Kembar: kerja sama \(city)")
    }
    public static func reminder(_ kind: Reminder.Kind, partner: String, _ l: Language) -> String {
        switch kind {
        case .agreementEnds: pick(l, "Agreement with \(partner) ends", "Perjanjian dengan \(partner) berakhir")
        case .renewalDue: pick(l, "Renew the agreement with \(partner)", "Perpanjang perjanjian dengan \(partner)")
        case .actionStarts: pick(l, "Planned action with \(partner) begins", "Rencana aksi dengan \(partner) dimulai")
        case .actionEnds: pick(l, "Planned action with \(partner) ends", "Rencana aksi dengan \(partner) berakhir")
        case .targetDue: pick(l, "Target due: \(partner)", "Tenggat target: \(partner)")
        }
    }
    public static func reminderDetail(_ kind: Reminder.Kind, title: String, ends: String?, _ l: Language) -> String {
        switch kind {
        case .renewalDue:
            pick(
                l, "\(title) ends \(ends ?? "—"): prepare its renewal.",
                "\(title) berakhir \(ends ?? "—"): siapkan perpanjangannya.")
        default: title
        }
    }
    // The partnership page's procedure and a planned action's page.
    public static func procedureHeading(_ l: Language) -> String { l == .en ? "Procedure" : "Prosedur" }

    public static func procedureLead(_ progress: ProcedureProgress, _ l: Language) -> String {
        let done = progress.steps.filter { $0.state == .done }.count
        let total = progress.steps.count
        // The table's caption names the procedure.
        var text =
            l == .en ? "\(done) of \(total) steps are shown done." : "\(done) dari \(total) langkah tercatat selesai."
        if let current = progress.current {
            text +=
                l == .en
                ? " Latest: \(current.step.name.text(l))\(current.date.map { " (\(Format.date($0, l)))" } ?? "")."
                : " Terakhir: \(current.step.name.text(l))\(current.date.map { " (\(Format.date($0, l)))" } ?? "")."
        }
        if let next = progress.next {
            text += l == .en ? " Next: \(next.step.name.text(l))." : " Berikutnya: \(next.step.name.text(l))."
        }
        let missing = progress.steps.filter { $0.state == .notRecorded }.count
        if missing > 0 {
            text +=
                l == .en
                ? " \(missing) earlier \(missing == 1 ? "step is" : "steps are") not recorded: record \(missing == 1 ? "it" : "them") with \(missing == 1 ? "its" : "their") date and document under “Edit”."
                : " \(missing) langkah sebelumnya tidak tercatat: catat tanggal dan dokumennya melalui “Ubah”."
        }
        return text
    }

    public static func procedureColumn(_ column: String, _ l: Language) -> String {
        switch column {
        case "step": l == .en ? "Step" : "Langkah"
        case "state": l == .en ? "State" : "Keadaan"
        case "date": l == .en ? "Done on" : "Dilaksanakan"
        default: l == .en ? "Proof" : "Bukti"
        }
    }

    public static func procedureState(_ state: ProcedureProgress.State, _ l: Language) -> String {
        switch state {
        case .done: l == .en ? "done" : "selesai"
        case .notRecorded: l == .en ? "not recorded" : "tidak tercatat"
        case .next: l == .en ? "next" : "berikutnya"
        case .later: l == .en ? "to come" : "belum"
        }
    }

    public static func proofExpected(_ proof: String, _ l: Language) -> String {
        l == .en ? "expected: \(proof)" : "yang diharapkan: \(proof)"
    }

    public static func deliveringHeading(_ l: Language) -> String {
        l == .en ? "Activities delivering it" : "Kegiatan yang melaksanakannya"
    }

    public static func nothingDelivering(_ l: Language) -> String {
        l == .en
            ? "No completed or ongoing activity delivers this action yet. Record an activity and tick this action under “Planned actions it delivers”."
            : "Belum ada kegiatan selesai atau berlangsung yang melaksanakan rencana ini. Catat kegiatan dan centang rencana ini pada “Rencana aksi yang dilaksanakan”."
    }
}
