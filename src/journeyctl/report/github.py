"""GitHub Actions workflow commands: `::error file=...,line=...::message` annotate the pull request."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journeyctl.identity import repository_root
from journeyctl.paths import printable, relative_posix
from journeyctl.problems import Problem, Severity
from journeyctl.report.streams import workflow_command
from journeyctl.report.text import summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """As the Actions toolkit's escapeData: %, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """As the Actions toolkit's escapeProperty: also ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, root: Path | None = None) -> str:
    """GitHub reads `file` from the repository root, wherever journeyctl ran."""
    span = problem.span
    properties = {
        "file": relative_posix(problem.path, root or repository_root()),
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "title": f"{problem.code} {problem.name}",
    }
    if span.end_line == span.line:  # GitHub reads endColumn only on one-line annotations
        properties["endColumn"] = span.end_column
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{_COMMAND[problem.severity]} {rendered}::{escape_data(printable(problem.message, keep_lines=True))}"


def report_github(
    problems: Sequence[Problem],
    stream: TextIO,
    *,
    files: int,
    seconds: float,
    checked: Sequence[str] = (),
    root: Path | None = None,
    fail_on: Severity = Severity.ERROR,
) -> None:
    root = root or repository_root()
    for problem in problems:
        workflow_command(stream, annotation(problem, root))
    stream.write(summary_line(problems, files, seconds) + "\n")
