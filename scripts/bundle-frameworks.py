#!/usr/bin/env python3
"""Regenerates Sources/KembarStorage/Bundled/frameworks.json from the research file frameworks.json.

Usage: python3 scripts/bundle-frameworks.py [path/to/shared/reference/frameworks.json]

Only the parts whose status is verified are shipped (DESIGN.md, issue 2): U4SSC KPIs in full; Kominfo's six
dimensions and their elements; Cohen's six dimensions and their drivers; Giffinger's characteristics and
factors; the six indicators with key aspects of Amalia et al. 2023 as the founding paper gives them. Indicators
transcribed from recollection (Giffinger's 74) or assigned editorially (Cohen's examples) are left out. Every
node keeps its verification status and provenance.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "reference" / "frameworks.json"
target = root / "Sources" / "KembarStorage" / "Bundled" / "frameworks.json"
ref = json.loads(source.read_text())
by_id = {f["id"]: f for f in ref["frameworks"]}


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
