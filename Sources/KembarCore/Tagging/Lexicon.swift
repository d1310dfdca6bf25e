/// The bilingual word list behind tag suggestions: cue words per dimension of Cohen's Smart City Wheel.
///
/// Term syntax: `word` matches the word exactly (English) or any Indonesian form built on it by affixes
/// (``IndonesianStemmer``); `word*` matches any word starting with it; `two words` matches the words in sequence.
/// Strong cues weigh 1, weak cues (ambiguous or only suggestive words) 0.5. Suggestions for other frameworks go
/// through crosswalks from Cohen's wheel. The figures this list achieves are in docs/TAGGING.md.
public struct Lexicon: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var term: String
        public var dimension: String
        public var weight: Double
        public var language: Language

        public init(term: String, dimension: String, weight: Double, language: Language) {
            self.term = term
            self.dimension = dimension
            self.weight = weight
            self.language = language
        }

        /// The words of the term, without the prefix mark.
        var words: [String] { term.split(separator: " ").map { String($0).replacingOccurrences(of: "*", with: "") } }
        var isPrefix: Bool { term.hasSuffix("*") }
    }

    /// The framework whose dimensions the entries name.
    public var framework: FrameworkKey
    public var entries: [Entry]
    /// Phrases removed before matching because their words mislead: "kerja sama" is cooperation, not work, and
    /// "smart city" names every dimension at once. (Phrase entries also take their words out of single-word
    /// matching, so a "coaching clinic" is training, not health care.)
    public var stopPhrases: [String]

    public init(framework: FrameworkKey, entries: [Entry], stopPhrases: [String]) {
        self.framework = framework
        self.entries = entries
        self.stopPhrases = stopPhrases
    }

    /// Kembar's lexicon for Cohen's Smart City Wheel.
    public static let standard: Lexicon = {
        var entries: [Entry] = []
        func add(_ dimension: String, _ language: Language, strong: String, weak: String = "") {
            // Terms are separated by commas so that phrases can contain spaces.
            for (list, weight) in [(strong, 1.0), (weak, 0.5)] {
                for term in list.split(separator: ",") {
                    let clean = term.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !clean.isEmpty {
                        entries.append(Entry(term: clean, dimension: dimension, weight: weight, language: language))
                    }
                }
            }
        }
        add(
            "people", .en,
            strong: """
                educat*, school*, teacher*, teaching, pupil*, student*, training, trained, trainee*, trainer*, \
                coach, coaches, coaching, learn*, literacy, skill*, scholarship*, curricul*, classroom*, lesson*, \
                inclusive, inclusion, disabilit*, disabled, special needs, visually impaired, blind, volunteer*, \
                capacity building, human resource*, university, universities, course*, mentoring, leadership, \
                coaching clinic
                """,
            weak: "workshop*, webinar*, youth, talent*, creativ*, football, sport*, language*, children, junior")
        add(
            "people", .id,
            strong: """
                didik, ajar, guru, sekolah, siswa, murid, latih, kursus, beasiswa, inklusi, inklusif, disabilitas, \
                difabel, tunanetra, kebutuhan khusus, sdm, sumber daya manusia, mahasiswa, universitas, literasi, \
                terampil, relawan, sekolah luar biasa, slb
                """,
            weak: "kapasitas, pemuda, bakat, kreatif, bahasa, sepak bola, olahraga, webinar, lokakarya, kelas, anak")
        add(
            "government", .en,
            strong: """
                government*, governance, e-government, public service*, administrat*, bureaucra*, licens*, \
                permit*, transparen*, open data, complaint*, aspiration*, civil servant*, participatory, \
                single window, municipal administration*, public agenc*
                """,
            weak: "policy, policies, regulation*, budget*, digital service*, consultation*, city hall, agency")
        add(
            "government", .id,
            strong: """
                pemerintah, pemerintahan, tata kelola, layanan publik, pelayanan publik, administrasi, birokrasi, \
                izin, transparansi, data terbuka, pengaduan, aduan, keluhan, aspirasi, aparatur, aparatur sipil, \
                musrenbang, e-government, kependudukan
                """,
            weak: "kebijakan, regulasi, anggaran, pejabat, kecamatan, layanan, daring")
        add(
            "economy", .en,
            strong: """
                econom*, entrepreneur*, business*, start-up*, startup*, start up*, invest*, trade, trading, export*, \
                sme, smes, msme*, enterprise*, job*, employment, unemploy*, incubat*, tourism, tourist*, port, \
                ports, harbour*, harbor*, shipping, container*, industr*, productiv*, fintech, e-commerce, labour, \
                labor, buyer*, vendor*, market*, padat karya, creative economy
                """,
            weak: "innovation*, craft*, fashion, design*, cooperative*, fair, expo, exhibition*, payment*, culinary, "
                + "logistic*, travel*, destination*")
        add(
            "economy", .id,
            strong: """
                ekonomi, usaha, wirausaha, umkm, ukm, bisnis, investasi, dagang, ekspor, impor, pasar, industri, \
                produktivitas, wisata, pariwisata, labuh, pelabuhan, ekonomi kreatif, lapangan kerja, tenaga kerja, \
                pengangguran, koperasi, peti kemas, padat karya
                """,
            weak: "inovasi, kerajinan, fesyen, pameran, transaksi, bayar, modal, kredit, kuliner, pedagang, produk")
        add(
            "environment", .en,
            strong: """
                environment*, green, climate, emission*, carbon, waste*, recycl*, compost*, pollution, pollut*, \
                energy, solar, renewable*, sanitation, wastewater, mangrove*, forest*, biodiversity, plastic*, \
                garbage, landfill, conservation, ecolog*
                """,
            weak: "water, river*, tree*, park, parks, flood*, sustainab*, planting, coast*, ecotourism")
        add(
            "environment", .id,
            strong: """
                lingkungan, hijau, iklim, emisi, karbon, sampah, daur ulang, kompos, polusi, cemar, pencemaran, \
                energi, surya, terbarukan, limbah, mangrove, hutan, plastik, konservasi, bank sampah
                """,
            weak: "air, sanitasi, sungai, pohon, taman, banjir, berkelanjutan, ekowisata, tanam, penanaman, pesisir")
        add(
            "mobility", .en,
            strong: """
                transport*, traffic, bus, buses, brt, rail*, train, trains, metro, tram*, mobility, cycl*, \
                bicycle*, bike*, pedestrian*, walkab*, parking, road*, congestion, commut*, vehicle*, airport*, \
                ferry, ferries, ticketing, intersection*, signal priority, transit
                """,
            weak: "logistic*, cctv, charging, crossing*")
        add(
            "mobility", .id,
            strong: """
                transportasi, lalu lintas, angkut, angkutan, bus, kereta, mobilitas, sepeda, pejalan kaki, \
                jalan raya, parkir, macet, kemacetan, kendara, kendaraan, bandara, trotoar, halte, tiket, jalur sepeda
                """,
            weak: "logistik, terminal, cctv, lampu lalu lintas, feri")
        add(
            "living", .en,
            strong: """
                health*, hospital*, clinic*, medical, disease*, covid*, vaccin*, safety, crime, emergency, \
                disaster*, housing, cultur*, heritage, museum*, arts, artist*, music*, dance*, elderly, \
                social assistance, nutrition, neighbourhood*, neighborhood*
                """,
            weak: "safe, safer, security, police, cctv, festival*, welfare, wifi, residents, happiness, food, "
                + "performance*, art, exhibition*, homes")
        add(
            "living", .id,
            strong: """
                sehat, kesehatan, rumah sakit, puskesmas, klinik, medis, sakit, penyakit, vaksin, keselamatan, \
                kejahatan, darurat, bencana, perumahan, huni, layak huni, budaya, kebudayaan, seni, kesenian, \
                museum, musik, tari, lansia, bantuan sosial, gizi, stunting, warisan, sejarah
                """,
            weak: "aman, keamanan, polisi, cctv, festival, sejahtera, wifi, warga, kampung, rumah, pertunjukan, "
                + "kuliner, lukis")
        return Lexicon(
            framework: "cohen-smart-city-wheel", entries: entries,
            stopPhrases: [
                "kerja sama", "kerjasama", "bekerja sama", "sister city", "kota kembar", "smart city", "kota cerdas",
                "memorandum of understanding", "nota kesepahaman",
            ])
    }()
}
