#!/usr/bin/env python3
"""Writes Sources/KembarWeb/Public/openapi.json: the OpenAPI 3.1 description of every endpoint under /api/v1, served
at /api/v1/openapi.json.

    python3 scripts/make-openapi.py

Edit this script, not the JSON. The test suite checks that every API route is described and every described path
is a route (`OpenDataTests`), that the document is valid OpenAPI 3.1 (openapi-spec-validator), that every founding
record's real answers match its schemas property by property (scripts/check-api-answers.py) and that a live server
on both backends answers as it says (schemathesis, scripts/fuzz-api.sh).
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources" / "KembarWeb" / "Public" / "openapi.json"
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def q(name, desc, schema=None): return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema or {"type": "string"}}
def path_key(example=None, desc="A record's key."):
    """The `{key}` of a path; reads give a founding record's key as the example, which schemathesis tries first."""
    p = {"name": "key", "in": "path", "required": True, "description": desc, "schema": {"type": "string"}}
    if example: p["example"] = example
    return p
problem = {"description": "What went wrong (RFC 9457 problem details).", "content": {"application/problem+json": {"schema": ref("Problem")}}}
def ok(schema, desc="The answer.", media="application/json"):
    return {"description": desc, "content": {media: {"schema": schema}},
            "headers": {"ETag": {"description": "A digest of the body: send it back as If-None-Match to get 304 when nothing changed.", "schema": {"type": "string"}}}}
notmod = {"description": "Unchanged since the ETag given in If-None-Match."}
def get(summary, params, response, extra=None, tag=None):
    r = {"200": response, "304": notmod, "400": problem, "404": problem, "503": problem}
    r.update(extra or {})
    op = {"summary": summary, "parameters": params, "responses": r}
    if tag: op["tags"] = [tag]
    return {"get": op}
filters = [
    q("q", "Words in either city's name or the key."), q("city", "A city's key (either city)."),
    q("country", "ISO 3166-1 alpha-2 code of either city."), q("province", "ISO 3166-2 code of either city's subdivision."),
    q("kind", "sister-city, friendship-city, sister-province, institution-cooperation."),
    q("stage", "exploration, intent, agreement, implementation, renewal, ended, or none."),
    q("status", "exploring, active, dormant, renewal-due, expired, terminated (on asOf)."),
    q("field", "A field of cooperation's key."), q("year", "A year with an activity or a signed agreement."),
    q("asOf", "The day statuses are judged on (YYYY-MM-DD; default today)."),
]
paging = [q("limit", "Items per page, 1–500 (default 100; out-of-range values are clamped).", {"type": "integer"}),
          q("cursor", "The `next` of the page before: the rows after it, however deep (offset is then ignored)."),
          q("offset", "Items to skip (default 0), when no cursor is given.", {"type": "integer"})]
# The dataset format's schema (docs/kembar-dataset.schema.json) is the source of every record's shape: its `$defs`
# become components named `dataset.NAME` (the write endpoints' bodies), and the API's record DTOs are derived from
# them by the two rules of Sources/KembarWeb/RecordDTOs.swift — `id` is `key`, the record's parent is left out.
DATASET = json.loads((ROOT / "docs" / "kembar-dataset.schema.json").read_text())["$defs"]
def retarget(node, renames):
    """A copy of a dataset schema fragment whose `#/$defs/X` references point at the OpenAPI components."""
    if isinstance(node, dict):
        out = {k: retarget(v, renames) for k, v in node.items()}
        if "$ref" in out:
            name = out["$ref"].removeprefix("#/$defs/")
            out["$ref"] = f"#/components/schemas/{renames.get(name, 'dataset.' + name)}"
        return out
    if isinstance(node, list): return [retarget(v, renames) for v in node]
    return node
version = {"type": "integer", "minimum": 1, "description": "The stored version: send it as If-Match to change the record."}
def reader(name, drop=(), renames=None, extra=None, required_extra=(), desc=None, versioned=True):
    schema = retarget(DATASET[name], renames or {})
    if desc: schema["description"] = desc
    props = schema["properties"]
    if props.pop("mode", None):  # version 1's activity mode: never written, so never answered
        schema.pop("anyOf")
    for field in drop: props.pop(field)
    props = {("key" if k == "id" else k): v for k, v in props.items()}
    props.update(extra or {})
    if versioned: props["version"] = version
    schema["properties"] = props
    required = [("key" if k == "id" else k) for k in schema.get("required", []) if k not in drop] + list(required_extra)
    if versioned: required.append("version")
    # The DTOs always give their lists, empty or not (a framework node's `translated` only when there is one).
    required += [k for k, v in props.items() if v.get("type") == "array" and k != "translated" and k not in required]
    schema["required"] = required
    return schema
def obj(required, optional=None, desc=None):
    """An object with exactly these properties: `required` always present, `optional` when there is a value."""
    schema = {"type": "object", "required": list(required), "additionalProperties": False, "properties": {**required, **(optional or {})}}
    if desc: schema["description"] = desc
    return schema
def arr(item): return {"type": "array", "items": item}
S, I, N, B = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
keys = arr(S)
date, tag, textref, money = ref("dataset.date"), ref("dataset.tag"), ref("dataset.text"), ref("dataset.money")
def enum(*values): return {"enum": list(values)}
def page(item): return obj({"total": I, "limit": I, "offset": I, "items": arr(ref(item))},
                           {"next": {"type": "string", "description": "The cursor of the next page, when this one was full."}})
statuses = enum("exploring", "active", "dormant", "renewal-due", "expired", "terminated")
schemas = {f"dataset.{name}": retarget(schema, {}) for name, schema in DATASET.items()}
# A write gives an activity's travel and venue; version 1's single `mode` is still read, but not offered.
activity = schemas["dataset.activity"]
activity["properties"].pop("mode")
activity.pop("anyOf")
activity["required"] += ["travel", "venue"]
schemas.update({
    "Problem": obj({"type": S, "title": S, "status": I, "detail": S, "instance": S}, {
        "errors": {"type": "array", "description": "Each broken rule, located as the importer reports it.", "items": obj(
            {"location": S, "field": S, "value": S, "rule": S, "message": S})}}),
    "LocalizedText": obj({}, {"en": S, "id": S}, "A text in English and Indonesian (either may be absent)."),
    "PartnershipSummary": obj({
        "key": S, "kind": S, "cities": keys, "title": ref("LocalizedText"), "alsoApplies": keys,
        "agreements": arr(obj({"kind": S, "signed": S})), "activityCount": I, "participants": I, "participantsApproximate": B},
        {"stage": S, "status": S, "lastActivity": S}),
    "PartnershipList": obj({"total": I, "limit": I, "offset": I, "byStatus": {"type": "object", "additionalProperties": I},
                            "byStage": {"type": "object", "additionalProperties": I}, "items": arr(ref("PartnershipSummary"))},
                           {"next": {"type": "string", "description": "The cursor of the next page, when this one was full."}}),
    "City": reader("city"),
    "CityPage": page("City"),
    "CityDetail": obj({"city": ref("City"), "initiatives": arr(ref("Initiative")), "observations": arr(ref("Observation"))}),
    "Agreement": reader("agreement", drop=["partnership"]),
    "Milestone": reader("milestone", drop=["partnership"]),
    "Activity": reader("activity", drop=["partnership"], required_extra=["travel", "venue"]),
    "Initiative": reader("initiative", drop=["city"]),
    "Observation": reader("observation", drop=["city"]),
    "Partnership": reader("partnership", extra={
        "city": ref("City"), "partnerCity": ref("City"), "agreements": arr(ref("Agreement")),
        "milestones": arr(ref("Milestone")), "activities": arr(ref("Activity"))},
        required_extra=["agreements", "milestones", "activities"],
        desc="A partnership with its cities and everything recorded under it."),
    "FrameworkSummary": obj({"key": S, "name": ref("LocalizedText"), "verification": ref("dataset.verification"), "dimensions": keys, "nodeCount": I}),
    "FrameworkNode": reader("node", renames={"node": "FrameworkNode"}, versioned=False),
    "Crosswalk": reader("crosswalk", versioned=False),
    "Framework": reader("framework", renames={"node": "FrameworkNode"}, extra={"crosswalks": arr(ref("Crosswalk"))}, versioned=False,
                        required_extra=["crosswalks"]),
    "Source": reader("source", extra={"citation": {"type": "string", "description": "The short citation (author, year)."}},
                     required_extra=["citation"]),
    "SourcePage": page("Source"),
    "FeatureCollection": obj({"type": {"const": "FeatureCollection"}, "features": arr(obj({
        "type": {"const": "Feature"}, "id": S,
        "geometry": obj({"type": enum("Point", "LineString", "MultiLineString"), "coordinates": {"type": "array"}}),
        "properties": {"type": "object"}}))}, desc="GeoJSON (RFC 7946)."),
})
# The partnership's cities are answered whole (City), not as keys.
schemas["Partnership"]["required"].remove("city")
# What the evaluation computes (docs/EVALUATION.md): the core's result types as the CLI's --json writes them.
reach = ref("Reach")
direction = retarget(DATASET["node"]["properties"]["direction"], {})
evidence = obj({"kind": enum("activity", "initiative"), "key": S, "title": textref, "sources": keys}, {"date": date, "city": S},
               "A record that puts a dimension in evidence.")
unmapped = obj({"tag": tag, "reason": enum("unknown-node", "no-crosswalk", "not-in-crosswalk"), "activities": keys,
                "initiatives": keys, "activitiesLeftUnplaced": keys}, desc="A tag that could not be placed in the framework — listed, never dropped.")
status_reason = obj({"status": statuses}, {"agreement": S, "date": date, "days": I, "threshold": I})
schemas.update({
    "Reach": obj({"activities": I, "participants": I, "approximate": B, "activitiesWithoutCount": I},
                 desc="Activities delivered and the people they reached."),
    "Evidence": evidence,
    "UnmappedTag": unmapped,
    "DimensionFinding": obj({
        "node": S, "name": textref, "level": ref("NodeLevel"), "reach": reach,
        "roles": arr(obj({"role": S, "count": I, "approximate": B})),
        "personDays": obj({"approximate": B, "notComputable": keys}, {"value": I}),
        "evidence": arr(ref("Evidence")), "initiatives": arr(ref("Evidence")), "subdimensions": arr(ref("DimensionFinding"))},
        {"first": date, "last": date}),
    "NodeLevel": retarget(DATASET["node"]["properties"]["level"], {}),
    "TargetProgress": obj({"action": S, "target": ref("dataset.target"), "achieved": N, "approximate": B,
                           "status": enum("met", "on-track", "at-risk", "missed", "open"), "activities": keys, "sources": keys},
                          {"share": N, "expectedShare": N}),
    "PartnershipEvaluation": obj({
        "partnership": S, "city": S, "framework": S, "frameworkName": textref, "crosswalksUsed": keys, "asOf": date,
        "settings": obj({"dormantAfterMonths": I, "renewalWindowDays": I, "continuityShare": N, "resultsShare": N, "officialRoles": keys}),
        "status": obj({"status": statuses, "reason": status_reason, "alsoApplies": arr(status_reason), "endDateUnknown": B,
                       "ongoingWithoutEnd": arr(obj({"activity": S, "since": date}))}),
        "delivered": reach, "notCounted": keys, "dimensions": arr(ref("DimensionFinding")), "unplaced": keys,
        "unmappedTags": arr(ref("UnmappedTag")),
        "mou": obj({"basis": enum("in-force", "ever-signed", "none"), "agreements": keys, "agreed": keys, "implemented": keys,
                    "undelivered": keys, "outsideAgreement": keys, "activitiesPerField": {"type": "object", "additionalProperties": I},
                    "beforeAgreement": obj({"activities": keys, "fields": keys, "reach": reach}, {"signed": date})}),
        "infrastructure": obj({"soft": reach, "hard": reach, "unspecified": reach}),
        "reciprocity": obj({"toPartner": reach, "fromPartner": reach, "joint": reach, "remote": reach}),
        "continuity": obj({"until": I, "activeYears": arr(I)}, {"since": I, "start": date, "longestGap": obj({"from": I, "to": I})}),
        "years": arr(obj({"year": I, "reach": reach, "continuing": I})),
        "keyElements": arr(obj({"element": enum("legal-agreement", "community-participation", "commitment-continuity", "reciprocity", "results"),
                                "judgement": enum("met", "partly-met", "not-met", "not-enough-data"), "branch": S,
                                "figures": {"type": "object", "additionalProperties": I}})),
        "multiDimensional": keys,
        "plan": obj({"asOf": date, "spent": arr(money), "activitiesWithoutCost": I, "actions": arr(obj(
            {"action": S, "title": textref, "fields": keys, "activities": keys, "delivered": B, "spent": arr(money),
             "targets": arr(ref("TargetProgress"))},
            {"agreement": S, "start": date, "end": date, "budget": ref("dataset.budget")}))})},
        {"partnerCity": S, "partnerOrganisation": S}, "A partnership evaluated against a framework on a day (docs/EVALUATION.md)."),
    "ObservationPoint": obj({"period": date, "value": N, "approximate": B, "sources": keys}, {"note": S}),
    "CityProfile": obj({
        "city": S, "name": textref, "framework": S, "frameworkName": textref,
        "dimensions": arr(obj({"node": S, "name": textref, "initiatives": arr(ref("Evidence")), "indicators": arr(tag)})),
        "indicators": arr(obj({"indicator": tag, "series": arr(ref("ObservationPoint")), "trend": enum("rising", "falling", "steady", "single"),
                               "assessment": enum("better", "worse", "unchanged", "unknown")},
                              {"name": textref, "unit": S, "unitName": textref, "direction": direction, "dimension": S})),
        "unmappedTags": arr(ref("UnmappedTag"))}, desc="A city's initiatives and indicators against a framework."),
    "CityComparison": obj({
        "partnership": S, "framework": S, "frameworkName": textref, "city": ref("CityProfile"),
        "rows": arr(obj({"node": S, "name": textref, "initiatives": I, "partnerInitiatives": I, "hostedByCity": I, "hostedByPartner": I, "joint": I})),
        "sharedIndicators": arr(obj({"indicator": tag, "city": ref("ObservationPoint"), "partner": ref("ObservationPoint")},
                                    {"name": textref, "unit": S, "direction": direction})),
        "onlyCity": arr(tag), "onlyPartner": arr(tag)}, {"partner": ref("CityProfile")}, "The two cities of a partnership side by side."),
    "TagSuggestion": obj({"tag": tag, "score": N, "confidence": N, "matches": arr(ref("TagMatch"))},
                         {"subdimension": obj({"tag": tag, "score": N, "matches": arr(ref("TagMatch"))})}),
    "TagMatch": obj({"word": S, "term": S, "weight": N}, desc="A word of the text and the lexicon's term it matched."),
})
framework_q = q("framework", "A framework's key (default Cohen's Smart City Wheel).")
asof_q = q("asOf", "The day to evaluate on (YYYY-MM-DD; default today).")
xml = {"type": "string", "description": "IATI 2.03 iati-activities XML."}
paths = {
    "/api/v1/openapi.json": get("This document.", [], ok({"type": "object"})),
    "/api/v1/partnerships": get("A page of partnerships with the dashboard's filters, and the selection's counts.", filters + [q("sort", "title, kind, stage, status, agreements, activities, participants, last-activity."), q("order", "asc or desc.")] + paging, ok(ref("PartnershipList"))),
    "/api/v1/partnerships/{key}": get("A partnership with its cities, agreements, milestones and activities.", [path_key("surabaya-liverpool")], ok(ref("Partnership"))),
    "/api/v1/partnerships/{key}/evaluation": get("The partnership's evaluation (docs/EVALUATION.md).", [path_key("surabaya-liverpool"), framework_q, asof_q], ok(ref("PartnershipEvaluation"))),
    "/api/v1/partnerships/{key}/comparison": get("The two cities side by side.", [path_key("surabaya-liverpool"), framework_q, asof_q], ok(ref("CityComparison"))),
    "/api/v1/cities": get("A page of cities in name order.", [q("q", "Words in the name.")] + paging, ok(ref("CityPage"))),
    "/api/v1/cities/{key}": get("A city with its initiatives and observations.", [path_key("surabaya")], ok(ref("CityDetail"))),
    "/api/v1/cities/{key}/profile": get("The city's profile against a framework.", [path_key("surabaya"), framework_q, asof_q], ok(ref("CityProfile"))),
    "/api/v1/frameworks": get("The frameworks.", [], ok({"type": "array", "items": ref("FrameworkSummary")})),
    "/api/v1/frameworks/{key}": get("A framework with its crosswalks.", [path_key("cohen-smart-city-wheel")], ok(ref("Framework"))),
    "/api/v1/sources": get("A page of sources in citation order.", [q("q", "Words in the citation.")] + paging, ok(ref("SourcePage"))),
    "/api/v1/sources/{key}": get("A source.", [path_key("bps-jatim-2023")], ok(ref("Source"))),
    "/api/v1/suggest-tags": get("Dimension tags suggested for a text, with the words matched.", [dict(q("text", "The text to tag."), required=True)], ok(arr(ref("TagSuggestion")))),
    "/api/v1/geojson/partnerships": get("Partnerships as GeoJSON lines (the dashboard's filters).", filters, ok(ref("FeatureCollection"), media="application/geo+json")),
    "/api/v1/geojson/cities": get("Cities as GeoJSON points: a city and its partners, a country's, or all.", [q("city", "A city's key."), q("country", "ISO 3166-1 alpha-2.")], ok(ref("FeatureCollection"), media="application/geo+json")),
    "/api/v1/iati/partnerships/{key}": get("The partnership as IATI 2.03 activities, reported by its city.", [path_key("surabaya-liverpool")], ok(xml, media="application/xml"), {"409": problem}),
    "/api/v1/iati/cities/{key}": get("A city's partnerships as IATI 2.03 activities.", [path_key("surabaya")], ok(xml, media="application/xml"), {"409": problem}),
    "/api/v1/iati/all": get("Every partnership as IATI 2.03 activities, reported by the registry's publisher.", [], ok(xml, media="application/xml"), {"409": problem}),
}
# Writes: one record in the dataset format, with a personal API token.
collections = ["partnerships", "agreements", "milestones", "actions", "activities", "documents", "cities",
               "initiatives", "observations", "organisations", "sources", "fields"]
bearer = [{"token": []}]
def body(collection):
    """One record as the dataset format writes it (docs/DATASET.md): its `$defs` entry."""
    singular = {"activities": "activity", "cities": "city"}.get(collection, collection.removesuffix("s"))
    return {"required": True, "description": f"One record of {collection} in the dataset format (docs/DATASET.md).",
            "content": {"application/json": {"schema": ref(f"dataset.{singular}")}}}
written = {"description": "Written: the record's key and new version (send it as If-Match with the next change).",
           "content": {"application/json": {"schema": ref("Written")}},
           "headers": {"ETag": {"description": "The record's version.", "schema": {"type": "string"}}}}
if_match = {"name": "If-Match", "in": "header", "required": False, "description": "The version read (\"3\"): the write is refused if the record changed since.", "schema": {"type": "string"}}
refusals = {str(code): problem for code in [400, 403, 404, 405, 412, 413, 415, 422, 428, 503]}
for name in collections:
    many = paths.setdefault(f"/api/v1/{name}", {})
    many["post"] = {"summary": f"Create a record of {name}.", "security": bearer, "requestBody": body(name),
                    "responses": {"201": written, **refusals}}
    one = paths.setdefault(f"/api/v1/{name}/{{key}}", {})
    one["put"] = {"summary": f"Replace a record of {name} at the version read (If-Match required).", "security": bearer,
                  "parameters": [path_key(), dict(if_match, required=True)], "requestBody": body(name),
                  "responses": {"200": written, **refusals}}
    if "get" not in one:
        one.update(get(f"A record of {name} as it is written (the dataset format, what PUT takes), with its version.",
                       [path_key()], ok(obj({"collection": {"const": name}, "key": S, "version": version,
                                             "record": body(name)["content"]["application/json"]["schema"]}))))
    one["delete"] = {"summary": f"Delete a record of {name} (refused while others refer to it).", "security": bearer,
                     "parameters": [path_key(), if_match], "responses": {"204": {"description": "Deleted."}, **refusals}}
schemas["Written"] = obj({"key": S, "version": I, "collection": S})

doc = {"openapi": "3.1.0", "info": {"title": "Kembar API", "version": "1",
        "description": "Sister-city cooperation records and their evaluation (docs/OPENDATA.md, docs/DATASET.md). Reading needs no account; records marked internal are left out for readers who are not signed in. Errors are RFC 9457 problem details.",
        "license": {"name": "Data: as each record's sources; GeoNames CC BY 4.0; Natural Earth public domain"}},
       "servers": [{"url": "/"}], "paths": paths, "components": {"schemas": schemas, "securitySchemes": {
           "token": {"type": "http", "scheme": "bearer", "description": "A personal API token, made on the account page (`kmb_…`)."}}}}
OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {OUT.name}: {len(paths)} paths")
