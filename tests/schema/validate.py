#!/usr/bin/python3
"""Validates a JSON document against one of the schemas in schemas/ (Debian's python3-jsonschema).

usage: validate.py SCHEMA JSON_FILE   -- exit 0 when valid, 1 with the first errors otherwise.
"""
import json
import pathlib
import sys

import jsonschema


def main() -> int:
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(document_path, encoding="utf-8") as handle:
        document = json.load(handle)
    # Schemas refer to each other ("model.schema.json#/$defs/source"): resolve them locally.
    store = {}
    for path in pathlib.Path(schema_path).parent.glob("*.schema.json"):
        with open(path, encoding="utf-8") as handle:
            other = json.load(handle)
        store[other["$id"]] = other
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:10]:
        print(f"{'/'.join(map(str, error.absolute_path))}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
