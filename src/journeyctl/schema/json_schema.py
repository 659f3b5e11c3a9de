"""The JSON Schema of every file kind, for editors and other tools; generated from the models."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic.json_schema import models_json_schema

from journeyctl.schema.audience import AUDIENCE_KEY, Audience
from journeyctl.schema.channels import DEFAULT_CHANNELS
from journeyctl.schema.models import Account, Catalog, Journey


def build_json_schema(channels: Sequence[str] = DEFAULT_CHANNELS) -> dict:
    _, top = models_json_schema(
        [(Journey, "validation"), (Catalog, "validation"), (Account, "validation")], ref_template="#/$defs/{model}"
    )
    definitions = top["$defs"]
    definitions["Touchpoint"]["properties"]["channel"]["enum"] = list(channels)
    enums = {name for name, definition in definitions.items() if "enum" in definition}
    for definition in definitions.values():
        _for_editors(definition)
        for name, prop in definition.get("properties", {}).items():
            _inline_enum(prop, definitions)
            _flatten_optional(prop)
            holds_models = "$ref" in json.dumps(prop)
            if not holds_models:  # a model's own definition has the title an editor shows
                prop.setdefault("title", name.replace("_", " ").capitalize())
            _word_audience(prop, holds_models)
            _for_editors(prop)
    for name in enums:  # inlined where they are used: one schema, one title per field
        del definitions[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "journeyctl map file (format version 1)",
        "description": "A customer journey map (kind: journey), shared owners and personas (kind: catalog) "
        "or one customer's account (kind: account).",
        "type": "object",
        "required": ["journeyctl", "kind"],
        "properties": {"kind": {"enum": ["journey", "catalog", "account"]}},
        # if/then rather than oneOf: editors then report the errors of the one kind the file says it is.
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": {"$ref": f"#/$defs/{name}"}}
            for kind, name in (("journey", "Journey"), ("catalog", "Catalog"), ("account", "Account"))
        ],
        "$defs": definitions,
    }


_WORDING = {Audience.customer: "customer-facing", Audience.internal: "internal"}


def _word_audience(prop: dict, holds_models: bool) -> None:
    """The field's audience (schema/audience.py) at the end of its description: "Short name
    (customer-facing)." Not on a `visibility` switch (its text says what it does), nor on a list
    of customer-facing items: each item's own fields say what the customer sees of it."""
    prop.pop("x-reference", None)  # how JC212 reads the field; no news to an editor
    audience = Audience(prop[AUDIENCE_KEY])
    wording = _WORDING.get(audience)
    if wording is None or (holds_models and audience is Audience.customer):
        return
    text = prop["description"]
    prop["description"] = f"{text[:-1]} ({wording})." if text.endswith(".") else f"{text} ({wording})"


def _for_editors(schema: dict) -> None:
    """yaml-language-server shows `markdownDescription` (backticks as code); other clients show
    `description` as plain text, so that one loses its backticks."""
    if "description" in schema:
        schema["markdownDescription"] = schema["description"]
        schema["description"] = schema["description"].replace("`", "")


_TYPED_CONSTRAINTS = {"type", "minimum", "maximum", "minLength", "maxLength", "pattern", "format"}


def _inline_enum(prop: dict, definitions: dict) -> None:
    """An enum field's values in the field itself, not behind a $ref to a definition with a
    second title (the editor would show both)."""
    for holder in [prop, *prop.get("anyOf", ())]:
        target = definitions.get(holder.get("$ref", "").rsplit("/", 1)[-1], {})
        if "enum" in target:
            del holder["$ref"]
            holder.update(type=target["type"], enum=target["enum"])


def _flatten_optional(prop: dict) -> None:
    """`X | None` as one schema with a null type, not an anyOf: an editor shows a title once per
    schema that matches, so the anyOf of pydantic gives `Customer View || Customer View`.
    A model (Review | None) keeps its anyOf: it has no type list to add null to."""
    branches = prop.get("anyOf")
    if not branches or {"type": "null"} not in branches:
        return
    others = [branch for branch in branches if branch != {"type": "null"}]
    if all(set(branch) <= {"type"} for branch in others):
        types = list(dict.fromkeys(branch["type"] for branch in others))
        if "number" in types and "integer" in types:
            types.remove("integer")  # every integer is a number
        merged: dict = {"type": [*types, "null"]}
    elif len(others) == 1 and set(others[0]) == {"type", "enum"}:
        merged = {"type": [others[0]["type"], "null"], "enum": [*others[0]["enum"], None]}
    elif len(others) == 1 and "type" in others[0] and set(others[0]) <= _TYPED_CONSTRAINTS:
        merged = {**others[0], "type": [others[0]["type"], "null"]}  # bounds apply to numbers only, not null
    elif len(others) == 1 and set(others[0]) == {"oneOf"}:  # one of several forms (emotion), or null
        merged = {"oneOf": [*others[0]["oneOf"], {"type": "null"}]}
    else:
        return
    del prop["anyOf"]
    prop.update(merged)


def json_schema_text(channels: Sequence[str] = DEFAULT_CHANNELS) -> str:
    return json.dumps(build_json_schema(channels), indent=2, ensure_ascii=False) + "\n"
