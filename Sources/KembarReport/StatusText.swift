import KembarCore

/// The words of a partnership page's status header, in both languages.
extension WebText {
    /// What a delete takes along: "It also deletes 9 activities, 2 agreements and 4 milestones."
    public static func deletesToo(_ parts: [(collection: String, count: Int)], _ l: Language) -> String? {
        guard !parts.isEmpty else { return nil }
        let named = parts.map { "\(Format.integer($0.count, l)) \(counted($0.collection, $0.count, l))" }
        let list =
            named.count == 1
            ? named[0] : named.dropLast().joined(separator: ", ") + (l == .en ? " and " : " dan ") + named.last!
        return l == .en
            ? "It also deletes \(list), recorded under it." : "Ikut terhapus: \(list) yang tercatat di bawahnya."
    }

    public static func nothingOnTheTimeline(_ l: Language) -> String {
        l == .en
            ? "Nothing is recorded yet: no milestone, agreement or activity."
            : "Belum ada yang tercatat: tidak ada tonggak, perjanjian, atau kegiatan."
    }
    /// A partnership's records, counted: "1 activity", "9 activities", "9 kegiatan".
    static func counted(_ collection: String, _ count: Int, _ l: Language) -> String {
        let names: [String: (String, String, String)] = [
            "activities": ("activity", "activities", "kegiatan"),
            "agreements": ("agreement", "agreements", "perjanjian"),
            "milestones": ("milestone", "milestones", "tonggak"),
            "actions": ("planned action", "planned actions", "rencana aksi"),
        ]
        guard let name = names[collection] else { return collection }
        return l == .id ? name.2 : count == 1 ? name.0 : name.1
    }
    public static func statusNow(_ l: Language) -> String { l == .en ? "Status now" : "Status saat ini" }
    public static func statusLabel(_ l: Language) -> String { l == .en ? "Status" : "Status" }
    public static func stageRecorded(_ l: Language) -> String { l == .en ? "Stage (as recorded)" : "Tahap (tercatat)" }
    public static func agreementInForce(_ l: Language) -> String {
        l == .en ? "Agreement in force" : "Perjanjian yang berlaku"
    }
    public static func noAgreementInForce(_ l: Language) -> String {
        l == .en ? "none in force" : "tidak ada yang berlaku"
    }
    public static func until(_ date: String, _ l: Language) -> String {
        l == .en ? "until \(date)" : "sampai \(date)"
    }
    public static func openEnded(_ l: Language) -> String { l == .en ? "no end date" : "tanpa tanggal berakhir" }
    public static func fieldsImplemented(_ l: Language) -> String {
        l == .en ? "Agreed fields with a completed activity" : "Bidang yang disepakati dengan kegiatan selesai"
    }
    public static func fieldsOf(_ done: Int, _ agreed: Int, missing: [String], _ l: Language) -> String {
        let count = l == .en ? "\(done) of \(agreed)" : "\(done) dari \(agreed)"
        guard !missing.isEmpty else { return count }
        return count + (l == .en ? " — not yet: " : " — belum: ") + missing.joined(separator: ", ")
    }
    public static func noFieldsAgreed(_ l: Language) -> String {
        l == .en ? "no agreement names a field" : "tidak ada perjanjian yang menyebut bidang"
    }
    public static func noActivityYet(_ l: Language) -> String {
        l == .en ? "none delivered yet" : "belum ada yang terlaksana"
    }
    public static func needsAttention(_ l: Language) -> String { l == .en ? "Needs attention" : "Perlu perhatian" }
    public static func nothingNeedsAttention(_ l: Language) -> String { l == .en ? "nothing" : "tidak ada" }
    public static func ongoingWithoutEnd(_ count: Int, _ l: Language) -> String {
        l == .en
            ? "\(count) ongoing \(count == 1 ? "activity has" : "activities have") no end date"
            : "\(count) kegiatan berlangsung tanpa tanggal berakhir"
    }
    public static func withoutSources(_ count: Int, _ l: Language) -> String {
        l == .en
            ? "\(count) \(count == 1 ? "activity cites" : "activities cite") no source"
            : "\(count) kegiatan tanpa sumber"
    }
    public static func withoutParticipants(_ count: Int, _ l: Language) -> String {
        l == .en
            ? "\(count) \(count == 1 ? "activity has" : "activities have") no participants recorded"
            : "\(count) kegiatan tanpa jumlah peserta"
    }
    public static func renewalToPlan(_ l: Language) -> String {
        l == .en ? "plan the renewal of the agreement" : "rencanakan pembaruan perjanjian"
    }
    public static func dormantRevive(_ l: Language) -> String {
        l == .en
            ? "no recent activity: agree on the next one"
            : "tidak ada kegiatan baru-baru ini: sepakati kegiatan berikutnya"
    }
    /// A recorded stage the facts contradict.
    public static func stageContradiction(stage: String, status: PartnershipStatus, _ l: Language) -> String {
        switch status {
        case .exploring:
            l == .en
                ? "the stage is recorded as “\(stage)” but no binding agreement is signed"
                : "tahap tercatat “\(stage)” tetapi belum ada perjanjian mengikat yang ditandatangani"
        default:
            l == .en
                ? "the stage is recorded as “\(stage)” but the agreements say “\(WebText.status(status, l))”"
                : "tahap tercatat “\(stage)” tetapi perjanjiannya menunjukkan “\(WebText.status(status, l))”"
        }
    }
}
