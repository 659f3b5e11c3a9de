"""A Markdown table, fit for $GITHUB_STEP_SUMMARY or a pull-request comment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journeyctl.markdown import code_span, escape_markdown
from journeyctl.paths import printable, relative_posix
from journeyctl.problems import Problem, Severity
from journeyctl.report.text import summary_line

_ICON = {"error": "❌ error", "warning": "⚠️ warning", "info": "ℹ️ info"}


def code_cell(text: str) -> str:
    """A code span in a table cell: a `|` would end the cell (GitHub reads `\\|` as `|` even in code)."""
    return code_span(" ".join(text.split()).replace("|", "\\|"))


def report_markdown(
    problems: Sequence[Problem],
    stream: TextIO,
    *,
    files: int,
    seconds: float,
    checked: Sequence[str] = (),
    root: Path | None = None,
    fail_on: Severity = Severity.ERROR,
) -> None:
    stream.write("## journeyctl lint\n\n")
    stream.write(f"{summary_line(problems, files, seconds)}\n\n")
    if not problems:
        stream.write("No problems found.\n")
        return
    stream.write("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n")
    for problem in problems:
        location = code_cell(f"{relative_posix(problem.path)}:{problem.line}:{problem.column}")
        rule = f"{problem.code} {problem.name}"
        # a message quotes map text: escaped like any map text, so it cannot become a link or markup
        stream.write(
            f"| {_ICON[problem.severity.value]} | {location} | {rule} | {escape_markdown(printable(problem.message, keep_lines=True))} |\n"
        )
