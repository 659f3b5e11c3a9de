"""`path:line:col: severity message [code name]`, one line a problem, coloured on a terminal only."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence, TextIO

from rich.console import Console
from rich.text import Text

from journeyctl.problems import Problem, Severity
from journeyctl.report.paths import printable
from journeyctl.wording import plural

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def make_console(stream: TextIO) -> Console:
    """Colour on a terminal only (Rich detects it); NO_COLOR (any value) means no styling at all."""
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False,
                   **({"color_system": None} if plain else {}))


def format_line(problem: Problem) -> Text:
    line = Text()
    line.append(f"{printable(problem.path)}:{problem.line}:{problem.column}:", style="bold")
    line.append(" ")
    line.append(problem.severity.value, style=_STYLE[problem.severity])
    line.append(f" {printable(problem.message)} ")
    line.append(f"[{problem.code} {problem.name}]", style="dim")
    return line


def summary_line(problems: Sequence[Problem], files: int, seconds: float) -> str:
    counts = {severity: 0 for severity in Severity}
    for problem in problems:
        counts[problem.severity] += 1
    parts = ", ".join(plural(counts[s], s.value) for s in Severity)
    return f"{plural(files, 'file')} checked: {parts} in {seconds:.2f}s"


def report_text(problems: Sequence[Problem], stream: TextIO, *, files: int, seconds: float,
                checked: Sequence[str] = (), root: Path | None = None, fail_on: Severity = Severity.ERROR) -> None:
    console = make_console(stream)
    for problem in problems:
        console.print(format_line(problem))
    console.print(Text(summary_line(problems, files, seconds), style="bold"))
