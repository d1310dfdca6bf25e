import KembarCore

extension Catalogue {
    /// The label of a form column or CSV column, in `language`.
    public static func column(_ name: String, _ language: Language) -> String {
        let base: String
        var suffix = ""
        if name.hasSuffix("_en") {
            base = String(name.dropLast(3))
            suffix = language == .en ? " (English)" : " (Inggris)"
        } else if name.hasSuffix("_id") {
            base = String(name.dropLast(3))
            suffix = language == .en ? " (Indonesian)" : " (Indonesia)"
        } else {
            base = name
        }
        let labels: [String: (String, String)] = [
            "key": ("Key", "Kunci"), "partnership": ("Partnership", "Kemitraan"), "kind": ("Kind", "Jenis"),
            "title": ("Title", "Judul"), "description": ("Description", "Deskripsi"), "start": ("Start", "Mulai"),
            "end": ("End", "Selesai"), "duration_days": ("Duration (days)", "Durasi (hari)"),
            "place": ("Place", "Tempat"),
            "mode": ("Mode", "Moda"), "sessions": ("Sessions", "Sesi"), "participants": ("Participants", "Peserta"),
            "organisations": ("Organisations", "Organisasi"), "outputs": ("Outputs", "Keluaran"),
            "fields": ("Fields", "Bidang"), "tags": ("Framework tags", "Tag kerangka"),
            "infrastructure": ("Infrastructure", "Infrastruktur"), "status": ("Status", "Status"),
            "sources": ("Sources", "Sumber"), "city": ("City", "Kota"), "indicator": ("Indicator", "Indikator"),
            "period": ("Period", "Periode"), "value": ("Value", "Nilai"), "unit": ("Unit", "Satuan"),
            "approximate": ("Approximate", "Perkiraan"), "note": ("Note", "Catatan"), "name": ("Name", "Nama"),
            "country": ("Country (ISO 3166-1)", "Negara (ISO 3166-1)"),
            "subdivision": ("Subdivision (ISO 3166-2)", "Subdivisi (ISO 3166-2)"),
            "admin_level": ("Administrative level", "Tingkat administrasi"), "population": ("Population", "Penduduk"),
            "population_year": ("Population year", "Tahun data penduduk"), "latitude": ("Latitude", "Lintang"),
            "longitude": ("Longitude", "Bujur"), "characteristics": ("Characteristics", "Karakteristik"),
            "identifiers": ("Identifiers", "Pengenal"),
            "organisation_identifier": ("Organisation identifier (IATI)", "Pengenal organisasi (IATI)"),
            "partner_city": ("Partner city", "Kota mitra"),
            "partner_organisation": ("Partner organisation", "Lembaga mitra"), "stage": ("Stage", "Tahap"),
            "rationale": ("Why this partner", "Alasan memilih mitra"), "signed": ("Signed", "Ditandatangani"),
            "signatories": ("Signatories", "Penanda tangan"), "valid_from": ("Valid from", "Berlaku mulai"),
            "valid_until": ("Valid until", "Berlaku sampai"), "term_years": ("Term (years)", "Jangka waktu (tahun)"),
            "renews": ("Renews agreement", "Memperbarui perjanjian"),
            "amends": ("Amends agreement", "Mengubah perjanjian"),
            "document": ("Document reference", "Nomor dokumen"), "date": ("Date", "Tanggal"),
            "started": ("Started", "Dimulai"), "authors": ("Authors", "Penulis"),
            "container": ("Journal or website", "Jurnal atau situs"), "publisher": ("Publisher", "Penerbit"),
            "url": ("URL", "URL"), "doi": ("DOI", "DOI"), "accessed": ("Accessed", "Diakses"),
            "interviewee": ("Interviewee", "Narasumber"), "office": ("Office", "Instansi"),
            "travel": ("Who travelled", "Siapa yang bepergian"), "venue": ("Where it took place", "Tempat pelaksanaan"),
            "date_inferred": ("Date inferred (not given by the source)", "Tanggal disimpulkan (tidak dari sumber)"),
            "internal": ("Internal (signed-in readers only)", "Internal (hanya pembaca yang masuk)"),
            "date_label": ("Period as the source names it", "Periode menurut sumber"),
            "results": ("Results", "Hasil"), "figures": ("Figures", "Angka"),
            "recognitions": ("Awards and recognitions", "Penghargaan dan pengakuan"),
            "kind_label": ("Document name", "Nama dokumen"), "purpose": ("Stated purpose", "Tujuan yang dinyatakan"),
            "cooperation_since": ("Cooperation since", "Kerja sama sejak"),
            "legal_basis": ("Legal basis", "Dasar hukum"),
            "represents": ("Represents country", "Mewakili negara"),
            "delivers": ("Planned actions it delivers", "Rencana aksi yang dilaksanakan"),
            "cost_amount": ("Cost", "Biaya"), "cost_currency": ("Currency of the cost", "Mata uang biaya"),
            "agreement": ("Agreement whose plan it is", "Perjanjian yang memuat rencana ini"),
            "responsible_city": ("Responsible on the first city's side", "Penanggung jawab pihak kota pertama"),
            "responsible_partner": ("Responsible on the partner's side", "Penanggung jawab pihak mitra"),
            "budget_amount": ("Budget", "Anggaran"),
            "budget_currency": ("Currency of the budget", "Mata uang anggaran"),
            "budget_funding": ("Funding source", "Sumber dana"), "targets": ("Targets", "Target"),
            "procedure": ("Procedure steps done", "Langkah prosedur yang dilaksanakan"),
        ]
        guard let pair = labels[base] else { return name }
        return (language == .en ? pair.0 : pair.1) + suffix
    }

    /// The hint under a form input: the syntax of list columns and date columns.
    public static func hint(_ name: String, _ language: Language) -> String? {
        let en: String
        let id: String
        switch name {
        case "participants":
            (en, id) = (
                "role=count; ~ before an approximate count; a breakdown in brackets: pupil=10[girls=4, boys=6]; teacher=~250",
                "peran=jumlah; ~ sebelum jumlah perkiraan; rincian dalam kurung: pupil=10[girls=4, boys=6]; teacher=~250"
            )
        case "organisations":
            (en, id) = ("key:role; e.g. tranmere-rovers-fc:trainer", "kunci:peran; mis. tranmere-rovers-fc:trainer")
        case "tags":
            (en, id) = (
                "framework:node; e.g. cohen-smart-city-wheel:people",
                "kerangka:simpul; mis. cohen-smart-city-wheel:people"
            )
        case "results", "figures":
            (en, id) = (
                #"JSON as in the dataset format: [{"label": {"en": "Waste volume"}, "value": -32, "unit": "%", "sources": ["key"]}]"#,
                #"JSON seperti format dataset: [{"label": {"id": "Volume sampah"}, "value": -32, "unit": "%", "sources": ["kunci"]}]"#
            )
        case "recognitions":
            (en, id) = (
                #"JSON as in the dataset format: [{"title": {"en": "IKCI award"}, "date": "2019", "sources": ["key"]}]"#,
                #"JSON seperti format dataset: [{"title": {"id": "Penghargaan IKCI"}, "date": "2019", "sources": ["kunci"]}]"#
            )
        case "targets":
            (en, id) = (
                #"JSON as in the dataset format: [{"id": "teachers", "indicator": {"en": "Teachers trained"}, "measure": "participants", "roles": ["teacher"], "value": 500, "date": "2026"}]"#,
                #"JSON seperti format dataset: [{"id": "guru", "indicator": {"id": "Guru terlatih"}, "measure": "participants", "roles": ["teacher"], "value": 500, "date": "2026"}]"#
            )
        case "cost_currency", "budget_currency":
            (en, id) = ("ISO 4217 code: IDR, GBP, USD, EUR, JPY …", "kode ISO 4217: IDR, GBP, USD, EUR, JPY …")
        case "cost_amount", "budget_amount":
            (en, id) = (
                "digits, a point for decimals; no thousands separators",
                "angka, titik untuk desimal; tanpa pemisah ribuan"
            )
        case "procedure":
            (en, id) = (
                "step | date | document number | sources, comma-separated | note; e.g. dprd-approval | 2017-11 | 172/2017",
                "langkah | tanggal | nomor dokumen | sumber, dipisah koma | catatan; mis. dprd-approval | 2017-11 | 172/2017"
            )
        case "delivers", "responsible_city", "responsible_partner":
            (en, id) = ("keys, separated by ;", "kunci, pisahkan dengan ;")
        case "fields", "sources", "characteristics", "authors", "legal_basis":
            (en, id) = ("separate items with ;", "pisahkan dengan ;")
        case "outputs_en", "outputs_id": (en, id) = ("separate outputs with ;", "pisahkan keluaran dengan ;")
        case "signatories":
            (en, id) = (
                "Name | office (English) | office (Indonesian) | city key | sources, comma-separated | disputed; separate people with ;; another name a source gives: or Name | office | office | sources",
                "Nama | jabatan (Inggris) | jabatan (Indonesia) | kunci kota | sumber, dipisah koma | disputed; pisahkan orang dengan ;; nama lain dari sumber lain: or Nama | jabatan | jabatan | sumber"
            )
        case "internal":
            (en, id) = (
                "yes: the public does not see it (for a partnership: nor anything recorded under it)",
                "ya: publik tidak melihatnya (untuk kemitraan: juga semua yang tercatat di bawahnya)"
            )
        case "identifiers": (en, id) = ("scheme=identifier; e.g. iati=GB-GOV-1", "skema=pengenal; mis. iati=GB-GOV-1")
        case "start", "end", "date", "signed", "valid_from", "valid_until", "period", "started", "accessed",
            "cooperation_since":
            (en, id) = ("YYYY, YYYY-MM or YYYY-MM-DD", "YYYY, YYYY-MM atau YYYY-MM-DD")
        case "key":
            (en, id) = (
                "lower-case letters, digits, - and .; cannot change later",
                "huruf kecil, angka, - dan .; tidak dapat diubah"
            )
        case "indicator":
            (en, id) = (
                "framework:node; e.g. itu-u4ssc-kpis:SC:SH:SI:3C", "kerangka:simpul; mis. itu-u4ssc-kpis:SC:SH:SI:3C"
            )
        default: return nil
        }
        return language == .en ? en : id
    }

    /// Names of the record kinds that can be entered, singular, for headings ("New activity").
    public static func entity(_ collection: String, _ language: Language) -> String {
        let names: [String: (String, String)] = [
            "activities": ("activity", "kegiatan"), "observations": ("observation", "observasi"),
            "cities": ("city", "kota"), "organisations": ("organisation", "organisasi"),
            "partnerships": ("partnership", "kemitraan"), "agreements": ("agreement", "perjanjian"),
            "milestones": ("milestone", "tonggak"), "initiatives": ("initiative", "inisiatif"),
            "actions": ("planned action", "rencana aksi"),
            "sources": ("source", "sumber"), "fields": ("field", "bidang"),
        ]
        guard let pair = names[collection] else { return collection }
        return language == .en ? pair.0 : pair.1
    }
}
