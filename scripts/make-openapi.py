#!/usr/bin/env python3
"""Writes Sources/KembarWeb/Public/openapi.json: the OpenAPI 3.1 description of every endpoint under /api/v1, served
at /api/v1/openapi.json.

    python3 scripts/make-openapi.py

Edit this script, not the JSON. The test suite checks that every API route is described and every described path
is a route (`OpenDataTests`), that the document is valid OpenAPI 3.1 (openapi-spec-validator) and that a live server
on both backends answers as it says (schemathesis, scripts/fuzz-api.sh).
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources" / "KembarWeb" / "Public" / "openapi.json"
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def q(name, desc, schema=None): return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema or {"type": "string"}}
def path_key(desc="A record's key."): return {"name": "key", "in": "path", "required": True, "description": desc, "schema": {"type": "string"}}
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
text = {"type": "object", "description": "A text in English and Indonesian (either may be absent).",
        "properties": {"en": {"type": "string"}, "id": {"type": "string"}}}
nullable_string = {"type": ["string", "null"]}
schemas = {
    "Problem": {"type": "object", "required": ["type", "title", "status", "detail", "instance"], "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "instance": {"type": "string"},
        "errors": {"type": "array", "description": "Each broken rule, located as the importer reports it.", "items": {
            "type": "object", "required": ["location", "field", "value", "rule", "message"], "properties": {
                "location": {"type": "string"}, "field": {"type": "string"}, "value": {"type": "string"},
                "rule": {"type": "string"}, "message": {"type": "string"}}}}}},
    "LocalizedText": text,
    "PartnershipSummary": {"type": "object", "required": ["key", "kind", "cities", "title", "alsoApplies", "agreements", "activityCount", "participants", "participantsApproximate"], "properties": {
        "key": {"type": "string"}, "kind": {"type": "string"}, "stage": {"type": "string"}, "cities": {"type": "array", "items": {"type": "string"}},
        "title": ref("LocalizedText"), "status": {"type": "string"}, "alsoApplies": {"type": "array", "items": {"type": "string"}},
        "agreements": {"type": "array", "items": {"type": "object", "required": ["kind", "signed"], "properties": {"kind": {"type": "string"}, "signed": {"type": "string"}}}},
        "activityCount": {"type": "integer"}, "participants": {"type": "integer"}, "participantsApproximate": {"type": "boolean"},
        "lastActivity": {"type": "string"}}},
    "PartnershipList": {"type": "object", "required": ["total", "limit", "offset", "byStatus", "byStage", "items"], "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "next": {"type": "string", "description": "The cursor of the next page, when this one was full."},
        "byStatus": {"type": "object", "additionalProperties": {"type": "integer"}},
        "byStage": {"type": "object", "additionalProperties": {"type": "integer"}},
        "items": {"type": "array", "items": ref("PartnershipSummary")}}},
    "City": {"type": "object", "required": ["key", "name", "country", "adminLevel", "characteristics", "sources"], "properties": {
        "key": {"type": "string"}, "name": ref("LocalizedText"), "country": {"type": "string"}, "subdivision": {"type": "string"},
        "adminLevel": {"type": "string"},
        "population": {"type": "object", "required": ["count", "year"], "properties": {"count": {"type": "integer"}, "year": {"type": "integer"}}},
        "coordinates": {"type": "object", "required": ["latitude", "longitude"], "properties": {"latitude": {"type": "number"}, "longitude": {"type": "number"}}},
        "characteristics": {"type": "array", "items": {"type": "string"}}, "organisationIdentifier": {"type": "string"},
        "sources": {"type": "array", "items": {"type": "string"}}}},
    "CityPage": {"type": "object", "required": ["total", "limit", "offset", "items"], "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "next": {"type": "string", "description": "The cursor of the next page, when this one was full."}, "items": {"type": "array", "items": ref("City")}}},
    "CityDetail": {"type": "object", "required": ["city", "initiatives", "observations"], "properties": {
        "city": ref("City"), "initiatives": {"type": "array", "items": {"type": "object"}}, "observations": {"type": "array", "items": {"type": "object"}}}},
    "Partnership": {"type": "object", "required": ["key", "kind", "sources", "agreements", "milestones", "activities"], "description": "A partnership with its cities and everything recorded under it (the dataset format's records, docs/DATASET.md).", "properties": {
        "key": {"type": "string"}, "kind": {"type": "string"}, "name": ref("LocalizedText"), "stage": {"type": "string"},
        "city": ref("City"), "partnerCity": ref("City"), "partnerOrganisation": {"type": "string"},
        "sources": {"type": "array", "items": {"type": "string"}}, "agreements": {"type": "array", "items": {"type": "object"}},
        "milestones": {"type": "array", "items": {"type": "object"}}, "activities": {"type": "array", "items": {"type": "object"}}}},
    "FrameworkSummary": {"type": "object", "required": ["key", "name", "verification", "dimensions", "nodeCount"], "properties": {
        "key": {"type": "string"}, "name": ref("LocalizedText"), "verification": {"type": "string", "description": "How well the framework was checked against its sources: verified, partial, secondary, recalled, editorial or disputed."},
        "dimensions": {"type": "array", "items": {"type": "string"}}, "nodeCount": {"type": "integer"}}},
    "Source": {"type": "object", "required": ["key", "citation", "source"], "properties": {
        "key": {"type": "string"}, "citation": {"type": "string"}, "source": {"type": "object"}}},
    "SourcePage": {"type": "object", "required": ["total", "limit", "offset", "items"], "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "next": {"type": "string", "description": "The cursor of the next page, when this one was full."}, "items": {"type": "array", "items": ref("Source")}}},
    "FeatureCollection": {"type": "object", "required": ["type", "features"], "description": "GeoJSON (RFC 7946).", "properties": {
        "type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": {"type": "object", "required": ["type", "id", "geometry", "properties"], "properties": {
            "type": {"const": "Feature"}, "id": {"type": "string"},
            "geometry": {"type": "object", "required": ["type", "coordinates"], "properties": {"type": {"enum": ["Point", "LineString", "MultiLineString"]}, "coordinates": {"type": "array"}}},
            "properties": {"type": "object"}}}}}},
}
framework_q = q("framework", "A framework's key (default Cohen's Smart City Wheel).")
asof_q = q("asOf", "The day to evaluate on (YYYY-MM-DD; default today).")
xml = {"type": "string", "description": "IATI 2.03 iati-activities XML."}
paths = {
    "/api/v1/openapi.json": get("This document.", [], ok({"type": "object"})),
    "/api/v1/partnerships": get("A page of partnerships with the dashboard's filters, and the selection's counts.", filters + [q("sort", "title, kind, stage, status, agreements, activities, participants, last-activity."), q("order", "asc or desc.")] + paging, ok(ref("PartnershipList"))),
    "/api/v1/partnerships/{key}": get("A partnership with its cities, agreements, milestones and activities.", [path_key()], ok(ref("Partnership"))),
    "/api/v1/partnerships/{key}/evaluation": get("The partnership's evaluation (docs/EVALUATION.md).", [path_key(), framework_q, asof_q], ok({"type": "object"})),
    "/api/v1/partnerships/{key}/comparison": get("The two cities side by side.", [path_key(), framework_q, asof_q], ok({"type": "object"})),
    "/api/v1/cities": get("A page of cities in name order.", [q("q", "Words in the name.")] + paging, ok(ref("CityPage"))),
    "/api/v1/cities/{key}": get("A city with its initiatives and observations.", [path_key()], ok(ref("CityDetail"))),
    "/api/v1/cities/{key}/profile": get("The city's profile against a framework.", [path_key(), framework_q, asof_q], ok({"type": "object"})),
    "/api/v1/frameworks": get("The frameworks.", [], ok({"type": "array", "items": ref("FrameworkSummary")})),
    "/api/v1/frameworks/{key}": get("A framework with its crosswalks.", [path_key()], ok({"type": "object"})),
    "/api/v1/sources": get("A page of sources in citation order.", [q("q", "Words in the citation.")] + paging, ok(ref("SourcePage"))),
    "/api/v1/sources/{key}": get("A source.", [path_key()], ok(ref("Source"))),
    "/api/v1/suggest-tags": get("Dimension tags suggested for a text, with the words matched.", [dict(q("text", "The text to tag."), required=True)], ok({"type": "array", "items": {"type": "object"}})),
    "/api/v1/geojson/partnerships": get("Partnerships as GeoJSON lines (the dashboard's filters).", filters, ok(ref("FeatureCollection"), media="application/geo+json")),
    "/api/v1/geojson/cities": get("Cities as GeoJSON points: a city and its partners, a country's, or all.", [q("city", "A city's key."), q("country", "ISO 3166-1 alpha-2.")], ok(ref("FeatureCollection"), media="application/geo+json")),
    "/api/v1/iati/partnerships/{key}": get("The partnership as IATI 2.03 activities, reported by its city.", [path_key()], ok(xml, media="application/xml"), {"409": problem}),
    "/api/v1/iati/cities/{key}": get("A city's partnerships as IATI 2.03 activities.", [path_key()], ok(xml, media="application/xml"), {"409": problem}),
    "/api/v1/iati/all": get("Every partnership as IATI 2.03 activities, reported by the registry's publisher.", [], ok(xml, media="application/xml"), {"409": problem}),
}
# Writes: one record in the dataset format, with a personal API token.
collections = ["partnerships", "agreements", "milestones", "actions", "activities", "documents", "cities",
               "initiatives", "observations", "organisations", "sources", "fields"]
bearer = [{"token": []}]
record = {"required": True, "description": "One record as the dataset format writes it (docs/DATASET.md), e.g. a city's `id`, `name`, `country`, `adminLevel`.",
          "content": {"application/json": {"schema": {"type": "object"}}}}
written = {"description": "Written: the record's key and new version (send it as If-Match with the next change).",
           "content": {"application/json": {"schema": ref("Written")}},
           "headers": {"ETag": {"description": "The record's version.", "schema": {"type": "string"}}}}
if_match = {"name": "If-Match", "in": "header", "required": False, "description": "The version read (\"3\"): the write is refused if the record changed since.", "schema": {"type": "string"}}
refusals = {str(code): problem for code in [400, 403, 404, 405, 412, 413, 415, 422, 428, 503]}
for name in collections:
    many = paths.setdefault(f"/api/v1/{name}", {})
    many["post"] = {"summary": f"Create a record of {name}.", "security": bearer, "requestBody": record,
                    "responses": {"201": written, **refusals}}
    one = paths.setdefault(f"/api/v1/{name}/{{key}}", {})
    one["put"] = {"summary": f"Replace a record of {name} at the version read (If-Match required).", "security": bearer,
                  "parameters": [path_key(), dict(if_match, required=True)], "requestBody": record,
                  "responses": {"200": written, **refusals}}
    one["delete"] = {"summary": f"Delete a record of {name} (refused while others refer to it).", "security": bearer,
                     "parameters": [path_key(), if_match], "responses": {"204": {"description": "Deleted."}, **refusals}}
schemas["Written"] = {"type": "object", "required": ["key", "version", "collection"], "properties": {
    "key": {"type": "string"}, "version": {"type": "integer"}, "collection": {"type": "string"}}}

doc = {"openapi": "3.1.0", "info": {"title": "Kembar API", "version": "1",
        "description": "Sister-city cooperation records and their evaluation (docs/OPENDATA.md, docs/DATASET.md). Reading needs no account; records marked internal are left out for readers who are not signed in. Errors are RFC 9457 problem details.",
        "license": {"name": "Data: as each record's sources; GeoNames CC BY 4.0; Natural Earth public domain"}},
       "servers": [{"url": "/"}], "paths": paths, "components": {"schemas": schemas, "securitySchemes": {
           "token": {"type": "http", "scheme": "bearer", "description": "A personal API token, made on the account page (`kmb_…`)."}}}}
OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {OUT.name}: {len(paths)} paths")
