"""The layout holds every field of the format, so an export loses nothing and import reads it all back;
and which columns customers get is each field's declared audience (schema/audience.py)."""

from __future__ import annotations

import pytest

from journeyctl.schema.audience import Audience, fields_of
from journeyctl.schema.models import Journey, Metric, Owner, Persona, Phase, Playbook, Review, Touchpoint
from journeyctl.sheets.layout import (
    MAP_COLUMNS,
    METRIC_PARTS,
    OWNER_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    PLAYBOOK_PARTS,
    TOUCHPOINT_COLUMNS,
    guard_csv,
    unguard_csv,
)

# What the sheets hold as their structure, not as a column: the file's kind, and the tables themselves.
STRUCTURE = {
    Journey: {"journeyctl", "kind", "owners", "personas", "phases"},
    Phase: {"touchpoints"},
}
TABLES = [
    (Journey, MAP_COLUMNS),
    (Phase, PHASE_COLUMNS),
    (Touchpoint, TOUCHPOINT_COLUMNS),
    (Owner, OWNER_COLUMNS),
    (Persona, PERSONA_COLUMNS),
    (Metric, METRIC_PARTS),
    (Playbook, PLAYBOOK_PARTS),
]


@pytest.mark.parametrize("model, columns", TABLES, ids=lambda item: getattr(item, "__name__", ""))
def test_every_field_has_its_column(model, columns):
    """A new field of the format needs its line in sheets/layout.py (one line: header, field, kind)."""
    held = {column.field.split(".")[0] for column in columns}
    missing = set(model.model_fields) - held - STRUCTURE.get(model, set())
    assert not missing, f"{model.__name__} fields without a column in sheets/layout.py: {sorted(missing)}"


def test_every_review_field_has_its_column():
    held = {column.field.split(".", 1)[1] for column in MAP_COLUMNS if column.field.startswith("review.")}
    assert held == set(Review.model_fields)


@pytest.mark.parametrize("model, columns", TABLES, ids=lambda item: getattr(item, "__name__", ""))
def test_customers_get_exactly_the_customer_facing_columns(model, columns):
    customer = {column.field for column in columns if column.customer}
    assert customer == set(fields_of(model, Audience.customer)) - STRUCTURE.get(model, set())


@pytest.mark.parametrize("text", ["=1+1", "'=1+1", "''@x", "-2", "-Land", "+", "'", "plain", "'quoted", "\tx", "-1.5"])
def test_the_csv_guard_gives_back_exactly_what_it_guarded(text):
    assert unguard_csv(guard_csv(text)) == text
