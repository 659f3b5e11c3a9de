"""Journey maps -> sheets in the one layout (sheets/layout.py).

The internal audience writes every field from the models, so that import gives the map back.
The customer audience writes only customer columns, read from the render view model
(render/view.py), which holds no internal data: what the audience filter drops is not there to
be written, whatever a column says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from journeyctl.problems import UsageError
from journeyctl.render.view import Audience, People, build_view
from journeyctl.schema.models import Catalog, Journey
from journeyctl.sheets.files import Sheet
from journeyctl.sheets.layout import (
    ITEM_PARTS,
    JOURNEY_SHEET,
    MAP_COLUMNS,
    MAP_LINK,
    OWNER_ROW_COLUMNS,
    OWNERS_SHEET,
    PERSONA_ROW_COLUMNS,
    PERSONAS_SHEET,
    PHASE_COLUMNS,
    SHEET_COLUMNS,
    SHEET_LINK,
    TOUCHPOINT_COLUMNS,
    Column,
    write_cell,
)

_ALWAYS_ON_EVERY_ROW = ("id", "name")  # a phase's id and name: every row of it can be sorted and filtered
_SHEET_NAME_LIMIT = 31  # Excel's
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def shown(columns: Sequence[Column], audience: Audience) -> tuple[Column, ...]:
    return tuple(column for column in columns if audience == "internal" or column.customer)


def _source(journey: Journey, catalogs: Sequence[Catalog], audience: Audience):
    """What the columns read: the model itself, or for customers its filtered view."""
    if audience == "internal":
        return journey
    return build_view(journey, People.for_journey(journey, catalogs), audience)


def _get(item: Any, field: str) -> Any:
    for step in field.split("."):
        item = getattr(item, step, None)
    return item


def _cell(column: Column, item: Any, audience: Audience) -> Any:
    parts = tuple(part for part in ITEM_PARTS.get(column.field, ()) if audience == "internal" or part.customer)
    return write_cell(column, _get(item, column.field), parts)


def map_rows(source: Any, audience: Audience, *, with_map_columns: bool) -> list[list[Any]]:
    """The header row and one row per touchpoint (a phase without touchpoints: one row of its own)."""
    map_columns = shown(MAP_COLUMNS, audience) if with_map_columns else ()
    phase_columns, touchpoint_columns = shown(PHASE_COLUMNS, audience), shown(TOUCHPOINT_COLUMNS, audience)
    rows: list[list[Any]] = [[column.header for column in (*map_columns, *phase_columns, *touchpoint_columns)]]
    for phase in source.phases:
        for number, touchpoint in enumerate(phase.touchpoints or [None]):
            row = [_cell(column, source, audience) if not rows[1:] else None for column in map_columns]
            row += [
                _cell(column, phase, audience) if number == 0 or column.field in _ALWAYS_ON_EVERY_ROW else None
                for column in phase_columns
            ]
            row += [_cell(column, touchpoint, audience) if touchpoint else None for column in touchpoint_columns]
            rows.append(row)
    if len(rows) == 1 and map_columns:  # a map without phases still has its map fields
        rows.append(
            [_cell(column, source, audience) for column in map_columns]
            + [None] * (len(phase_columns) + len(touchpoint_columns))
        )
    return rows


def csv_sheet(journeys: Sequence[Journey], catalogs: Sequence[Catalog], audience: Audience) -> Sheet:
    if len(journeys) != 1:
        raise UsageError(
            f"a CSV file holds one map, and {len(journeys)} were named; name one map file, "
            "or use --format xlsx (a sheet per map)"
        )
    source = _source(journeys[0], catalogs, audience)
    rows = map_rows(source, audience, with_map_columns=True)
    for columns, people in ((OWNER_ROW_COLUMNS, getattr(source, "owners", ())), (PERSONA_ROW_COLUMNS, source.personas)):
        if people:
            columns = shown(columns, audience)
            _beside(
                rows,
                [[column.header for column in columns]]
                + [[_cell(column, person, audience) for column in columns] for person in people],
            )
    return Sheet("", rows)


def _beside(rows: list[list[Any]], table: list[list[Any]]) -> None:
    """`table` set beside `rows`, its header in the header row; rows are added when it is the longer."""
    width = len(rows[0])
    rows.extend([None] * width for _ in range(len(table) - len(rows)))
    for index, row in enumerate(rows):
        row.extend(table[index] if index < len(table) else [None] * len(table[0]))


def workbook_sheets(journeys: Sequence[Journey], catalogs: Sequence[Catalog], audience: Audience) -> list[Sheet]:
    """Journey (a row per map), then a sheet per map, then Owners and Personas."""
    several = len(journeys) > 1
    sources = [_source(journey, catalogs, audience) for journey in journeys]
    names = _sheet_names(
        [
            journey.id if audience == "internal" else source.title
            for journey, source in zip(journeys, sources, strict=True)
        ]
    )
    map_columns = (SHEET_LINK, *shown(MAP_COLUMNS, audience))
    journey_sheet = Sheet(JOURNEY_SHEET, [[column.header for column in map_columns]])
    for name, source in zip(names, sources, strict=True):
        journey_sheet.rows.append([name, *(_cell(column, source, audience) for column in map_columns[1:])])
    sheets = [journey_sheet] + [
        Sheet(name, map_rows(source, audience, with_map_columns=False))
        for name, source in zip(names, sources, strict=True)
    ]
    people = {OWNERS_SHEET: "owners", PERSONAS_SHEET: "personas"}
    for sheet_name, field in people.items():
        columns = (MAP_LINK,) * several + shown(SHEET_COLUMNS[sheet_name], audience)
        rows = [[column.header for column in columns]]
        for journey, source in zip(journeys, sources, strict=True):
            # internal: the map's own definitions (a catalog's stay in the catalog); customer: the view's
            for person in getattr(source, field, ()):
                rows.append([journey.id] * several + [_cell(column, person, audience) for column in columns[several:]])
        if len(rows) > 1:
            sheets.append(Sheet(sheet_name, rows))
    return sheets


def _sheet_names(wanted: Sequence[str]) -> list[str]:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case, not a reserved name."""
    taken = {name.lower() for name in (JOURNEY_SHEET, OWNERS_SHEET, PERSONAS_SHEET)}
    names = []
    for text in wanted:
        base = _SHEET_NAME_FORBIDDEN.sub("-", " ".join(text.split())).strip("'")[:_SHEET_NAME_LIMIT] or "Map"
        name, number = base, 2
        while name.lower() in taken:
            suffix = f" ({number})"
            name, number = base[: _SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
        taken.add(name.lower())
        names.append(name)
    return names
