"""`journeyctl init --sheet FILE.xlsx`: the import's template; filled in as it comes, it imports cleanly."""

from __future__ import annotations

import openpyxl
import pytest

from tests.sheets.helpers import run, write_map


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def validations(sheet) -> dict[str, str]:
    """Header -> the list of values Excel offers in its column."""
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cells in validation.sqref.ranges:
            found[headers[cells.coord.split(":")[0].rstrip("0123456789")]] = validation.formula1
    return found


def test_the_template_has_the_sheets_headers_examples_and_lists(tmp_path):
    path = tmp_path / "journey.xlsx"
    result = run("init", "--sheet", str(path))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["How to fill this in", "Journey", "Touchpoints", "Owners", "Personas"]
    for name in book.sheetnames[1:]:
        assert book[name].max_row == 2, f"{name}: a header row and one example row"
        assert book[name].freeze_panes == "A2"
    lists = validations(book["Touchpoints"])
    assert lists["Channel"].startswith('"email,in-app,video-call')
    assert lists["Mode"] == '"human,digital"' and lists["Visibility"] == '"customer,internal"'
    assert lists["Emotion"] == '"-2,-1,0,1,2"' and lists["Phase visibility"] == '"customer,internal"'
    help_text = " ".join(str(cell.value) for row in book["How to fill this in"].iter_rows() for cell in row)
    assert "One row per touchpoint" in help_text and "journeyctl import" in help_text
    assert "What the customer experiences, in their words" in help_text  # the model's own description


def test_the_template_imports_as_it_comes(tmp_path):
    path = tmp_path / "journey.xlsx"
    assert run("init", "--sheet", str(path)).returncode == 0
    result = run("import", str(path), "--out", str(tmp_path / "onboarding.yaml"))
    assert result.returncode == 0 and "error" not in result.stderr, result.stderr
    assert run("lint", str(tmp_path / "onboarding.yaml")).returncode == 0


def test_catalog_owners_and_personas_are_not_repeated(tmp_path):
    write_map(
        tmp_path / "catalog.yaml",
        {
            "journeyctl": 1,
            "kind": "catalog",
            "owners": [{"id": "csm", "name": "CSM"}],
            "personas": [{"id": "champion", "name": "Champion"}],
        },
    )
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: [catalog.yaml]\n")
    path = tmp_path / "journey.xlsx"
    assert run("init", "--sheet", str(path)).returncode == 0
    assert "Owners" not in openpyxl.load_workbook(path).sheetnames
    result = run("import", str(path), "--out", str(tmp_path / "onboarding.yaml"))
    assert result.returncode == 0 and "error" not in result.stderr, result.stderr


def test_init_never_overwrites_a_file(tmp_path):
    path = tmp_path / "journey.xlsx"
    path.write_bytes(b"mine")
    result = run("init", "--sheet", str(path))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert path.read_bytes() == b"mine"
