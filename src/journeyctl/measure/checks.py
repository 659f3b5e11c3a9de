"""The bad rows of actuals: each gets one located problem, and is left out of the scorecard.

The checks are SQL over the rows table, one pass when every row is good. Only when some are bad
are the files read again with row numbers (no longer in parallel), to say where.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from journeyctl.measure.actuals import ActualsProblem, ActualsSource, numbered
from journeyctl.measure.periods import EXPECTED, period_end
from journeyctl.paths import printable
from journeyctl.problems import did_you_mean
from journeyctl.schema.models import Aggregate

if TYPE_CHECKING:
    import duckdb

    from journeyctl.measure.scorecard import MapMetric

MAX_LOCATED = 100  # problems shown; the rest are counted
# A number (DuckDB's cast allows spaces around it), else true/false for a share.
VALUE_SQL = (
    "coalesce(TRY_CAST(value AS DOUBLE), CASE lower(trim(value)) WHEN 'true' THEN 1.0 WHEN 'false' THEN 0.0 END)"
)
# Which column a problem is about: the cell of an XLSX row.
_COLUMN = {"metric": "metric", "map": "map", "period": "period", "value": "value", "segment": "segment"}


def find_bad_rows(
    con: duckdb.DuckDBPyConnection,
    sources: Sequence[ActualsSource],
    metrics: Sequence[MapMetric],
    problems: list[ActualsProblem],
) -> set[str]:
    """Mark the bad rows (rows.bad), add their problems; the periods that are no period."""
    metric_ids = sorted({m.id for m in metrics})
    map_ids = sorted({m.map_id for m in metrics})
    periods = [p for (p,) in con.execute("SELECT DISTINCT period FROM rows WHERE period IS NOT NULL").fetchall()]
    bad_periods = {p for p in periods if period_end(p) is None}
    reason = _reason_sql(metrics, bad_periods)
    count = con.execute(f"SELECT count(*) FROM rows WHERE ({reason}) IS NOT NULL").fetchone()[0]  # type: ignore[index]
    if count:
        con.execute(f"UPDATE rows SET bad = true WHERE ({reason}) IS NOT NULL")
    duplicates = con.execute(
        "SELECT metric, map, period, account, segment FROM rows WHERE NOT bad GROUP BY ALL HAVING count(*) > 1"
    ).fetchall()
    if not count and not duplicates:
        return bad_periods
    located: list[tuple[int, int, ActualsProblem]] = []
    for source in sources:
        query = (
            f"SELECT row, metric, map, period, value, segment, {reason} AS why "
            f"FROM ({numbered(source)}) WHERE ({reason}) IS NOT NULL ORDER BY row LIMIT {MAX_LOCATED}"
        )
        for row, metric, map_id, period, value, segment, why in con.execute(query).fetchall():
            column, message = _message(why, metric, map_id, period, value, segment, metric_ids, map_ids)
            located.append((source.index, row, ActualsProblem(source.row_where(row, column), message)))
    located += _duplicates(con, sources, duplicates, reason)
    located.sort(key=lambda item: (item[0], item[1]))
    problems.extend(problem for _, _, problem in located[:MAX_LOCATED])
    total = count + sum(1 for _ in located if _[2].message.startswith("duplicate"))
    if total > MAX_LOCATED:
        where = sources[0].where if sources else "actuals"
        problems.append(ActualsProblem(where, f"and {total - MAX_LOCATED} more bad rows, not shown"))
    return bad_periods


def _reason_sql(metrics: Sequence[MapMetric], bad_periods: set[str]) -> str:
    """A SQL expression that names what is wrong with a row, or is NULL."""
    ids = sql_list(sorted({m.id for m in metrics}))
    maps = sql_list(sorted({m.map_id for m in metrics}))
    periods = sql_list(sorted(bad_periods))
    by_id: dict[str, list[MapMetric]] = {}
    for m in metrics:
        by_id.setdefault(m.id, []).append(m)
    shares = sql_list(
        sorted(f"{m.map_id}/{m.id}" for m in metrics if m.metric.goal and m.metric.goal.aggregate is Aggregate.share)
    )
    share_ids = sql_list(
        sorted({m.id for m in metrics if m.metric.goal and m.metric.goal.aggregate is Aggregate.share})
    )
    # (metric, segment) pairs that leave the map open: the id is in several maps, and the row's segment
    # (or no segment) fits more than one of them
    ambiguous = []
    for metric_id, where in by_id.items():
        if len(where) > 1:
            ambiguous.append(f"{metric_id}|")
            for segment in {m.segment for m in where if m.segment}:
                if sum(1 for m in where if m.segment == segment) > 1:
                    ambiguous.append(f"{metric_id}|{segment}")
    fits = sql_list(sorted({f"{m.id}|{m.segment}" for m in metrics if m.segment}))
    fits_map = sql_list(sorted({f"{m.map_id}/{m.id}|{m.segment}" for m in metrics if m.segment}))
    return (
        "CASE WHEN metric IS NULL OR trim(metric) = '' THEN 'no-metric' "
        f"WHEN NOT list_contains({ids}, metric) THEN 'unknown-metric' "
        f"WHEN map IS NOT NULL AND trim(map) <> '' AND NOT list_contains({maps}, map) THEN 'unknown-map' "
        f"WHEN map IS NOT NULL AND trim(map) <> '' AND NOT list_contains("
        f"{sql_list(sorted(f'{m.map_id}/{m.id}' for m in metrics))}, map || '/' || metric) THEN 'not-in-map' "
        "WHEN period IS NULL OR trim(period) = '' THEN 'no-period' "
        f"WHEN list_contains({periods}, period) THEN 'bad-period' "
        "WHEN value IS NULL OR trim(value) = '' THEN 'no-value' "
        f"WHEN ({VALUE_SQL}) IS NULL OR isnan({VALUE_SQL}) OR isinf({VALUE_SQL}) THEN 'not-a-number' "
        f"WHEN ({VALUE_SQL}) NOT IN (0, 1) AND (((map IS NULL OR trim(map) = '') AND list_contains({share_ids}, metric)) "
        f"OR list_contains({shares}, map || '/' || metric)) THEN 'not-a-share' "
        f"WHEN segment IS NOT NULL AND trim(segment) <> '' AND (map IS NULL OR trim(map) = '') "
        f"AND NOT list_contains({fits}, metric || '|' || segment) THEN 'segment' "
        f"WHEN segment IS NOT NULL AND trim(segment) <> '' AND map IS NOT NULL AND trim(map) <> '' "
        f"AND NOT list_contains({fits_map}, map || '/' || metric || '|' || segment) THEN 'segment' "
        f"WHEN (map IS NULL OR trim(map) = '') AND list_contains("
        f"{sql_list(sorted(ambiguous))}, metric || '|' || coalesce(segment, '')) THEN 'ambiguous' "
        "END"
    )


def _message(
    why: str,
    metric: str | None,
    map_id: str | None,
    period: str | None,
    value: str | None,
    segment: str | None,
    metric_ids: list[str],
    map_ids: list[str],
) -> tuple[str, str]:
    q = lambda text: repr(printable(str(text)))  # noqa: E731 (short and local)
    if why == "no-metric":
        return "metric", "no metric id in this row"
    if why == "unknown-metric":
        return "metric", f"unknown metric {q(metric)}{did_you_mean(metric, metric_ids)}"
    if why == "unknown-map":
        return "map", f"unknown map {q(map_id)}{did_you_mean(map_id, map_ids)}"
    if why == "not-in-map":
        return "metric", f"map {q(map_id)} has no metric {q(metric)}"
    if why == "no-period":
        return "period", "no period in this row"
    if why == "bad-period":
        return "period", f"unreadable period {q(period)}: expected {EXPECTED}"
    if why == "no-value":
        return "value", "no value in this row"
    if why == "not-a-number":
        return "value", f"value {q(value)} is not a number"
    if why == "not-a-share":
        return "value", f"value {q(value)} of a share metric is not true/false or 1/0"
    if why == "segment":
        return "segment", f"no map of segment {q(segment)} has metric {q(metric)}"
    return "map", f"metric {q(metric)} is in several maps: give the map's id in a `map` column"


def _duplicates(
    con: duckdb.DuckDBPyConnection, sources: Sequence[ActualsSource], keys: list[tuple], reason: str
) -> list[tuple[int, int, ActualsProblem]]:
    """Rows that repeat a metric, map, period, account and segment: all of them are left out."""
    if not keys:
        return []
    con.execute(
        "CREATE TEMP TABLE duplicate_keys (metric VARCHAR, map VARCHAR, period VARCHAR, account VARCHAR, segment VARCHAR)"
    )
    con.executemany("INSERT INTO duplicate_keys VALUES (?, ?, ?, ?, ?)", keys[:10_000])
    same = (
        "r.metric IS NOT DISTINCT FROM d.metric AND r.map IS NOT DISTINCT FROM d.map AND r.period IS NOT DISTINCT "
        "FROM d.period AND r.account IS NOT DISTINCT FROM d.account AND r.segment IS NOT DISTINCT FROM d.segment"
    )
    con.execute(f"UPDATE rows r SET bad = true FROM duplicate_keys d WHERE {same}")
    found: list[tuple[int, int, str, tuple]] = []
    for source in sources:
        query = (
            f"SELECT r.row, r.metric, r.map, r.period, r.account, r.segment "
            f"FROM (SELECT * FROM ({numbered(source)}) WHERE ({reason}) IS NULL) r "
            f"JOIN duplicate_keys d ON {same} "
            f"ORDER BY r.row LIMIT {MAX_LOCATED * 2}"
        )
        for row, *values in con.execute(query).fetchall():
            key = tuple(values)
            found.append((source.index, row, source.row_where(row, "account" if key[3] else "metric"), key))
    first: dict[tuple, str] = {}
    located = []
    for index, row, where, seen in found:
        if seen in first:
            metric, _map, period, account, _segment = seen
            whose = f", account {printable(str(account))!r}" if account is not None else ""
            located.append(
                (
                    index,
                    row,
                    ActualsProblem(
                        where,
                        f"duplicate row for metric {printable(str(metric))!r}, period {printable(str(period))!r}"
                        f"{whose} (first at {first[seen]}); both are left out",
                    ),
                )
            )
        else:
            first[seen] = where
    return located


def sql_list(values: Sequence[str]) -> str:
    return "[" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + "]::VARCHAR[]"
