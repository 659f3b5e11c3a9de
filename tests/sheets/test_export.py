"""`journeyctl export`: the layout, the customer boundary and formula-looking text, in CSV and XLSX."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from tests.sheets.helpers import MAPS, REPOSITORY, journeyctl, write_map, xlsx_text

INTERNAL = "INTERNAL-MARKER-"
ID = "idmarker-"
REVIEW_DATE = "2031-07-19"


def marker_map(folder):
    """A unique marker in every internal field and every id; CUSTOMER-... in every customer field."""
    folder.mkdir(exist_ok=True)
    journey = {
        "journeyctl": 1,
        "kind": "journey",
        "id": f"{ID}map",
        "title": "CUSTOMER-title",
        "summary": "CUSTOMER-summary",
        "segment": "CUSTOMER-segment",
        "engagement": "hybrid",
        "status": "retired",
        "owner": f"{ID}map-owner",
        "review": {"last_reviewed": REVIEW_DATE, "every_days": 77},
        "owners": [
            {
                "id": f"{ID}owner",
                "name": "CUSTOMER-owner-name",
                "team": f"{INTERNAL}team",
                "contact": f"{INTERNAL}contact",
            },
            {"id": f"{ID}map-owner", "name": f"{INTERNAL}map-owner-name"},
        ],
        "personas": [
            {
                "id": f"{ID}persona",
                "name": "CUSTOMER-persona-name",
                "role": "CUSTOMER-persona-role",
                "goals": [f"{INTERNAL}goal"],
                "pain_points": [f"{INTERNAL}persona-pain"],
                "quote": f"{INTERNAL}quote",
            }
        ],
        "phases": [
            {
                "id": f"{ID}phase",
                "name": "CUSTOMER-phase",
                "stage": "land",
                "customer_goal": "CUSTOMER-goal",
                "objective": f"{INTERNAL}objective",
                "entry_criteria": ["CUSTOMER-entry"],
                "exit_criteria": ["CUSTOMER-exit"],
                "metrics": [
                    {
                        "name": "CUSTOMER-metric",
                        "target": "CUSTOMER-target",
                        "source": "CUSTOMER-source",
                        "visibility": "customer",
                    },
                    {"name": f"{INTERNAL}metric", "target": f"{INTERNAL}target", "source": f"{INTERNAL}source"},
                ],
                "touchpoints": [
                    {
                        "id": f"{ID}touchpoint",
                        "name": "CUSTOMER-touchpoint",
                        "customer_view": "CUSTOMER-view",
                        "description": f"{INTERNAL}description",
                        "channel": "email",
                        "mode": "digital",
                        "owner": f"{ID}owner",
                        "personas": [f"{ID}persona"],
                        "timing": "CUSTOMER-timing",
                        "emotion": -2,
                        "moment_that_matters": True,
                        "pain_points": [f"{INTERNAL}pain"],
                        "opportunities": [f"{INTERNAL}opportunity"],
                        "playbooks": [
                            {
                                "title": f"{INTERNAL}playbook",
                                "url": "https://internal-marker-url.example.com/p",
                                "trigger": f"{INTERNAL}trigger",
                            }
                        ],
                        "backstage": [f"{INTERNAL}backstage"],
                        "notes": f"{INTERNAL}notes",
                    },
                    {
                        "id": f"{ID}hidden-touchpoint",
                        "name": f"{INTERNAL}hidden-touchpoint",
                        "channel": "phone",
                        "owner": f"{ID}map-owner",
                        "visibility": "internal",
                        "customer_view": f"{INTERNAL}hidden-view",
                    },
                ],
            },
            {
                "id": f"{ID}hidden-phase",
                "name": f"{INTERNAL}hidden-phase",
                "visibility": "internal",
                "customer_goal": f"{INTERNAL}hidden-goal",
                "touchpoints": [
                    {
                        "id": f"{ID}tp-in-hidden",
                        "name": f"{INTERNAL}tp-in-hidden",
                        "channel": "chat",
                        "owner": f"{ID}owner",
                    }
                ],
            },
        ],
    }
    write_map(folder / "leak.yaml", journey, dates=(REVIEW_DATE,))
    return folder


CUSTOMER_VALUES = [
    "CUSTOMER-title",
    "CUSTOMER-summary",
    "CUSTOMER-segment",
    "CUSTOMER-phase",
    "CUSTOMER-goal",
    "CUSTOMER-entry",
    "CUSTOMER-exit",
    "CUSTOMER-metric",
    "CUSTOMER-target",
    "CUSTOMER-source",
    "CUSTOMER-touchpoint",
    "CUSTOMER-view",
    "CUSTOMER-timing",
    "CUSTOMER-owner-name",
    "CUSTOMER-persona-name",
    "CUSTOMER-persona-role",
]


def exported(tmp_path, fmt: str, audience: str) -> str:
    source = marker_map(tmp_path / "maps")
    out = tmp_path / f"out.{fmt}"
    # the lint gate would refuse this map (an owner's name says INTERNAL): the filter is what is tested here
    result = journeyctl(
        "export", str(source), "--format", fmt, "--audience", audience, "--out", str(out), "--allow-lint-errors"
    )
    assert result.returncode == 0, result.stderr
    return out.read_bytes().decode("utf-8-sig") if fmt == "csv" else xlsx_text(out)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_internal_export_holds_every_marker(tmp_path, fmt):
    """The control: internal exports show the markers, so the customer test below can fail."""
    text = exported(tmp_path, fmt, "internal")
    for marker in (
        "objective",
        "notes",
        "trigger",
        "hidden-phase",
        "hidden-touchpoint",
        "source",
        "backstage",
        "hidden-goal",
        "contact",
        "quote",
        "map-owner-name",
        "goal",
        "persona-pain",
    ):
        assert f"{INTERNAL}{marker}" in text
    assert REVIEW_DATE in text and ID in text


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_customer_export_leaks_nothing(tmp_path, fmt):
    text = exported(tmp_path, fmt, "customer")  # for XLSX: every XML part of the archive, unzipped
    upper = text.upper()
    for forbidden in (
        INTERNAL,
        ID,
        REVIEW_DATE,
        "RETIRED",
        "HYBRID",
        "EMOTION",
        "PLAYBOOK",
        "MOMENT THAT",
        "OBJECTIVE",
        "BACKSTAGE",
        "INTERNAL-MARKER-URL",
    ):
        assert forbidden.upper() not in upper, f"{forbidden} leaked into the customer {fmt}"
    for value in CUSTOMER_VALUES:
        assert value in text, f"customer-facing {value} is missing from the customer {fmt}"


def test_the_customer_export_refuses_customer_text_that_looks_internal(tmp_path):
    """As render does: lint's customer-text errors stop a customer export, and nothing is written."""
    out = tmp_path / "customer.xlsx"
    result = journeyctl("export", str(marker_map(tmp_path / "maps")), "--audience", "customer", "--out", str(out))
    assert result.returncode == 1 and "JC212" in result.stderr and "nothing exported for the customer" in result.stderr
    assert not out.exists()


FORMULAS = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "'=already quoted",
]


def formula_map(folder):
    touchpoints = [
        {"id": f"t{number}", "name": text, "channel": "email", "owner": "csm", "notes": text}
        for number, text in enumerate(FORMULAS)
    ]
    touchpoints.append(
        {"id": "number", "name": "A plain number stays one", "channel": "email", "owner": "csm", "emotion": -2}
    )
    folder = folder / "maps"
    folder.mkdir()
    write_map(folder / "catalog.yaml", {"journeyctl": 1, "kind": "catalog", "owners": [{"id": "csm", "name": "@CSM"}]})
    write_map(
        folder / "formulas.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "formulas",
            "title": "=1+1",
            "phases": [{"id": "land", "name": "-Land", "touchpoints": touchpoints}],
        },
    )
    return folder


def test_csv_cells_that_could_start_a_formula_start_with_an_apostrophe(tmp_path):
    out = tmp_path / "f.csv"
    assert journeyctl("export", str(formula_map(tmp_path)), "--out", str(out)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row if cell]
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not cell.startswith("-") or cell == "-2", cell  # a plain number is no formula
    assert "'=1+1" in cells and "'-Land" in cells and "''=already quoted" in cells


def test_xlsx_cells_that_could_start_a_formula_are_text(tmp_path):
    out = tmp_path / "f.xlsx"
    assert journeyctl("export", str(formula_map(tmp_path)), "--out", str(out)).returncode == 0
    book = openpyxl.load_workbook(out)  # not data_only: a formula would read as a formula
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t")):
                    assert cell.data_type == "s" and cell.quotePrefix, f"{sheet.title}!{cell.coordinate}"
                    values.append(cell.value)
    assert set(FORMULAS) - {"'=already quoted"} <= set(values) and "=1+1" in values and "-Land" in values
    assert "<f>" not in xlsx_text(out)


def test_the_workbook_layout(tmp_path, monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    out = tmp_path / "maps.xlsx"
    assert journeyctl("export", str(MAPS), "--out", str(out)).returncode == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Journey" and "enterprise-laer" in book.sheetnames
    sheet = book["enterprise-laer"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Phase id" and sheet["A1"].font.bold
    assert sheet["B2"].alignment.wrap_text
    assert 10 <= sheet.column_dimensions["B"].width <= 60
    journey = book["Journey"]
    assert [cell.value for cell in journey[1]][:3] == ["Sheet", "Map id", "Title"]
    assert journey.max_row == 1 + len([path for path in MAPS.glob("*.yaml") if path.name != "catalog.yaml"])


def test_csv_refuses_several_maps(tmp_path, monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    result = journeyctl("export", str(MAPS), "--out", str(tmp_path / "all.csv"))
    assert result.returncode == 2 and "a CSV file holds one map" in result.stderr
    assert not (tmp_path / "all.csv").exists()
