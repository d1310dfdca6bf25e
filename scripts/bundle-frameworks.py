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


def node(id_, level, name, verification_, provenance=None, children=None, unit=None, direction=None):
    n = {"id": id_, "level": level, "name": name, "verification": verification_}
    if unit:
        n["unit"] = unit
    if direction:
        n["direction"] = direction.replace("_", "-")
    if provenance:
        n["provenance"] = provenance
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
                             k.get("direction")))
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
