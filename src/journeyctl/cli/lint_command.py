"""`journeyctl lint PATH...`: check map files and report problems."""

from __future__ import annotations

import sys
import time
from typing import List

import typer

from journeyctl.loading import load_workspace
from journeyctl.loading.source import DEFAULT_MAX_BYTES
from journeyctl.problems import Severity
from journeyctl.report import REPORTERS


def lint(
    paths: List[str] = typer.Argument(..., help="Map files or folders (a folder means every *.yaml/*.yml below it)."),
    max_file_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-file-bytes", min=1, help="Refuse files larger than this."),
) -> None:
    """Check map files against the schema and their references."""
    started = time.perf_counter()
    workspace = load_workspace(paths, max_bytes=max_file_bytes)
    problems = sorted(workspace.problems, key=lambda problem: problem.sort_key())
    REPORTERS["text"](problems, sys.stdout, files=workspace.files_read, seconds=time.perf_counter() - started)
    if any(problem.severity is Severity.ERROR for problem in problems):
        raise typer.Exit(1)
