"""`journeyctl measure PATH... --actuals FILE...`: the maps' metrics against measured actuals.

Only the options live here; the work is in journeyctl.measure, imported when the command runs.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer


class MeasureFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class FailOn(str, Enum):
    missed = "missed"
    at_risk = "at-risk"


def measure(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Map files or folders whose metrics are measured."),
    actuals: list[str] = typer.Option(
        [], "--actuals", help="Actuals: .csv, .xlsx, .parquet or .jsonl; '-' for CSV on standard input. Repeatable."
    ),
    output_format: MeasureFormat = typer.Option(
        MeasureFormat.text, "--format", "-f", help="text, json, markdown (a scorecard for CI) or html."
    ),
    period: str | None = typer.Option(
        None, "--period", help="Measure as of this period (2026-10, 2026-W44, 2026-Q4, 2026-10-31)."
    ),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Exit 1 when a metric is missed (missed) or at risk or missed (at-risk)."
    ),
    accounts: int = typer.Option(
        0, "--accounts", min=0, max=1000, help="List the N accounts furthest from each goal not met (internal)."
    ),
    output: str = typer.Option("-", "--output", "-o", help="Write the report to this file ('-': standard output)."),
    config_file: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: the nearest .journeyctl.yaml)."
    ),
) -> None:
    """Measure the maps' metrics against actuals: value, goal, status and trend per metric."""
    import io

    from journeyctl.config import load_config
    from journeyctl.fileio import write_output
    from journeyctl.measure.formats import WRITERS
    from journeyctl.measure.run import FAIL_ON
    from journeyctl.measure.run import measure as run_measure
    from journeyctl.paths import printable

    config = load_config(config_file)
    measured = run_measure(paths, actuals, config, period=period, accounts=accounts)
    if measured.map_problems:
        from journeyctl.report.text import report_text

        report_text(measured.map_problems, sys.stderr, files=measured.files, seconds=0.0)
        if not measured.card.results and not measured.card.rows:
            typer.echo("journeyctl: nothing measured: fix the errors above first", err=True)
            raise typer.Exit(1)
    card = measured.card
    for problem in card.problems:
        typer.echo(printable(problem.line()), err=True)
    buffer = io.StringIO()
    WRITERS[output_format.value](card, buffer, output == "-" and output_format is MeasureFormat.text and _colour())
    if output == "-":
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    else:
        write_output(Path(output), buffer.getvalue())
    failing = FAIL_ON[fail_on.value] if fail_on else ()
    if card.problems or any(result.status in failing for result in card.results):
        raise typer.Exit(1)


def _colour() -> bool:
    import os

    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))
