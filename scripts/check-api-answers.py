#!/usr/bin/env python3
"""Checks a live server's real answers against its OpenAPI document, field by field.

    python3 scripts/check-api-answers.py http://127.0.0.1:8080

Schemathesis (scripts/fuzz-api.sh) mostly asks for keys that do not exist; this walks the records that do: every
partnership, city, framework and source on the lists' first pages, each partnership's evaluation and comparison and
each city's profile against every framework, every record they name read as it is written (/api/v1/COLLECTION/KEY,
its version the one the reader's answer gave), the GeoJSON and the tag suggestions. Each answer is validated with
jsonschema (draft 2020-12, as OpenAPI 3.1 schemas are) against the schema the document gives for its 200 answer;
the schemas forbid properties they do not name, so a field renamed or added in the code without the document fails
here. Needs `jsonschema` from PyPI (installed with schemathesis). Exit status 1 and one line per broken answer.
"""
import json
import sys
import urllib.request

import jsonschema
import referencing
import referencing.jsonschema

base = sys.argv[1].rstrip("/")


def fetch(path):
    with urllib.request.urlopen(base + path) as answer:
        return answer.status, json.load(answer)


_, document = fetch("/api/v1/openapi.json")
registry = referencing.Registry().with_resource(
    "urn:kembar-api", referencing.Resource.from_contents(document, default_specification=referencing.jsonschema.DRAFT202012))


def pointer(*parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def validator(template):
    """Validates against the document's own 200 schema of `template`, its references resolved in the document."""
    content = document["paths"][template]["get"]["responses"]["200"]["content"]
    media = next(iter(content))
    schema = {"$ref": "urn:kembar-api#/" + pointer("paths", template, "get", "responses", "200", "content", media, "schema")}
    return jsonschema.Draft202012Validator(schema, registry=registry)


validators = {}
failures = []
checked = 0


def check(template, path):
    global checked
    if template not in validators:
        validators[template] = validator(template)
    _, answer = fetch(path)
    checked += 1
    for error in sorted(validators[template].iter_errors(answer), key=lambda e: list(e.absolute_path)):
        failures.append(f"{path}: $.{'.'.join(str(p) for p in error.absolute_path)}: {error.message[:300]}")
    return answer


partnerships = check("/api/v1/partnerships", "/api/v1/partnerships?limit=100")["items"]
cities = check("/api/v1/cities", "/api/v1/cities?limit=100")["items"]
frameworks = check("/api/v1/frameworks", "/api/v1/frameworks")
sources = check("/api/v1/sources", "/api/v1/sources?limit=100")["items"]
# Records read as they are written (/api/v1/COLLECTION/KEY), with the versions their readers' answers gave.
written = {}
for row in partnerships:
    key = row["key"]
    partnership = check("/api/v1/partnerships/{key}", f"/api/v1/partnerships/{key}")
    for collection in ["agreements", "milestones", "activities"]:
        for record in partnership[collection]:
            written[(collection, record["key"])] = record["version"]
            for field in record.get("fields", []):
                written[("fields", field)] = None
            for involved in record.get("organisations", []):
                written[("organisations", involved["organisation"])] = None
            for action in record.get("delivers", []):
                written[("actions", action)] = None
    for framework in frameworks:
        query = f"?framework={framework['key']}"
        check("/api/v1/partnerships/{key}/evaluation", f"/api/v1/partnerships/{key}/evaluation{query}")
        if "partnerCity" in partnership:
            check("/api/v1/partnerships/{key}/comparison", f"/api/v1/partnerships/{key}/comparison{query}")
for city in cities:
    detail = check("/api/v1/cities/{key}", f"/api/v1/cities/{city['key']}")
    for collection in ["initiatives", "observations"]:
        for record in detail[collection]:
            written[(collection, record["key"])] = record["version"]
    for framework in frameworks:
        check("/api/v1/cities/{key}/profile", f"/api/v1/cities/{city['key']}/profile?framework={framework['key']}")
for framework in frameworks:
    check("/api/v1/frameworks/{key}", f"/api/v1/frameworks/{framework['key']}")
for source in sources:
    check("/api/v1/sources/{key}", f"/api/v1/sources/{source['key']}")
for (collection, key), version in sorted(written.items()):
    answer = check(f"/api/v1/{collection}/{{key}}", f"/api/v1/{collection}/{key}")
    if answer.get("record", {}).get("id") != key or version not in (None, answer.get("version")):
        failures.append(f"/api/v1/{collection}/{key}: not the record, or not the version its reader's answer gave")
check("/api/v1/geojson/partnerships", "/api/v1/geojson/partnerships")
check("/api/v1/geojson/cities", "/api/v1/geojson/cities")
check("/api/v1/suggest-tags", "/api/v1/suggest-tags?text=" + urllib.request.quote("pelatihan guru sekolah smart city"))

for line in failures:
    print(line)
print(f"check-api-answers: {checked} answers, {len(failures)} not as the document says")
sys.exit(1 if failures or not partnerships else 0)
