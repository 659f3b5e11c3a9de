"""`journeyctl diff OLD NEW | REV [REV] [PATH...]`: what changed in the journey, matched by id.

Only parses options and picks the exit status; the work is in journeyctl.diff, imported when
the command runs so that `lint` never pays for it.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from typer.core import TyperCommand


class DiffCommand(TyperCommand):
    """Keeps `--` among the arguments where the user wrote it (the parser would drop it): as in
    git, it says that what follows is a path even where the name could be a revision."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if "--" in args:
            at = args.index("--")
            args = [*args[:at], "--", "--", *args[at + 1 :]]  # the first ends the options, the second is kept
        return super().parse_args(ctx, args)


class OutputFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class FailOn(str, Enum):
    customer_facing = "customer-facing"
    any = "any"


def diff(
    args: list[str] | None = typer.Argument(
        None,
        metavar="OLD NEW | REV [REV] [[--] PATH...]",
        help="Two files or folders (either may be REV:path); or a revision to compare the working tree with; "
        "or two revisions, A B or A..B (A...B: from the merge base). Paths after the revisions limit the "
        "comparison (after --, a name is a path even if it is also a revision); without paths, the "
        "repository's maps are compared (config `maps:`, else the tracked map files).",
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", "-f", help="text, markdown (a PR comment) or json."
    ),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Exit 1 when there is a customer-facing change, or any change."
    ),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when there are changes, 0 when none (like git diff)."
    ),
    order: bool = typer.Option(False, "--order", help="Also report position changes within a phase, and of phases."),
    rename_threshold: float | None = typer.Option(
        None,
        "--rename-threshold",
        min=0.0,
        max=1.0,
        help="How similar (0-1) a touchpoint with a new id must stay to be 'renamed' (default: config, 0.6).",
    ),
    git_driver: bool = typer.Option(False, "--git-driver", help="Run as git's external diff (git passes 7 arguments)."),
    config: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: the nearest .journeyctl.yaml)."
    ),
) -> None:
    """Show what changed between two versions of journey maps, and whether customers will see it."""
    from journeyctl.config import load_config
    from journeyctl.diff.compare import Options
    from journeyctl.diff.engine import run_diff, unified_fallback
    from journeyctl.diff.formats import FORMATS
    from journeyctl.diff.operands import collect, collect_git_driver
    from journeyctl.report.text import format_line, make_console

    settings = load_config(config)
    threshold = settings.diff.rename_threshold if rename_threshold is None else rename_threshold
    arguments = list(args or [])
    if git_driver:
        operands = collect_git_driver(arguments, max_bytes=settings.max_file_bytes)
    else:
        operands = collect(arguments, map_roots=settings.map_roots, max_bytes=settings.max_file_bytes)
    result = run_diff(operands, channels=settings.all_channels, options=Options(threshold, order))

    errors = make_console(sys.stderr)
    for problem in result.problems:
        errors.print(format_line(problem))
    if git_driver:
        # git stops at the first external diff that fails: show the file as text instead.
        if result.problems:
            sys.stdout.write(unified_fallback(operands))
        else:
            FORMATS["text"](result.changes, sys.stdout)
        return
    FORMATS[output_format.value](result.changes, sys.stdout, result.problems)
    if result.problems:
        raise typer.Exit(1)
    gate = exit_code or fail_on is FailOn.any
    if (gate and result.changes) or (
        fail_on is FailOn.customer_facing and any(c.customer_facing for c in result.changes)
    ):
        raise typer.Exit(1)
