"""A Markdown table, fit for $GITHUB_STEP_SUMMARY or a pull-request comment."""

from __future__ import annotations

from typing import Sequence, TextIO

from journeyctl.problems import Problem
from journeyctl.report.paths import relative_posix
from journeyctl.report.text import summary_line

_ICON = {"error": "❌ error", "warning": "⚠️ warning", "info": "ℹ️ info"}


def cell(text: str) -> str:
    """Table-safe text: a `|` or a newline in a message must not break the row."""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))


def report_markdown(problems: Sequence[Problem], stream: TextIO, *, files: int, seconds: float) -> None:
    stream.write("## journeyctl lint\n\n")
    stream.write(f"{summary_line(problems, files, seconds)}\n\n")
    if not problems:
        stream.write("No problems found.\n")
        return
    stream.write("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n")
    for problem in problems:
        location = f"`{cell(relative_posix(problem.path))}:{problem.line}:{problem.column}`"
        rule = f"{problem.code} {problem.name}"
        stream.write(f"| {_ICON[problem.severity.value]} | {location} | {rule} | {cell(problem.message)} |\n")
