"""The periods of actuals: `2026-10-31` (a day), `2026-10` (a month), `2026-W44` (an ISO week), `2026-Q4`."""

from __future__ import annotations

import calendar
import re
from datetime import date

_SHAPES = re.compile(r"(?P<year>\d{4})-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})|Q(?P<quarter>\d))")
EXPECTED = "a day (2026-10-31), a month (2026-10), an ISO week (2026-W44) or a quarter (2026-Q4)"


def period_end(text: str) -> date | None:
    """The last day of the period, which orders periods of any shape; None when `text` is no period."""
    match = _SHAPES.fullmatch(text.strip())
    if not match:
        return None
    year = int(match["year"])
    try:
        if match["week"]:
            return date.fromisocalendar(year, int(match["week"]), 7)
        if match["quarter"]:
            quarter = int(match["quarter"])
            if not 1 <= quarter <= 4:
                return None
            return date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])
        month = int(match["month"])
        if match["day"]:
            return date(year, month, int(match["day"]))
        return date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:  # month 13, 2026-02-30, week 54
        return None
