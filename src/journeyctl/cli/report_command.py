"""`journeyctl report coverage|owners|cadence PATH...`: internal views of the maps of a run."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from journeyctl.paths import printable
from journeyctl.problems import UsageError


class View(str, Enum):
    coverage = "coverage"
    owners = "owners"
    cadence = "cadence"


class ReportFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


def report(
    view: View = typer.Argument(..., help="coverage, owners or cadence."),
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Map files or folders."),
    output_format: ReportFormat = typer.Option(
        ReportFormat.text, "--format", "-f", help="text, markdown, html or json."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
    owner: str | None = typer.Option(None, "--owner", help="owners: the runbook of this owner id only."),
    config_file: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: the nearest .journeyctl.yaml)."
    ),
) -> None:
    """Internal views of every map of the run: persona coverage, owner runbooks, contact cadence (docs/report.md)."""
    from importlib import import_module

    from journeyctl.cli.render_command import print_problems
    from journeyctl.config import load_config
    from journeyctl.fileio import write_output
    from journeyctl.render.run import load_maps
    from journeyctl.render.view import People
    from journeyctl.views import VIEWS
    from journeyctl.views.formats import write
    from journeyctl.views.report import Run

    if owner is not None and view is not View.owners:
        raise UsageError(f"--owner is for `journeyctl report owners`, not {view.value}")
    config = load_config(config_file)
    _journeys, maps, loaded = load_maps(paths, config, "reported")
    if print_problems(loaded):
        raise typer.Exit(1)
    run = Run.of(maps, People.for_journey)
    module = import_module(VIEWS[view.value])
    if view is View.owners:
        built = module.build(run, owner)
    elif view is View.cadence:
        try:
            built = module.build(run, config.cadence.thresholds())
        except module.TooManyContacts as error:
            raise UsageError(f"cadence: {error}") from None
    else:
        built = module.build(run)
    if output_format is ReportFormat.html:
        from journeyctl.render.report_page import report_html

        text = report_html(built)
    else:
        text = write(built, output_format.value)
    if out is None:
        sys.stdout.write(text)
        return
    write_output(out, text)
    typer.echo(f"wrote {printable(str(out))}: {view.value} report, {output_format.value}", err=True)
