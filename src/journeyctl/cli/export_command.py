"""`journeyctl export PATH... --out FILE`: journey maps as a CSV file or an XLSX workbook."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.wording import plural


class SheetFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


class Audience(str, Enum):
    internal = "internal"
    customer = "customer"


def export(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Map files or folders."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write (.csv or .xlsx)."),
    output_format: SheetFormat | None = typer.Option(None, "--format", "-f", help="csv or xlsx [default: from --out]."),
    audience: Audience = typer.Option(
        Audience.internal,
        "--audience",
        help="internal: every field (import reads it back); customer: only what customers may see.",
    ),
    config_file: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: the nearest .journeyctl.yaml)."
    ),
    allow_lint_errors: bool = typer.Option(
        False,
        "--allow-lint-errors",
        help="Export for the customer even when lint "
        "finds errors in customer-facing text (as render does, it refuses by default).",
    ),
) -> None:
    """Write journey maps as a spreadsheet, in the layout `journeyctl import` reads (docs/sheets.md)."""
    from journeyctl.cli.render_command import print_problems
    from journeyctl.config import load_config
    from journeyctl.fileio import write_output
    from journeyctl.render.run import customer_text_errors, load_maps
    from journeyctl.sheets.export import csv_sheet, workbook_sheets
    from journeyctl.sheets.files import csv_bytes, format_of, xlsx_bytes

    chosen = output_format.value if output_format else format_of(out)
    if output_format and out.suffix.lower() != f".{chosen}":
        raise UsageError(f"--out {printable(str(out))} does not end in .{chosen} (--format {chosen})")
    config = load_config(config_file)
    # the maps and the customer-text gate of render, so that both refuse the same maps
    journey_files, maps, loaded = load_maps(paths, config, "exported")
    if print_problems(loaded):
        raise typer.Exit(1)
    if (
        audience is Audience.customer
        and not allow_lint_errors
        and print_problems(customer_text_errors(paths, config, "exported"))
    ):
        raise typer.Exit(1)
    journeys = [item.model for item in journey_files]
    catalogs = [item.model for item in maps if item.kind == "catalog"]
    if chosen == "csv":
        content = csv_bytes(csv_sheet(journeys, catalogs, audience.value))
    else:
        content = xlsx_bytes(workbook_sheets(journeys, catalogs, audience.value))
    write_output(out, content)
    typer.echo(f"wrote {printable(str(out))}: {plural(len(journeys), 'map')}, {audience.value} audience", err=True)
