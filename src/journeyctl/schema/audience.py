"""Who reads each field of the map format: declared once, on the field, as data.

Every field of every model is declared with one of three markers instead of pydantic's `Field`
(same arguments), following "What the customer sees" in docs/format.md:

    name: Text = customer_facing(description="Short name.", examples=["Kickoff call"])
    notes: str | None = internal(None, description="Free notes for the team.")
    visibility: Visibility = decides_visibility(Visibility.customer, description="...")

- `customer_facing`: a customer-facing render may show it, on an item the customer sees.
  A list of items (phases, touchpoints) is customer-facing when the customer may see any of
  them; each item's own fields then say what of it. `reference=True` for a value that names
  something defined elsewhere (an owner id, persona ids, a channel): the customer reads what it
  names, and the lint of customer text (JC212) reads that where it is defined.
- `internal`: never reaches a customer-facing output.
- `decides_visibility`: not shown, but says whether the customer sees the item at all.

The diff classification (diff/classify.py), the customer texts JC212 reads and the audience
wording of the JSON Schema are derived from these marks. render/view.py stays a hand-written
allow-list (the boundary by construction) and a test holds it to exactly the customer fields.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field
from pydantic_core import PydanticUndefined

AUDIENCE_KEY = "x-audience"  # in the field's JSON Schema too: editors and other tools can read it
_REFERENCE_KEY = "x-reference"


class Audience(str, Enum):
    customer = "customer"
    internal = "internal"
    visibility = "visibility"  # decides whether the customer sees the item


class Visibility(str, Enum):
    """The value of a `visibility` field: whether the customer sees the item."""

    customer = "customer"
    internal = "internal"


def customer_facing(default: Any = PydanticUndefined, *, reference: bool = False, **field: Any) -> Any:
    return _marked(Audience.customer, default, field, {_REFERENCE_KEY: True} if reference else {})


def internal(default: Any = PydanticUndefined, **field: Any) -> Any:
    return _marked(Audience.internal, default, field)


def decides_visibility(default: Any = PydanticUndefined, **field: Any) -> Any:
    return _marked(Audience.visibility, default, field)


def _marked(audience: Audience, default: Any, field: dict[str, Any], more: dict[str, Any] | None = None) -> Any:
    extra = {**(field.pop("json_schema_extra", None) or {}), AUDIENCE_KEY: audience.value, **(more or {})}
    return Field(default, json_schema_extra=extra, **field)


def audience_of(model: type[BaseModel], name: str) -> Audience:
    """The declared audience of `model.name`; a field declared without a marker is an error."""
    extra = model.model_fields[name].json_schema_extra
    if not isinstance(extra, dict) or AUDIENCE_KEY not in extra:
        raise LookupError(
            f"{model.__name__}.{name} declares no audience: use customer_facing(...), "
            "internal(...) or decides_visibility(...) from journeyctl.schema.audience"
        )
    return Audience(extra[AUDIENCE_KEY])


def is_reference(model: type[BaseModel], name: str) -> bool:
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get(_REFERENCE_KEY) is True


@functools.cache  # models are classes, fixed once defined
def fields_of(model: type[BaseModel], *audiences: Audience) -> tuple[str, ...]:
    """The names of `model`'s fields declared for one of `audiences`, in model order."""
    return tuple(name for name in model.model_fields if audience_of(model, name) in audiences)


def shown_to_customer(item: BaseModel) -> bool:
    """Whether the customer may see `item` itself: every field that decides it says `customer`.
    (Its container must be shown too: a touchpoint of an internal phase is not.)"""
    for name in _switches(type(item)):
        if getattr(item, name) is not Visibility.customer:
            return False
    return True


@functools.cache  # one key, not fields_of's (model, audience): lint asks this of every item
def _switches(model: type[BaseModel]) -> tuple[str, ...]:
    return fields_of(model, Audience.visibility)
