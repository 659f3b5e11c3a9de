"""From the maps' metrics and the actuals view to one result per metric: goal, value, status, trend.

The joins and the aggregation run in DuckDB (SQL over the files as they are read); Python sees
one row per metric and period, and the accounts of `--accounts`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from journeyctl.loading import JourneyFile
from journeyctl.measure.actuals import ActualsProblem, ActualsSource
from journeyctl.measure.checks import VALUE_SQL, find_bad_rows, sql_list
from journeyctl.measure.periods import period_end
from journeyctl.schema.metrics import every_metric
from journeyctl.schema.models import Aggregate, Goal, Metric, Visibility

if TYPE_CHECKING:
    import duckdb

TREND_PERIODS = 6
STATUSES = ("met", "at-risk", "missed", "no-data", "no-goal")
# SQL of each aggregate over the rows of one metric and period; `v` is the value as a number.
_SQL = {
    Aggregate.mean: "avg(v)",
    Aggregate.median: "median(v)",
    Aggregate.p90: "quantile_cont(v, 0.9)",
    Aggregate.sum: "sum(v)",
    Aggregate.count: "count(*)",
    Aggregate.share: "100.0 * avg(v)",
}


@dataclass(frozen=True, slots=True)
class MapMetric:
    """A metric of a map, where it sits (a phase, or a touchpoint of it)."""

    map_id: str
    map_path: str
    segment: str | None
    phase: str  # the phase's name
    touchpoint: str | None  # the touchpoint's name, for a touchpoint's metric
    metric: Metric

    @property
    def id(self) -> str:
        return self.metric.id or ""

    @property
    def customer(self) -> bool:
        return self.metric.visibility is Visibility.customer


@dataclass(frozen=True, slots=True)
class Account:
    account: str
    value: float


@dataclass(frozen=True, slots=True)
class Result:
    where: MapMetric
    period: str | None
    value: float | None
    status: str
    trend: tuple[tuple[str, float], ...]  # (period, value), oldest first, the latest last
    accounts: tuple[Account, ...] = ()  # furthest from the goal first (--accounts), internal only

    @property
    def goal(self) -> Goal | None:
        return self.where.metric.goal


@dataclass
class Scorecard:
    results: list[Result] = field(default_factory=list)
    problems: list[ActualsProblem] = field(default_factory=list)
    rows: int = 0  # rows read, all files


def map_metrics(journeys: Sequence[JourneyFile]) -> list[MapMetric]:
    return [
        MapMetric(item.model.id, item.path, item.model.segment, phase.name, touchpoint.name if touchpoint else None, m)
        for item in journeys
        for _, phase, touchpoint, m in every_metric(item.model)
    ]


def status_of(goal: Goal, value: float) -> str:
    if goal.max is not None:
        if value <= goal.max:
            return "met"
        return "at-risk" if goal.at_risk is not None and value <= goal.at_risk else "missed"
    assert goal.min is not None
    if value >= goal.min:
        return "met"
    return "at-risk" if goal.at_risk is not None and value >= goal.at_risk else "missed"


def score(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[ActualsSource],
    metrics: Sequence[MapMetric],
    *,
    as_of: str | None = None,
    accounts: int = 0,
) -> Scorecard:
    card = Scorecard()
    measurable = [m for m in metrics if m.metric.id]
    cutoff = None
    if as_of is not None:
        cutoff = period_end(as_of)
        if cutoff is None:
            from journeyctl.measure.periods import EXPECTED
            from journeyctl.problems import UsageError

            raise UsageError(f"--period {as_of!r} is not a period: give {EXPECTED}")
    _register_metrics(con, measurable)
    fast = _one_pass(con, measurable)
    if fast is not None:
        card.rows, series, ends = fast
        # --accounts reads the few rows it lists straight from the files
        con.execute(f"CREATE TEMP VIEW rows AS SELECT *, {VALUE_SQL} AS v, false AS bad FROM actuals")
    else:
        # Some row is bad: the rows are kept in a table, the bad ones located and left out.
        con.execute(f"CREATE TEMP TABLE rows AS SELECT *, {VALUE_SQL} AS v, false AS bad FROM actuals")
        card.rows = con.execute("SELECT count(*) FROM rows").fetchone()[0]  # type: ignore[index]
        bad_periods = find_bad_rows(con, sources, measurable, card.problems)
        ends = _period_ends(con, bad_periods)
        series = _series(con)
    for where in metrics:
        card.results.append(_result(con, where, series.get((where.map_id, where.id), {}), ends, cutoff, accounts))
    return card


Series = dict[tuple[str, str], dict[str, float]]


def _one_pass(
    con: duckdb.DuckDBPyConnection, metrics: Sequence[MapMetric]
) -> tuple[int, Series, dict[str, date]] | None:
    """The series from one parallel scan of the files, grouped by metric, map, period and segment,
    with the counts that show whether any row of a group is bad; None when one is (or when the
    groups of one metric and period cannot be combined), for the slow path to locate them."""
    kinds = {aggregate: sorted({m.id for m in metrics if _aggregate(m) is aggregate}) for aggregate in Aggregate}
    holistic = {
        aggregate: f"{_SQL[aggregate]} FILTER (WHERE list_contains({sql_list(kinds[aggregate])}, metric))"
        for aggregate in (Aggregate.median, Aggregate.p90)
    }
    query = (
        "SELECT metric, map, period, segment, count(*), count(value), count(v), "
        "count(*) FILTER (WHERE isnan(v) OR isinf(v)), count(*) FILTER (WHERE v NOT IN (0, 1)), "
        "count(account), count(DISTINCT account), avg(v), sum(v), "
        f"{holistic[Aggregate.median]}, {holistic[Aggregate.p90]} "
        f"FROM (SELECT metric, map, period, segment, value, account, {VALUE_SQL} AS v FROM actuals) GROUP BY ALL"
    )
    by_key = {(m.map_id, m.id): m for m in metrics}
    by_id: dict[str, list[MapMetric]] = {}
    for m in metrics:
        by_id.setdefault(m.id, []).append(m)
    rows = 0
    series: Series = {}
    ends: dict[str, date] = {}
    for group in con.execute(query).fetchall():
        metric, map_id, period, segment, n, n_value, n_number, n_nan, n_not_01, n_accounts, n_distinct = group[:11]
        mean, total, median, p90 = group[11:]
        rows += n
        candidates = [by_key[map_id, metric]] if (map_id, metric) in by_key else [] if map_id else by_id.get(metric, [])
        if segment is not None:
            candidates = [m for m in candidates if m.segment == segment]
        end = period_end(period) if period else None
        if (
            len(candidates) != 1
            or end is None
            or n_value < n
            or n_number < n_value
            or n_nan
            or n_accounts > n_distinct
            or n - n_accounts > 1
        ):
            return None
        where = candidates[0]
        aggregate = _aggregate(where)
        if aggregate is Aggregate.share and n_not_01:
            return None
        value = {
            Aggregate.mean: mean,
            Aggregate.median: median,
            Aggregate.p90: p90,
            Aggregate.sum: total,
            Aggregate.count: n,
            Aggregate.share: None if mean is None else 100.0 * mean,
        }[aggregate]
        points = series.setdefault((where.map_id, where.id), {})
        if period in points:  # rows of one period in two groups (with and without a map id): the slow path
            return None
        points[period] = float(value)
        ends[period] = end
    return rows, series, ends


def _aggregate(metric: MapMetric) -> Aggregate:
    return metric.metric.goal.aggregate if metric.metric.goal else Aggregate.mean


def _register_metrics(con: duckdb.DuckDBPyConnection, metrics: Sequence[MapMetric]) -> None:
    """The table `metrics` (map, metric, segment, aggregate) and `joined`: each good row with its metric.

    A row names its map, or its metric id is unique in the run, or its `segment` picks one map;
    checks.py reports the rows that match no metric or several.
    """
    con.execute("CREATE TEMP TABLE metrics (map VARCHAR, metric VARCHAR, segment VARCHAR, aggregate VARCHAR)")
    if metrics:
        con.executemany(
            "INSERT INTO metrics VALUES (?, ?, ?, ?)",
            [
                (m.map_id, m.id, m.segment, (m.metric.goal.aggregate if m.metric.goal else Aggregate.mean).value)
                for m in metrics
            ],
        )


def _period_ends(con: duckdb.DuckDBPyConnection, bad: set[str]) -> dict[str, date]:
    ends = {}
    for (period,) in con.execute("SELECT DISTINCT period FROM rows WHERE period IS NOT NULL").fetchall():
        end = period_end(period)
        if end is not None and period not in bad:
            ends[period] = end
    return ends


def _series(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], dict[str, float]]:
    """(map, metric) -> {period: value}, aggregated in SQL by each metric's `aggregate`."""
    branches = [
        f"SELECT m, k, period, {sql} AS value FROM good WHERE aggregate = '{aggregate.value}' GROUP BY m, k, period"
        for aggregate, sql in _SQL.items()
    ]
    query = (
        "WITH good AS (SELECT x.map AS m, x.metric AS k, r.period, r.v, x.aggregate FROM rows r "
        "JOIN metrics x ON r.metric = x.metric AND (r.map IS NULL OR r.map = x.map) "
        "AND (r.segment IS NULL OR r.segment = x.segment) WHERE r.v IS NOT NULL AND r.period IS NOT NULL "
        "AND NOT r.bad) " + " UNION ALL ".join(branches)
    )
    series: dict[tuple[str, str], dict[str, float]] = {}
    for map_id, metric, period, value in con.execute(query).fetchall():
        series.setdefault((map_id, metric), {})[period] = float(value)
    return series


def _result(
    con: duckdb.DuckDBPyConnection,
    where: MapMetric,
    by_period: dict[str, float],
    ends: dict[str, date],
    cutoff: date | None,
    accounts: int,
) -> Result:
    periods = sorted(
        (p for p in by_period if p in ends and (cutoff is None or ends[p] <= cutoff)), key=ends.__getitem__
    )
    goal = where.metric.goal
    if not periods:
        return Result(where, None, None, "no-goal" if goal is None else "no-data", ())
    latest = periods[-1]
    value = by_period[latest]
    trend = tuple((p, by_period[p]) for p in periods[-TREND_PERIODS:])
    if goal is None:
        return Result(where, latest, value, "no-goal", trend)
    status = status_of(goal, value)
    missed = _accounts(con, where, goal, latest, accounts) if accounts and status != "met" else ()
    return Result(where, latest, value, status, trend, missed)


def _accounts(con: duckdb.DuckDBPyConnection, where: MapMetric, goal: Goal, period: str, limit: int) -> tuple:
    """The accounts of the latest period whose own value misses the goal, furthest from it first."""
    if goal.aggregate in (Aggregate.sum, Aggregate.count):
        return ()  # a sum or a count is of all accounts together: no one account misses it
    bound = 0.5 if goal.aggregate is Aggregate.share else goal.bound  # a share: the accounts at 0 (false)
    lower = goal.lower_is_better and goal.aggregate is not Aggregate.share
    misses = "r.v > ?" if lower else "r.v < ?"
    order = "r.v DESC" if lower else "r.v ASC"
    rows = con.execute(
        f"SELECT r.account, r.v FROM rows r WHERE r.metric = ? AND (r.map IS NULL OR r.map = ?) "
        f"AND (r.segment IS NULL OR r.segment IS NOT DISTINCT FROM ?) AND r.period = ? AND r.account IS NOT NULL "
        f"AND NOT r.bad AND {misses} ORDER BY {order}, r.account LIMIT ?",
        [where.id, where.map_id, where.segment, period, bound, limit],
    ).fetchall()
    return tuple(Account(str(account), float(value)) for account, value in rows if not math.isnan(value))
