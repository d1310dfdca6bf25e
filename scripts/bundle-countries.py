#!/usr/bin/env python3
"""Generates Sources/KembarStorage/Bundled/countries.json: ISO 3166-1 countries with their English and Indonesian
names, and the other names sources write them by, so imports can turn country names into codes; and
Sources/KembarStorage/Bundled/subdivisions.json: the ISO 3166-2 subdivisions' names (as ISO gives them, with the
Indonesian translation where iso-codes has one), so pages show "Jawa Timur" rather than ID-JI.

    python3 -m pip install pycountry
    python3 scripts/bundle-countries.py

ISO 3166-1 codes and names come from pycountry (which ships the Debian iso-codes data and its translations).
ALIASES below are Kembar's own: names real sources use that ISO does not (England, Ivory Coast, Moldavia), each
mapped by hand to the one code it means. Kosovo (XK) is a user-assigned code in common use, not an ISO one. Names a
reader could take two ways are deliberately absent, so an import reports them instead of guessing. Never edit the
JSON by hand.
"""
import gettext
import json
import pathlib
import unicodedata

import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "KembarStorage" / "Bundled" / "countries.json"
SUBDIVISIONS = ROOT / "Sources" / "KembarStorage" / "Bundled" / "subdivisions.json"

# Names sources use (the world twin-links list among them) that ISO 3166-1 does not give, each with the code it
# means. Constituent countries of the United Kingdom are GB.
ALIASES = {
    "England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "Great Britain": "GB",
    "United Kingdom": "GB", "UK": "GB", "Britain": "GB",
    "Russia": "RU", "Turkey": "TR", "Republic of Ireland": "IE", "Ireland": "IE", "Palestine": "PS",
    "West Bank": "PS", "Georgia (country)": "GE", "Cape Verde": "CV", "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI", "São Tomé and Príncipe": "ST", "Democratic Republic of the Congo": "CD",
    "DR Congo": "CD", "Republic of the Congo": "CG", "Moldavia": "MD", "Moldova": "MD", "Falkland Islands": "FK",
    "East Timor": "TL", "Timor-Leste": "TL", "Bosnia and Hercegovina": "BA", "Bosnia and Herzegovina": "BA",
    "Surinam": "SR", "Brunei": "BN", "Micronesia": "FM", "South Korea": "KR", "North Korea": "KP",
    "Korea": "KR", "Vietnam": "VN", "Laos": "LA", "Syria": "SY", "Iran": "IR", "Tanzania": "TZ",
    "Bolivia": "BO", "Venezuela": "VE", "Taiwan": "TW", "Macedonia": "MK", "North Macedonia": "MK",
    "Czech Republic": "CZ", "Czechia": "CZ", "Vatican City": "VA", "Holy See": "VA", "United States": "US",
    "USA": "US", "United States of America": "US", "Kosovo": "XK", "Swaziland": "SZ", "Eswatini": "SZ",
    "Burma": "MM", "Myanmar": "MM", "The Gambia": "GM", "Gambia": "GM", "The Bahamas": "BS",
    "Federated States of Micronesia": "FM", "Saint Kitts and Nevis": "KN", "Saint Lucia": "LC",
    "Saint Vincent and the Grenadines": "VC", "Sao Tome and Principe": "ST", "Reunion": "RE",
}


def fold(text):
    """Lower case, without diacritics, single spaces: how names are compared."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").split())


def main():
    indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        names = {country.name}
        for attribute in ("official_name", "common_name"):
            if hasattr(country, attribute):
                names.add(getattr(country, attribute))
        countries.append({
            "code": country.alpha_2,
            "name": {"en": getattr(country, "common_name", country.name), "id": indonesian.gettext(country.name)},
            "names": sorted({fold(n) for n in names}),
        })
    countries.append({"code": "XK", "name": {"en": "Kosovo", "id": "Kosovo"}, "names": ["kosovo"],
                      "note": "user-assigned code, not ISO 3166-1"})
    known = {c["code"] for c in countries}
    for name, code in ALIASES.items():
        assert code in known, f"alias {name} → {code}: no such code"
    data = {
        "source": "ISO 3166-1 via pycountry " + getattr(pycountry, "__version__", "") + "; aliases: Kembar's own",
        "countries": countries,
        "aliases": {fold(name): code for name, code in sorted(ALIASES.items())},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(countries)} countries, {len(ALIASES)} aliases")
    subdivisions_id = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["id"])
    names = {}
    for subdivision in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name = {"en": subdivision.name}
        translated = subdivisions_id.gettext(subdivision.name)
        if translated != subdivision.name:
            name["id"] = translated
        names[subdivision.code] = name
    # One subdivision a line: compact, and a change shows as the lines it touches.
    lines = [json.dumps(code) + ": " + json.dumps(name, ensure_ascii=False, sort_keys=True)
             for code, name in names.items()]
    source = json.dumps("ISO 3166-2 via pycountry " + getattr(pycountry, "__version__", ""))
    SUBDIVISIONS.write_text('{"source": ' + source + ', "subdivisions": {\n' + ",\n".join(lines) + "\n}}\n",
                            encoding="utf-8")
    print(f"wrote {SUBDIVISIONS.relative_to(ROOT)}: {len(names)} subdivisions")


if __name__ == "__main__":
    main()
