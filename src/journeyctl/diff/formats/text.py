"""`--format text`: changes grouped by map and phase, coloured on a terminal (Rich)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import TextIO

from rich.text import Text

from journeyctl.diff.formats.words import changed_pair, headline, summary
from journeyctl.diff.model import Change
from journeyctl.paths import printable
from journeyctl.problems import Problem
from journeyctl.report.text import make_console

_MARK = {
    "added": ("+", "green"),
    "removed": ("-", "red"),
    "changed": ("~", "yellow"),
    "moved": (">", "cyan"),
    "renamed": ("=", "magenta"),
}


def write_text(changes: Sequence[Change], stream: TextIO, problems: Sequence[Problem] = ()) -> None:
    """`problems` (files that could not be read) are printed by the caller; here they qualify "no changes"."""
    console = make_console(stream)
    if not changes:
        console.print(
            "No changes to the maps that could be read (see the problems above)."
            if problems
            else "No changes to journey maps."
        )
        return
    for map_name, group in groupby(changes, key=lambda change: change.map):
        in_map = list(group)
        console.print(Text.assemble((printable(map_name), "bold"), "  ", (printable(in_map[0].file or ""), "dim")))
        for phase, in_phase in _by_phase(in_map):
            console.print(Text(f"  phase {printable(phase)}" if phase else "  map", style="bold"))
            for change in in_phase:
                console.print(_line(change))
    console.print(Text(summary(list(changes)), style="bold"))


def _by_phase(changes: list[Change]) -> list[tuple[str | None, list[Change]]]:
    """Groups in order of first appearance; a phase's own changes and its touchpoints' together."""
    groups: dict[str | None, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.phase, []).append(change)
    return list(groups.items())


def _line(change: Change) -> Text:
    mark, style = _MARK[change.kind]
    line = Text("    ")
    line.append(mark + " ", style=style)
    line.append(printable(headline(change)))
    if change.kind == "changed":
        old, new = changed_pair(change.old, change.new)
        line.append(": ")
        line.append(printable(old), style="red")
        line.append(" → ")
        line.append(printable(new), style="green")
    line.append("  ")
    line.append(
        "customer-facing" if change.customer_facing else "internal", style="bold" if change.customer_facing else "dim"
    )
    if change.moment_that_matters:
        line.append("  moment that matters", style="bold magenta")
    if change.line is not None:
        line.append(f"  line {change.line}", style="dim")
    return line
