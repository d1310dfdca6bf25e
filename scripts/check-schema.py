#!/usr/bin/env python3
"""Validates Kembar dataset files against docs/kembar-dataset.schema.json (JSON Schema 2020-12).

Usage: python3 scripts/check-schema.py FILE.json...   (needs the `jsonschema` package from PyPI)
Exit status 1 and one line per error when a file does not conform.
"""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs" / "kembar-dataset.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for name in sys.argv[1:]:
    errors = sorted(validator.iter_errors(json.loads(pathlib.Path(name).read_text())), key=lambda e: list(e.path))
    for error in errors:
        failed = True
        print(f"{name}: $.{'.'.join(str(p) for p in error.path)}: {error.message}")
    if not errors:
        print(f"{name}: conforms to the Kembar dataset schema")
sys.exit(1 if failed else 0)
