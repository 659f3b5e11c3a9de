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
    assert {name.split(".")[0] for name in FIELDS} >= {
        "Journey",
        "Catalog",
        "Phase",
        "Touchpoint",
        "Owner",
        "Persona",
        "Metric",
        "Playbook",
        "Review",
    }


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


# The editor and lint read the same values: every value below gets the same verdict from the
# JSON Schema (on the data an editor sees: YAML 1.2, dates as text) and from lint.
MAP = """\
journeyctl: {version}
kind: journey
id: {map_id}
title: Onboarding
status: {status}
review:
  last_reviewed: {last_reviewed}
  every_days: {every_days}
owners:
  - id: {owner_id}
    name: Customer Success Manager
phases:
  - id: land
    name: Land
    metrics:
      - name: Time to first value
        target: {target}
    touchpoints:
      - id: {touchpoint_id}
        name: Kickoff call
        channel: {channel}
        mode: {mode}
        owner: {owner_id}
        emotion: {emotion}
        moment_that_matters: {moment}
"""
DEFAULTS = {
    "version": "1",
    "map_id": "onboarding",
    "status": "active",
    "last_reviewed": "2026-12-02",
    "every_days": "90",
    "owner_id": "csm",
    "target": "30",
    "touchpoint_id": "kickoff",
    "channel": "email",
    "mode": "human",
    "emotion": "1",
    "moment": "true",
}
VALUES = (
    [
        ("last_reviewed", text)
        for text in (
            "2026-12-02",
            '"2026-12-02"',
            "'2026-12-02'",
            "2026-02-30",
            '"2026-02-30"',
            "2026-9-5",
            '"2026-9-5"',
            "2026-12-02T10:00:00",
            "20261202",
            '""',
            "null",
            "tomorrow",
        )
    ]
    + [("every_days", text) for text in ("90", "90.0", "9e1", "0x5a", "-5", "0", "3661", "1.5", '"90"', "true", "null")]
    + [("emotion", text) for text in ("1", "1.0", "-2", "-2.0", "2.5", "3", "-3", "true", '"1"', "null", "0o1", ".inf")]
    + [("moment", text) for text in ("true", "false", "True", "yes", "on", '"true"', "1", "null")]
    + [("map_id", text) for text in ("onboarding", "Onboarding", "on_boarding", '"42"', "a" * 64, "a" * 65, "a" * 256)]
    + [("touchpoint_id", text) for text in ("kickoff", "Kickoff", "k" * 64, "k" * 65, '""')]
    + [("owner_id", text) for text in ("csm", "CSM", "c" * 64, "c" * 65)]
    + [("channel", text) for text in ("email", "Email", "video-call", "fax", "null")]
    + [("mode", text) for text in ("human", "digital", "Human", "hybrid", "null", '""')]
    + [("status", text) for text in ("active", "draft", "retired", "Active", "archived", "null", "1")]
    + [("target", text) for text in ("30", "30.5", '"< 30 days"', "true", "null", "-1")]
    + [("version", text) for text in ("1", '"1"', "2", "true")]
)
# The JSON data an editor sees cannot tell these from valid values: 1.0 and 0x1 are the number 1
# (a version is written `1`), JSON has no NaN, and a review due after 9999 depends on two fields.
EDITOR_CANNOT_TELL = [("version", "1.0"), ("version", "0x1"), ("target", ".nan"), ("last_reviewed", "9999-12-01")]


def _editor_data(value):
    """Our loader's data as the editor's YAML 1.2 parser gives it: a date is its text."""
    if isinstance(value, dict):
        return {key: _editor_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_editor_data(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _verdicts(field, text):
    from journeyctl.loading import load_text

    yaml_text = MAP.format(**{**DEFAULTS, field: text})
    map_file, problems = load_text("map.yaml", yaml_text)
    lint_ok = map_file is not None and not problems
    from journeyctl.loading.source import parse

    data = _editor_data(parse("map.yaml", yaml_text).data)
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    editor_errors = [error.message for error in validator.iter_errors(data)]
    return lint_ok, editor_errors, problems


@pytest.mark.parametrize("field, text", VALUES, ids=[f"{field}={text[:20]}" for field, text in VALUES])
def test_editor_and_lint_give_the_same_verdict(field, text):
    lint_ok, editor_errors, problems = _verdicts(field, text)
    assert lint_ok == (not editor_errors), (
        f"{field}: {text}: lint says {[p.message for p in problems] or 'clean'}, the editor says {editor_errors or 'clean'}"
    )


@pytest.mark.parametrize("field, text", EDITOR_CANNOT_TELL)
def test_what_the_editor_cannot_tell_lint_reports(field, text):
    lint_ok, editor_errors, _ = _verdicts(field, text)
    assert not lint_ok and not editor_errors


def test_hover_text_has_one_title_and_markdown():
    """An editor shows the title of every schema that matches a value, joined by ||: one per field."""
    for name, prop in FIELDS.items():
        branches = prop.get("anyOf", [])
        assert all("$ref" in branch or branch == {"type": "null"} for branch in branches), (
            f"{name}: an optional field without a model is one schema"
        )
        titles = [prop.get("title")] + [
            SCHEMA["$defs"][b["$ref"].rsplit("/", 1)[-1]].get("title") for b in branches if "$ref" in b
        ]
        assert len([title for title in titles if title]) == 1, f"{name}: titles {titles}"
        assert "`" not in prop["description"] and prop["markdownDescription"], name
    assert not any("enum" in definition for definition in SCHEMA["$defs"].values()), "enums are inlined in their fields"
    assert (
        SCHEMA["$defs"]["Touchpoint"]["properties"]["mode"]["markdownDescription"]
        == "`human` or `digital` (customer-facing)."
    )
