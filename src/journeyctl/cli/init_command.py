"""`journeyctl init NAME`: start a new map from the LAER (Land, Adopt, Expand, Renew) template."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import typer

from journeyctl.config import Config, load_config
from journeyctl.fileio import write_atomic
from journeyctl.loading import load_workspace
from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.resources import schema_file, templates_dir
from journeyctl.schema.models import ID_PATTERN


def init(
    name: str | None = typer.Argument(
        None, metavar="NAME", help="The new map's id (lowercase letters, digits, dashes), or a path ending in .yaml."
    ),
    title: str | None = typer.Option(None, help="The map's title (default: made from the id)."),
    sheet: Path | None = typer.Option(
        None,
        "--sheet",
        metavar="FILE.xlsx",
        help="Write the spreadsheet template that 'journeyctl import' reads, instead.",
    ),
) -> None:
    """Write a new journey map from the LAER template. Never overwrites an existing file."""
    if sheet is not None:
        return _init_sheet(sheet)
    if name is None:
        raise UsageError("give the new map's NAME, e.g. 'journeyctl init onboarding' (or --sheet FILE.xlsx)")
    path = Path(name if name.endswith((".yaml", ".yml")) else f"{name}.yaml")
    map_id = path.stem
    if not re.fullmatch(ID_PATTERN, map_id):
        raise UsageError(f"map id {map_id!r} may contain only lowercase letters, digits and dashes")
    if path.exists():
        raise UsageError(f"{path} already exists; init never overwrites a file")
    if not path.parent.is_dir():
        raise UsageError(f"folder {path.parent} does not exist")
    schema_url = _schema_url(path.parent.resolve())
    catalog_owners, catalog_personas = _catalog_ids(load_config())
    import jinja2

    from journeyctl.fmt.canonical import needs_quotes

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["yaml_text"] = lambda text: json.dumps(text, ensure_ascii=False) if needs_quotes(text) else text
    text = environment.get_template("init/laer-journey.yaml").render(
        map_id=map_id,
        title=title or map_id.replace("-", " ").capitalize() + " journey",
        today=date.today().isoformat(),
        schema_url=schema_url,
        # the configured catalogs' definitions are used, not repeated (a repeat is a duplicate id)
        catalog_owners=catalog_owners,
        catalog_personas=catalog_personas,
    )
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError:
        raise UsageError(f"{path} already exists; init never overwrites a file") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    typer.echo(f"wrote {printable(str(path))}: edit it, then run 'journeyctl lint {printable(str(path))}'")
    if schema_url.startswith("file:"):
        # An absolute path into this machine's installation means nothing on a teammate's machine.
        typer.echo(
            "tip: its editor schema line points into this installation; for one the whole team can use, "
            "run 'journeyctl schema --output schema/journeyctl.schema.json' at the repository root "
            "and point the first line at it"
        )


def _init_sheet(path: Path) -> None:
    from journeyctl.sheets.template import template_bytes

    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"--sheet {printable(str(path))}: the template is an Excel workbook; name it .xlsx")
    if not path.parent.is_dir():
        raise UsageError(f"folder {path.parent} does not exist")
    config = load_config()
    try:
        write_atomic(path, template_bytes(config.all_channels, *_catalog_ids(config)), exclusive=True)
    except FileExistsError:
        raise UsageError(f"{path} already exists; init never overwrites a file") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    typer.echo(
        f"wrote {printable(str(path))}: fill it in, then run "
        f"'journeyctl import {printable(str(path))} --out maps/NAME.yaml'"
    )


def _catalog_ids(config: Config) -> tuple[set[str], set[str]]:
    """Owner and persona ids the configured catalogs define."""
    workspace = load_workspace(config.catalog_paths, channels=config.all_channels, max_bytes=config.max_file_bytes)
    catalogs = [item.model for item in workspace.catalogs]
    return (
        {owner.id for catalog in catalogs for owner in catalog.owners},
        {persona.id for catalog in catalogs for persona in catalog.personas},
    )


def _schema_url(folder: Path) -> str:
    """The repository's committed schema, relative to the new file; else the installed copy."""
    for parent in (folder, *folder.parents):
        candidate = parent / "schema" / "journeyctl.schema.json"
        if candidate.exists():
            return os.path.relpath(candidate, folder)
        if (parent / ".git").exists():
            break
    return schema_file().as_uri()
