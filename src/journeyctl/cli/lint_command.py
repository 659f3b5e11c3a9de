"""`journeyctl lint PATH...`: check map files against the schema, references and rules."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from journeyctl.config import load_config
from journeyctl.fileio import write_output
from journeyctl.paths import printable
from journeyctl.problems import Severity


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    markdown = "markdown"


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-25") from None


def lint(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH", help="Map files or folders (a folder means every *.yaml/*.yml below it)."
    ),
    output_format: OutputFormat | None = typer.Option(
        None, "--format", "-f", help="Output format [default: text; github when GITHUB_ACTIONS=true]."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file (atomically)."),
    config_file: Path | None = typer.Option(
        None,
        "--config",
        help="Configuration file (default: .journeyctl.yaml or pyproject.toml found upwards; or $JOURNEYCTL_CONFIG).",
    ),
    select: list[str] | None = typer.Option(None, "--select", help="Run only these rules (code, name or prefix)."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Do not run these rules (code, name or prefix)."),
    fail_on: Severity = typer.Option(
        Severity.ERROR, "--fail-on", help="Exit 1 when a finding is at least this severe."
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings."),
    today: str | None = typer.Option(None, "--today", help="The date review rules compare with (YYYY-MM-DD)."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Report only findings not in this baseline file."),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record today's findings as the baseline."
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help="Worker processes, at most one a core [default: all cores, for large inputs only].",
    ),
    max_file_bytes: int | None = typer.Option(
        None, "--max-file-bytes", min=1, max=2**30, help="Refuse files larger than this (at most 1 GiB)."
    ),
) -> None:
    """Check map files: schema, references and rules. Exit 0: clean; 1: findings; 2: usage error."""
    from journeyctl.identity import repository_root
    from journeyctl.lint.engine import make_settings, run_lint
    from journeyctl.report import reporter

    config = load_config(config_file)
    if max_file_bytes is not None:
        config = config.model_copy(update={"max_file_bytes": max_file_bytes})
    settings = make_settings(config, _parse_day(today), select, ignore)
    result = run_lint(paths, settings, baseline=None if write_baseline else baseline, jobs=jobs)

    if write_baseline is not None:
        from journeyctl.lint.baseline import write_baseline as save_baseline

        save_baseline(write_baseline, result.problems, config.source)
        typer.echo(f"wrote {len(result.problems)} finding(s) to {printable(str(write_baseline))}", err=True)
        return

    chosen = output_format or (OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text)
    report = reporter(chosen.value)
    context = {
        "files": result.files,
        "seconds": result.seconds,
        "checked": result.checked,
        "root": repository_root(config.source),
        "fail_on": fail_on,
    }
    if output is None:
        report(result.problems, sys.stdout, **context)
    else:
        buffer = io.StringIO()
        report(result.problems, buffer, **context)
        write_output(output, buffer.getvalue())
    if not exit_zero and any(problem.severity.rank >= fail_on.rank for problem in result.problems):
        raise typer.Exit(1)
