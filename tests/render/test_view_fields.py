"""The customer part of the render view (render/view.py, an allow-list written by hand) shows
exactly the fields the models mark customer-facing (schema/audience.py): a new customer-facing
field fails here until the view shows it, and so does a view field marked internal."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from journeyctl.render import view
from journeyctl.schema import (
    Account,
    AccountPerson,
    Catalog,
    Contact,
    Journey,
    Metric,
    Owner,
    Persona,
    Phase,
    Touchpoint,
)
from journeyctl.schema.audience import Audience, fields_of
from journeyctl.schema.models import Goal, When
from tests.test_audience import every_model

VIEWS = {
    Journey: view.JourneyView,
    Phase: view.PhaseView,
    Touchpoint: view.TouchpointView,
    Metric: view.MetricView,
    Goal: view.GoalView,
    Owner: view.OwnerView,
    Persona: view.PersonaView,
    Account: view.AccountView,
    Contact: view.ContactView,
    AccountPerson: view.AccountPersonView,
}

# View fields that are no model field, each for a reason the customer may see.
MADE_BY_THE_VIEW = {
    "internal": "the internal part, None for customers",
    "audience": "which render this is",
    "draft": "the DRAFT mark of `status: draft` (the status itself is internal; docs/format.md)",
    "anchor": "made from positions, never from ids",
    "number": "the reader's count (2.3), never an id",
    "actual": "the metric's latest measured value (render --actuals), one number per period, never per account",
    "account": "the account a map is prepared for (render --account): an AccountView",
    "contact": "the account's person in the owner's role (Account.contacts)",
    "person": "the account's own person in the persona's place (Account.personas)",
    "dates": "the calendar dates of the timing from the account's start (Account.start)",
    "in_role": "the owner's name, the role a contact fills (Owner.name)",
    "persona": "the persona's name an account's person stands in for (Persona.name)",
}
# View classes of no model, each for a reason the customer may see them.
VIEWS_OF_NO_MODEL = {
    view.ActualView: "a metric's measured value per period (render --actuals): no account id, no per-account value",
}
# Customer-facing model fields that the view shows somewhere else.
SHOWN_ELSEWHERE = {
    (Journey, "owners"): "each owner's name shows beside the touchpoints it runs (TouchpointView.owner)",
}
# Models that have customer-facing fields but no view of their own.
WITHOUT_A_VIEW = {
    Catalog: "its owners and personas reach a render through a journey's touchpoints (view.People)",
    When: "a touchpoint's `when` reaches the render as its words, TouchpointView.when (timeline.label)",
}


@pytest.mark.parametrize("model", list(VIEWS), ids=lambda model: model.__name__)
def test_the_view_shows_exactly_the_customer_fields(model):
    shown = {field.name for field in dataclasses.fields(VIEWS[model])} - set(MADE_BY_THE_VIEW)
    customer = set(fields_of(model, Audience.customer)) - {name for m, name in SHOWN_ELSEWHERE if m is model}
    view_name = VIEWS[model].__name__
    assert not customer - shown, (
        f"{model.__name__} marks {sorted(customer - shown)} customer-facing but "
        f"{view_name} does not show it: add it to render/view.py or mark it internal"
    )
    assert not shown - customer, (
        f"{view_name} shows {sorted(shown - customer)}, which {model.__name__} does not "
        "mark customer-facing: move it to the internal part or mark it customer_facing"
    )


def test_every_model_with_customer_fields_has_a_view():
    without = [
        model.__name__
        for model in every_model()
        if fields_of(model, Audience.customer) and model not in VIEWS and model not in WITHOUT_A_VIEW
    ]
    assert not without, f"{without} have customer-facing fields but no view in render/view.py (VIEWS above)"


def test_every_customer_part_of_the_view_is_checked():
    """The view classes a customer template reaches (every field but `internal`, at any depth)
    are the ones held to the models above: a new one needs its model here."""
    reached: set[type] = set()

    def visit(annotation) -> None:
        if dataclasses.is_dataclass(annotation) and annotation not in reached:
            reached.add(annotation)
            for name, hint in typing.get_type_hints(annotation).items():
                if name != "internal":
                    visit(hint)
        for argument in typing.get_args(annotation):
            visit(argument)

    visit(view.JourneyView)
    assert reached == set(VIEWS.values()) | set(VIEWS_OF_NO_MODEL)
