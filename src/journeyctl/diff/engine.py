"""Operands -> changes and problems: the whole diff, without any output or exit status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.diff.compare import Options, diff_sides
from journeyctl.diff.model import Change
from journeyctl.diff.operands import Operands
from journeyctl.diff.sides import drop_unchanged, load_side
from journeyctl.problems import Problem
from journeyctl.schema import DEFAULT_CHANNELS


@dataclass
class DiffResult:
    changes: list[Change]
    problems: list[Problem]  # files that could not be compared, from either side
    files_compared: int


def run_diff(
    operands: Operands, *, channels: Sequence[str] = DEFAULT_CHANNELS, options: Options = Options()
) -> DiffResult:
    old_texts, new_texts = drop_unchanged(operands.old, operands.new)
    old, new = load_side(old_texts, channels=channels), load_side(new_texts, channels=channels)
    if operands.pair_single_maps:
        options = Options(options.rename_threshold, options.order, pair_single_maps=True)
    changes = diff_sides(old, new, options)
    problems = sorted(old.problems + new.problems, key=lambda problem: problem.sort_key())
    return DiffResult(changes, problems, len({item.key for item in (*old_texts, *new_texts)}))


def unified_fallback(operands: Operands) -> str:
    """A plain line diff, for a file that cannot be read as a map (git's driver must show something)."""
    import difflib

    def text_of(items) -> tuple[str, list[str]]:
        for item in items:
            return item.display, (item.text.splitlines(keepends=True) if isinstance(item.text, str) else [])
        return "/dev/null", []

    old_name, old_lines = text_of(operands.old)
    new_name, new_lines = text_of(operands.new)
    return "".join(difflib.unified_diff(old_lines, new_lines, old_name, new_name))
