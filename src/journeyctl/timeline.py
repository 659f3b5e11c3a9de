"""The day axis of `when` (docs/format.md, "When a touchpoint happens"): the one definition of
where a `when` falls, what counts as contact, and when contact is crowded or silent.

Lint (JC230-JC236), `journeyctl report` and the render all read a `when` through here. Day 0 is
the day the contract is signed; `before_renewal` counts back from the end of the journey's
`term_days`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from journeyctl.schema.models import Journey, Phase, Touchpoint, When

Shape = Literal["day", "window", "recurring", "before_renewal"]

# Timing text that says a touchpoint recurs (JC234 asks such a touchpoint for `every`).
RECURRING_TEXT = re.compile(
    r"\b(every|weekly|monthly|quarterly|nightly|daily|yearly|annually|twice a|each (day|week|month|quarter|year))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The cadence rules' settings (`cadence:` in .journeyctl.yaml), with their defaults."""

    crowded_touchpoints: int = 3  # this many occurrences or more ...
    crowded_days: int = 7  # ... within this many days, from two owners or more, is crowded
    silence_days: int = 60  # more days than this without contact is a silence
    # run: one timeline per persona across every map of the run (one account lives all of them);
    # map: one per persona and map, for a repository whose maps are different customers' journeys
    across: Literal["run", "map"] = "run"


DEFAULT_THRESHOLDS = Thresholds()
# A run's touchpoint occurrences, counted per persona, that the cadence rules and the report judge
# at most: a daily touchpoint over a ten-year term is 3,661 of them. Beyond this the run is too
# large to judge quickly (about 2 s and 100 MB at the limit) and is said to be so.
MAX_CONTACTS = 500_000


def shape(when: When) -> Shape | None:
    """Which shape `when` has, or None when its keys do not make exactly one (shape_problem says why)."""
    return None if shape_problem(when) else _shape(when)


def _shape(when: When) -> Shape:
    if when.every is not None:
        return "recurring"
    if when.day is not None:
        return "day"
    if when.before_renewal is not None:
        return "before_renewal"
    return "window"


def shape_problem(when: When) -> str | None:
    """What is wrong with the combination of `when`'s keys, or None for exactly one shape."""
    given = [key for key in ("day", "from", "to", "every", "before_renewal") if getattr(when, key) is not None]
    if not given:
        return "`when` is empty: give `day`, `from` and `to`, `every`, or `before_renewal`"
    singles = [key for key in ("day", "before_renewal", "every") if key in given]
    if len(singles) > 1 or (singles and singles[0] != "every" and len(given) > 1):
        return f"`when` mixes {_listed(given)}: give exactly one of `day`, `from`/`to`, `every` or `before_renewal`"
    if not singles and given != ["from", "to"]:
        missing = "to" if "from" in given else "from"
        return f"a window needs both `from` and `to`: add `{missing}`"
    return None


def _listed(keys: Sequence[str]) -> str:
    named = [f"`{key}`" for key in keys]
    return ", ".join(named[:-1]) + " and " + named[-1]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a `when` falls on the day axis: its first and last day, and the days it reaches the
    customer (one for a day, the first day of a window, every occurrence of a recurrence)."""

    shape: Shape
    first: int
    last: int
    days: tuple[int, ...]

    def covers(self, day: int) -> int:
        """The last day of the contact that starts on `day` (a window lasts, a day does not)."""
        return self.last if self.shape == "window" else day


def place(when: When, term_days: int) -> Placement | None:
    """The placement of `when` in a journey of `term_days`, or None when it has no single shape or
    its range is reversed (JC230, JC231 report those)."""
    found = shape(when)
    if found is None or range_problem(when, term_days):
        return None
    if found == "day":
        assert when.day is not None
        return Placement(found, when.day, when.day, (when.day,))
    if found == "before_renewal":
        assert when.before_renewal is not None
        day = term_days - when.before_renewal
        return Placement(found, day, day, (day,))
    first = when.start if when.start is not None else 0
    if found == "window":
        assert when.to is not None
        return Placement(found, first, when.to, (first,))
    assert when.every is not None
    last = when.to if when.to is not None else term_days
    days = tuple(range(first, last + 1, when.every))
    return Placement(found, first, days[-1], days)


def range_problem(when: When, term_days: int) -> str | None:
    """A `from` after its `to`, or a day outside the term; None when the range is fine."""
    if when.start is not None and when.to is not None and when.start > when.to:
        return f"`from: {when.start}` is after `to: {when.to}`: a range runs forward"
    if when.before_renewal is not None and when.before_renewal > term_days:
        return f"`before_renewal: {when.before_renewal}` is before the journey starts (its term is {term_days} days)"
    for key in ("day", "from", "to"):
        value = getattr(when, key)
        if value is not None and value > term_days:
            return f"`{key}: {value}` is after the end of the term (day {term_days}); raise `term_days` or the day"
    return None


def label(when: When, term_days: int | None = None) -> str:
    """`when` in words for a reader: "day 5", "days 14-42", "every 90 days from day 90",
    "120 days before renewal" (with its day when the term is given: internal views know it)."""
    found = shape(when)
    if found == "day":
        return f"day {when.day}"
    if found == "window":
        return f"days {when.start}\u2013{when.to}"
    if found == "recurring":
        text = f"every {when.every} days"
        if when.start:
            text += f" from day {when.start}"
        if when.to is not None:
            text += f" to day {when.to}"
        return text
    if found == "before_renewal":
        text = f"{when.before_renewal} days before renewal"
        if term_days is not None and when.before_renewal is not None and when.before_renewal <= term_days:
            text += f", day {term_days - when.before_renewal}"
        return text
    return "when: " + ", ".join(
        f"{key} {getattr(when, key)}" for key in ("day", "from", "to", "every", "before_renewal") if getattr(when, key)
    )


def says_recurring(timing: str | None) -> bool:
    return bool(timing and RECURRING_TEXT.search(timing))


def reaches_customer(phase: Phase, touchpoint: Touchpoint) -> bool:
    """Whether a touchpoint is contact with its personas for the cadence rules. A touchpoint or
    phase with `visibility: internal` is the team's own work (a forecast call, a risk review
    about the champion): the persona is not contacted by it."""
    from journeyctl.schema.audience import shown_to_customer

    return shown_to_customer(phase) and shown_to_customer(touchpoint)


@dataclass(frozen=True, slots=True)
class Placed:
    """A touchpoint of a journey with its placement (p and t: its phase and touchpoint index)."""

    p: int
    t: int
    phase: Phase
    touchpoint: Touchpoint
    placement: Placement


def placed_touchpoints(journey: Journey) -> Iterator[Placed]:
    """Every touchpoint whose `when` can be placed, in map order."""
    for p, phase in enumerate(journey.phases):
        for t, touchpoint in enumerate(phase.touchpoints):
            if touchpoint.when is not None:
                placement = place(touchpoint.when, journey.term_days)
                if placement is not None:
                    yield Placed(p, t, phase, touchpoint, placement)


@dataclass(frozen=True, slots=True)
class Contact:
    """One occurrence of a touchpoint reaching one persona, as the cadence rules and the cadence
    report see it across the maps of a run. `where` is whatever locates the touchpoint for the
    caller (lint keeps a file position, the report a map id)."""

    persona: str
    day: int
    end: int  # the last day of the contact (a window's `to`)
    owner: str
    map_id: str
    touchpoint_id: str
    where: tuple = ()


def contacts(journey: Journey, where=lambda placed: ()) -> Iterator[Contact]:
    """Every occurrence of every touchpoint that reaches a persona, for each of its personas."""
    for placed in placed_touchpoints(journey):
        if not reaches_customer(placed.phase, placed.touchpoint):
            continue
        located = where(placed)
        for persona in dict.fromkeys(placed.touchpoint.personas):
            for day in placed.placement.days:
                yield Contact(
                    persona,
                    day,
                    placed.placement.covers(day),
                    placed.touchpoint.owner,
                    journey.id,
                    placed.touchpoint.id,
                    located,
                )


@dataclass(frozen=True, slots=True)
class Crowding:
    persona: str
    first: int
    last: int
    contacts: tuple[Contact, ...]

    @property
    def owners(self) -> tuple[str, ...]:
        return tuple(sorted({contact.owner for contact in self.contacts}))


@dataclass(frozen=True, slots=True)
class Silence:
    persona: str
    after: Contact  # the last contact before the silence
    until: Contact  # the contact that ends it
    first: int  # the first silent day
    last: int  # the last silent day

    @property
    def days(self) -> int:
        return self.last - self.first + 1


def by_persona(found: Iterable[Contact], across: Literal["run", "map"] = "run") -> dict[tuple[str, str], list[Contact]]:
    """Contacts per persona (and per map, `across="map"`), each list in day order (then map and
    touchpoint, for a stable order); keyed by (persona, map id or "")."""
    grouped: dict[tuple[str, str], list[Contact]] = {}
    for contact in found:
        grouped.setdefault((contact.persona, contact.map_id if across == "map" else ""), []).append(contact)
    for items in grouped.values():
        items.sort(key=lambda contact: (contact.day, contact.map_id, contact.touchpoint_id))
    return dict(sorted(grouped.items()))


def crowded(items: Sequence[Contact], thresholds: Thresholds) -> list[Crowding]:
    """The crowded stretches of one persona's contacts (in day order): `crowded_touchpoints` or
    more within `crowded_days` days from two owners or more. Overlapping crowded windows are
    merged, so one stretch is one finding that names every contact in it. One pass: the window's
    owners are counted as it slides, so a persona with many recurring contacts stays linear."""
    stretches: list[tuple[int, int]] = []  # index ranges, inclusive
    owners: Counter[str] = Counter()
    end = -1
    for start in range(len(items)):
        if start:
            left = items[start - 1].owner
            owners[left] -= 1
            if not owners[left]:
                del owners[left]
        while end + 1 < len(items) and items[end + 1].day - items[start].day < thresholds.crowded_days:
            end += 1
            owners[items[end].owner] += 1
        if end - start + 1 >= thresholds.crowded_touchpoints and len(owners) >= 2:
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
    return [Crowding(items[a].persona, items[a].day, items[b].day, tuple(items[a : b + 1])) for a, b in stretches]


def silences(items: Sequence[Contact], thresholds: Thresholds) -> list[Silence]:
    """The gaps of more than `silence_days` days between one persona's first and last contact."""
    found: list[Silence] = []
    latest: Contact | None = None
    for contact in items:
        if latest is not None and contact.day - latest.end - 1 > thresholds.silence_days:
            found.append(Silence(contact.persona, latest, contact, latest.end + 1, contact.day - 1))
        if latest is None or contact.end > latest.end:
            latest = contact
    return found


def located_contacts(map_file) -> list[Contact]:
    """The contacts of a loaded journey file, each located at its touchpoint's id: what lint's
    cadence rules (JC235, JC236) report across the files of a run. At most MAX_CONTACTS + 1: one
    more says the run is over the limit."""

    def where(placed: Placed) -> tuple:
        loc = ("phases", placed.p, "touchpoints", placed.t)
        span = map_file.locate((*loc, "id"))
        return (map_file.path, tuple(span), map_file.semantic_path(loc))

    return list(islice(contacts(map_file.model, where), MAX_CONTACTS + 1))
