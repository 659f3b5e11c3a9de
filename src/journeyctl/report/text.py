"""`path:line:col: severity message [code name]`, one line a problem, coloured on a terminal only."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from journeyctl.paths import printable
from journeyctl.problems import Problem, Severity
from journeyctl.wording import plural

if TYPE_CHECKING:  # Rich is imported only where output may be styled: about a fifth of a one-map lint
    from rich.console import Console
    from rich.text import Text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# What Rich would change in a line even when it writes no colour: it expands tabs (by cell
# width) and drops these control codes. A line with none of them is written as it is.
_RICH_REWRITES = re.compile(r"[\t\a\b\v\f\r]")


def make_console(stream: TextIO) -> Console:
    """Colour on a terminal only (Rich detects it); NO_COLOR (any value) means no styling at all."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False, color_system=None if plain else "auto")


def _parts(problem: Problem) -> list[tuple[str, str | None]]:
    """The pieces of a problem's line, each with its style."""
    return [
        (f"{printable(problem.path)}:{problem.line}:{problem.column}:", "bold"),
        (" ", None),
        (problem.severity.value, _STYLE[problem.severity]),
        (f" {printable(problem.message)} ", None),
        (f"[{problem.code} {problem.name}]", "dim"),
    ]


def format_line(problem: Problem) -> Text:
    from rich.text import Text

    line = Text()
    for text, style in _parts(problem):
        line.append(text, style=style)
    return line


def summary_line(problems: Sequence[Problem], files: int, seconds: float) -> str:
    counts = {severity: 0 for severity in Severity}
    for problem in problems:
        counts[problem.severity] += 1
    parts = ", ".join(plural(counts[s], s.value) for s in Severity)
    return f"{plural(files, 'file')} checked: {parts} in {seconds:.2f}s"


def _unstyled(stream: TextIO) -> bool:
    """Whether Rich would surely write no styles to this stream: NO_COLOR, or not a terminal and
    nothing that makes Rich treat it as one (FORCE_COLOR, TTY_COMPATIBLE, a notebook)."""
    if os.environ.get("NO_COLOR"):
        return True
    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ or "IPython" in sys.modules:
        return False
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed: Rich calls it no terminal too
        return True


def report_text(
    problems: Sequence[Problem],
    stream: TextIO,
    *,
    files: int,
    seconds: float,
    checked: Sequence[str] = (),
    root: Path | None = None,
    fail_on: Severity = Severity.ERROR,
) -> None:
    lines = ["".join(text for text, _ in _parts(problem)) for problem in problems]
    summary = summary_line(problems, files, seconds)
    if _unstyled(stream) and not any(_RICH_REWRITES.search(line) for line in lines):
        stream.write("".join(f"{line}\n" for line in [*lines, summary]))
        return
    from rich.text import Text

    console = make_console(stream)
    for problem in problems:
        console.print(format_line(problem))
    console.print(Text(summary, style="bold"))
