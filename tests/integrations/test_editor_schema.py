"""The committed JSON Schema as an editor uses it: every field has a title, a description and
examples for the hover, and every example is valid for its own field."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "journeyctl.schema.json").read_text(encoding="utf-8"))


def _fields():
    for name, definition in SCHEMA.get("$defs", {}).items():
        for field, prop in definition.get("properties", {}).items():
            yield f"{name}.{field}", prop


FIELDS = dict(_fields())


def test_every_model_is_covered():
    assert {name.split(".")[0] for name in FIELDS} >= {"Journey", "Catalog", "Phase", "Touchpoint", "Owner",
                                                         "Persona", "Metric", "Playbook", "Review"}


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_field_has_title_description_and_valid_examples(name):
    prop = FIELDS[name]
    assert prop.get("description"), name
    # pydantic leaves out the title beside a $ref (enum and model fields): a gap in
    # schema/json_schema.py (GenerateJsonSchema.field_title_should_be_set), not in the models
    assert prop.get("title") or "$ref" in json.dumps(prop), name
    assert prop.get("examples"), name
    schema = {**prop, "$defs": SCHEMA["$defs"]}
    for example in prop["examples"]:
        jsonschema.validate(example, schema)
