"""A JSON list, one object per problem, for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journeyctl.paths import printable
from journeyctl.problems import Problem, Severity


def as_dict(problem: Problem) -> dict:
    return {
        "path": printable(problem.path),
        "line": problem.span.line,
        "column": problem.span.column,
        "end_line": problem.span.end_line,
        "end_column": problem.span.end_column,
        "severity": problem.severity.value,
        "code": problem.code,
        "name": problem.name,
        "message": printable(problem.message, keep_lines=True),
        "semantic_path": printable(problem.semantic_path),
    }


def report_json(
    problems: Sequence[Problem],
    stream: TextIO,
    *,
    files: int,
    seconds: float,
    checked: Sequence[str] = (),
    root: Path | None = None,
    fail_on: Severity = Severity.ERROR,
) -> None:
    json.dump([as_dict(problem) for problem in problems], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
