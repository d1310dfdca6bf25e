#!/usr/bin/env python3
"""Regenerates Sources/KembarStorage/Bundled/frameworks.json from the research file frameworks.json.

Usage: python3 scripts/bundle-frameworks.py [path/to/shared/reference/frameworks.json]

Only the parts whose status is verified are shipped (DESIGN.md, issue 2): U4SSC KPIs in full; Kominfo's six
dimensions and their elements; Cohen's six dimensions and their drivers; Giffinger's characteristics and
factors; the six indicators with key aspects of Amalia et al. 2023 as the founding paper gives them. Indicators
transcribed from recollection (Giffinger's 74) or assigned editorially (Cohen's examples) are left out. Every
node keeps its verification status and provenance.

Every node also gets an Indonesian name. Where the research file gives one (Kominfo's elements, Amalia et al.'s key
aspects, the glosses of Cohen's components) it is shipped as the source words it. Where no source gives one, the
name is Kembar's translation from INDONESIAN_NAMES below and the node is marked `"translated": ["id"]`. The script
stops when a node has no Indonesian name, or when a translation is kept for a node the source already names.

`status` (per framework) and `provenance` (per node) stay the researchers' notes, in English, for traceability. For
readers the script adds, in English and Indonesian and in Kembar's own wording:
- `about` on every framework: what it is, who made it, what Kembar ships of it and what is confirmed
  (FRAMEWORK_ABOUT);
- `about` on every node that has a provenance: where it comes from and how well it is confirmed. For U4SSC KPIs it
  is generated from the research file's fields (code, type, verified fields, direction, notes, SDGs; the notes are
  worded in KPI_NOTES); for every other node it is NODE_ABOUT's text for the node's provenance;
- `unitName` on every node that has a unit: the unit as the source gives it, and in Indonesian (UNIT_NAMES).
The script stops when a framework, a node with a provenance or a unit has no text in both languages, or when one of
these dicts keeps an entry nothing uses, so that no data change can ship English-only text to Indonesian pages.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "reference" / "frameworks.json"
target = root / "Sources" / "KembarStorage" / "Bundled" / "frameworks.json"
ref = json.loads(source.read_text())
by_id = {f["id"]: f for f in ref["frameworks"]}


# Kembar's Indonesian names for nodes whose sources give none, keyed by framework and node id. Terms follow
# Indonesian government and smart-city usage where one is established (TIK, ruang terbuka hijau, angka harapan hidup,
# rekam medis elektronik, koefisien Gini, angkutan umum); capitalisation follows each framework's English names.
INDONESIAN_NAMES = {
    "cohen-smart-city-wheel": {
        "economy.entrepreneurship-innovation": "Kewirausahaan & Inovasi",
        "economy.productivity": "Produktivitas",
        "economy.local-global-interconnectedness": "Keterhubungan Lokal & Global",
        "environment.green-buildings": "Bangunan Hijau",
        "environment.green-energy": "Energi Hijau",
        "environment.green-urban-planning": "Perencanaan Kota Hijau",
        "government.supply-demand-policy": "Kebijakan yang Mendukung Sisi Penawaran & Permintaan",
        "government.transparency-open-data": "Transparansi & Data Terbuka",
        "government.ict-egov": "TIK & Pemerintahan Elektronik",
        "living.culturally-vibrant-happy": "Semarak Budaya & Bahagia",
        "living.safe": "Aman",
        "living.healthy": "Sehat",
        "mobility.mixed-modal-access": "Akses Multimoda",
        "mobility.clean-non-motorized": "Prioritas Pilihan Bersih & Tak Bermotor",
        "mobility.integrated-ict": "TIK Terpadu",
        "people.21st-century-education": "Pendidikan Abad ke-21",
        "people.inclusive-society": "Masyarakat Inklusif",
        "people.embrace-creativity": "Merangkul Kreativitas",
    },
    "giffinger-2007-european-smart-cities": {
        "economy": "Ekonomi cerdas",
        "economy.1": "Semangat inovatif",
        "economy.2": "Kewirausahaan",
        "economy.3": "Citra ekonomi & merek dagang",
        "economy.4": "Produktivitas",
        "economy.5": "Fleksibilitas pasar tenaga kerja",
        "economy.6": "Keterlekatan internasional",
        "economy.7": "Kemampuan bertransformasi",
        "people": "Masyarakat cerdas",
        "people.1": "Tingkat kualifikasi",
        "people.2": "Minat pada pembelajaran sepanjang hayat",
        "people.3": "Kemajemukan sosial dan etnis",
        "people.4": "Fleksibilitas",
        "people.5": "Kreativitas",
        "people.6": "Kosmopolitanisme / Keterbukaan pikiran",
        "people.7": "Partisipasi dalam kehidupan publik",
        "governance": "Tata kelola cerdas",
        "governance.1": "Partisipasi dalam pengambilan keputusan",
        "governance.2": "Layanan publik dan sosial",
        "governance.3": "Tata kelola yang transparan",
        "governance.4": "Strategi & perspektif politik",
        "mobility": "Mobilitas cerdas",
        "mobility.1": "Aksesibilitas lokal",
        "mobility.2": "Aksesibilitas (inter)nasional",
        "mobility.3": "Ketersediaan infrastruktur TIK",
        "mobility.4": "Sistem transportasi yang berkelanjutan, inovatif, dan aman",
        "environment": "Lingkungan cerdas",
        "environment.1": "Daya tarik kondisi alam",
        "environment.2": "Pencemaran",
        "environment.3": "Perlindungan lingkungan",
        "environment.4": "Pengelolaan sumber daya berkelanjutan",
        "living": "Kehidupan cerdas",
        "living.1": "Fasilitas budaya",
        "living.2": "Kondisi kesehatan",
        "living.3": "Keamanan individu",
        "living.4": "Kualitas perumahan",
        "living.5": "Fasilitas pendidikan",
        "living.6": "Daya tarik wisata",
        "living.7": "Kohesi sosial",
    },
    "itu-u4ssc-kpis": {
        # Dimensions and U4SSC sub-dimensions.
        "EC": "Ekonomi",
        "EC:ICT": "Teknologi Informasi dan Komunikasi (TIK)",
        "EC:P": "Produktivitas",
        "EC:I": "Infrastruktur",
        "EN": "Lingkungan",
        "EN:EN": "Lingkungan",
        "EN:E": "Energi",
        "SC": "Masyarakat dan Budaya",
        "SC:EH": "Pendidikan, Kesehatan, dan Kebudayaan",
        "SC:SH": "Keamanan, Perumahan, dan Inklusi Sosial",
        # Economy: ICT.
        "EC:ICT:ict-infrastructure": "Infrastruktur TIK",
        "EC:ICT:ICT:1C": "Akses Internet Rumah Tangga",
        "EC:ICT:ICT:2C": "Langganan Pita Lebar Tetap",
        "EC:ICT:ICT:3C": "Langganan Pita Lebar Nirkabel",
        "EC:ICT:ICT:4C": "Cakupan Pita Lebar Nirkabel (3G / 4G)",
        "EC:ICT:ICT:5?": "Ketersediaan Wi-Fi di Area Publik",
        "EC:ICT:water-and-sanitation": "Air dan Sanitasi",
        "EC:ICT:WS:1C": "Meter Air Pintar",
        "EC:ICT:WS:2A": "Pemantauan Penyediaan Air dengan TIK",
        "EC:ICT:drainage": "Drainase",
        "EC:ICT:D:1A": "Pemantauan Sistem Drainase / Air Hujan dengan TIK",
        "EC:ICT:electricity-supply": "Pasokan Listrik",
        "EC:ICT:ES:1C": "Meter Listrik Pintar",
        "EC:ICT:ES:2A": "Pemantauan Pasokan Listrik dengan TIK",
        "EC:ICT:ES:3A": "Penetrasi Respons Permintaan (Demand Response)",
        "EC:ICT:transport": "Transportasi",
        "EC:ICT:T:1C": "Informasi Angkutan Umum Dinamis",
        "EC:ICT:T:2C": "Pemantauan Lalu Lintas",
        "EC:ICT:T:3A": "Pengendalian Persimpangan",
        "EC:ICT:public-sector": "Sektor Publik",
        "EC:ICT:PS:1A": "Data Terbuka",
        "EC:ICT:PS:2A": "Pemerintahan Elektronik (e-Government)",
        "EC:ICT:PS:3A": "Pengadaan Elektronik Sektor Publik",
        # Economy: productivity.
        "EC:P:innovation": "Inovasi",
        "EC:P:IN:1C": "Pengeluaran Penelitian dan Pengembangan",
        "EC:P:IN:2C": "Paten",
        "EC:P:IN:3A": "Usaha Kecil dan Menengah",
        "EC:P:employment": "Ketenagakerjaan",
        "EC:P:EM:1C": "Tingkat Pengangguran",
        "EC:P:EM:2C": "Tingkat Pengangguran Usia Muda",
        "EC:P:EM:3A": "Tenaga Kerja Sektor Pariwisata",
        "EC:P:EM:4A": "Tenaga Kerja Sektor TIK",
        # Economy: infrastructure.
        "EC:I:water-and-sanitation": "Air dan Sanitasi",
        "EC:I:WS:1C": "Penyediaan Air Dasar",
        "EC:I:WS:2C": "Penyediaan Air Minum",
        "EC:I:WS:3C": "Kehilangan Air pada Penyediaan Air",
        "EC:I:WS:4C": "Pengumpulan Air Limbah",
        "EC:I:WS:5C": "Sanitasi Rumah Tangga",
        "EC:I:waste": "Persampahan",
        "EC:I:WA:1C": "Pengumpulan Sampah Padat",
        "EC:I:electricity-supply": "Pasokan Listrik",
        "EC:I:ES:1C": "Frekuensi Pemadaman Sistem Listrik",
        "EC:I:ES:2C": "Lama Pemadaman Sistem Listrik",
        "EC:I:ES:3C": "Akses terhadap Listrik",
        "EC:I:transport": "Transportasi",
        "EC:I:T:1C": "Jaringan Angkutan Umum",
        "EC:I:T:2A": "Kemudahan Menjangkau Jaringan Angkutan Umum",
        "EC:I:T:3C": "Jaringan Jalur Sepeda",
        "EC:I:T:4A": "Pangsa Moda Transportasi (kendaraan pribadi / angkutan umum / berjalan kaki / bersepeda / "
                     "paratransit)",
        "EC:I:T:5A": "Indeks Waktu Tempuh",
        "EC:I:T:6A": "Sepeda Berbagi Pakai",
        "EC:I:T:7A": "Kendaraan Berbagi Pakai",
        "EC:I:T:8A": "Kendaraan Penumpang Rendah Emisi Karbon",
        "EC:I:buildings": "Bangunan Gedung",
        "EC:I:B:1A": "Keberlanjutan Bangunan Gedung Publik",
        "EC:I:B:2A": "Sistem Manajemen Bangunan Terpadu pada Bangunan Gedung Publik",
        "EC:I:urban-planning": "Perencanaan Kota",
        "EC:I:UP:1A": "Infrastruktur Pejalan Kaki",
        "EC:I:UP:2A": "Pembangunan Perkotaan dan Penataan Ruang (kompak / terhubung / terpadu / inklusif / tangguh)",
        # Environment.
        "EN:EN:air-quality": "Kualitas Udara",
        "EN:EN:AQ:1C": "Pencemaran Udara (PM2.5, PM10, NO2, SO2, O3)",
        "EN:EN:AQ:2C": "Emisi Gas Rumah Kaca",
        "EN:EN:water-and-sanitation": "Air dan Sanitasi",
        "EN:EN:WS:1C": "Kualitas Air Minum",
        "EN:EN:WS:2C": "Konsumsi Air",
        "EN:EN:WS:3C": "Konsumsi Air Tawar",
        "EN:EN:WS:4C": "Pengolahan Air Limbah (primer / sekunder / tersier)",
        "EN:EN:waste": "Persampahan",
        "EN:EN:WA:1C": "Pengolahan Sampah Padat (penimbunan di TPA / dibakar / insinerasi / pembuangan terbuka / "
                       "daur ulang / lainnya)",
        "EN:EN:environmental-quality": "Kualitas Lingkungan",
        "EN:EN:EQ:1C": "Paparan Medan Elektromagnetik",
        "EN:EN:EQ:2A": "Paparan Kebisingan",
        "EN:EN:public-space-and-nature": "Ruang Publik dan Alam",
        "EN:EN:PSN:1C": "Ruang Terbuka Hijau",
        "EN:EN:PSN:2A": "Aksesibilitas Ruang Terbuka Hijau",
        "EN:EN:PSN:3A": "Kawasan Alam yang Dilindungi",
        "EN:EN:PSN:4A": "Fasilitas Rekreasi",
        "EN:E:energy": "Energi",
        "EN:E:E:1C": "Konsumsi Energi Terbarukan",
        "EN:E:E:2C": "Konsumsi Listrik",
        "EN:E:E:3C": "Konsumsi Energi Termal Rumah Tangga",
        "EN:E:E:4A": "Konsumsi Energi Bangunan Gedung Publik",
        # Society and culture.
        "SC:EH:education": "Pendidikan",
        "SC:EH:ED:1C": "Akses TIK Pelajar",
        "SC:EH:ED:2C": "Angka Partisipasi Sekolah",
        "SC:EH:ED:3C": "Lulusan Pendidikan Tinggi",
        "SC:EH:ED:4C": "Angka Melek Huruf Dewasa",
        "SC:EH:health": "Kesehatan",
        "SC:EH:ED:5A": "Rekam Medis Elektronik",
        "SC:EH:H:1C": "Angka Harapan Hidup",
        "SC:EH:H:2C": "Angka Kematian Ibu",
        "SC:EH:H:3C": "Dokter",
        "SC:EH:H:4A": "Tempat Tidur Rawat Inap Rumah Sakit",
        "SC:EH:H:5A": "Asuransi Kesehatan / Cakupan Jaminan Kesehatan Publik",
        "SC:EH:culture": "Kebudayaan",
        "SC:EH:C:1C": "Pengeluaran Kebudayaan",
        "SC:EH:C:2A": "Infrastruktur Kebudayaan",
        "SC:SH:housing": "Perumahan",
        "SC:SH:HO:1C": "Permukiman Informal",
        "SC:SH:HO:2A": "Pengeluaran Perumahan",
        "SC:SH:social-inclusion": "Inklusi Sosial",
        "SC:SH:SI:1C": "Kesetaraan Pendapatan Gender",
        "SC:SH:SI:2C": "Koefisien Gini",
        "SC:SH:SI:3C": "Kemiskinan",
        "SC:SH:SI:4C": "Partisipasi Pemilih",
        "SC:SH:SI:5A": "Ketersediaan Penitipan Anak",
        "SC:SH:safety": "Keamanan",
        "SC:SH:SA:1C": "Kematian Akibat Bencana Alam",
        "SC:SH:SA:2C": "Kerugian Ekonomi Akibat Bencana",
        "SC:SH:SA:3A": "Rencana Ketangguhan",
        "SC:SH:SA:4A": "Penduduk yang Tinggal di Daerah Rawan Bencana",
        "SC:SH:SA:5A": "Waktu Tanggap Layanan Darurat",
        "SC:SH:SA:6C": "Layanan Kepolisian",
        "SC:SH:SA:7C": "Layanan Pemadam Kebakaran",
        "SC:SH:SA:8C": "Tingkat Kejahatan dengan Kekerasan",
        "SC:SH:SA:9C": "Kematian Akibat Kecelakaan Lalu Lintas",
        "SC:SH:food-security": "Ketahanan Pangan",
        "SC:SH:FS:1A": "Produksi Pangan Lokal",
    },
}

# The texts below are Kembar's own wording, not the sources': plain-language readings of the researchers' notes
# (`status`, `provenance`) for the people who use Kembar, in English and in formal Indonesian. Indonesian follows
# government usage (TPB for the SDGs, inti/lanjutan for U4SSC core/advanced, BPS terms such as penduduk and rumah
# tangga). When the research file changes, the script stops until these are brought up to date.

# What each framework is, who made it, what Kembar ships of it and what is and is not confirmed; from the research
# file's `status`, `version` and `structure_note`.
FRAMEWORK_ABOUT = {
    "cohen-smart-city-wheel": {
        "en": "The Smart City Wheel is a model by Boyd Cohen (2012–2013) that describes a smart city in six "
              "components, each with three key drivers; in 2014 Cohen based a survey of 62 indicators on it. Kembar "
              "ships the six components, which the sources consulted confirm, and their 18 drivers, which are the "
              "labels of Cohen's original wheel but are only partly confirmed by secondary sources. The 62 survey "
              "indicators could not be found in any accessible source, so Kembar ships no indicators for this "
              "framework.",
        "id": "Roda Kota Cerdas (Smart City Wheel) adalah model yang disusun Boyd Cohen pada 2012–2013 untuk "
              "menggambarkan kota cerdas dalam enam komponen, masing-masing dengan tiga pendorong utama; pada 2014 "
              "model ini menjadi dasar survei Cohen dengan 62 indikator. Kembar memuat keenam komponen tersebut, yang "
              "telah dikonfirmasi oleh sumber-sumber yang dirujuk, beserta 18 pendorongnya, yang merupakan label pada "
              "roda asli Cohen tetapi baru sebagian dikonfirmasi oleh sumber sekunder. Ke-62 indikator survei itu "
              "tidak ditemukan dalam sumber yang dapat diakses sehingga Kembar tidak memuat indikator untuk kerangka "
              "ini.",
    },
    "giffinger-2007-european-smart-cities": {
        "en": "The European Smart Cities model was developed by Rudolf Giffinger and colleagues at TU Wien, the "
              "University of Ljubljana and TU Delft, who used it in 2007 to rank 70 medium-sized European cities. "
              "Kembar ships its six characteristics, checked against the final report, and its 33 factors, taken "
              "from a secondary list adapted from the report. The report's 74 indicators are not shipped, because "
              "they could not be checked against the report's annex.",
        "id": "Model Smart City Eropa dikembangkan oleh Rudolf Giffinger dan rekan-rekannya dari TU Wien, Universitas "
              "Ljubljana, dan TU Delft, yang menggunakannya pada 2007 untuk memeringkat 70 kota berukuran menengah di "
              "Eropa. Kembar memuat enam karakteristiknya, yang telah dicocokkan dengan laporan akhir, serta 33 "
              "faktornya, yang diambil dari daftar sekunder hasil adaptasi laporan tersebut. Ke-74 indikator dalam "
              "laporan itu tidak dimuat karena belum dapat dicocokkan dengan lampiran laporan.",
    },
    "id-kominfo-gerakan-menuju-100-smart-city": {
        "en": "Gerakan Menuju 100 Smart City (Movement towards 100 Smart Cities) is a programme of Indonesia's "
              "Ministry of Communication and Informatics (Kominfo), launched in 2017, that guides regencies and "
              "cities in drawing up a smart-city masterplan; its guidebook has 2017 and 2021 editions. Kembar ships "
              "its six dimensions, confirmed by several sources including statements by the minister, and three "
              "elements for each, which are known only from secondary sources because only the opening pages of the "
              "guidebook could be read. One element, the financial transaction ecosystem under Smart Economy, is not "
              "confirmed by any source, and as no official indicator list is public, Kembar ships no indicators.",
        "id": "Gerakan Menuju 100 Smart City adalah program Kementerian Komunikasi dan Informatika (Kominfo) yang "
              "dimulai pada 2017 untuk mendampingi kabupaten dan kota dalam menyusun masterplan smart city; buku "
              "panduannya terbit dalam edisi 2017 dan 2021. Kembar memuat enam dimensinya, yang telah dikonfirmasi "
              "oleh beberapa sumber, termasuk pernyataan Menteri Komunikasi dan Informatika, beserta tiga elemen "
              "pada setiap dimensi, yang hanya diketahui dari sumber sekunder karena hanya bagian awal buku panduan "
              "yang dapat dibaca. Satu elemen, yaitu ekosistem transaksi keuangan pada Smart Economy, belum "
              "dikonfirmasi oleh sumber mana pun, dan karena daftar indikator resminya tidak tersedia untuk umum, "
              "Kembar tidak memuat indikator.",
    },
    "amalia-2023-six-indicators": {
        "en": "Six smart-city indicators, each with two to four key aspects, that Dini Amalia, Nanda Nesya and "
              "Maulana Tyrta applied to Surabaya in a 2023 article, following the Citiasia Center for Smart Nation "
              "(CCSN). Kembar ships the six indicators and their 19 key aspects as Handayani & Zahidi (2024), the "
              "study of the Surabaya–Liverpool partnership, quote them, in that paper's Indonesian wording with "
              "English renderings. The 2023 article itself was not read, so everything here rests on that "
              "quotation.",
        "id": "Enam indikator smart city, masing-masing dengan dua sampai empat aspek kunci, yang diterapkan oleh Dini "
              "Amalia, Nanda Nesya, dan Maulana Tyrta pada Kota Surabaya dalam artikel tahun 2023 dengan mengacu "
              "pada Citiasia Center for Smart Nation (CCSN). Kembar memuat keenam indikator dan 19 aspek kuncinya "
              "sebagaimana dikutip oleh Handayani & Zahidi (2024) dalam kajian kerja sama Surabaya–Liverpool, "
              "dengan rumusan bahasa Indonesia sesuai kutipan tersebut. Artikel tahun 2023 itu sendiri belum dibaca "
              "sehingga seluruh isi kerangka ini hanya bersandar pada kutipan tersebut.",
    },
    "itu-u4ssc-kpis": {
        "en": "The U4SSC key performance indicators for smart sustainable cities were published in 2017 by United "
              "for Smart Sustainable Cities (U4SSC), an initiative of ITU and UNECE, based on ITU-T Recommendation "
              "Y.4903. Kembar ships the complete list of 91 indicators (54 core, 36 advanced and one whose type the "
              "sources disagree on), grouped by dimension, sub-dimension and category, and checked against two "
              "independent sources and ITU's pages. For most indicators the unit and which way is better are "
              "Kembar's reading of the definition, still to be checked against the U4SSC publication; each "
              "indicator says what is confirmed.",
        "id": "Indikator kinerja utama U4SSC untuk kota cerdas berkelanjutan diterbitkan pada 2017 oleh United for "
              "Smart Sustainable Cities (U4SSC), prakarsa ITU dan UNECE, berdasarkan Rekomendasi ITU-T Y.4903. "
              "Kembar memuat daftar lengkap 91 indikator (54 inti, 36 lanjutan, dan satu yang jenisnya berbeda "
              "antarsumber), yang dikelompokkan menurut dimensi, subdimensi, dan kategori serta telah dicocokkan "
              "dengan dua sumber independen dan halaman ITU. Untuk sebagian besar indikator, satuan dan arah nilai "
              "yang lebih baik merupakan tafsiran Kembar atas definisinya dan masih perlu dicocokkan dengan "
              "publikasi U4SSC; keterangan setiap indikator menjelaskan bagian yang sudah dikonfirmasi.",
    },
}

_KOMINFO_GUIDE = {
    "en": "Not confirmed in the Kominfo guidebook itself, of which only the opening pages could be read.",
    "id": "Belum dikonfirmasi dalam buku panduan Kominfo, yang hanya dapat dibaca bagian awalnya.",
}


def _kominfo(en, id_):
    """A Kominfo element's sources, followed by the note that the guidebook itself could not confirm it."""
    return {"en": f"{en} {_KOMINFO_GUIDE['en']}", "id": f"{id_} {_KOMINFO_GUIDE['id']}"}


# Where a node comes from and how well it is confirmed, keyed by framework and by the node's provenance (the
# researchers' note). U4SSC KPIs are not here: theirs is generated by kpi_about from the research file's fields.
NODE_ABOUT = {
    "cohen-smart-city-wheel": {
        "Indonesian gloss used in Indonesian secondary literature, not an official translation": {
            "en": "One of the six components of Cohen's Smart City Wheel, confirmed by the sources consulted. Its "
                  "Indonesian name is the one used in Indonesian writing on the wheel, not an official translation.",
            "id": "Salah satu dari enam komponen Roda Kota Cerdas Cohen, yang telah dikonfirmasi oleh sumber-sumber "
                  "yang dirujuk. Nama dalam bahasa Indonesia mengikuti istilah yang lazim dalam literatur berbahasa "
                  "Indonesia, bukan terjemahan resmi.",
        },
        "original wheel driver label, corroborated in part by secondary sources": {
            "en": "One of the three key drivers of this component, as labelled on Cohen's original wheel. Secondary "
                  "sources confirm it only in part.",
            "id": "Salah satu dari tiga pendorong utama komponen ini, sesuai label pada roda asli Cohen. Sumber "
                  "sekunder baru mengonfirmasinya sebagian.",
        },
    },
    "giffinger-2007-european-smart-cities": {
        "theory: Competitiveness": {
            "en": "One of the six characteristics of the European Smart Cities model, checked against the 2007 final "
                  "report. The report links it to theories of competitiveness.",
            "id": "Salah satu dari enam karakteristik Model Smart City Eropa, yang telah dicocokkan dengan laporan "
                  "akhir 2007. Laporan tersebut mengaitkannya dengan teori daya saing.",
        },
        "theory: Social and Human Capital": {
            "en": "One of the six characteristics of the European Smart Cities model, checked against the 2007 final "
                  "report. The report links it to theories of social and human capital.",
            "id": "Salah satu dari enam karakteristik Model Smart City Eropa, yang telah dicocokkan dengan laporan "
                  "akhir 2007. Laporan tersebut mengaitkannya dengan teori modal sosial dan modal manusia.",
        },
        "theory: Participation": {
            "en": "One of the six characteristics of the European Smart Cities model, checked against the 2007 final "
                  "report. The report links it to theories of participation.",
            "id": "Salah satu dari enam karakteristik Model Smart City Eropa, yang telah dicocokkan dengan laporan "
                  "akhir 2007. Laporan tersebut mengaitkannya dengan teori partisipasi.",
        },
        "theory: Transport and ICT": {
            "en": "One of the six characteristics of the European Smart Cities model, checked against the 2007 final "
                  "report. The report links it to theories of transport and ICT.",
            "id": "Salah satu dari enam karakteristik Model Smart City Eropa, yang telah dicocokkan dengan laporan "
                  "akhir 2007. Laporan tersebut mengaitkannya dengan teori transportasi dan TIK.",
        },
        "theory: Natural resources": {
            "en": "One of the six characteristics of the European Smart Cities model, checked against the 2007 final "
                  "report. The report links it to theories of natural resources.",
            "id": "Salah satu dari enam karakteristik Model Smart City Eropa, yang telah dicocokkan dengan laporan "
                  "akhir 2007. Laporan tersebut mengaitkannya dengan teori sumber daya alam.",
        },
        "theory: Quality of life": {
            "en": "One of the six characteristics of the European Smart Cities model, checked against the 2007 final "
                  "report. The report links it to theories of quality of life.",
            "id": "Salah satu dari enam karakteristik Model Smart City Eropa, yang telah dicocokkan dengan laporan "
                  "akhir 2007. Laporan tersebut mengaitkannya dengan teori kualitas hidup.",
        },
        "factor from an adapted secondary list": {
            "en": "One of the factors of this characteristic, taken from a list on verbish.com adapted from the 2007 "
                  "report. It has not been checked against the report itself.",
            "id": "Salah satu faktor dari karakteristik ini, diambil dari daftar di verbish.com yang diadaptasi dari "
                  "laporan 2007. Faktor ini belum dicocokkan dengan laporan aslinya.",
        },
    },
    "id-kominfo-gerakan-menuju-100-smart-city": {
        "binus.ac.id: '(1) Public services; (2) Efficient bureaucratic management; (3) Efficiency of public "
        "policy'; ICOSAG: emphasis on public services": _kominfo(
            "Described as such by binus.ac.id, which names public services, efficient bureaucratic management and "
            "efficient public policy as the elements of smart governance, and by an ICOSAG 2022 paper, which "
            "stresses public services.",
            "Disebutkan demikian oleh binus.ac.id, yang menyebut pelayanan publik, manajemen birokrasi yang efisien, "
            "dan efisiensi kebijakan publik sebagai elemen smart governance, serta oleh makalah ICOSAG 2022, yang "
            "menekankan pelayanan publik."),
        "binus.ac.id": _kominfo(
            "Described as such by binus.ac.id.",
            "Disebutkan demikian oleh binus.ac.id."),
        "jurnal.kemendagri.go.id (Blora): 'tourism branding, business branding, and city appearance branding'":
            _kominfo(
                "Described as such in a journal article on jurnal.kemendagri.go.id about Blora, which names tourism "
                "branding, business branding and city appearance branding.",
                "Disebutkan demikian dalam artikel jurnal di jurnal.kemendagri.go.id tentang Blora, yang menyebut "
                "branding pariwisata, branding bisnis, dan branding penampilan kota."),
        "jurnal.kemendagri.go.id": _kominfo(
            "Described as such in a journal article on jurnal.kemendagri.go.id.",
            "Disebutkan demikian dalam artikel jurnal di jurnal.kemendagri.go.id."),
        "jurnal.kemendagri.go.id; ICOSAG: 'structuring the face of the city'": _kominfo(
            "Described as such in a journal article on jurnal.kemendagri.go.id and in an ICOSAG 2022 paper, which "
            "speaks of structuring the face of the city.",
            "Disebutkan demikian dalam artikel jurnal di jurnal.kemendagri.go.id dan dalam makalah ICOSAG 2022, yang "
            "menyebut penataan wajah kota."),
        "The ICOSAG 2022 abstract mentions industrial development; the exact label is not confirmed by a source.": {
            "en": "The abstract of an ICOSAG 2022 paper mentions industrial development, but no source consulted "
                  "confirms the exact name of this element.",
            "id": "Abstrak makalah ICOSAG 2022 menyebut pengembangan industri, tetapi nama persis elemen ini belum "
                  "dikonfirmasi oleh sumber mana pun yang dirujuk.",
        },
        "ICOSAG 2022: 'more towards improving people's welfare'": _kominfo(
            "Described as such in an ICOSAG 2022 paper, which says smart economy is aimed more at improving people's "
            "welfare.",
            "Disebutkan demikian dalam makalah ICOSAG 2022, yang menyatakan bahwa smart economy lebih diarahkan pada "
            "peningkatan kesejahteraan rakyat."),
        "Not confirmed by any source consulted; label as commonly given for the Kominfo guide.": {
            "en": "No source consulted confirms this element. It is listed under the name commonly given for it in "
                  "the Kominfo guidebook, written from memory rather than from a document.",
            "id": "Elemen ini belum dikonfirmasi oleh sumber mana pun yang dirujuk. Namanya dicantumkan sebagaimana "
                  "lazim disebut untuk buku panduan Kominfo, berdasarkan ingatan dan bukan dari dokumen.",
        },
        "pejuangmuda.com (Mataram): 'harmony, health, mobility'; ICOSAG: 'harmonizing a comfortable environment'":
            _kominfo(
                "Described as such by pejuangmuda.com, writing about Mataram, which names harmony, health and "
                "mobility as the elements of smart living, and by an ICOSAG 2022 paper, which speaks of "
                "harmonizing a comfortable environment.",
                "Disebutkan demikian oleh pejuangmuda.com dalam tulisan tentang Mataram, yang menyebut harmoni, "
                "kesehatan, dan mobilitas sebagai elemen smart living, serta oleh makalah ICOSAG 2022, yang menyebut "
                "penyelarasan lingkungan yang nyaman."),
        "pejuangmuda.com; ICOSAG": _kominfo(
            "Described as such by pejuangmuda.com and an ICOSAG 2022 paper.",
            "Disebutkan demikian oleh pejuangmuda.com dan makalah ICOSAG 2022."),
        "binus.ac.id; 123dok slides citing CCSN": _kominfo(
            "Described as such by binus.ac.id and by presentation slides on 123dok that cite the Citiasia Center for "
            "Smart Nation (CCSN).",
            "Disebutkan demikian oleh binus.ac.id dan oleh bahan presentasi di 123dok yang mengutip Citiasia Center "
            "for Smart Nation (CCSN)."),
        "smartnation.id (Citiasia); binus.ac.id": _kominfo(
            "Described as such by smartnation.id (Citiasia) and binus.ac.id.",
            "Disebutkan demikian oleh smartnation.id (Citiasia) dan binus.ac.id."),
        "smartnation.id; binus.ac.id": _kominfo(
            "Described as such by smartnation.id and binus.ac.id.",
            "Disebutkan demikian oleh smartnation.id dan binus.ac.id."),
    },
    "amalia-2023-six-indicators": {
        "as quoted in Handayani & Zahidi 2024; the primary source was not read": {
            "en": "One of the six indicators as quoted in Handayani & Zahidi (2024). The original 2023 article by "
                  "Amalia et al. was not read.",
            "id": "Salah satu dari enam indikator sebagaimana dikutip dalam Handayani & Zahidi (2024). Artikel asli "
                  "Amalia dkk. (2023) belum dibaca.",
        },
        "key aspect as quoted in Handayani & Zahidi 2024": {
            "en": "A key aspect of this indicator as quoted in Handayani & Zahidi (2024), not checked against the "
                  "original 2023 article.",
            "id": "Aspek kunci indikator ini sebagaimana dikutip dalam Handayani & Zahidi (2024); belum dicocokkan "
                  "dengan artikel aslinya (2023).",
        },
    },
    "itu-u4ssc-kpis": {
        "U4SSC category": {
            "en": "A category of U4SSC key performance indicators, as the complete U4SSC list gives it.",
            "id": "Kategori indikator kinerja utama U4SSC, sesuai daftar lengkap U4SSC.",
        },
    },
}

# The U4SSC KPIs' notes in the research file, in plain words; None for a note the generated text already says.
KPI_NOTES = {
    "unit/direction editorial - check flipbook": None,
    "Core/advanced disputed: 'EC: ICT: ICT: 5C' in source A, '5A' in Arkitektum U4SSC.ttl; flipbook page not "
    "retrieved": {
        "en": "One source gives its code as EC: ICT: ICT: 5C (core), Arkitektum's U4SSC data file as 5A (advanced); "
              "the ITU page that would settle it was not retrieved.",
        "id": "Satu sumber mencantumkan kodenya sebagai EC: ICT: ICT: 5C (inti), sedangkan berkas data U4SSC dari "
              "Arkitektum mencantumkan 5A (lanjutan); halaman ITU yang dapat memastikannya belum diperoleh.",
    },
    "Arkitektum U4SSC.ttl gives '3C' (duplicate of Freshwater Consumption) - treated as a transcription error": {
        "en": "Arkitektum's U4SSC data file gives it the code 3C, which belongs to Freshwater Consumption; Kembar "
              "treats this as a copying error.",
        "id": "Berkas data U4SSC dari Arkitektum memberinya kode 3C, yang merupakan kode Konsumsi Air Tawar; Kembar "
              "menganggapnya sebagai kesalahan penyalinan.",
    },
    "Official code uses ED although category is Health (ITU flipbook p.101); Arkitektum relabels it 'SC: EH: H: "
    "6A'": {
        "en": "Its official code uses ED (education) although it belongs to the Health category (ITU publication, "
              "p. 101); Arkitektum's U4SSC data file renames it SC: EH: H: 6A.",
        "id": "Kode resminya memakai ED (pendidikan) meskipun indikator ini termasuk kategori Kesehatan (publikasi "
              "ITU, hlm. 101); berkas data U4SSC dari Arkitektum menamainya ulang menjadi SC: EH: H: 6A.",
    },
    "mixed: depends on component (e.g. mode share, treatment method)": {
        "en": "Kembar does not say which way is better for it, because that depends on the component measured.",
        "id": "Kembar tidak menetapkan arah nilai yang lebih baik untuk indikator ini karena hal itu bergantung pada "
              "komponen yang diukur.",
    },
}

# The units of U4SSC KPIs in Indonesian, keyed by the unit as the research file gives it. Symbols, numbers and
# their grouping are kept as in the source (%, 100 000, kWh, m2, ug/m3); words follow BPS usage.
UNIT_NAMES = {
    "%": "%",
    "% (reported separately for 3G and 4G)": "% (dilaporkan terpisah untuk 3G dan 4G)",
    "% and number of inventoried open datasets published":
        "% dan jumlah dataset terbuka yang telah diinventarisasi dan dipublikasikan",
    "% compliance with EMF exposure guidelines": "% kepatuhan terhadap pedoman paparan medan elektromagnetik (EMF)",
    "% of GDP": "% terhadap PDB",
    "% of city GDP": "% terhadap PDRB kota",
    "% of city area": "% luas wilayah kota",
    "% of city inhabitants with electronic health records": "% penduduk kota yang memiliki rekam medis elektronik",
    "% of eligible voters": "% penduduk yang memiliki hak pilih",
    "% of food supply produced locally": "% pasokan pangan yang diproduksi di wilayah setempat",
    "% of household income": "% pendapatan rumah tangga",
    "% of households": "% rumah tangga",
    "% of households covered by an audited Water Safety Plan":
        "% rumah tangga yang tercakup dalam Rencana Pengamanan Air Minum (RPAM) yang telah diaudit",
    "% of inhabitants": "% penduduk",
    "% of inhabitants below poverty line": "% penduduk di bawah garis kemiskinan",
    "% of major streets monitored by ICT": "% ruas jalan utama yang dipantau dengan TIK",
    "% of municipal budget": "% anggaran pemerintah kota",
    "% of population": "% penduduk",
    "% of population exposed to excessive noise": "% penduduk yang terpapar kebisingan berlebih",
    "% of population near a stop": "% penduduk yang tinggal di dekat halte angkutan umum",
    "% of public buildings certified": "% bangunan gedung publik yang tersertifikasi",
    "% of registered passenger vehicles": "% kendaraan penumpang terdaftar",
    "% of signal-controlled intersections with adaptive control":
        "% simpang bersinyal yang menggunakan pengendalian adaptif",
    "% of solid waste by treatment method": "% sampah padat menurut metode pengolahan",
    "% of total energy consumption": "% terhadap total konsumsi energi",
    "% of trips by mode": "% perjalanan menurut moda",
    "% of wastewater by treatment level": "% air limbah menurut tingkat pengolahan",
    "0-1": "0-1",
    "GJ per capita per year": "GJ per kapita per tahun",
    "annual mean concentration, ug/m3, per pollutant": "konsentrasi rata-rata tahunan, ug/m3, per zat pencemar",
    "deaths per 100 000 live births": "kematian per 100 000 kelahiran hidup",
    "existence of plans (yes/no per component)": "keberadaan rencana (ya/tidak per komponen)",
    "facilities per 100 000 inhabitants": "fasilitas per 100 000 penduduk",
    "firefighters per 100 000 inhabitants": "petugas pemadam kebakaran per 100 000 penduduk",
    "hectares per 100 000 inhabitants": "hektare per 100 000 penduduk",
    "hours per customer per year (SAIDI-type)": "jam per pelanggan per tahun (sejenis SAIDI)",
    "interruptions per customer per year (SAIFI-type)": "kali gangguan per pelanggan per tahun (sejenis SAIFI)",
    "kWh per capita per year": "kWh per kapita per tahun",
    "kWh per m2 per year": "kWh per m2 per tahun",
    "km per 100 000 inhabitants": "km per 100 000 penduduk",
    "litres per capita per day": "liter per kapita per hari",
    "m2 per capita": "m2 per kapita",
    "minutes": "menit",
    "number of public Wi-Fi hotspots (Karmoy report shows a count)":
        "jumlah titik akses Wi-Fi publik (laporan Karmoy menyajikannya sebagai jumlah)",
    "number of public services delivered online (unverified)":
        "jumlah layanan publik yang diselenggarakan secara daring (belum diverifikasi)",
    "officers per 100 000 inhabitants": "anggota polisi per 100 000 penduduk",
    "per 100 000 inhabitants": "per 100 000 penduduk",
    "ratio (closer to 1 = more equal)": "rasio (makin mendekati 1 = makin setara)",
    "ratio peak / free-flow travel time": "rasio waktu tempuh jam sibuk / waktu tempuh arus bebas",
    "see methodology (freshwater withdrawal measure)": "lihat metodologi (ukuran pengambilan air tawar)",
    "subscriptions per 100 000 inhabitants": "langganan per 100 000 penduduk",
    "t CO2-eq per capita": "t CO2-eq per kapita",
    "years": "tahun",
    "yes/no": "ya/tidak",
}

# The U4SSC KPI fields the research file can list as verified, in the order the text names them.
KPI_FIELDS = {
    "category": ("category", "kategori"),
    "code": ("code", "kode"),
    "definition": ("definition", "definisi"),
    "type": ("type", "jenis"),
    "unit": ("unit", "satuan"),
    "direction": ("which way is better", "arah nilai yang lebih baik"),
}


def name_in_indonesian(framework_id, nodes, names):
    """Gives every node an Indonesian name: the source's when it has one, else Kembar's, marked as translated."""
    for n in nodes:
        if n["name"].get("id"):
            if n["id"] in names:
                sys.exit(f"{framework_id} {n['id']}: the source names it {n['name']['id']!r}; "
                         "drop Kembar's translation from INDONESIAN_NAMES")
        elif n["id"] in names:
            n["name"]["id"] = names.pop(n["id"])
            n["translated"] = ["id"]
        else:
            sys.exit(f"{framework_id} {n['id']} ({n['name'].get('en')}): no Indonesian name; add one to "
                     "INDONESIAN_NAMES")
        name_in_indonesian(framework_id, n.get("children", []), names)


def listed(items, language):
    """`a`, `a and b`, `a, b and c`; in Indonesian `a, b, dan c`."""
    if len(items) < 2:
        return "".join(items)
    if language == "en":
        return ", ".join(items[:-1]) + " and " + items[-1]
    return ", ".join(items[:-1]) + ("," if len(items) > 2 else "") + " dan " + items[-1]


def kpi_about(k):
    """Where a U4SSC KPI comes from and what of it is confirmed, from the research file's fields."""
    code = k["id"]
    kind = k.get("type", "")
    if kind == "core":
        kind_en, kind_id = "core", "inti"
    elif kind == "advanced":
        kind_en, kind_id = "advanced", "lanjutan"
    elif kind.startswith("disputed"):
        kind_en = "core or advanced: the sources disagree"
        kind_id = "inti atau lanjutan; sumber-sumbernya tidak sepakat"
    else:
        sys.exit(f"itu-u4ssc-kpis {code}: unknown type {kind!r}; word it in kpi_about")
    en = f"U4SSC key performance indicator {code} ({kind_en})"
    id_ = f"Indikator kinerja utama U4SSC {code} ({kind_id})"
    goals = [str(g) for g in k.get("sdg_goals", [])]
    if goals:
        en += f", linked to SDG{'s' if len(goals) > 1 else ''} {listed(goals, 'en')}"
        id_ += f", terkait TPB {listed(goals, 'id')}"
    en, id_ = en + ".", id_ + "."

    checked = set(k.get("verified_fields", []))
    from_report = "unit_from_verification_report" in checked
    checked.discard("unit_from_verification_report")
    if checked - KPI_FIELDS.keys():
        sys.exit(f"itu-u4ssc-kpis {code}: verified fields {sorted(checked - KPI_FIELDS.keys())} have no words in "
                 "KPI_FIELDS")
    if checked:
        fields = [words for field, words in KPI_FIELDS.items() if field in checked]
        en += f" ITU's page for this indicator confirms its {listed([w[0] for w in fields], 'en')}"
        id_ += f" Halaman ITU untuk indikator ini mengonfirmasi {listed([w[1] for w in fields], 'id')}"
    elif kind.startswith("disputed"):
        en += " The complete U4SSC list confirms its name"
        id_ += " Daftar lengkap U4SSC mengonfirmasi namanya"
    else:
        en += " The complete U4SSC list confirms its name and code"
        id_ += " Daftar lengkap U4SSC mengonfirmasi nama dan kodenya"
    if from_report:
        en += ", and a U4SSC verification report confirms its unit"
        id_ += ", sedangkan satuannya dikonfirmasi oleh laporan verifikasi U4SSC"
    unit_open = k.get("unit") and "unit" not in checked and not from_report
    direction_open = k.get("direction") and "direction" not in checked
    reading_en = "Kembar's reading of the definition, still to be checked against the U4SSC publication"
    reading_id = "tafsiran Kembar atas definisinya dan masih perlu dicocokkan dengan publikasi U4SSC"
    if unit_open and direction_open:
        en += f"; its unit and which way is better are {reading_en}"
        id_ += f"; satuan dan arah nilai yang lebih baik merupakan {reading_id}"
    elif unit_open:
        en += f"; its unit is {reading_en}"
        id_ += f"; satuannya merupakan {reading_id}"
    elif direction_open:
        en += f"; which way is better is {reading_en}"
        id_ += f"; arah nilai yang lebih baik merupakan {reading_id}"
    en, id_ = en + ".", id_ + "."

    for key in ("note", "direction_note"):
        note = k.get(key)
        if not note:
            continue
        if note not in KPI_NOTES:
            sys.exit(f"itu-u4ssc-kpis {code}: the note {note!r} has no words in KPI_NOTES")
        used_notes.add(note)
        if KPI_NOTES[note] is None:
            if checked & {"unit", "direction"}:
                sys.exit(f"itu-u4ssc-kpis {code}: the note {note!r} contradicts the verified fields")
            continue
        en += " " + KPI_NOTES[note]["en"]
        id_ += " " + KPI_NOTES[note]["id"]
    return {"en": en, "id": id_}


def bilingual(value, where):
    """`value` when it has non-blank English and Indonesian; else stop, naming `where`."""
    if not isinstance(value, dict) or not all(isinstance(value.get(l), str) and value[l].strip()
                                              for l in ("en", "id")):
        sys.exit(f"{where}: needs text in both English and Indonesian")
    return {"en": value["en"], "id": value["id"]}


def explain(framework_id, nodes, texts, used):
    """Gives every node with a provenance its `about` (from NODE_ABOUT unless generated already), and every node
    with a unit its `unitName`; stops when one is missing."""
    for n in nodes:
        if n.get("provenance"):
            if "about" not in n:
                if n["provenance"] not in texts:
                    sys.exit(f"{framework_id} {n['id']}: no about text for the provenance {n['provenance']!r}; "
                             "add one to NODE_ABOUT")
                n["about"] = texts[n["provenance"]]
                used.add(n["provenance"])
            n["about"] = bilingual(n["about"], f"{framework_id} {n['id']} about")
        elif "about" in n:
            sys.exit(f"{framework_id} {n['id']}: about text for a node without a provenance")
        if n.get("unit"):
            if n["unit"] not in UNIT_NAMES:
                sys.exit(f"{framework_id} {n['id']}: the unit {n['unit']!r} has no Indonesian; add it to UNIT_NAMES")
            n["unitName"] = bilingual({"en": n["unit"], "id": UNIT_NAMES[n["unit"]]},
                                      f"{framework_id} {n['id']} unit")
            used_units.add(n["unit"])
        explain(framework_id, n.get("children", []), texts, used)


used_units, used_notes = set(), set()


def verification(value, default="secondary"):
    return {True: "verified", False: "recalled", "partial": "partial", "secondary": "secondary",
            None: default}.get(value, default)


def text(en, id_=None):
    out = {}
    if en:
        out["en"] = en
    if id_:
        out["id"] = id_
    return out


def node(id_, level, name, verification_, provenance=None, children=None, unit=None, direction=None, about=None):
    n = {"id": id_, "level": level, "name": name, "verification": verification_}
    if unit:
        n["unit"] = unit
    if direction:
        n["direction"] = direction.replace("_", "-")
    if provenance:
        n["provenance"] = provenance
    if about:
        n["about"] = about
    if children:
        n["children"] = children
    return n


def framework(id_, name, verification_, dims, authors=None, year=None):
    f = by_id[id_]
    out = {"id": id_, "name": name, "verification": verification_, "status": f["status"],
           "references": f.get("sources") or [f["source"]], "dimensions": dims}
    if f.get("version"):
        out["version"] = f["version"]
    if authors:
        out["authors"] = authors
    if year or f.get("year"):
        out["year"] = year or f["year"]
    return out


frameworks = []

# Cohen: six components (verified) and three drivers each (partial); the example indicators are editorial: dropped.
f = by_id["cohen-smart-city-wheel"]
frameworks.append(framework(
    "cohen-smart-city-wheel", text("Smart City Wheel (Boyd Cohen)", "Roda Kota Cerdas (Boyd Cohen)"), "partial",
    [node(d["id"], "dimension", text(d["name_en"], (d.get("name_id") or "").split(" (")[0] or None), "verified",
          d.get("name_id_note"),
          [node(s["id"], "subdimension", text(s["name_en"], s.get("name_id")), verification(s.get("verified")),
                "original wheel driver label, corroborated in part by secondary sources")
           for s in d["subdimensions"]])
     for d in f["dimensions"]], authors="Boyd Cohen"))

# Giffinger et al. 2007: characteristics verified, factors from a secondary list; the 74 indicators were
# transcribed from recollection and are not shipped.
f = by_id["giffinger-2007-european-smart-cities"]
frameworks.append(framework(
    "giffinger-2007-european-smart-cities",
    text("European Smart Cities model (Giffinger et al. 2007)", "Model Smart City Eropa (Giffinger dkk. 2007)"),
    "partial",
    [node(d["id"], "dimension", text(d["name_en"], d.get("name_id")), verification(d.get("verified")),
          d.get("theory_en") and f"theory: {d['theory_en']}",
          [node(s["id"], "subdimension", text(s["name_en"], s.get("name_id")), verification(s.get("verified")),
                "factor from an adapted secondary list")
           for s in d["subdimensions"]])
     for d in f["dimensions"]], authors="Rudolf Giffinger et al."))

# Kominfo: six dimensions (verified) and three elements each (secondary; one recalled).
f = by_id["id-kominfo-gerakan-menuju-100-smart-city"]
frameworks.append(framework(
    "id-kominfo-gerakan-menuju-100-smart-city",
    text("Gerakan Menuju 100 Smart City (Kominfo)", "Gerakan Menuju 100 Smart City (Kominfo)"), "partial",
    [node(d["id"], "dimension", text(d["name_en"], d.get("name_id")), verification(d.get("verified")), None,
          [node(s["id"], "subdimension", text(s["name_en"], s.get("name_id")), verification(s.get("verified")),
                s.get("source_note") or ("from recollection" if s.get("verified") is False else None))
           for s in d["subdimensions"]])
     for d in f["dimensions"]], authors="Kementerian Komunikasi dan Informatika RI"))

# The six indicators and key aspects as the founding paper gives them (Amalia et al. 2023 / CCSN).
f = by_id["amalia-2023-six-indicators"]
frameworks.append(framework(
    "amalia-2023-six-indicators",
    text("Six smart-city indicators (Amalia et al. 2023, after CCSN)",
         "Enam indikator smart city (Amalia dkk. 2023, menurut CCSN)"), "secondary",
    [node(d["id"], "dimension", text(d["name_en"], d.get("name_id")), "secondary",
          "as quoted in Handayani & Zahidi 2024; the primary source was not read",
          [node(s["id"], "subdimension", text(s["name_en"], s.get("name_id")), "secondary",
                "key aspect as quoted in Handayani & Zahidi 2024")
           for s in d["subdimensions"]])
     for d in f["dimensions"]], authors="Dini Amalia, Nanda Nesya, Maulana Tyrta", year=2023))

# U4SSC: the complete list of 91 KPIs. U4SSC has four levels; its sub-dimensions and categories both become
# sub-dimension nodes here.
f = by_id["itu-u4ssc-kpis"]
dims = []
for d in f["dimensions"]:
    subs = {}
    for cat in d["subdimensions"]:
        sub_name = cat["u4ssc_subdimension"]
        sub_id = cat["id"].rsplit(":", 1)[0]
        if sub_id not in subs:
            subs[sub_id] = node(sub_id, "subdimension", text(sub_name),
                                "verified" if cat.get("u4ssc_subdimension_verified") else "secondary")
            subs[sub_id]["children"] = []
        kpis = []
        for k in cat["indicators"]:
            disputed = "disputed" in k.get("type", "")
            checked = k.get("verified_fields", [])
            notes = [f"KPI {k['id']} ({k.get('type')})"]
            notes.append("verified fields: " + (", ".join(checked) if checked else "none beyond the KPI list"))
            if "direction" not in checked:
                notes.append("direction editorial")
            if k.get("note"):
                notes.append(k["note"])
            if k.get("direction_note"):
                notes.append(k["direction_note"])
            if k.get("sdg_goals"):
                notes.append("SDGs " + ", ".join(str(g) for g in k["sdg_goals"]))
            kpis.append(node(k["id"].replace(" ", ""), "indicator", text(k["name_en"]),
                             "disputed" if disputed else "verified", "; ".join(notes), None, k.get("unit"),
                             k.get("direction"), kpi_about(k)))
        subs[sub_id]["children"].append(node(cat["id"], "subdimension", text(cat["name_en"]), "verified",
                                             "U4SSC category", kpis))
    dims.append(node(d["id"], "dimension", text(d["name_en"], d.get("name_id")), "verified", None,
                     list(subs.values())))
frameworks.append(framework("itu-u4ssc-kpis", text("U4SSC Key Performance Indicators for Smart Sustainable Cities"),
                            "verified", dims, authors="ITU / UNECE (U4SSC)"))

for f in frameworks:
    unused = dict(INDONESIAN_NAMES.get(f["id"], {}))
    name_in_indonesian(f["id"], f["dimensions"], unused)
    if unused:
        sys.exit(f"{f['id']}: INDONESIAN_NAMES has ids the framework does not: {', '.join(sorted(unused))}")
    if f["id"] not in FRAMEWORK_ABOUT:
        sys.exit(f"{f['id']}: no about text; add one to FRAMEWORK_ABOUT")
    f["about"] = bilingual(FRAMEWORK_ABOUT[f["id"]], f"{f['id']} about")
    texts, used = NODE_ABOUT.get(f["id"], {}), set()
    explain(f["id"], f["dimensions"], texts, used)
    if texts.keys() - used:
        sys.exit(f"{f['id']}: NODE_ABOUT has provenances no node has: {', '.join(sorted(texts.keys() - used))}")
for table, unused in (("FRAMEWORK_ABOUT", FRAMEWORK_ABOUT.keys() - {f["id"] for f in frameworks}),
                      ("NODE_ABOUT", NODE_ABOUT.keys() - {f["id"] for f in frameworks}),
                      ("UNIT_NAMES", UNIT_NAMES.keys() - used_units), ("KPI_NOTES", KPI_NOTES.keys() - used_notes)):
    if unused:
        sys.exit(f"{table} has entries nothing uses: {', '.join(sorted(unused))}")

# Crosswalks between the six-dimension frameworks. Sourced: the South Tangerang study (Giffinger factors filed
# under Kominfo dimensions). Ours: dimension-to-dimension correspondences by name and content.
crosswalks = []
for c in ref["crosswalks"]:
    if c["id"] == "giffinger-economy-to-kominfo-tangsel":
        crosswalks.append({"id": c["id"], "from": c["from"], "to": c["to"], "sourced": True,
                           "statement": c["statement"], "reference": c["source"],
                           "pairs": [{"from": a.split(" ")[0], "to": b} for a, b in c["pairs"]]})

ours = {
    ("amalia-2023-six-indicators", "cohen-smart-city-wheel"): [
        ("government", "government"), ("people", "people"), ("economy", "economy"), ("living", "living"),
        ("mobility", "mobility"), ("environment", "environment")],
    ("cohen-smart-city-wheel", "id-kominfo-gerakan-menuju-100-smart-city"): [
        ("government", "governance"), ("people", "society"), ("economy", "economy"), ("living", "living"),
        ("mobility", "living.mobility"), ("environment", "environment")],
    ("cohen-smart-city-wheel", "giffinger-2007-european-smart-cities"): [
        ("government", "governance"), ("people", "people"), ("economy", "economy"), ("living", "living"),
        ("mobility", "mobility"), ("environment", "environment")],
}
short = {"amalia-2023-six-indicators": "amalia", "cohen-smart-city-wheel": "cohen",
         "id-kominfo-gerakan-menuju-100-smart-city": "kominfo", "giffinger-2007-european-smart-cities": "giffinger"}
for (a, b), pairs in ours.items():
    for src, dst, ps in ((a, b, pairs), (b, a, [(y, x) for x, y in pairs])):
        crosswalks.append({
            "id": f"kembar-{short[src]}-to-{short[dst]}", "from": src, "to": dst, "sourced": False,
            "statement": "Kembar's own correspondence of dimensions with the same name and content; "
                         "not stated by either framework's authors.",
            "pairs": [{"from": x, "to": y} for x, y in ps]})

out = {"format": "kembar-dataset", "version": 1, "frameworks": frameworks, "crosswalks": crosswalks}
target.write_text(json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
print(f"wrote {target}: {len(frameworks)} frameworks, {len(crosswalks)} crosswalks, "
      f"{sum(len(json.dumps(f)) for f in frameworks)} bytes of nodes")
