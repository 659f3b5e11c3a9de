"""The security boundary with actuals (render --actuals): a customer render shows the values of the
metrics with `visibility: customer` and nothing of the others, and no render shows an account id or
a per-account value (docs/format.md, "Audiences of the new fields")."""

from __future__ import annotations

import functools

import pytest
from conftest import pdf_text, squeeze

from journeyctl.measure.on_map import actuals_on_map
from journeyctl.render.run import RenderRequest, run

MAP = """\
journeyctl: 1
kind: journey
id: leak-actuals
title: Leak test with actuals
owners:
  - id: csm
    name: Customer Success Manager
phases:
  - id: land
    name: Land
    exit_criteria: [Success plan agreed]
    metrics:
      - id: shown
        name: Shown metric
        goal: {max: 5000, unit: days, aggregate: median}
        visibility: customer
      - id: hidden
        name: INTERNAL-MARKER-metric
        goal: {min: 1}
    touchpoints:
      - id: kickoff
        name: Kickoff call
        channel: email
        owner: csm
        metrics:
          - id: tp-shown
            name: Touchpoint metric shown
            goal: {min: 1}
            visibility: customer
          - id: tp-hidden
            name: INTERNAL-MARKER-touchpoint-metric
            goal: {min: 1}
"""
# Per-account rows: the medians are 4242.5 (shown), 9191 (hidden), 3131 and 6161; the accounts'
# own values (1111, 8888, ...) and their ids never reach a render.
ACTUALS = """\
metric,period,value,account
shown,2026-09,3434,ACCOUNT-MARKER-a
shown,2026-10,1111,ACCOUNT-MARKER-a
shown,2026-10,4242.5,ACCOUNT-MARKER-b
shown,2026-10,8888,ACCOUNT-MARKER-c
hidden,2026-10,9191,ACCOUNT-MARKER-a
tp-shown,2026-10,3131,ACCOUNT-MARKER-a
tp-hidden,2026-10,6161,ACCOUNT-MARKER-a
"""
CUSTOMER = ["4,242.5", "Shown metric", "3,131", "Touchpoint metric shown"]
TREND = "3,434 → 4,242.5"  # as text in Markdown, in the line's label in HTML; a line alone in the PDF
NEVER = ["ACCOUNT-MARKER", "1,111", "8,888", "1111", "8888"]
INTERNAL_ONLY = ["9,191", "6,161", "INTERNAL-MARKER"]


@pytest.fixture
def rendered(tmp_path):
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: []\n")
    (tmp_path / "map.yaml").write_text(MAP)
    (tmp_path / "actuals.csv").write_text(ACTUALS)

    def render(audience: str) -> dict[str, str]:
        out = tmp_path / audience
        result = run(
            RenderRequest(
                paths=[str(tmp_path / "map.yaml")],
                formats=["md", "html", "pdf"],
                audience=audience,  # type: ignore[arg-type]
                out=str(out),
                config_file=tmp_path / ".journeyctl.yaml",
                actuals=functools.partial(actuals_on_map, files=[str(tmp_path / "actuals.csv")]),
            )
        )
        assert not result.stopped, result.problems
        return {
            "md": (out / "leak-actuals.md").read_text(),
            "html": (out / "leak-actuals.html").read_text(),
            "pdf": "\n".join(pdf_text((out / "leak-actuals.pdf").read_bytes())),
        }

    return render


def _contains(document: str, fmt: str, text: str) -> bool:
    if fmt == "pdf":
        return squeeze(text) in squeeze(document)
    return text in document.replace("\\", "")  # Markdown escapes punctuation


def test_customer_renders_show_customer_actuals_only(rendered):
    for fmt, document in rendered("customer").items():
        for text in CUSTOMER + ([TREND] if fmt != "pdf" else []):
            assert _contains(document, fmt, text), (fmt, text)
        for text in NEVER + INTERNAL_ONLY:
            assert not _contains(document, fmt, text), (fmt, text)


def test_internal_renders_show_every_metric_and_still_no_account(rendered):
    for fmt, document in rendered("internal").items():
        for text in CUSTOMER + ["9,191", "6,161"]:
            assert _contains(document, fmt, text), (fmt, text)
        for text in NEVER:
            assert not _contains(document, fmt, text), (fmt, text)


def test_html_has_a_trend_line_per_measured_metric(rendered):
    html = rendered("customer")["html"]
    assert html.count('<svg class="trend"') == 2 and "<polyline" in html
