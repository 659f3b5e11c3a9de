"""Customer-facing or internal: which changes the customer would see.

A change is customer-facing when it touches a field the customer-facing render shows, on
an item the customer can see (a touchpoint or phase with `visibility: internal`, or a metric
without `visibility: customer`, hides everything in it).
"""

from __future__ import annotations

from journeyctl.schema.audience import Audience, fields_of, shown_to_customer
from journeyctl.schema.models import Journey, Metric, Owner, Persona, Phase, Status, Touchpoint

_SUBJECTS = {
    "map": Journey,
    "phase": Phase,
    "touchpoint": Touchpoint,
    "owner": Owner,
    "persona": Persona,
    "metric": Metric,
}
# Derived from the audience each field declares (schema/audience.py, per docs/format.md); a
# field not customer-facing is internal. A `visibility` switch counts although the customer never
# reads it: it decides whether the customer sees the item at all. A touchpoint's `owner` and
# `personas` are customer-facing references: the render shows the owner's name and the personas'
# names and roles, so pointing a touchpoint elsewhere changes what the customer reads. A metric's
# fields count only on a metric the customer sees (metric_visible). Lists of items (phases,
# touchpoints, metrics, owners, personas) are in too, but compare.py compares them item by item.
CUSTOMER_FIELDS: dict[str, frozenset[str]] = {
    subject: frozenset(fields_of(model, Audience.customer, Audience.visibility)) for subject, model in _SUBJECTS.items()
}


def is_customer_field(subject: str, field: str) -> bool:
    """`field` may be nested (`review/every_days`); its first part decides."""
    return field.split("/", 1)[0] in CUSTOMER_FIELDS.get(subject, frozenset())


def is_customer_change(subject: str, field: str, old, new) -> bool:
    """A changed field the customer render shows: a customer field, or a map's `status` to or
    from draft (the customer sees a DRAFT mark, never the status itself)."""
    if subject == "map" and field == "status":
        return (old == Status.draft) != (new == Status.draft)
    return is_customer_field(subject, field)


def phase_visible(phase: Phase | None) -> bool:
    return phase is not None and shown_to_customer(phase)


def touchpoint_visible(phase: Phase | None, touchpoint: Touchpoint | None) -> bool:
    return touchpoint is not None and phase_visible(phase) and shown_to_customer(touchpoint)


def metric_visible(phase: Phase | None, metric: Metric | None) -> bool:
    return metric is not None and phase_visible(phase) and shown_to_customer(metric)
