"""The security boundary: a customer render shows every customer-facing field and no internal one.

The map below holds a unique marker in every internal field (INTERNAL-MARKER-...) and in every id
(IDMARKER-..., ids are not customer-facing either), and a unique value in every customer-facing
field (CUSTOMER-...). The expectations come from the spec's table, not from render/view.py.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import pdf_text, render_documents, squeeze, write_map

from journeyctl.loading import load_workspace
from journeyctl.render.view import People, build_view

INTERNAL = "INTERNAL-MARKER-"
ID = "idmarker-"
REVIEW_DATE = "2031-07-19"  # review is internal: neither the date nor the next-review date may show
# `when` is customer-facing ("123 days before renewal"); the term (term_days: 400, so day 277), a
# phase's window (days 0-287) and an internal touchpoint's day (311) are not, nor are the
# internal render's coverage and cadence sections.
INTERNAL_DAYS = ("DAY277", "287", "DAY311", "COVERAGE", "CONTACTCADENCE")


def customer_facing_values() -> list[str]:
    return [
        f"CUSTOMER-{name}"
        for name in (
            "journey-title",
            "journey-summary",
            "journey-segment",
            "phase-name",
            "phase-goal",
            "phase-entry",
            "phase-exit",
            "metric-name",
            "metric-target",
            "metric-source",
            "touchpoint-name",
            "touchpoint-customer-view",
            "touchpoint-timing",
            "owner-name",
            "persona-name",
            "persona-role",
        )
    ] + [
        "Email",
        "automated or self-service",
        "123 days before renewal",
    ]  # the touchpoint's channel, mode and when, as a reader reads them


def marker_maps(folder):
    catalog = {
        "journeyctl": 1,
        "kind": "catalog",
        # Involved only in an internal touchpoint, so never shown to the customer.
        "personas": [
            {
                "id": f"{ID}hidden-persona",
                "name": f"{INTERNAL}hidden-persona-name",
                "role": f"{INTERNAL}hidden-persona-role",
            }
        ],
    }
    journey = {
        "journeyctl": 1,
        "kind": "journey",
        "id": "leak-test",
        "title": "CUSTOMER-journey-title",
        "summary": "CUSTOMER-journey-summary",
        "segment": "CUSTOMER-journey-segment",
        "engagement": "hybrid",
        "status": "retired",
        "owner": f"{ID}map-owner",
        "review": {"last_reviewed": REVIEW_DATE, "every_days": 30},
        "term_days": 400,
        "owners": [
            {
                "id": f"{ID}owner",
                "name": "CUSTOMER-owner-name",
                "team": f"{INTERNAL}owner-team",
                "contact": f"{INTERNAL}owner-contact",
            },
            {"id": f"{ID}map-owner", "name": f"{INTERNAL}map-owner-name", "team": f"{INTERNAL}map-owner-team"},
        ],
        "personas": [
            {
                "id": f"{ID}persona",
                "name": "CUSTOMER-persona-name",
                "role": "CUSTOMER-persona-role",
                "goals": [f"{INTERNAL}persona-goal"],
                "pain_points": [f"{INTERNAL}persona-pain-point"],
                "quote": f"{INTERNAL}persona-quote",
            },
            # The map's own personas, involved only in an internal touchpoint or an internal
            # phase: customers see neither their name nor their role.
            {
                "id": f"{ID}map-hidden-persona",
                "name": f"{INTERNAL}map-hidden-persona-name",
                "role": f"{INTERNAL}map-hidden-persona-role",
            },
            {
                "id": f"{ID}internal-phase-persona",
                "name": f"{INTERNAL}internal-phase-persona-name",
                "role": f"{INTERNAL}internal-phase-persona-role",
            },
        ],
        "phases": [
            {
                "id": f"{ID}phase",
                "name": "CUSTOMER-phase-name",
                "stage": "land",
                "when": {"from": 0, "to": 287},
                "customer_goal": "CUSTOMER-phase-goal",
                "objective": f"{INTERNAL}phase-objective",
                "entry_criteria": ["CUSTOMER-phase-entry"],
                "exit_criteria": ["CUSTOMER-phase-exit"],
                "metrics": [
                    {
                        "name": "CUSTOMER-metric-name",
                        "target": "CUSTOMER-metric-target",
                        "source": "CUSTOMER-metric-source",
                        "visibility": "customer",
                    },
                    {
                        "name": f"{INTERNAL}metric-name",
                        "target": f"{INTERNAL}metric-target",
                        "source": f"{INTERNAL}metric-source",
                    },
                ],
                "touchpoints": [
                    {
                        "id": f"{ID}touchpoint",
                        "name": "CUSTOMER-touchpoint-name",
                        "customer_view": "CUSTOMER-touchpoint-customer-view",
                        "description": f"{INTERNAL}touchpoint-description",
                        "channel": "email",
                        "mode": "digital",
                        "owner": f"{ID}owner",
                        "personas": [f"{ID}persona"],
                        "timing": "CUSTOMER-touchpoint-timing",
                        "when": {"before_renewal": 123},
                        "emotion": -2,
                        "moment_that_matters": True,
                        "pain_points": [f"{INTERNAL}touchpoint-pain-point"],
                        "opportunities": [f"{INTERNAL}touchpoint-opportunity"],
                        "playbooks": [
                            {
                                "title": f"{INTERNAL}playbook-title",
                                "url": f"https://{INTERNAL.lower()}playbook-url.example.com/play",
                                "trigger": f"{INTERNAL}playbook-trigger",
                            }
                        ],
                        "backstage": [f"{INTERNAL}touchpoint-backstage"],
                        "notes": f"{INTERNAL}touchpoint-notes",
                    },
                    {  # emotion per persona: internal like the single number, keyed by an id
                        "id": f"{ID}per-persona-touchpoint",
                        "name": "CUSTOMER-per-persona-touchpoint-name",
                        "customer_view": "CUSTOMER-per-persona-touchpoint-view",
                        "channel": "email",
                        "owner": f"{ID}owner",
                        "personas": [f"{ID}persona"],
                        "emotion": {f"{ID}persona": -2},
                    },
                    {
                        "id": f"{ID}internal-touchpoint",
                        "name": f"{INTERNAL}internal-touchpoint-name",
                        "customer_view": f"{INTERNAL}internal-touchpoint-customer-view",
                        "channel": "meeting",
                        "owner": f"{ID}map-owner",
                        "personas": [f"{ID}hidden-persona", f"{ID}map-hidden-persona"],
                        "timing": f"{INTERNAL}internal-touchpoint-timing",
                        "when": {"day": 311},
                        "visibility": "internal",
                    },
                ],
            },
            {
                "id": f"{ID}internal-phase",
                "name": f"{INTERNAL}internal-phase-name",
                "visibility": "internal",
                "customer_goal": f"{INTERNAL}internal-phase-goal",
                "entry_criteria": [f"{INTERNAL}internal-phase-entry"],
                "touchpoints": [
                    {
                        "id": f"{ID}touchpoint-in-internal-phase",
                        "name": f"{INTERNAL}touchpoint-in-internal-phase",
                        "customer_view": f"{INTERNAL}touchpoint-in-internal-phase-view",
                        "channel": "phone",
                        "owner": f"{ID}owner",
                        "personas": [f"{ID}internal-phase-persona"],
                    }
                ],
            },
        ],
    }
    write_map(folder, "catalog.yaml", catalog)
    write_map(folder, "leak-test.yaml", journey, dates=(REVIEW_DATE,))
    return folder


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    return marker_maps(tmp_path_factory.mktemp("leak"))


# For an account the touchpoint's `when` reads as its calendar date: start 2027-01-15, day 277.
ACCOUNT_WHEN = "19 October 2027"


def assert_customer_safe(text: str, where: str, shown: list[str] | None = None) -> None:
    flat = squeeze(text).upper()
    for forbidden in (INTERNAL, ID, REVIEW_DATE, "2031-08-18"):
        assert squeeze(forbidden).upper() not in flat, f"{forbidden} leaked into {where}"
    # Emotion and moments that matter are internal: not even their legend may appear
    # (the stylesheet, shared by both audiences, may name their classes).
    words = squeeze(re.sub(r"<style>.*?</style>", "", text, flags=re.S)).upper()
    # The touchpoint's emotion is -2: its label would read "very negative".
    for word in ("EMOTION", "VERYNEGATIVE", "MOMENTTHATMATTER", "PLAYBOOK", "RETIRED", *INTERNAL_DAYS):
        assert word not in words, f"{word.lower()} appears in {where}"
    for value in customer_facing_values() if shown is None else shown:
        assert squeeze(value).upper() in flat, f"customer-facing {value} is missing from {where}"


def test_the_markers_are_really_in_the_map(maps):
    """The control: the internal render shows every marker, so the test below can fail."""
    internal = render_documents([maps], "md", "internal")["leak-test"]
    for marker in (
        "phase-objective",
        "touchpoint-notes",
        "owner-contact",
        "persona-quote",
        "playbook-trigger",
        "internal-phase-name",
        "internal-touchpoint-name",
        "metric-source",
        "map-owner-name",
    ):
        assert f"{INTERNAL}{marker}" in internal
    assert REVIEW_DATE in internal
    assert "CUSTOMER-persona-name: -2 very negative" in internal  # the emotion per persona


def test_the_customer_view_model_holds_no_internal_data(maps):
    """The boundary is in the data, so no template (a user's included) can reach an internal field."""
    workspace = load_workspace([str(maps)])
    journey = workspace.journeys[0].model
    view = build_view(journey, People.for_journey(journey, [item.model for item in workspace.catalogs]), "customer")
    dumped = repr(dataclasses.asdict(view))
    assert INTERNAL not in dumped and ID not in dumped and REVIEW_DATE not in dumped
    assert re.search(r"'internal': (?!None)", dumped) is None  # every internal part is None


def test_the_customer_text_rule_reads_exactly_the_customer_facing_text(maps):
    """JC212 (customer text that looks internal) must read what customers see, and only that."""
    from journeyctl.lint.rules.jc212_customer_text_looks_internal import customer_texts

    workspace = load_workspace([str(maps)])
    read = {text for item in workspace.maps for _, text in customer_texts(item.model) if text}
    assert {value for value in customer_facing_values() if value.startswith("CUSTOMER-")} <= read
    # The names and roles of every persona and owner are read: the safe side, as the rule cannot
    # know which of them a catalog's other maps show to customers.
    assert {text for text in read if INTERNAL in text} == {
        f"{INTERNAL}map-owner-name",
        f"{INTERNAL}hidden-persona-name",
        f"{INTERNAL}hidden-persona-role",
        f"{INTERNAL}map-hidden-persona-name",
        f"{INTERNAL}map-hidden-persona-role",
        f"{INTERNAL}internal-phase-persona-name",
        f"{INTERNAL}internal-phase-persona-role",
    }


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_customer_text_formats_leak_nothing(maps, fmt):
    document = render_documents([maps], fmt, "customer")["leak-test"]
    assert isinstance(document, str)
    assert_customer_safe(document, f"customer {fmt}")  # for HTML: raw text, so attributes and comments too


def test_customer_pdf_leaks_nothing(maps):
    pages = pdf_text(render_documents([maps], "pdf", "customer")["leak-test"])
    assert_customer_safe("\n".join(pages), "customer pdf")


def write_account(folder):
    """An account for the marker map: its name, contacts and people are customer-facing; its notes
    and its id are not (docs/format.md, "Audiences of the new fields")."""
    account = {
        "journeyctl": 1,
        "kind": "account",
        "id": f"{ID}account",
        "name": "CUSTOMER-account-name",
        "journey": "leak-test",
        "start": "2027-01-15",
        "contacts": {f"{ID}owner": {"name": "CUSTOMER-contact-name", "email": "customer-contact@example.com"}},
        "personas": {f"{ID}persona": {"name": "CUSTOMER-account-person"}},
        "notes": f"{INTERNAL}account-notes",
    }
    return write_map(folder, "account.yaml", account, dates=("2027-01-15",))


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_an_accounts_customer_render_leaks_nothing(maps, tmp_path, fmt):
    from typer.testing import CliRunner

    from journeyctl.cli.app import app

    path = write_account(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "render",
            str(maps),
            "--account",
            str(path),
            "-a",
            "customer",
            "-f",
            fmt,
            "--out",
            str(out),
            "--allow-lint-errors",
        ],
    )
    assert result.exit_code == 0, result.output
    data = (out / f"leak-test.{fmt}").read_bytes()
    text = "\n".join(pdf_text(data)) if fmt == "pdf" else data.decode()
    when_as_dates = [
        ACCOUNT_WHEN if value == "123 days before renewal" else value for value in customer_facing_values()
    ]
    assert_customer_safe(text, f"an account's customer {fmt}", when_as_dates)
    for value in (
        "CUSTOMER-account-name",
        "CUSTOMER-contact-name",
        "customer-contact@example.com",
        "CUSTOMER-account-person",
    ):
        assert squeeze(value).upper() in squeeze(text).upper(), f"{value} is missing from the account's {fmt}"
