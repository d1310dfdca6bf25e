import KembarCore

/// The words of forms, the import page's templates and the naming of records, in both languages.
extension WebText {
    // Row editors of forms.
    public static func participantRole(_ l: Language) -> String { l == .en ? "Who (role)" : "Siapa (peran)" }
    public static func participantCount(_ l: Language) -> String { l == .en ? "How many" : "Berapa" }
    public static func approximate(_ l: Language) -> String { l == .en ? "about (approximate)" : "sekitar (perkiraan)" }
    public static func organisationRole(_ l: Language) -> String { l == .en ? "Role" : "Peran" }
    public static func rowsInvalid(_ column: String, _ l: Language) -> String {
        switch column {
        case "participants":
            l == .en
                ? "Each filled row needs who they were (a word such as teacher) and how many, in digits."
                : "Setiap baris yang diisi memerlukan siapa (kata seperti guru) dan berapa, dalam angka."
        case "organisations":
            l == .en
                ? "Each filled row needs an organisation and its role."
                : "Setiap baris yang diisi memerlukan organisasi dan perannya."
        case "signatories":
            l == .en
                ? "Each filled row needs a name and an office in English or Indonesian."
                : "Setiap baris yang diisi memerlukan nama dan jabatan dalam bahasa Inggris atau Indonesia."
        case "results":
            l == .en
                ? "Each filled row needs what was counted, in English or Indonesian, and a value in digits (with a point for decimals)."
                : "Setiap baris yang diisi memerlukan apa yang dihitung, dalam bahasa Inggris atau Indonesia, dan nilai dalam angka (titik untuk desimal)."
        case "targets":
            l == .en
                ? "Each filled row needs what is measured, in English or Indonesian, how it is counted and a date; values in digits (with a point for decimals)."
                : "Setiap baris yang diisi memerlukan apa yang diukur, dalam bahasa Inggris atau Indonesia, cara menghitungnya dan tanggal; nilai dalam angka (titik untuk desimal)."
        case "responsible_city", "responsible_partner":
            l == .en ? "Each filled row needs an organisation." : "Setiap baris yang diisi memerlukan organisasi."
        case "procedure":
            l == .en
                ? "Each filled row needs a step and the date it was done (a year, a month or a day: 2017, 2017-11 or 2017-11-02)."
                : "Setiap baris yang diisi memerlukan langkah dan tanggal pelaksanaannya (tahun, bulan atau hari: 2017, 2017-11 atau 2017-11-02)."
        default:
            l == .en ? "Each filled row needs a source's key." : "Setiap baris yang diisi memerlukan kunci sumber."
        }
    }
    public static func procedurePart(_ part: String, _ l: Language) -> String {
        switch part {
        case "step": l == .en ? "Step" : "Langkah"
        case "date": l == .en ? "Done on (year or date)" : "Dilaksanakan (tahun atau tanggal)"
        default: l == .en ? "Proving document (number)" : "Dokumen bukti (nomor)"
        }
    }
    public static func targetPart(_ part: String, _ l: Language) -> String {
        switch part {
        case "id": l == .en ? "Short name (key)" : "Nama singkat (kunci)"
        case "indicator_en": l == .en ? "What is measured (English)" : "Apa yang diukur (Inggris)"
        case "indicator_id": l == .en ? "What is measured (Indonesian)" : "Apa yang diukur (Indonesia)"
        case "measure": l == .en ? "Counted from" : "Dihitung dari"
        case "roles": l == .en ? "Roles counted (comma-separated)" : "Peran yang dihitung (dipisah koma)"
        case "unit": l == .en ? "Unit" : "Satuan"
        case "baseline": l == .en ? "Baseline" : "Nilai awal"
        case "value": l == .en ? "Target value (empty: left open)" : "Nilai target (kosong: belum ditetapkan)"
        case "date": l == .en ? "By (year or date)" : "Paling lambat (tahun atau tanggal)"
        case "note": l == .en ? "Note" : "Catatan"
        default: l == .en ? "Sources (keys, comma-separated)" : "Sumber (kunci, dipisah koma)"
        }
    }
    public static func day(_ l: Language) -> String { l == .en ? "Day" : "Tanggal" }
    public static func month(_ l: Language) -> String { l == .en ? "Month" : "Bulan" }
    public static func year(_ l: Language) -> String { l == .en ? "Year" : "Tahun" }
    public static func dateHint(_ l: Language) -> String {
        l == .en
            ? "A year alone, a month and year, or the whole date — as precise as the source is."
            : "Tahun saja, bulan dan tahun, atau tanggal lengkap — setepat yang disebut sumber."
    }
    public static func dateInvalid(_ l: Language) -> String {
        l == .en
            ? "Give a year (four digits), a month and year, or a day, month and year that exist."
            : "Isi tahun (empat angka), bulan dan tahun, atau tanggal, bulan dan tahun yang ada."
    }
    public static func addTag(_ l: Language) -> String { l == .en ? "Add" : "Tambahkan" }
    public static func tagAdded(_ l: Language) -> String { l == .en ? "added" : "ditambahkan" }
    public static func addAnother(_ l: Language) -> String { l == .en ? "Add another row" : "Tambah baris" }
    public static func resultPart(_ part: String, _ l: Language) -> String {
        switch part {
        case "label_en": l == .en ? "What (English)" : "Apa (Inggris)"
        case "label_id": l == .en ? "What (Indonesian)" : "Apa (Indonesia)"
        case "value": l == .en ? "Value" : "Nilai"
        case "unit": l == .en ? "Unit" : "Satuan"
        case "period": l == .en ? "When (year or date)" : "Kapan (tahun atau tanggal)"
        default: l == .en ? "Sources (keys, comma-separated)" : "Sumber (kunci, dipisah koma)"
        }
    }
    public static func signatoryPart(_ part: String, _ l: Language) -> String {
        switch part {
        case "name": l == .en ? "Name" : "Nama"
        case "office_en": l == .en ? "Office (English)" : "Jabatan (Inggris)"
        case "office_id": l == .en ? "Office (Indonesian)" : "Jabatan (Indonesia)"
        default: l == .en ? "disputed by a source" : "dibantah sumber"
        }
    }
    /// A reference field too long to list: find by name, then choose.
    public static func find(_ l: Language) -> String { l == .en ? "Find" : "Cari" }
    public static func findHint(_ l: Language) -> String {
        l == .en
            ? "Type part of the name and choose Find, or type the key."
            : "Ketik sebagian nama lalu pilih Cari, atau ketik kuncinya."
    }
    public static func findRowsHint(_ l: Language) -> String {
        l == .en
            ? "Type a key, or part of a name and choose Find: each row is then a choice of the matching records."
            : "Ketik kunci, atau sebagian nama lalu pilih Cari: setiap baris lalu menjadi pilihan data yang cocok."
    }
    public static func searchAgain(_ l: Language) -> String { l == .en ? "Search again" : "Cari lagi" }
    public static func found(_ count: Int, more: Bool, _ l: Language) -> String {
        let number = Format.integer(count, l)
        return l == .en
            ? "\(number) \(count == 1 ? "match" : "matches")\(more ? ", the first shown: type more of the name to narrow them" : ""). Choose one."
            : "\(number) hasil\(more ? ", yang pertama ditampilkan: ketik lebih banyak nama untuk mempersempit" : ""). Pilih salah satu."
    }
    public static func noMatch(_ text: String, _ l: Language) -> String {
        l == .en
            ? "Nothing matches “\(text)”. Try another part of the name."
            : "Tidak ada yang cocok dengan “\(text)”. Coba bagian nama yang lain."
    }
    /// The heading of a part of a long form.
    public static func formPart(_ part: String, _ collection: String, _ l: Language) -> String {
        switch (part, collection) {
        case ("about", _): l == .en ? "What it is" : "Apa ini"
        case ("when", "agreements"): l == .en ? "Signing and term" : "Penandatanganan dan masa berlaku"
        case ("when", "partnerships"): l == .en ? "History and basis" : "Riwayat dan dasar"
        case ("when", "actions"): l == .en ? "Period" : "Periode"
        case ("who", "actions"): l == .en ? "Who is responsible" : "Siapa yang bertanggung jawab"
        case ("outcome", "actions"): l == .en ? "Targets and budget" : "Target dan anggaran"
        case ("when", _): l == .en ? "When and where" : "Kapan dan di mana"
        case ("who", _): l == .en ? "Who took part" : "Siapa yang terlibat"
        case ("outcome", "cities"): l == .en ? "Figures" : "Angka"
        case ("outcome", _): l == .en ? "What came of it" : "Hasilnya"
        case ("classification", _): l == .en ? "Fields and tags" : "Bidang dan tag"
        default: l == .en ? "Sources and notes" : "Sumber dan catatan"
        }
    }
    // The import page's templates.
    public static func templates(_ l: Language) -> String { l == .en ? "Templates" : "Templat" }
    public static func templatesLead(_ l: Language) -> String {
        l == .en
            ? "Download a template, fill in one row per record in a spreadsheet, save it as CSV (UTF-8) and import it above. Keep the first row: it names the columns, in any order; leave out the columns you do not need. Lists inside a cell are separated by ;."
            : "Unduh templat, isi satu baris per data di lembar kerja, simpan sebagai CSV (UTF-8), lalu impor di atas. Pertahankan baris pertama: baris itu menamai kolom, dalam urutan apa pun; kolom yang tidak diperlukan boleh dihapus. Daftar dalam satu sel dipisahkan dengan ;."
    }
    public static func templateTitle(_ kind: String, _ l: Language) -> String {
        switch kind {
        case "activities": l == .en ? "Activities" : "Kegiatan"
        case "observations": l == .en ? "Indicator values of cities" : "Nilai indikator kota"
        case "actions": l == .en ? "Planned actions (action plans) with targets" : "Rencana aksi beserta targetnya"
        default: l == .en ? "List of twinning links (pairs of places)" : "Daftar hubungan kota kembar (pasangan tempat)"
        }
    }
    public static func downloadTemplate(_ l: Language) -> String {
        l == .en ? "Download the CSV template" : "Unduh templat CSV"
    }
    public static func templateColumns(_ l: Language) -> String {
        l == .en ? "What each column holds" : "Isi setiap kolom"
    }
    public static func templateColumn(_ l: Language) -> String { l == .en ? "Column" : "Kolom" }
    public static func templateWhat(_ l: Language) -> String { l == .en ? "What it is" : "Artinya" }
    public static func templateRequired(_ l: Language) -> String { l == .en ? "Required" : "Wajib" }
    public static func templateHow(_ l: Language) -> String { l == .en ? "How to fill it" : "Cara mengisi" }
    public static func yes(_ l: Language) -> String { l == .en ? "yes" : "ya" }
    public static func no(_ l: Language) -> String { l == .en ? "no" : "tidak" }
    public static func dateColumnHint(_ l: Language) -> String {
        l == .en
            ? "a year (2019), a month (2019-06) or a day (2019-06-28)"
            : "tahun (2019), bulan (2019-06), atau tanggal (2019-06-28)"
    }
    public static func pairColumn(_ name: String, _ l: Language) -> String {
        let place =
            name.hasSuffix("1")
            ? (l == .en ? "first place" : "tempat pertama") : (l == .en ? "second place" : "tempat kedua")
        switch name.dropLast() {
        case "city": return l == .en ? "Name of the \(place)" : "Nama \(place)"
        case "country": return l == .en ? "Country of the \(place), by name" : "Negara \(place), dengan nama"
        case "lat": return l == .en ? "Latitude of the \(place)" : "Lintang \(place)"
        default: return l == .en ? "Longitude of the \(place)" : "Bujur \(place)"
        }
    }
    /// A city characteristic as a word in the page's language; a word Kembar does not know is shown as recorded.
    public static func characteristic(_ word: String, _ l: Language) -> String {
        let words: [String: (String, String)] = [
            "port": ("port city", "kota pelabuhan"), "metropolitan": ("metropolitan", "metropolitan"),
            "football": ("football", "sepak bola"), "industrial": ("industrial", "industri"),
            "tourism": ("tourism", "pariwisata"), "university": ("university city", "kota pelajar"),
            "capital": ("capital", "ibu kota"), "coastal": ("coastal", "pesisir"), "creative": ("creative", "kreatif"),
            "heritage": ("heritage", "warisan budaya"), "trade": ("trade", "perdagangan"),
        ]
        guard let pair = words[word.lowercased()] else { return word }
        return l == .en ? pair.0 : pair.1
    }
    /// A kind of record, as the heading of a list of them.
    public static func kinds(_ collection: String, _ l: Language) -> String {
        let names: [String: (String, String)] = [
            "activities": ("Activities", "Kegiatan"), "agreements": ("Agreements", "Perjanjian"),
            "cities": ("Cities", "Kota"), "initiatives": ("Initiatives", "Inisiatif"),
            "milestones": ("Milestones", "Tonggak"), "observations": ("Observations", "Observasi"),
            "organisations": ("Organisations", "Organisasi"), "partnerships": ("Partnerships", "Kemitraan"),
            "sources": ("Sources", "Sumber"), "fields": ("Fields", "Bidang"),
        ]
        guard let pair = names[collection] else { return collection }
        return l == .en ? pair.0 : pair.1
    }
    public static func supportsNothing(_ l: Language) -> String {
        l == .en ? "No record cites this source yet." : "Belum ada data yang mengutip sumber ini."
    }
    public static func otherTags(_ l: Language) -> String { l == .en ? "Another tag" : "Tag lain" }
    public static func tagsHint(_ l: Language) -> String {
        l == .en
            ? "Uncheck a tag to remove it. Choose Suggest tags to find tags for the title, or type another as framework:node (e.g. cohen-smart-city-wheel:people)."
            : "Hapus centang untuk membuang tag. Pilih Saran tag untuk mencari tag dari judul, atau ketik tag lain sebagai kerangka:simpul (mis. cohen-smart-city-wheel:people)."
    }
    public static func advanced(_ l: Language) -> String {
        l == .en ? "Advanced: the record's key" : "Lanjutan: kunci data"
    }
    public static func version(_ l: Language) -> String { l == .en ? "Version" : "Versi" }
    /// A name no source gives in the page's language.
    public static func kembarsTranslation(_ l: Language) -> String {
        l == .en ? "Kembar's translation" : "terjemahan Kembar"
    }
}
