import KembarCore

/// Every user-visible sentence of Kembar, in English and Indonesian.
///
/// Entries are functions rather than format strings so that each language can order its words freely and the
/// compiler checks every argument.
public enum Catalogue {
    /// The message for a broken domain rule.
    public static func rule(_ rule: DomainRule, _ language: Language) -> String {
        let (en, id): (String, String)
        switch rule {
        case .keyMalformed:
            (en, id) = (
                "a key is lower-case letters, digits, '-' and '.'", "kunci hanya huruf kecil, angka, '-' dan '.'"
            )
        case .keyDuplicated: (en, id) = ("the key is used twice", "kunci dipakai dua kali")
        case .referenceUnknown: (en, id) = ("refers to a record that does not exist", "merujuk ke data yang tidak ada")
        case .textEmpty: (en, id) = ("must not be empty", "tidak boleh kosong")
        case .countryCodeInvalid:
            (en, id) = ("not an ISO 3166-1 alpha-2 country code", "bukan kode negara ISO 3166-1 alpha-2")
        case .subdivisionCodeInvalid:
            (en, id) = ("not an ISO 3166-2 code of the city's country", "bukan kode ISO 3166-2 negara kota tersebut")
        case .coordinatesOutOfRange: (en, id) = ("coordinates out of range", "koordinat di luar rentang")
        case .populationNegative: (en, id) = ("population cannot be negative", "jumlah penduduk tidak boleh negatif")
        case .partnershipWithItself:
            (en, id) = ("a city cannot partner itself", "kota tidak dapat bermitra dengan dirinya sendiri")
        case .partnerMissing: (en, id) = ("the partner is missing for this kind", "mitra belum diisi untuk jenis ini")
        case .partnerAmbiguous:
            (en, id) = (
                "give a partner city or a partner organisation, not both",
                "isi kota mitra atau lembaga mitra, bukan keduanya"
            )
        case .agreementEndsBeforeSigning:
            (en, id) = (
                "an agreement cannot end before it is signed", "perjanjian tidak dapat berakhir sebelum ditandatangani"
            )
        case .agreementEndsBeforeStart:
            (en, id) = ("an agreement cannot end before it starts", "perjanjian tidak dapat berakhir sebelum berlaku")
        case .agreementTermNotPositive:
            (en, id) = ("the term must be at least one year", "jangka waktu minimal satu tahun")
        case .agreementLinkInvalid:
            (en, id) = ("invalid link to another agreement", "tautan ke perjanjian lain tidak sah")
        case .activityEndsBeforeStart:
            (en, id) = ("an activity cannot end before it starts", "kegiatan tidak dapat berakhir sebelum dimulai")
        case .durationNotPositive: (en, id) = ("the duration must be at least one day", "durasi minimal satu hari")
        case .sessionsNotPositive: (en, id) = ("there must be at least one session", "minimal satu sesi")
        case .participantCountNegative:
            (en, id) = ("a participant count cannot be below zero", "jumlah peserta tidak boleh di bawah nol")
        case .breakdownExceedsCount:
            (en, id) = ("the breakdown adds up to more than the count", "rincian melebihi jumlah peserta")
        case .valueNotFinite: (en, id) = ("the value must be a finite number", "nilai harus berupa angka terhingga")
        case .observationDuplicated:
            (en, id) = (
                "another observation has the same city, indicator and period",
                "observasi lain memiliki kota, indikator dan periode yang sama"
            )
        case .nodeDuplicated:
            (en, id) = ("a node id is used twice in the framework", "id simpul dipakai dua kali dalam kerangka")
        case .formatUnsupported: (en, id) = ("unsupported file format", "format berkas tidak didukung")
        case .valueInvalid: (en, id) = ("invalid value", "nilai tidak sah")
        case .valueRequired: (en, id) = ("required", "wajib diisi")
        case .valueOutOfRange: (en, id) = ("value outside the plausible range", "nilai di luar rentang yang wajar")
        case .textTooLong:
            (en, id) = (
                "the text is too long (at most 20,000 characters)",
                "teks terlalu panjang (paling banyak 20.000 karakter)"
            )
        case .controlCharacter:
            (en, id) = (
                "the text holds a control character (shown as �); remove it",
                "teks berisi karakter kontrol (ditampilkan sebagai �); hapuslah"
            )
        case .syntaxInvalid: (en, id) = ("not standard JSON", "bukan JSON standar")
        case .fieldUnknown:
            (en, id) = (
                "Kembar does not know this field; nothing is dropped, so the file is refused",
                "Kembar tidak mengenal isian ini; tidak ada yang dibuang, jadi berkas ditolak"
            )
        case .fieldDuplicated: (en, id) = ("given twice", "diberikan dua kali")
        case .nullNotAllowed: (en, id) = ("null is not allowed", "null tidak diperbolehkan")
        case .currencyCodeInvalid:
            (en, id) = (
                "not an ISO 4217 currency code (three capital letters, e.g. IDR)",
                "bukan kode mata uang ISO 4217 (tiga huruf kapital, mis. IDR)"
            )
        case .amountNegative: (en, id) = ("cannot be below zero", "tidak boleh di bawah nol")
        case .planLinkInvalid:
            (en, id) = (
                "belongs to another partnership; choose one of this partnership's",
                "milik kemitraan lain; pilih milik kemitraan ini"
            )
        case .dateRangeReversed:
            (en, id) = ("the end lies before the start", "tanggal akhir sebelum tanggal mulai")
        case .alternativeWithoutSource:
            (en, id) = (
                "another value must name the source that gives it",
                "nilai lain harus menyebut sumber yang memberikannya"
            )
        }
        return language == .en ? en : id
    }

    /// One line describing a violation: where, which field, what value, which rule and why.
    public static func describe(_ violation: Violation, _ language: Language) -> String {
        var parts: [String] = []
        if !violation.location.isEmpty { parts.append(violation.location) }
        if !violation.field.isEmpty { parts.append(violation.field) }
        var line = parts.joined(separator: " ")
        if !violation.value.isEmpty { line += (line.isEmpty ? "" : " ") + "= \"\(violation.value)\"" }
        line += (line.isEmpty ? "" : ": ") + rule(violation.rule, language) + " [\(violation.rule.rawValue)]"
        if let detail = violation.detail { line += " (\(Self.detail(detail, language)))" }
        return line
    }

    public static func importRefused(count: Int, _ language: Language) -> String {
        language == .en
            ? "Nothing was imported: \(count) \(count == 1 ? "problem" : "problems") found."
            : "Tidak ada yang diimpor: ditemukan \(count) masalah."
    }

    public static func importSummary(inserted: Int, updated: Int, unchanged: Int, _ language: Language) -> String {
        language == .en
            ? "Imported: \(inserted) new, \(updated) updated, \(unchanged) unchanged."
            : "Diimpor: \(inserted) baru, \(updated) diperbarui, \(unchanged) tidak berubah."
    }

    public static func dryRunSummary(inserted: Int, updated: Int, unchanged: Int, _ language: Language) -> String {
        language == .en
            ? "Dry run, nothing written: \(inserted) would be added, \(updated) changed, \(unchanged) unchanged."
            : "Uji coba, tidak ada yang ditulis: \(inserted) akan ditambahkan, \(updated) diubah, "
                + "\(unchanged) tidak berubah."
    }

    /// The records an import replaced whole, named so nobody is surprised by the default.
    public static func replaced(_ keys: [String], _ language: Language) -> String {
        (language == .en
            ? "Replaced whole (use --merge to add to stored records instead): "
            : "Diganti seluruhnya (pakai --merge untuk menambah ke data tersimpan): ") + keys.joined(separator: ", ")
    }

    public static func changeAction(_ action: RecordChange.Action, _ language: Language) -> String {
        switch action {
        case .add: language == .en ? "+ add" : "+ tambah"
        case .change: language == .en ? "~ change" : "~ ubah"
        case .keep: language == .en ? "= keep" : "= tetap"
        }
    }

    public static func importIntoEmptyDatabase(unknown: Int, _ language: Language) -> String {
        language == .en
            ? "Nothing was imported: the database is empty, so the \(unknown) references to fields, frameworks and "
                + "other records cannot be found. Load the bundled frameworks and fields first with "
                + "`kembar migrate --seed` (add --no-demo to leave out the founding dataset), then import again."
            : "Tidak ada yang diimpor: basis data masih kosong, sehingga \(unknown) rujukan ke bidang, kerangka dan "
                + "data lain tidak ditemukan. Muat dulu kerangka dan bidang bawaan dengan `kembar migrate --seed` "
                + "(tambahkan --no-demo agar dataset pendiri tidak dimuat), lalu impor lagi."
    }

    /// "No frameworks are stored yet: …" — what to run to get the bundled ones.
    public static func nothingStored(_ collection: String, _ language: Language) -> String {
        let what = language == .en ? collection : (collection == "frameworks" ? "kerangka" : "bidang")
        return language == .en
            ? "No \(what) are stored yet. Load the bundled ones with `kembar migrate --seed`."
            : "Belum ada \(what) yang tersimpan. Muat yang bawaan dengan `kembar migrate --seed`."
    }

    public static func unknownKey(_ key: String, known: [String], _ language: Language) -> String {
        (language == .en ? "No '\(key)'. Known: " : "Tidak ada '\(key)'. Yang ada: ") + known.joined(separator: ", ")
    }

    /// The attention panel's line for an activity recorded as ongoing with no end date.
    public static func ongoingNoUpdate(since: String, _ language: Language) -> String {
        language == .en ? "Ongoing, no update since \(since)" : "Berlangsung, tanpa pembaruan sejak \(since)"
    }

    /// A save refused because the record changed since the form was opened.
    public static func staleEdit(
        actor: String?, at: String?, version: Int, differing: [String], _ language: Language
    ) -> String {
        let who = actor ?? (language == .en ? "someone" : "seseorang")
        let when = at.map { " (\($0))" } ?? ""
        let fields =
            differing.isEmpty
            ? ""
            : (language == .en
                ? " Fields that now differ from what you typed: " : " Isian yang kini berbeda dari ketikan Anda: ")
                + differing.joined(separator: ", ") + "."
        return language == .en
            ? "Not saved: \(who) changed this record\(when) while you were editing it (it is now version \(version)). "
                + "What you typed is kept below; check it against the record, then save again to replace it.\(fields)"
            : "Tidak disimpan: \(who) mengubah data ini\(when) saat Anda menyuntingnya (kini versi \(version)). "
                + "Ketikan Anda tetap di bawah; periksa terhadap data tersebut, lalu simpan lagi untuk menggantinya.\(fields)"
    }

    /// Rows of a pair list left out because their country is unknown.
    public static func skippedRows(_ lines: [String], _ language: Language) -> String {
        (language == .en
            ? "Left out, as asked, because a country is unknown or a place is paired with itself (\(lines.count) rows): "
            : "Dilewati, sesuai permintaan, karena negaranya tidak dikenal atau tempat dipasangkan dengan dirinya "
                + "sendiri (\(lines.count) baris): ")
            + lines.joined(separator: ", ")
    }

    /// Pairs of a pair list already stored as partnerships, left as recorded (with the first lines named).
    public static func recordedPairs(_ lines: [String], _ language: Language) -> String {
        let shown = lines.prefix(20).joined(separator: ", ") + (lines.count > 20 ? ", …" : "")
        return
            (language == .en
            ? "Already recorded as partnerships, left as they are (\(lines.count) pairs): "
            : "Sudah tercatat sebagai kemitraan, dibiarkan seperti adanya (\(lines.count) pasangan): ") + shown
    }

    /// Why a file named for import could not be read.
    public enum Unreadable: Sendable { case missing, directory, unreadable, notUTF8 }

    public static func unreadable(_ reason: Unreadable, _ language: Language) -> String {
        switch (reason, language) {
        case (.missing, .en): "there is no such file"
        case (.missing, .id): "berkas ini tidak ada"
        case (.directory, .en): "this is a folder, not a file: name the files inside it"
        case (.directory, .id): "ini folder, bukan berkas: sebutkan berkas di dalamnya"
        case (.unreadable, .en): "the file cannot be read (check its permissions)"
        case (.unreadable, .id): "berkas tidak dapat dibaca (periksa izinnya)"
        case (.notUTF8, .en): "the file is not UTF-8 text"
        case (.notUTF8, .id): "berkas bukan teks UTF-8"
        }
    }

    /// Names of enumeration values, for tables and pages.
    public static func name(_ kind: Partnership.Kind, _ language: Language) -> String {
        switch kind {
        case .sisterCity: language == .en ? "sister city" : "kota kembar"
        case .friendshipCity: language == .en ? "friendship city" : "kota persahabatan"
        case .sisterProvince: language == .en ? "sister province" : "provinsi kembar"
        case .institutionCooperation:
            language == .en ? "cooperation with a foreign institution" : "kerja sama dengan lembaga luar negeri"
        }
    }

    /// The stage, or "not recorded" when no source states it.
    public static func name(_ stage: Partnership.Stage?, _ language: Language) -> String {
        guard let stage else { return language == .en ? "not recorded" : "tidak tercatat" }
        return switch stage {
        case .exploration: language == .en ? "exploration" : "penjajakan"
        case .intent: language == .en ? "letter of intent" : "surat minat"
        case .agreement: language == .en ? "agreement signed" : "perjanjian ditandatangani"
        case .implementation: language == .en ? "implementation" : "pelaksanaan"
        case .renewal: language == .en ? "renewal" : "pembaruan"
        case .ended: language == .en ? "ended" : "berakhir"
        }
    }

    public static func name(_ kind: Agreement.Kind, _ language: Language) -> String {
        switch kind {
        case .letterOfIntent: language == .en ? "letter of intent" : "surat minat (LoI)"
        case .mou: language == .en ? "memorandum of understanding" : "nota kesepahaman (MoU)"
        case .actionPlan: language == .en ? "action plan" : "rencana aksi"
        case .implementingArrangement: language == .en ? "implementing arrangement" : "pengaturan pelaksanaan"
        case .renewal: language == .en ? "renewal" : "pembaruan"
        case .addendum: language == .en ? "addendum" : "adendum"
        case .termination: language == .en ? "termination" : "pengakhiran"
        case .twinningAgreement: language == .en ? "twinning agreement" : "perjanjian kota kembar"
        case .charter: language == .en ? "twinning charter" : "piagam kota kembar"
        case .jointDeclaration: language == .en ? "joint declaration" : "deklarasi bersama"
        case .jointStatement: language == .en ? "joint statement" : "pernyataan bersama"
        case .other: language == .en ? "other document" : "dokumen lain"
        }
    }

    /// The agreement's kind as the document names it: the label of an `other`, else the kind's name.
    public static func name(of agreement: Agreement, _ language: Language) -> String {
        if let label = agreement.kindLabel, !label.isEmpty { return label.text(language) }
        return name(agreement.kind, language)
    }

    public static func name(_ travel: Activity.Travel, _ language: Language) -> String {
        switch travel {
        case .fromCity: language == .en ? "to the partner" : "ke kota mitra"
        case .fromPartner: language == .en ? "from the partner" : "dari kota mitra"
        case .bothWays: language == .en ? "both ways" : "dua arah"
        case .none: language == .en ? "nobody travelled" : "tanpa perjalanan"
        }
    }

    public static func name(_ venue: Activity.Venue, _ language: Language) -> String {
        switch venue {
        case .firstCity: language == .en ? "in the first city" : "di kota pertama"
        case .partnerCity: language == .en ? "in the partner city" : "di kota mitra"
        case .elsewhere: language == .en ? "elsewhere" : "di tempat lain"
        case .online: language == .en ? "online" : "daring"
        case .hybrid: language == .en ? "hybrid" : "hibrida"
        case .remote: language == .en ? "by post or remotely" : "lewat pos atau jarak jauh"
        }
    }

    public static func name(_ kind: Milestone.Kind, _ language: Language) -> String {
        switch kind {
        case .invitation: language == .en ? "invitation" : "undangan"
        case .exploration: language == .en ? "exploration" : "penjajakan"
        case .visit: language == .en ? "visit" : "kunjungan"
        case .meeting: language == .en ? "meeting" : "pertemuan"
        case .decision: language == .en ? "decision" : "keputusan"
        case .other: language == .en ? "other" : "lainnya"
        }
    }

    /// Column headings and labels used by the CLI tables and the pages.
    public enum Label: String, CaseIterable, Sendable {
        case partnership, cities, kind, stage, agreements, activities, participants, fields, signed, signatories
        case validUntil, milestones, date, title, mode, status, sources, rationale, openEnded, approximate
        case home, partnershipsHeading, noPartnerships, founding
    }

    public static func label(_ label: Label, _ language: Language) -> String {
        let (en, id): (String, String)
        switch label {
        case .partnership: (en, id) = ("Partnership", "Kemitraan")
        case .cities: (en, id) = ("Cities", "Kota")
        case .kind: (en, id) = ("Kind", "Jenis")
        case .stage: (en, id) = ("Stage", "Tahap")
        case .agreements: (en, id) = ("Agreements", "Perjanjian")
        case .activities: (en, id) = ("Activities", "Kegiatan")
        case .participants: (en, id) = ("Participants", "Peserta")
        case .fields: (en, id) = ("Fields", "Bidang")
        case .signed: (en, id) = ("Signed", "Ditandatangani")
        case .signatories: (en, id) = ("Signatories", "Penanda tangan")
        case .validUntil: (en, id) = ("Valid until", "Berlaku sampai")
        case .milestones: (en, id) = ("Milestones", "Tonggak")
        case .date: (en, id) = ("Date", "Tanggal")
        case .title: (en, id) = ("Title", "Judul")
        case .mode: (en, id) = ("Mode", "Moda")
        case .status: (en, id) = ("Status", "Status")
        case .sources: (en, id) = ("Sources", "Sumber")
        case .rationale: (en, id) = ("Why this partner", "Alasan memilih mitra")
        case .openEnded: (en, id) = ("not stated", "tidak disebutkan")
        case .approximate: (en, id) = ("approximate", "perkiraan")
        case .home: (en, id) = ("Kembar — sister-city cooperation", "Kembar — kerja sama kota kembar")
        case .partnershipsHeading: (en, id) = ("Partnerships", "Kemitraan")
        case .noPartnerships: (en, id) = ("No partnership recorded yet.", "Belum ada kemitraan yang tercatat.")
        case .founding:
            (en, id) = (
                "Records sister-city cooperation through its whole life and evaluates it against smart-city frameworks.",
                "Mencatat kerja sama kota kembar sepanjang hayatnya dan mengevaluasinya terhadap kerangka smart city."
            )
        }
        return language == .en ? en : id
    }
}

extension Catalogue {
    /// Words of the web app's pages.
    public enum Page: String, CaseIterable, Sendable {
        case dashboard, cities, organisations, sources, frameworks, importData, index, newRecord, edit, delete
        case save, cancel, confirmDelete, deleteWarning, search, filter, all, attention, noAttention, mouEnding
        case dormant, missingSources, missingParticipants, country, year, field, summary, timeline, evaluation
        case initiatives, observations, partnerships, supports, hierarchy, crosswalks, verification
        case provenance, upload, importHelp, imported, errorsFound, position, coverage, trend, latest, notFound, map
        case fixErrors, saved, deleted, skipLink, language, referencedBy, exports, report
        case agreementsTable, activitiesTable, suggestions, matched, confidence, rank, interval
        case preview, confirmImport, previewImport, noFileChosen, mergeOption
    }

    public static func page(_ word: Page, _ language: Language) -> String {
        let (en, id): (String, String)
        switch word {
        case .dashboard: (en, id) = ("Dashboard", "Dasbor")
        case .cities: (en, id) = ("Cities", "Kota")
        case .organisations: (en, id) = ("Organisations", "Organisasi")
        case .sources: (en, id) = ("Sources", "Sumber")
        case .frameworks: (en, id) = ("Frameworks", "Kerangka")
        case .importData: (en, id) = ("Import", "Impor")
        case .index: (en, id) = ("Index", "Indeks")
        case .newRecord: (en, id) = ("New", "Baru")
        case .edit: (en, id) = ("Edit", "Ubah")
        case .delete: (en, id) = ("Delete", "Hapus")
        case .save: (en, id) = ("Save", "Simpan")
        case .cancel: (en, id) = ("Cancel", "Batal")
        case .confirmDelete: (en, id) = ("Yes, delete", "Ya, hapus")
        case .deleteWarning:
            (en, id) = (
                "This deletes the record. An administrator can bring it back from its history.",
                "Data ini akan dihapus. Administrator dapat mengembalikannya dari riwayatnya."
            )
        case .search: (en, id) = ("Search", "Cari")
        case .filter: (en, id) = ("Filter", "Saring")
        case .all: (en, id) = ("all", "semua")
        case .attention: (en, id) = ("Needs attention", "Perlu perhatian")
        case .noAttention: (en, id) = ("Nothing needs attention.", "Tidak ada yang perlu diperhatikan.")
        case .mouEnding: (en, id) = ("Agreement ending soon", "Perjanjian segera berakhir")
        case .dormant: (en, id) = ("Dormant partnership", "Kemitraan tidak aktif")
        case .missingSources: (en, id) = ("Activity without sources", "Kegiatan tanpa sumber")
        case .missingParticipants: (en, id) = ("Activity without participants", "Kegiatan tanpa data peserta")
        case .country: (en, id) = ("Country", "Negara")
        case .year: (en, id) = ("Year", "Tahun")
        case .field: (en, id) = ("Field", "Bidang")
        case .summary: (en, id) = ("Summary", "Ringkasan")
        case .timeline: (en, id) = ("Timeline", "Linimasa")
        case .evaluation: (en, id) = ("Evaluation", "Evaluasi")
        case .initiatives: (en, id) = ("Initiatives", "Inisiatif")
        case .observations: (en, id) = ("Observations", "Observasi")
        case .partnerships: (en, id) = ("Partnerships", "Kemitraan")
        case .supports: (en, id) = ("What this source supports", "Yang didukung sumber ini")
        case .hierarchy: (en, id) = ("Hierarchy", "Hierarki")
        case .crosswalks: (en, id) = ("Crosswalks", "Padanan kerangka")
        case .verification: (en, id) = ("Verification", "Verifikasi")
        case .provenance: (en, id) = ("Provenance", "Asal-usul")
        case .upload: (en, id) = ("Import files", "Impor berkas")
        case .importHelp:
            (en, id) = (
                "Kembar dataset JSON or CSV of activities or observations. All files are checked together; if any record breaks a rule, nothing is imported.",
                "JSON dataset Kembar atau CSV kegiatan atau observasi. Semua berkas diperiksa bersama; jika ada data yang melanggar aturan, tidak ada yang diimpor."
            )
        case .imported: (en, id) = ("Import finished", "Impor selesai")
        case .errorsFound: (en, id) = ("Nothing was imported", "Tidak ada yang diimpor")
        case .position: (en, id) = ("Position", "Posisi")
        case .map: (en, id) = ("Map", "Peta")
        case .coverage: (en, id) = ("Framework coverage", "Cakupan kerangka")
        case .trend: (en, id) = ("Trend", "Tren")
        case .latest: (en, id) = ("Latest", "Terbaru")
        case .notFound: (en, id) = ("Not found", "Tidak ditemukan")
        case .fixErrors: (en, id) = ("Please correct the marked fields.", "Mohon perbaiki isian yang ditandai.")
        case .saved: (en, id) = ("Saved.", "Tersimpan.")
        case .deleted: (en, id) = ("Deleted.", "Terhapus.")
        case .skipLink: (en, id) = ("Skip to content", "Langsung ke isi")
        case .language: (en, id) = ("Language", "Bahasa")
        case .referencedBy: (en, id) = ("Still referred to by", "Masih dirujuk oleh")
        case .exports: (en, id) = ("Export", "Ekspor")
        case .report: (en, id) = ("Printable report", "Laporan cetak")
        case .agreementsTable: (en, id) = ("Agreements", "Perjanjian")
        case .activitiesTable: (en, id) = ("Activities", "Kegiatan")
        case .suggestions: (en, id) = ("Suggested tags", "Saran tag")
        case .matched: (en, id) = ("matched", "cocok")
        case .confidence: (en, id) = ("confidence", "keyakinan")
        case .rank: (en, id) = ("Rank", "Peringkat")
        case .interval: (en, id) = ("5–95 % interval", "Interval 5–95 %")
        case .preview: (en, id) = ("Preview: nothing written yet", "Pratinjau: belum ada yang ditulis")
        case .confirmImport: (en, id) = ("Import these changes", "Impor perubahan ini")
        case .previewImport: (en, id) = ("Check and preview", "Periksa dan pratinjau")
        case .noFileChosen:
            (en, id) = ("No file chosen: choose at least one file.", "Belum ada berkas: pilih sedikitnya satu berkas.")
        case .mergeOption:
            (en, id) = (
                "Add to stored records instead of replacing them whole (merge)",
                "Tambahkan ke data tersimpan, bukan mengganti seluruhnya (gabung)"
            )
        }
        return language == .en ? en : id
    }
}
