"""When a touchpoint happens, in days after the journey starts, and as calendar dates for an account.

The days come from a touchpoint's `when` (docs/format.md, "When a touchpoint happens"), placed by
journeyctl.timeline, else from its `timing` text when that names a day, week or month ("Week 1",
"Weeks 2 to 3", "Day 90", "Month 6 to 9"); a timing that names none ("Every quarter") has no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from journeyctl.schema.models import Touchpoint
from journeyctl.timeline import place

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_TIMING = re.compile(r"\b(day|week|month)s?\s+(\d{1,4})(?:\s*(?:-|–|to|and)\s*(\d{1,4}))?", re.IGNORECASE)


def touchpoint_days(touchpoint: Touchpoint, term_days: int) -> tuple[int, int] | None:
    """(first day, last day) after day 0, or None when the touchpoint does not say or recurs (its
    timing text, "Monthly", says it better than a year-long range of dates)."""
    if touchpoint.when is not None:
        placement = place(touchpoint.when, term_days)
        if placement is None or placement.shape == "recurring":
            return None
        return placement.first, placement.last
    return _days_of_timing(touchpoint.timing) if touchpoint.timing else None


def _days_of_timing(text: str) -> tuple[int, int] | None:
    match = _TIMING.search(text)
    if not match:
        return None
    unit = _UNIT_DAYS[match[1].lower()]
    first, last = int(match[2]), int(match[3] or match[2])
    if last < first:
        return None
    if unit == 1:
        return first, last
    return (first - 1) * unit, last * unit - 1  # week 1 is days 0 to 6


def dates_text(start: date, days: tuple[int, int]) -> str | None:
    """ "15 January 2027", or "15 January to 4 February 2027"; None past the calendar's end."""
    try:
        first, last = start + timedelta(days=days[0]), start + timedelta(days=days[1])
    except OverflowError:
        return None
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        head = str(first.day)
    else:
        head = f"{first.day} {first:%B}" if first.year == last.year else long_date(first)
    return f"{head} to {long_date(last)}"


def long_date(day: date) -> str:
    """A date no reader misreads, in any country: 2 December 2026."""
    return f"{day.day} {day:%B %Y}"
