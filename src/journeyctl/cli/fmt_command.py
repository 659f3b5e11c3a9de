"""`journeyctl fmt PATH... [--check] [--diff]`: rewrite map files in canonical form, keeping comments."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from journeyctl.config import load_config
from journeyctl.paths import printable
from journeyctl.wording import plural


def fmt(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH", help="Map files or folders (a folder means every *.yaml/*.yml below it)."
    ),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; list the files that would change, exit 1 if any."
    ),
    show_diff: bool = typer.Option(
        False, "--diff", help="Write nothing; print the change as a unified diff, exit 1 if any."
    ),
    config_file: Path | None = typer.Option(
        None,
        "--config",
        help="Configuration file (default: the nearest .journeyctl.yaml); its channels count as valid.",
    ),
) -> None:
    """Format map files: spec key order, 2-space indentation, block style, quotes only where needed,
    one blank line between phases; comments are kept. A file that does not parse or validate is
    reported and left alone. Exit 0: done (or nothing to change); 1: files would change (--check,
    --diff) or could not be formatted; 2: usage error."""
    from journeyctl.fmt.run import Mode, format_paths
    from journeyctl.report.text import format_line, make_console

    config = load_config(config_file)
    mode = Mode.DIFF if show_diff else Mode.CHECK if check else Mode.WRITE
    run = format_paths(
        paths, mode, diff_stream=sys.stdout, channels=config.all_channels, max_bytes=config.max_file_bytes
    )

    errors = make_console(sys.stderr)
    for problem in run.problems:
        errors.print(format_line(problem))
    listing = sys.stderr if show_diff else sys.stdout  # with --diff, stdout is the diff alone
    verb = "reformatted" if mode is Mode.WRITE else "would reformat"
    for path in run.changed:
        print(f"{verb} {printable(path)}", file=listing)
    typer.echo(_summary(run, mode), err=True)
    if run.failed or (mode is not Mode.WRITE and run.changed):
        raise typer.Exit(1)


def _summary(run, mode) -> str:
    def files(count: int) -> str:
        return plural(count, "file")

    verb = "reformatted" if mode.value == "write" else "would be reformatted"
    parts = [f"{files(len(run.changed))} {verb}", f"{files(len(run.unchanged))} already formatted"]
    if run.problems:
        failed = len({problem.path for problem in run.problems})
        parts.append(f"{files(failed)} not formatted (problems above)")
    return ", ".join(parts)
