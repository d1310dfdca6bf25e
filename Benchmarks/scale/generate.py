#!/usr/bin/env python3
"""Writes N generated activities (with their agreements, milestones, organisations and one source) on top of a
database that holds the world's twinning links, for the national/world-scale benchmark in run.sh.

    python3 Benchmarks/scale/generate.py EXPORT.json N OUTDIR [--seed 2026] [--chunk 25000]

EXPORT.json is `kembar export` of a database holding the world links (docs/CSV.md, "Lists of twinning links"); N is
the number of activities (5000, 50000, 500000). The first N/20 partnerships in key order (all of them when the
export has fewer) each get one MoU, 1-3 milestones and about 20 activities; the first partnership in key order gets
exactly 100 activities. Written to OUTDIR:

    scale-001.json …       Kembar datasets (format kembar-dataset, version 2), at most --chunk activities each, every
                           partnership whole in one file, so each `kembar import` is one bounded transaction
    activities.csv         the same activities, one row per activity in the activities CSV of docs/CSV.md (the
                           ceiling's plain-table bulk load reads it; `kembar import` reads it too)
    manifest.json          counts, file names and the keys run.sh requests (the 100-activity partnership, …)

Deterministic: the same export, N and seed give the same bytes. Python 3 standard library only; memory stays bounded
by one chunk (plus the parsed export). The key of the 100-activity partnership is printed on standard output.
"""
import argparse
import csv
import datetime
import json
import os
import random
import sys

SOURCE_KEY = "gen-scale-benchmark"
REFERENCE_DAY = datetime.date(2026, 12, 1)  # "today" for status plausibility; fixed so output never depends on the clock
FIRST_YEAR, LAST_YEAR = 1990, 2024  # agreements are signed in these years; activities run to 2026
FIELDS = ["smart-city", "creative-economy", "port-management", "hr-development"]  # bundled (founding.json)
FIELD_NAMES = {"smart-city": ("smart-city development", "kota cerdas"), "creative-economy": ("the creative economy", "ekonomi kreatif"),
               "port-management": ("port management", "manajemen pelabuhan"),
               "hr-development": ("human-resource development", "pengembangan SDM")}
FRAMEWORK = "cohen-smart-city-wheel"  # bundled (frameworks.json); its node ids below

# Topics: English, Indonesian, fields, Cohen nodes, infrastructure.
TOPICS = [
    ("waste management", "pengelolaan sampah", ["smart-city"], ["environment", "environment.green-urban-planning"], "hard"),
    ("port logistics", "logistik pelabuhan", ["port-management"], ["economy.local-global-interconnectedness"], "hard"),
    ("harbour safety", "keselamatan pelabuhan", ["port-management"], ["living.safe"], "soft"),
    ("youth football", "sepak bola usia muda", ["hr-development"], ["people", "living.healthy"], "soft"),
    ("inclusive education", "pendidikan inklusif", ["hr-development"], ["people.inclusive-society"], "soft"),
    ("e-government services", "layanan pemerintahan elektronik", ["smart-city"], ["government.ict-egov"], "hard"),
    ("open data", "data terbuka", ["smart-city"], ["government.transparency-open-data"], "hard"),
    ("public transport", "transportasi publik", ["smart-city"], ["mobility.mixed-modal-access"], "hard"),
    ("cycling and walking", "bersepeda dan berjalan kaki", ["smart-city"], ["mobility.clean-non-motorized"], "soft"),
    ("traffic control", "pengendalian lalu lintas", ["smart-city"], ["mobility.integrated-ict"], "hard"),
    ("renewable energy", "energi terbarukan", ["smart-city"], ["environment.green-energy"], "hard"),
    ("green buildings", "bangunan hijau", ["smart-city"], ["environment.green-buildings"], "hard"),
    ("creative industries", "industri kreatif", ["creative-economy"], ["people.embrace-creativity", "economy"], "soft"),
    ("batik and crafts", "batik dan kerajinan", ["creative-economy"], ["living.culturally-vibrant-happy"], "soft"),
    ("music and performing arts", "musik dan seni pertunjukan", ["creative-economy"], ["living.culturally-vibrant-happy"], "soft"),
    ("small business development", "pengembangan UMKM", ["creative-economy"], ["economy.productivity"], "soft"),
    ("startup incubation", "inkubasi usaha rintisan", ["creative-economy", "smart-city"], ["economy.entrepreneurship-innovation"], "soft"),
    ("disaster preparedness", "kesiapsiagaan bencana", ["smart-city"], ["living.safe"], "soft"),
    ("public health", "kesehatan masyarakat", ["hr-development"], ["living.healthy"], "soft"),
    ("heritage conservation", "pelestarian cagar budaya", ["creative-economy"], ["living.culturally-vibrant-happy"], "soft"),
    ("tourism promotion", "promosi pariwisata", ["creative-economy"], ["economy.local-global-interconnectedness"], "soft"),
    ("teacher training", "pelatihan guru", ["hr-development"], ["people.21st-century-education"], "soft"),
    ("vocational skills", "keterampilan vokasi", ["hr-development"], ["people.21st-century-education", "economy.productivity"], "soft"),
    ("flood management", "pengendalian banjir", ["smart-city"], ["environment.green-urban-planning"], "hard"),
    ("urban planning", "perencanaan kota", ["smart-city"], ["government.supply-demand-policy"], "soft"),
    ("civil-service reform", "reformasi birokrasi", ["hr-development"], ["government.supply-demand-policy", "government"], "soft"),
    ("clean water supply", "penyediaan air bersih", ["smart-city"], ["environment", "living.healthy"], "hard"),
    ("city parks", "taman kota", ["smart-city"], ["environment.green-urban-planning", "living"], "soft"),
    ("fisheries", "perikanan", ["port-management"], ["economy.productivity"], "soft"),
    ("digital literacy", "literasi digital", ["hr-development", "smart-city"], ["people.21st-century-education", "government.ict-egov"], "hard"),
]
SPORTS = [("football", "sepak bola"), ("futsal", "futsal"), ("basketball", "bola basket"),
          ("badminton", "bulu tangkis"), ("swimming", "renang"), ("volleyball", "bola voli")]
ASPECTS = [
    ("planning and budgeting", "perencanaan dan penganggaran"), ("data collection", "pengumpulan data"),
    ("community participation", "partisipasi masyarakat"), ("public-private partnership", "kemitraan pemerintah-swasta"),
    ("monitoring and evaluation", "pemantauan dan evaluasi"), ("regulation", "regulasi"),
    ("financing", "pembiayaan"), ("gender inclusion", "inklusi gender"), ("digital tools", "perangkat digital"),
    ("staff skills", "keterampilan pegawai"), ("maintenance", "pemeliharaan"), ("school programmes", "program sekolah"),
    ("youth involvement", "keterlibatan pemuda"), ("procurement", "pengadaan"), ("public communication", "komunikasi publik"),
]
FOLLOW_UPS = [
    ("a joint action plan", "rencana aksi bersama"), ("a second visit next year", "kunjungan kedua tahun depan"),
    ("an online mentoring programme", "program pendampingan daring"), ("a pilot project", "proyek percontohan"),
    ("an exchange of experts", "pertukaran tenaga ahli"), ("a shared handbook", "buku panduan bersama"),
    ("a joint funding proposal", "proposal pendanaan bersama"), ("quarterly video calls", "rapat video tiap triwulan"),
    ("a student internship scheme", "skema magang mahasiswa"), ("a city-to-city working group", "kelompok kerja antarkota"),
]
OUTPUTS = [
    ("Action plan on {t}", "Rencana aksi {ti}"), ("Training module on {t}", "Modul pelatihan {ti}"),
    ("Report of the visit", "Laporan kunjungan"), ("Recommendations on {t}", "Rekomendasi tentang {ti}"),
    ("Joint statement of follow-up", "Pernyataan bersama tindak lanjut"), ("Video documentation", "Dokumentasi video"),
    ("Pilot site selected for {t}", "Lokasi percontohan {ti} terpilih"),
]
THIRD_PLACES = ["Jakarta", "Singapore", "Brussels", "Bangkok", "Seoul", "Geneva", "Kuala Lumpur", "Barcelona",
                "Tokyo", "Nairobi", "New York", "Dubai"]
SURNAMES = ["Santoso", "Wijaya", "Hartono", "Schmidt", "Rossi", "Dubois", "Kowalski", "Tanaka", "Kim", "García",
            "Silva", "Novak", "Jensen", "Popescu", "Öztürk", "Nguyen", "Haddad", "Okafor", "Ivanova", "Murphy",
            "Lindqvist", "Moreau", "Costa", "Yamamoto", "Suryani", "Rahman", "Petrov", "Horvat", "Müller", "Brown"]
INITIALS = "ABCDEFGHIJKLMNOPRSTW"

# Activity kinds: weight, title templates (en, id), (travel, venue) choices, participant roles.
KINDS = {
    "delegation-visit": (18, [
        ("{C} delegation visits {P} on {t}", "Kunjungan delegasi {C} ke {P} tentang {ti}", "from-city"),
        ("Study visit to {P}: {t}", "Kunjungan studi ke {P}: {ti}", "from-city"),
        ("{P} delegation visits {C} on {t}", "Kunjungan delegasi {P} ke {C} tentang {ti}", "from-partner"),
        ("Mayor's working visit on {t}", "Kunjungan kerja wali kota tentang {ti}"),
    ], [("from-city", "partner-city"), ("from-partner", "first-city")], ["official", "civil-servant", "councillor", "entrepreneur"]),
    "training": (20, [
        ("Training on {t}", "Pelatihan {ti}"), ("{t} workshop for city staff", "Lokakarya {ti} untuk ASN"),
        ("Train-the-trainer course on {t}", "Pelatihan untuk pelatih bidang {ti}"),
        ("Hands-on training in {t}", "Pelatihan praktik {ti}"),
    ], [("from-partner", "first-city"), ("from-city", "partner-city"), ("none", "online"), ("none", "hybrid")],
        ["civil-servant", "teacher", "student", "trainer", "community-member"]),
    "webinar": (14, [
        ("Webinar: {t} in {C} and {P}", "Webinar: {ti} di {C} dan {P}"),
        ("Online seminar on {t}", "Seminar daring tentang {ti}"),
        ("Webinar series on {t}", "Seri webinar {ti}"),
    ], [("none", "online")], ["civil-servant", "student", "researcher", "entrepreneur"]),
    "coaching-clinic": (8, [
        ("{s} coaching clinic with coaches from {P}", "Coaching clinic {si} bersama pelatih dari {P}", "from-partner"),
        ("Youth {s} clinic", "Klinik {si} usia muda"),
    ], [("from-partner", "first-city"), ("from-city", "partner-city")], ["pupil", "coach", "parent"]),
    "exchange": (10, [
        ("Student exchange on {t}", "Pertukaran pelajar bidang {ti}"),
        ("Civil-servant exchange on {t}", "Pertukaran pegawai bidang {ti}"),
        ("Youth exchange {C}–{P}", "Pertukaran pemuda {C}–{P}"),
        ("Artist residency exchange", "Pertukaran residensi seniman"),
    ], [("both-ways", "partner-city"), ("both-ways", "first-city"), ("from-city", "partner-city")],
        ["student", "teacher", "civil-servant", "artist"]),
    "publication": (5, [
        ("Joint report on {t}", "Laporan bersama tentang {ti}"), ("Guidebook on {t}", "Buku panduan {ti}"),
        ("Case study: {t} in {C}", "Studi kasus: {ti} di {C}"),
    ], [("none", "remote")], ["researcher", "official"]),
    "meeting": (12, [
        ("Joint committee meeting", "Rapat komite bersama"), ("Working-group meeting on {t}", "Rapat kelompok kerja {ti}"),
        ("Annual review of the partnership", "Evaluasi tahunan kerja sama"),
        ("Technical meeting on {t}", "Rapat teknis {ti}"),
    ], [("both-ways", "elsewhere"), ("none", "hybrid"), ("none", "online"), ("from-city", "partner-city")],
        ["official", "civil-servant"]),
    "event": (10, [
        ("{C} cultural festival in {P}", "Festival budaya {C} di {P}", "from-city"), ("{C} week in {P}", "Pekan {C} di {P}", "from-city"),
        ("Trade fair on {t}", "Pameran dagang {ti}"), ("{P} festival in {C}", "Festival {P} di {C}", "from-partner"),
        ("Friendship concert", "Konser persahabatan"),
    ], [("from-city", "partner-city"), ("from-partner", "first-city"), ("both-ways", "elsewhere")],
        ["artist", "entrepreneur", "visitor", "official"]),
    "other": (3, [
        ("Donation of books on {t}", "Hibah buku tentang {ti}"), ("Equipment handover for {t}", "Serah terima peralatan {ti}"),
    ], [("none", "remote"), ("from-partner", "first-city")], ["recipient", "official"]),
}
KIND_NAMES = list(KINDS)
KIND_WEIGHTS = [KINDS[k][0] for k in KIND_NAMES]
KIND_PHRASE = {
    "delegation-visit": ("a delegation visit", "kunjungan delegasi"), "training": ("a training", "pelatihan"),
    "webinar": ("a webinar", "webinar"), "coaching-clinic": ("a coaching clinic", "coaching clinic"),
    "exchange": ("an exchange", "pertukaran"), "publication": ("a joint publication", "publikasi bersama"),
    "meeting": ("a meeting", "rapat"), "event": ("an event", "acara"), "other": ("an activity", "kegiatan"),
}
MILESTONES = [
    ("exploration", "Exploratory talks between {C} and {P}", "Penjajakan kerja sama {C} dan {P}"),
    ("invitation", "{P} invites a delegation of {C}", "{P} mengundang delegasi {C}"),
    ("visit", "Mayor of {C} visits {P}", "Wali kota {C} berkunjung ke {P}"),
    ("meeting", "First coordination meeting of {C} and {P}", "Rapat koordinasi pertama {C} dan {P}"),
    ("decision", "City council of {C} approves the partnership with {P}", "DPRD {C} menyetujui kerja sama dengan {P}"),
]


def join(items, word):
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def name_of(city):
    name = city.get("name", {})
    return name.get("en") or name.get("id") or city["id"]


def rand_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def write_date(rng, day):
    """Mostly full dates; some month-only and a few year-only, as sources give them."""
    r = rng.random()
    if r < 0.85:
        return day.isoformat(), True
    if r < 0.97:
        return day.strftime("%Y-%m"), False
    return str(day.year), False


def allocate(n, count, rng):
    """Activities per partnership: the first gets exactly 100 (or n when smaller), the others share the rest by
    random weights (0.5-1.5), at least one each, summing exactly to n."""
    if count == 1:
        return [n]
    first = min(100, n - (count - 1))
    rest = n - first
    weights = [rng.uniform(0.5, 1.5) for _ in range(count - 1)]
    total = sum(weights)
    shares = [1 + (rest - (count - 1)) * w / total for w in weights]
    counts = [int(s) for s in shares]
    short = rest - sum(counts)
    order = sorted(range(count - 1), key=lambda i: (counts[i] - shares[i], i))
    for i in order[:short]:
        counts[i] += 1
    return [first] + counts


class Generator:
    def __init__(self, export, n, seed):
        self.rng = random.Random(seed)
        self.cities = {c["id"]: c for c in export.get("cities", [])}
        partnerships = sorted(export.get("partnerships", []), key=lambda p: p["id"])
        partnerships = [p for p in partnerships if p.get("partnerCity")]
        if not partnerships:
            sys.exit("generate.py: the export holds no partnerships of two cities; import the world links first")
        self.partnerships = partnerships[:max(1, min(n // 20, len(partnerships)))]
        if n < len(self.partnerships):
            sys.exit("generate.py: N must be at least 20")
        self.counts = allocate(n, len(self.partnerships), self.rng)
        self.organisation_of = {}  # city key -> organisation key
        self.act = self.ms = self.mou = 0

    def organisation(self, city_key, new_orgs):
        key = self.organisation_of.get(city_key)
        if key is None:
            key = f"gen-org-{len(self.organisation_of) + 1:06d}"
            self.organisation_of[city_key] = key
            city = self.cities[city_key]
            name = name_of(city)
            new_orgs.append({"id": key, "kind": "government-office", "country": city["country"], "city": city_key,
                             "name": {"en": f"City Government of {name}", "id": f"Pemerintah Kota {name}"},
                             "sources": [SOURCE_KEY]})
        return key

    def partnership(self, p, count, out):
        """Appends one partnership's agreement, milestones and activities (and new organisations) to `out`."""
        rng = self.rng
        c_key, p_key = p["city"], p["partnerCity"]
        C, P = name_of(self.cities[c_key]), name_of(self.cities[p_key])
        c_org = self.organisation(c_key, out["organisations"])
        p_org = self.organisation(p_key, out["organisations"])
        signed = rand_day(rng, datetime.date(FIRST_YEAR, 1, 1), datetime.date(LAST_YEAR, 12, 31))
        fields = sorted(rng.sample(FIELDS, rng.randint(1, 3)))
        self.mou += 1
        agreement = {
            "id": f"gen-mou-{self.mou:06d}", "partnership": p["id"], "kind": "mou", "signed": signed.isoformat(),
            "title": {"en": f"Memorandum of Understanding between {C} and {P} on sister-city cooperation",
                      "id": f"Nota Kesepahaman antara {C} dan {P} tentang kerja sama kota kembar"},
            "place": rng.choice([C, P]), "fields": fields, "sources": [SOURCE_KEY],
            "signatories": [
                {"name": f"{rng.choice(INITIALS)}. {rng.choice(SURNAMES)}", "city": c_key,
                 "office": {"en": f"Mayor of {C}", "id": f"Wali Kota {C}"}},
                {"name": f"{rng.choice(INITIALS)}. {rng.choice(SURNAMES)}", "city": p_key,
                 "office": {"en": f"Mayor of {P}", "id": f"Wali Kota {P}"}},
            ],
            "purpose": {"en": f"To cooperate in {join([FIELD_NAMES[f][0] for f in fields], 'and')} on the basis "
                              "of equality and mutual benefit.",
                        "id": f"Bekerja sama di bidang {join([FIELD_NAMES[f][1] for f in fields], 'dan')} atas dasar "
                              "kesetaraan dan saling menguntungkan."},
            "document": f"GEN/MOU/{self.mou:06d}/{signed.year}",
        }
        if rng.random() < 0.75:
            agreement["termYears"] = rng.randint(3, 10)
        out["agreements"].append(agreement)
        for kind, en, id_ in sorted(rng.sample(MILESTONES, rng.randint(1, 3)), key=lambda m: MILESTONES.index(m)):
            self.ms += 1
            day = signed - datetime.timedelta(days=rng.randint(30, 900))
            date, _ = write_date(rng, day)
            out["milestones"].append({
                "id": f"gen-ms-{self.ms:06d}", "partnership": p["id"], "kind": kind, "date": date,
                "title": {"en": en.format(C=C, P=P), "id": id_.format(C=C, P=P)},
                "organisations": [{"organisation": c_org, "role": "organiser"}], "sources": [SOURCE_KEY]})
        for _ in range(count):
            out["activities"].append(self.activity(p["id"], C, P, c_org, p_org, signed, fields))

    def activity(self, partnership, C, P, c_org, p_org, signed, agreement_fields):
        rng = self.rng
        self.act += 1
        kind = rng.choices(KIND_NAMES, KIND_WEIGHTS)[0]
        _, titles, modes, roles = KINDS[kind]
        topic = rng.choice(TOPICS)
        t, ti, fields, nodes, infrastructure = topic
        s, si = rng.choice(SPORTS)
        travel, venue = rng.choice(modes)
        # A title that names a direction (who visits whom) is only used with that travel.
        en, id_ = rng.choice([tpl for tpl in titles if len(tpl) == 2 or tpl[2] == travel])[:2]
        values = dict(C=C, P=P, t=t, ti=ti, s=s, si=si)
        title = {"en": en.format(**values), "id": id_.format(**values)}
        title["en"] = title["en"][0].upper() + title["en"][1:]
        title["id"] = title["id"][0].upper() + title["id"][1:]
        if rng.random() < 0.03:  # some still to come: planned
            day = rand_day(rng, REFERENCE_DAY + datetime.timedelta(days=1), datetime.date(2026, 12, 31))
        else:
            day = rand_day(rng, datetime.date(signed.year, 1, 1), REFERENCE_DAY)
        start, full = write_date(rng, day)
        a = {"id": f"gen-act-{self.act:06d}", "partnership": partnership, "kind": kind, "title": title,
             "start": start, "travel": travel, "venue": venue}
        if full and kind in ("delegation-visit", "exchange", "event", "training", "coaching-clinic") and rng.random() < 0.6:
            a["end"] = (day + datetime.timedelta(days=rng.randint(1, 12 if kind != "exchange" else 60))).isoformat()
        if venue == "first-city":
            a["place"] = C
        elif venue == "partner-city":
            a["place"] = P
        elif venue == "elsewhere":
            a["place"] = rng.choice(THIRD_PLACES)
        if kind in ("training", "webinar", "coaching-clinic") and rng.random() < 0.4:
            a["sessions"] = rng.randint(2, 12)
        # Participants by role: one to three roles, some approximate, some with a breakdown.
        people = []
        if kind != "publication" or rng.random() < 0.3:
            for role in sorted(rng.sample(roles, rng.randint(1, min(3, len(roles))))):
                big = kind == "event" or (kind == "webinar" and rng.random() < 0.5)
                count = rng.randint(50, 3000) if big else rng.randint(1, 60)
                entry = {"role": role, "count": count}
                if big and rng.random() < 0.7:
                    entry["approximate"] = True
                elif rng.random() < 0.25:
                    female = rng.randint(0, count)
                    entry["breakdown"] = {"female": female, "male": count - female}
                people.append(entry)
            a["participants"] = people
        total = sum(e["count"] for e in people)
        host_org = c_org if venue in ("first-city", "online", "hybrid", "remote") else p_org
        other_org = p_org if host_org == c_org else c_org
        a["organisations"] = [{"organisation": host_org, "role": "host" if venue != "remote" else "sender"},
                              {"organisation": other_org, "role": rng.choice(["partner", "sender", "trainer", "funder"])}]
        a1, a2 = rng.sample(ASPECTS, 2)
        fu = rng.choice(FOLLOW_UPS)
        kp = KIND_PHRASE[kind]
        who = {"from-city": C, "from-partner": P}.get(travel, f"{C} and {P}")
        who_id = {"from-city": C, "from-partner": P}.get(travel, f"{C} dan {P}")
        n_en = f"{total} participants from {who}" if total else f"Staff from {who}"
        n_id = f"{total} peserta dari {who_id}" if total else f"Staf dari {who_id}"
        a["description"] = {
            "en": f"{n_en} took part in {kp[0]} on {t}. The programme covered {a1[0]} and {a2[0]}. "
                  f"Both cities agreed to follow up with {fu[0]}.",
            "id": f"{n_id} mengikuti {kp[1]} tentang {ti}. Program membahas {a1[1]} dan {a2[1]}. "
                  f"Kedua kota sepakat menindaklanjuti dengan {fu[1]}.",
        }
        if rng.random() < 0.5:
            o_en, o_id = rng.choice(OUTPUTS)
            a["outputs"] = [{"en": o_en.format(t=t), "id": o_id.format(ti=ti)}]
        if total and rng.random() < 0.1:
            a["results"] = [{"label": {"en": "People reached", "id": "Orang yang terjangkau"}, "value": total,
                             "unit": "people", "period": str(day.year), "sources": [SOURCE_KEY]}]
        own = sorted(set(fields) | ({rng.choice(agreement_fields)} if rng.random() < 0.3 else set()))
        a["fields"] = own
        a["tags"] = [{"framework": FRAMEWORK, "node": node} for node in sorted(set(rng.sample(nodes, rng.randint(1, len(nodes)))))]
        a["infrastructure"] = infrastructure
        # Status: plausible for the date, seen from a fixed reference day (planned = still to come).
        if day > REFERENCE_DAY:
            a["status"] = "planned" if rng.random() < 0.95 else "cancelled"
        elif (REFERENCE_DAY - day).days < 120:
            r = rng.random()
            a["status"] = "ongoing" if r < 0.4 else "completed" if r < 0.95 else "cancelled"
        else:
            r = rng.random()
            a["status"] = "completed" if r < 0.91 else "cancelled" if r < 0.96 else "ongoing"
        if a["status"] == "cancelled" and rng.random() < 0.5:
            a["note"] = "Cancelled by the organisers; generated record."
        a["sources"] = [SOURCE_KEY]
        return a


CSV_COLUMNS = ["key", "partnership", "kind", "title_en", "title_id", "description_en", "description_id", "start",
               "end", "place", "travel", "venue", "sessions", "participants", "organisations", "outputs_en",
               "outputs_id", "results", "fields", "tags", "infrastructure", "status", "note", "sources"]


def escape(item):
    return item.replace("\\", "\\\\").replace(";", "\\;")


def csv_row(a):
    """The activity in the activities CSV of docs/CSV.md."""
    def people(e):
        breakdown = "".join(["[", ", ".join(f"{k}={v}" for k, v in sorted(e["breakdown"].items())), "]"]) if e.get("breakdown") else ""
        return f"{e['role']}={'~' if e.get('approximate') else ''}{e['count']}{breakdown}"
    outputs = a.get("outputs", [])
    return [
        a["id"], a["partnership"], a["kind"], a["title"].get("en", ""), a["title"].get("id", ""),
        a.get("description", {}).get("en", ""), a.get("description", {}).get("id", ""), a["start"], a.get("end", ""),
        a.get("place", ""), a["travel"], a["venue"], str(a.get("sessions", "")),
        "; ".join(escape(people(e)) for e in a.get("participants", [])),
        "; ".join(f"{o['organisation']}:{o['role']}" for o in a.get("organisations", [])),
        "; ".join(escape(o.get("en", "")) for o in outputs), "; ".join(escape(o.get("id", "")) for o in outputs),
        json.dumps(a["results"], sort_keys=True, ensure_ascii=False, separators=(",", ":")) if a.get("results") else "",
        "; ".join(a.get("fields", [])), "; ".join(f"{t['framework']}:{t['node']}" for t in a.get("tags", [])),
        a.get("infrastructure", ""), a["status"], a.get("note", ""), "; ".join(a.get("sources", [])),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="kembar export of a database holding the world links")
    parser.add_argument("n", type=int, help="number of activities (5000, 50000, 500000)")
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--chunk", type=int, default=25000, help="at most this many activities per file (default 25000)")
    args = parser.parse_args()
    if args.chunk < 200:
        sys.exit("generate.py: --chunk must be at least 200")
    if args.n < 100:
        sys.exit("generate.py: N must be at least 100 (one partnership gets exactly 100 activities)")
    with open(args.export, encoding="utf-8") as f:
        export = json.load(f)
    if export.get("format") != "kembar-dataset":
        sys.exit(f"generate.py: {args.export} is not a Kembar dataset")
    gen = Generator(export, args.n, args.seed)
    del export
    os.makedirs(args.outdir, exist_ok=True)

    files = []
    totals = {"sources": 1, "organisations": 0, "agreements": 0, "milestones": 0, "activities": 0}

    def empty():
        return {"organisations": [], "agreements": [], "milestones": [], "activities": []}

    def flush(out):
        name = f"scale-{len(files) + 1:03d}.json"
        dataset = {"format": "kembar-dataset", "version": 2}
        if not files:
            dataset["sources"] = [{
                "id": SOURCE_KEY, "kind": "dataset", "title": "Kembar scale benchmark: generated agreements, "
                "milestones and activities (synthetic, not real facts)", "publisher": "Kembar",
                "date": "2026", "note": f"Written by Benchmarks/scale/generate.py, seed {args.seed}, N {args.n}."}]
        for key in ("organisations", "agreements", "milestones", "activities"):
            if out[key]:
                dataset[key] = sorted(out[key], key=lambda r: r["id"])
                totals[key] += len(out[key])
        with open(os.path.join(args.outdir, name), "w", encoding="utf-8") as f:
            json.dump(dataset, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            f.write("\n")
        files.append({"file": name, "activities": len(out["activities"])})

    with open(os.path.join(args.outdir, "activities.csv"), "w", encoding="utf-8", newline="") as csv_file:
        writer = csv.writer(csv_file, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        # Files of even size: a file is closed once it reaches the target, which is at most --chunk minus the
        # largest partnership (100), so no file exceeds --chunk.
        files_needed = -(-args.n // (args.chunk - 100))
        target = -(-args.n // files_needed)
        out = empty()
        for p, count in zip(gen.partnerships, gen.counts):
            before = len(out["activities"])
            gen.partnership(p, count, out)
            for a in out["activities"][before:]:
                writer.writerow(csv_row(a))
            if len(out["activities"]) >= target:
                flush(out)
                out = empty()
        if out["activities"] or not files:
            flush(out)

    first = gen.partnerships[0]
    manifest = {
        "n": args.n, "seed": args.seed, "chunk": args.chunk, "files": files, "csv": "activities.csv",
        "totals": totals, "partnerships": len(gen.partnerships),
        "hundredActivityPartnership": first["id"], "hundredActivityCount": gen.counts[0],
        "activity": "gen-act-000001", "city": first["city"], "organisation": "gen-org-000001", "source": SOURCE_KEY,
    }
    with open(os.path.join(args.outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")
    print(first["id"])


if __name__ == "__main__":
    main()
