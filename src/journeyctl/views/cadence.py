"""`journeyctl report cadence`: per persona, their contacts over the term (every occurrence of
every touchpoint that reaches them, timeline.contacts), with the crowded stretches and silences
that JC235 and JC236 report, as a table, and in HTML as an SVG timeline: one lane per persona.

The thresholds and whether a persona's contacts are joined across the maps of the run are the
configuration's (`cadence:` in .journeyctl.yaml), as for the lint rules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from journeyctl.schema.models import Journey
from journeyctl.timeline import (
    MAX_CONTACTS,
    Contact,
    Crowding,
    Silence,
    Thresholds,
    by_persona,
    contacts,
    crowded,
    silences,
)
from journeyctl.views.report import INTERNAL_NOTICE, Report, Run, Section, Table

# The SVG's geometry, in CSS pixels.
WIDTH = 960
LABEL_WIDTH = 190  # the lane labels' column
LANE_HEIGHT = 34
LANE_GAP = 6
AXIS_HEIGHT = 28
LABEL_FONT = 12
CHARACTER_WIDTH = 7.5  # a generous average glyph width at LABEL_FONT: labels are cut to fit their lane


class TooManyContacts(ValueError):
    """A run with more occurrences than the cadence views judge (timeline.MAX_CONTACTS)."""


# An SVG with more marks than this is too slow to draw and to read: the chart says so instead.
MAX_CHART_MARKS = 20_000


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    end_x: float  # a window's end (== x for one day)
    title: str
    crowded: bool


@dataclass(frozen=True, slots=True)
class Band:
    x: float
    width: float
    kind: str  # crowded | silence
    title: str


@dataclass(frozen=True, slots=True)
class Lane:
    label: str  # cut to fit the label column
    full_label: str
    y: float
    height: float
    marks: tuple[Mark, ...]
    bands: tuple[Band, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: float
    left: int
    plot_width: float
    term_days: int
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    axis_y: float
    title: str
    left_out: int = 0  # contacts not drawn: more than MAX_CHART_MARKS (the lanes are empty then)


@dataclass(frozen=True, slots=True)
class Timeline:
    """One persona's contacts (in one map, or across the run) with its findings."""

    persona: str
    name: str
    map_id: str  # "" when joined across the run
    contacts: tuple[Contact, ...]
    crowded: tuple[Crowding, ...]
    silences: tuple[Silence, ...]


def timelines(journeys: Sequence[Journey], names: Mapping[str, str], thresholds: Thresholds) -> list[Timeline]:
    """The persona timelines of these journeys; `names` gives a persona id its display name.
    More than MAX_CONTACTS occurrences: TooManyContacts."""
    found = list(islice((contact for journey in journeys for contact in contacts(journey)), MAX_CONTACTS + 1))
    if len(found) > MAX_CONTACTS:
        raise TooManyContacts(
            f"more than {MAX_CONTACTS:,} touchpoint occurrences (a recurring touchpoint counts at each, "
            "for each persona): report fewer maps at a time, or give recurring touchpoints a longer `every`"
        )
    return [
        Timeline(
            persona,
            names.get(persona, persona),
            map_id,
            tuple(items),
            tuple(crowded(items, thresholds)),
            tuple(silences(items, thresholds)),
        )
        for (persona, map_id), items in by_persona(found, thresholds.across).items()
    ]


def chart(lines: Sequence[Timeline], term_days: int, title: str = "Contact cadence") -> Chart:
    plot_width = WIDTH - LABEL_WIDTH - 16
    term = max(term_days, 1)

    def x(day: float) -> float:
        return round(LABEL_WIDTH + min(max(day, 0), term) / term * plot_width, 1)

    total = sum(len(line.contacts) for line in lines)
    drawn = total <= MAX_CHART_MARKS
    lanes = []
    for index, line in enumerate(lines):
        y = index * (LANE_HEIGHT + LANE_GAP)
        crowded_keys = {(c.map_id, c.touchpoint_id, c.day) for stretch in line.crowded for c in stretch.contacts}
        marks = tuple(
            Mark(
                x(contact.day),
                x(contact.end),
                f"day {contact.day}"
                + (f"\u2013{contact.end}" if contact.end != contact.day else "")
                + f": {contact.map_id}/{contact.touchpoint_id} ({contact.owner})",
                (contact.map_id, contact.touchpoint_id, contact.day) in crowded_keys,
            )
            for contact in (line.contacts if drawn else ())
        )
        bands = tuple(
            Band(
                x(stretch.first),
                max(x(stretch.last + 1) - x(stretch.first), 3.0),
                "crowded",
                f"crowded: {len(stretch.contacts)} contacts from {len(stretch.owners)} owners, "
                f"days {stretch.first}\u2013{stretch.last}",
            )
            for stretch in line.crowded
        ) + tuple(
            Band(
                x(silence.first),
                max(x(silence.last + 1) - x(silence.first), 3.0),
                "silence",
                f"silent for {silence.days} days, days {silence.first}\u2013{silence.last}",
            )
            for silence in line.silences
        )
        full = line.name + (f" \u00b7 {line.map_id}" if line.map_id else "")
        lanes.append(Lane(_fit(full), full, y, LANE_HEIGHT, marks, bands))
    axis_y = len(lines) * (LANE_HEIGHT + LANE_GAP)
    step = 30 if term <= 180 else 90 if term <= 730 else 365
    days = [*range(0, term, step), term]
    if len(days) > 2 and days[-1] - days[-2] < step / 2:
        del days[-2]  # a last tick too close to the term's
    ticks = tuple(Tick(x(day), f"day {day}") for day in days)
    chart_ = Chart(WIDTH, axis_y + AXIS_HEIGHT, LABEL_WIDTH, plot_width, term, tuple(lanes), ticks, axis_y, title)
    return chart_ if drawn else dataclasses.replace(chart_, left_out=total)


def _fit(text: str) -> str:
    room = int((LABEL_WIDTH - 14) / CHARACTER_WIDTH)
    return text if len(text) <= room else text[: room - 1].rstrip() + "\u2026"


def build(run: Run, thresholds: Thresholds) -> Report:
    names = {pid: persona.name for journey in run.journeys for pid, persona in run.people(journey).personas.items()}
    lines = timelines(run.journeys, names, thresholds)
    term = max((journey.term_days for journey in run.journeys), default=365)
    summary = (
        f"Crowded: {thresholds.crowded_touchpoints} or more contacts within {thresholds.crowded_days} days from "
        f"two owners or more; silence: more than {thresholds.silence_days} days without contact; "
        + ("each persona across every map of the run." if thresholds.across == "run" else "each map on its own."),
    )
    sections = [Section("Timeline", summary, chart=chart(lines, term))]
    for line in lines:
        heading = line.name + (f" ({line.persona}, {line.map_id})" if line.map_id else f" ({line.persona})")
        sections.append(Section(heading, _findings(line), (_table(line),)))
    data = {
        "view": "cadence",
        "internal": True,
        "notice": INTERNAL_NOTICE,
        "thresholds": {
            "crowded_touchpoints": thresholds.crowded_touchpoints,
            "crowded_days": thresholds.crowded_days,
            "silence_days": thresholds.silence_days,
            "across": thresholds.across,
        },
        "personas": [
            {
                "persona": line.persona,
                "name": line.name,
                "map": line.map_id or None,
                "contacts": [_contact(contact) for contact in line.contacts],
                "crowded": [
                    {
                        "first": s.first,
                        "last": s.last,
                        "owners": list(s.owners),
                        "contacts": [_contact(c) for c in s.contacts],
                    }
                    for s in line.crowded
                ],
                "silences": [
                    {
                        "first": s.first,
                        "last": s.last,
                        "days": s.days,
                        "after": _contact(s.after),
                        "until": _contact(s.until),
                    }
                    for s in line.silences
                ],
            }
            for line in lines
        ],
    }
    return Report("cadence", "Contact cadence", tuple(sections), data)


def _contact(contact: Contact) -> dict:
    return {
        "day": contact.day,
        "end": contact.end,
        "map": contact.map_id,
        "touchpoint": contact.touchpoint_id,
        "owner": contact.owner,
    }


def _findings(line: Timeline) -> tuple[str, ...]:
    found = [
        f"Crowded in days {s.first}\u2013{s.last}: {len(s.contacts)} contacts from {', '.join(s.owners)}."
        for s in line.crowded
    ] + [
        f"Silent for {s.days} days (days {s.first}\u2013{s.last}), after {s.after.touchpoint_id}."
        for s in line.silences
    ]
    return tuple(found) or ("No crowded days and no silence.",)


def _table(line: Timeline) -> Table:
    crowded_keys = {(c.map_id, c.touchpoint_id, c.day) for stretch in line.crowded for c in stretch.contacts}
    rows = tuple(
        (
            str(contact.day) if contact.end == contact.day else f"{contact.day}\u2013{contact.end}",
            contact.map_id,
            contact.touchpoint_id,
            contact.owner,
            "crowded" if (contact.map_id, contact.touchpoint_id, contact.day) in crowded_keys else "",
        )
        for contact in line.contacts
    )
    return Table(("Day", "Map", "Touchpoint", "Owner", "Note"), rows)
