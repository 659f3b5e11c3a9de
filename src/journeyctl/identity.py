"""The identity of a finding across runs: what SARIF fingerprints, JUnit test names and baseline
keys are made of, so that code scanning, CI test tabs and baselines follow one finding from run
to run and from any working directory.

Built from stable things only: the rule, the file's path from the repository root, the semantic
path and the finding's subject (Problem.subject: a persona id, a directive). Never the message,
which may hold a date ("663 days ago"), a count or a line ("first defined at line 14").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from journeyctl.paths import relative_posix
from journeyctl.problems import Problem


class Identity(NamedTuple):
    path: str  # from the repository root, with '/'; absolute for a file outside it
    code: str
    semantic_path: str
    subject: str


def repository_root(config_source: Path | None = None) -> Path:
    """The git top level (the nearest folder holding .git, where configuration discovery stops
    too), else the configuration file's folder, else the current directory."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return config_source.parent if config_source is not None else here


def identity(problem: Problem, root: Path) -> Identity:
    return Identity(relative_posix(problem.path, root), problem.code, problem.semantic_path, problem.subject)


def numbered_identities(problems: Iterable[Problem], root: Path) -> list[tuple[Identity, int]]:
    """Each problem's identity and its number (1, 2, ...) among equal identities, in the order
    given (file order): two identical unused directives in one file stay two findings."""
    seen: Counter[Identity] = Counter()
    numbered = []
    for problem in problems:
        key = identity(problem, root)
        seen[key] += 1
        numbered.append((key, seen[key]))
    return numbered
