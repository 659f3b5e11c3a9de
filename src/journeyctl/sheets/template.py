"""`journeyctl init --sheet FILE.xlsx`: the import's template, made by the export of an example map,
so its sheets and headers are the import's by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from journeyctl.render.view import EMOTION_LABELS
from journeyctl.schema.models import (
    Engagement,
    Journey,
    Metric,
    Mode,
    Owner,
    Persona,
    Phase,
    Playbook,
    Stage,
    Status,
    Touchpoint,
    Visibility,
)
from journeyctl.sheets.export import workbook_sheets
from journeyctl.sheets.files import Sheet, xlsx_bytes
from journeyctl.sheets.layout import (
    HELP_SHEET,
    JOURNEY_SHEET,
    MAP_COLUMNS,
    OWNER_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    SHEET_LINK,
    TOUCHPOINT_COLUMNS,
    Column,
)

ROWS_SHEET = "Touchpoints"

EXAMPLE: dict[str, Any] = {
    "journeyctl": 1,
    "kind": "journey",
    "id": "onboarding",
    "title": "Onboarding journey",
    "summary": "From signed contract to the first outcome.",
    "segment": "enterprise",
    "engagement": "hybrid",
    "status": "draft",
    "owner": "csm",
    "owners": [
        {"id": "csm", "name": "Customer Success Manager", "team": "Customer Success", "contact": "cs-team@example.com"}
    ],
    "personas": [
        {
            "id": "champion",
            "name": "Dana, the champion",
            "role": "Operations lead",
            "goals": ["Roll the product out to her team within a quarter"],
            "pain_points": ["Too many tools already"],
            "quote": "I need this to work without a consultant.",
        }
    ],
    "phases": [
        {
            "id": "land",
            "name": "Land",
            "stage": "land",
            "when": {"from": 0, "to": 45},
            "customer_goal": "Your team is set up and knows its first outcome.",
            "objective": "Hand over from sales without losing what was promised.",
            "entry_criteria": ["Contract signed"],
            "exit_criteria": ["Success plan agreed with the champion"],
            "metrics": [
                {
                    "name": "Time to first value",
                    "target": "< 30 days",
                    "source": "Product telemetry",
                    "visibility": "customer",
                }
            ],
            "touchpoints": [
                {
                    "id": "kickoff",
                    "name": "Kickoff call",
                    "customer_view": "A one-hour call to agree your goals and the rollout plan.",
                    "description": "The CSM runs the kickoff deck; sales joins to hand over.",
                    "channel": "video-call",
                    "mode": "human",
                    "owner": "csm",
                    "personas": ["champion"],
                    "timing": "Week 1",
                    "when": {"from": 0, "to": 6},
                    "emotion": 1,
                    "moment_that_matters": True,
                    "pain_points": ["Sales promises are not written down"],
                    "opportunities": ["Share the handover notes with the customer"],
                    "playbooks": [
                        {
                            "title": "Kickoff playbook",
                            "url": "https://wiki.example.com/cs/kickoff",
                            "trigger": "The champion misses the kickoff",
                        }
                    ],
                    "backstage": ["Sales-to-CS handover note"],
                    "notes": "Legal review sometimes delays this.",
                }
            ],
        }
    ],
}

_MODELS = {
    id(columns): model
    for columns, model in (
        (MAP_COLUMNS, Journey),
        (PHASE_COLUMNS, Phase),
        (TOUCHPOINT_COLUMNS, Touchpoint),
        (OWNER_COLUMNS, Owner),
        (PERSONA_COLUMNS, Persona),
    )
}
_PARTS_HELP = {
    "metrics": (Metric, "Name | target | source | visibility"),
    "playbooks": (Playbook, "Title | URL | trigger"),
}


def template_bytes(channels: Sequence[str], catalog_owners: set[str], catalog_personas: set[str]) -> bytes:
    example = dict(EXAMPLE, review={"last_reviewed": date.today(), "every_days": 90})
    # the configured catalogs' owners and personas are used, not repeated (a repeat is a duplicate id)
    example["owners"] = [o for o in EXAMPLE["owners"] if o["id"] not in catalog_owners]
    example["personas"] = [p for p in EXAMPLE["personas"] if p["id"] not in catalog_personas]
    journey = Journey.model_validate(example, context={"channels": channels})
    sheets = workbook_sheets([journey], [], "internal")
    for sheet in sheets:
        if sheet.name == journey.id:
            sheet.name = ROWS_SHEET
        if sheet.name == JOURNEY_SHEET:
            sheet.rows[1][0] = ROWS_SHEET
    choices = {
        "channel": tuple(channels),
        "mode": _values(Mode),
        "visibility": _values(Visibility),
        "emotion": tuple(str(score) for score in EMOTION_LABELS),
        "stage": _values(Stage),
        "moment_that_matters": ("yes", "no"),
        "engagement": _values(Engagement),
        "status": _values(Status),
    }
    for sheet in sheets:
        for index, header in enumerate(sheet.rows[0]):
            field = next(
                (c.field for c in (*MAP_COLUMNS, *PHASE_COLUMNS, *TOUCHPOINT_COLUMNS) if c.header == header), ""
            )
            # Excel's list of values is at most 255 characters; past that, lint still checks the value
            if field in choices and len(",".join(choices[field])) <= 255:
                sheet.validations[index] = choices[field]
    return xlsx_bytes([Sheet(HELP_SHEET, _help(bool(catalog_owners or catalog_personas))), *sheets])


def _values(enum) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _help(uses_catalogs: bool) -> list[list[str]]:
    rows = [
        ["How to fill this in", ""],
        [
            "Touchpoints",
            (
                "One row per touchpoint, in the order of the journey. Give the phase (its name, or its id) "
                "on every row of it; its other fields (Customer goal, Objective, criteria, Metrics) once, on "
                "its first row. A phase without touchpoints is a row with only phase cells."
            ),
        ],
        ["Journey", "The map's own fields, one row. Map id: lowercase letters, digits and dashes."],
        [
            "Owners, Personas",
            "The teams and the customer's people the touchpoints name by id in Owner and Personas."
            + (" Those of the configured catalogs are not repeated here: use their ids." if uses_catalogs else ""),
        ],
        ["Ids", "Leave an id empty and it is made from the name (Kickoff call -> kickoff-call)."],
        [
            "Lists",
            (
                "One item a line (Alt+Enter in a cell): Entry criteria, Pain points, Goals ... "
                "Personas: ids separated by commas."
            ),
        ],
        ["Yes or no", "Moment that matters: yes, or leave it empty."],
        [
            "Emotion",
            (
                "How the customer feels: -2 (very negative) to 2 (very positive); or one per persona of the "
                "touchpoint, by persona id: champion: 1; admin: -1."
            ),
        ],
        ["Metrics", "One a line: " + _PARTS_HELP["metrics"][1] + " (visibility customer shows it to customers)."],
        ["Playbooks", "One a line: " + _PARTS_HELP["playbooks"][1] + "."],
        ["Then", "journeyctl import THIS-FILE.xlsx --out maps/NAME.yaml (checks it as lint does; docs/sheets.md)"],
        ["", ""],
        ["Column", "What it holds"],
    ]
    for columns in (MAP_COLUMNS, PHASE_COLUMNS, TOUCHPOINT_COLUMNS):
        model = _MODELS[id(columns)]
        for column in columns:
            rows.append([column.header, _description(model, column)])
    return rows


def _description(model, column: Column) -> str:
    """The model's own field description: the one the JSON Schema and the docs show."""
    if column is SHEET_LINK:
        return "The sheet that holds the map's rows."
    step, *rest = column.field.split(".")
    info = model.model_fields[step]
    if rest:  # review.every_days
        from journeyctl.schema.models import Review

        info = Review.model_fields[rest[0]]
    return (info.description or "").replace("`", "")
