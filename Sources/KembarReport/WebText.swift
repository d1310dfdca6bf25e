import KembarCore

/// Short names used in the web app's tables and badges, in both languages.
public enum WebText {
    public static func status(_ status: PartnershipStatus, _ language: Language) -> String {
        switch status {
        case .exploring: language == .en ? "exploring" : "penjajakan"
        case .active: language == .en ? "active" : "aktif"
        case .dormant: language == .en ? "dormant" : "tidak aktif"
        case .renewalDue: language == .en ? "renewal due" : "perlu diperbarui"
        case .expired: language == .en ? "expired" : "kedaluwarsa"
        case .terminated: language == .en ? "terminated" : "diakhiri"
        }
    }

    public static func verification(_ verification: Verification, _ language: Language) -> String {
        switch verification {
        case .verified: language == .en ? "verified" : "terverifikasi"
        case .partial: language == .en ? "partly verified" : "terverifikasi sebagian"
        case .secondary: language == .en ? "secondary sources" : "sumber sekunder"
        case .recalled: language == .en ? "from recollection — not authoritative" : "dari ingatan — tidak otoritatif"
        case .editorial: language == .en ? "editorial (Kembar's choice)" : "editorial (pilihan Kembar)"
        case .disputed: language == .en ? "disputed" : "diperselisihkan"
        }
    }

    /// LoI, MoU, … — the short forms offices use.
    public static func short(_ kind: Agreement.Kind, _ language: Language) -> String {
        switch kind {
        case .letterOfIntent: "LoI"
        case .mou: "MoU"
        default: Catalogue.name(kind, language)
        }
    }

    public static func nodes(_ language: Language) -> String { language == .en ? "Nodes" : "Simpul" }
    public static func dimensionsLabel(_ language: Language) -> String { language == .en ? "Dimensions" : "Dimensi" }
    public static func verificationLabel(_ language: Language) -> String {
        language == .en ? "Verification" : "Verifikasi"
    }

    public static func sourced(_ sourced: Bool, _ language: Language) -> String {
        switch (sourced, language) {
        case (true, .en): "sourced"
        case (true, .id): "bersumber"
        case (false, .en): "Kembar's own"
        case (false, .id): "buatan Kembar"
        }
    }

    /// A participant role word in the page's language, after a count of `count`; other roles are shown as written.
    public static func role(_ role: String, count: Int = 2, _ language: Language) -> String {
        ReportStrings.role(role, count: count, language)
    }
}

extension WebText {
    /// A value of one of the domain's enumerations (activity kind and status, organisation kind and role,
    /// infrastructure, admin level, source kind) as a reader of `language` would say it.
    public static func term(_ raw: String, _ language: Language) -> String {
        let words: [String: (String, String)] = [
            "delegation-visit": ("delegation visit", "kunjungan delegasi"), "training": ("training", "pelatihan"),
            "webinar": ("webinar", "webinar"), "coaching-clinic": ("coaching clinic", "coaching clinic"),
            "exchange": ("exchange", "pertukaran"), "publication": ("publication", "publikasi"),
            "meeting": ("meeting", "pertemuan"), "event": ("event", "acara"), "other": ("other", "lainnya"),
            "planned": ("planned", "direncanakan"), "ongoing": ("ongoing", "berlangsung"),
            "completed": ("completed", "selesai"), "cancelled": ("cancelled", "dibatalkan"),
            "soft": ("soft", "lunak"), "hard": ("hard", "keras"),
            "organiser": ("organiser", "penyelenggara"), "host": ("host", "tuan rumah"),
            "trainer": ("trainer", "pelatih"),
            "sender": ("sender", "pengirim"), "selector": ("selector", "penyeleksi"),
            "funder": ("funder", "penyandang dana"),
            "participant": ("participant", "peserta"), "recipient": ("recipient", "penerima"),
            "proposer": ("proposer", "pengusul"), "partner": ("partner", "mitra"),
            "government-office": ("government office", "instansi pemerintah"), "school": ("school", "sekolah"),
            "university": ("university", "universitas"), "club": ("club", "klub"), "embassy": ("embassy", "kedutaan"),
            "agency": ("agency", "badan"), "company": ("company", "perusahaan"), "ngo": ("NGO", "LSM"),
            "international-organisation": ("international organisation", "organisasi internasional"),
            "research-institute": ("research institute", "lembaga penelitian"), "foundation": ("foundation", "yayasan"),
            "fund": ("fund", "dana"), "association": ("association", "perkumpulan"),
            "consulate": ("consulate", "konsulat"),
            "city": ("city", "kota"), "regency": ("regency", "kabupaten"),
            "municipality": ("municipality", "kotamadya"),
            "province": ("province", "provinsi"), "state": ("state", "negara bagian"), "region": ("region", "wilayah"),
            "district": ("district", "distrik"), "article": ("article", "artikel"), "book": ("book", "buku"),
            "chapter": ("chapter", "bab buku"), "report": ("report", "laporan"), "news": ("news", "berita"),
            "web": ("web page", "laman web"), "regulation": ("regulation", "peraturan"), "dataset": ("dataset", "data"),
            "thesis": ("thesis", "tesis"), "interview": ("interview", "wawancara"),
            "participants": ("participants reached", "peserta yang dijangkau"),
            "activities": ("completed activities", "kegiatan yang selesai"),
            "results": ("recorded results of the same unit", "hasil tercatat dengan satuan yang sama"),
            "met": ("met", "tercapai"), "on-track": ("on track", "sesuai jalur"), "at-risk": ("at risk", "berisiko"),
            "missed": ("missed", "tidak tercapai"), "open": ("no target value", "nilai target belum ditetapkan"),
        ]
        guard let pair = words[raw] else { return raw.replacingOccurrences(of: "-", with: " ") }
        return language == .en ? pair.0 : pair.1
    }
}

extension WebText {
    /// A form choice's label: the value in the reader's language (never the code it stands for).
    public static func choice(_ column: String, _ raw: String, _ language: Language) -> String {
        let name: String
        switch column {
        case "travel": name = Activity.Travel(rawValue: raw).map { Catalogue.name($0, language) } ?? raw
        case "venue": name = Activity.Venue(rawValue: raw).map { Catalogue.name($0, language) } ?? raw
        case "stage": name = Partnership.Stage(rawValue: raw).map { Catalogue.name($0, language) } ?? raw
        default:
            if column == "kind", let kind = Agreement.Kind(rawValue: raw), Activity.Kind(rawValue: raw) == nil {
                name = Catalogue.name(kind, language)
            } else if column == "kind", let kind = Partnership.Kind(rawValue: raw) {
                name = Catalogue.name(kind, language)
            } else {
                name = term(raw, language)
            }
        }
        return name
    }

    /// "51–100 of 24,743".
    public static func pageRange(from: Int, to: Int, of total: Int, _ language: Language) -> String {
        "\(Format.integer(from, language))–\(Format.integer(to, language)) "
            + (language == .en ? "of" : "dari") + " \(Format.integer(total, language))"
    }

    public static func previous(_ language: Language) -> String { language == .en ? "← Previous" : "← Sebelumnya" }
    public static func next(_ language: Language) -> String { language == .en ? "Next →" : "Berikutnya →" }

    /// "… and 9,700 more records."
    public static func andMore(_ count: Int, _ language: Language) -> String {
        language == .en
            ? "… and \(Format.integer(count, language)) more records."
            : "… dan \(Format.integer(count, language)) data lainnya."
    }

    // MARK: Lists

    public static func stageLabel(_ language: Language) -> String { language == .en ? "Stage" : "Tahap" }
    public static func periodInvalid(_ text: String, _ l: Language) -> String {
        l == .en
            ? "“\(text)” is not a period: give a year (2025), a month (2025-06), a day, or FROM..TO."
            : "“\(text)” bukan periode: isi tahun (2025), bulan (2025-06), tanggal, atau DARI..SAMPAI."
    }
    public static func codeInvalid(_ name: String, _ text: String, _ l: Language) -> String {
        l == .en
            ? "“\(text)” is not an ISO 3166 code for \(name) (ID, ID-JI)."
            : "“\(text)” bukan kode ISO 3166 untuk \(name) (ID, ID-JI)."
    }
    public static func formatInvalid(_ text: String, _ l: Language) -> String {
        l == .en
            ? "Unknown format “\(text)”: html, md, csv or json."
            : "Format “\(text)” tidak dikenal: html, md, csv atau json."
    }
    public static func calendarTokenNeeded(_ l: Language) -> String {
        l == .en
            ? "The calendar needs a personal API token in its address (?token=…): create one on your account page."
            : "Kalender memerlukan token API pribadi di alamatnya (?token=…): buat di halaman akun Anda."
    }
    public static func leadInvalid(_ text: String, _ l: Language) -> String {
        l == .en
            ? "“\(text)” is not a lead time: give whole months from 0 to 60."
            : "“\(text)” bukan jarak waktu: isi bulan utuh dari 0 sampai 60."
    }
    public static func calendarFeed(_ l: Language) -> String {
        l == .en ? "Calendar of reminders (iCalendar)" : "Kalender pengingat (iCalendar)"
    }
    public static func calendarHint(_ l: Language) -> String {
        l == .en
            ? "Subscribe in your calendar program to this address with one of your personal API tokens (account page) in place of TOKEN: agreements ending, renewals due six months before (lead=months changes it), planned actions and target dates."
            : "Langganan alamat ini di program kalender Anda dengan salah satu token API pribadi Anda (halaman akun) sebagai pengganti TOKEN: perjanjian yang berakhir, perpanjangan enam bulan sebelumnya (lead=bulan untuk mengubahnya), rencana aksi dan tanggal target."
    }
    public static func fileTooLarge(_ size: Int, _ l: Language) -> String {
        let megabytes = Format.decimal(Double(size) / 1_048_576, digits: 1, l)
        return l == .en
            ? "The file is \(megabytes) MiB; Kembar keeps files of at most 10 MiB. Attach a smaller scan, or keep the file in an archive and record its reference."
            : "Berkas berukuran \(megabytes) MiB; Kembar menyimpan berkas paling besar 10 MiB. Lampirkan pindaian yang lebih kecil, atau simpan berkas di arsip dan catat rujukannya."
    }
    public static func fileNotHeld(_ sha256: String, _ l: Language) -> String {
        l == .en
            ? "This database holds the document's description but not its file (SHA-256 \(sha256)): it came from another database's export."
            : "Basis data ini menyimpan keterangan dokumen tetapi tidak berkasnya (SHA-256 \(sha256)): keterangan itu berasal dari ekspor basis data lain."
    }
    public static func notAttached(_ l: Language) -> String {
        l == .en ? "The document was not attached" : "Dokumen tidak dilampirkan"
    }
    public static func documentsHeading(_ l: Language) -> String { l == .en ? "Documents" : "Dokumen" }
    public static func noDocuments(_ l: Language) -> String {
        l == .en ? "No document is attached." : "Belum ada dokumen yang dilampirkan."
    }
    public static func attachDocument(_ l: Language) -> String { l == .en ? "Attach a document" : "Lampirkan dokumen" }
    public static func attachHint(_ l: Language) -> String {
        l == .en
            ? "A scan of the signed text, minutes, a report or a photo; at most 10 MiB. Kembar keeps it in the database with its SHA-256 checksum."
            : "Pindaian naskah yang ditandatangani, notula, laporan atau foto; paling besar 10 MiB. Kembar menyimpannya di basis data beserta checksum SHA-256."
    }
    public static func documentColumn(_ column: String, _ l: Language) -> String {
        switch column {
        case "file": l == .en ? "File" : "Berkas"
        case "category": l == .en ? "Category (IATI)" : "Kategori (IATI)"
        case "language": l == .en ? "Language" : "Bahasa"
        case "size": l == .en ? "Size" : "Ukuran"
        default: l == .en ? "SHA-256" : "SHA-256"
        }
    }
    /// IATI's DocumentCategory names.
    public static func documentCategory(_ code: String, _ l: Language) -> String {
        let names: [String: (String, String)] = [
            "A01": ("Pre- and post-project impact appraisal", "Penilaian dampak sebelum dan sesudah proyek"),
            "A02": ("Objectives / purpose of activity", "Tujuan kegiatan"),
            "A03": ("Intended ultimate beneficiaries", "Penerima manfaat akhir"), "A04": ("Conditions", "Persyaratan"),
            "A05": ("Budget", "Anggaran"), "A06": ("Summary information about contract", "Ringkasan kontrak"),
            "A07": ("Review of project performance and evaluation", "Tinjauan kinerja dan evaluasi"),
            "A08": ("Results, outcomes and outputs", "Hasil, capaian dan keluaran"),
            "A09": ("Memorandum of understanding", "Nota kesepahaman (MoU)"), "A10": ("Tender", "Tender"),
            "A11": ("Contract", "Kontrak"), "A12": ("Activity web page", "Laman web kegiatan"),
            "B01": ("Annual report", "Laporan tahunan"),
            "B02": ("Institutional strategy paper", "Dokumen strategi lembaga"),
            "B03": ("Country strategy paper", "Dokumen strategi negara"),
            "B04": ("Aid allocation policy", "Kebijakan alokasi bantuan"),
            "B05": ("Procurement policy and procedure", "Kebijakan dan prosedur pengadaan"),
            "B06": ("Institutional audit report", "Laporan audit lembaga"),
            "B07": ("Country audit report", "Laporan audit negara"),
            "B08": ("Exclusions policy", "Kebijakan pengecualian"),
            "B09": ("Institutional evaluation report", "Laporan evaluasi lembaga"),
            "B10": ("Country evaluation report", "Laporan evaluasi negara"),
            "B11": ("Sector strategy", "Strategi sektor"),
            "B12": ("Thematic strategy", "Strategi tematik"),
            "B13": ("Country-level memorandum of understanding", "Nota kesepahaman tingkat negara"),
            "B14": ("Evaluations policy", "Kebijakan evaluasi"),
            "B15": ("General terms and conditions", "Syarat dan ketentuan umum"),
            "B16": ("Organisation web page", "Laman web organisasi"),
            "B17": ("Country or region web page", "Laman web negara atau wilayah"),
            "B18": ("Sector web page", "Laman web sektor"),
        ]
        guard let pair = names[code] else { return code }
        return l == .en ? pair.0 : pair.1
    }
    public static func languageName(_ code: String, _ l: Language) -> String {
        let names: [String: (String, String)] = [
            "id": ("Indonesian", "Indonesia"), "en": ("English", "Inggris"), "ja": ("Japanese", "Jepang"),
            "zh": ("Chinese", "Tionghoa"), "ko": ("Korean", "Korea"), "de": ("German", "Jerman"),
            "fr": ("French", "Prancis"), "nl": ("Dutch", "Belanda"), "ar": ("Arabic", "Arab"),
        ]
        guard let pair = names[code] else { return code }
        return l == .en ? pair.0 : pair.1
    }
    public static func backToCity(_ l: Language) -> String { l == .en ? "Back to the city" : "Kembali ke kota" }
    public static func backToDashboard(_ l: Language) -> String {
        l == .en ? "Back to the dashboard" : "Kembali ke dasbor"
    }
    public static func monevReport(_ l: Language) -> String {
        l == .en ? "Monitoring report (this year)" : "Laporan monev (tahun ini)"
    }
    public static func overviewLink(_ l: Language) -> String {
        l == .en ? "Overview for the ministry" : "Ikhtisar untuk kementerian"
    }
    public static func targetsBehind(_ name: String, _ l: Language) -> String {
        l == .en ? "Targets at risk or missed: \(name)" : "Target berisiko atau tidak tercapai: \(name)"
    }
    public static func stuckSince(_ step: String, _ date: String, _ name: String, _ l: Language) -> String {
        l == .en
            ? "At “\(step)” since \(date), no later step recorded: \(name)"
            : "Di langkah “\(step)” sejak \(date), belum ada langkah berikutnya: \(name)"
    }
    public static func stuckAt(_ language: Language) -> String {
        language == .en ? "Stuck at procedure step" : "Tertahan di langkah prosedur"
    }
    public static func stuckMonths(_ language: Language) -> String {
        language == .en ? "for more than (months, default 6)" : "lebih dari (bulan, bawaan 6)"
    }
    public static func lastActivity(_ language: Language) -> String {
        language == .en ? "Last activity" : "Kegiatan terakhir"
    }
    public static func province(_ language: Language) -> String {
        language == .en ? "Province or state (ISO 3166-2)" : "Provinsi atau negara bagian (ISO 3166-2)"
    }
    public static func sortBy(_ language: Language) -> String { language == .en ? "Sort by" : "Urutkan menurut" }
    public static func order(_ language: Language) -> String { language == .en ? "Order" : "Urutan" }
    public static func ascending(_ language: Language) -> String { language == .en ? "ascending" : "naik" }
    public static func descending(_ language: Language) -> String { language == .en ? "descending" : "turun" }
    public static func funnel(_ language: Language) -> String {
        language == .en ? "Stages of the selection" : "Tahap dari pilihan ini"
    }
    public static func noMatch(_ language: Language) -> String {
        language == .en
            ? "No partnership matches these filters." : "Tidak ada kemitraan yang cocok dengan saringan ini."
    }
    public static func nothingMatches(_ language: Language) -> String {
        language == .en ? "Nothing matches this search." : "Tidak ada yang cocok dengan pencarian ini."
    }
    public static func clearFilters(_ language: Language) -> String {
        language == .en ? "Clear the filters" : "Hapus saringan"
    }

    /// A stored value this version of Kembar does not know (written by a newer one): shown as it is, marked.
    public static func unknownValue(_ raw: String, _ language: Language) -> String {
        language == .en ? "\(raw) (not known to this version)" : "\(raw) (tidak dikenal versi ini)"
    }

    /// "2 ongoing activities without an end: Surabaya – Liverpool".
    public static func ongoingWithoutEnd(_ count: Int, _ name: String, _ language: Language) -> String {
        language == .en
            ? "\(count) ongoing \(count == 1 ? "activity" : "activities") without an end or update: \(name)"
            : "\(count) kegiatan berlangsung tanpa tanggal selesai atau pembaruan: \(name)"
    }
}
