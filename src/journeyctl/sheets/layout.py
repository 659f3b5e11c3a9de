"""The one column layout of spreadsheets, for import and export alike, so a round trip is exact.

A table (the touchpoint rows, the Journey sheet, Owners, Personas) is a tuple of Columns; a
column names the model field it holds, how its cell is written and read (its kind), and the
other headers people give it. Whether customers may see it is the field's declared audience
(schema/audience.py), read from the model. Adding a field is one line here.
Lists inside one cell (a phase's metrics, a touchpoint's playbooks) are one item a line, with
the item's parts separated by ` | `, in the order of a tuple of Parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from journeyctl.render.view import EMOTION_LABELS, GoalView, OwnerView, PersonaView
from journeyctl.schema.audience import Audience, audience_of
from journeyctl.schema.models import Goal, Journey, Metric, Owner, Persona, Phase, Playbook, Touchpoint


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    field: str  # the model field; `review.every_days` for a field of a sub-object
    kind: str = "text"  # text, lines, ids, boolean, emotion, integer, date or items: see write_cell, read_cell
    synonyms: tuple[str, ...] = ()
    default: str | int | None = None  # the model's default: written as an empty cell
    customer: bool = False  # set by _table from the field's declared audience, never by hand


@dataclass(frozen=True, slots=True)
class Part:
    """One ` | `-separated part of an item in a list cell."""

    field: str
    kind: str = "text"
    customer: bool = False  # set by _table, as a column's


def _table(model, *items):
    """Columns (or parts) of `model`'s fields, each customer-facing exactly when its field is."""
    return tuple(
        replace(item, customer=audience_of(model, item.field.split(".")[0]) is Audience.customer) for item in items
    )


METRIC_PARTS = _table(
    Metric, Part("name"), Part("target", "target"), Part("source"), Part("visibility"), Part("id"), Part("goal", "goal")
)
PLAYBOOK_PARTS = _table(Playbook, Part("title"), Part("url"), Part("trigger"))
ITEM_PARTS = {"metrics": METRIC_PARTS, "playbooks": PLAYBOOK_PARTS}

# Map fields: the Journey sheet, or the first row of a CSV.
MAP_COLUMNS = _table(
    Journey,
    Column("Map id", "id", synonyms=("map", "journey id")),
    Column("Title", "title", synonyms=("map title", "journey", "journey title")),
    Column("Summary", "summary"),
    Column("Segment", "segment"),
    Column("Engagement", "engagement"),
    Column("Status", "status"),
    Column("Map owner", "owner", synonyms=("journey owner",)),
    Column("Last reviewed", "review.last_reviewed", "date", synonyms=("reviewed",)),
    Column("Review every (days)", "review.every_days", "integer", synonyms=("review every", "review every days")),
    Column("Term (days)", "term_days", "integer", synonyms=("term", "term days", "contract term"), default=365),
)

# Phase fields, on the phase's first row (its id and name on every row of it).
PHASE_COLUMNS = _table(
    Phase,
    Column("Phase id", "id", synonyms=("stage id",)),
    Column("Phase", "name", synonyms=("phase name", "stage", "stage name")),
    Column("LAER stage", "stage", synonyms=("laer",)),
    Column("Phase visibility", "visibility", default="customer"),
    Column("Phase window", "when", "when", synonyms=("phase when", "expected window")),
    Column("Customer goal", "customer_goal", synonyms=("goal", "phase goal", "stage goal")),
    Column("Objective", "objective", synonyms=("phase objective",)),
    Column("Entry criteria", "entry_criteria", "lines", synonyms=("entry",)),
    Column("Exit criteria", "exit_criteria", "lines", synonyms=("exit",)),
    Column("Metrics", "metrics", "items", synonyms=("kpis", "kpi", "metric")),
)

TOUCHPOINT_COLUMNS = _table(
    Touchpoint,
    Column("Touchpoint id", "id", synonyms=("step id", "id")),
    Column("Touchpoint", "name", synonyms=("touchpoint name", "step", "step name", "name")),
    Column("Customer view", "customer_view", synonyms=("what the customer sees", "customer experience")),
    Column("Description", "description", synonyms=("what we do",)),
    Column("Channel", "channel", synonyms=("medium",)),
    Column("Mode", "mode"),
    Column("Owner", "owner", synonyms=("responsible",)),
    Column("Personas", "personas", "ids", synonyms=("persona", "persona ids", "who")),
    Column("Timing", "timing", synonyms=("when", "timeline")),
    Column("Days", "when", "when", synonyms=("day", "when (days)", "days after start")),
    Column("Emotion", "emotion", "emotion", synonyms=("feeling", "sentiment")),
    Column("Moment that matters", "moment_that_matters", "boolean", synonyms=("moment of truth", "mtm")),
    Column("Pain points", "pain_points", "lines", synonyms=("pains", "pain point")),
    Column("Opportunities", "opportunities", "lines", synonyms=("opportunity", "ideas")),
    Column("Playbooks", "playbooks", "items", synonyms=("playbook",)),
    Column("Touchpoint metrics", "metrics", "items", synonyms=("touchpoint kpis",)),
    Column("Backstage", "backstage", "lines", synonyms=("backstage actions",)),
    Column("Notes", "notes", synonyms=("note", "comments")),
    Column("Visibility", "visibility", synonyms=("touchpoint visibility",), default="customer"),
)

OWNER_COLUMNS = _table(
    Owner,
    Column("Id", "id", synonyms=("owner id",)),
    Column("Name", "name", synonyms=("owner", "role")),
    Column("Team", "team"),
    Column("Contact", "contact", synonyms=("email",)),
)

PERSONA_COLUMNS = _table(
    Persona,
    Column("Id", "id", synonyms=("persona id",)),
    Column("Name", "name", synonyms=("persona",)),
    Column("Role", "role", synonyms=("job",)),
    Column("Goals", "goals", "lines", synonyms=("goal",)),
    Column("Pain points", "pain_points", "lines", synonyms=("pains", "pain point")),
    Column("Quote", "quote"),
)


def _beside(columns: tuple[Column, ...], noun: str) -> tuple[Column, ...]:
    return tuple(replace(column, header=f"{noun} {column.header.lower()}", synonyms=()) for column in columns)


# A CSV file has one table: the Owners and Personas tables stand beside the touchpoint rows
# ("Owner id", "Persona name", ...), an owner or persona a row, read apart from the touchpoints.
OWNER_ROW_COLUMNS = _beside(OWNER_COLUMNS, "Owner")
PERSONA_ROW_COLUMNS = _beside(PERSONA_COLUMNS, "Persona")

# Sheet names the import reads by name; every other sheet holds a map's rows.
JOURNEY_SHEET, OWNERS_SHEET, PERSONAS_SHEET, HELP_SHEET = "Journey", "Owners", "Personas", "How to fill this in"
SHEET_COLUMNS = {JOURNEY_SHEET: MAP_COLUMNS, OWNERS_SHEET: OWNER_COLUMNS, PERSONAS_SHEET: PERSONA_COLUMNS}
SHEET_LINK = Column("Sheet", "sheet", customer=True)  # Journey sheet: the map's rows (customers: named by title)
MAP_LINK = Column("Map id", "map", synonyms=("map",))  # Owners and Personas of a workbook of several maps

# Where a spreadsheet program may start a formula (OWASP, "CSV injection"); tab and CR too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def normalized(header: str) -> str:
    """How headers are compared: case, spacing, underscores and a trailing colon do not matter."""
    return " ".join(str(header).replace("_", " ").replace("-", " ").strip().rstrip(":").lower().split())


def header_index(columns: tuple[Column, ...], extra: dict[str, str] | None = None) -> dict[str, Column]:
    """Normalized header -> column, for every header, synonym and configured name of `columns`."""
    index: dict[str, Column] = {}
    # Headers and synonyms before the field names, so that a field name one table shares with
    # another ("metrics" of a phase and of a touchpoint) never takes the other's header.
    for column in columns:
        for name in (column.header, *column.synonyms):
            index.setdefault(normalized(name), column)
    for column in columns:
        index.setdefault(normalized(column.field.split(".")[-1]), column)
    by_header = {normalized(column.header): column for column in columns}
    for name, header in (extra or {}).items():
        if normalized(header) in by_header:
            index[normalized(name)] = by_header[normalized(header)]
    return index


# --- writing a value into a cell, reading it back ---------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message says what was expected."""


def plain(value: Any) -> Any:
    """A model's or a view's value as plain data: enums by value, people by name (views), dates ISO."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (OwnerView, PersonaView)):  # a customer view shows people by name, not id
        return value.name
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def write_cell(column: Column, value: Any, parts: tuple[Part, ...] = ()) -> str | int | None:
    """The cell for `value`; None for an empty or default value. Numbers stay numbers."""
    kind = column.kind
    if kind == "items":
        return "\n".join(_item_line(item, parts) for item in value) or None
    value = plain(value)
    if value is None or value == [] or value is False or value == column.default:
        return None
    if kind == "lines":
        return "\n".join(value)
    if kind == "ids":
        return ", ".join(value)
    if kind == "boolean":
        return "yes"
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if kind == "emotion" and isinstance(value, dict):
        return EMOTION_SEPARATOR.join(f"{persona}: {score}" for persona, score in value.items())
    if kind == "when" and not isinstance(value, str):  # a customer sheet has the view's words already
        return ", ".join(f"{key}: {getattr(value, key)}" for key in WHEN_KEYS if getattr(value, key) is not None)
    return value


def _item_line(item: Any, parts: tuple[Part, ...]) -> str:
    texts = [_part_text(part, getattr(item, part.field, None)) for part in parts]
    while texts and not texts[-1]:
        texts.pop()
    return " | ".join(text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") for text in texts)


def read_cell(kind: str, value: Any, parts: tuple[Part, ...] = ()) -> Any:
    """A cell's value as the model field's data; None when empty. Raises CellError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == "integer":
        return _integer(value, "a whole number of days")
    if kind == "emotion":
        return _emotion(value)
    if kind == "boolean":
        return _boolean(value)
    if kind == "date":
        return _date(value)
    text = _text(value)
    if kind == "when":
        return _when(text)
    if kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()] or None
    if kind == "ids":
        return [item.strip() for item in re.split(r"[,;\n]", text) if item.strip()] or None
    if kind == "items":
        return [_item(line, parts) for line in text.splitlines() if line.strip()] or None
    return text


WHEN_KEYS = ("day", "from", "to", "every", "before_renewal")


def _when(text: str) -> dict[str, int]:
    """`from: 14, to: 42` (the keys of `when`, docs/format.md) as the `when` mapping."""
    found: dict[str, int] = {}
    for piece in text.split(","):
        match = re.fullmatch(r"\s*([a-z_]+)\s*:?\s*(\d+)\s*", piece.strip().lower())
        if match is None or match.group(1) not in WHEN_KEYS or match.group(1) in found:
            raise CellError(
                f"expected the days of `when`, such as `day: 5`, `from: 14, to: 42`, `every: 90, from: 90` "
                f"or `before_renewal: 120`; got {text!r}"
            )
        found[match.group(1)] = int(match.group(2))
    return found


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _integer(value: Any, expected: str) -> int:
    if isinstance(value, bool):
        raise CellError(f"expected {expected}, got {_text(value)!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise CellError(f"expected {expected}, got {text!r}")


_EMOTION_BY_LABEL = {label: score for score, label in EMOTION_LABELS.items()}


# Emotion per persona in one cell: `champion: 1; admin: -1` (docs/format.md, "Emotion per persona").
EMOTION_SEPARATOR = "; "
_EMOTION_EXPECTED = (
    "an emotion from -2 (very negative) to 2 (very positive), or one per persona as in 'champion: 1; admin: -1'"
)
_PERSONA_EMOTION = re.compile(r"([^:;\n]+):([^:;\n]+)")


def _emotion(value: Any) -> int | dict[str, int]:
    if isinstance(value, str) and ":" in value:
        return _emotion_by_persona(value)
    return _score(value)


def _score(value: Any) -> int:
    if isinstance(value, str) and normalized(value) in _EMOTION_BY_LABEL:
        return _EMOTION_BY_LABEL[normalized(value)]
    return _integer(value, _EMOTION_EXPECTED)


def _emotion_by_persona(text: str) -> dict[str, int]:
    scores: dict[str, int] = {}
    for piece in re.split(r"[;\n]", text):
        if not piece.strip():
            continue
        match = _PERSONA_EMOTION.fullmatch(piece.strip())
        if match is None:
            raise CellError(f"expected {_EMOTION_EXPECTED}, got {piece.strip()!r}")
        persona, score = match.group(1).strip(), match.group(2).strip()
        if persona in scores:
            raise CellError(f"persona {persona!r} has two emotions in this cell; give each persona one")
        scores[persona] = _score(score)
    return scores


_TRUE = {"yes", "y", "true", "x", "1", "✓"}
_FALSE = {"no", "n", "false", "0", "-"}


def _boolean(value: Any) -> bool | None:
    """True, or None for no: false is the default, which the map leaves unsaid."""
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return None
    raise CellError(f"expected yes or no, got {_text(value)!r}")


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(f"expected a date like 2026-09-15, got {text!r}") from None


def _part_text(part: Part, value: Any) -> str:
    if value is None:
        return ""
    if part.kind == "goal":
        return _goal_text(value)
    return str(plain(value))


_DEFAULT_AGGREGATE = Goal.model_fields["aggregate"].default.value


def _goal_text(goal: Goal | GoalView) -> str:
    """`max 45; at_risk 55; unit days; aggregate median`, from the map's Goal (internal export) or
    the render view's GoalView (customer export): the keys given, the default aggregate left out."""
    parts = []
    for key in ("min", "max", "at_risk", "unit", "aggregate"):
        value = plain(getattr(goal, key))
        if value is not None and not (key == "aggregate" and value == _DEFAULT_AGGREGATE):
            parts.append(f"{key} {value}")
    return "; ".join(parts)


def _goal(text: str) -> dict:
    goal: dict[str, Any] = {}
    for piece in text.split(";"):
        key, _, value = piece.strip().partition(" ")
        if key:
            goal[key] = _target(value.strip()) if key in ("min", "max", "at_risk") else value.strip()
    return goal


def _item(line: str, parts: tuple[Part, ...]) -> dict:
    texts = [piece.strip() for piece in re.split(r"(?<!\\)\|", line)]
    texts = [re.sub(r"\\(.)", r"\1", piece) for piece in texts]
    if len(texts) > len(parts):
        raise CellError(
            f"expected at most {len(parts)} parts separated by ' | ' ("
            f"{', '.join(part.field for part in parts)}), got {len(texts)}"
        )
    item = {}
    for part, text in zip(parts, texts, strict=False):  # fewer texts than parts: the rest are empty
        if text:
            item[part.field] = _target(text) if part.kind == "target" else _goal(text) if part.kind == "goal" else text
    return item


def _target(text: str) -> str | int | float:
    """A metric target as YAML would read it plain: 30 is a number, "< 30 days" is text."""
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d+\.\d+", text):
        return float(text)
    return text


# --- CSV injection -----------------------------------------------------------------------------


def needs_text_guard(text: str) -> bool:
    """Whether a spreadsheet program could take `text` for a formula; a plain number is harmless."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def guard_csv(text: str) -> str:
    """OWASP's advice for CSV: a leading apostrophe makes the cell text. Text that already starts with
    apostrophes before such a character gets one more, so that unguard_csv gives back exactly `text`."""
    return "'" + text if needs_text_guard(text.lstrip("'")) else text


def unguard_csv(text: str) -> str:
    stripped = text.lstrip("'")
    return text[1:] if text.startswith("'") and needs_text_guard(stripped) else text
