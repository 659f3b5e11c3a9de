"""Every field declares its audience once (schema/audience.py), and what is derived from it
follows: the JSON Schema's wording and the customer texts that JC212 reads."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from journeyctl.lint.rules.jc212_customer_text_looks_internal import customer_texts
from journeyctl.schema import MODEL_BY_KIND
from journeyctl.schema.audience import (
    AUDIENCE_KEY,
    Audience,
    Visibility,
    audience_of,
    customer_facing,
    decides_visibility,
    fields_of,
    internal,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "journeyctl.schema.json").read_text(encoding="utf-8"))


def every_model() -> list[type[BaseModel]]:
    """Every model a map file can hold: the file kinds and the models their fields hold, at any depth."""
    found: list[type[BaseModel]] = []

    def visit(annotation) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for field in annotation.model_fields.values():
                    visit(field.annotation)
        for argument in typing.get_args(annotation):
            visit(argument)

    for model in MODEL_BY_KIND.values():
        visit(model)
    return found


FIELDS = [(model, name) for model in every_model() for name in model.model_fields]


def test_the_walk_finds_the_nested_models():
    assert {model.__name__ for model in every_model()} >= {
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


@pytest.mark.parametrize(("model", "name"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n in FIELDS])
def test_every_field_declares_its_audience_and_does_not_write_it_by_hand(model, name):
    audience_of(model, name)  # raises LookupError with what to do when there is no marker
    description = model.model_fields[name].description or ""
    # the schema adds "(customer-facing)" or "(internal)" from the marker
    assert "(customer-facing)" not in description and "(internal)" not in description, f"{model.__name__}.{name}"


def test_a_field_without_a_marker_is_refused_with_what_to_do():
    class Plain(BaseModel):
        note: str = ""

    with pytest.raises(LookupError, match=r"Plain\.note declares no audience: use customer_facing\(\.\.\.\)"):
        audience_of(Plain, "note")


SCHEMA_FIELDS = [
    (name, field, prop)
    for name, definition in SCHEMA["$defs"].items()
    for field, prop in definition.get("properties", {}).items()
]


@pytest.mark.parametrize(("name", "field", "prop"), SCHEMA_FIELDS, ids=[f"{n}.{f}" for n, f, _ in SCHEMA_FIELDS])
def test_the_schema_words_each_field_by_its_marker(name, field, prop):
    audience = Audience(prop[AUDIENCE_KEY])
    holds_models = "$ref" in json.dumps(prop)
    for text in (prop["description"], prop["markdownDescription"]):
        worded = {text.endswith("(customer-facing)."): "customer", text.endswith("(internal)."): "internal"}.get(True)
        if audience is Audience.internal:
            assert worded == "internal", text
        elif audience is Audience.customer and not holds_models:
            assert worded == "customer", text
        else:  # a visibility switch, or a list of items whose own fields say it
            assert worded is None, text


# --- the customer texts JC212 reads, derived from the marks ---------------------------------


class _Item(BaseModel):
    shown: str = customer_facing()
    hidden: str = internal()
    visibility: Visibility = decides_visibility(Visibility.customer)


class _Sheet(BaseModel):
    title: str = customer_facing()
    lines: list[str] = customer_facing()
    mode: Visibility = customer_facing(Visibility.customer)  # an enum: the format's own words, not text
    owner: str = customer_facing(reference=True)  # the customer reads what it names, not the id
    notes: str = internal()
    items: list[_Item] = customer_facing()
    kept: list[_Item] = internal()


def test_customer_texts_follow_the_marks_and_skip_hidden_items():
    sheet = _Sheet(
        title="T",
        lines=["a", "b"],
        owner="csm",
        notes="N",
        items=[
            _Item(shown="one", hidden="x"),
            _Item(shown="two", hidden="y", visibility="internal"),
            _Item(shown="three", hidden="z"),
        ],
        kept=[_Item(shown="never", hidden="never")],
    )
    assert list(customer_texts(sheet)) == [
        (("title",), "T"),
        (("lines", 0), "a"),
        (("lines", 1), "b"),
        (("items", 0, "shown"), "one"),
        (("items", 2, "shown"), "three"),
    ]
    assert fields_of(_Sheet, Audience.customer) == ("title", "lines", "mode", "owner", "items")
