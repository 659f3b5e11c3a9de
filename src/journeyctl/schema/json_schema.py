"""The JSON Schema of both file kinds, for editors and other tools; generated from the models."""

from __future__ import annotations

import json
from typing import Sequence

from pydantic.json_schema import models_json_schema

from journeyctl.schema.channels import DEFAULT_CHANNELS
from journeyctl.schema.models import Catalog, Journey

def build_json_schema(channels: Sequence[str] = DEFAULT_CHANNELS) -> dict:
    _, top = models_json_schema(
        [(Journey, "validation"), (Catalog, "validation")], ref_template="#/$defs/{model}"
    )
    definitions = top["$defs"]
    definitions["Touchpoint"]["properties"]["channel"]["enum"] = list(channels)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "journeyctl map file (format version 1)",
        "description": "A customer journey map (kind: journey) or shared owners and personas (kind: catalog).",
        "type": "object",
        "required": ["journeyctl", "kind"],
        "properties": {"kind": {"enum": ["journey", "catalog"]}},
        # if/then rather than oneOf: editors then report the errors of the one kind the file says it is.
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": {"$ref": f"#/$defs/{name}"}}
            for kind, name in (("journey", "Journey"), ("catalog", "Catalog"))
        ],
        "$defs": definitions,
    }


def json_schema_text(channels: Sequence[str] = DEFAULT_CHANNELS) -> str:
    return json.dumps(build_json_schema(channels), indent=2, ensure_ascii=False) + "\n"
