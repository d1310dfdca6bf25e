#!/usr/bin/env python3
"""Generates Sources/KembarReport/Maps/basemap.json: a small world map, every country's outline as rings of
longitude/latitude points, so reports can draw countries (shaded, or picked out) without any map service.

    python3 -m pip install pyshp pycountry
    python3 scripts/make-basemap.py [path/to/geopandas-0.14.4-py3-none-any.whl]

The shapes are Natural Earth's 1:110m Admin 0 – Countries (public domain, naturalearthdata.com), as the geopandas
0.14.4 wheel ships them in geopandas/datasets/naturalearth_lowres. Without an argument the script fetches that wheel
itself with `pip download geopandas==0.14.4 --no-deps` into a temporary folder; geopandas is never installed, the
wheel is only opened as a zip and the shapefile read with pyshp.

Each country's ISO 3166-1 alpha-2 code comes from its iso_a3 through pycountry. Natural Earth gives some countries no
ISO code (iso_a3 "-99" or one of its own): NAME_CODES below fixes those by name, by hand. Kosovo is XK, a
user-assigned code in common use, not an ISO one. N. Cyprus and Somaliland are drawn with the code "" (they are no
ISO 3166-1 country, so no data can attach to them; they are still land). The script stops when a country has no code
and is not in NAME_CODES, when NAME_CODES keeps an entry nothing uses, or when two shapes get the same code.

At 1:110m Natural Earth has 177 countries: small ones (Singapore, Bahrain, Malta, Andorra, most island states of the
Caribbean and the Pacific, Hong Kong…) are not drawn at all, and overseas parts are drawn with their country (French
Guiana and Corsica in FR, Svalbard in NO). Neighbours' shared borders are simplified separately, so they may miss
each other by a fraction of a pixel at world scale.

Every ring (outer boundaries and holes alike, e.g. South Africa's hole for Lesotho; draw each country as one path
with fill-rule evenodd, orientation carries no meaning) is simplified once with Douglas–Peucker in degrees
(TOLERANCE), rounded to 0.1° (whole degrees written without ".0") and has consecutive repeats removed. Rings are
open: the first point is not repeated at the end. Rings enclosing less than MIN_AREA square degrees (as Natural
Earth draws them, before simplifying) are dropped, except each country's largest ring, so small island countries
still appear; a ring kept that simplifying would flatten below 3 points keeps its rounded, unsimplified points.
Antarctica is kept; a renderer that crops at −60° latitude simply cuts it off. Coordinates are plate carrée
(WGS 84 degrees): x = longitude, y = latitude, north up.

One country a line, sorted by code then name, so a change shows as the lines it touches. Never edit the JSON by
hand.
"""
import argparse
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

import pycountry
import shapefile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "KembarReport" / "Maps" / "basemap.json"
WHEEL_REQUIREMENT = "geopandas==0.14.4"
DATASET = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres."
SOURCE = ("Natural Earth 1:110m Admin 0 – Countries (public domain), "
          "via the geopandas 0.14.4 wheel's naturalearth_lowres")

TOLERANCE = 0.25  # Douglas–Peucker tolerance, degrees; at 1000 px for 360° one degree is under 3 px.
MIN_AREA = 0.3    # square degrees; smaller rings are dropped unless they are their country's largest.

# Natural Earth countries whose iso_a3 is "-99" or not an ISO code, by their Natural Earth name; a name here wins
# over iso_a3. In the 0.14.4 wheel that is Kosovo ("-99"), N. Cyprus ("CYN") and Somaliland ("SOL"); France and
# Norway have FRA and NOR there, but other Natural Earth releases give them "-99", so they are pinned by name too.
NAME_CODES = {
    "France": "FR",
    "Norway": "NO",
    "Kosovo": "XK",
    "N. Cyprus": "",
    "Somaliland": "",
}


def fetch_wheel(folder):
    """Downloads the geopandas wheel (no dependencies) into folder and returns its path."""
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL_REQUIREMENT, "--no-deps", "--only-binary",
                    ":all:", "-d", str(folder), "--quiet"], check=True)
    wheels = sorted(pathlib.Path(folder).glob("geopandas-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one geopandas wheel in {folder}, found {[w.name for w in wheels]}")
    return wheels[0]


def read_countries(wheel):
    """Yields (record, shape) for every country in the wheel's naturalearth_lowres shapefile."""
    with zipfile.ZipFile(wheel) as archive:
        files = {ext: io.BytesIO(archive.read(DATASET + ext)) for ext in ("shp", "shx", "dbf")}
        encoding = archive.read(DATASET + "cpg").decode("ascii").strip() if DATASET + "cpg" in archive.namelist() \
            else "latin-1"
    reader = shapefile.Reader(shp=files["shp"], shx=files["shx"], dbf=files["dbf"], encoding=encoding)
    if reader.shapeType != shapefile.POLYGON:
        sys.exit(f"expected polygons, the shapefile has shape type {reader.shapeType}")
    yield from reader.iterShapeRecords()


def segment_distance(point, start, end):
    """Distance in degrees from point to the segment start–end (to start when the segment has no length)."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    px, py = x1 + t * dx - x, y1 + t * dy - y
    return (px * px + py * py) ** 0.5


def douglas_peucker(points, tolerance):
    """Douglas–Peucker on a polyline; a closed ring (first point repeated last) stays closed."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            distance = segment_distance(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def tidy(points):
    """Rounds to 0.1°, drops consecutive repeats and the closing repeat of the first point."""
    ring = []
    for x, y in points:
        point = (round(x, 1), round(y, 1))
        if not ring or point != ring[-1]:
            ring.append(point)
    while len(ring) > 1 and ring[-1] == ring[0]:
        ring.pop()
    return ring


def area(ring):
    """Unsigned shoelace area of an open ring, square degrees."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def rings_of(shape):
    """The shape's rings, simplified and tidied, small ones dropped but the largest always kept."""
    bounds = list(shape.parts) + [len(shape.points)]
    originals = [shape.points[a:b] for a, b in zip(bounds, bounds[1:])]
    areas = [area(tidy(ring)) for ring in originals]
    largest = max(range(len(originals)), key=lambda i: areas[i])
    rings = []
    for i, original in enumerate(originals):
        if i != largest and areas[i] < MIN_AREA:
            continue
        ring = tidy(douglas_peucker(original, TOLERANCE))
        # Simplifying can flatten a small or narrow island to a line: keep it, then, merely rounded.
        rings.append(ring if len(ring) >= 3 else tidy(original))
    return rings


def number(value):
    """A coordinate as JSON with at most one decimal: 106.8, -6, 0."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", nargs="?", type=pathlib.Path,
                        help="an already downloaded geopandas-0.14.4 wheel (fetched with pip when absent)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = arguments.wheel or fetch_wheel(folder)
        shapes = list(read_countries(wheel))

    countries, unmapped, used_names = [], [], set()
    for shape_record in shapes:
        record, shape = shape_record.record.as_dict(), shape_record.shape
        name, iso_a3 = record["name"], record["iso_a3"]
        if name in NAME_CODES:
            code = NAME_CODES[name]
            used_names.add(name)
        else:
            country = pycountry.countries.get(alpha_3=iso_a3)
            if country is None:
                unmapped.append(f"{name} ({iso_a3})")
                continue
            code = country.alpha_2
        countries.append({"code": code, "name": name, "rings": rings_of(shape)})
    if unmapped:
        sys.exit("no code for " + ", ".join(unmapped) + ": add them to NAME_CODES")
    if unused := set(NAME_CODES) - used_names:
        sys.exit("NAME_CODES entries nothing uses: " + ", ".join(sorted(unused)))
    codes = [c["code"] for c in countries if c["code"]]
    if duplicates := sorted({c for c in codes if codes.count(c) > 1}):
        sys.exit("more than one shape for " + ", ".join(duplicates))

    countries.sort(key=lambda c: (c["code"], c["name"]))
    lines = []
    for country in countries:
        rings = ",".join("[" + ",".join(number(v) for point in ring for v in point) + "]" for ring in country["rings"])
        lines.append('{"code":' + json.dumps(country["code"]) + ',"name":' + json.dumps(country["name"],
                     ensure_ascii=False) + ',"rings":[' + rings + "]}")
    header = '{"source": ' + json.dumps(SOURCE, ensure_ascii=False) + ', "tolerance": ' + str(TOLERANCE) + \
        ', "countries": [\n'
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    json.loads(OUT.read_text(encoding="utf-8"))  # what was written parses
    rings = sum(len(c["rings"]) for c in countries)
    points = sum(len(r) for c in countries for r in c["rings"])
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes, {len(countries)} countries, {rings} rings, "
          f"{points} points (from {sum(len(s.shape.points) for s in shapes)})")


if __name__ == "__main__":
    main()
