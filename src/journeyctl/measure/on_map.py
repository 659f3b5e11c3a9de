"""render --actuals: the latest value of each metric, per map, as the render view takes it.

Only per-period values are handed over: never an account id or a per-account value.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeyctl.config import Config
from journeyctl.loading import JourneyFile
from journeyctl.measure.run import score_actuals
from journeyctl.problems import UsageError
from journeyctl.render.view import ActualView


def actuals_on_map(journeys: Sequence[JourneyFile], config: Config, files: Sequence[str]) -> dict:
    """By map id, metric id -> the latest value (render --actuals); bad rows stop the render before
    anything is written. Only per-period values reach the view: never an account."""
    card = score_actuals(journeys, files, config)
    if card.problems:
        more = f" and {len(card.problems) - 1} more (journeyctl measure lists them)" if len(card.problems) > 1 else ""
        raise UsageError(f"nothing rendered: bad actuals: {card.problems[0].line()}{more}")
    by_map: dict[str, dict[str, ActualView]] = {}
    for result in card.results:
        if result.value is None or result.period is None:
            continue
        goal = result.goal
        unit = "%" if goal and goal.aggregate.value == "share" else goal.unit if goal else None
        by_map.setdefault(result.where.map_id, {})[result.where.id] = ActualView(
            period=result.period,
            value=result.value,
            status=result.status,
            trend=tuple(value for _, value in result.trend),
            unit=unit,
        )
    return by_map
