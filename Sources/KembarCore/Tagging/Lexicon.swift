/// The bilingual word list behind tag suggestions: cue words per dimension of Cohen's Smart City Wheel, and per
/// sub-dimension where a word points to one.
///
/// Term syntax: `word` matches the word exactly (English) or any Indonesian form built on it by affixes
/// (``IndonesianStemmer``); `word*` matches any word starting with it; `two words` matches the words in sequence.
/// Strong cues weigh 1, weak cues (ambiguous or only suggestive words) 0.5. Context cues and sub-dimension hints are
/// described at ``Entry/Role``. Suggestions for other frameworks go through crosswalks from Cohen's wheel. The
/// figures this list achieves are in docs/TAGGING.md.
public struct Lexicon: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        /// How an entry counts.
        public enum Role: String, Hashable, Sendable, Codable {
            /// Counts for its dimension, and for its sub-dimension if it names one.
            case cue
            /// Counts for its dimension only when a cue of the same dimension matched too: "participatory"
            /// alone is not governance, but adds to "participatory ... city council".
            case context
            /// Never counts for the dimension; only helps choose the sub-dimension of a dimension suggested by
            /// cues: "online" points to ICT & eGov once the text is about government.
            case hint
        }

        public var term: String { didSet { words = Self.words(of: term) } }
        public var dimension: String
        public var weight: Double
        public var language: Language
        /// The sub-dimension the term points to (a node id of the lexicon's framework, below `dimension`), if any.
        public var subdimension: String?
        public var role: Role

        public init(
            term: String, dimension: String, weight: Double, language: Language, subdimension: String? = nil,
            role: Role = .cue
        ) {
            self.term = term
            self.words = Self.words(of: term)
            self.dimension = dimension
            self.weight = weight
            self.language = language
            self.subdimension = subdimension
            self.role = role
        }

        /// The words of the term, without the prefix mark: kept with the term, since every suggestion reads them
        /// for every entry.
        private(set) var words: [String]
        static func words(of term: String) -> [String] {
            term.split(separator: " ").map { String($0).replacingOccurrences(of: "*", with: "") }
        }
        var isPrefix: Bool { term.hasSuffix("*") }
    }

    /// The framework whose dimensions the entries name.
    public var framework: FrameworkKey
    public var entries: [Entry]
    /// Phrases removed before matching because their words mislead: "kerja sama" is cooperation, not work,
    /// "smart city" names every dimension at once, and "mendapat lampu hijau" (to get the green light) is approval,
    /// not a traffic light. (Phrase entries also take their words out of single-word matching, so a "coaching
    /// clinic" is training, not health care, and a "lampu hijau" is a traffic light, not the environment.)
    public var stopPhrases: [String]

    public init(framework: FrameworkKey, entries: [Entry], stopPhrases: [String]) {
        self.framework = framework
        self.entries = entries
        self.stopPhrases = stopPhrases
    }

    /// Kembar's lexicon for Cohen's Smart City Wheel (node ids as in the bundled `frameworks.json`).
    public static let standard: Lexicon = {
        var entries: [Entry] = []
        /// `node` is a dimension (`people`) or a sub-dimension (`people.inclusive-society`).
        func append(_ node: String, _ language: Language, _ list: String, weight: Double, role: Entry.Role) {
            let dimension = String(node.split(separator: ".", maxSplits: 1)[0])
            let subdimension = node.contains(".") ? node : nil
            // Terms are separated by commas so that phrases can contain spaces.
            for term in list.split(separator: ",") {
                let clean = term.trimmingCharacters(in: .whitespacesAndNewlines)
                if !clean.isEmpty {
                    entries.append(
                        Entry(
                            term: clean, dimension: dimension, weight: weight, language: language,
                            subdimension: subdimension, role: role))
                }
            }
        }
        func add(_ node: String, _ language: Language, strong: String = "", weak: String = "") {
            append(node, language, strong, weight: 1, role: .cue)
            append(node, language, weak, weight: 0.5, role: .cue)
        }
        func context(_ node: String, _ language: Language, _ list: String) {
            append(node, language, list, weight: 0.5, role: .context)
        }
        func hint(_ node: String, _ language: Language, _ list: String) {
            append(node, language, list, weight: 0.5, role: .hint)
        }

        // Smart People.
        add(
            "people.21st-century-education", .en,
            strong: """
                educat*, school*, teacher*, teaching, pupil*, student*, training, trained, trainee*, trainer*, \
                coach, coaches, coaching, learn*, literacy, skill*, scholarship*, curricul*, classroom*, lesson*, \
                capacity building, human resource*, university, universities, course*, mentoring, leadership, \
                coaching clinic, college, colleges, campus, campuses, higher education, polytechnic*, \
                undergraduate*, postgraduate*, lecturer*, academic*, vocational
                """,
            weak: "workshop*, webinar*, language*")
        add(
            "people.inclusive-society", .en,
            strong: "inclusive, inclusion, disabilit*, disabled, special needs, visually impaired, blind, volunteer*",
            weak: "children, youth, young people, young person, teenager*, adolescent*")
        add("people.embrace-creativity", .en, weak: "talent*, creativ*")
        add("people", .en, weak: "football, sport*, junior")
        add(
            "people.21st-century-education", .id,
            strong: """
                didik, ajar, guru, sekolah, siswa, murid, latih, kursus, beasiswa, sdm, sumber daya manusia, \
                mahasiswa, universitas, literasi, terampil, kampus, perguruan tinggi, politeknik, dosen, akademik, \
                vokasi
                """,
            weak: "kapasitas, bahasa, webinar, lokakarya, kelas")
        add(
            "people.inclusive-society", .id,
            strong: """
                inklusi, inklusif, disabilitas, difabel, tunanetra, kebutuhan khusus, relawan, sekolah luar biasa, \
                slb
                """,
            weak: "anak, pemuda, remaja, generasi muda, anak muda, kaum muda, karang taruna")
        add("people.embrace-creativity", .id, weak: "bakat, kreatif")
        add("people", .id, weak: "sepak bola, olahraga")

        // Smart Government.
        add("government.ict-egov", .en, strong: "e-government, single window", weak: "digital service*")
        add("government.transparency-open-data", .en, strong: "transparen*, open data")
        add(
            "government.supply-demand-policy", .en,
            strong: "participatory budget*, participatory governance, participatory democracy",
            weak: "policy, policies, regulation*, budget*")
        add(
            "government", .en,
            strong: """
                government*, governance, public service*, administrat*, bureaucra*, licens*, permit*, complaint*, \
                aspiration*, civil servant*, municipal administration*, public agenc*
                """,
            weak: "consultation*, city hall, agency")
        context("government", .en, "participatory, participation")
        hint("government.ict-egov", .en, "online, digital, app, apps, platform*, portal*, website*")
        hint("government.transparency-open-data", .en, "data, publish*, accountab*")
        add("government.ict-egov", .id, strong: "e-government", weak: "daring")
        add("government.transparency-open-data", .id, strong: "transparansi, data terbuka")
        add(
            "government.supply-demand-policy", .id, strong: "anggaran partisipatif",
            weak: "kebijakan, regulasi, anggaran")
        add(
            "government", .id,
            strong: """
                pemerintah, pemerintahan, tata kelola, layanan publik, pelayanan publik, administrasi, birokrasi, \
                izin, pengaduan, aduan, keluhan, aspirasi, aparatur, aparatur sipil, musrenbang, kependudukan
                """,
            weak: "pejabat, kecamatan, layanan")
        context("government", .id, "partisipatif, partisipasi")
        hint("government.ict-egov", .id, "online, digital, aplikasi, portal, platform, elektronik, situs")
        hint("government.transparency-open-data", .id, "data, keterbukaan, akuntabilitas, publikasi")

        // Smart Economy.
        add(
            "economy.entrepreneurship-innovation", .en,
            strong: "entrepreneur*, start-up*, startup*, start up*, incubat*", weak: "innovation*")
        add(
            "economy.productivity", .en,
            strong: "job*, employment, unemploy*, industr*, productiv*, labour, labor, padat karya")
        add(
            "economy.local-global-interconnectedness", .en,
            strong: """
                invest*, trade, trading, export*, tourism, tourist*, port, ports, harbour*, harbor*, shipping, \
                container*, buyer*
                """,
            weak: "fair, expo, logistic*, travel*, destination*")
        add(
            "economy", .en,
            strong: "econom*, business*, sme, smes, msme*, enterprise*, fintech, e-commerce, vendor*, market*, "
                + "creative economy",
            weak: "craft*, fashion, design*, cooperative*, exhibition*, payment*, culinary")
        add("economy.entrepreneurship-innovation", .id, strong: "wirausaha", weak: "inovasi")
        add(
            "economy.productivity", .id,
            strong: "industri, produktivitas, lapangan kerja, tenaga kerja, pengangguran, padat karya")
        add(
            "economy.local-global-interconnectedness", .id,
            strong: "investasi, dagang, ekspor, impor, wisata, pariwisata, labuh, pelabuhan, peti kemas")
        add(
            "economy", .id, strong: "ekonomi, usaha, umkm, ukm, bisnis, pasar, ekonomi kreatif, koperasi",
            weak: "kerajinan, fesyen, pameran, transaksi, bayar, modal, kredit, kuliner, pedagang, produk")

        // Smart Environment.
        add("environment.green-energy", .en, strong: "energy, solar, renewable*")
        add(
            "environment.green-urban-planning", .en, strong: "green space*, green open space*",
            weak: "tree*, park, parks, planting")
        add(
            "environment", .en,
            strong: """
                environment*, green, climate, emission*, carbon, waste*, recycl*, compost*, pollution, pollut*, \
                sanitation, wastewater, mangrove*, forest*, biodiversity, plastic*, garbage, landfill, \
                conservation, ecolog*
                """,
            weak: "water, river*, flood*, sustainab*, coast*, ecotourism")
        hint("environment.green-energy", .en, "electricity")
        hint("environment.green-buildings", .en, "building, buildings")
        add("environment.green-energy", .id, strong: "energi, surya, terbarukan")
        add(
            "environment.green-urban-planning", .id, strong: "ruang terbuka hijau, rth",
            weak: "pohon, taman, tanam, penanaman")
        add(
            "environment", .id,
            strong: """
                lingkungan, hijau, iklim, emisi, karbon, sampah, daur ulang, kompos, polusi, cemar, pencemaran, \
                limbah, mangrove, hutan, plastik, konservasi, bank sampah
                """,
            weak: "air, sanitasi, sungai, banjir, berkelanjutan, ekowisata, pesisir")
        hint("environment.green-energy", .id, "listrik")
        hint("environment.green-buildings", .id, "gedung, bangunan")

        // Smart Mobility. A green light ("lampu hijau", "the light turns green") is a traffic light, not the
        // environment; the idiom "to get the green light" is a stop phrase.
        add(
            "mobility.mixed-modal-access", .en,
            strong: "transport*, bus, buses, brt, rail*, train, trains, metro, tram*, airport*, ferry, ferries, "
                + "transit")
        add(
            "mobility.clean-non-motorized", .en, strong: "cycl*, bicycle*, bike*, pedestrian*, walkab*",
            weak: "charging, crossing*")
        add("mobility.integrated-ict", .en, strong: "ticketing, signal priority", weak: "cctv")
        add(
            "mobility", .en,
            strong: "traffic, mobility, parking, road*, congestion, commut*, vehicle*, intersection*",
            weak: """
                logistic*, green light, green lights, green wave, light turns green, lights turn green, \
                light turned green, lights turned green, light stays green, lights stay green
                """)
        hint("mobility.clean-non-motorized", .en, "electric, walking")
        hint(
            "mobility.integrated-ict", .en, "signal*, smart, app, apps, digital, adaptive, integrated, sensor*, online")
        add(
            "mobility.mixed-modal-access", .id, strong: "transportasi, angkut, angkutan, bus, kereta, bandara, halte",
            weak: "terminal, feri")
        add("mobility.clean-non-motorized", .id, strong: "sepeda, pejalan kaki, trotoar, jalur sepeda")
        add("mobility.integrated-ict", .id, strong: "tiket", weak: "cctv")
        add(
            "mobility", .id,
            strong: "lalu lintas, lampu lalu lintas, mobilitas, jalan raya, parkir, macet, kemacetan, kendara, "
                + "kendaraan",
            weak: """
                logistik, lampu hijau, lampu merah, lampu selalu hijau, lampu menyala hijau, lampu berubah hijau, \
                lampu tetap hijau, lampu menjadi hijau
                """)
        hint("mobility.clean-non-motorized", .id, "listrik, jalan kaki")
        hint("mobility.integrated-ict", .id, "sinyal, adaptif, terintegrasi, terpadu, aplikasi, digital, pintar")

        // Smart Living.
        add(
            "living.healthy", .en,
            strong: "health*, hospital*, clinic*, medical, disease*, covid*, vaccin*, nutrition")
        add(
            "living.safe", .en, strong: "safety, crime, emergency, disaster*",
            weak: "safe, safer, security, police, cctv")
        add(
            "living.culturally-vibrant-happy", .en, strong: "cultur*, heritage, museum*, arts, artist*, music*, dance*",
            weak: "festival*, happiness, performance*, art, exhibition*")
        add(
            "living", .en, strong: "housing, elderly, social assistance, neighbourhood*, neighborhood*",
            weak: "welfare, wifi, residents, food, homes")
        add(
            "living.healthy", .id,
            strong: "sehat, kesehatan, rumah sakit, puskesmas, klinik, medis, sakit, penyakit, vaksin, gizi, stunting")
        add(
            "living.safe", .id, strong: "keselamatan, kejahatan, darurat, bencana",
            weak: "aman, keamanan, polisi, cctv")
        add(
            "living.culturally-vibrant-happy", .id,
            strong: "budaya, kebudayaan, seni, kesenian, museum, musik, tari, warisan, sejarah",
            weak: "festival, pertunjukan, lukis")
        add(
            "living", .id, strong: "perumahan, huni, layak huni, lansia, bantuan sosial",
            weak: "sejahtera, wifi, warga, kampung, rumah, kuliner")
        return Lexicon(
            framework: "cohen-smart-city-wheel", entries: entries,
            stopPhrases: [
                "kerja sama", "kerjasama", "bekerja sama", "sister city", "kota kembar", "smart city", "kota cerdas",
                "memorandum of understanding", "nota kesepahaman",
                // The green light as approval, not a traffic light.
                "gave the green light", "given the green light", "give the green light", "gives the green light",
                "got the green light", "get the green light", "gets the green light", "received the green light",
                "mendapat lampu hijau", "mendapatkan lampu hijau", "memberi lampu hijau", "memberikan lampu hijau",
                "diberi lampu hijau", "beri lampu hijau", "dapat lampu hijau",
            ])
    }()
}
