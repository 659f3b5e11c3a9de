"""Running a measure: load the maps, read the actuals into DuckDB, score, write the report.

Kept apart from the command line (cli/measure_command.py) so that the core runs without it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyctl.config import Config
from journeyctl.loading import JourneyFile, load_named
from journeyctl.measure.actuals import open_actuals, remove_scratch
from journeyctl.measure.scorecard import STATUSES, Scorecard, map_metrics, score
from journeyctl.problems import Problem, Severity, UsageError

# --fail-on missed: exit 1 when a metric is missed; at-risk: when one is at risk or missed
FAIL_ON = {"missed": ("missed",), "at-risk": ("at-risk", "missed")}
assert all(status in STATUSES for statuses in FAIL_ON.values() for status in statuses)


@dataclass
class Measured:
    card: Scorecard
    map_problems: list[Problem]
    files: int


def load_journeys(paths: Sequence[str], config: Config) -> tuple[list[JourneyFile], list[Problem], int]:
    """The journeys named by `paths` and the map problems; a UsageError when none were found."""
    workspace, journeys = load_named(
        paths, config.catalog_paths, channels=config.all_channels, max_bytes=config.max_file_bytes
    )
    if not journeys and not any(p.severity is Severity.ERROR for p in workspace.problems):
        raise UsageError(f"no journey maps found in {' '.join(paths)} (catalogs alone have no metrics)")
    return journeys, workspace.problems, workspace.files_read


def measure(
    paths: Sequence[str],
    actuals: Sequence[str],
    config: Config,
    *,
    period: str | None = None,
    accounts: int = 0,
) -> Measured:
    if not actuals:
        raise UsageError("no actuals: give --actuals FILE (CSV, XLSX, Parquet or JSON lines; - for CSV on stdin)")
    if list(actuals).count("-") > 1:
        raise UsageError("--actuals - (standard input) may be given once")
    journeys, map_problems, files = load_journeys(paths, config)
    if any(p.severity is Severity.ERROR for p in map_problems):
        return Measured(Scorecard(), map_problems, files)
    card = score_actuals(journeys, actuals, config, period=period, accounts=accounts)
    return Measured(card, map_problems, files)


def score_actuals(
    journeys: Sequence[JourneyFile],
    actuals: Sequence[str],
    config: Config,
    *,
    period: str | None = None,
    accounts: int = 0,
) -> Scorecard:
    """The scorecard of `journeys` from the actuals files (render --actuals uses it too)."""
    import duckdb

    scratch = Path(tempfile.mkdtemp(prefix="journeyctl-measure-"))
    try:
        con = duckdb.connect(":memory:", config={"temp_directory": str(scratch)})
        try:
            problems: list = []
            sources = open_actuals(
                con,
                list(actuals),
                config.actuals.columns,
                config.actuals.max_bytes,
                problems,
                scratch,
            )
            try:
                card = score(con, sources, map_metrics(journeys), as_of=period, accounts=accounts)
            except duckdb.Error as error:  # a file that breaks while it is read: rows that do not fit the header
                text = str(error)
                first = text.strip().splitlines()[0].strip() if text.strip() else type(error).__name__
                named = [source for source in sources if source.path_text in text] or sources[:1]
                where = named[0].where if named else "actuals"
                raise UsageError(
                    f"{where}: not readable as {named[0].kind if named else 'actuals'}: {first[:300]}"
                ) from None
            card.problems[:0] = problems
            return card
        finally:
            con.close()
    finally:
        remove_scratch(scratch)
