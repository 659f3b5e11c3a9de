"""Customer-facing or internal: the spec's "What the customer sees" table, as data.

A change is customer-facing when it touches a field the customer-facing render shows, on
an item the customer can see (a touchpoint or phase with `visibility: internal`, or a metric
without `visibility: customer`, hides everything in it).
"""

from __future__ import annotations

from journeyctl.schema.models import Metric, Phase, Status, Touchpoint, Visibility

# Straight from the spec's table (../shared/spec/map-format.md); a field not listed is internal.
CUSTOMER_FIELDS: dict[str, frozenset[str]] = {
    "map": frozenset({"title", "summary", "segment"}),
    "phase": frozenset({"name", "customer_goal", "entry_criteria", "exit_criteria",
                        # not in the table's columns, but it decides whether the customer sees the phase at all
                        "visibility"}),
    "touchpoint": frozenset({"name", "customer_view", "channel", "mode", "timing",
                             "visibility",
                             # the render shows the owner's name and the personas' names and roles,
                             # so pointing a touchpoint at another owner or persona changes what the customer reads
                             "owner", "personas"}),
    "owner": frozenset({"name"}),
    "persona": frozenset({"name", "role"}),
    # every field of a metric the customer sees is customer-facing; see metric_visible
    "metric": frozenset({"name", "target", "source", "visibility"}),
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
    return phase is not None and phase.visibility is Visibility.customer


def touchpoint_visible(phase: Phase | None, touchpoint: Touchpoint | None) -> bool:
    return touchpoint is not None and phase_visible(phase) and touchpoint.visibility is Visibility.customer


def metric_visible(phase: Phase | None, metric: Metric | None) -> bool:
    return metric is not None and phase_visible(phase) and metric.visibility is Visibility.customer
