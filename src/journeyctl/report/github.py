"""GitHub Actions workflow commands: `::error file=...,line=...::message` annotate the pull request."""

from __future__ import annotations

from typing import Sequence, TextIO

from journeyctl.problems import Problem, Severity
from journeyctl.report.paths import printable, relative_posix
from journeyctl.report.text import summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """As the Actions toolkit's escapeData: %, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """As the Actions toolkit's escapeProperty: also ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    span = problem.span
    properties = {
        "file": relative_posix(problem.path),
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "title": f"{problem.code} {problem.name}",
    }
    if span.end_line == span.line:  # GitHub reads endColumn only on one-line annotations
        properties["endColumn"] = span.end_column
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{_COMMAND[problem.severity]} {rendered}::{escape_data(printable(problem.message))}"


def report_github(problems: Sequence[Problem], stream: TextIO, *, files: int, seconds: float) -> None:
    for problem in problems:
        stream.write(annotation(problem) + "\n")
    stream.write(summary_line(problems, files, seconds) + "\n")
