"""docs/sheets.md names every column of the layout and every synonym, so the docs cannot drift."""

from __future__ import annotations

import re

from journeyctl.sheets.layout import (
    MAP_COLUMNS,
    OWNER_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    SHEET_LINK,
    TOUCHPOINT_COLUMNS,
    normalized,
)
from tests.sheets.helpers import REPOSITORY


def test_every_column_and_synonym_is_documented():
    text = (REPOSITORY / "docs" / "sheets.md").read_text(encoding="utf-8")
    cells = {
        normalized(cell)
        for line in text.splitlines()
        if line.startswith("|")
        for cell in re.split(r"\s*[|,]\s*", line.strip("| "))
        if cell
    }
    cells |= {normalized(re.sub(r"\s*\(.*\)", "", cell)) for cell in set(cells)}  # "Goals (list)" names Goals
    for column in (*MAP_COLUMNS, *PHASE_COLUMNS, *TOUCHPOINT_COLUMNS, *OWNER_COLUMNS, *PERSONA_COLUMNS, SHEET_LINK):
        assert normalized(column.header) in cells, f"docs/sheets.md does not name the column {column.header!r}"
    for column in (*MAP_COLUMNS, *PHASE_COLUMNS, *TOUCHPOINT_COLUMNS):
        for synonym in column.synonyms:
            assert normalized(synonym) in cells, f"docs/sheets.md does not name {column.header}'s synonym {synonym!r}"
