"""One side of a diff: the map files of one version, loaded, with the problems that block them.

Both the working tree and a git revision come here as FileTexts, so the comparison never
knows where a file came from. A file whose text is identical on both sides is dropped before
parsing: it cannot hold a change, and an untouched broken file is lint's business, not diff's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from journeyctl.lint.rules.jc006_skipped_file import CHECK as SKIPPED_FILE
from journeyctl.lint.rules.jc101_unknown_reference import CHECK as UNKNOWN_REFERENCE
from journeyctl.loading import MapFile, check_references, load_text
from journeyctl.problems import FILE_START, Problem, Severity
from journeyctl.schema import DEFAULT_CHANNELS


@dataclass(frozen=True, slots=True)
class FileText:
    """A file of one version: `key` pairs it with the other version; `display` is how problems name it."""

    key: str
    display: str
    text: str | Problem
    named_directly: bool = False


@dataclass
class Side:
    files: list[tuple[str, MapFile]] = field(default_factory=list)  # (key, loaded file)
    problems: list[Problem] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # keys of files that could not be read as maps

    def usable(self, blocked: set[str]) -> list[tuple[str, MapFile]]:
        return [(key, map_file) for key, map_file in self.files if key not in blocked]


def drop_unchanged(old: Sequence[FileText], new: Sequence[FileText]) -> tuple[list[FileText], list[FileText]]:
    new_text = {item.key: item.text for item in new}
    same = {item.key for item in old if isinstance(item.text, str) and new_text.get(item.key) == item.text}
    return [item for item in old if item.key not in same], [item for item in new if item.key not in same]


def load_side(texts: Sequence[FileText], *, channels: Sequence[str] = DEFAULT_CHANNELS) -> Side:
    side = Side()
    key_of: dict[str, str] = {}
    for item in texts:
        key_of[item.display] = item.key
        if isinstance(item.text, Problem):
            side.problems.append(item.text)
            side.blocked.add(item.key)
            continue
        map_file, problems = load_text(item.display, item.text, item.named_directly, channels=channels)
        side.problems.extend(problem for problem in problems if _blocks(problem))
        if map_file is None or any(_blocks(problem) for problem in problems):
            side.blocked.add(item.key)
        elif map_file.kind == "account":
            # Not compared: said, so that a changed account never reads as "No changes".
            side.problems.append(
                Problem(
                    item.display,
                    FILE_START,
                    SKIPPED_FILE,
                    "an account file (kind: account): diff compares journeys and catalogs, so its changes are not shown",
                    severity=Severity.WARNING,
                )
            )
            side.blocked.add(item.key)
        else:
            side.files.append((item.key, map_file))
    # References may point into a catalog that is not part of the diff; only duplicate ids,
    # which make matching by id ambiguous, stop a file from being compared.
    for problem in check_references([map_file for _, map_file in side.files]):
        if _blocks(problem):
            side.problems.append(problem)
            side.blocked.add(key_of.get(problem.path, problem.path))
    side.files = [(key, map_file) for key, map_file in side.files if key not in side.blocked]
    return side


def _blocks(problem: Problem) -> bool:
    return problem.severity is Severity.ERROR and problem.check != UNKNOWN_REFERENCE
