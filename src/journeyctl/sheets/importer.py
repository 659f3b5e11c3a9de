"""A spreadsheet -> one journey map's data, with every problem at its sheet, row and column.

The rows of one sheet are the touchpoints (sheets/layout.py); the map's fields come from
options, the Journey sheet or the sheet's first row; owners and personas from the Owners and
Personas sheets. Validating the result is the caller's (sheets/run.py): it knows the files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from journeyctl.problems import UsageError, did_you_mean
from journeyctl.schema.models import ID_PATTERN
from journeyctl.sheets.files import Sheet
from journeyctl.sheets.layout import (
    HELP_SHEET,
    ITEM_PARTS,
    JOURNEY_SHEET,
    MAP_COLUMNS,
    MAP_LINK,
    OWNER_COLUMNS,
    OWNER_ROW_COLUMNS,
    OWNERS_SHEET,
    PERSONA_COLUMNS,
    PERSONA_ROW_COLUMNS,
    PERSONAS_SHEET,
    PHASE_COLUMNS,
    SHEET_LINK,
    TOUCHPOINT_COLUMNS,
    CellError,
    Column,
    header_index,
    normalized,
    read_cell,
)


@dataclass(frozen=True, slots=True)
class Where:
    """A cell (or a row, or an option) of the file being imported, as problems name it."""

    file: str
    sheet: str = ""  # "" for a CSV file
    row: int | None = None
    column: int | None = None  # 1-based
    option: str | None = None  # a value given on the command line

    def sort_key(self) -> tuple:
        return (self.option or "", self.sheet, self.row or 0, self.column or 0)

    def __str__(self) -> str:
        if self.option:
            return f"{self.file} ({self.option})"
        if self.row is None:
            return f"{self.file}:{self.sheet}" if self.sheet else self.file
        from openpyxl.utils import get_column_letter

        cell = f"{get_column_letter(self.column or 1)}{self.row}"
        return f"{self.file}:{self.sheet}!{cell}" if self.sheet else f"{self.file}:{cell}"


@dataclass(frozen=True, slots=True)
class SheetProblem:
    where: Where
    message: str
    severity: str = "error"  # error | warning | info, as lint's
    code: str = ""  # lint's code and name, when lint found it

    def line(self) -> str:
        return f"{self.where}: {self.severity} {self.message}" + (f" [{self.code}]" if self.code else "")


@dataclass
class RowPlace:
    """Where one map item (the map, a phase, a touchpoint, an owner, a persona) was read from."""

    where: Where
    fields: dict[str, Where] = field(default_factory=dict)  # model field (`review.every_days`) -> its cell


@dataclass
class Imported:
    data: dict
    problems: list[SheetProblem]
    places: dict[tuple, RowPlace]  # an item's location in the data (`("phases", 0)`, () for the map) -> where
    sheet: str  # the sheet the rows came from

    def locator(self, text: str):
        """Where a lint problem about `text` (the map as written) is in the sheet.

        By the problem's line: ids may repeat (a mistake lint reports), lines do not. The item
        whose lines hold it gives the row; the rest of its semantic path gives the column."""
        from journeyctl.loading.locate import locate, semantic_path
        from journeyctl.loading.source import Source, parse

        source = parse("map", text)
        assert isinstance(source, Source), "lint has read this text"
        spans = sorted(((locate(source.root, loc), loc) for loc in self.places), key=lambda pair: -len(pair[1]))

        def item_at(line: int) -> tuple:
            return next((loc for span, loc in spans if span.line <= line <= max(span.end_line - 1, span.line)), ())

        def where(line: int, semantic: str | None) -> Where:
            loc = item_at(line)
            place = self.places[loc]
            prefix = semantic_path(source.data, loc)
            if semantic is None:  # an item named by its line: its id
                semantic = f"{prefix}.id"
            rest = semantic[len(prefix) :].lstrip(".") if semantic.startswith(prefix) else ""
            steps = re.split(r"\[[^\]]*\]", rest, maxsplit=1)[0].split(".")
            for length in range(len(steps), 0, -1):  # review.last_reviewed, else review
                if ".".join(steps[:length]) in place.fields:
                    return place.fields[".".join(steps[:length])]
            return place.where

        def message(text: str) -> str:  # "first defined at line 20" means a cell here
            return re.sub(r"\bline (\d+)\b", lambda match: str(where(int(match.group(1)), None)), text)

        return where, message


@dataclass(frozen=True)
class Options:
    file: str  # as problems name it
    default_id: str  # from the output file's name
    sheet: str | None = None
    values: dict[str, str] = field(default_factory=dict)  # map field -> value given as an option (--title ...)
    columns: dict[str, str] = field(default_factory=dict)  # unusual header -> our header (--columns, config)


# Generic names ("Name", "Id") mean the touchpoint's; a CSV file's owners and personas stand beside its rows.
_ROW_TABLE = TOUCHPOINT_COLUMNS + PHASE_COLUMNS + MAP_COLUMNS + OWNER_ROW_COLUMNS + PERSONA_ROW_COLUMNS
_SPECIAL = {normalized(name) for name in (JOURNEY_SHEET, OWNERS_SHEET, PERSONAS_SHEET, HELP_SHEET)}


def import_sheets(sheets: Sequence[Sheet], options: Options) -> Imported:
    _check_column_names(options.columns)
    by_name = {normalized(sheet.name): sheet for sheet in sheets if sheet.name}
    rows_sheet = _rows_sheet(sheets, options)
    reader = _Reader(options)
    rows = reader.table(rows_sheet, _ROW_TABLE)
    journey_rows = (
        reader.table(by_name[normalized(JOURNEY_SHEET)], (SHEET_LINK, *MAP_COLUMNS))
        if normalized(JOURNEY_SHEET) in by_name
        else []
    )
    owner_rows = (
        reader.table(by_name[normalized(OWNERS_SHEET)], (MAP_LINK, *OWNER_COLUMNS))
        if normalized(OWNERS_SHEET) in by_name
        else []
    )
    persona_rows = (
        reader.table(by_name[normalized(PERSONAS_SHEET)], (MAP_LINK, *PERSONA_COLUMNS))
        if normalized(PERSONAS_SHEET) in by_name
        else []
    )
    return reader.build(rows_sheet, rows, _journey_row(journey_rows, rows_sheet, options), owner_rows, persona_rows)


def _check_column_names(columns: dict[str, str]) -> None:
    """Every header mapped (--columns, the configuration's sheets.columns) must mean one of ours."""
    ours = [column.header for column in (*_ROW_TABLE, *OWNER_COLUMNS, *PERSONA_COLUMNS)]
    for header, column in columns.items():
        if normalized(column) not in {normalized(name) for name in ours}:
            raise UsageError(
                f"columns: {header!r} is mapped to {column!r}, which is no column"
                f"{did_you_mean(column, ours)}; the columns are listed in docs/sheets.md"
            )


def _rows_sheet(sheets: Sequence[Sheet], options: Options) -> Sheet:
    candidates = [
        sheet
        for sheet in sheets
        if normalized(sheet.name) not in _SPECIAL
        and any(value not in (None, "") for row in sheet.rows for value in row)
    ]
    if options.sheet is not None:
        for sheet in sheets:
            if sheet.name == options.sheet:
                return sheet
        names = [sheet.name for sheet in sheets]
        raise UsageError(
            f"{options.file}: no sheet {options.sheet!r}{did_you_mean(options.sheet, names)}; "
            f"its sheets: {', '.join(map(repr, names))}"
        )
    if not candidates:
        raise UsageError(
            f"{options.file}: no sheet holds touchpoint rows (a sheet with a header row, e.g. "
            "'Phase', 'Touchpoint', 'Channel', 'Owner'); 'journeyctl init --sheet FILE.xlsx' writes one"
        )
    if len(candidates) > 1:
        raise UsageError(
            f"{options.file}: {len(candidates)} sheets hold rows ("
            f"{', '.join(repr(sheet.name) for sheet in candidates)}); choose one with --sheet"
        )
    return candidates[0]


def _journey_row(rows: list, rows_sheet: Sheet, options: Options):
    """The Journey sheet's row for the map: the one naming its sheet, or the only one."""
    linked = [row for row in rows if str(row.values.get(SHEET_LINK, ("",))[0]).strip() == rows_sheet.name]
    if linked:
        return linked[0]
    return rows[0] if len(rows) == 1 and SHEET_LINK not in rows[0].values else None


@dataclass
class _Row:
    where: Where  # the row's first cell
    values: dict[Column, tuple[Any, Where]]  # (raw cell value, its cell), for the non-empty cells only
    cells: dict[Column, Where]  # every column of the sheet: its cell in this row, empty or not

    def has_any(self, columns: tuple[Column, ...]) -> bool:
        return any(column in self.values for column in columns)


class _Reader:
    def __init__(self, options: Options):
        self.options = options
        self.problems: list[SheetProblem] = []
        self.places: dict[tuple, RowPlace] = {}

    def problem(self, where: Where, message: str) -> None:
        self.problems.append(SheetProblem(where, message))

    # --- a table: its header row, then its rows --------------------------------------------------

    def table(self, sheet: Sheet, columns: tuple[Column, ...]) -> list[_Row]:
        index = header_index(columns, self.options.columns)
        known = [column.header for column in columns]
        by_position: dict[int, Column] = {}
        seen: dict[Column, int] = {}
        headers = sheet.rows[0] if sheet.rows else []
        for position, header in enumerate(headers):
            where = Where(self.options.file, sheet.name, 1, position + 1)
            if header is None or not str(header).strip():
                if any(len(row) > position and row[position] not in (None, "") for row in sheet.rows[1:]):
                    self.problem(
                        where,
                        "a column without a header holds values; give it one of the headers "
                        "of docs/sheets.md, or map yours with --columns",
                    )
                continue
            column = index.get(normalized(str(header)))
            if column is None:
                self.problem(
                    where,
                    f"unknown column {str(header)!r}"
                    f"{did_you_mean(str(header), known) or did_you_mean(normalized(str(header)), [normalized(k) for k in known])}"
                    "; map it with --columns 'HEADER=Column' or leave it out",
                )
                continue
            if column in seen:
                self.problem(
                    where,
                    f"a second {column.header!r} column (the first is "
                    f"{Where(self.options.file, sheet.name, 1, seen[column] + 1)})",
                )
                continue
            seen[column] = position
            by_position[position] = column
        rows = []
        for number, row in enumerate(sheet.rows[1:], start=2):
            values = {
                column: (row[position], Where(self.options.file, sheet.name, number, position + 1))
                for position, column in by_position.items()
                if position < len(row) and row[position] is not None and str(row[position]).strip()
            }
            if values:
                rows.append(
                    _Row(
                        Where(self.options.file, sheet.name, number, 1),
                        values,
                        {
                            column: Where(self.options.file, sheet.name, number, position + 1)
                            for position, column in by_position.items()
                        },
                    )
                )
        return rows

    def read(self, row: _Row, columns: tuple[Column, ...], into: dict, place: RowPlace) -> None:
        """The cells of `columns` in `row`, read into `into` by model field; a bad cell is a problem."""
        for column in columns:
            if column in row.cells:  # a problem about the field, even a missing one, names this cell
                place.fields.setdefault(column.field, row.cells[column])
            if column not in row.values:
                continue
            raw, where = row.values[column]
            try:
                value = read_cell(column.kind, raw, ITEM_PARTS.get(column.field, ()))
            except CellError as error:
                self.problem(where, f"{column.header}: {error}")
                continue
            if value is None:
                continue
            _put(into, column.field, value)

    # --- the map ---------------------------------------------------------------------------------

    def build(self, rows_sheet: Sheet, rows: list[_Row], journey_row, owner_rows, persona_rows) -> Imported:
        file = self.options.file
        data: dict = {"journeyctl": 1, "kind": "journey"}
        top = RowPlace(journey_row.where if journey_row else Where(file, rows_sheet.name))
        self.places[()] = top
        if journey_row:
            self.read(journey_row, MAP_COLUMNS, data, top)
        if rows:  # map fields in the rows sheet (a CSV file): on its first row
            from_rows: dict = {}
            self.read(rows[0], MAP_COLUMNS, from_rows, RowPlace(rows[0].where, top.fields))
            for name, value in from_rows.items():
                if name in data and data[name] != value:
                    self.problem(
                        rows[0].values[_column(MAP_COLUMNS, name)][1],
                        f"{_column(MAP_COLUMNS, name).header} is given in the Journey sheet too, as {data[name]!r}",
                    )
                data.setdefault(name, value)
            for row in rows[1:]:
                for column in MAP_COLUMNS:
                    if column in row.values:
                        self.problem(
                            row.values[column][1],
                            f"{column.header}: map fields are read from the first row only; leave this cell empty",
                        )
        for name, value in self.options.values.items():
            data[name] = value
            top.fields[name] = Where(file, option=f"--{name.replace('_', '-')}")
        data.setdefault("id", self.options.default_id)
        data.setdefault("title", self.options.default_id.replace("-", " ").capitalize() + " journey")
        data = {
            key: data[key]
            for key in ("journeyctl", "kind", *[c.field.split(".")[0] for c in MAP_COLUMNS])
            if key in data
        }
        people = {
            "owners": (owner_rows, OWNER_COLUMNS, OWNER_ROW_COLUMNS),
            "personas": (persona_rows, PERSONA_COLUMNS, PERSONA_ROW_COLUMNS),
        }
        for name, (people_rows, columns, beside) in people.items():
            items: list[dict] = []
            self.people(people_rows, columns, name, data["id"], items)
            self.people(rows, beside, name, data["id"], items)
            if items:
                data[name] = items
        data["phases"] = self.phases(rows)
        if not data["phases"]:
            del data["phases"]
        return Imported(data, self.problems, self.places, rows_sheet.name)

    def people(self, rows: list[_Row], columns, noun: str, map_id: str, items: list[dict]) -> None:
        for row in rows:
            owner_map = row.values.get(MAP_LINK)
            if owner_map and str(owner_map[0]).strip() != map_id:
                continue  # a workbook of several maps: another map's
            item: dict = {}
            place = RowPlace(next((row.values[column][1] for column in columns if column in row.values), row.where))
            self.read(row, columns, item, place)
            if item:
                items.append(item)
                self.places[(noun, len(items) - 1)] = place

    def phases(self, rows: list[_Row]) -> list[dict]:
        phases: list[dict] = []
        started: dict[str, int | None] = {}  # a phase's id or name -> the row it started on
        current: dict | None = None
        for row in rows:
            if not row.has_any(PHASE_COLUMNS + TOUCHPOINT_COLUMNS):
                continue  # the map's fields, or an owner or persona beside the rows
            keys = {normalized(str(row.values[column][0])) for column in PHASE_COLUMNS[:2] if column in row.values}
            if keys and (current is None or not keys & current["_keys"]):
                again = [started[key] for key in keys if key in started]
                if again:
                    self.problem(
                        row.where,
                        f"this phase started on row {again[0]}, and another phase came "
                        "between: keep a phase's rows together",
                    )
                started.update((key, row.where.row) for key in keys)
                current = {"_keys": keys, "_touchpoints": [], "_place": RowPlace(row.where)}
                phases.append(current)
            elif current is None:
                self.problem(row.where, "this row names no phase: give it a 'Phase' (or a 'Phase id')")
                continue
            current["_keys"] |= keys
            phase_values: dict = {}
            cells = RowPlace(row.where)
            self.read(row, PHASE_COLUMNS, phase_values, cells)
            for name, value in phase_values.items():
                if name in current and current[name] != value:
                    self.problem(
                        cells.fields[name],
                        f"{_column(PHASE_COLUMNS, name).header} differs from the "
                        "phase's first row "
                        f"({current['_place'].where.row}); give phase fields once, "
                        "on its first row",
                    )
                elif name not in current:
                    current[name] = value
                    current["_place"].fields[name] = cells.fields[name]
            for name, where in cells.fields.items():
                current["_place"].fields.setdefault(name, where)
            if row.has_any(TOUCHPOINT_COLUMNS):
                touchpoint: dict = {}
                place = RowPlace(row.where)
                self.read(row, TOUCHPOINT_COLUMNS, touchpoint, place)
                current["_touchpoints"].append((touchpoint, place))
        return self._with_ids(phases)

    def _with_ids(self, phases: list[dict]) -> list[dict]:
        """Ids the sheet lacks, made from names (lowercase, dashes) and unique."""
        phase_ids = _Ids(phase.get("id") for phase in phases)
        touchpoint_ids = _Ids(tp.get("id") for phase in phases for tp, _ in phase["_touchpoints"])
        result = []
        for number, phase in enumerate(phases):
            phase.setdefault("id", phase_ids.make(phase.get("name", "phase")))
            self.places[("phases", number)] = phase.pop("_place")
            touchpoints = []
            for index, (touchpoint, place) in enumerate(phase.pop("_touchpoints")):
                touchpoint.setdefault("id", touchpoint_ids.make(touchpoint.get("name", "touchpoint")))
                touchpoints.append(touchpoint)
                self.places[("phases", number, "touchpoints", index)] = place
            phase.pop("_keys")
            ordered = {c.field: phase[c.field] for c in PHASE_COLUMNS if c.field in phase}
            if touchpoints:
                ordered["touchpoints"] = touchpoints
            result.append(ordered)
        return result


def _column(columns: tuple[Column, ...], name: str) -> Column:
    return next(column for column in columns if column.field.split(".")[0] == name)


class _Ids:
    def __init__(self, given):
        self.taken = {str(item) for item in given if item is not None}

    def make(self, name: Any) -> str:
        base = slug(str(name))
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


def slug(text: str) -> str:
    """`Kick-off call (week 1)` -> `kick-off-call-week-1`: an id as the format writes them."""
    made = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return made if re.fullmatch(ID_PATTERN, made) else "item"


def _put(into: dict, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for step in parents:
        into = into.setdefault(step, {})
    into[last] = value
