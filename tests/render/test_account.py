"""render --account: a customer map prepared for one account (docs/format.md, "Personalising a
customer map for one account"), and the located errors of an account that does not fit its journey."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import pdf_text, squeeze
from typer.testing import CliRunner

from journeyctl.cli.app import app

REPO = Path(__file__).resolve().parents[2]
MAP = REPO / "maps" / "enterprise-laer.yaml"
CATALOG = REPO / "maps" / "catalog.yaml"
ACME = REPO / "examples" / "accounts" / "acme.yaml"
NOTE = "EU data residency addendum"  # in acme.yaml's notes: internal


def render(*args):
    return CliRunner().invoke(app, ["render", *map(str, args)])


def account(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "account.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ACCOUNT = """journeyctl: 1
kind: account
id: acme
name: Acme Corporation
journey: enterprise-laer
start: 2027-01-15
contacts:
  csm: {name: Priya Raman, email: priya.raman@example.com}
personas:
  champion: {name: Jordan Lee}
notes: Signed after a 3-month pilot.
"""


def test_an_accounts_customer_pdf_names_the_customer_its_contacts_and_real_dates(tmp_path):
    result = render(
        MAP, CATALOG, "--account", ACME, "-a", "customer", "-f", "pdf", "--out", tmp_path, "--date", "2027-01-10"
    )
    assert result.exit_code == 0, result.output
    pages = pdf_text((tmp_path / "enterprise-laer.pdf").read_bytes())
    text = squeeze("".join(pages))
    assert squeeze("Prepared for Acme Corporation") in text
    assert squeeze("Your Customer Success Manager: Priya Raman") in text
    assert squeeze("Tomás Ortega") in text and squeeze("Jordan Lee") in text and squeeze("Alex Kim") in text
    # Kickoff is "Week 1": the week from the account's start, 15 January 2027.
    assert squeeze("Week 1 (15 to 21 January 2027)") in text
    assert squeeze("10 January 2027") in text  # the render date, in the footer of every page
    assert all("10 January 2027" in page for page in pages)
    assert squeeze(NOTE) not in text and "acme" not in text.lower().replace("acmecorporation", "")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_accounts_text_formats_are_personalised_and_hold_no_note(tmp_path, fmt):
    result = render(MAP, CATALOG, "--account", ACME, "-a", "customer", "-f", fmt, "--out", "-")
    assert result.exit_code == 0, result.output
    assert "Prepared for" in result.stdout and "Acme Corporation" in result.stdout
    assert "Priya Raman" in result.stdout and "15 to 21 January 2027" in result.stdout
    assert NOTE not in result.stdout and "pilot" not in result.stdout


def test_without_an_account_there_are_no_dates_or_names(tmp_path):
    result = render(MAP, CATALOG, "-a", "customer", "-f", "html", "--out", "-")
    assert result.exit_code == 0, result.output
    assert "Prepared for" not in result.stdout and "January 2027" not in result.stdout


def test_an_account_for_another_journey_is_a_located_error_and_nothing_is_written(tmp_path):
    other = account(tmp_path, ACCOUNT.replace("journey: enterprise-laer", "journey: enterprise-lear"))
    out = tmp_path / "out"
    result = render(MAP, CATALOG, "--account", other, "-a", "customer", "--out", out)
    assert result.exit_code == 1
    assert f"{other}:5:10:" in result.output
    assert "follows journey 'enterprise-lear'" in result.output and "did you mean 'enterprise-laer'" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        (
            "  csm: {",
            "  cms: {",
            "8:3",
            "unknown owner 'cms': journey 'enterprise-laer' has no such owner (did you mean 'csm'?)",
        ),
        ("  champion: {", "  champoin: {", "10:3", "unknown persona 'champoin'"),
    ],
)
def test_an_owner_or_persona_the_journey_lacks_is_a_located_error(tmp_path, old, new, where, message):
    wrong = account(tmp_path, ACCOUNT.replace(old, new))
    out = tmp_path / "out"
    result = render(MAP, CATALOG, "--account", wrong, "-a", "customer", "--out", out)
    assert result.exit_code == 1
    assert f"{wrong}:{where}:" in result.output and message in result.output
    assert not out.exists()
    lint = CliRunner().invoke(app, ["lint", str(MAP), str(CATALOG), str(wrong)])
    assert lint.exit_code == 1 and f"{wrong}:{where}:" in lint.output and "JC101" in lint.output


def test_an_account_without_a_start_is_a_located_error(tmp_path):
    wrong = account(tmp_path, ACCOUNT.replace("start: 2027-01-15\n", ""))
    result = render(MAP, CATALOG, "--account", wrong, "-a", "customer", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "missing required field 'start'" in result.output and "JC011" in result.output


def test_a_file_that_is_not_an_account_is_refused(tmp_path):
    result = render(MAP, CATALOG, "--account", CATALOG, "-a", "customer", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "not an account file" in result.output


def test_the_example_account_lints_clean_with_its_journey():
    result = CliRunner().invoke(app, ["lint", str(MAP), str(CATALOG), str(ACME)])
    assert result.exit_code == 0, result.output


def test_a_reproducible_render_date_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 15 January 2027
    result = render(MAP, CATALOG, "-a", "customer", "-f", "html", "--out", "-")
    assert result.exit_code == 0 and "15 January 2027" in result.stdout
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = render(MAP, CATALOG, "-a", "customer", "-f", "html", "--out", "-")
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in result.output
