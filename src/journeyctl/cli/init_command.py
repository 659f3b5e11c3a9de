"""`journeyctl init NAME`: start a new map from the LAER (Land, Adopt, Expand, Renew) template."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from journeyctl.fileio import write_atomic
from journeyctl.problems import UsageError
from journeyctl.resources import schema_file, templates_dir
from journeyctl.schema.models import ID_PATTERN


def init(
    name: str = typer.Argument(..., metavar="NAME", help="The new map's id (lowercase letters, digits, dashes), or a path ending in .yaml."),
    title: Optional[str] = typer.Option(None, help="The map's title (default: made from the id)."),
) -> None:
    """Write a new journey map from the LAER template. Never overwrites an existing file."""
    path = Path(name if name.endswith((".yaml", ".yml")) else f"{name}.yaml")
    map_id = path.stem
    if not re.fullmatch(ID_PATTERN, map_id):
        raise UsageError(f"map id {map_id!r} may contain only lowercase letters, digits and dashes")
    if path.exists():
        raise UsageError(f"{path} already exists; init never overwrites a file")
    if not path.parent.is_dir():
        raise UsageError(f"folder {path.parent} does not exist")
    schema_url = _schema_url(path.parent.resolve())
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(templates_dir()), keep_trailing_newline=True,
                                     undefined=jinja2.StrictUndefined)
    text = environment.get_template("init/laer-journey.yaml").render(
        map_id=map_id,
        title=title or map_id.replace("-", " ").capitalize() + " journey",
        today=date.today().isoformat(),
        schema_url=schema_url,
    )
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError:
        raise UsageError(f"{path} already exists; init never overwrites a file") from None
    typer.echo(f"wrote {path}: edit it, then run 'journeyctl lint {path}'")
    if schema_url.startswith("file:"):
        # An absolute path into this machine's installation means nothing on a teammate's machine.
        typer.echo("tip: its editor schema line points into this installation; for one the whole team can use, "
                   "run 'journeyctl schema --output schema/journeyctl.schema.json' at the repository root "
                   "and init again (or edit the first line)")


def _schema_url(folder: Path) -> str:
    """The repository's committed schema, relative to the new file; else the installed copy."""
    for parent in (folder, *folder.parents):
        candidate = parent / "schema" / "journeyctl.schema.json"
        if candidate.exists():
            return os.path.relpath(candidate, folder)
        if (parent / ".git").exists():
            break
    return schema_file().as_uri()
