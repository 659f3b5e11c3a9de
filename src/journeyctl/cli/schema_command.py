"""`journeyctl schema`: print or write the JSON Schema of map files."""

from __future__ import annotations

from pathlib import Path

import typer

from journeyctl.fileio import write_output
from journeyctl.paths import printable
from journeyctl.schema.json_schema import json_schema_text


def schema(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the schema to this file instead of printing it."
    ),
) -> None:
    """Print the JSON Schema of both map kinds (journey and catalog), for editors and other tools."""
    text = json_schema_text()
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text)
        typer.echo(f"wrote {printable(str(output))}", err=True)
