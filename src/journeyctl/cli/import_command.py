"""`journeyctl import FILE.csv|FILE.xlsx --out maps/NAME.yaml`: a journey map from a spreadsheet."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.wording import plural


def import_sheet(
    source: Path = typer.Argument(..., metavar="FILE", help="A .csv or .xlsx file, one row per touchpoint."),
    out: Path = typer.Option(..., "--out", "-o", help="The map file to write, e.g. maps/onboarding.yaml."),
    sheet: str | None = typer.Option(
        None, "--sheet", help="The sheet of touchpoint rows, when a workbook has several."
    ),
    map_id: str | None = typer.Option(
        None, "--id", help="The map's id [default: the Journey sheet's, or --out's name]."
    ),
    title: str | None = typer.Option(None, "--title", help="The map's title [default: the Journey sheet's]."),
    segment: str | None = typer.Option(None, "--segment", help="The customer segment the map serves."),
    owner: str | None = typer.Option(None, "--owner", help="The owner id accountable for the map."),
    columns: list[str] | None = typer.Option(
        None,
        "--columns",
        metavar="HEADER=COLUMN",
        help="Read a column of yours as one of ours, e.g. 'Kanal=Channel' (repeatable).",
    ),
    force: bool = typer.Option(False, "--force", help="Write the map even with errors, and list what to fix."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace --out if it exists."),
    config_file: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: the nearest .journeyctl.yaml)."
    ),
) -> None:
    """Make a journey map from a spreadsheet (docs/sheets.md), checked as lint checks it before it is written.

    Exit 0: written; 1: problems in the sheet (nothing written, unless --force); 2: usage error."""
    from journeyctl.cli.init_command import _schema_url
    from journeyctl.config import load_config
    from journeyctl.fileio import write_atomic
    from journeyctl.sheets.importer import Options, slug
    from journeyctl.sheets.run import import_file

    if not out.name.endswith((".yaml", ".yml")):
        raise UsageError(f"--out {printable(str(out))}: a map file's name ends in .yaml")
    if out.exists() and not overwrite:
        raise UsageError(f"{printable(str(out))} already exists; add --overwrite to replace it")
    if not out.parent.is_dir():
        raise UsageError(f"folder {printable(str(out.parent))} does not exist")
    config = load_config(config_file)
    values = {
        name: value
        for name, value in (("id", map_id), ("title", title), ("segment", segment), ("owner", owner))
        if value is not None
    }
    options = Options(
        file=printable(str(source)),
        default_id=slug(Path(out.name).stem.split(".")[0]),
        sheet=sheet,
        values=values,
        columns={**config.sheets.columns, **_pairs(columns or [])},
    )
    result = import_file(str(source), out, options, config, _schema_url(out.parent.resolve()))
    for problem in result.problems:
        typer.echo(printable(problem.line()), err=True)
    if result.errors and not force:
        typer.echo(
            f"journeyctl: nothing written: {plural(result.errors, 'error')} above (--force writes the map anyway)",
            err=True,
        )
        raise typer.Exit(1)
    try:
        write_atomic(out, result.text, exclusive=not overwrite)
    except FileExistsError:
        raise UsageError(f"{printable(str(out))} already exists; add --overwrite to replace it") from None
    except OSError as error:
        raise UsageError(f"cannot write {printable(str(out))}: {error.strerror or error}") from None
    typer.echo(
        f"wrote {printable(str(out))}" + (f" with {plural(result.errors, 'error')} to fix" if result.errors else ""),
        err=True,
    )
    if result.errors:
        raise typer.Exit(1)


def _pairs(items: list[str]) -> dict[str, str]:
    pairs = {}
    for item in items:
        match = re.fullmatch(r"\s*(.+?)\s*=\s*(.+?)\s*", item)
        if not match:
            raise UsageError(f"--columns {item!r}: expected HEADER=COLUMN, e.g. 'Kanal=Channel'")
        pairs[match.group(1)] = match.group(2)
    return pairs
